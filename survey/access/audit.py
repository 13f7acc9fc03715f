"""The audit log: imports, undos, deletes, survey edits, role changes, sign-ins and sign-outs.

`record` adds an entry to the caller's session, so it is written in the same
transaction as the change it describes (a rolled-back import leaves no entry).
Only administrators read it (`entries`, the Audit log page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
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
    "link_open",
    "link_close",
    "link_setting",
    "personal_links",
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
    "action_create",
    "action_edit",
    "action_status",
    "action_delete",
)


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


def entries(s: Session, *, workspace_id: int | None = None, action: str | None = None, limit: int = 500) -> list[Entry]:
    """The newest entries first, optionally of one workspace or one action."""
    q = (
        select(t.AuditEntry, t.Workspace.name)
        .outerjoin(t.Workspace, t.Workspace.id == t.AuditEntry.workspace_id)
        .order_by(t.AuditEntry.at.desc(), t.AuditEntry.id.desc())
        .limit(limit)
    )
    if workspace_id is not None:
        q = q.where(t.AuditEntry.workspace_id == workspace_id)
    if action is not None:
        q = q.where(t.AuditEntry.action == action)
    return [
        Entry(e.at, e.workspace_id, name or "", e.username, e.action, e.target, dict(e.detail or {}))
        for e, name in s.execute(q).all()
    ]
