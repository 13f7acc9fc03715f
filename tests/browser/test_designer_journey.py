"""A new user in Chromium: opens the app, switches to English, creates a survey from a template, sees it listed."""

import pytest
from playwright.sync_api import Page, expect

from survey.design import templates
from survey.i18n import text
from tests.browser.conftest import choose

pytestmark = pytest.mark.usefixtures("admin_signed_in")


def test_switch_language_and_create_a_survey_from_a_template(page: Page, wait_for_app):
    page.goto("/surveys")  # the dashboards' overview is the default page
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("heading", name=text("zh", "surveys.title"), exact=True)).to_be_visible()

    page.locator('[data-testid="stSidebar"]').get_by_text("English").click()
    wait_for_app(page)
    expect(main.get_by_role("heading", name=text("en", "surveys.title"), exact=True)).to_be_visible()
    expect(page.locator('[data-testid="stSidebarNav"]').get_by_text(text("en", "nav.designer"))).to_be_visible()

    main.get_by_text(text("en", "surveys.new")).click()
    title = templates.TEMPLATES["servqual"][1]
    choose(page, main.locator('[data-testid="stSelectbox"]').filter(has_text=text("en", "surveys.template")), title)
    wait_for_app(page)
    expect(main.get_by_label(text("en", "surveys.title_en")).first).to_have_value(title)
    main.get_by_role("button", name=text("en", "surveys.create")).click()
    wait_for_app(page, text("en", "surveys.created", title=title))

    manage = main.locator('[data-testid="stSelectbox"]').filter(has_text=text("en", "common.survey"))
    expect(manage.get_by_role("combobox")).to_have_value(title)  # the new survey is listed and selected
    assert page.locator('[data-testid="stException"]').count() == 0

    # the indicator system of the new survey opens on the designer page, still in English
    page.locator('[data-testid="stSidebarNav"]').get_by_text(text("en", "nav.designer")).click()
    wait_for_app(page)
    expect(main.get_by_role("heading", name=text("en", "designer.title"), exact=True)).to_be_visible()
    expect(main.locator('[data-testid="stSelectbox"]').first.get_by_role("combobox")).to_have_value(title + " · v1")
    assert page.locator('[data-testid="stException"]').count() == 0
