"""问卷星 (wjx.cn): 按选项序号 (codes) and 按选项文本 (labels) exports, .xlsx, .xls or .csv.

One header row: 序号, 提交答卷时间, 所用时间 (``186秒``), 来源, 来源详情, 来自IP,
then the questions as ``N、题目``; the rows of a matrix question, and in a
code export the options of a multiple-choice question, as ``N、(子项)``
(the question's own text is not in the file, so such a question is called
``第N题``). A text export writes ``(跳过)`` for a question skipped by logic and
``(空)`` for a blank one, joins several choices with ``┋`` and puts the text
of an "other" option inside the answer: ``其他〖…〗``. A code export is
recognised by its answers being numbers; we take ``-3`` and ``-2`` in it as
skipped / blank (assumed, as the text export's (跳过) / (空)).
"""

from __future__ import annotations

import re

from survey.importing.sources.layout import Column, Layout, field_column, field_of, fixed_share, share_matching
from survey.importing.sources.sheet import Sheet

TOOL = "wjx"
FIXED = ("序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP")
DERIVED = ("总分", "得分", "测试得分")
QUESTION = re.compile(r"^(\d+)、\s*(.*)$", re.S)
SUBCOLUMN = re.compile(r"^[(（](.*)[)）]$", re.S)
MISSING = frozenset({"(跳过)", "(空)", "（跳过）", "（空）"})
CODE_MISSING = frozenset({"-3", "-2"})
_CODE = re.compile(r"^-?\d+$")


def detect(sheet: Sheet) -> float:
    fixed = fixed_share(sheet.header, FIXED)
    if fixed < 0.5:
        return 0.0
    return round(0.6 * fixed + 0.4 * share_matching(sheet.header[len(FIXED) :], QUESTION), 3)


def layout(sheet: Sheet) -> Layout:
    header = sheet.header
    questions = [i for i, h in enumerate(header) if QUESTION.match(h)]
    codes = _writes_codes(sheet, questions)
    missing = MISSING | CODE_MISSING if codes else MISSING
    columns = []
    for i, heading in enumerate(header):
        match = QUESTION.match(heading)
        if heading == "序号":
            columns.append(Column(i, heading, "id"))
        elif heading in DERIVED:
            columns.append(Column(i, heading, "drop", reason="derived"))
        elif match:
            number, rest = match.groups()
            sub = SUBCOLUMN.match(rest.strip())
            if sub:
                columns.append(
                    Column(
                        i,
                        heading,
                        "item",
                        question=f"第{number}题",
                        group=number,
                        row=sub.group(1).strip(),
                        codes=codes,
                        missing=missing,
                    )
                )
            else:
                columns.append(
                    Column(i, heading, "item", question=rest.strip(), separator="┋", codes=codes, missing=missing)
                )
        elif field_of(heading):
            columns.append(field_column(i, heading, field_of(heading)))
        else:
            columns.append(Column(i, heading, "item", question=heading, codes=codes, missing=missing))
    notes = ["src.note.codes_export"] if codes else []
    return Layout(1, columns, notes, inline_other=True)


def _writes_codes(sheet: Sheet, questions: list[int]) -> bool:
    """A 按选项序号 export: most answers in the first rows are numbers, and none joins choices with ┋."""
    cells = [row[i] for row in sheet.sample(0) for i in questions if i < len(row) and row[i] and row[i] not in MISSING]
    if not cells or any("┋" in c or "〖" in c for c in cells):
        return False
    return sum(bool(_CODE.match(c)) for c in cells) >= 0.6 * len(cells)
