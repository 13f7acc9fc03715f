"""A manager in Chromium filters the course survey to one wave, walks Overview → Gaps (downloading a chart as
PNG) → NPS, and downloads the report as PowerPoint: its slides hold the title, the date, the key figures shown
and the charts of those pages."""

import datetime as dt
import io

import pytest
from playwright.sync_api import Page, expect
from pptx import Presentation

from survey.i18n import text
from tests.browser.conftest import choose

pytestmark = pytest.mark.usefixtures("admin_signed_in")

COURSE = "课程满意度调查（示例）"
WAVE = "2026-09"
CHART = '[data-testid="stVegaLiteChart"]'
DOWNLOAD = '[data-testid="stDownloadButton"]'


def open_page(page: Page, wait_for_app, key: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_text(text("zh", key), exact=True).click()
    wait_for_app(page)
    title = key.replace("nav.", "") + ".title"
    expect(page.locator('[data-testid="stMain"]').get_by_role("heading", name=text("zh", title))).to_be_visible()


def charts_shown(page: Page) -> int:
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator(CHART).first).to_be_visible()
    return main.locator(CHART).count()


def test_filter_walk_the_dashboards_and_download_the_report(page: Page, wait_for_app, tmp_path):
    page.goto("/")
    wait_for_app(page)
    main, sidebar = page.locator('[data-testid="stMain"]'), page.locator('[data-testid="stSidebar"]')
    choose(page, sidebar.locator('[data-testid="stSelectbox"]').filter(has_text=text("zh", "common.survey")), COURSE)
    wait_for_app(page)
    choose(page, sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text=text("zh", "dash.wave")), WAVE)
    page.keyboard.press("Escape")  # a multiselect stays open for more choices
    wait_for_app(page, text("zh", "overview.wave_vs", wave=WAVE, previous="2026-06", count=74).split("（")[0])

    # Overview: the cards of the wave, the indices by wave, and a download under the chart
    cards = {}
    for metric in main.locator('[data-testid="stMetric"]').all():
        label = metric.locator('[data-testid="stMetricLabel"]').inner_text().strip()
        cards[label] = metric.locator('[data-testid="stMetricValue"]').inner_text().strip()
    assert set(cards) == {text("zh", f"card.{k}") for k in ("satisfaction", "nps", "loyalty", "responses")}
    counts = {"overview": charts_shown(page)}
    expect(main.locator(DOWNLOAD).filter(has_text=text("zh", "export.png")).first).to_be_visible()

    # Gaps, then NPS: the wave filter holds
    open_page(page, wait_for_app, "nav.gaps")
    counts["gaps"] = charts_shown(page)
    with page.expect_download() as info:  # the file is drawn on the click
        main.locator(DOWNLOAD).filter(has_text=text("zh", "export.png")).first.click()
    assert info.value.suggested_filename == "gaps-by-dimension.png"
    assert info.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    open_page(page, wait_for_app, "nav.nps")
    counts["nps"] = charts_shown(page)
    expect(sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text=WAVE)).to_be_visible()
    page.screenshot(path=tmp_path / "nps.png")

    # Report: those three pages, in Chinese
    open_page(page, wait_for_app, "nav.report")
    for other in ("nav.priorities", "nav.loyalty", "nav.model"):
        main.get_by_role("button", name=f"Remove {text('zh', other)}").click()
        wait_for_app(page)
    main.get_by_role("button", name=text("zh", "report.build")).click()
    wait_for_app(page, text("zh", "report.download_pptx"), timeout=120_000)
    with page.expect_download() as info:
        main.get_by_role("button", name=text("zh", "report.download_pptx")).click()
    download = info.value
    assert download.suggested_filename.startswith(COURSE) and download.suggested_filename.endswith(".pptx")
    slides = list(Presentation(io.BytesIO(download.path().read_bytes())).slides)

    # title slide: survey, report, date, the wave filter
    assert slides[0].shapes.title.text_frame.text == COURSE
    subtitle = slides[0].placeholders[1].text_frame.text
    today = dt.date.today()
    assert text("zh", "report.subtitle") in subtitle
    assert today.isoformat() in subtitle or (today - dt.timedelta(days=1)).isoformat() in subtitle
    assert WAVE in subtitle
    # key figures: the Overview's cards as shown
    figures = " ".join(s.text_frame.text for s in slides[1].shapes if s.has_text_frame)
    for label, value in cards.items():
        assert label in figures and value in figures, (label, value)
    # one slide per chart shown on the chosen pages, in their order
    charted = [slide for slide in slides[2:] if any(s.shape_type == 13 for s in slide.shapes)]  # a picture
    sections = [slide.shapes.title.text_frame.text.split(" · ")[0] for slide in charted]
    expected = [text("zh", f"nav.{p}") for p in ("overview", "gaps", "nps") for _ in range(counts[p])]
    assert sections == expected
    # every other slide holds a page's key table (the gaps, NPS by class), each slide its own heading
    assert all(any(s.has_table for s in slide.shapes) for slide in slides[2:] if slide not in charted)
    headings = [slide.shapes.title.text_frame.text for slide in slides[2:]]
    assert len(set(headings)) == len(headings)
    assert page.locator('[data-testid="stException"]').count() == 0
