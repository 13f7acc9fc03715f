"""Chart downloads of hostile data: a chart whose labels and segment values hold control characters and
non-characters (stored before the way-in checks existed) downloads as PNG and SVG and the server stays up;
a chart that cannot be drawn says so under its button, in the user's language, and the page goes on.

The chart renderer (vl-convert) used to abort the whole server on a label holding \\x07, \\x0b, \\x1f or
U+FFFE; now every text of a spec is made printable and the drawing happens in a worker process
(survey.reporting.exports, survey.reporting.rendering).
"""

import time
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from survey.characters import REPLACEMENT
from survey.design import templates
from survey.i18n import text
from survey.storage import store
from survey.storage import tables as tb
from survey.storage.db import open_database
from tests.browser.conftest import ADMIN, choose, is_healthy, running_app, sign_in, wait_for_app

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAIN = '[data-testid="stMain"]'
SIDEBAR = '[data-testid="stSidebar"]'
CHART = '[data-testid="stVegaLiteChart"]'
EXCEPTION = '[data-testid="stException"]'
BUTTON_ERROR = '[data-testid="stDownloadButtonError"]'

# What the way-in checks now refuse, as older data may still hold it: bell, vertical tab, unit separator,
# a non-character; and a 2,500-character word.
BAD = ("\x07", "\x0b", "\x1f", "\ufffe")
LONG_WORD = ("Unbreakable" * 228)[:2500]
TITLE_START = "恶意字符图表"  # how the test finds the survey in the picker
TITLE = f"{TITLE_START}\x07\ufffe survey"
CLASS_FIELD = "班级\x1f字段"  # the label of the segment field `class`, the NPS chart's axis title
SEGMENTS = ("一班\x07", "二\x0b班", "三班\x1f", "四班\ufffe", LONG_WORD)
DIMENSION_LABELS = {
    "content": "教学\x07内容",
    "method": "教学\x0b方法",
    "teacher": "教师\x1f",
    "assessment": "考核\ufffe",
}
PER_SEGMENT = 6
COURSE = "课程满意度调查（示例）"  # a demo survey with charts on every dashboard
HEALTH_WATCH_S = 5.0


def hostile_survey(url: str) -> None:
    """The course survey with bad characters in its title, dimension labels, the `class` field's label and
    the `class` answers of its responses, written straight into the tables."""
    defn = templates.build("course")
    defn = replace(defn, title_zh=f"{TITLE_START} survey", title_en=f"{TITLE_START} survey")
    scored = [n.code for n in defn.scored_items]
    db = open_database(url)
    try:
        with db.session() as s:
            ws = store.default_workspace(s).id
            survey = store.create_survey(s, ws, defn)  # clean: the checks on the way in refuse bad characters
            version = store.current_version(s, ws, survey.id)
            survey.title_zh = survey.title_en = TITLE
            for node in version.nodes:
                if node.code in DIMENSION_LABELS:
                    node.label_zh = node.label_en = DIMENSION_LABELS[node.code]
            for item in version.items:
                if item.code == "class":
                    item.label_zh = item.label_en = CLASS_FIELD
            for k, segment in enumerate(SEGMENTS):
                for i in range(PER_SEGMENT):
                    answers = {code: float(1 + (i + k + j) % 5) for j, code in enumerate(scored)}
                    answers["nps"] = float((3 * i + 2 * k) % 11)
                    s.add(
                        tb.Response(
                            workspace_id=ws,
                            survey_id=survey.id,
                            version_id=version.id,
                            wave="2026-06",
                            answers=answers,
                            attributes={"wave": "2026-06", "class": segment, "group": f"G{i % 2}{BAD[i % 4]}"},
                        )
                    )
            s.commit()
    finally:
        db.dispose()


def pick_survey(page: Page, title: str) -> None:
    """Choose the survey whose title holds `title` in the sidebar's survey picker."""
    picker = page.locator(SIDEBAR).locator('[data-testid="stSelectbox"]').filter(has_text=text("zh", "common.survey"))
    choose(page, picker, title)
    wait_for_app(page)


