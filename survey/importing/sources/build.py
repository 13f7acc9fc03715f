"""The one path every reader's `Layout` goes through to become a `NormalizedExport`.

The data rows are read once, column by column, each column as its distinct
answers and a code per row (`survey.importing.sources.sheet.Cells`), so a large export
is never held as text and every step below works once per distinct answer:

1. count each item column's distinct answers (at most `DISTINCT_MAX` are
   kept; an open text column has more);
2. decide each question (`survey.importing.sources.answers.infer`): the columns of one
   question whose answers are only "chosen / not chosen" (1/0, Y, the
   option's own text) become one "multi" item; the other columns of one
   question are a matrix whose rows share one scale; a column whose cells
   join several choices (``┋``, ``;``, ``,``) is one "multi" item; an
   "other" text (``其他〖…〗`` inside the answer, or its own column) becomes
   a text item of its own;
3. turn each distinct answer into its number, text or None, and hand it to
   every row that has it.

Respondent fields are copied as text (a duration like ``186秒`` becomes
``186``); personal data is not even read unless `keep_personal`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from survey.importing.sources.answers import (
    UNRESOLVED_MARK,
    Inference,
    infer,
    is_missing,
    looks_like_options,
    split_options,
)
from survey.importing.sources.layout import Column, Layout
from survey.importing.sources.model import AnswerColumn, Dropped, Field, Item, NormalizedExport, Unresolved
from survey.importing.sources.sheet import Cells, Sheet

DISTINCT_MAX = 500
ROWS_LISTED = 20  # rows listed per unresolved answer
OPTION_JOIN = "; "
OPTIONS_LISTED = 50  # options of a single choice kept in its Item
MASK_BITS = 62  # options of one question combined as bits of one number
CHOSEN = frozenset({"1", "y", "yes", "是", "选中", "已选", "√", "true", "checked", "selected"})
NOT_CHOSEN = frozenset({"0", "n", "no", "否", "未选", "未选中", "false", "unchecked"})
_OTHER = re.compile(r"〖(.*?)〗", re.S)

Codebook = Mapping[str, Mapping[str, float | None]]


@dataclass
class _Plan:
    """One output item and how to read it: `convert` one cell of column `index`, or `read` several columns."""

    item: Item
    convert: Callable[[str], object] | None = None
    index: int | None = None
    read: Callable[[Cells], AnswerColumn] | None = None
    inference: Inference | None = None
    column: str = ""


def build(
    sheet: Sheet,
    layout: Layout,
    *,
    tool: str,
    confidence: float,
    keep_personal: bool = False,
    codebook: Codebook | None = None,
) -> NormalizedExport:
    """Read the export's data rows by its layout; see the module docstring."""
    items = [c for c in layout.columns if c.role == "item"]
    id_column = next((c for c in layout.columns if c.role == "id"), None)
    fields = [c for c in layout.columns if c.role == "field" and (keep_personal or not c.personal)]
    wanted = [c.index for c in (*items, *fields)] + ([id_column.index] if id_column else [])
    cells = sheet.cells(layout.header_rows - 1, wanted)
    counts, with_other = _count(cells, items, layout.inline_other)
    plans = _plan_items(items, counts, with_other, layout, codebook or {})
    numbers = cells.numbers
    columns, seen = _read(plans, cells)
    names = list(dict.fromkeys(c.field for c in fields))
    return NormalizedExport(
        tool=tool,
        confidence=confidence,
        header_rows=layout.header_rows,
        file_kind=sheet.table.kind,
        encoding=sheet.table.encoding,
        delimiter=sheet.table.delimiter,
        sheet=sheet.table.sheet,
        respondent_column=id_column.heading if id_column else None,
        respondent_ids=tuple(_ids(cells, id_column)),
        row_numbers=tuple(numbers),
        items=tuple(p.item for p in plans),
        answer_columns=tuple(columns),
        fields=tuple(Field(n, tuple(c.heading for c in fields if c.field == n), _personal(fields, n)) for n in names),
        field_values={n: tuple(_field_values(cells, [c for c in fields if c.field == n])) for n in names},
        dropped=tuple(_dropped(layout, keep_personal)),
        unresolved=tuple(_unresolved(plans, seen)),
        notes=tuple(layout.notes),
    )


