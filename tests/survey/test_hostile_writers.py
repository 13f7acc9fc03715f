"""Any text in any field through every writer: never an exception, never a crash, every file whole.

The texts are what a survey could hold from before the way-in checks, or
what an attacker would try: control characters (bell, vertical tab, unit
separator, NUL), non-characters (U+FFFE), lone surrogates, right-to-left and
zero-width characters, a 2,500-character word, formulas, every Unicode
category. They are put into every label of the course survey (titles,
dimensions, indicators, items), into its segment values, and into the
report's own texts; then the dashboards' charts (PNG, SVG: drawn in worker
processes), their tables (CSV, XLSX), the report (PDF, PPTX) and the
survey-tool `normalize` output are written and read back.
"""

import csv
import io
import xml.etree.ElementTree as ET
from dataclasses import replace

import openpyxl
import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pypdf import PdfReader

from survey import analysis, answering, spreadsheet
from survey.characters import REPLACEMENT, has_bad_character, printable
from survey.design import templates
from survey.i18n import text
from survey.importing.sources import normalize
from survey.importing.validation import ImportProblem, report_csv, spreadsheet_safe
from survey.reporting import exports, report
from survey.storage import demo
from ui import charts

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PIECES = [
    "\x07",
    "\x0b",
    "\x1f",
    "\x00",
    "\x1b[31m",
    "\x85",
    "\ufffe",
    "\uffff",
    "\ud800",
    "\U0010ffff",
    "\u202e",
    "\u200f",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u2028",
    "\t",
    "\n",
    "\\0",
    "\\3",
    '\\"',
    "w" * 2500,
    '=HYPERLINK("http://127.0.0.1/x")',
    "@SUM(A1)",
    "مرحبا",
    "שלום",
    "😀👩‍👩‍👧",
    "满意度",
    "e\u0301",
    "<b>x</b>",
    "[a](http://127.0.0.1/)",
    "\ue000",
]
any_character = st.characters(codec=None, exclude_categories=())  # every category, surrogates included
hostile = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(any_character, min_size=1, max_size=12)), min_size=1, max_size=4
).map("".join)

# What can be stored: a database driver refuses a lone surrogate (not UTF-8), so stored text never holds one;
# the way-in tests give them to every check.
stored = hostile.map(lambda value: "".join(ch for ch in value if not "\ud800" <= ch <= "\udfff")).filter(bool)

COURSE = templates.build("course")
FRAME = demo.course_responses()


def hostile_survey(label: str):
    """The course survey with `label` in its titles and every node's labels (as stored before the checks),
    and its answers with `label` in the class segment."""
    nodes = tuple(replace(n, label_zh=f"{label}{n.code}", label_en=f"{n.code}{label}") for n in COURSE.nodes)
    defn = replace(COURSE, title_zh=label, title_en=label, description_zh=label, nodes=nodes)
    frame = FRAME.assign(**{"class": [f"{label}{c}" for c in FRAME["class"]]})
    return defn, frame


def dashboard_charts(defn, frame, lang: str) -> list:
    inputs = analysis.analysis_inputs(defn)
    labels = {n.code: n.label(lang) for n in defn.nodes}
    gaps = analysis.gap_table(inputs, frame)
    return [
        charts.gap_dumbbell(gaps, labels, lang=lang),
        charts.dimension_gap_chart(analysis.gap_table(inputs, frame, level="dimension"), labels, lang=lang),
        charts.nps_segment_chart(analysis.nps_by(inputs, frame, "class"), labels["class"], lang=lang),
        charts.index_items_chart(analysis.loyalty(inputs, frame).nodes, labels, lang=lang),
    ]


def assert_xml_text(data: str) -> None:
    assert not has_bad_character(data)
    ET.fromstring(data)  # a well-formed SVG document


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stored, st.sampled_from(["zh", "en"]))
def test_charts_tables_and_reports_of_any_text_are_whole_files(label, lang):
    defn, frame = hostile_survey(label)
    chosen = dashboard_charts(defn, frame, lang)

    rendered = []
    for chart in chosen:
        png = exports.chart_png(chart, scale=1)
        assert png.startswith(PNG_MAGIC)
        assert_xml_text(exports.chart_svg(chart).decode("utf-8"))
        rendered.append(report.ReportChart(label, label, png))

    table = analysis.gap_table(analysis.analysis_inputs(defn), frame)
    table = table.assign(label=[f"{label}{c}" for c in table["code"]]).rename(columns={"code": label})
    expected = [[spreadsheet_safe(v) for v in row] for row in table.astype(str).itertuples(index=False)]
    read = list(csv.reader(io.StringIO(exports.table_csv(table).decode("utf-8-sig"), newline="")))
    assert read[0] == [spreadsheet_safe(c) for c in table.columns]
    assert [r[-1] for r in read[1:]] == [r[-1] for r in expected]  # the labels, made safe, every row there
    book = openpyxl.load_workbook(io.BytesIO(exports.table_xlsx(table, sheet=label)))
    sheet = book.active
    assert sheet.max_row == len(table) + 1
    assert [c.value for c in sheet[1]] == [spreadsheet_safe(c) for c in table.columns]
    assert [sheet.cell(k + 2, table.shape[1]).value for k in range(len(table))] == [r[-1] for r in expected]

    content = report.Report(
        lang=lang,
        title=label,
        subtitle=label,
        date="2026-12-03",
        details=(label, label * 2),
        figures_heading=label,
        figures_caption=label,
        figures=(report.KeyFigure(label, "80.0", (label,)), report.KeyFigure("NPS", label, ())),
        charts=tuple(rendered),
    )
    slides = Presentation(io.BytesIO(report.report_pptx(content))).slides
    assert len(slides) == 2 + len(rendered)
    shown = "".join(s.text_frame.text for slide in slides for s in slide.shapes if s.has_text_frame)
    assert not has_bad_character(shown)
    typed = printable(label).replace("\r\n", "\n").replace("\r", "\n").replace("\u200b", "")
    assert typed[:30] in shown.replace("\u200b", "") or not label.strip()
    pdf = PdfReader(io.BytesIO(report.report_pdf(content)))
    assert len(pdf.pages) == 2 + len(rendered)


