"""The app starts, renders and shows no exception."""

from playwright.sync_api import Page, expect


def test_app_opens_without_exception(page: Page, wait_for_app):
    page.goto("/")
    wait_for_app(page)
    expect(page.locator('[data-testid="stApp"]')).to_be_visible()
    expect(page.locator('[data-testid="stMain"]')).to_be_visible()
    errors = page.locator('[data-testid="stException"]').all_inner_texts()
    assert errors == [], "the app shows an exception:\n" + "\n---\n".join(errors)
