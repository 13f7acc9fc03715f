"""Who may open what: every page checks sign-in and role itself, workspaces stay apart, first start, throttling.

Each page is run on its own file (`AppTest.from_file("pages/x.py")`), as a URL
can reach any page file without app.py: the page itself must refuse.
"""

from __future__ import annotations

import ast
import os

import pytest
from streamlit.testing.v1 import AppTest

from survey.access import accounts, audit
from survey.access.permissions import ROLES, allowed
from survey.design import templates
from survey.i18n import text
from survey.storage import store
from survey.storage import tables as tb
from survey.storage.db import open_database
from tests.pages.conftest import PASSWORD, ROLE_ACCOUNTS, ROOT, make_app, sign_in_token


def page_permissions() -> dict[str, str]:
    """{page file: permission} from app.py's PAGES table (the single place that lists them)."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PAGES":
            rows = ast.literal_eval(node.value)
            return {row[1]: row[5] for row in rows}
    raise AssertionError("app.py has no PAGES table")


PAGES = page_permissions()
PUBLIC = ("account", "join", "answer")


def test_every_page_file_is_either_listed_with_a_permission_or_public():
    files = {p.stem for p in (ROOT / "pages").glob("*.py")}
    assert files == set(PAGES) | set(PUBLIC)
    for page in PAGES:  # and checks it itself
        assert f'need="{PAGES[page]}"' in (ROOT / "pages" / f"{page}.py").read_text(encoding="utf-8"), page


def run_page(page: str, *, token: str | None = None, lang: str = "en", state: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=60)
    at.session_state["lang"] = lang
    if token:
        at.session_state["auth_token"] = token
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def refused(at: AppTest) -> bool:
    markers = (
        text("en", "signin.not_allowed", roles="\0", role="", workspace="").split("\0")[0],
        text("en", "signin.not_here", role="\0", workspace="\0").split("\0")[-1],  # a teacher outside a class
    )
    return any(marker in e.value for e in at.error for marker in markers)


def shows_sign_in(at: AppTest) -> bool:
    return any(h.value == text("en", "signin.title") for h in at.subheader) and len(at.title) == 0


@pytest.mark.parametrize("page_file", sorted(PAGES))
def test_a_visitor_who_is_not_signed_in_gets_the_sign_in_form_and_nothing_else(app_database, page_file):
    at = run_page(page_file)
    assert shows_sign_in(at)
    assert not at.dataframe and not at.get("arrow_vega_lite_chart") and not at.selectbox


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix_each_role_opens_exactly_the_pages_it_may(app_database, role):
    token = sign_in_token(ROLE_ACCOUNTS[role])
    opened, refusals = set(), set()
    for page in PAGES:
        at = run_page(page, token=token)
        assert not shows_sign_in(at), page
        if refused(at):
            refusals.add(page)
            assert len(at.title) == 0, f"{role} is refused {page} but sees its title"
        else:
            opened.add(page)
            assert at.title, f"{role} opened {page} but it shows nothing"
    demo = accounts.Place(1, "Default workspace", "organisation", role)  # the test accounts' workspace
    expected = {page for page, permission in PAGES.items() if demo.may(permission)}
    assert expected == {p for p, permission in PAGES.items() if allowed(role, permission)} or role == "teacher"
    assert opened == expected, role
    assert refusals == set(PAGES) - expected


def test_the_questionnaire_and_join_pages_need_no_account(app_database):
    assert not shows_sign_in(run_page("join"))
    at = run_page("answer")  # no link given: the respondent's refusal, not a sign-in form
    assert not shows_sign_in(at)


@pytest.fixture
def other_workspace(app_database):
    """A second organisation with its own survey and coordinator ("bo"); returns (workspace id, survey id)."""
    db = open_database(os.environ["DATABASE_URL"])
    with db.session() as s:
        ws = accounts.create_workspace(s, "Other organisation")
        survey = store.create_survey(s, ws.id, templates.build("canteen"))
        account = accounts.create_account(s, "bo", PASSWORD)
        accounts.set_role(s, account.id, ws.id, "coordinator")
        s.commit()
        ids = ws.id, survey.id
    db.dispose()
    return ids


def demo_survey_ids() -> list[int]:
    db = open_database(os.environ["DATABASE_URL"])
    with db.session() as s:
        ids = [x.id for x in store.list_surveys(s, store.default_workspace(s).id)]
    db.dispose()
    return ids


@pytest.mark.parametrize("page_file", ["designer", "overview", "links", "import_responses", "report"])
def test_a_forged_survey_id_or_workspace_id_shows_only_the_users_own_workspace(other_workspace, page_file):
    ws, own_survey = other_workspace
    demo_ws_id, demo_ids = 1, demo_survey_ids()
    forged = {"survey_id": demo_ids[0], "workspace_id": demo_ws_id}
    at = run_page(page_file, token=sign_in_token("bo"), state=forged)
    assert at.session_state["workspace_id"] == ws  # the forged workspace was not taken
    shown = [o for box in at.selectbox for o in box.options]
    assert "Canteen" in " ".join(shown) or at.session_state["survey_id"] == own_survey
    everything = " ".join(str(e.value) for e in [*at.markdown, *at.caption, *at.title, *at.subheader, *at.info])
    for title in ("ECSI", "Course satisfaction", "experience table"):
        assert title not in everything + " ".join(shown)
    assert at.session_state["survey_id"] != demo_ids[0]


def test_an_administrator_sees_every_workspace_a_member_only_theirs(other_workspace):
    ws, _ = other_workspace
    at = make_app("en", "administrator")
    at.run()
    names = at.sidebar.selectbox(key="_workspace_choice").options
    assert any("Other organisation" in n for n in names) and len(names) >= 2
    at = make_app("en", username="bo")
    at.run()
    assert not [box for box in at.sidebar.selectbox if box.key == "_workspace_choice"]  # one workspace: no switch
    assert any("Other organisation" in c.value for c in at.sidebar.caption)


def test_first_start_asks_for_the_first_administrator_then_signs_in(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.db'}")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    assert at.subheader[0].value == text("en", "signin.first_admin")
    inputs = {w.label: w for w in at.text_input}
    inputs[text("en", "signin.username")].input("Principal")
    inputs[text("en", "signin.password")].input("long-enough-1")
    inputs[text("en", "signin.password_again")].input("long-enough-2")
    at.button[0].click().run()
    assert at.error[0].value == text("en", "account.password_mismatch")
    inputs = {w.label: w for w in at.text_input}
    inputs[text("en", "signin.password")].input("long-enough-1")
    inputs[text("en", "signin.password_again")].input("long-enough-1")
    at.button[0].click().run()
    assert not at.exception
    assert at.title[0].value == text("en", "account.title")  # signed in (AppTest reruns the page itself;
    # in the app it goes on to the role's first page: tests/browser/test_every_url.py)
    db = open_database(os.environ["DATABASE_URL"])
    with db.session() as s:
        admin = s.query(tb.Account).one()
        assert admin.username == "principal" and admin.is_admin and "long-enough-1" not in admin.password_hash
    db.dispose()


def sign_in_with_form(at: AppTest, username: str, password: str) -> AppTest:
    inputs = {w.label: w for w in at.text_input}
    inputs[text("en", "signin.username")].input(username)
    inputs[text("en", "signin.password")].input(password)
    return at.button[0].click().run()


def test_wrong_passwords_are_refused_then_slowed_down_and_the_right_one_signs_in(app_database):
    at = run_page("account")
    for _ in range(accounts.FREE_ATTEMPTS):
        sign_in_with_form(at, ROLE_ACCOUNTS["manager"], "not-the-password")
        assert at.error[0].value == text("en", "account.wrong_password")
    sign_in_with_form(at, ROLE_ACCOUNTS["manager"], PASSWORD)  # right, but too soon
    assert text("en", "account.wait", seconds="").split("{")[0][:15] in at.error[0].value
    assert "auth_token" not in at.session_state
    db = open_database(os.environ["DATABASE_URL"])
    with db.session() as s:  # (the wait has passed)
        s.query(tb.Throttle).update({"blocked_until": None})
        s.commit()
    db.dispose()
    sign_in_with_form(at, ROLE_ACCOUNTS["manager"], PASSWORD)
    assert not at.error and at.title[0].value == text("en", "account.title")


def test_a_deep_link_signed_out_shows_its_own_page_once_signed_in(app_database):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    at.switch_page("pages/gaps.py").run()  # a bookmark of /gaps, signed out: the sign-in form in its place
    assert at.subheader[0].value == text("en", "signin.title")
    sign_in_with_form(at, ROLE_ACCOUNTS["manager"], PASSWORD)
    assert not at.exception and at.title[0].value == text("en", "gaps.title")


def test_an_expired_session_asks_to_sign_in_again_and_says_why(app_database):
    token = sign_in_token(ROLE_ACCOUNTS["manager"])
    db = open_database(os.environ["DATABASE_URL"])
    with db.session() as s:  # idle for longer than the limit
        long_ago = tb.utcnow() - accounts.IDLE_LIMIT - accounts.IDLE_LIMIT
        s.query(tb.SignInSession).update({"last_seen_at": long_ago})
        s.commit()
    db.dispose()
    at = run_page("overview", token=token)
    assert shows_sign_in(at)
    assert at.info[0].value == text("en", "signin.expired")


def test_changing_the_password_needs_the_current_one_and_ends_the_session(app_database):
    token = sign_in_token(ROLE_ACCOUNTS["coordinator"])
    at = run_page("account", token=token)
    inputs = {w.label: w for w in at.text_input}
    inputs[text("en", "account.old_password")].input("not-my-password")
    inputs[text("en", "account.new_password")].input("brand-new-password")
    inputs[text("en", "signin.password_again")].input("brand-new-password")
    at.button[0].click().run()
    assert at.error[0].value == text("en", "account.wrong_password")
    inputs = {w.label: w for w in at.text_input}
    inputs[text("en", "account.old_password")].input(PASSWORD)
    inputs[text("en", "account.new_password")].input("brand-new-password")
    inputs[text("en", "signin.password_again")].input("brand-new-password")
    at.button[0].click().run()
    assert not at.exception
    assert at.subheader[0].value == text("en", "signin.title")  # signed out, told why
    assert at.success[0].value == text("en", "account.password_changed")
    assert shows_sign_in(run_page("designer", token=token))  # the old session ended
    db = open_database(os.environ["DATABASE_URL"])
    with db.session() as s:
        assert accounts.authenticate(s, ROLE_ACCOUNTS["coordinator"], "brand-new-password")
        assert s.query(tb.Throttle).filter_by(kind="account+source").count() == 0  # the right one forgot it
        log = [(e.action, e.target) for e in reversed(audit.entries(s))]
    coordinator = ROLE_ACCOUNTS["coordinator"]
    assert log == [("sign_in_failed", coordinator), ("password_reset", coordinator)]  # no sign-out of an ended session
    db.dispose()
