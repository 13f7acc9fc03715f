"""LimeSurvey: the CSV export, headings as question codes or full text, answers as codes or full text.

Fixed columns id, submitdate, lastpage, startlanguage, seed (and startdate,
datestamp, ipaddr, refurl; token and the participant's e-mail and names are
personal data); with full-text headings: Response ID, Date submitted, Last
page, Start language, Seed, Date started, Date last action, IP address,
Referrer URL. Subquestions are headed ``CODE[SUB]`` or ``Question [Sub]``;
``[other]`` is the other text of a question and ``[comment]`` a comment.
Answer codes such as ``A4`` stand for 4 (the export is code-only, so a code
off the scale is asked about); multiple choice is ``Y`` (or ``Yes``) per
option. Comma or semicolon, every field quoted, CRLF: all handled by the
reader underneath.
"""

from __future__ import annotations

import re

from survey.importing.sources.layout import Column, Layout, field_column, field_of, fixed_share
from survey.importing.sources.sheet import Sheet

TOOL = "limesurvey"
FIXED_CODES = ("id", "submitdate", "lastpage", "startlanguage", "seed")
FIXED_TEXT = ("Response ID", "Date submitted", "Last page", "Start language", "Seed")
SUBQUESTION = re.compile(r"^(?P<question>.*?)\s*\[(?P<sub>[^\[\]]+)\]$", re.S)
OTHER = ("other", "comment")
_CODE = re.compile(r"^(?:-?\d+|[A-Za-z]{1,4}\d+)$")


def detect(sheet: Sheet) -> float:
    fixed = max(fixed_share(sheet.header, FIXED_CODES), fixed_share(sheet.header, FIXED_TEXT))
    return round(0.9 * fixed, 3) if fixed >= 0.6 else 0.0


def layout(sheet: Sheet) -> Layout:
    header = sheet.header
    questions = [i for i, h in enumerate(header) if not _fixed(h)]
    codes = _writes_codes(sheet, questions)
    columns = []
    for i, heading in enumerate(header):
        match = SUBQUESTION.match(heading)
        if heading in ("id", "Response ID"):
            columns.append(Column(i, heading, "id"))
        elif heading in ("seed", "Seed"):
            columns.append(Column(i, heading, "drop", reason="technical"))
        elif _fixed(heading):
            columns.append(field_column(i, heading, field_of(heading)))
        elif match:
            sub = match["sub"].strip()
            hint = "other" if sub.casefold() in OTHER else None
            columns.append(
                Column(
                    i,
                    heading,
                    "item",
                    question=match["question"],
                    group=match["question"],
                    row=sub,
                    hint=hint,
                    codes=codes,
                )
            )
        else:
            columns.append(Column(i, heading, "item", question=heading, codes=codes))
    notes = ["src.note.codes_export"] if codes else []
    return Layout(1, columns, notes, prefixed_codes=True)


def _fixed(heading: str) -> bool:
    return field_of(heading) is not None and not SUBQUESTION.match(heading)


def _writes_codes(sheet: Sheet, questions: list[int]) -> bool:
    """Answer codes: most answers in the first rows are codes (A4, 3) or Y."""
    cells = [row[i] for row in sheet.sample(0) for i in questions if i < len(row) and row[i]]
    if not cells:
        return False
    return sum(bool(_CODE.match(c)) or c == "Y" for c in cells) >= 0.6 * len(cells)
