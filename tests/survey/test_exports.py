"""Tables as CSV / Excel and charts as PNG / SVG (survey.reporting.exports)."""

import io
import json

import numpy as np
import openpyxl
import pandas as pd
import pytest

from survey import analysis
from survey.design import templates
from survey.i18n import text
from survey.reporting import exports
from survey.storage import demo
from ui import charts

HOSTILE = ["=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", "\tTAB", "普通文字", None]


def hostile_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "指标": HOSTILE,
            "差距": [-0.5, 1.25, -2.0, np.nan, 0.0, 3.0, -1.0],
            "n": [10, 20, 30, 40, 50, 60, 70],
            "分组": pd.array(["-1", "A", "B", '=HYPERLINK("x")', "C", "D", None], dtype="string"),
            "显著": [True, False, True, False, True, False, True],
            "=公式列": [1, 2, 3, 4, 5, 6, 7],
        }
    )


NEUTRALISED = ["'=1+1", "'+SUM(A1:A2)", "'-2+3", "'@cmd", "'\tTAB", "普通文字"]


def test_csv_round_trip_keeps_numbers_and_neutralises_formulas():
    data = exports.table_csv(hostile_table())
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the Chinese headers
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False, na_values=[""])
    assert list(back.columns) == ["指标", "差距", "n", "分组", "显著", "'=公式列"]
    assert back["指标"].iloc[:6].tolist() == NEUTRALISED
    assert pd.isna(back["指标"].iloc[6])
    assert back["差距"].iloc[[0, 2, 6]].tolist() == [-0.5, -2.0, -1.0]  # negative numbers stay numbers
    assert back["差距"].dtype == float and back["n"].tolist() == [10, 20, 30, 40, 50, 60, 70]
    assert back["分组"].iloc[3] == '\'=HYPERLINK("x")'
    assert str(back["分组"].iloc[0]) == "-1"  # a plain number in a text column is not marked


def test_excel_round_trip_has_no_formula_cell():
    data = exports.table_xlsx(hostile_table(), sheet="gaps: by/indicator")
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.active
    assert sheet.title == "gaps_ by_indicator"
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(c.data_type != "f" for c in cells)
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("指标", "差距", "n", "分组", "显著", "'=公式列")
    assert [r[0] for r in rows[1:7]] == NEUTRALISED
    assert rows[7][0] is None and rows[4][1] is None  # missing values are empty cells
    assert [r[1] for r in rows[1:4]] == [-0.5, 1.25, -2.0]
    assert isinstance(rows[1][2], int) and rows[1][4] is True
    back = pd.read_excel(io.BytesIO(data))
    assert back["差距"].iloc[0] == -0.5 and back["指标"].iloc[0] == "'=1+1"


def test_file_and_sheet_names():
    assert exports.file_stem('课程/满意度: "报告"?') == "课程_满意度_ _报告"
    assert exports.file_stem("") == "export"
    assert len(exports.sheet_name("x" * 40)) == 31


@pytest.fixture(scope="module")
def nps_chart():
    defn = templates.build("course")
    inputs = analysis.analysis_inputs(defn)
    frame = demo.course_responses()
    return charts.nps_distribution_chart(analysis.nps_distribution(inputs, frame), lang="zh"), len(frame)


def test_a_chart_follows_no_container_in_a_file(nps_chart):
    chart, _ = nps_chart
    assert chart.to_dict()["width"] == "container"
    spec = exports.chart_spec(chart)
    assert spec["width"] == exports.EXPORT_WIDTH
    assert "container" not in json.dumps(spec)


def test_chart_as_png_and_svg(nps_chart):
    chart, n = nps_chart
    png = exports.chart_png(chart, scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(png[16:20], "big")
    assert exports.EXPORT_WIDTH <= width < exports.EXPORT_WIDTH + 200  # plot width plus the axis and legend
    svg = exports.chart_svg(chart).decode("utf-8")
    assert svg.lstrip().startswith("<svg")
    title = text("zh", "chart.nps_distribution.title", n=n)
    assert title in svg  # the Chinese title is text in the SVG


def test_a_table_downloads_rounded_as_shown_and_says_what_it_is_of():
    frame = pd.DataFrame({"group": ['=HYPERLINK("x")', "B"], "gap": [-16.27906976744186, 2.05], "n": [43, 7]})
    csv = exports.table_csv(frame, decimals={"gap": 1})
    back = pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig")
    assert back["gap"].tolist() == [-16.3, 2.0] and back["n"].tolist() == [43, 7]
    about = ("Survey: Canteen (#4)", "Class: =cmd|' /C calc'!A0", "Exported: 2026-12-04 19:40")
    book = openpyxl.load_workbook(io.BytesIO(exports.table_xlsx(frame, decimals={"gap": 1}, about=about)))
    assert [row[1] for row in book.active.iter_rows(min_row=2, values_only=True)] == [-16.3, 2.0]
    lines = [row[0] for row in book["About"].iter_rows(values_only=True)]
    assert lines[0] == about[0] and lines[2] == about[2]
    assert not lines[1].startswith("=") and "cmd" in lines[1]  # a filter value is text, never a formula
    assert exports.rounded(frame, None) is frame
