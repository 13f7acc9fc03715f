"""Checking an uploaded file's rows against a survey before anything is stored.

`plan_columns(defn, header, columns)` checks the column mapping and returns a
`ColumnPlan` plus the file-level problems (a target that does not exist, two
columns on one item, a required item without a column, no item at all:
errors; columns left out: notices). `Validator.check(chunk)` then turns a
chunk of text rows into the rows to store (answers and attributes already as
JSON text, ready for a bulk insert) and the problems of the rejected rows.

Per cell (items, see `survey.importing.mapping.interpret`): a number off the scale,
not a whole number (4.5 on a 1–5 scale is refused, not rounded: the scale has
no such point), text that is neither a number nor a known label, a formula
(``=1+1``, never evaluated), a NUL character; an empty or "not applicable"
cell is missing, which is an error only for a required item. Attributes,
respondent id and wave are kept as text (trimmed) and refused when they hold
a formula, a NUL character, or more than `ATTRIBUTE_MAX` / `ID_MAX` /
`WAVE_MAX` characters; comments (open-text items) likewise, exactly as
written inside (line breaks, quotes, commas), up to `COMMENT_MAX`
(survey.design.definition) characters, never cut. Per row: cells beyond the header
that are not empty, no answer at all (neither an item's answer nor a
comment), a respondent id seen before in the file with the same wave
(the first row keeps it; a panel may answer once per wave), or already in the
survey with that wave (`known` callback, from the database).

Problems carry the row as the user sees it (header = row 1 in a text file,
the sheet's own row numbers in Excel) and the column's header text. At most
`max_problems` are kept; `problem_count` counts all.

`report_csv(problems, lang)` writes the problem list for download: UTF-8
with BOM (Excel opens Chinese correctly), every cell safe to open in a
spreadsheet (`spreadsheet_safe`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import methodcaller

from survey.characters import (
    bad_character,
    has_bad_character,
    normal_text,
    trim,
    visible,
    without_bad_characters,
)
from survey.design.definition import COMMENT_MAX, Choice, Scale, SurveyDefinition
from survey.i18n import text
from survey.importing.mapping import (
    META_PREFIX,
    PROBLEM_COLUMN_NAMES,
    RESPONDENT,
    WAVE,
    Answer,
    interpret,
    wave_source,
)
from survey.importing.reading import Chunk
from survey.spreadsheet import SafeCsv, safe_cell

ATTRIBUTE_MAX = 200
META_MAX = 1000  # a respondent field kept with the response is cut here, never a reason to refuse a row
ID_MAX = 200  # respondent.external_id is VARCHAR(200)
WAVE_MAX = 100  # response.wave is VARCHAR(100)
VALUE_SHOWN = 80  # characters of a value shown in a report
MAX_PROBLEMS = 5_000


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong with a file or one of its cells.

    row: the row number as the user sees it (None for the whole file);
    column: the file's header text (None when not about one column);
    value: the cell as it was (shortened for display); message: a
    translation id in `survey/i18n/importing.py`; params fill it; level:
    "error" (the row or file is refused) or "notice" (nothing refused).
    """

    row: int | None
    column: str | None
    value: str | None
    message: str
    params: dict = field(default_factory=dict)
    level: str = "error"

    def text(self, lang: str) -> str:
        """The message in `lang`, with the value and column filled in where it names them."""
        return text(lang, self.message, **{"value": self.value or "", "column": self.column or "", **self.params})


def shown(value: str | None) -> str | None:
    """A cell value as shown in a report: control characters and non-characters visible as "[U+0007]", at
    most VALUE_SHOWN characters."""
    if value is None:
        return None
    value = visible(value)
    return value if len(value) <= VALUE_SHOWN else value[:VALUE_SHOWN] + "…"


# --- the column plan ------------------------------------------------------------------


@dataclass(frozen=True)
class ItemColumn:
    index: int
    column: str
    code: str
    scale: Scale
    required: bool


@dataclass(frozen=True)
class TextColumn:
    index: int
    column: str
    code: str  # attribute or comment code, or RESPONDENT / WAVE
    required: bool = False
    limit: int = ATTRIBUTE_MAX
    comment: bool = False  # an open-text item: a comment given is an answer (the row is not empty)
    choices: tuple[Choice, ...] = ()  # an attribute's choice list: a cell must name one (its value or a label)


@dataclass(frozen=True)
class ColumnPlan:
    """Where each mapped column's values go; `width` is the header's length."""

    width: int
    columns: tuple[str, ...]
    items: tuple[ItemColumn, ...]
    attributes: tuple[TextColumn, ...]
    respondent: TextColumn | None
    wave: TextColumn | None  # the column whose value becomes the response's wave
    meta: tuple[TextColumn, ...] = ()  # respondent fields kept with the response (mapping.META_PREFIX)


