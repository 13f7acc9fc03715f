"""Administrators: accounts, roles per workspace, disabling, and the audit log that records it all."""

import os

import pytest

from survey.access import accounts, audit
from survey.i18n import text
from survey.storage import tables as tb
from survey.storage.db import open_database
from tests.pages.conftest import PASSWORD, ROLE_ACCOUNTS, make_app, open_page, sign_in_token


def database():
    return open_database(os.environ["DATABASE_URL"])


def form_inputs(at, form_key: str) -> dict:
    return {w.label: w for w in at.text_input if w.form_id.endswith(form_key)}


def test_an_administrator_adds_an_account_changes_its_role_and_the_audit_log_shows_both(app_database):
    at = open_page(make_app("en"), "users")
    inputs = form_inputs(at, "create_account")
    inputs[text("en", "signin.username")].input("Lin.Coord")
    inputs[text("en", "signin.display_name")].input("林协调")
    inputs[text("en", "users.initial_password")].input("initial-pass-1")
    next(b for b in at.button if b.label == text("en", "users.create")).click().run()
    assert not at.exception
    db = database()
    with db.session() as s:
        lin = s.query(tb.Account).filter_by(username="lin.coord").one()
        assert accounts.memberships(s, lin.id) == {1: "coordinator"} and not lin.is_admin
        lin_id = lin.id
    assert "林协调" in at.dataframe[0].value.to_string()

    at.selectbox(key="users_account").set_value(lin_id).run()
    at.selectbox(key="users_role").set_value("manager").run()
    at.button(key="users_save_role").click().run()
    assert at.success[0].value == text("en", "users.role_saved")
    with db.session() as s:
        assert accounts.memberships(s, lin_id) == {1: "manager"}
        log = audit.entries(s)
    assert [(e.action, e.username) for e in log[:2]] == [
        ("role_change", ROLE_ACCOUNTS["administrator"]),
        ("account_create", ROLE_ACCOUNTS["administrator"]),
    ]
    assert log[0].detail == {"old": "coordinator", "new": "manager"}
    db.dispose()

    at.switch_page("pages/audit.py").run()
    shown = at.dataframe[0].value
    assert text("en", "audit.action.role_change") in shown[text("en", "audit.action")].tolist()
    assert "initial-pass-1" not in shown.to_string()  # passwords never reach the log
    at.selectbox(key="audit_action").set_value("account_create").run()
    assert set(at.dataframe[0].value[text("en", "audit.action")]) == {text("en", "audit.action.account_create")}


def test_disabling_an_account_ends_its_sessions_and_refuses_its_sign_in(app_database):
    token = sign_in_token(ROLE_ACCOUNTS["manager"])
    db = database()
    with db.session() as s:
        manager_id = s.query(tb.Account.id).filter_by(username=ROLE_ACCOUNTS["manager"]).scalar()
    at = open_page(make_app("en"), "users")
    at.selectbox(key="users_account").set_value(manager_id).run()
    at.button(key="users_disable").click().run()
    assert not at.exception
    with db.session() as s:
        assert accounts.resume_session(s, token) is None
        try:
            accounts.authenticate(s, ROLE_ACCOUNTS["manager"], PASSWORD)
        except accounts.AccountError as e:
            assert e.message == "account.disabled"
        else:
            raise AssertionError("a disabled account signed in")
    db.dispose()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_coordinator_opening_the_users_or_audit_page_is_told_whom_to_ask(app_database, lang):
    at = make_app(lang, "coordinator")
    at.run()
    for page in ("users", "audit"):  # a bookmark or a link from an administrator: the page says why not
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception and not at.title and not at.dataframe
        refusal = text(
            lang,
            "signin.not_allowed",
            roles=text(lang, "role.administrator"),
            role=text(lang, "role.coordinator"),
            workspace=text(lang, "workspace.default"),  # the demo workspace, named in the user's language
        )
        assert [e.value for e in at.error] == [refusal]
