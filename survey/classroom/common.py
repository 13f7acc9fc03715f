"""What the classroom's parts share: the refusal (`ClassError`), names, a class or a group of a workspace, and
what every user action does around its change (`permitted`, `acting_as`, `one_transaction`)."""

from __future__ import annotations

import numbers
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.access import accounts, audit
from survey.access.accounts import Place, SignedIn
from survey.characters import bad_character, normal_text
from survey.design.definition import LABEL_MAX
from survey.errors import UserError
from survey.i18n import Term
from survey.storage import store
from survey.storage import tables as t

NAME_MAX = 100  # characters of a class or group name


class ClassError(UserError):
    """A refused classroom action; `message` is a translation id, `params` fill it."""


@contextmanager
def one_transaction(s: Session) -> Iterator[None]:
    """A user action's one transaction: committed when the block ends, rolled back (and the refusal raised
    again) when anything in it raises, so a refused action writes nothing, its audit entry included.

    The action owns the session's transaction: call it in a session without uncommitted work of its own.
    """
    try:
        yield
    except BaseException:
        s.rollback()
        raise
    s.commit()


def permitted(s: Session, who: SignedIn, workspace_id: int, permission: str, *, group_id: int | None = None) -> Place:
    """`who`'s place in the class when their role there has `permission` (and, with `group_id`, they are in
    that group); otherwise ClassError "classes.not_allowed". The pages ask first (`ui.page.start`); the
    action asks again before it writes."""
    place = accounts.place(s, who, workspace_id)
    if place is None or not place.may(permission) or (group_id is not None and place.group_id != group_id):
        raise ClassError("classes.not_allowed")
    return place


def acting_as(who: SignedIn) -> audit.Actor:
    """The signed-in user as the audit log names them."""
    return audit.Actor(who.account_id, who.username)


def class_room(s: Session, workspace_id: int) -> t.ClassRoom:
    room = s.scalar(select(t.ClassRoom).where(t.ClassRoom.workspace_id == workspace_id))
    if room is None:
        raise store.NotFound(workspace_id)
    return room


def class_name(s: Session, workspace_id: int) -> str:
    """The class's name (its workspace's)."""
    class_room(s, workspace_id)
    return s.get(t.Workspace, workspace_id).name


def group_of(s: Session, workspace_id: int, group_id: int) -> t.ClassGroup:
    is_id = isinstance(group_id, numbers.Integral) and not isinstance(group_id, bool)
    group = s.get(t.ClassGroup, int(group_id)) if is_id else None
    if group is None or group.workspace_id != workspace_id:
        raise store.NotFound(group_id)
    return group


def clean_name(name: str, empty: str, field_id: str = "field.class_name") -> str:
    name = str(name or "")
    refuse_bad_character(name, field_id)  # before spaces are joined: \x0b, \x1f and \x85 count as spaces
    name = normal_text(" ".join(name.split()))
    if not name:
        raise ClassError(empty)
    if len(name) > NAME_MAX:
        raise ClassError("classes.name_long", n=NAME_MAX)
    return name


def refuse_bad_character(value: str, field_id: str, **names: object) -> None:
    bad = bad_character(value)
    if bad is not None:
        raise ClassError("text.bad_character", field=Term(field_id, names), **bad.params)


def checked_label(value: str | None, field_id: str = "field.indicator_label", **names: object) -> str:
    label = str(value or "")
    refuse_bad_character(label, field_id, **names)
    label = normal_text(" ".join(label.split()))
    if len(label) > LABEL_MAX:
        raise ClassError("group.label_long", n=LABEL_MAX)
    return label