def plan_columns(
    defn: SurveyDefinition, columns_in_file: Sequence[str], mapping: Mapping[str, str | None]
) -> tuple[ColumnPlan, list[ImportProblem]]:
    """The plan for a file with these column keys, and the file-level problems of the mapping."""
    problems: list[ImportProblem] = []
    by_target: dict[str, list[str]] = {}
    for column in columns_in_file:
        target = mapping.get(column)
        if target:
            by_target.setdefault(target, []).append(column)
    for column, target in mapping.items():
        if target and column not in columns_in_file:
            problems.append(ImportProblem(None, column, None, "imp.mapping_column_missing", level="notice"))
    for number, column in enumerate(columns_in_file, start=1):
        bad = bad_character(column)
        if bad is not None:
            problems.append(
                ImportProblem(None, shown(column), None, "imp.header_bad_character", {"number": number, **bad.params})
            )
    items, attributes, meta = [], [], []
    respondent = wave = None
    wave_target = wave_source(defn)
    index_of = {c: i for i, c in enumerate(columns_in_file)}
    for target, cols in by_target.items():
        if len(cols) > 1:
            problems.append(
                ImportProblem(None, cols[1], None, "imp.mapping_twice", {"target": target, "other": cols[0]})
            )
        column = cols[0]
        index = index_of[column]
        if target == WAVE and wave_target != WAVE:
            target = wave_target  # the survey has a wave item: the wave goes there
        node = defn.node(target)
        if target.startswith(META_PREFIX) and len(target) > len(META_PREFIX):
            meta.append(TextColumn(index, column, target[len(META_PREFIX) :], limit=META_MAX))
        elif target == RESPONDENT:
            respondent = TextColumn(index, column, RESPONDENT, limit=ID_MAX)
        elif target == WAVE:
            wave = TextColumn(index, column, WAVE, limit=WAVE_MAX)
            attributes.append(TextColumn(index, column, "wave", limit=WAVE_MAX))
        elif node is None or node.kind != "item":
            problems.append(ImportProblem(None, column, None, "imp.mapping_unknown_target", {"target": target}))
        elif node.is_text:  # an attribute or a comment: kept as text in the response's attributes
            is_wave = node.code == wave_target
            limit = WAVE_MAX if is_wave else COMMENT_MAX if node.role == "comment" else ATTRIBUTE_MAX
            attributes.append(
                TextColumn(index, column, node.code, node.required, limit, node.role == "comment", node.choices)
            )
            if is_wave:
                wave = TextColumn(index, column, WAVE, limit=WAVE_MAX)
        else:
            scale = defn.scale(node.scale)
            if scale is None:
                problems.append(ImportProblem(None, column, None, "imp.mapping_unknown_target", {"target": target}))
                continue
            items.append(ItemColumn(index, column, node.code, scale, node.required))
    mapped = {c for cols in by_target.values() for c in cols}
    planned = {c.code for c in items} | {c.code for c in attributes}
    for item in defn.items:
        if item.required and item.code not in planned:
            problems.append(ImportProblem(None, None, None, "imp.required_no_column", {"item": item.code}))
    if not items:
        problems.append(ImportProblem(None, None, None, "imp.no_items_mapped"))
    for column in columns_in_file:
        if column not in mapped and column not in PROBLEM_COLUMN_NAMES:  # a rejected-rows file's own column
            problems.append(ImportProblem(None, column, None, "imp.column_ignored", level="notice"))
    plan = ColumnPlan(
        width=len(columns_in_file),
        columns=tuple(columns_in_file),
        items=tuple(sorted(items, key=lambda c: c.index)),
        attributes=tuple(sorted(attributes, key=lambda c: c.index)),
        respondent=respondent,
        wave=wave,
        meta=tuple(sorted(meta, key=lambda c: c.index)),
    )
    return plan, problems


# --- rows -------------------------------------------------------------------------------


