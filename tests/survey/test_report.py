"""The report files (survey.reporting.report): key figures worded as the Overview's cards, PDF and PPTX in Chinese."""

import dataclasses
import io
import re

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pypdf import PdfReader

import metrics
from survey import analysis
from survey.design import templates
from survey.i18n import text
from survey.reporting import exports, report
from survey.storage import demo
from ui import charts

TITLE = "课程满意度调查（示例）"


@pytest.fixture(scope="module")
def course():
    defn = templates.build("course")
    inputs = analysis.analysis_inputs(defn)
    return defn, inputs, demo.course_responses()


@pytest.fixture(scope="module")
def content(course) -> report.Report:
    defn, inputs, frame = course
    labels = {n.code: n.label("zh") for n in defn.nodes}
    view = analysis.overview(inputs, frame)
    chosen = [
        charts.index_trend_chart(view.trend, lang="zh"),
        charts.gap_dumbbell(analysis.gap_table(inputs, frame), labels, lang="zh"),
        charts.nps_distribution_chart(analysis.nps_distribution(inputs, frame), lang="zh"),
    ]
    return report.Report(
        lang="zh",
        title=TITLE,
        subtitle=text("zh", "report.subtitle"),
        date="2026-11-23",
        details=("调查批次：2026-09",),
        figures_heading=text("zh", "report.key_figures"),
        figures_caption=report.figures_caption(view, "zh"),
        figures=report.key_figures(
            view, lang="zh", has_recommend=True, has_loyalty=True, targets={"satisfaction": 80.0}
        ),
        charts=tuple(
            report.ReportChart("总览", f"图 {k}", exports.chart_png(c, scale=1)) for k, c in enumerate(chosen)
        ),
    )


def test_key_figures_are_the_overview_cards(course):
    _, inputs, frame = course
    view = analysis.overview(inputs, frame)
    now, before = frame[frame["wave"] == "2026-09"], frame[frame["wave"] == "2026-06"]
    figures = report.key_figures(view, lang="en", has_recommend=True, has_loyalty=True, targets={"nps": 10.0})
    cards = ("satisfaction", "nps", "loyalty", "responses")
    assert [f.title for f in figures] == [text("en", f"card.{k}") for k in cards]
    score = metrics.nps(now["nps"])
    nps_card = figures[1]
    assert nps_card.value == f"{score.score:.1f}"
    assert nps_card.notes[0] == text("en", "card.nps_interval", low=f"{score.ci_low:.1f}", high=f"{score.ci_high:.1f}")
    difference = metrics.nps_difference(now["nps"], before["nps"])
    assert f"{difference.difference:+.1f} since 2026-06" in nps_card.notes[1]
    assert text("en", f"test.nps_{difference.method}") in nps_card.notes[1]
    assert f"p = {difference.p_value:.3f}" in nps_card.notes[1]

    assert nps_card.notes[2] == text("en", "card.target", target="10.0", gap=f"{score.score - 10:+.1f}")
    assert figures[3].value == str(len(now))


def test_p_values_are_never_printed_as_zero():
    assert report.p_value_text(2.7e-15) == "< 0.001" and report.p_value_text(0.0) == "< 0.001"
    assert report.p_value_text(0.0342) == "0.034" and report.p_value_text(float("nan")) == report.DASH
    assert report.p_text(1e-9, "en") == "p < 0.001" and report.p_text(0.5, "zh") == "p = 0.500"


