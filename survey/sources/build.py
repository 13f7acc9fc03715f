"""The one path every reader's `Layout` goes through to become a `NormalizedExport`.

Two passes over the data rows, so a large export is never held as text:

1. count each item column's distinct answers (at most `DISTINCT_MAX`; an open
   text column stops counting early);
2. decide each question (`survey.sources.answers.infer`): the columns of one
   question whose answers are only "chosen / not chosen" (1/0, Y, the
   option's own text) become one "multi" item; the other columns of one
   question are a matrix whose rows share one scale; a column whose cells
   join several choices (``┋``, ``;``, ``,``) is one "multi" item; an
   "other" text (``其他〖…〗`` inside the answer, or its own column) becomes
   a text item of its own;
3. read every row again and write its answers as numbers, text or None.

Respondent fields are copied as text (a duration like ``186秒`` becomes
``186``); personal data is not even read unless `keep_personal`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from survey.sources.answers import (
    UNRESOLVED_MARK,
    Inference,
    infer,
    is_missing,
    looks_like_options,
    split_options,
)
from survey.sources.layout import Column, Layout
from survey.sources.model import Dropped, Field, Item, NormalizedExport, Unresolved
from survey.sources.sheet import Sheet, cell

DISTINCT_MAX = 500
ROWS_LISTED = 20  # rows listed per unresolved answer
OPTION_JOIN = "; "
OPTIONS_LISTED = 50  # options of a single choice kept in its Item
CHOSEN = frozenset({"1", "y", "yes", "是", "选中", "已选", "√", "true", "checked", "selected"})
NOT_CHOSEN = frozenset({"0", "n", "no", "否", "未选", "未选中", "false", "unchecked"})
_OTHER = re.compile(r"〖(.*?)〗", re.S)

Codebook = Mapping[str, Mapping[str, float | None]]


@dataclass
class _Plan:
    """One output item and how to read it from a row."""

    item: Item
    read: Callable[[list[str]], object]
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
    skip = layout.header_rows - 1
    items = [c for c in layout.columns if c.role == "item"]
    counts, with_other = _count(sheet, skip, items, layout.inline_other)
    plans = _plan_items(items, counts, with_other, layout, codebook or {})
    id_column = next((c for c in layout.columns if c.role == "id"), None)
    fields = [c for c in layout.columns if c.role == "field" and (keep_personal or not c.personal)]
    names = list(dict.fromkeys(c.field for c in fields))
    ids, numbers, answers = [], [], []
    values: dict[str, list[str | None]] = {n: [] for n in names}
    seen: dict[tuple[int, str], list] = {}
    for number, row in sheet.rows(skip):
        numbers.append(number)
        own_id = cell(row, id_column.index) if id_column else ""
        ids.append(own_id or str(number))
        answers.append(tuple(_read(plans, row, number, seen)))
        for name in names:
            parts = [_field_text(c, cell(row, c.index)) for c in fields if c.field == name]
            joined = " / ".join(p for p in parts if p)
            values[name].append(joined or None)
    return NormalizedExport(
        tool=tool,
        confidence=confidence,
        header_rows=layout.header_rows,
        file_kind=sheet.table.kind,
        encoding=sheet.table.encoding,
        delimiter=sheet.table.delimiter,
        sheet=sheet.table.sheet,
        respondent_column=id_column.heading if id_column else None,
        respondent_ids=tuple(ids),
        row_numbers=tuple(numbers),
        items=tuple(p.item for p in plans),
        answers=tuple(answers),
        fields=tuple(Field(n, tuple(c.heading for c in fields if c.field == n), _personal(fields, n)) for n in names),
        field_values={n: tuple(v) for n, v in values.items()},
        dropped=tuple(_dropped(layout, keep_personal)),
        unresolved=tuple(_unresolved(plans, seen)),
        notes=tuple(layout.notes),
    )


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


# --- pass 1 -----------------------------------------------------------------------------


def _count(sheet: Sheet, skip: int, items: list[Column], inline_other: bool) -> tuple[dict[int, Counter], set[int]]:
    """Each item column's answers {text: count} (an inline "other" text taken off), and the columns that had one."""
    counts: dict[int, Counter] = {c.index: Counter() for c in items}
    with_other: set[int] = set()
    for _number, row in sheet.rows(skip):
        for c in items:
            counter = counts[c.index]
            value = cell(row, c.index)
            if inline_other and c.hint != "text" and "〖" in value:
                with_other.add(c.index)
                value = _without_other(value)
            if value in counter or len(counter) < DISTINCT_MAX:
                counter[value] += 1
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
    index = c.index
    inline = layout.inline_other and c.hint != "text"

    def read(row: list[str]) -> object:
        value = cell(row, index)
        return inference.convert(_without_other(value) if inline else value)

    options = ()
    if inference.kind == "choice":
        options = tuple(t for t in counter if t and t not in inference.values)[:OPTIONS_LISTED]
    return [_Plan(_item(c, label, inference, options=options), read, inference, c.heading)]


def _inline_other(c: Column) -> _Plan:
    """The text item of an inline "other" answer (其他〖…〗): "question - 其他"."""
    index = c.index
    item = Item(_label(c.question, "其他"), c.question, (c.heading,), "text", group=c.group, row="其他")
    return _Plan(item, lambda row: _other_text(cell(row, index)), None, c.heading)


def _multi_column(c: Column, counter: Counter, separator: str, inline: bool) -> _Plan:
    options: list[str] = []
    for text in counter:
        if not is_missing(text, c.missing):
            options += [o for o in split_options(text, separator) if o not in options]
    index, missing = c.index, c.missing

    def read(row: list[str]) -> object:
        value = cell(row, index)
        if inline:
            value = _without_other(value)
        if is_missing(value, missing):
            return None
        return OPTION_JOIN.join(split_options(value, separator)) or None

    item = Item(c.question, c.question, (c.heading,), "multi", options=tuple(options))
    return _Plan(item, read, None, c.heading)


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

    def read(row: list[str]) -> object:
        chosen = []
        for m, option in zip(members, options):
            key = cell(row, m.index).casefold()
            if key and key not in NOT_CHOSEN and not is_missing(key, m.missing):
                chosen.append(option)
        return OPTION_JOIN.join(chosen) if chosen else None

    item = Item(question or first.group or "", question, tuple(m.heading for m in members), "multi",
                group=first.group, options=options)  # fmt: skip
    return _Plan(item, read, None, first.heading)


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
        index = m.index

        def read(row: list[str], index=index, inference=inference) -> object:
            return inference.convert(cell(row, index))

        plans.append(_Plan(_item(m, label, inference), read, inference, m.heading))
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


# --- pass 2 ---------------------------------------------------------------------------------


def _read(plans: list[_Plan], row: list[str], number: int, seen: dict) -> list[object]:
    found = []
    for i, plan in enumerate(plans):
        value = plan.read(row)
        inference = plan.inference
        if isinstance(value, str) and inference is not None and inference.scored:
            rows = seen.setdefault((i, value), [])
            rows.append(number)
        found.append(value)
    return found


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
