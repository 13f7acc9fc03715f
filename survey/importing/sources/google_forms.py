"""Google Forms, as the responses sheet downloads from Google Sheets (CSV or XLSX).

One header row: ``Timestamp`` (时间戳记 in a Chinese sheet), perhaps ``Email
Address`` (personal data) and ``Score`` (a quiz's total, derived), then the
questions by their text. A grid question has a column per row, headed
``Question [Row]``. Checkbox answers are joined by ", " in one cell; a column
counts as several choices only when its parts repeat across respondents
(`survey.importing.sources.answers.looks_like_options`), since open text has commas too.
"""

from __future__ import annotations

import re

from survey.importing.sources.layout import Column, Layout, field_column, field_of
from survey.importing.sources.sheet import Sheet

TOOL = "google-forms"
TIMESTAMPS = ("Timestamp", "时间戳记", "时间戳", "時間戳記", "Marca temporal", "Horodateur", "Zeitstempel")
DERIVED = ("Score", "分数", "得分")
GRID = re.compile(r"^(?P<question>.*\S)\s*\[(?P<row>[^\[\]]+)\]$", re.S)


def detect(sheet: Sheet) -> float:
    if not sheet.header or sheet.header[0] not in TIMESTAMPS:
        return 0.0
    grid = any(GRID.match(h) for h in sheet.header[1:])
    return 0.8 + (0.1 if grid else 0.0)


def layout(sheet: Sheet) -> Layout:
    columns = []
    for i, heading in enumerate(sheet.header):
        match = GRID.match(heading)
        if heading in TIMESTAMPS or (field_of(heading) == "email"):
            columns.append(field_column(i, heading, field_of(heading) or "end_time"))
        elif heading in DERIVED:
            columns.append(Column(i, heading, "drop", reason="derived"))
        elif match:
            columns.append(
                Column(
                    i, heading, "item", question=match["question"], group=match["question"], row=match["row"].strip()
                )
            )
        else:
            columns.append(Column(i, heading, "item", question=heading, separator=", "))
    return Layout(1, columns)
