"""A coordinator in Chromium brings in a 问卷星 workbook and a Qualtrics CSV: each is recognised, a survey is
drafted from it and saved, the same file imports into it, and the Overview shows its responses and NPS."""

import re

import pytest
from playwright.sync_api import Page, expect

import metrics
from survey.i18n import text
from survey.reporting.report import number
from tests.survey.make_source_fixtures import FOLDER, RESPONDENTS

pytestmark = pytest.mark.usefixtures("admin_signed_in")

# Both files hold the fixture's six respondents; their 0–10 answers give the NPS the Overview must show.
EXPECTED_NPS = number(metrics.nps([r.nps for r in RESPONDENTS]).score, ".1f")


def go_to(page: Page, wait_for_app, key: str, title: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_text(text("zh", key), exact=True).click()
    wait_for_app(page)
    expect(page.locator('[data-testid="stMain"]').get_by_role("heading", name=text("zh", title))).to_be_visible()


def cards(page: Page) -> dict[str, str]:
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator('[data-testid="stMetric"]').first).to_be_visible()
    found = {}
    for metric in main.locator('[data-testid="stMetric"]').all():
        label = metric.locator('[data-testid="stMetricLabel"]').inner_text().strip()
        found[label] = metric.locator('[data-testid="stMetricValue"]').inner_text().strip()
    return found


@pytest.mark.parametrize(
    ("name", "tool", "title"),
    [("wjx_text.xlsx", "问卷星", "问卷星课程反馈"), ("qualtrics_text.csv", "Qualtrics", "Qualtrics course feedback")],
)
def test_draft_a_survey_from_an_export_import_it_and_see_the_nps(page: Page, wait_for_app, name, tool, title):
    page.goto("/")
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    go_to(page, wait_for_app, "nav.import", "impage.title")

    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": "application/octet-stream", "buffer": (FOLDER / name).read_bytes()}]
    )
    wait_for_app(page, text("zh", "impage.recognised", tool=tool, confidence="100%"))
    expect(main.get_by_text(text("zh", "impage.columns"), exact=True)).to_be_visible()
    main.locator('[data-testid="stCheckbox"]').filter(has_text=text("zh", "impage.draft_offer")).click()
    wait_for_app(page, text("zh", "impage.draft_save"))
    field = main.get_by_label(text("zh", "impage.draft_title"))
    field.fill(title)
    field.press("Enter")
    wait_for_app(page)
    main.get_by_role("button", name=text("zh", "impage.draft_save")).click()
    wait_for_app(page, text("zh", "impage.all_good", rows=6))
    expect(main.get_by_text(text("zh", "impage.carried", file=name))).to_be_visible()
    main.get_by_role("button", name=text("zh", "impage.import"), exact=True).click()
    wait_for_app(page, text("zh", "imp.result_imported", imported=6, rejected=0, read=6))
    expect(main.locator("td", has_text=name).first).to_be_attached()  # the batch is listed

    go_to(page, wait_for_app, "nav.overview", "overview.title")
    sidebar = page.locator('[data-testid="stSidebar"]')
    survey = sidebar.locator('[data-testid="stSelectbox"]').filter(has_text=text("zh", "common.survey"))
    expect(survey.get_by_role("combobox")).to_have_value(re.compile(f"^{re.escape(title)} · "))  # still picked
    shown = cards(page)
    assert shown[text("zh", "card.responses")] == "6"
    assert shown[text("zh", "card.nps")] == EXPECTED_NPS
    assert page.locator('[data-testid="stException"]').count() == 0
