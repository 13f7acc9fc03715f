"""Accounts, passwords, sign-in sessions and memberships.

Passwords are hashed with argon2id (`argon2-cffi`); only the hash is stored,
and no function here logs or returns a password. A sign-in session is a
random token kept in the browser session; the database keeps only its
SHA-256, and a session ends after `IDLE_LIMIT` without activity or
`SESSION_LIMIT` after sign-in, whichever comes first.

Wrong passwords slow down (survey.access.throttle): after `FREE_ATTEMPTS`
failures of one username from one client address, that address waits before
its next attempt at that username (right or wrong), a wait that doubles with
each further failure, up to `MAX_WAIT`; an address failing on many usernames
waits too, and past a ceiling of failures per minute everyone is slowed by a
few seconds. Someone failing elsewhere never makes the rightful user wait at
their own address. A correct password resets its address's count for the
username. An unknown username is counted and costs the same hashing time as
a known one, so neither the answer nor its timing tells which usernames exist.
Failed sign-ins are audited folded: one entry per address and username tried
within an hour, with a count.

The building blocks take a SQLAlchemy session and leave the commit to the caller. The user actions (the
last section: sign in and out, change a password, add an account, change a role, ...) take the `Database`
and are one transaction each: they check that the acting account may do it (`check_permission`), write,
write the audit entry and commit; a refused action raises `AccountError` and writes nothing (a wrong
password still counts towards the wait, and is audited as a failed sign-in).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from survey.access import audit, throttle
from survey.access.permissions import MEMBER_ROLES, allowed
from survey.characters import bad_character, normal_text, trim
from survey.errors import UserError
from survey.i18n import Term
from survey.storage import tables as t
from survey.storage.db import Database
from survey.storage.tables import utcnow

IDLE_LIMIT = timedelta(hours=2)
SESSION_LIMIT = timedelta(hours=12)
FREE_ATTEMPTS = throttle.RULES[throttle.ACCOUNT_SOURCE].free  # 3
FIRST_WAIT = throttle.RULES[throttle.ACCOUNT_SOURCE].first_wait  # 2 s
MAX_WAIT = throttle.RULES[throttle.ACCOUNT_SOURCE].max_wait  # 15 min
MIN_PASSWORD = 8
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,99}$")

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a real password, for timing only")


class AccountError(UserError):
    """A refused account action; `message` is a translation id, `params` fill it."""


@dataclass(frozen=True)
class SignedIn:
    """The signed-in account as pages see it (no password hash)."""

    account_id: int
    username: str
    display_name: str
    is_admin: bool

    @property
    def name(self) -> str:
        return self.display_name or self.username

    @property
    def actor(self) -> audit.Actor:
        """The account as the audit log names it."""
        return audit.Actor(self.account_id, self.username)


@dataclass(frozen=True)
class Place:
    """One workspace an account may work in, with its role there."""

    workspace_id: int
    name: str
    kind: str  # organisation | class
    role: str  # administrator for an admin without a membership
    group_id: int | None = None

    def may(self, permission: str) -> bool:
        """The role's permission here; a teacher reads dashboards only in a class (their classes' results),
        not in the organisation where they create classes (and plans actions there alone)."""
        if self.role == "teacher" and self.kind != "class" and permission.startswith(("dashboards.", "actions.")):
            return False
        return allowed(self.role, permission)


# --- accounts ----------------------------------------------------------------------------------


def normal_username(username: str) -> str:
    return username.strip().lower()


def has_accounts(s: Session) -> bool:
    return s.scalar(select(func.count()).select_from(t.Account)) > 0


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError("account.password_short", n=MIN_PASSWORD)


NAME_MAX = 200  # characters kept of a display or workspace name


def _checked_name(value: str, field_id: str) -> str:
    """A name as stored: trimmed, in Unicode NFC, at most `NAME_MAX` characters; AccountError when it holds a
    control character or non-character."""
    name = normal_text(trim(value))[:NAME_MAX]
    bad = bad_character(name)
    if bad is not None:
        raise AccountError("text.bad_character", field=Term(field_id), **bad.params)
    return name


def create_account(
    s: Session, username: str, password: str, *, display_name: str = "", is_admin: bool = False
) -> t.Account:
    name = normal_username(username)
    if not USERNAME.match(name):
        raise AccountError("account.username_invalid")
    check_password(password)
    if s.scalar(select(t.Account.id).where(t.Account.username == name)) is not None:
        raise AccountError("account.username_taken", username=name)
    account = t.Account(
        username=name,
        display_name=_checked_name(display_name, "field.display_name"),
        password_hash=_hasher.hash(password),
        is_admin=is_admin,
    )
    s.add(account)
    s.flush()
    return account


def create_first_admin(s: Session, username: str, password: str, display_name: str = "") -> t.Account:
    """The first administrator, on first start; refused once any account exists."""
    if has_accounts(s):
        raise AccountError("account.first_admin_exists")
    return create_account(s, username, password, display_name=display_name, is_admin=True)


def find_account(s: Session, username: str) -> t.Account:
    account = s.scalar(select(t.Account).where(t.Account.username == normal_username(username)))
    if account is None:
        raise AccountError("account.not_found")
    return account


def set_password(s: Session, account_id: int, password: str) -> None:
    check_password(password)
    account = s.get(t.Account, account_id)
    if account is None:
        raise AccountError("account.not_found")
    account.password_hash = _hasher.hash(password)
    account.failed_sign_ins = 0
    throttle.forget_username(s, account.username)  # a new password: every address may try it at once
    end_sessions(s, account_id)


def _failed(s: Session, name: str, source: str, now: datetime) -> None:
    """Count a wrong password for `name` (an account's or one that exists nowhere) from `source`."""
    throttle.record_failure(s, throttle.ACCOUNT_SOURCE, throttle.account_key(name, source), now)
    throttle.record_failure(s, throttle.SOURCE, source, now)
    throttle.record_failure(s, throttle.GLOBAL, throttle.GLOBAL_KEY[throttle.GLOBAL], now)


def authenticate(
    s: Session, username: str, password: str, *, source: str = throttle.UNKNOWN, now: datetime | None = None
) -> t.Account:
    """The account for a username and password tried from the client address `source`, or AccountError:
    "account.wait" (this address must wait first: its own failures at this username, or at many), a wrong
    password or unknown username (counted), a disabled account. Past the global ceiling the check comes
    after a pause of a few seconds (`throttle.pause`)."""
    now = now or utcnow()
    name = normal_username(username)[:100]
    keys = [(throttle.ACCOUNT_SOURCE, throttle.account_key(name, source)), (throttle.SOURCE, source)]
    verdict = throttle.check(s, keys, throttle.GLOBAL, now)
    if verdict.wait:
        raise AccountError("account.wait", seconds=verdict.wait)
    if verdict.pause:
        throttle.pause(verdict.pause)
    account = s.scalar(select(t.Account).where(t.Account.username == name))
    if account is None:
        try:
            _hasher.verify(_DUMMY_HASH, password)
        except VerificationError:
            pass
        _failed(s, name, source, now)
        raise AccountError("account.wrong_password")
    try:
        _hasher.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        _failed(s, name, source, now)
        raise AccountError("account.wrong_password") from None
    if account.disabled:
        raise AccountError("account.disabled")
    throttle.forget(s, throttle.ACCOUNT_SOURCE, throttle.account_key(name, source))
    if _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _hasher.hash(password)
    return account


def signed_in(account: t.Account) -> SignedIn:
    return SignedIn(account.id, account.username, account.display_name, account.is_admin)


# --- sessions ----------------------------------------------------------------------------------


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(s: Session, account_id: int, *, now: datetime | None = None) -> str:
    """A new session token for the account (kept by the browser session; only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    now = now or utcnow()
    s.add(t.SignInSession(account_id=account_id, token_hash=_digest(token), created_at=now, last_seen_at=now))
    s.flush()
    return token


def resume_session(s: Session, token: str | None, *, now: datetime | None = None) -> SignedIn | None:
    """The account of a live session token, touching it; None when unknown, expired or disabled."""
    if not token:
        return None
    now = now or utcnow()
    row = s.scalar(select(t.SignInSession).where(t.SignInSession.token_hash == _digest(token)))
    if row is None:
        return None
    if now - row.last_seen_at > IDLE_LIMIT or now - row.created_at > SESSION_LIMIT:
        s.delete(row)
        return None
    account = s.get(t.Account, row.account_id)
    if account is None or account.disabled:
        return None
    if now - row.last_seen_at > timedelta(minutes=1):  # one write a minute, not one per rerun
        row.last_seen_at = now
    return signed_in(account)


def end_session(s: Session, token: str | None) -> None:
    if token:
        s.execute(delete(t.SignInSession).where(t.SignInSession.token_hash == _digest(token)))


def end_sessions(s: Session, account_id: int) -> None:
    s.execute(delete(t.SignInSession).where(t.SignInSession.account_id == account_id))


# --- memberships and workspaces ---------------------------------------------------------------


def places(s: Session, who: SignedIn) -> list[Place]:
    """The workspaces `who` may work in: their memberships; every workspace for an administrator."""
    rows = s.execute(
        select(t.Membership, t.Workspace)
        .join(t.Workspace, t.Workspace.id == t.Membership.workspace_id)
        .where(t.Membership.account_id == who.account_id)
        .order_by(t.Workspace.id)
    ).all()
    found = {ws.id: Place(ws.id, ws.name, ws.kind, m.role, m.group_id) for m, ws in rows}
    if who.is_admin:
        for ws in s.scalars(select(t.Workspace).order_by(t.Workspace.id)):
            group = found[ws.id].group_id if ws.id in found else None
            found[ws.id] = Place(ws.id, ws.name, ws.kind, "administrator", group)
    return sorted(found.values(), key=lambda p: p.workspace_id)


def place(s: Session, who: SignedIn, workspace_id: int) -> Place | None:
    """`who`'s place in one workspace, or None when they have none there."""
    return next((p for p in places(s, who) if p.workspace_id == workspace_id), None)


def set_role(s: Session, account_id: int, workspace_id: int, role: str | None, group_id: int | None = None) -> None:
    """Give an account a role in a workspace (None removes the membership)."""
    if role is not None and role not in MEMBER_ROLES:
        raise AccountError("account.role_unknown", role=role)
    if s.get(t.Account, account_id) is None:
        raise AccountError("account.not_found")
    if s.get(t.Workspace, workspace_id) is None:
        raise AccountError("account.workspace_not_found")
    m = s.scalar(
        select(t.Membership).where(t.Membership.account_id == account_id, t.Membership.workspace_id == workspace_id)
    )
    if role is None:
        if m is not None:
            s.delete(m)
        return
    if m is None:
        m = t.Membership(account_id=account_id, workspace_id=workspace_id, role=role)
        s.add(m)
    m.role = role
    m.group_id = group_id
    s.flush()


def list_accounts(s: Session) -> list[t.Account]:
    return list(s.scalars(select(t.Account).order_by(t.Account.username)))


@dataclass(frozen=True)
class WorkspaceInfo:
    id: int
    name: str
    kind: str  # "organisation" or "class"


def list_workspaces(s: Session) -> list[WorkspaceInfo]:
    """Every workspace, oldest first."""
    rows = s.execute(select(t.Workspace.id, t.Workspace.name, t.Workspace.kind).order_by(t.Workspace.id))
    return [WorkspaceInfo(*row) for row in rows]


def set_disabled(s: Session, actor: audit.Actor, account_id: int, disabled: bool) -> None:
    """Disable an account (its sessions end at once, it cannot sign in) or enable it again, with an audit
    entry. No one disables their own account (an administrator would lock themselves out)."""
    if disabled and actor.account_id == account_id:
        raise AccountError("account.disable_self")
    account = s.get(t.Account, account_id)
    if account is None:
        raise AccountError("account.not_found")
    account.disabled = disabled
    if disabled:
        end_sessions(s, account_id)
    audit.record(s, actor, "account_disable", target=account.username, disabled=disabled)


def memberships(s: Session, account_id: int) -> dict[int, str]:
    """{workspace id: role} of one account."""
    rows = s.execute(
        select(t.Membership.workspace_id, t.Membership.role).where(t.Membership.account_id == account_id)
    ).all()
    return dict(rows)


def create_workspace(s: Session, name: str, kind: str = "organisation") -> t.Workspace:
    name = _checked_name(name, "field.workspace_name")
    if not name:
        raise AccountError("account.workspace_name_empty")
    ws = t.Workspace(name=name, kind=kind)
    s.add(ws)
    s.flush()
    return ws


# --- user actions: each one transaction that checks, writes, audits and commits -----------------


def check_permission(s: Session, who: SignedIn, permission: str, workspace_id: int | None = None) -> Place:
    """`who`'s place where they act, when their role there has `permission`: in `workspace_id`, or (None) in
    any of their workspaces for an action on the whole app (accounts, workspaces). Read again from the
    database, so an account disabled or a role taken away since the page was shown is refused:
    AccountError "account.not_permitted"."""
    account = s.get(t.Account, who.account_id)
    if account is None or account.disabled:
        raise AccountError("account.not_permitted")
    mine = places(s, signed_in(account))
    found = next((p for p in mine if p.may(permission) and workspace_id in (None, p.workspace_id)), None)
    if found is None:
        raise AccountError("account.not_permitted")
    return found


def label(account: t.Account) -> str:
    """An account as the users page lists it and its audit entries name it: "username (display name)"."""
    return f"{account.username} ({account.display_name})" if account.display_name else account.username


def _authenticated(s: Session, username: str, password: str, source: str, now: datetime | None) -> t.Account:
    """`authenticate`; when refused, the counts of wrong passwords are committed (with a folded
    "sign_in_failed" entry for a wrong password) before the AccountError goes on."""
    now = now or utcnow()
    try:
        return authenticate(s, username, password, source=source, now=now)
    except AccountError as e:
        if e.message == "account.wrong_password":
            name = normal_username(username)[:100]
            fold = f"{source}|{name}"
            audit.record_folded(s, None, "sign_in_failed", fold_key=fold, now=now, target=name, source=source)
        s.commit()  # keeps the count of wrong passwords
        raise


def sign_in(
    db: Database, username: str, password: str, *, source: str = throttle.UNKNOWN, now: datetime | None = None
) -> tuple[SignedIn, str]:
    """Sign in with a username and password from the client address `source`: the account and a new session
    token, audited as "sign_in". AccountError: a wrong password (counted and audited, folded, as
    "sign_in_failed"), a disabled account, or wait (`authenticate`)."""
    with db.session() as s, throttle.one_at_a_time(s, "sign-in", source):
        account = _authenticated(s, username, password, source, now)
        actor = audit.Actor(account.id, account.username)
        audit.record(s, actor, "sign_in", target=account.username, source=source)
        token = start_session(s, account.id, now=now)
        s.commit()
        return signed_in(account), token


def verify_password(
    db: Database, username: str, password: str, *, source: str = throttle.UNKNOWN, now: datetime | None = None
) -> SignedIn:
    """The account of a username and password, audited as "sign_in" (joining a class with an existing
    account); refused as `sign_in` is. Starts no session."""
    with db.session() as s, throttle.one_at_a_time(s, "sign-in", source):
        account = _authenticated(s, username, password, source, now)
        actor = audit.Actor(account.id, account.username)
        audit.record(s, actor, "sign_in", target=account.username, source=source)
        s.commit()
        return signed_in(account)


def open_session(db: Database, account_id: int) -> str:
    """A new session token for an account that has just proved who it is in an audited action of its own
    (the first administrator, joining a class)."""
    with db.session() as s:
        token = start_session(s, account_id)
        s.commit()
        return token


def resume(db: Database, token: str | None) -> SignedIn | None:
    """The account of a live session token (`resume_session`), its activity recorded; None when unknown,
    expired (the session is removed) or disabled."""
    with db.session() as s:
        who = resume_session(s, token)
        s.commit()
        return who


def sign_out(db: Database, token: str | None) -> None:
    """End the session of `token`, audited as its account's "sign_out"; nothing for an unknown or ended one."""
    if not token:
        return
    with db.session() as s:
        row = s.scalar(select(t.SignInSession).where(t.SignInSession.token_hash == _digest(token)))
        if row is None:
            return
        account = s.get(t.Account, row.account_id)
        s.delete(row)
        if account is not None:
            audit.record(s, audit.Actor(account.id, account.username), "sign_out", target=account.username)
        s.commit()


def create_first_administrator(db: Database, username: str, password: str, display_name: str = "") -> str:
    """The first administrator, on first start, signed in: returns the session token. Audited as
    "first_admin"; AccountError once any account exists, or for a bad username or password."""
    with db.session() as s:
        account = create_first_admin(s, username, password, display_name)
        audit.record(s, audit.Actor(account.id, account.username), "first_admin", target=account.username)
        token = start_session(s, account.id)
        s.commit()
        return token


def change_own_password(
    db: Database, who: SignedIn, old_password: str, new_password: str, *, source: str = throttle.UNKNOWN
) -> None:
    """`who` changes their password, proving it with the current one; every session of the account ends.
    Audited as "password_reset". A wrong current password is refused as a sign-in is (counted, audited as
    "sign_in_failed"); a new password too short is refused after the current one was found right (which, as a
    sign-in, clears the count of wrong passwords)."""
    with db.session() as s, throttle.one_at_a_time(s, "sign-in", source):
        account = _authenticated(s, who.username, old_password, source, None)
        try:
            check_password(new_password)
        except AccountError:
            s.commit()
            raise
        set_password(s, account.id, new_password)
        audit.record(s, who.actor, "password_reset", target=who.username)
        s.commit()


def add_account(
    db: Database,
    who: SignedIn,
    username: str,
    password: str,
    *,
    display_name: str = "",
    is_admin: bool = False,
    workspace_id: int,
    role: str,
) -> SignedIn:
    """An administrator adds an account with a role in one workspace, audited as "account_create"."""
    with db.session() as s:
        check_permission(s, who, "users.manage", workspace_id)
        account = create_account(s, username, password, display_name=display_name, is_admin=is_admin)
        set_role(s, account.id, workspace_id, role)
        detail = {"role": role, "admin": is_admin}
        audit.record(s, who.actor, "account_create", workspace_id=workspace_id, target=account.username, **detail)
        s.commit()
        return signed_in(account)


def change_role(db: Database, who: SignedIn, account_id: int, workspace_id: int, role: str | None) -> None:
    """An administrator gives an account a role in a workspace (None: no role there), audited as
    "role_change" with the old and the new role."""
    with db.session() as s:
        check_permission(s, who, "users.manage", workspace_id)
        account = s.get(t.Account, account_id)
        if account is None:
            raise AccountError("account.not_found")
        old = memberships(s, account_id).get(workspace_id)
        set_role(s, account_id, workspace_id, role)
        audit.record(s, who.actor, "role_change", workspace_id=workspace_id, target=label(account), old=old, new=role)
        s.commit()


def reset_password(db: Database, who: SignedIn, account_id: int, password: str) -> None:
    """An administrator sets another account's password (its sessions end), audited as "password_reset"."""
    with db.session() as s:
        check_permission(s, who, "users.manage")
        set_password(s, account_id, password)
        audit.record(s, who.actor, "password_reset", target=label(s.get(t.Account, account_id)))
        s.commit()


def set_account_disabled(db: Database, who: SignedIn, account_id: int, disabled: bool) -> None:
    """An administrator disables an account or enables it again (`set_disabled`, audited)."""
    with db.session() as s:
        check_permission(s, who, "users.manage")
        set_disabled(s, who.actor, account_id, disabled)
        s.commit()


def add_workspace(db: Database, who: SignedIn, name: str) -> WorkspaceInfo:
    """An administrator adds an organisation's workspace, audited as "workspace_create"."""
    with db.session() as s:
        check_permission(s, who, "users.manage")
        ws = create_workspace(s, name)
        audit.record(s, who.actor, "workspace_create", workspace_id=ws.id, target=ws.name)
        s.commit()
        return WorkspaceInfo(ws.id, ws.name, ws.kind)


def switch_workspace(db: Database, who: SignedIn, workspace_id: int) -> Place:
    """`who`'s place in the workspace they switch to (nothing is written, so nothing is audited);
    AccountError "account.not_permitted" for a workspace they have no place in."""
    with db.session() as s:
        found = place(s, who, workspace_id)
    if found is None:
        raise AccountError("account.not_permitted")
    return found


def current_throttles(db: Database, who: SignedIn, *, now: datetime | None = None) -> list[throttle.ThrottleInfo]:
    """The sign-in and join-code throttles that still count (`throttle.current`), for an administrator."""
    with db.session() as s:
        check_permission(s, who, "users.manage")
        return throttle.current(s, now or utcnow())


def clear_throttle(db: Database, who: SignedIn, throttle_id: int) -> None:
    """An administrator clears one throttle (its failures are forgotten, its wait ends), audited as
    "throttle_clear" with what it counted. AccountError "users.throttle_gone" when it is gone already."""
    with db.session() as s:
        check_permission(s, who, "users.manage")
        row = s.get(t.Throttle, throttle_id)
        if row is None:
            raise AccountError("users.throttle_gone")
        kind, key, failures = row.kind, row.key, row.failures
        s.delete(row)
        audit.record(s, who.actor, "throttle_clear", target=f"{kind}: {key}", failures=failures)
        s.commit()