def open_page(page: Page, wait_for_app, key: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_text(text("zh", key), exact=True).click()
    wait_for_app(page)
    title = text("zh", key.replace("nav.", "") + ".title")
    expect(page.locator(MAIN).get_by_role("heading", name=title)).to_be_visible()


def download_button(page: Page, file_name: str):
    """The button of the download `file_name` (ui.downloads keys it `_download_<file name>`)."""
    key = "_download_" + file_name.replace(".", "-")
    return page.locator(f"{MAIN} .st-key-{key}").get_by_role("button")


def download(page: Page, file_name: str) -> bytes:
    """The file the button of `file_name` downloads (drawn on the click); fails with what the page says
    under the button when no file comes."""
    try:
        with page.expect_download(timeout=30_000) as info:
            download_button(page, file_name).click()
    except PlaywrightTimeoutError:
        said = page.locator(f"{MAIN} {BUTTON_ERROR}").all_inner_texts()
        raise AssertionError(f"no {file_name} downloaded; under the buttons: {said}") from None
    assert info.value.suggested_filename == file_name
    return info.value.path().read_bytes()


def stays_healthy(base_url: str, seconds: float = HEALTH_WATCH_S) -> None:
    """The server answers /_stcore/health all through the next `seconds` (the old crash took it down)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert is_healthy(base_url), f"{base_url} stopped answering /_stcore/health"
        time.sleep(0.5)


@pytest.fixture
def hostile(app_database_url: str) -> None:
    hostile_survey(app_database_url)


@pytest.mark.usefixtures("hostile")
def test_a_chart_with_hostile_labels_downloads_and_the_server_stays_up(page: Page, base_url, wait_for_app):
    page.goto("/")
    sign_in(page, *ADMIN)
    page.goto("/")  # signed in (the cookie): the dashboards
    wait_for_app(page)
    main = page.locator(MAIN)
    pick_survey(page, TITLE_START)
    open_page(page, wait_for_app, "nav.nps")
    expect(main.get_by_role("heading", name=text("zh", "nps.by_segment"))).to_be_visible()
    expect(main.locator(CHART).nth(1)).to_be_visible()  # the distribution, then NPS by segment

    png = download(page, "nps-by-segment.png")
    assert png[:8] == PNG_MAGIC
    svg = download(page, "nps-by-segment.svg")
    root = ET.fromstring(svg)  # well-formed XML: no control character left in it
    assert root.tag.endswith("svg")
    drawn = "".join(root.itertext())
    assert REPLACEMENT in drawn  # where a bad character was
    assert not any(ch in drawn for ch in BAD)
    assert "一班" in drawn and "班级" in drawn

    stays_healthy(base_url)
    assert main.locator(EXCEPTION).count() == 0
    open_page(page, wait_for_app, "nav.gaps")  # the dimension labels hold bad characters too
    expect(main.locator(CHART).first).to_be_visible()
    assert download(page, "gaps-by-dimension.png")[:8] == PNG_MAGIC
    assert main.locator(EXCEPTION).count() == 0
    assert is_healthy(base_url)


def test_a_chart_that_cannot_be_drawn_says_so_in_the_users_language(
    page: Page, app_database_url, tmp_path, wait_for_app
):
    message = text("zh", "render.chart_failed", reason=text("zh", "render.timeout"))
    with running_app(tmp_path, app_database_url, RENDER_TIMEOUT_S="0.001") as slow_url:  # every drawing times out
        page.goto(f"{slow_url}/")
        sign_in(page, *ADMIN)
        page.goto(f"{slow_url}/")
        wait_for_app(page)
        main = page.locator(MAIN)
        pick_survey(page, COURSE)
        open_page(page, wait_for_app, "nav.nps")
        expect(main.locator(CHART).first).to_be_visible()

        download_button(page, "nps-distribution.png").click()
        error = main.locator(".st-key-_download_nps-distribution-png").locator(BUTTON_ERROR)
        expect(error).to_have_text(message)  # ours, not Streamlit's "Failed to generate file for download"
        assert is_healthy(slow_url)

        download_button(page, "nps-distribution.svg").click()
        expect(main.locator(".st-key-_download_nps-distribution-svg").locator(BUTTON_ERROR)).to_have_text(message)
        assert main.locator(EXCEPTION).count() == 0
        open_page(page, wait_for_app, "nav.overview")
        expect(main.locator(CHART).first).to_be_visible()
        assert main.locator(EXCEPTION).count() == 0
        assert is_healthy(slow_url)
