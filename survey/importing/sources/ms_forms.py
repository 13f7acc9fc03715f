"""Microsoft Forms: the Excel workbook of responses.

Fixed columns ID, Start time, Completion time, Email, Name (the last two
personal data; "anonymous" when the form did not ask), and in newer files
Last modified time; a Chinese workbook writes 开始时间, 完成时间, 电子邮件,
名称, 上次修改时间. A quiz adds Total points, Quiz feedback and "Points - …" /
"Feedback - …" columns (derived). Every Likert statement is a column of its
own, headed by the statement alone, and columns need not follow the
question order: nothing in the file says which statements form one
question, so each is an item of its own (the report notes it). Several
choices are joined by ";" with a ";" at the end.
"""

from __future__ import annotations

import re

from survey.importing.sources.layout import Column, Layout, field_column, field_of, fixed_share
from survey.importing.sources.sheet import Sheet

TOOL = "ms-forms"
FIXED_EN = ("ID", "Start time", "Completion time", "Email", "Name")
FIXED_ZH = ("ID", "开始时间", "完成时间", "电子邮件", "名称")
DERIVED = re.compile(r"^(?:Total points|Quiz feedback|总分|测验反馈|(?:Points|Feedback|分数|反馈) - .*)$", re.S)


def detect(sheet: Sheet) -> float:
    fixed = max(fixed_share(sheet.header[:8], FIXED_EN), fixed_share(sheet.header[:8], FIXED_ZH))
    return round(0.9 * fixed, 3) if fixed >= 0.8 else 0.0


def layout(sheet: Sheet) -> Layout:
    sample = sheet.sample(0)
    columns = []
    for i, heading in enumerate(sheet.header):
        if heading == "ID":
            columns.append(Column(i, heading, "id"))
        elif field_of(heading) and i < 8:
            columns.append(field_column(i, heading, field_of(heading)))
        elif DERIVED.match(heading):
            columns.append(Column(i, heading, "drop", reason="derived"))
        else:
            cells = [row[i] for row in sample if i < len(row) and row[i]]
            multi = bool(cells) and all(c.endswith(";") for c in cells)
            columns.append(Column(i, heading, "item", question=heading, separator=";", hint="multi" if multi else None))
    return Layout(1, columns, ["src.note.statements_apart"])