def pdf_text(data: bytes) -> list[str]:
    """Each page's text without white space and NULs (pypdf 7 puts either between the glyphs of fpdf2's
    two-byte CID text; poppler's pdftotext reads the same pages cleanly)."""
    return [re.sub(r"[\s\x00]+", "", page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def test_pdf_has_title_key_figures_and_one_page_per_chart(content):
    data = report.report_pdf(content)
    assert data.startswith(b"%PDF")
    pages = pdf_text(data)
    assert len(pages) == 2 + len(content.charts)
    assert TITLE in pages[0] and "满意度与忠诚度报告" in pages[0] and "2026-11-23" in pages[0]
    assert "关键指标" in pages[1]
    for figure in content.figures:
        assert figure.title.replace(" ", "") in pages[1] and figure.value in pages[1]
    assert all("总览" in page for page in pages[2:])
    reader = PdfReader(io.BytesIO(data))
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
        if "/BaseFont" in font.get_object()
    }
    assert any("NotoSansCJKSC" in f for f in fonts), fonts  # the CJK font, embedded as a subset
    assert sum(len(page.images) for page in reader.pages) == len(content.charts)


def test_pptx_has_title_key_figures_and_one_slide_per_chart(content):
    prs = Presentation(io.BytesIO(report.report_pptx(content)))
    slides = list(prs.slides)
    assert len(slides) == 2 + len(content.charts)
    title = slides[0].shapes.title.text_frame.text
    assert title == TITLE
    subtitle = slides[0].placeholders[1].text_frame.text
    assert "满意度与忠诚度报告" in subtitle and "2026-11-23" in subtitle
    assert slides[1].shapes.title.text_frame.text == "关键指标"
    figures_text = " ".join(s.text_frame.text for s in slides[1].shapes if s.has_text_frame)
    for figure in content.figures:
        assert figure.title in figures_text and figure.value in figures_text
    assert "目标 80.0" in figures_text
    for slide, chart in zip(slides[2:], content.charts):
        pictures = [s for s in slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert len(pictures) == 1 and pictures[0].image.blob == chart.png
        assert pictures[0]._element.nvPicPr.cNvPr.get("descr") == chart.title
    # every run names an East-Asian font, so Chinese is set in a Chinese font
    frames = [s.text_frame for slide in slides for s in slide.shapes if s.has_text_frame]
    runs = [r for frame in frames for p in frame.paragraphs for r in p.runs]
    assert runs
    for run in runs:
        ea = run._r.rPr.find(qn("a:ea"))
        assert ea is not None and ea.get("typeface") == report.FONT_FAMILY
        assert run._r.rPr.get("lang") == "zh-CN"


def test_without_the_cjk_font_the_report_says_what_to_install(content, monkeypatch):
    monkeypatch.setattr(report, "cjk_font_dir", lambda: None)
    with pytest.raises(report.ReportError) as err:
        report.report_pdf(content)
    assert err.value.key == "report.no_font"
    assert "fonts-noto-cjk" in text("en", err.value.key)


def test_the_key_tables_are_in_both_files_each_page_with_its_own_heading(content):
    rows = tuple((f"指标 {k}", f"{70 + k:.1f}", "—" if k == 3 else f"+{k}.0") for k in range(20))
    gaps = report.ReportTable("差距", "体验表", ("指标", "满意度", "差距"), rows)
    with_tables = dataclasses.replace(content, tables=(gaps,))
    headings = [heading for heading, _ in report.content_pages(with_tables)]
    assert headings[-2:] == ["差距 · 体验表 (1/2)", "差距 · 体验表 (2/2)"]  # 20 rows: 14 on a page, then 6
    assert len(set(headings)) == len(headings)
    pages = [
        re.sub(r"[\s\x00]+", "", page.extract_text())
        for page in PdfReader(io.BytesIO(report.report_pdf(with_tables))).pages
    ]
    assert all(name in pages[-2] + pages[-1] for name in ("指标0", "指标19", "满意度", "—", "+19.0"))
    assert "2026-11-23" in pages[0] and "调查批次：2026-09" in pages[0]  # the title page: date and filters
    slides = list(Presentation(io.BytesIO(report.report_pptx(with_tables))).slides)
    (table,) = [shape.table for shape in slides[-1].shapes if shape.has_table]
    assert [table.cell(0, c).text for c in range(3)] == ["指标", "满意度", "差距"]
    assert table.cell(len(table.rows) - 1, 0).text == "指标 19"
