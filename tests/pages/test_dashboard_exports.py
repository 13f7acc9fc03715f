"""Downloads under the dashboards' charts and tables, and the Report page, in AppTest.

A download button's file is fetched the way the browser's click does: through the runtime's media file
manager (a deferred file runs its callable, an eager one is read back).
"""

import io
import re

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from pypdf import PdfReader
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

import metrics
from survey.i18n import text
from tests.pages.conftest import open_page
from tests.pages.test_dashboards import on, table_with


@pytest.fixture(autouse=True)
def media(monkeypatch) -> list:
    """The media file managers of the AppTest runs (AppTest makes one per run and drops it after)."""
    made = []

    class Recording(MediaFileManager):
        def __init__(self, storage):
            super().__init__(storage)
            made.append(self)

    monkeypatch.setattr(app_test_module, "MediaFileManager", Recording)
    return made


def download(media: list, button) -> tuple[bytes, str]:
    """(the file's bytes, its name) behind a download button of the last run."""
    manager = media[-1]
    proto = button.proto
    url = manager.execute_deferred(proto.deferred_file_id) if proto.deferred_file_id else proto.url
    file_id = re.search(r"/([0-9a-f]+)\.\w+$", url).group(1)
    stored = manager.read_file(file_id)
    return bytes(stored.content), stored.filename


def buttons(at: AppTest) -> dict:
    """label → list of download buttons, in page order."""
    out: dict = {}
    for element in at.get("download_button"):
        out.setdefault(element.proto.label, []).append(element)
    return out


def test_every_chart_and_table_of_a_page_offers_its_files(app, app_database, media):
    at, frame = on(app, app_database, "Course", "nps")
    found = buttons(at)
    charts, tables = len(at.get("vega_lite_chart")), len(at.dataframe)
    assert charts == 3 and tables == 1
    assert [len(found[text("en", k)]) for k in ("export.png", "export.svg", "export.csv", "export.xlsx")] == [
        charts,
        charts,
        tables,
        tables,
    ]
    png, name = download(media, found["PNG"][0])
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and name == "nps-distribution.png"
    svg, _ = download(media, found["SVG"][0])
    assert text("en", "chart.nps_distribution.title", n=int(frame["nps"].notna().sum())).encode() in svg
    shown = table_with(at, text("en", "nps.col.vs_rest"))
    csv, name = download(media, found["CSV"][0])
    assert csv.startswith(b"\xef\xbb\xbf") and name == "nps-by-segment.csv"
    back = pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig")
    assert list(back.columns) == list(shown.columns)
    mine, rest = frame[frame["class"] == "Class 1"]["nps"], frame[frame["class"] != "Class 1"]["nps"]
    assert back["NPS"].iloc[0] == round(metrics.nps(mine).score, 1)
    # rounded as the page shows it (one decimal), not −16.27906976744186
    assert back[text("en", "nps.col.vs_rest")].iloc[0] == round(metrics.nps_difference(mine, rest).difference, 1)
    xlsx, _ = download(media, found["Excel"][0])
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0] == tuple(shown.columns) and len(rows) == 1 + len(shown)
    # the file says what it is of: the survey, the filters, when
    about = [row[0] for row in book[text("en", "export.about")].iter_rows(values_only=True)]
    assert about[0].startswith("Survey: Course") and any(line.startswith("Wave") for line in about)
    assert about[-1].startswith("Exported: ")


def test_report_page_builds_the_pdf_and_the_pptx(app, app_database, media):
    at, frame = on(app, app_database, "Course", "report")
    assert at.title[0].value == text("en", "report.title")
    at.multiselect(key="_filter_waves").select("2026-09").run()
    at.multiselect(key="_report_pages").set_value(["overview", "nps"]).run()
    at.radio(key="_report_lang").set_value("zh").run()
    assert not at.get("download_button")
    at.button[0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    found = buttons(at)
    pdf, pdf_name = download(media, found[text("en", "report.download_pdf")][0])
    pptx, pptx_name = download(media, found[text("en", "report.download_pptx")][0])
    assert pdf_name.endswith(".pdf") and pptx_name.endswith(".pptx") and pdf_name.startswith("课程满意度调查")

    # overview: the indices by wave; NPS of one wave: the answers and NPS by class (no trend)
    charts, tables = 1 + 2, 1  # and the NPS page's key table, NPS by class
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2 + charts + tables
    slides = list(Presentation(io.BytesIO(pptx)).slides)
    assert len(slides) == 2 + charts + tables
    assert slides[0].shapes.title.text_frame.text == "课程满意度调查（示例）"
    assert "调查批次：2026-09" in slides[0].placeholders[1].text_frame.text
    figures = " ".join(s.text_frame.text for s in slides[1].shapes if s.has_text_frame)
    score = metrics.nps(frame[frame["wave"] == "2026-09"]["nps"]).score
    assert f"{score:.1f}" in figures and text("zh", "card.nps") in figures
    sections = [slide.shapes.title.text_frame.text for slide in slides[2:]]
    pages = [text("zh", "nav.overview"), *[text("zh", "nav.nps")] * 3]
    assert [heading.split(" · ")[0] for heading in sections] == pages
    assert len(set(sections)) == len(sections)  # every slide has a heading of its own

    # another filter: the files no longer match, the page says so
    at.multiselect(key="_filter_waves").select("2026-06").run()
    assert not at.get("download_button")
    assert [i.value for i in at.info] == [text("en", "report.outdated")]
    open_page(at, "overview")
    assert not at.exception
