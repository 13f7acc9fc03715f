"""SurveyMonkey: the CSV / XLSX export ("all responses data"), actual answer text or numbers.

Two header rows. Fixed columns Respondent ID, Collector ID, Start Date,
End Date, IP Address, Email Address, First Name, Last Name, Custom Data 1
(IP, e-mail and names are personal data). The first row holds a question's
text only above its first column; the second row says what each column is:
``Response``, ``Open-Ended Response``, or the matrix row / option it holds.
The options of a multiple-choice question each have a column holding the
option's text when chosen; "Other (please specify)" holds the other text.
"""

from __future__ import annotations

from survey.importing.sources.layout import Column, Layout, field_column, field_of, fixed_share
from survey.importing.sources.sheet import Sheet

TOOL = "surveymonkey"
FIXED = (
    "Respondent ID",
    "Collector ID",
    "Start Date",
    "End Date",
    "IP Address",
    "Email Address",
    "First Name",
    "Last Name",
    "Custom Data 1",
)
SINGLE = ("Response", "Open-Ended Response", "")
OTHER = ("Other (please specify)", "Other", "Open-Ended Response")


def detect(sheet: Sheet) -> float:
    fixed = fixed_share(sheet.header, FIXED)
    if fixed < 0.4:
        return 0.0
    second = sheet.header_row(1)
    marked = any(c in ("Response", "Open-Ended Response") for c in second)
    return round(0.5 * fixed + (0.5 if marked else 0.0), 3)


def layout(sheet: Sheet) -> Layout:
    first, second = sheet.header, sheet.header_row(1)
    header_rows = 2 if _second_row_is_header(first, second) else 1
    if header_rows == 1:
        second = [""] * len(first)
    spans = _spans(first)
    columns = []
    for i, heading in enumerate(first):
        start, width = spans.get(i, (i, 1))
        question = first[start]
        what = second[i] if i < len(second) else ""
        if heading == "Respondent ID":
            columns.append(Column(i, heading, "id"))
        elif heading and field_of(heading) and i == start and width == 1:
            columns.append(field_column(i, heading, field_of(heading)))
        elif width == 1 and what in SINGLE:
            hint = "text" if what == "Open-Ended Response" else None
            columns.append(Column(i, question, "item", question=question, hint=hint))
        else:
            hint = "other" if what in OTHER else None
            columns.append(
                Column(i, f"{question} - {what}", "item", question=question, group=f"#{start + 1}", row=what, hint=hint)
            )
    return Layout(header_rows, columns)


def _second_row_is_header(first: list[str], second: list[str]) -> bool:
    """The second row says what the columns are ("Response", …): blank under Respondent ID, not an id."""
    if "Respondent ID" in first:
        return not second[first.index("Respondent ID")] if second else False
    return any(c in ("Response", "Open-Ended Response") for c in second)


def _spans(first: list[str]) -> dict[int, tuple[int, int]]:
    """{column: (first column of its question, the question's width)}: a question runs until the next heading."""
    starts = [i for i, h in enumerate(first) if h] or [0]
    found = {}
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(first)
        for i in range(start, end):
            found[i] = (start, end - start)
    return found
