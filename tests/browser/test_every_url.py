"""Every page's URL, opened directly (a bookmark, a link in an e-mail, the back button), lands on that page for
each role and for a visitor, in Chinese and in English: never Streamlit's "Page not found" dialog. A page the
user may not use says which role it needs, in the user's language; the menu lists exactly the pages the
role may use; the root URL goes on to the first of them at its own address."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from survey.access.accounts import Place
from survey.access.permissions import roles_with
from survey.i18n import text
from tests.browser.conftest import ADMIN, sign_in, wait_for_app
from tests.pages.test_security import PAGES  # page file → permission, read from app.py

PATHS = {  # page file → URL path, as app.py registers them
    "overview": "overview",
    "gaps": "gaps",
    "priorities": "priorities",
    "nps": "nps",
    "loyalty": "loyalty",
    "model": "model",
    "report": "report",
    "crosstabs": "crosstabs",
    "distributions": "distributions",
    "drivers": "drivers",
    "classes": "classes",
    "group": "group",
    "peer_review": "peer-review",
    "exercises": "exercises",
    "surveys": "surveys",
    "designer": "designer",
    "preview": "preview",
    "links": "links",
    "import_responses": "import",
    "users": "users",
    "audit": "audit",
    "actions": "actions",
    "trends": "trends",
    "kano": "kano",
    "weighting": "weighting",
    "comments": "comments",
    "follow_up": "follow-up",
}
STUDENT_PAGES = ("group", "peer_review")
PASSWORD = "every-url-pass-1"
WORKSPACE = "workspace.default"  # the demo workspace's name, in the user's language


def role_names(lang: str, permission: str) -> str:
    names = [text(lang, f"role.{r}") for r in roles_with(permission)]
    if len(names) == 1:
        return names[0]
    return text(lang, "signin.role_list").join(names[:-1]) + text(lang, "signin.role_or") + names[-1]


def menu_paths(page: Page) -> set[str]:
    links = page.locator('[data-testid="stSidebarNav"] a').evaluate_all("links => links.map(a => a.href)")
    return {re.sub(r"^https?://[^/]+/?", "", href).split("?")[0] for href in links}


def no_dialog(page: Page, where: str) -> None:
    assert page.get_by_role("dialog").count() == 0, f"{where}: " + page.get_by_role("dialog").inner_text()
    assert page.get_by_text("Page not found").count() == 0, where
    assert page.locator('[data-testid="stException"]').count() == 0, where


def open_path(page: Page, path: str, lang: str) -> None:
    page.goto(f"/{path}?lang={lang}")
    wait_for_app(page)


@pytest.fixture
def signed_in(browser: Browser, base_url: str, make_account):
    """signed_in(role, lang) -> a new browser page signed in with that role in the demo workspace."""
    contexts = []

    def open_as(role: str | None, lang: str) -> Page:
        context = browser.new_context(base_url=base_url, viewport={"width": 1400, "height": 900}, locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        open_path(page, "account", lang)
        if role == "administrator":
            sign_in(page, *ADMIN)
        elif role is not None:
            username = f"url-{role}-{lang}"
            make_account(username, PASSWORD, role=role)
            sign_in(page, username, PASSWORD)
        return page

    yield open_as
    for context in contexts:
        context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_visitor_opening_any_url_gets_the_sign_in_form_in_the_links_language(signed_in, lang):
    page = signed_in(None, lang)
    main = page.locator('[data-testid="stMain"]')
    for path in ["", "account", "join", *PATHS.values()]:
        open_path(page, path, lang)
        no_dialog(page, f"/{path}")
        if path == "join":
            expect(main.get_by_role("heading", name=text(lang, "join.title"), exact=True)).to_be_visible()
        else:
            expect(main.get_by_role("heading", name=text(lang, "signin.title"), exact=True)).to_be_visible()
    open_path(page, "", lang)
    expect(page).to_have_url(re.compile(rf"/account\?lang={lang}$"))  # the root goes on to the sign-in page's address
    open_path(page, "answer", lang)  # a questionnaire link that lost its token: the questionnaire says so
    no_dialog(page, "/answer")


@pytest.mark.parametrize(
    "role, lang",
    # every role, both languages across them, and the administrator (who may open every page) in both:
    # each walk opens all the URLs, so a walk per role and language would double the suite's longest file
    [
        ("administrator", "zh"),
        ("administrator", "en"),
        ("coordinator", "en"),
        ("manager", "zh"),
        ("teacher", "en"),
        ("student", "zh"),
    ],
)
def test_each_role_opens_every_url_directly_and_is_told_why_where_it_may_not(signed_in, role, lang):
    page = signed_in(role, lang)
    main = page.locator('[data-testid="stMain"]')
    here = Place(1, "Default workspace", "organisation", role)  # a teacher reads dashboards only in a class
    may = {f for f, need in PAGES.items() if here.may(need)}
    listed = {f for f in may if f not in STUDENT_PAGES or role == "student"}
    first = next(PATHS[f] for f in PATHS if f in listed)
    # signed in on the sign-in page: on to the role's first page, not the account's password form
    expect(page).to_have_url(re.compile(rf"/{first}\?lang={lang}$"))
    expect(main.locator("h1").first).to_be_visible()
    personal = {"account", "join"} if role == "student" else {"account"}  # joining a class: students only
    assert menu_paths(page) == {PATHS[f] for f in listed} | personal
    for file, path in PATHS.items():
        open_path(page, path, lang)
        no_dialog(page, f"/{path} as {role}")
        expect(page).to_have_url(re.compile(rf"/{path}\?lang={lang}$"))
        if file in may:
            expect(main.locator("h1").first).to_be_visible()
            refusal_start = text(lang, "signin.not_allowed", roles="\0", role="", workspace="").split("\0")[0]
            expect(main.get_by_text(refusal_start)).to_have_count(0)
        else:
            named = {"role": text(lang, f"role.{role}"), "workspace": text(lang, WORKSPACE)}
            if role in roles_with(PAGES[file]):
                refusal = text(lang, "signin.not_here", **named)
            else:
                refusal = text(lang, "signin.not_allowed", roles=role_names(lang, PAGES[file]), **named)
            expect(main.get_by_text(refusal)).to_be_visible()
    for path in ("account", "join", "answer"):
        open_path(page, path, lang)
        no_dialog(page, f"/{path} as {role}")
    open_path(page, "", lang)
    expect(page).to_have_url(re.compile(rf"/{first}\?lang={lang}$"))  # the root goes on to the first page
