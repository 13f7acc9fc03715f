"""A plain one-header CSV or Excel file (what the importer always read): every column a question.

The respondent id is the first column with one of the usual id names
(`survey.importing.mapping.RESPONDENT_NAMES`: 编号, respondent_id, ID …); otherwise
respondents are numbered by their row. Answers are inferred like any
tool's text export. This reader is the fallback: it recognises every file,
weakly.
"""

from __future__ import annotations

from survey.importing.mapping import RESPONDENT_NAMES, normalise
from survey.importing.sources.layout import Column, Layout
from survey.importing.sources.sheet import Sheet

TOOL = "csv"
SCORE = 0.3
_ID_NAMES = {normalise(n) for n in RESPONDENT_NAMES}


def detect(sheet: Sheet) -> float:
    return SCORE


def layout(sheet: Sheet) -> Layout:
    id_index = next((i for i, h in enumerate(sheet.header) if normalise(h) in _ID_NAMES), None)
    columns = [
        Column(i, h, "id") if i == id_index else Column(i, h, "item", question=h) for i, h in enumerate(sheet.header)
    ]
    return Layout(1, columns)
