"""Staff open the course survey for answers; a respondent answers on a phone; the staff page counts it."""

from dataclasses import replace
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from survey import answering
from survey.design import templates
from survey.i18n import text
from survey.storage import store
from survey.storage.db import open_database
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
        wait_for_app(respondent, text("zh", "form.next"))
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
        for n in range(2, 8):  # Next through the sections to the last one
            form.get_by_role("button", name=text("zh", "form.next")).click()
            wait_for_app(respondent, text("zh", "form.section_of", n=n, total=7))
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


def one_answer_survey(database_url: str) -> tuple[str, str]:
    """The course survey with two required questions (the 2nd one, and the 0–10 recommend question), open for
    one answer per personal link: (link token, personal token)."""
    defn = templates.build("course")
    nodes = tuple(replace(n, required=True) if n.code in ("current_p", "nps") else n for n in defn.nodes)
    defn = replace(defn, title_zh="手机问卷（一人一答）", title_en="Phone survey (one answer)", nodes=nodes)
    db = open_database(database_url)
    try:
        with db.session() as s:
            ws = store.default_workspace(s).id
            survey_id = store.create_survey(s, ws, defn).id
            link = answering.open_for_answers(s, ws, survey_id).link_token
            answering.set_one_answer_per_token(s, ws, survey_id, True)
            personal = answering.create_personal_links(s, ws, survey_id, 1)[0]
            s.commit()
    finally:
        db.dispose()
    return link, personal


def test_a_respondent_on_a_phone_goes_section_by_section_and_a_reload_says_already_answered(
    browser: Browser, base_url: str, app_database_url: str, wait_for_app, tmp_path: Path
):
    link, personal = one_answer_survey(app_database_url)
    phone = browser.new_context(viewport=PHONE, locale="zh-CN", is_mobile=True, has_touch=True, base_url=base_url)
    try:
        page = phone.new_page()
        page.goto(f"/answer?s={link}&t={personal}")
        form = page.locator('[data-testid="stMain"]')
        wait_for_app(page, text("zh", "form.section_of", n=1, total=7))
        groups = form.get_by_role("radiogroup")  # [0] is the language switch
        groups.nth(1).get_by_text("5 很满意").click()  # the 2nd question, required, left out
        form.get_by_role("button", name=text("zh", "form.next")).click()
        wait_for_app(page, text("zh", "form.answer_this"))
        error = form.locator('[data-testid="stAlert"]').filter(has_text=text("zh", "form.answer_this")).bounding_box()
        skipped, after = groups.nth(3).bounding_box(), groups.nth(4).bounding_box()  # 1 label + 3 questions
        assert skipped["y"] + skipped["height"] <= error["y"] < after["y"], "the error is not under the question"
        expect(form.get_by_text(text("zh", "form.section_of", n=1, total=7))).to_be_visible()  # no advance
        page.screenshot(path=tmp_path / "phone-required.png")
        groups.nth(3).get_by_text("4 满意").click()
        for n in range(2, 7):
            form.get_by_role("button", name=text("zh", "form.next")).click()
            wait_for_app(page, text("zh", "form.section_of", n=n, total=7))
        nps = form.locator('[class*="st-key-nps_row_"]').get_by_role("radiogroup")
        page.screenshot(path=tmp_path / "phone-nps.png")
        boxes = [label.bounding_box() for label in nps.locator("label").all()]
        assert len(boxes) == 11 and len({round(b["y"]) for b in boxes}) == 1, "0–10 is not on one row"
        assert max(b["x"] + b["width"] for b in boxes) <= PHONE["width"]
        assert text("zh", "form.na") not in nps.inner_text()
        nps.get_by_text("9", exact=True).click()
        form.get_by_role("button", name=text("zh", "form.next")).click()
        wait_for_app(page, text("zh", "form.section_of", n=7, total=7))
        form.get_by_role("button", name=text("zh", "form.submit")).click()
        wait_for_app(page, text("zh", "answer.thanks"))
        page.wait_for_timeout(300)  # the mark's script has run
        page.reload()
        wait_for_app(page, text("zh", "answer.already_answered"))
        expect(form.get_by_role("button", name=text("zh", "form.next"))).to_have_count(0)
        page.screenshot(path=tmp_path / "phone-already.png")
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator('[role="dialog"]').count() == 0
        assert "None" not in form.inner_text()
    finally:
        phone.close()
