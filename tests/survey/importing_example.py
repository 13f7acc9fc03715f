"""A small course survey and file builders shared by the import tests (not a test module)."""

from __future__ import annotations

import csv
import io

from survey.design.definition import Node, SurveyDefinition
from survey.design.templates import standard_scale

SAT5 = standard_scale("5")  # sat5: 很不满意 … 很满意 / Very dissatisfied … Very satisfied
SAT7 = standard_scale("7")  # sat7
LIKELY = standard_scale("0-10")  # likely0_10


def course_survey() -> SurveyDefinition:
    """Items: useful_p (required), useful_e, pace_p (7-point), nps (0–10); attributes wave, class, region."""
    return SurveyDefinition(
        title_zh="课程满意度",
        title_en="Course satisfaction",
        scales=(SAT5, SAT7, LIKELY),
        nodes=(
            Node("content", "dimension", "教学内容", "Teaching content"),
            Node("useful", "indicator", "教学内容实用", "Useful content", parent="content"),
            Node(
                "useful_p",
                "item",
                "教学内容实用",
                "The content is useful",
                parent="useful",
                role="perception",
                scale="sat5",
                required=True,
            ),
            Node(
                "useful_e",
                "item",
                "教学内容实用：期望",
                "Useful content: expected",
                parent="useful",
                role="expectation",
                scale="sat5",
            ),
            Node(
                "pace_p", "item", "教学进度合适", "The pace is right", parent="content", role="perception", scale="sat7"
            ),
            Node("nps", "item", "推荐可能性", "Likelihood to recommend", role="recommend", scale="likely0_10"),
            Node("wave", "item", "调查批次", "Wave", role="attribute"),
            Node("class", "item", "班级", "Class", role="attribute"),
            Node("region", "item", "地区", "Region", role="attribute"),
        ),
    )


def csv_text(rows: list[list[object]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if c is None else str(c) for c in row])
    return out.getvalue()


def csv_file(rows: list[list[object]], *, encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    return csv_text(rows, delimiter).encode(encoding)


def xlsx_file(rows: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xls_file(rows: list[list[object]]) -> bytes:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("答卷")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