@dataclass
class CheckedChunk:
    """The rows of a chunk that can be stored, in file order.

    respondents[i] is the external id (or None), waves[i] the wave (or None),
    answers[i] / attributes[i] JSON objects as text, rows[i] the file row;
    the same answers and texts column by column (`survey.storage.blocks`):
    answer_columns[code][i] the number or None, attribute_columns[code][i]
    the text or None.
    """

    rows: list[int] = field(default_factory=list)
    respondents: list[str | None] = field(default_factory=list)
    waves: list[str | None] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    attributes: list[str] = field(default_factory=list)
    meta: list[str] = field(default_factory=list)
    answer_columns: dict[str, list[float | None]] = field(default_factory=dict)
    attribute_columns: dict[str, list[str | None]] = field(default_factory=dict)
    rejected: int = 0

    def slices(self, size: int) -> list[CheckedChunk]:
        """The rows in parts of at most `size` (each stored in a transaction of its own)."""
        if len(self.rows) <= size:
            return [self]
        parts = []
        for start in range(0, len(self.rows), size):
            cut = slice(start, start + size)
            parts.append(
                CheckedChunk(
                    rows=self.rows[cut],
                    respondents=self.respondents[cut],
                    waves=self.waves[cut],
                    answers=self.answers[cut],
                    attributes=self.attributes[cut],
                    meta=self.meta[cut],
                    answer_columns={code: values[cut] for code, values in self.answer_columns.items()},
                    attribute_columns={code: values[cut] for code, values in self.attribute_columns.items()},
                )
            )
        return parts


Known = Callable[[list[str]], Mapping[str, set]]


