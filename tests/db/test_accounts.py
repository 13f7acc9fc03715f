"""Accounts: hashed passwords, throttled wrong passwords, expiring sessions, roles per workspace, audit log."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text

from survey.access import accounts, audit, throttle
from survey.access.accounts import AccountError
from survey.storage import tables as tb
from survey.storage.db import open_database
from survey.storage.tables import utcnow

PASSWORD = "s3cret-pa55word"


def make(db, username="ana", password=PASSWORD, **kw) -> int:
    with db.session() as s:
        account = accounts.create_account(s, username, password, **kw)
        s.commit()
        return account.id


def sign_in(db, username, password, now=None):
    with db.session() as s:
        try:
            return accounts.authenticate(s, username, password, now=now).id
        finally:
            s.commit()  # failures count too


def test_the_password_is_stored_only_as_an_argon2_hash_and_never_logged(db, caplog):
    caplog.set_level(logging.DEBUG)
    make(db, "Ana", PASSWORD, display_name="Ana Li")
    with db.session() as s:
        stored = s.scalar(select(tb.Account.password_hash))
        dump = "\n".join(str(row) for table in tb.Base.metadata.sorted_tables for row in s.execute(table.select()))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert PASSWORD not in dump
    assert PASSWORD not in caplog.text
    assert sign_in(db, " ANA ", PASSWORD)  # usernames are not case sensitive


def test_wrong_password_unknown_user_and_disabled_account_are_refused(db):
    make(db)
    for username, password in (("ana", "wrong-password"), ("nobody", PASSWORD)):
        with pytest.raises(AccountError) as e:
            sign_in(db, username, password)
        assert e.value.message == "account.wrong_password"  # the same answer: no hint which one was wrong
    with db.session() as s:
        s.scalar(select(tb.Account)).disabled = True
        s.commit()
    with pytest.raises(AccountError, match="account.disabled"):
        sign_in(db, "ana", PASSWORD)


def failures(db, kind=throttle.ACCOUNT_SOURCE, key="ana|unknown") -> int:
    with db.session() as s:
        row = s.scalar(select(tb.Throttle).where(tb.Throttle.kind == kind, tb.Throttle.key == key))
        return row.failures if row is not None else 0


def test_repeated_wrong_passwords_make_even_the_right_one_wait_and_the_wait_grows(db):
    make(db)
    t0 = utcnow()
    for n in range(accounts.FREE_ATTEMPTS):
        with pytest.raises(AccountError, match="wrong_password"):
            sign_in(db, "ana", "guess", now=t0 + timedelta(milliseconds=n))
    # the next attempt from the same address, even with the right password, must wait
    with pytest.raises(AccountError) as e:
        sign_in(db, "ana", PASSWORD, now=t0 + timedelta(seconds=0.5))
    assert e.value.message == "account.wait" and e.value.params["seconds"] >= 1
    # after the wait, one more wrong password doubles it
    later = t0 + accounts.FIRST_WAIT + timedelta(seconds=1)
    with pytest.raises(AccountError, match="wrong_password"):
        sign_in(db, "ana", "guess", now=later)
    with pytest.raises(AccountError) as e:
        sign_in(db, "ana", PASSWORD, now=later + accounts.FIRST_WAIT * 2 - timedelta(seconds=0.5))
    assert e.value.message == "account.wait" and e.value.params["seconds"] == 1
    # the right password after the wait signs in and forgets the failures of this address
    assert sign_in(db, "ana", PASSWORD, now=later + accounts.FIRST_WAIT * 2)
    assert failures(db) == 0
    # the wait is capped
    assert throttle.RULES[throttle.ACCOUNT_SOURCE].wait(60) == accounts.MAX_WAIT == timedelta(minutes=15)


def test_weak_passwords_bad_usernames_and_duplicates_are_refused(db):
    make(db, "ana")
    for username, password, message in (
        ("ana", PASSWORD, "account.username_taken"),
        ("b", PASSWORD, "account.username_invalid"),
        ("<script>", PASSWORD, "account.username_invalid"),
        ("bo", "short", "account.password_short"),
    ):
        with db.session() as s, pytest.raises(AccountError) as e:
            accounts.create_account(s, username, password)
        assert e.value.message == message


def test_sessions_store_only_a_hash_and_expire_when_idle_or_old(db):
    account_id = make(db)
    t0 = utcnow()
    with db.session() as s:
        token = accounts.start_session(s, account_id, now=t0)
        s.commit()
        assert token not in str(s.execute(text("select token_hash from sign_in_session")).all())
    with db.session() as s:
        assert accounts.resume_session(s, token, now=t0 + timedelta(minutes=30)).username == "ana"
        assert accounts.resume_session(s, "forged-token", now=t0) is None
        s.commit()
    with db.session() as s:  # active every hour: alive until the absolute limit
        for hours in range(1, 12):
            assert accounts.resume_session(s, token, now=t0 + timedelta(hours=hours)) is not None
        assert accounts.resume_session(s, token, now=t0 + accounts.SESSION_LIMIT + timedelta(minutes=1)) is None
        s.commit()
    with db.session() as s:
        token = accounts.start_session(s, account_id, now=t0)
        assert accounts.resume_session(s, token, now=t0 + accounts.IDLE_LIMIT + timedelta(minutes=1)) is None
        # signing out ends it; a new password ends every session
        token = accounts.start_session(s, account_id)
        accounts.end_session(s, token)
        assert accounts.resume_session(s, token) is None
        token = accounts.start_session(s, account_id)
        accounts.set_password(s, account_id, "another-password")
        assert accounts.resume_session(s, token) is None
        s.commit()


def test_first_administrator_only_on_first_start(db):
    with db.session() as s:
        admin = accounts.create_first_admin(s, "root", PASSWORD)
        assert admin.is_admin
        with pytest.raises(AccountError, match="first_admin_exists"):
            accounts.create_first_admin(s, "root2", PASSWORD)


def test_places_are_the_memberships_and_every_workspace_for_an_administrator(db, ws):
    coordinator, admin = make(db, "coco"), make(db, "root", is_admin=True)
    with db.session() as s:
        other = accounts.create_workspace(s, "Other organisation")
        accounts.set_role(s, coordinator, ws, "coordinator")
        s.commit()
        who = accounts.signed_in(s.get(tb.Account, coordinator))
        assert [(p.workspace_id, p.role) for p in accounts.places(s, who)] == [(ws, "coordinator")]
        assert accounts.place(s, who, other.id) is None  # another workspace: no place there
        boss = accounts.signed_in(s.get(tb.Account, admin))
        assert {(p.workspace_id, p.role) for p in accounts.places(s, boss)} == {
            (ws, "administrator"),
            (other.id, "administrator"),
        }
        accounts.set_role(s, coordinator, ws, "manager")
        assert accounts.place(s, who, ws).role == "manager"
        assert not accounts.place(s, who, ws).may("surveys.design")
        accounts.set_role(s, coordinator, ws, None)
        assert accounts.places(s, who) == []
        with pytest.raises(AccountError, match="role_unknown"):
            accounts.set_role(s, coordinator, ws, "administrator")  # an account flag, not a membership role


def test_an_audit_entry_is_written_with_its_change_or_not_at_all(db, ws):
    actor = audit.Actor(make(db), "ana")
    with db.session() as s:
        accounts.create_workspace(s, "kept")
        audit.record(s, actor, "workspace_create", workspace_id=ws, target="kept")
        s.commit()
    with db.session() as s:
        accounts.create_workspace(s, "rolled back")
        audit.record(s, actor, "workspace_create", workspace_id=ws, target="rolled back")
        s.rollback()
    with db.session() as s:
        rows = audit.entries(s)
    assert [(e.username, e.action, e.target) for e in rows] == [("ana", "workspace_create", "kept")]
    with pytest.raises(ValueError):
        audit.record(None, actor, "made_up_action")


def test_disabling_an_account_ends_its_sessions_is_audited_and_never_hits_oneself(db):
    admin = audit.Actor(make(db, "root", is_admin=True), "root")
    ana = make(db)
    with db.session() as s:
        token = accounts.start_session(s, ana)
        accounts.set_disabled(s, admin, ana, True)
        s.commit()
    with db.session() as s:
        assert accounts.resume_session(s, token) is None
        with pytest.raises(AccountError) as refused:
            accounts.authenticate(s, "ana", PASSWORD)
        assert refused.value.message == "account.disabled"
        with pytest.raises(AccountError) as refused:
            accounts.set_disabled(s, admin, admin.account_id, True)
        assert refused.value.message == "account.disable_self"
        accounts.set_disabled(s, admin, ana, False)
        s.commit()
    with db.session() as s:
        assert accounts.authenticate(s, "ana", PASSWORD).id == ana
        log = [(e.action, e.target, e.detail) for e in audit.entries(s)]
        assert [(a, t) for a, t, _ in log] == [("account_disable", "ana"), ("account_disable", "ana")]
        assert [d["disabled"] for _, _, d in log] == [False, True]  # newest first
        assert [w.name for w in accounts.list_workspaces(s)] == []  # none made here
        accounts.create_workspace(s, "Shop")
        assert [(w.name, w.kind) for w in accounts.list_workspaces(s)] == [("Shop", "organisation")]


def test_command_line_creates_an_administrator_and_resets_a_lost_password(database_url, monkeypatch, capsys):
    from survey.cli import admin

    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("first-password\n"))
    assert admin.main(["create-admin", "Boss", "--password-stdin", "--database", database_url]) == 0
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("second-password\n"))
    assert admin.main(["reset-password", "boss", "--password-stdin", "--database", database_url]) == 0
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("whatever-pass\n"))
    assert admin.main(["reset-password", "nobody", "--password-stdin", "--database", database_url]) == 1
    assert admin.main(["list", "--database", database_url]) == 0
    out = capsys.readouterr()
    assert "boss admin" in out.out and "No such account" in out.err
    assert "first-password" not in out.out + out.err
    db = open_database(database_url)
    with db.session() as s:
        assert sign_in(db, "boss", "second-password")
        with pytest.raises(AccountError):
            accounts.authenticate(s, "boss", "first-password")
        assert [e.action for e in audit.entries(s)] == ["password_reset", "account_create"]
    db.dispose()


# --- user actions: one transaction each, checked, audited, committed ----------------------------


def log(db) -> list[tuple[str, str, str]]:
    """(who, action, target) of every audit entry, oldest first."""
    with db.session() as s:
        return [(e.username, e.action, e.target) for e in reversed(audit.entries(s))]


def who(db, account_id) -> accounts.SignedIn:
    with db.session() as s:
        return accounts.signed_in(s.get(tb.Account, account_id))


def test_signing_in_and_out_is_audited_and_a_wrong_password_is_counted_and_audited_only(db):
    make(db)
    with pytest.raises(AccountError, match="wrong_password"):
        accounts.sign_in(db, "ana", "guess-again")
    assert failures(db) == 1
    with db.session() as s:
        assert s.scalar(select(func.count(tb.SignInSession.id))) == 0  # refused: no session
    ana, token = accounts.sign_in(db, " Ana ", PASSWORD)
    assert ana.username == "ana" and accounts.resume(db, token) == ana
    accounts.sign_out(db, token)
    accounts.sign_out(db, token)  # already ended: nothing more
    assert accounts.resume(db, token) is None
    assert log(db) == [("system", "sign_in_failed", "ana"), ("ana", "sign_in", "ana"), ("ana", "sign_out", "ana")]


def test_the_first_administrator_is_audited_and_signed_in_and_only_once(db):
    token = accounts.create_first_administrator(db, "Root", PASSWORD, "Boss")
    assert accounts.resume(db, token).is_admin
    with pytest.raises(AccountError, match="first_admin_exists"):
        accounts.create_first_administrator(db, "root2", PASSWORD)
    assert log(db) == [("root", "first_admin", "root")]


def test_changing_ones_password_needs_the_current_one_and_is_audited(db):
    ana = who(db, make(db))
    _, token = accounts.sign_in(db, "ana", PASSWORD)
    with pytest.raises(AccountError, match="wrong_password"):
        accounts.change_own_password(db, ana, "not-it", "a-new-password")
    with pytest.raises(AccountError, match="password_short"):
        accounts.change_own_password(db, ana, PASSWORD, "short")
    assert [a for _, a, _ in log(db)] == ["sign_in", "sign_in_failed"]  # the refusals changed nothing else
    accounts.change_own_password(db, ana, PASSWORD, "a-new-password")
    assert accounts.resume(db, token) is None  # every session ended
    assert accounts.sign_in(db, "ana", "a-new-password")[0] == ana
    assert [a for _, a, _ in log(db)][2:] == ["password_reset", "sign_in"]


def test_an_administrator_manages_accounts_and_workspaces_each_change_audited(db, ws):
    root = who(db, make(db, "root", is_admin=True))
    ana = accounts.add_account(db, root, "Ana", PASSWORD, display_name="Ana Li", workspace_id=ws, role="coordinator")
    accounts.change_role(db, root, ana.account_id, ws, "manager")
    accounts.reset_password(db, root, ana.account_id, "another-password")
    accounts.set_account_disabled(db, root, ana.account_id, True)
    shop = accounts.add_workspace(db, root, "Shop")
    with pytest.raises(AccountError, match="disable_self"):
        accounts.set_account_disabled(db, root, root.account_id, True)
    assert log(db) == [
        ("root", "account_create", "ana"),
        ("root", "role_change", "ana (Ana Li)"),
        ("root", "password_reset", "ana (Ana Li)"),
        ("root", "account_disable", "ana"),
        ("root", "workspace_create", "Shop"),
    ]
    with db.session() as s:
        assert accounts.memberships(s, ana.account_id) == {ws: "manager"}
        role_change = audit.entries(s, action="role_change")[0]
        assert role_change.detail == {"old": "coordinator", "new": "manager"}
        assert audit.entries(s, action="account_create")[0].detail == {"role": "coordinator", "admin": False}
    assert shop.name == "Shop" and shop.kind == "organisation"
    assert accounts.switch_workspace(db, root, shop.id).role == "administrator"


def test_account_actions_by_someone_without_the_permission_are_refused_and_write_nothing(db, ws):
    coordinator = who(db, make(db, "coco"))
    ana = make(db)
    with db.session() as s:
        accounts.set_role(s, coordinator.account_id, ws, "coordinator")
        s.commit()
    refused = [
        lambda: accounts.add_account(db, coordinator, "bo", PASSWORD, workspace_id=ws, role="coordinator"),
        lambda: accounts.change_role(db, coordinator, ana, ws, "coordinator"),
        lambda: accounts.reset_password(db, coordinator, ana, "taken-over-now"),
        lambda: accounts.set_account_disabled(db, coordinator, ana, True),
        lambda: accounts.add_workspace(db, coordinator, "Mine"),
    ]
    for action in refused:
        with pytest.raises(AccountError) as e:
            action()
        assert e.value.message == "account.not_permitted"
    with db.session() as s:
        assert [a.username for a in accounts.list_accounts(s)] == ["ana", "coco"]
        assert accounts.memberships(s, ana) == {} and not s.get(tb.Account, ana).disabled
        assert accounts.list_workspaces(s) == [accounts.WorkspaceInfo(ws, "Default workspace", "organisation")]
    assert sign_in(db, "ana", PASSWORD) == ana  # the password stayed
    assert log(db) == []
    with pytest.raises(AccountError, match="not_permitted"):
        accounts.switch_workspace(db, coordinator, ws + 1)  # not one of theirs


def test_an_administrator_disabled_meanwhile_can_no_longer_act(db, ws):
    root, other = who(db, make(db, "root", is_admin=True)), who(db, make(db, "boss", is_admin=True))
    accounts.set_account_disabled(db, other, root.account_id, True)
    with pytest.raises(AccountError, match="not_permitted"):
        accounts.add_workspace(db, root, "Sneaky")
    assert [a for _, a, _ in log(db)] == ["account_disable"]
