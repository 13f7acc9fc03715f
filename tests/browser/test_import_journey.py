"""A coordinator in Chromium uploads a GBK CSV with Chinese headers, fixes one mapping, imports and sees the counts."""

import pytest
from playwright.sync_api import Page, expect

from survey.design import templates
from survey.i18n import text
from tests.browser.conftest import choose

pytestmark = pytest.mark.usefixtures("admin_signed_in")


def course_file() -> bytes:
    """Five answers to the course survey as Excel on Chinese Windows saves them, one header unrecognisable."""
    defn = templates.build("course")
    items = defn.items_with_role("perception")[:3]
    headers = ["编号", "第一题（请打分）", items[1].label_zh, items[2].label_zh]
    rows = [f"web-{i},4,很满意,{i % 5 + 1}" for i in range(1, 6)]
    return ("\r\n".join([",".join(headers), *rows]) + "\r\n").encode("gbk")


def test_upload_a_gbk_file_fix_a_mapping_and_import(page: Page, wait_for_app):
    page.goto("/")
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    page.locator('[data-testid="stSidebarNav"]').get_by_text(text("zh", "nav.import")).click()
    wait_for_app(page)
    expect(main.get_by_role("heading", name=text("zh", "impage.title"), exact=True)).to_be_visible()
    shown = main.inner_text()  # Streamlit's own words on the uploader, in Chinese (ui.widget_texts)
    assert "200MB per file" not in shown and "Upload" not in shown
    button = main.locator('[data-testid="stFileUploaderDropzone"] button p').first
    assert button.evaluate("p => getComputedStyle(p, '::after').content") == '"上传"'
    title = "课程满意度调查（示例）"
    choose(
        page, main.locator('[data-testid="stSelectbox"]').filter(has_text=text("zh", "common.survey")), title + " · v1"
    )
    wait_for_app(page)

    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": "课程结果.csv", "mimeType": "text/csv", "buffer": course_file()}]
    )
    wait_for_app(page, "gb18030")
    # the unrecognised column: map it by hand to the first perception item
    first = templates.build("course").items_with_role("perception")[0]
    choose(
        page,
        main.locator('[data-testid="stSelectbox"]').filter(has_text="第一题（请打分）"),
        f"{first.code} · {first.label_zh}",
    )
    main.get_by_role("button", name=text("zh", "impage.recheck")).click()
    wait_for_app(page, text("zh", "impage.all_good", rows=5))
    main.get_by_role("button", name=text("zh", "impage.import"), exact=True).click()
    wait_for_app(page, text("zh", "imp.result_imported", imported=5, rejected=0, read=5))
    expect(main.locator("td", has_text="课程结果.csv").first).to_be_attached()  # the batch is listed
    assert page.locator('[data-testid="stException"]').count() == 0