def _take(per_value: list, codes: np.ndarray) -> list:
    """Each row's result, from the results of the column's distinct values."""
    return AnswerColumn(tuple(per_value), codes).tolist()


def _ids(cells: Cells, id_column: Column | None) -> list[str]:
    if id_column is None:
        return [str(n) for n in cells.numbers]
    return [own or str(n) for own, n in zip(cells.column(id_column.index).texts(), cells.numbers)]


def _personal(fields: list[Column], name: str) -> bool:
    return any(c.personal for c in fields if c.field == name)


def _dropped(layout: Layout, keep_personal: bool) -> list[Dropped]:
    found = []
    for c in layout.columns:
        if c.role == "drop":
            found.append(Dropped(c.heading, c.reason or "technical"))
        elif c.role == "field" and c.personal and not keep_personal:
            found.append(Dropped(c.heading, "personal"))
    return found


# --- counting ------------------------------------------------------------------------------


def _count(cells: Cells, items: list[Column], inline_other: bool) -> tuple[dict[int, Counter], set[int]]:
    """Each item column's answers {text: count} (an inline "other" text taken off), and the columns that had one."""
    counts: dict[int, Counter] = {}
    with_other: set[int] = set()
    for c in items:
        column = cells.column(c.index)
        counter: Counter = Counter()
        strip = inline_other and c.hint != "text"
        for value, count in zip(column.values, np.bincount(column.codes, minlength=len(column.values)).tolist()):
            if not count:
                continue
            if strip and "〖" in value:
                with_other.add(c.index)
                value = _without_other(value)
            if value in counter or len(counter) < DISTINCT_MAX:
                counter[value] += count
        counts[c.index] = counter
    return counts, with_other


def _without_other(value: str) -> str:
    return _OTHER.sub("", value).strip() if "〖" in value else value


def _other_text(value: str) -> str | None:
    found = [m.strip() for m in _OTHER.findall(value) if m.strip()]
    return "; ".join(found) if found else None


# --- deciding what each question is -------------------------------------------------------------


def _plan_items(items: list[Column], counts, with_other: set[int], layout: Layout, codebook: Codebook) -> list[_Plan]:
    plans: list[_Plan] = []
    done: set[int] = set()
    for c in items:
        if c.index in done:
            continue
        members = [m for m in items if c.group is not None and m.group == c.group and m.hint != "other"]
        if c.hint == "other" or not members:
            plans += _single(c, counts[c.index], layout, codebook)
            if c.index in with_other:
                plans.append(_inline_other(c))
            done.add(c.index)
            continue
        if _are_options(members, counts):
            plans.append(_options(members))
        else:
            plans += _matrix(members, counts, layout, codebook)
        done |= {m.index for m in members}
    return _unique_labels(plans)


def _label(question: str, row: str | None) -> str:
    if not row:
        return question
    return f"{question} - {row}" if question else row


def _book(codebook: Codebook, *keys: str | None) -> dict[str, float | None]:
    merged: dict[str, float | None] = dict(codebook.get("*", {}))
    for key in keys:
        if key and key in codebook:
            merged.update(codebook[key])
    return merged


def _infer(c: Column, counts: Counter, layout: Layout, codebook: Codebook, label: str) -> Inference:
    return infer(
        counts,
        codes=c.codes,
        prefixed=layout.prefixed_codes,
        recommend=c.hint == "recommend",
        question=c.question,
        hint=c.hint,
        missing=c.missing,
        codebook=_book(codebook, c.group, c.heading, c.question, label),
    )


def _item(c: Column, label: str, inference: Inference, **extra) -> Item:
    return Item(
        label=label,
        question=c.question,
        columns=(c.heading,),
        kind=inference.kind,
        group=c.group,
        row=c.row,
        minimum=inference.minimum,
        maximum=inference.maximum,
        labels=inference.labels,
        label_set=inference.label_set,
        from_codes=inference.from_codes and inference.scored,
        **extra,
    )


