"""Classes and their groups: a class, its join code, adding and renaming groups, members, joining with a code.

The building blocks (`create_class`, `set_joining_open`, `join_class`, …) change the caller's session; the
user actions at the end (`start_class`, `set_joining`, `change_join_code`, `save_groups`, `join`,
`join_with_new_account`) each check, change, write the audit entry and commit, in one transaction.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey.access import accounts, audit, throttle
from survey.access.accounts import SignedIn
from survey.classroom.common import (
    ClassError,
    acting_as,
    class_name,
    class_room,
    clean_name,
    group_of,
    one_transaction,
    permitted,
)
from survey.classroom.peer_review import DEFAULT_RUBRIC
from survey.storage import store
from survey.storage import tables as t
from survey.storage.tables import utcnow

# Join codes: no 0/O, 1/I/L, so a code read off a projector is typed right. 31^12 ≈ 7.9 × 10^17 codes: out of
# reach of guessing at the rate the throttles allow (README, "Join codes and guessing"; survey.access.throttle).
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


JOIN_CODE_LENGTH = 12


GROUPS_MAX = 30


@dataclass(frozen=True)
class GroupInfo:
    id: int
    name: str
    position: int
    survey_id: int | None
    students: int


@dataclass(frozen=True)
class ClassSummary:
    """A class as the teacher's page lists it."""

    workspace_id: int
    class_id: int
    name: str
    join_code: str
    joining_open: bool
    groups: tuple[GroupInfo, ...]
    students: int


@dataclass(frozen=True)
class JoinTarget:
    """What a join code opens: the class's name and groups (nothing else is told before joining)."""

    workspace_id: int
    name: str
    groups: tuple[tuple[int, str], ...]  # (group id, name)
    joining_open: bool


@dataclass(frozen=True)
class Member:
    account_id: int
    username: str
    display_name: str
    group_id: int | None

    @property
    def name(self) -> str:
        return self.display_name or self.username


