"""What the classroom's parts share: the refusal (`ClassError`), names, a class or a group of a workspace."""

from __future__ import annotations

import numbers

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.characters import bad_character, normal_text
from survey.design.definition import LABEL_MAX
from survey.errors import UserError
from survey.i18n import Term
from survey.storage import store
from survey.storage import tables as t

NAME_MAX = 100  # characters of a class or group name


class ClassError(UserError):
    """A refused classroom action; `message` is a translation id, `params` fill it."""


def class_room(s: Session, workspace_id: int) -> t.ClassRoom:
    room = s.scalar(select(t.ClassRoom).where(t.ClassRoom.workspace_id == workspace_id))
    if room is None:
        raise store.NotFound(workspace_id)
    return room


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