class Validator:
    """Checks chunk after chunk of one file; remembers ids across chunks.

    known(ids) → {id: set of waves it already has responses for in the
    survey}, for the ids of a chunk (None: nothing stored yet). lang: the
    language of the rejected-rows file.
    """

    def __init__(
        self,
        plan: ColumnPlan,
        labels: Mapping[str, object] | None = None,
        *,
        known: Known | None = None,
        lang: str = "zh",
        max_problems: int = MAX_PROBLEMS,
        header: Sequence[str] | None = None,
    ):
        self.plan = plan
        self.labels = dict(labels or {})
        self.known = known
        self.lang = lang
        self.max_problems = max_problems
        self.problems: list[ImportProblem] = []
        self.problem_count = 0
        self.rows_read = 0
        self.rows_valid = 0
        self.rows_rejected = 0
        self._first_row: dict[str, int] = {}  # id + "\x1f" + wave → first row number
        self._answers: dict[str, dict[str, Answer]] = {}  # scale code → raw cell → meaning
        self._rejected = SafeCsv()
        self._rejected.writerow([*(header if header is not None else plan.columns), text(lang, "imp.problem_column")])

    # -- public ------------------------------------------------------------------
    def check(self, chunk: Chunk) -> CheckedChunk:
        """The storable rows of `chunk`; its rejected rows go to `problems` and `rejected_csv()`."""
        width = self.plan.width
        rows = chunk.rows
        numbers = chunk.row_numbers
        self.rows_read += len(rows)
        errors: dict[int, list[ImportProblem]] = {}

        def add(i: int, column: str | None, value: str | None, message: str, params: dict | None = None) -> None:
            errors.setdefault(i, []).append(ImportProblem(numbers[i], column, shown(value), message, params or {}))

        for i, row in enumerate(rows):
            if len(row) < width:
                row.extend([""] * (width - len(row)))
            elif len(row) > width and any(cell.strip() for cell in row[width:]):
                extra = next(cell for cell in row[width:] if cell.strip())
                add(i, None, extra, "imp.extra_cells", {"cells": len(row), "width": width})
        columns = list(zip(*rows))
        answer_parts, missing, answer_values = [], [], []
        for c in self.plan.items:
            parts, missing_values, values = self._item_column(c, columns[c.index], add)
            answer_parts.append(parts)
            missing.append(missing_values)
            answer_values.append(values)
        attribute_parts, attribute_values = [], []
        for c in self.plan.attributes:
            parts, values = self._text_column(c, columns[c.index], add)
            attribute_parts.append(parts)
            attribute_values.append(values)
        meta_parts = [_meta_column(c, columns[c.index]) for c in self.plan.meta]
        ids = self._ids(columns, add)
        waves = [_clean_text(v) or None for v in columns[self.plan.wave.index]] if self.plan.wave else None
        for i in self._unanswered(columns, missing):
            add(i, None, None, "imp.row_empty")
        self._duplicates(ids, waves, numbers, add)

        if errors:
            keep = [i not in errors for i in range(len(rows))]

            def kept(values):
                return compress(values, keep)
        else:

            def kept(values):
                return values

        out = CheckedChunk(rejected=len(errors))
        out.rows = list(kept(numbers))
        out.respondents = list(kept(ids)) if ids else [None] * len(out.rows)
        out.waves = list(kept(waves)) if waves else [None] * len(out.rows)
        out.answers = ["{" + ", ".join(t) + "}" for t in kept(zip(*answer_parts))]
        out.answer_columns = {c.code: list(kept(v)) for c, v in zip(self.plan.items, answer_values)}
        out.attribute_columns = {c.code: list(kept(v)) for c, v in zip(self.plan.attributes, attribute_values)}
        if attribute_parts:
            out.attributes = ["{" + ", ".join(filter(None, t)) + "}" for t in kept(zip(*attribute_parts))]
        else:
            out.attributes = ["{}"] * len(out.rows)
        if meta_parts:
            out.meta = ["{" + ", ".join(filter(None, t)) + "}" for t in kept(zip(*meta_parts))]
        else:
            out.meta = ["{}"] * len(out.rows)
        for i in sorted(errors):
            self._reject(rows[i], errors[i])
        self.rows_valid += len(out.rows)
        self.rows_rejected += len(errors)
        return out

    def rejected_csv(self) -> bytes | None:
        """The rejected rows with the file's columns plus a column saying what is wrong (UTF-8 BOM)."""
        if not self.rows_rejected:
            return None
        return self._rejected.data()

    # -- cells -----------------------------------------------------------------------
    def _item_column(self, col: ItemColumn, values: Sequence[str], add) -> tuple[list[str], set[str], list]:
        """``"code": value`` per row, the distinct raw values that mean "missing", and the values per row."""
        answers = self._answers.setdefault(col.scale.code, {})
        distinct = set(values)
        for value in distinct - answers.keys():
            answers[value] = interpret(value, col.scale, self.labels)
        key = json.dumps(col.code) + ": "
        parts = {v: key + ("null" if answers[v].value is None else json.dumps(answers[v].value)) for v in distinct}
        missing = {v for v in distinct if answers[v].missing}
        bad = {v for v in distinct if answers[v].problem} | (missing if col.required else set())
        if bad:
            for i, value in enumerate(values):
                if value in bad:
                    answer = answers[value]
                    if answer.problem:
                        add(i, col.column, value, answer.problem, dict(answer.params))
                    else:
                        add(i, col.column, value, "imp.required_missing", {"item": col.code})
        numbers = {v: answers[v].value for v in distinct}
        return list(map(parts.__getitem__, values)), missing, list(map(numbers.__getitem__, values))

    def _text_column(self, col: TextColumn, values: Sequence[str], add) -> tuple[list[str], list[str | None]]:
        """``"code": "text"`` per row ("" where the cell is empty), and the texts per row (None where empty)."""
        key = json.dumps(col.code) + ": "
        parts: dict[str, str] = {}
        texts: dict[str, str | None] = {}
        bad: dict[str, str] = {}
        for value in set(values):
            cleaned = _clean_text(value)
            problem = _text_problem(cleaned, col.limit, words=col.comment)
            if problem:
                bad[value] = problem
            elif not cleaned and col.required:
                bad[value] = ("imp.required_missing", {})
            elif cleaned and col.choices:
                chosen = choice_of(col.choices, cleaned)
                if chosen is None:
                    shown_choices = "、".join(c.value for c in col.choices[:20])
                    problem = bad[value] = ("imp.choice_bad", {"choices": shown_choices})
                else:
                    cleaned = chosen.value
            parts[value] = key + json.dumps(cleaned) if cleaned and not problem else ""
            texts[value] = cleaned if cleaned and not problem else None
        if bad:
            for i, value in enumerate(values):
                if value in bad:
                    message, params = bad[value]
                    add(i, col.column, value, message, {"limit": col.limit, "item": col.code, **params})
        return list(map(parts.__getitem__, values)), list(map(texts.__getitem__, values))

    def _ids(self, columns: list, add) -> list[str | None] | None:
        col = self.plan.respondent
        if col is None:
            return None
        values = columns[col.index]
        cleaned = list(map(str.strip, values))
        joined = "".join(cleaned)
        risky = (
            max(map(len, cleaned), default=0) > col.limit
            or has_bad_character("".join(values))  # before strip(), which takes \x1f too
            or not joined.isascii()  # may need normalising
            or any(map(_STARTS_RISKY, cleaned))
        )
        if not risky:  # the usual case, without a Python step per row
            return [x or None for x in cleaned]
        ids: list[str | None] = []
        for i, value in enumerate(values):
            clean = _clean_text(value)
            problem = _text_problem(clean, col.limit)
            if problem:
                add(i, col.column, value, problem[0], {"limit": col.limit, **problem[1]})
                ids.append(None)
            else:
                ids.append(clean or None)
        return ids

    def _unanswered(self, columns: list, missing: list[set[str]]) -> list[int]:
        """Rows in which every item is missing and no comment is given."""
        if not self.plan.items or any(not m for m in missing):
            return []  # some item column has no missing cell at all: every row has an answer
        masks = [list(map(m.__contains__, columns[c.index])) for c, m in zip(self.plan.items, missing)]
        masks += [[not _clean_text(v) for v in columns[c.index]] for c in self.plan.attributes if c.comment]
        return [i for i, flags in enumerate(zip(*masks)) if all(flags)]

    def _duplicates(self, ids, waves, numbers: list[int], add) -> None:
        if ids is None:
            return
        column = self.plan.respondent.column
        present = [i for i, x in enumerate(ids) if x is not None]
        if not present:
            return
        earlier = self.known(sorted({ids[i] for i in present})) if self.known else {}
        wave_of = waves if waves else [None] * len(ids)
        keys = [f"{ids[i]}\x1f{wave_of[i] or ''}" for i in present]
        if not earlier and len(set(keys)) == len(keys) and self._first_row.keys().isdisjoint(keys):
            self._first_row.update(zip(keys, (numbers[i] for i in present)))  # the usual case: all new
            return
        for i, key in zip(present, keys):
            first = self._first_row.get(key)
            if first is not None:
                add(i, column, ids[i], "imp.duplicate_in_file", {"first": first})
                continue
            self._first_row[key] = numbers[i]
            if wave_of[i] in earlier.get(ids[i], ()):
                add(i, column, ids[i], "imp.duplicate_earlier", {"wave": wave_of[i] or "—"})

    # -- rejected rows -------------------------------------------------------------------
    def _reject(self, row: list[str], problems: list[ImportProblem]) -> None:
        for problem in problems:
            self.problem_count += 1
            if len(self.problems) < self.max_problems:
                self.problems.append(problem)
        summary = "; ".join((f"{p.column}: " if p.column else "") + p.text(self.lang) for p in problems[:10])
        self._rejected.writerow([*row, summary])