def _single(c: Column, counter: Counter, layout: Layout, codebook: Codebook) -> list[_Plan]:
    label = _label(c.question, c.row)
    separator = c.separator
    if separator and (c.hint == "multi" or looks_like_options(counter, separator)):
        return [_multi_column(c, counter, separator, layout.inline_other)]
    inference = _infer(c, counter, layout, codebook, label)
    inline = layout.inline_other and c.hint != "text"

    def convert(value: str) -> object:
        return inference.convert(_without_other(value) if inline else value)

    options = ()
    if inference.kind == "choice":
        options = tuple(t for t in counter if t and t not in inference.values)[:OPTIONS_LISTED]
    item = _item(c, label, inference, options=options)
    return [_Plan(item, convert, c.index, inference=inference, column=c.heading)]


def _inline_other(c: Column) -> _Plan:
    """The text item of an inline "other" answer (其他〖…〗): "question - 其他"."""
    item = Item(_label(c.question, "其他"), c.question, (c.heading,), "text", group=c.group, row="其他")
    return _Plan(item, _other_text, c.index, column=c.heading)


def _multi_column(c: Column, counter: Counter, separator: str, inline: bool) -> _Plan:
    options: list[str] = []
    for text in counter:
        if not is_missing(text, c.missing):
            options += [o for o in split_options(text, separator) if o not in options]
    missing = c.missing

    def convert(value: str) -> object:
        if inline:
            value = _without_other(value)
        if is_missing(value, missing):
            return None
        return OPTION_JOIN.join(split_options(value, separator)) or None

    item = Item(c.question, c.question, (c.heading,), "multi", options=tuple(options))
    return _Plan(item, convert, c.index, column=c.heading)


def _are_options(members: list[Column], counts) -> bool:
    """Whether a question's columns are its options: every answer says chosen or not (or names the option)."""
    if len(members) < 2:
        return False
    marked = False
    for m in members:
        own = {m.row.casefold() if m.row else "", m.heading.casefold()}
        for text in counts[m.index]:
            key = text.casefold()
            if is_missing(text, m.missing) and key not in NOT_CHOSEN:
                continue
            if key in NOT_CHOSEN or key in own or key in CHOSEN - {"1"}:
                marked = True
            elif key != "1":
                return False
    return marked


def _options(members: list[Column]) -> _Plan:
    first = members[0]
    question = first.question
    options = tuple(m.row or m.heading for m in members)

    def chosen(m: Column, value: str) -> bool:
        key = value.casefold()
        return bool(key) and key not in NOT_CHOSEN and not is_missing(key, m.missing)

    def read(cells: Cells) -> AnswerColumn:
        flags = []
        for m in members:
            column = cells.column(m.index)
            marks = np.fromiter((chosen(m, v) for v in column.values), dtype=bool, count=len(column.values))
            flags.append(marks[column.codes])
        if len(members) > MASK_BITS:  # one row at a time
            texts = [OPTION_JOIN.join(o for o, f in zip(options, row) if f) or None for row in zip(*flags)]
            codes, distinct = pd.factorize(np.asarray(texts, dtype=object), use_na_sentinel=False)
            return AnswerColumn(tuple(distinct), codes.astype(np.int32))
        mask = np.zeros(len(cells.numbers), dtype=np.int64)
        for bit, marks in enumerate(flags):
            mask |= marks.astype(np.int64) << bit
        combos, codes = np.unique(mask, return_inverse=True)
        texts = [
            OPTION_JOIN.join(o for b, o in enumerate(options) if combo >> b & 1) or None for combo in combos.tolist()
        ]
        return AnswerColumn(tuple(texts), codes.reshape(-1).astype(np.int32))

    item = Item(
        question or first.group or "",
        question,
        tuple(m.heading for m in members),
        "multi",
        group=first.group,
        options=options,
    )
    return _Plan(item, read=read, column=first.heading)


