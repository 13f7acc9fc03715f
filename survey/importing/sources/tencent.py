"""腾讯问卷 (wj.qq.com): the CSV export (UTF-8 with BOM).

Fixed columns: 编号, 开始答题时间, 结束答题时间, 答题时长(秒), the 地理位置
columns (country, province, city), 用户类型, 用户标识 (personal), 昵称
(personal), 自定义字段; then the questions as ``N.题目``. Columns that share
one question number are the rows of a matrix question (``N.题目-子项``: the
common start is the question). Rows come newest first; the normalized table
keeps the file's order and the report says so. Numbers and dates may carry a
leading tab (so that Excel keeps them as text); it is taken off.
"""

from __future__ import annotations

import re

from survey.importing.sources.layout import (
    Column,
    Layout,
    field_column,
    field_of,
    fixed_share,
    share_matching,
    split_rows,
)
from survey.importing.sources.sheet import Sheet

TOOL = "tencent"
FIXED = ("编号", "开始答题时间", "结束答题时间", "答题时长(秒)", "用户类型", "用户标识", "昵称", "自定义字段")
QUESTION = re.compile(r"^(\d+)\.\s*(.*)$", re.S)


def detect(sheet: Sheet) -> float:
    fixed = max(fixed_share(sheet.header, FIXED), fixed_share(sheet.header, FIXED[:3]) * 0.8)
    if fixed < 0.5:
        return 0.0
    questions = [h for h in sheet.header if h and not field_of(h) and h != "编号"]
    return round(0.6 * fixed + 0.4 * share_matching(questions, QUESTION), 3)


def layout(sheet: Sheet) -> Layout:
    header = sheet.header
    numbers: dict[str, list[int]] = {}
    for i, heading in enumerate(header):
        match = QUESTION.match(heading)
        if match and not field_of(heading):
            numbers.setdefault(match.group(1), []).append(i)
    columns: dict[int, Column] = {}
    for number, indexes in numbers.items():
        texts = [QUESTION.match(header[i]).group(2).strip() for i in indexes]
        if len(indexes) == 1:
            columns[indexes[0]] = Column(indexes[0], header[indexes[0]], "item", question=texts[0], separator="┋")
            continue
        question, rows = split_rows(texts)
        for i, row in zip(indexes, rows):
            columns[i] = Column(i, header[i], "item", question=question, group=number, row=row)
    for i, heading in enumerate(header):
        if i in columns:
            continue
        if heading == "编号":
            columns[i] = Column(i, heading, "id")
        elif field_of(heading):
            columns[i] = field_column(i, heading, field_of(heading))
        else:
            columns[i] = Column(i, heading, "item", question=heading)
    notes = ["src.note.newest_first"] if _newest_first(sheet) else []
    return Layout(1, [columns[i] for i in sorted(columns)], notes)


def _newest_first(sheet: Sheet) -> bool:
    """Whether the end times of the first rows go down (Tencent lists the newest answer first)."""
    if "结束答题时间" not in sheet.header:
        return False
    index = sheet.header.index("结束答题时间")
    times = [row[index] for row in sheet.sample(0) if index < len(row) and row[index]]
    return len(times) >= 2 and times == sorted(times, reverse=True) and times[0] != times[-1]