@settings(max_examples=30, deadline=None)
@given(st.lists(stored, min_size=1, max_size=4))
@example(["0\x1f"])  # a number then a unit separator: once read as the number 0, the separator lost unseen
def test_normalize_writes_any_text_as_a_whole_csv_the_importer_can_read(cells):
    rows = [["编号", "教学内容实用", "班级"]] + [[f"s{k}", "4", value] for k, value in enumerate(cells)]
    out = io.StringIO()
    csv.writer(out).writerows(rows)  # quotes a cell holding a line break or a bare carriage return
    data = out.getvalue().encode("utf-8")
    try:
        export = normalize(data, "hostile.csv")
    except Exception as err:  # a file that cannot be read is refused in words, never with a stray error
        assert type(err).__name__ in ("ReadError", "SourceError"), err
        assert text("zh", err.message, **err.params) != err.message
        return
    written = export.to_plain_csv().decode("utf-8-sig")
    assert not has_bad_character(written.replace("\r\n", "\n"))
    assert len(list(csv.reader(io.StringIO(written, newline="")))) == len(cells) + 1
    assert REPLACEMENT in written or not any(has_bad_character(c) for c in cells)


# --- no cell of any file the product writes for a spreadsheet starts a formula ---------------------------------

FORMULA_START = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "-1+", "+1", "=-", "@@", ""])
formula_like = st.tuples(FORMULA_START, stored).map("".join).filter(bool)


def csv_cells(data: bytes) -> list[str]:
    return [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")) for c in row]


def assert_no_formula(cells, writer: str) -> None:
    live = [c for c in cells if isinstance(c, str) and not spreadsheet.is_safe(c)]
    assert live == [], f"{writer} writes cells a spreadsheet would run: {live[:3]!r}"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(formula_like, min_size=2, max_size=4), st.sampled_from(["zh", "en"]))
@example(['=HYPERLINK("http://198.51.100.7/","q")', "@SUM(1)", "+1+1"], "en")
@example(["-x", "\t=1", "\r@x"], "zh")
def test_every_spreadsheet_writer_neutralises_every_cell_headers_included(cells, lang):
    frame = pd.DataFrame({cells[0]: cells, cells[1]: [1.5] * len(cells), "n": range(len(cells))})
    assert_no_formula(csv_cells(exports.table_csv(frame)), "table_csv")
    book = openpyxl.load_workbook(io.BytesIO(exports.table_xlsx(frame, about=cells)))
    written = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c for c in written if c.data_type == "f"]
    assert_no_formula([c.value for c in written], "table_xlsx")

    links = [answering.PersonalLink(k, token, bool(k % 2)) for k, token in enumerate(cells, start=1)]
    assert_no_formula(csv_cells(answering.personal_links_csv(links, "http://127.0.0.1", "abc", lang)), "links")
    problems = [ImportProblem(k, c, c, "imp.formula") for k, c in enumerate(cells)]
    assert_no_formula(csv_cells(report_csv(problems, lang)), "report_csv")
    rejected = spreadsheet.SafeCsv()  # the rejected rows' writer (survey.importing.validation)
    rejected.writerows([cells, cells[::-1]])
    assert_no_formula(csv_cells(rejected.data()), "rejected rows")

    header = ["编号", *(f"{c}{k}" for k, c in enumerate(cells))]  # the tool's question texts become headers
    out = io.StringIO()
    csv.writer(out).writerows([header, *([f"s{r}", *(["4"] * len(cells))] for r in range(3))])
    try:
        export = normalize(out.getvalue().encode("utf-8"), "hostile.csv")
    except Exception as err:  # a file that cannot be read is refused in words
        assert type(err).__name__ in ("ReadError", "SourceError"), err
    else:
        assert_no_formula(csv_cells(export.to_plain_csv(fields=True)), "normalize")


def test_new_personal_link_tokens_are_letters_and_digits_and_old_ones_still_open():
    tokens = [answering.new_token(answering.PERSONAL_TOKEN_CHARS) for _ in range(1000)]
    assert all(t.isascii() and t.isalnum() and len(t) == 13 for t in tokens)
    assert len(set(tokens)) == 1000
    assert answering._token_ok("-Ab_3xYz9Qw1")  # a token made before (URL-safe base64, "-" first) still opens