def _matrix(members: list[Column], counts, layout: Layout, codebook: Codebook) -> list[_Plan]:
    pooled: Counter = Counter()
    for m in members:
        pooled.update(counts[m.index])
    first = members[0]
    group_label = first.question or first.group or ""
    shared = _infer(replace(first, heading=first.group or first.heading), pooled, layout, codebook, group_label)
    plans = []
    for m in members:
        label = _label(m.question, m.row)
        own = codebook.get(m.heading) or codebook.get(label)
        inference = _infer(m, pooled, layout, codebook, label) if own else shared
        plans.append(
            _Plan(_item(m, label, inference), inference.convert, m.index, inference=inference, column=m.heading)
        )
    return plans


def _unique_labels(plans: list[_Plan]) -> list[_Plan]:
    """Every item a heading of its own: a blank one becomes the file's heading (or #n), a repeated one "label (2)"."""
    seen: Counter = Counter()
    for n, plan in enumerate(plans, start=1):
        label = plan.item.label or plan.column or f"#{n}"
        seen[label] += 1
        if seen[label] > 1:
            label = f"{label} ({seen[label]})"
        if label != plan.item.label:
            plan.item = replace(plan.item, label=label)
    return plans


# --- reading the answers --------------------------------------------------------------------


def _read(plans: list[_Plan], cells: Cells) -> tuple[list[AnswerColumn], dict[tuple[int, str], list[int]]]:
    """Each item's answers, and the rows of each answer left unscored {(item, text): rows}."""
    numbers = np.asarray(cells.numbers, dtype=np.int64)
    columns: list[AnswerColumn] = []
    seen: dict[tuple[int, str], list[int]] = {}
    for i, plan in enumerate(plans):
        if plan.read is not None:
            columns.append(plan.read(cells))
            continue
        column = cells.column(plan.index)
        converted = [plan.convert(v) for v in column.values]
        columns.append(AnswerColumn(tuple(converted), column.codes))
        if plan.inference is not None and plan.inference.scored:
            for k, value in enumerate(converted):
                if isinstance(value, str):
                    seen.setdefault((i, value), []).extend(numbers[column.codes == k].tolist())
    return columns, {key: sorted(rows) for key, rows in seen.items() if rows}


def _unresolved(plans: list[_Plan], seen: dict) -> list[Unresolved]:
    found = []
    for (i, value), rows in sorted(seen.items(), key=lambda kv: (kv[0][0], kv[1][0])):
        plan = plans[i]
        raw = value.removeprefix(UNRESOLVED_MARK) if _looks_marked(value) else value
        found.append(Unresolved(plan.item.label, plan.column, raw, value, len(rows), tuple(rows[:ROWS_LISTED])))
    return found


def _looks_marked(value: str) -> bool:
    return value.startswith(UNRESOLVED_MARK) and value[1:2] not in ("", " ")


# --- respondent fields ----------------------------------------------------------------------

_SECONDS = re.compile(r"^(?:(\d+)\s*(?:小时|h))?\s*(?:(\d+)\s*(?:分钟|分|min|m))?\s*(?:(\d+(?:\.\d+)?)\s*(?:秒|s))?$")


def _field_values(cells: Cells, columns: list[Column]) -> list[str | None]:
    """A respondent field's text per row: its columns' texts joined by " / " (empty ones left out), or None."""
    parts = []
    for c in columns:
        column = cells.column(c.index)
        parts.append(_take([_field_text(c, v) for v in column.values], column.codes))
    if len(parts) == 1:
        return parts[0]
    return [" / ".join(p for p in row if p) or None for row in zip(*parts)]


def _field_text(c: Column, value: str) -> str | None:
    if not value:
        return None
    if c.field == "duration_seconds":
        return duration_seconds(value)
    return value


def duration_seconds(text: str) -> str:
    """A duration as whole seconds: ``186秒``, ``3分6秒``, ``186`` → ``186`` (other text unchanged)."""
    match = _SECONDS.match(text.strip())
    if match and any(match.groups()):
        hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
        total = hours * 3600 + minutes * 60 + seconds
        return str(int(total)) if total.is_integer() else str(total)
    return text
