"""The audit log: imports, undos, deletes, survey edits, role changes, sign-ins and sign-outs.

`record` adds an entry to the caller's session, so it is written in the same
transaction as the change it describes (a rolled-back import leaves no entry).
Repeated events of one source (failed sign-ins, wrong join codes) are folded:
`record_folded` adds to the count of the entry they share within `FOLD_WINDOW`
instead of adding one entry each, so a flood of them never buries the rest.
The app never deletes an entry. Only administrators read it (`entries`,
`search`: every entry is reachable by paging and filters; the Audit log page).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey.storage import tables as t

ACTIONS = (
    "sign_in",
    "sign_in_failed",
    "sign_out",
    "first_admin",
    "account_create",
    "account_disable",
    "password_reset",
    "role_change",
    "workspace_create",
    "survey_create",
    "survey_edit",
    "survey_rename",
    "survey_archive",
    "survey_delete",
    "target_set",
    "model_set",
    "link_open",
    "link_close",
    "link_setting",
    "personal_links",
    "fixed_link",
    "import",
    "undo_import",
    "class_create",
    "class_join",
    "group_survey",
    "class_code",
    "class_joining",
    "group_add",
    "group_rename",
    "group_indicators",
    "rubric_set",
    "peer_review",
    "peer_review_clear",
    "comment_tag_add",
    "comment_tag_rename",
    "comment_tag_delete",
    "comment_tagged",
    "comment_untagged",
    "follow_up",
    "weighting_save",
    "weighting_rename",
    "weighting_delete",
    "throttle_clear",
    "join_code_failed",
    "action_create",
    "action_edit",
    "action_status",
    "action_delete",
)

FOLD_WINDOW = timedelta(hours=1)  # repeated events of one source within an hour of the last: one entry
PAGE_SIZE = 100


@dataclass(frozen=True)
class Actor:
    """Who acts: an account (id and username), or the command line / system (id None)."""

    account_id: int | None
    username: str


SYSTEM = Actor(None, "system")


def record(
    s: Session,
    actor: Actor | None,
    action: str,
    *,
    workspace_id: int | None = None,
    target: str = "",
    **detail: object,
) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    actor = actor or SYSTEM
    s.add(
        t.AuditEntry(
            workspace_id=workspace_id,
            account_id=actor.account_id,
            username=actor.username,
            action=action,
            target=str(target)[:500],
            detail={k: v for k, v in detail.items() if v is not None},
        )
    )


@dataclass(frozen=True)
class Entry:
    at: datetime
    workspace_id: int | None
    workspace: str
    username: str
    action: str
    target: str
    detail: dict
    count: int = 1


def record_folded(
    s: Session,
    actor: Actor | None,
    action: str,
    *,
    fold_key: str,
    now: datetime,
    target: str = "",
    **detail: object,
) -> None:
    """One more of a repeated event: the entry of `action` and `fold_key` whose last event was less than
    `FOLD_WINDOW` ago counts one more (its time becomes `now`, the first time stays in its detail "first");
    otherwise a new entry with a count of 1."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    fold_key = fold_key[:300]
    entry = s.scalar(
        select(t.AuditEntry)
        .where(t.AuditEntry.action == action, t.AuditEntry.fold_key == fold_key, t.AuditEntry.at > now - FOLD_WINDOW)
        .order_by(t.AuditEntry.at.desc())
        .limit(1)
    )
    if entry is not None:
        entry.count = (entry.count or 1) + 1
        entry.at = now
        return
    actor = actor or SYSTEM
    first = {"first": now.isoformat(timespec="seconds")}
    s.add(
        t.AuditEntry(
            at=now,
            account_id=actor.account_id,
            username=actor.username,
            action=action,
            target=str(target)[:500],
            detail={**{k: v for k, v in detail.items() if v is not None}, **first},
            count=1,
            fold_key=fold_key,
        )
    )


@dataclass(frozen=True)
class Filters:
    """Which entries: one action, one user (the username that acted), from one day to another (both
    included, UTC), one workspace; None: any."""

    action: str | None = None
    username: str | None = None
    since: date | None = None
    until: date | None = None
    workspace_id: int | None = None


@dataclass(frozen=True)
class Page:
    """One page of the entries that match: `entries` (newest first), `total` entries that match, page
    `number` (1-based) of `pages`."""

    entries: list[Entry]
    total: int
    number: int
    pages: int


def _matching(q, filters: Filters):
    if filters.workspace_id is not None:
        q = q.where(t.AuditEntry.workspace_id == filters.workspace_id)
    if filters.action:
        q = q.where(t.AuditEntry.action == filters.action)
    if filters.username:
        q = q.where(t.AuditEntry.username == filters.username)
    if filters.since is not None:
        q = q.where(t.AuditEntry.at >= datetime.combine(filters.since, time.min))
    if filters.until is not None:
        q = q.where(t.AuditEntry.at < datetime.combine(filters.until + timedelta(days=1), time.min))
    return q


def _entries(s: Session, q) -> list[Entry]:
    return [
        Entry(e.at, e.workspace_id, name or "", e.username, e.action, e.target, dict(e.detail or {}), e.count or 1)
        for e, name in s.execute(q).all()
    ]


def _newest_first():
    return (
        select(t.AuditEntry, t.Workspace.name)
        .outerjoin(t.Workspace, t.Workspace.id == t.AuditEntry.workspace_id)
        .order_by(t.AuditEntry.at.desc(), t.AuditEntry.id.desc())
    )


def search(s: Session, filters: Filters = Filters(), *, page: int = 1, per_page: int = PAGE_SIZE) -> Page:
    """Page `page` (1-based; past the last: the last) of the entries matching `filters`, newest first."""
    total = s.scalar(_matching(select(func.count()).select_from(t.AuditEntry), filters)) or 0
    pages = max(1, math.ceil(total / per_page))
    number = min(max(1, int(page)), pages)
    q = _matching(_newest_first(), filters).limit(per_page).offset((number - 1) * per_page)
    return Page(_entries(s, q), total, number, pages)


def every_entry(s: Session, filters: Filters = Filters()) -> list[Entry]:
    """Every entry matching `filters`, newest first (the export: no cap)."""
    return _entries(s, _matching(_newest_first(), filters))


def usernames(s: Session) -> list[str]:
    """Every username that acted in the log, sorted."""
    return list(s.scalars(select(t.AuditEntry.username).distinct().order_by(t.AuditEntry.username)))


def entries(s: Session, *, workspace_id: int | None = None, action: str | None = None, limit: int = 500) -> list[Entry]:
    """The newest `limit` entries first, optionally of one workspace or one action (`search` pages
    through all of them)."""
    q = _matching(_newest_first(), Filters(action=action, workspace_id=workspace_id)).limit(limit)
    return _entries(s, q)
