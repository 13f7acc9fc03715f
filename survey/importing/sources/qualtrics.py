"""Qualtrics: the CSV / XLSX export, "numeric values" or "choice text", with or without BOM.

Three header rows: column ids (``Q2_1``), question text (``Question - Row``)
and ``{"ImportId": ...}`` JSON. Fixed columns StartDate … UserLanguage:
IPAddress, the recipient's names and e-mail, ExternalReference and the
location are personal data. Columns ``Q2_1``, ``Q2_2`` … are the rows of
matrix question Q2 (or the options of a multiple-choice question);
``Q6_4_TEXT`` is the text of option 4's "other"; an ImportId ending in
``_TEXT`` is open text. ``Q3_NPS_GROUP`` (promoter / passive / detractor) is
derived from Q3, which it marks as a 0–10 recommend question. ``_DO_``
(display order) and ``Q_…`` (Qualtrics' own scores) columns are technical.
A multiple-choice question's text ends in " - Selected Choice" (taken
off). A numeric export writes codes: a code off the scale (often the recode of
"Not applicable") is asked about, never scored. Several choices in one cell
are joined by commas.
"""

from __future__ import annotations

import json
import re

from survey.importing.sources.layout import Column, Layout, field_column, field_of, fixed_share, split_rows
from survey.importing.sources.sheet import Sheet

TOOL = "qualtrics"
FIXED = (
    "StartDate",
    "EndDate",
    "Status",
    "Progress",
    "Duration (in seconds)",
    "Finished",
    "RecordedDate",
    "ResponseId",
    "DistributionChannel",
    "UserLanguage",
)
SUBCOLUMN = re.compile(r"^(?P<question>.+?)_(?P<sub>\d+)(?:_TEXT)?$")
_NUMBERS = re.compile(r"^-?\d+(?:,-?\d+)*$")


def detect(sheet: Sheet) -> float:
    fixed = fixed_share(sheet.header, FIXED)
    if fixed < 0.4:
        return 0.0
    return round(0.5 * fixed + 0.5 * _json_share(sheet.header_row(2)), 3)


def _import_id(text: str) -> str | None:
    if not text.startswith("{"):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value.get("ImportId") if isinstance(value, dict) else None


def _json_share(row: list[str]) -> float:
    cells = [c for c in row if c]
    return sum(_import_id(c) is not None for c in cells) / len(cells) if cells else 0.0


def layout(sheet: Sheet) -> Layout:
    ids, texts = sheet.header, [t.removesuffix(" - Selected Choice") for t in sheet.header_row(1)]
    import_ids = [_import_id(c) or "" for c in sheet.header_row(2)]
    header_rows = _header_rows(sheet)
    nps = {h.removesuffix("_NPS_GROUP") for h in ids if h.endswith("_NPS_GROUP")}
    questions = [i for i, h in enumerate(ids) if not _fixed(h)]
    codes = _writes_codes(sheet, questions, header_rows)
    columns: dict[int, Column] = {}
    groups: dict[str, list[int]] = {}
    for i in questions:
        heading = ids[i]
        match = SUBCOLUMN.match(heading)
        if heading.endswith("_NPS_GROUP") or "_DO_" in heading or heading.startswith("Q_"):
            reason = "derived" if heading.endswith("_NPS_GROUP") else "technical"
            columns[i] = Column(i, heading, "drop", reason=reason)
        elif match and heading.endswith("_TEXT"):
            question, _, _ = texts[i].removesuffix(" - Text").rpartition(" - ")
            row = texts[i].removesuffix(" - Text").rpartition(" - ")[2] or "Other"
            columns[i] = Column(
                i, heading, "item", question=question or texts[i], group=match["question"], row=row, hint="other"
            )
        elif match:
            groups.setdefault(match["question"], []).append(i)
        else:
            hint = "recommend" if heading in nps else "text" if import_ids[i].endswith("_TEXT") else None
            columns[i] = Column(i, heading, "item", question=texts[i] or heading, hint=hint, codes=codes, separator=",")
    for group, indexes in groups.items():
        question, rows = split_rows([texts[i] or ids[i] for i in indexes], " - ")
        for i, row in zip(indexes, rows):
            columns[i] = Column(
                i,
                ids[i],
                "item",
                question=question,
                group=group,
                row=row,
                codes=codes,
                hint="recommend" if group in nps else None,
            )
    for i, heading in enumerate(ids):
        if i not in columns:
            columns[i] = _fixed_column(i, heading)
    notes = ["src.note.codes_export"] if codes else []
    return Layout(header_rows, [columns[i] for i in sorted(columns)], notes)


def _header_rows(sheet: Sheet) -> int:
    """3 with the ImportId row; 2 when the second row is question text (older exports); 1 when it is answers."""
    if _json_share(sheet.header_row(2)) > 0.5:
        return 3
    second = sheet.header_row(1)
    if "ResponseId" in sheet.header and second and second[sheet.header.index("ResponseId")] == "Response ID":
        return 2
    return 1


def _fixed(heading: str) -> bool:
    return heading == "ResponseId" or field_of(heading) is not None


def _fixed_column(i: int, heading: str) -> Column:
    if heading == "ResponseId":
        return Column(i, heading, "id")
    return field_column(i, heading, field_of(heading))


def _writes_codes(sheet: Sheet, questions: list[int], header_rows: int) -> bool:
    """A "numeric values" export: most answers in the first rows are numbers (or numbers joined by commas)."""
    rows = sheet.sample(header_rows - 1)
    cells = [row[i] for row in rows for i in questions if i < len(row) and row[i]]
    return bool(cells) and sum(bool(_NUMBERS.match(c)) for c in cells) >= 0.6 * len(cells)
