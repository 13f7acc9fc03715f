"""Staff open the course survey for answers; a respondent answers on a phone; the staff page counts it."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from survey.i18n import text
from tests.browser.conftest import choose

pytestmark = pytest.mark.usefixtures("admin_signed_in")

COURSE = "课程满意度调查（示例） · v1"
PHONE = {"width": 390, "height": 844}


def answers_shown(main) -> int:
    metric = main.locator('[data-testid="stMetric"]').filter(has_text=text("zh", "links.answers", version=1))
    return int(metric.locator('[data-testid="stMetricValue"]').inner_text())


def test_staff_open_a_link_and_a_respondent_answers_on_a_phone(
    page: Page, browser: Browser, base_url: str, wait_for_app, tmp_path: Path
):
    page.goto("/links")
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("heading", name=text("zh", "links.title"), exact=True)).to_be_visible()
    choose(page, main.locator('[data-testid="stSelectbox"]').first, COURSE)
    wait_for_app(page)
    main.get_by_role("button", name=text("zh", "links.open")).click()
    wait_for_app(page, text("zh", "links.state_open", version=1))
    link = main.locator('[data-testid="stCode"]').inner_text().strip()
    assert link.startswith(f"{base_url}/answer?s=")
    expect(main.locator('[data-testid="stImage"] img')).to_be_visible()  # the QR code
    before = answers_shown(main)
    page.screenshot(path=tmp_path / "staff-links.png")

    phone = browser.new_context(viewport=PHONE, locale="zh-CN", is_mobile=True, has_touch=True)
    try:
        respondent = phone.new_page()
        respondent.goto(link)
        form = respondent.locator('[data-testid="stMain"]')
        wait_for_app(respondent, text("zh", "form.submit"))
        expect(form.get_by_role("heading", name="课程满意度调查（示例）")).to_be_visible()
        expect(respondent.locator('[data-testid="stSidebarNav"]')).to_have_count(0)  # no staff pages
        width = respondent.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the page is {width}px wide on a {PHONE['width']}px phone"
        questions = form.get_by_role("radiogroup")  # [0] is the language switch
        expect(questions.nth(1)).to_be_visible()
        respondent.screenshot(path=tmp_path / "phone-form.png")
        for group in questions.all()[1:4]:
            group.get_by_text("5 很满意").click()
        respondent.screenshot(path=tmp_path / "phone-answered.png")
        submit = form.get_by_role("button", name=text("zh", "form.submit"))
        submit.scroll_into_view_if_needed()
        respondent.screenshot(path=tmp_path / "phone-submit.png")
        submit.click()
        wait_for_app(respondent, text("zh", "answer.thanks"))
        expect(form.get_by_role("button", name=text("zh", "form.submit"))).to_have_count(0)
        respondent.screenshot(path=tmp_path / "phone-thanks.png")
        assert respondent.locator('[data-testid="stException"]').count() == 0
    finally:
        phone.close()

    main.get_by_role("button", name=text("zh", "links.refresh")).click()
    wait_for_app(page)
    expect(main.locator('[data-testid="stMetric"]').first.locator('[data-testid="stMetricValue"]')).to_have_text(
        str(before + 1)
    )
    assert page.locator('[data-testid="stException"]').count() == 0