_STARTS_RISKY = methodcaller("startswith", ("=", "'"))


def _meta_column(col: TextColumn, values: Sequence[str]) -> list[str]:
    """``"field": "text"`` per row ("" where empty); cut at the column's limit, never a problem."""
    key = json.dumps(col.code) + ": "
    parts = {}
    for value in set(values):
        cleaned = without_bad_characters(_clean_text(value))[0][: col.limit]
        parts[value] = key + json.dumps(cleaned) if cleaned else ""
    return list(map(parts.__getitem__, values))


def choice_of(choices: Sequence[Choice], cell: str) -> Choice | None:
    """The choice a file's cell names: its value, or its Chinese or English label (letter case and spaces
    aside: "class 1" names "Class 1"); None when it names none."""

    def key(text: str) -> str:
        return "".join(text.split()).casefold()

    exact = next((c for c in choices if c.value == cell), None)
    if exact is not None:
        return exact
    wanted = key(cell)
    return next((c for c in choices if wanted in {key(c.value), key(c.label_zh), key(c.label_en)} - {""}), None)


def _clean_text(value: str) -> str:
    value = normal_text(trim(value))
    if value.startswith("'") and value[1:2] in ("=", "+", "-", "@"):
        value = value[1:]  # our own spreadsheet-safety mark, from a rejected-rows file
    return value


def _text_problem(value: str, limit: int, *, words: bool = False) -> tuple[str, dict] | None:
    """What is wrong with a text cell (a message id and its parameters), or None. `words`: a respondent's
    own comment, where a leading "=" ("=) thanks") is what they wrote, not an unevaluated spreadsheet
    formula (exports neutralise it)."""
    bad = bad_character(value)
    if bad is not None:
        return "imp.bad_character", bad.params
    if value.startswith("=") and not words:
        return "imp.formula_text", {}
    if len(value) > limit:
        return "imp.too_long", {}
    return None


# --- reports -------------------------------------------------------------------------------


def spreadsheet_safe(cell: object) -> str:
    """A cell that a spreadsheet will show as text, never run as a formula, and can hold: the product's one
    rule, `survey.spreadsheet.safe_cell` (text starting with = + - @, a tab or a carriage return gets a
    leading apostrophe, which the importer takes off again; a plain number such as -1 is left as it is)."""
    return safe_cell(cell)


REPORT_HEADERS = ("imp.report_row", "imp.report_column", "imp.report_value", "imp.report_problem")


def report_csv(problems: Iterable[ImportProblem], lang: str) -> bytes:
    """The problems as a CSV file in the user's language (row, column, value, problem; UTF-8 with BOM)."""
    out = SafeCsv()
    out.writerow([text(lang, key) for key in REPORT_HEADERS])
    for p in problems:
        out.writerow(("" if p.row is None else str(p.row), p.column or "", p.value or "", p.text(lang)))
    return out.data()