def _group_names(names: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Group names trimmed, empty lines dropped; duplicates and too many groups refused."""
    clean = [clean_name(n, "classes.group_name_empty", "field.group_name") for n in names if str(n or "").strip()]
    seen = {n.casefold() for n in taken}
    for name in clean:
        if name.casefold() in seen:
            raise ClassError("classes.group_duplicate", name=name)
        seen.add(name.casefold())
    if len(seen) > GROUPS_MAX:
        raise ClassError("classes.groups_many", n=GROUPS_MAX)
    return clean


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def _unused_join_code(s: Session) -> str:
    while True:
        code = new_join_code()
        if s.scalar(select(t.ClassRoom.id).where(t.ClassRoom.join_code == code)) is None:
            return code


def normal_code(code: str | None) -> str:
    """A join code as typed, upper-case, without spaces and dashes ("abc-d2e" → "ABCD2E")."""
    return "".join(ch for ch in str(code or "").upper() if not ch.isspace() and ch != "-")[:40]


def create_class(s: Session, teacher_account_id: int, name: str, group_names: Iterable[str]) -> ClassSummary:
    """A new class: its workspace (kind "class"), a join code, the groups and the teacher's membership."""
    name = clean_name(name, "classes.name_empty")
    groups = _group_names(group_names)
    if not groups:
        raise ClassError("classes.groups_empty")
    ws = accounts.create_workspace(s, name, kind="class")
    room = t.ClassRoom(
        workspace_id=ws.id, join_code=_unused_join_code(s), joining_open=True, rubric=[dict(c) for c in DEFAULT_RUBRIC]
    )
    s.add(room)
    s.flush()
    for position, group in enumerate(groups):
        s.add(t.ClassGroup(workspace_id=ws.id, class_id=room.id, position=position, name=group))
    accounts.set_role(s, teacher_account_id, ws.id, "teacher")
    s.flush()
    return class_summary(s, ws.id)


def class_summary(s: Session, workspace_id: int) -> ClassSummary:
    room = class_room(s, workspace_id)
    ws = s.get(t.Workspace, workspace_id)
    counts = dict(
        s.execute(
            select(t.Membership.group_id, func.count())
            .where(t.Membership.workspace_id == workspace_id, t.Membership.role == "student")
            .group_by(t.Membership.group_id)
        ).all()
    )
    groups = tuple(
        GroupInfo(g.id, g.name, g.position, g.survey_id, counts.get(g.id, 0))
        for g in sorted(room.groups, key=lambda g: (g.position, g.id))
    )
    return ClassSummary(
        workspace_id=workspace_id,
        class_id=room.id,
        name=ws.name,
        join_code=room.join_code,
        joining_open=room.joining_open,
        groups=groups,
        students=sum(counts.values()),
    )


def classes_of(s: Session, who: SignedIn) -> list[ClassSummary]:
    """The classes `who` may manage (teacher there, or administrator), oldest first."""
    found = []
    for place in accounts.places(s, who):
        if place.kind == "class" and place.may("classes.manage"):
            try:
                found.append(class_summary(s, place.workspace_id))
            except store.NotFound:  # a class workspace made by hand, without its class row
                continue
    return found


def group_info(s: Session, workspace_id: int, group_id: int) -> GroupInfo:
    group = group_of(s, workspace_id, group_id)
    students = s.scalar(
        select(func.count())
        .select_from(t.Membership)
        .where(t.Membership.workspace_id == workspace_id, t.Membership.group_id == group.id)
    )
    return GroupInfo(group.id, group.name, group.position, group.survey_id, int(students or 0))


def regenerate_code(s: Session, workspace_id: int) -> str:
    """A new join code for the class; the old one stops working."""
    room = class_room(s, workspace_id)
    room.join_code = _unused_join_code(s)
    s.flush()
    return room.join_code


def set_joining_open(s: Session, workspace_id: int, joining_open: bool) -> None:
    class_room(s, workspace_id).joining_open = bool(joining_open)
    s.flush()


def add_group(s: Session, workspace_id: int, name: str) -> int:
    room = class_room(s, workspace_id)
    names = _group_names([name], [g.name for g in room.groups])
    if not names:
        raise ClassError("classes.group_name_empty")
    position = max((g.position for g in room.groups), default=-1) + 1
    group = t.ClassGroup(workspace_id=workspace_id, class_id=room.id, position=position, name=names[0])
    s.add(group)
    s.flush()
    return group.id


def rename_group(s: Session, workspace_id: int, group_id: int, name: str) -> None:
    group = group_of(s, workspace_id, group_id)
    others = [g.name for g in class_room(s, workspace_id).groups if g.id != group.id]
    names = _group_names([name], others)
    if not names:
        raise ClassError("classes.group_name_empty")
    group.name = names[0]
    s.flush()


def members(s: Session, workspace_id: int) -> list[Member]:
    """The class's students, by name."""
    class_room(s, workspace_id)
    rows = s.execute(
        select(t.Account.id, t.Account.username, t.Account.display_name, t.Membership.group_id)
        .join(t.Membership, t.Membership.account_id == t.Account.id)
        .where(t.Membership.workspace_id == workspace_id, t.Membership.role == "student")
        .order_by(t.Account.display_name, t.Account.username)
    ).all()
    return [Member(*row) for row in rows]


def class_for_code(s: Session, code: str | None) -> JoinTarget:
    """The class a join code opens (case, spaces and dashes ignored); ClassError "join.code_unknown"."""
    wanted = normal_code(code)
    if len(wanted) != JOIN_CODE_LENGTH or any(ch not in JOIN_CODE_ALPHABET for ch in wanted):
        raise ClassError("join.code_unknown", n=JOIN_CODE_LENGTH)
    room = s.scalar(select(t.ClassRoom).where(t.ClassRoom.join_code == wanted))
    if room is None:
        raise ClassError("join.code_unknown", n=JOIN_CODE_LENGTH)
    groups = tuple((g.id, g.name) for g in sorted(room.groups, key=lambda g: (g.position, g.id)))
    return JoinTarget(room.workspace_id, s.get(t.Workspace, room.workspace_id).name, groups, room.joining_open)


def join_class(s: Session, account_id: int, code: str | None, group_id: int) -> int:
    """Make the account a student of the class in one of its groups; returns the class's workspace id.

    Refused (ClassError): an unknown code, joining closed, a group of another
    class, an account with another role in the class. A student who joins
    again moves to the group chosen.
    """
    target = class_for_code(s, code)
    if not target.joining_open:
        raise ClassError("join.closed")
    if group_id not in {g for g, _ in target.groups}:
        raise ClassError("join.group_unknown")
    group_id = int(group_id)
    role = s.scalar(
        select(t.Membership.role).where(
            t.Membership.account_id == account_id, t.Membership.workspace_id == target.workspace_id
        )
    )
    if role is not None and role != "student":
        raise ClassError("join.other_role")
    accounts.set_role(s, account_id, target.workspace_id, "student", group_id)
    return target.workspace_id


# --- guessing codes ------------------------------------------------------------------------------------------


def look_up_code(s: Session, code: str | None, *, source: str, now: datetime | None = None) -> JoinTarget:
    """What a join code typed (or brought by a link) from the client address `source` opens
    (`class_for_code`), with guessing slowed down (survey.access.throttle: by address, "join+source", and
    over everyone, "join-global"), whichever browser session it comes from. Committed.

    Refused (ClassError): "join.too_many" (with `seconds` to wait; the code was not looked at), or
    "join.code_unknown" (counted, and audited folded per address as "join_code_failed").
    """
    now = now or utcnow()
    with throttle.one_at_a_time(s, "join", source), one_transaction(s):
        verdict = throttle.check(s, [(throttle.JOIN_SOURCE, source)], throttle.JOIN_GLOBAL, now)
        if verdict.wait:
            raise ClassError("join.too_many", seconds=verdict.wait)
        if verdict.pause:
            throttle.pause(verdict.pause)
        try:
            return class_for_code(s, code)
        except ClassError:
            pass  # a wrong code: counted, then refused (committed with the count)
        throttle.record_failure(s, throttle.JOIN_SOURCE, source, now)
        throttle.record_failure(s, throttle.JOIN_GLOBAL, throttle.GLOBAL_KEY[throttle.JOIN_GLOBAL], now)
        audit.record_folded(s, None, "join_code_failed", fold_key=source, now=now, target=source, source=source)
    raise ClassError("join.code_unknown", n=JOIN_CODE_LENGTH)


# --- what the teacher does -----------------------------------------------------------------------------------


def start_class(s: Session, who: SignedIn, name: str, group_names: Iterable[str]) -> ClassSummary:
    """A teacher creates a class with its groups (`create_class`), audited "class_create"; committed.

    Refused (ClassError): "classes.not_allowed" unless `who` may manage classes in some workspace, and
    `create_class`'s refusals.
    """
    with one_transaction(s):
        if not any(place.may("classes.manage") for place in accounts.places(s, who)):
            raise ClassError("classes.not_allowed")
        made = create_class(s, who.account_id, name, group_names)
        audit.record(
            s, acting_as(who), "class_create", workspace_id=made.workspace_id, target=made.name, groups=len(made.groups)
        )
    return made


def set_joining(s: Session, who: SignedIn, workspace_id: int, joining_open: bool) -> None:
    """The teacher opens or closes joining the class, audited "class_joining"; committed."""
    with one_transaction(s):
        permitted(s, who, workspace_id, "classes.manage")
        set_joining_open(s, workspace_id, joining_open)
        audit.record(
            s,
            acting_as(who),
            "class_joining",
            workspace_id=workspace_id,
            target=class_name(s, workspace_id),
            open=bool(joining_open),
        )


def change_join_code(s: Session, who: SignedIn, workspace_id: int) -> str:
    """The teacher gives the class a new join code (the old one stops working), audited "class_code";
    committed. Returns the new code."""
    with one_transaction(s):
        permitted(s, who, workspace_id, "classes.manage")
        code = regenerate_code(s, workspace_id)
        audit.record(s, acting_as(who), "class_code", workspace_id=workspace_id, target=class_name(s, workspace_id))
    return code


def save_groups(s: Session, who: SignedIn, workspace_id: int, rows: Sequence[tuple[int | None, str]]) -> int:
    """The teacher's group table as edited: (group id, name) per row, id None for a new row.

    A new row with a name adds a group ("group_add"); a row whose name differs from the group's renames it
    ("group_rename"); a new row without a name is left out. All or nothing: one refused row
    (`add_group`, `rename_group`) leaves every group as it was. Committed; returns the number of changes.
    """
    changes = 0
    with one_transaction(s):
        permitted(s, who, workspace_id, "classes.manage")
        before = {g.id: g.name for g in class_room(s, workspace_id).groups}
        for group_id, name in rows:
            if group_id is None:
                if not name:
                    continue
                add_group(s, workspace_id, name)
                action = "group_add"
            elif name != before.get(group_id):
                rename_group(s, workspace_id, group_id, name)
                action = "group_rename"
            else:
                continue
            audit.record(s, acting_as(who), action, workspace_id=workspace_id, target=name)
            changes += 1
    return changes


# --- what a student does to join -----------------------------------------------------------------------------


def _joined(s: Session, account: t.Account, code: str | None, group_id: int) -> int:
    workspace_id = join_class(s, account.id, code, group_id)
    group = group_of(s, workspace_id, group_id)
    audit.record(
        s, audit.Actor(account.id, account.username), "class_join", workspace_id=workspace_id, target=group.name
    )
    return workspace_id


def join(s: Session, account_id: int, code: str | None, group_id: int) -> int:
    """An account (signed in, or its password just checked) joins the class of `code` in one of its groups
    (`join_class`), audited "class_join"; committed. Returns the class's workspace id."""
    with one_transaction(s):
        account = s.get(t.Account, account_id)
        if account is None:
            raise accounts.AccountError("account.not_found")
        return _joined(s, account, code, group_id)


def join_with_new_account(
    s: Session, code: str | None, group_id: int, *, username: str, password: str, display_name: str = ""
) -> tuple[int, int]:
    """Someone new makes an account and joins the class of `code` in one of its groups, in one transaction
    (audited "account_create" and "class_join"): a refused join (ClassError) or account (AccountError) leaves
    no account behind. Committed; returns (account id, workspace id)."""
    with one_transaction(s):
        account = accounts.create_account(s, username, password, display_name=display_name)
        audit.record(s, audit.Actor(account.id, account.username), "account_create", target=account.username)
        workspace_id = _joined(s, account, code, group_id)
    return account.id, workspace_id
