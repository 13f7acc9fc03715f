"""The app starts and asks a visitor to sign in; signed in, it renders with no exception, also after a reload."""

from playwright.sync_api import Page, expect

from survey.i18n import text
from tests.browser.conftest import ADMIN, sign_in


def errors_shown(page: Page) -> list[str]:
    return page.locator('[data-testid="stException"]').all_inner_texts()


def test_app_asks_to_sign_in_then_opens_without_exception(page: Page, wait_for_app):
    page.goto("/")
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("heading", name=text("zh", "signin.title"), exact=True)).to_be_visible()
    page.goto("/designer")  # a staff page by its URL: still the sign-in form
    wait_for_app(page)
    expect(main.get_by_role("heading", name=text("zh", "signin.title"), exact=True)).to_be_visible()
    expect(main.get_by_text(text("zh", "designer.title"))).to_have_count(0)

    sign_in(page, *ADMIN)  # and the page the link pointed to opens
    expect(main.get_by_role("heading", name=text("zh", "designer.title"), exact=True)).to_be_visible()
    assert errors_shown(page) == [], "the app shows an exception:\n" + "\n---\n".join(errors_shown(page))

    page.goto("/gaps")  # a new session of the same browser: the cookie keeps it signed in
    wait_for_app(page, text("zh", "gaps.title"))
    assert errors_shown(page) == []
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name=text("zh", "signin.sign_out")).click()
    wait_for_app(page, text("zh", "signin.title"))
    page.goto("/gaps")
    wait_for_app(page)
    expect(main.get_by_role("heading", name=text("zh", "signin.title"), exact=True)).to_be_visible()


def test_the_language_chosen_is_kept_by_the_browser_across_reloads_and_new_tabs(page: Page, wait_for_app):
    page.goto("/")
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("English", exact=True).click()
    wait_for_app(page, text("en", "signin.title"))
    page.goto("/join")  # a URL typed without ?lang: a new session of the same browser
    wait_for_app(page)
    expect(main.get_by_role("heading", name=text("en", "join.title"), exact=True)).to_be_visible()
    other = page.context.new_page()  # a new tab
    other.goto("/account")
    wait_for_app(other)
    other_main = other.locator('[data-testid="stMain"]')
    expect(other_main.get_by_role("heading", name=text("en", "signin.title"), exact=True)).to_be_visible()
    other.close()
    page.goto("/account?lang=zh")  # a link that names its language still wins
    wait_for_app(page)
    expect(main.get_by_role("heading", name=text("zh", "signin.title"), exact=True)).to_be_visible()
