"""Administrators: accounts, roles per workspace, disabling, and the audit log that records it all."""

import csv
import io
import os
from datetime import timedelta

import openpyxl
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import app_test as app_test_module

from survey.access import accounts, audit, throttle
from survey.i18n import text
from survey.storage import tables as tb
from survey.storage.db import open_database
from tests.pages.conftest import PASSWORD, ROLE_ACCOUNTS, make_app, open_page, sign_in_token
from tests.pages.test_dashboard_exports import download


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


@pytest.fixture
def media(monkeypatch) -> list:
    """The media file managers of the AppTest runs, to fetch a download button's file (as in
    test_dashboard_exports.py)."""
    made = []

    class Recording(MediaFileManager):
        def __init__(self, storage):
            super().__init__(storage)
            made.append(self)

    monkeypatch.setattr(app_test_module, "MediaFileManager", Recording)
    return made


HOSTILE = '=HYPERLINK("http://evil.example","click")'


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_audit_entry_is_reachable_by_paging_and_filters_and_exports_formula_safe(app_database, media, lang):
    """A survey deletion under more than a page of failed sign-ins (one entry per address, folded): the page
    says how many, page 2 holds it, the action filter finds it; the export holds every entry of the
    selection, its hostile title as text."""
    db = database()
    t0 = tb.utcnow() - timedelta(days=2)
    with db.session() as s:
        s.add(tb.AuditEntry(at=t0, username="test-coordinator", action="survey_delete", target=HOSTILE, detail={}))
        for k in range(audit.PAGE_SIZE + 5):
            for _ in range(3):  # three wrong passwords from each address: one entry with a count of 3
                audit.record_folded(
                    s,
                    None,
                    "sign_in_failed",
                    fold_key=f"10.0.0.{k}|ana",
                    now=t0 + timedelta(hours=1, seconds=k),
                    target="ana",
                    source=f"10.0.0.{k}",
                )
        s.commit()
    db.dispose()
    total = audit.PAGE_SIZE + 6
    at = open_page(make_app(lang), "audit")
    assert at.caption[-2].value == text(lang, "audit.page_of", total=total, page=1, pages=2, per_page=100)
    shown = at.dataframe[0].value
    assert len(shown) == 100 and set(shown[text(lang, "audit.count")]) == {3}
    at.number_input(key="audit_page").set_value(2).run()
    shown = at.dataframe[0].value
    assert shown[text(lang, "audit.target")].tolist()[-1] == HOSTILE  # shown as typed, as text
    at.selectbox(key="audit_action").set_value("survey_delete").run()  # from page 2: one page now
    assert at.dataframe[0].value[text(lang, "audit.target")].tolist() == [HOSTILE]
    at.selectbox(key="audit_action").set_value("").run()
    at.selectbox(key="audit_user").set_value("system").run()
    csv_button, xlsx_button = at.get("download_button")
    data, name = download(media, csv_button)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert name == "audit-log.csv" and len(rows) == 1 + total - 1  # header + every failed sign-in of "system"
    at.selectbox(key="audit_user").set_value("").run()
    csv_button, xlsx_button = at.get("download_button")
    rows = list(csv.reader(io.StringIO(download(media, csv_button)[0].decode("utf-8-sig"))))
    assert len(rows) == 1 + total and rows[-1][5] == "'" + HOSTILE
    book = openpyxl.load_workbook(io.BytesIO(download(media, xlsx_button)[0]))
    cell = book.active.cell(row=total + 1, column=6)
    assert (cell.value, cell.data_type) == ("'" + HOSTILE, "s")


def test_an_administrator_sees_a_throttle_and_clears_it_audited(app_database):
    db = database()
    now = tb.utcnow()
    with db.session() as s:  # the manager's typos at home: that address waits before trying again
        for _ in range(accounts.FREE_ATTEMPTS):
            throttle.record_failure(s, throttle.ACCOUNT_SOURCE, f"{ROLE_ACCOUNTS['manager']}|198.51.100.7", now)
        s.commit()
    at = open_page(make_app("en"), "users")
    shown = at.dataframe[-1].value
    assert shown[text("en", "users.throttle_key")].tolist() == [f"{ROLE_ACCOUNTS['manager']}|198.51.100.7"]
    assert shown[text("en", "users.throttle_kind")].tolist() == [text("en", "throttle.kind.account+source")]
    at.button(key="users_throttle_clear").click().run()
    assert not at.exception
    assert at.success[0].value.startswith(text("en", "users.throttle_cleared", what="")[:10])
    assert at.info[-1].value == text("en", "users.throttles_none")
    with db.session() as s:
        [cleared] = audit.entries(s, action="throttle_clear")
        assert cleared.username == ROLE_ACCOUNTS["administrator"] and cleared.detail == {"failures": 3}
        assert accounts.authenticate(s, ROLE_ACCOUNTS["manager"], PASSWORD, source="198.51.100.7")
    db.dispose()
