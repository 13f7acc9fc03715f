"""The result of reading a survey tool's export: `NormalizedExport`, one shape for every tool.

One row per respondent in the file's order; `items` say what each answer
column is; `answers[r][i]` is respondent r's answer to item i: a float for
scale, recommend and number items (scale points, 0–10), text for choices
and open text (several choices joined by "; "), None when missing. An
answer the reader would not score without asking (a code off the item's
scale, a label no label set knows) stays text: ``?6`` for a code, the label
itself otherwise; `unresolved` lists them.

`to_plain_csv()` writes the one-header CSV the importer reads unchanged:
``respondent_id``, then one column per item headed by its label (question
text; "question - row" for a matrix row). `plain_table()` is the same table
as the importer reads a file (`survey.importing.importer.import_table`), cell for cell,
without writing it out and parsing it again. `report(lang)` says what became
of every column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

import numpy as np

from survey.characters import printable
from survey.i18n import text
from survey.importing.reading import CHUNK_ROWS, Chunk
from survey.importing.validation import spreadsheet_safe
from survey.spreadsheet import csv_file

ID_COLUMN = "respondent_id"


@dataclass(frozen=True)
class Item:
    """One answer column of the normalized table.

    label: its heading in the plain CSV; question: the question text;
    group / row: the matrix (grid) question it belongs to and its row, or
    None; columns: the file's headings it is read from (several for a
    question whose options each have a column); kind: "scale", "recommend"
    (0–10), "number", "choice", "multi" (several choices) or "text";
    minimum / maximum: a scale's range; labels: (point, label) pairs seen;
    label_set: the label set that gave the points (`survey.importing.mapping.SCALE_LABEL_SETS`);
    from_codes: the points are the tool's answer codes.
    """

    label: str
    question: str
    columns: tuple[str, ...]
    kind: str
    group: str | None = None
    row: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    labels: tuple[tuple[int, str], ...] = ()
    label_set: str | None = None
    from_codes: bool = False
    options: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class AnswerColumn:
    """One item's answers, each distinct answer once: respondent r's answer is `values[codes[r]]`."""

    values: tuple[object, ...]
    codes: np.ndarray

    def tolist(self) -> list[object]:
        """The answers, one per respondent."""
        return _take(self.values, self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AnswerColumn) and self.tolist() == other.tolist()

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Field:
    """A respondent field read from a fixed column: `name` is one of layout.FIELDS or PERSONAL_FIELDS."""

    name: str
    columns: tuple[str, ...]
    personal: bool


@dataclass(frozen=True)
class Dropped:
    """A column left out, and why: "personal" (not asked to keep), "derived" or "technical"."""

    column: str
    reason: str


@dataclass(frozen=True)
class Unresolved:
    """An answer not scored without the user's word.

    item: the item's label; column: the file's heading; text: the answer as
    in the file; shown: as the normalized table holds it (``?6`` for code 6);
    count: how often; rows: the file rows it is in (the first 20).
    """

    item: str
    column: str
    text: str
    shown: str
    count: int
    rows: tuple[int, ...]


@dataclass(frozen=True)
class NormalizedExport:
    """A survey tool's export as one row per respondent (see the module docstring).

    tool / confidence: what `detect_tool` recognised (or the user chose, 1.0);
    header_rows: the header rows the export has; file_kind, encoding,
    delimiter, sheet: how the file was read; respondent_column: the file's id
    column, or None when ids are row numbers; row_numbers: each respondent's
    row in the file; answer_columns: each item's answers (`AnswerColumn`,
    read row by row as `answers`); fields / field_values: respondent fields,
    kept in file order (personal ones only when asked for); notes: translation ids.
    """

    tool: str
    confidence: float
    header_rows: int
    file_kind: str
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    respondent_column: str | None
    respondent_ids: tuple[str, ...]
    row_numbers: tuple[int, ...]
    items: tuple[Item, ...]
    answer_columns: tuple[AnswerColumn, ...]
    fields: tuple[Field, ...] = ()
    field_values: dict[str, tuple[str | None, ...]] = field(default_factory=dict)
    dropped: tuple[Dropped, ...] = ()
    unresolved: tuple[Unresolved, ...] = ()
    notes: tuple[str, ...] = ()

    def item(self, label: str) -> Item:
        """The item headed `label` (KeyError when there is none)."""
        for item in self.items:
            if item.label == label:
                return item
        raise KeyError(label)

    @property
    def answers(self) -> tuple[tuple[object, ...], ...]:
        """One tuple per respondent: `answers[r][i]` is respondent r's answer to item i."""
        if not self.answer_columns:
            return tuple(() for _ in self.respondent_ids)
        return tuple(zip(*(c.tolist() for c in self.answer_columns)))

    def column(self, label: str) -> list[object]:
        """The answers to the item headed `label`, one per respondent."""
        return self.answer_columns[self.items.index(self.item(label))].tolist()

    def to_plain_csv(self, *, fields: bool = False) -> bytes:
        """The one-header CSV the importer reads (UTF-8 with BOM, numbers without ".0", missing empty).

        fields: add the respondent fields after the items (personal ones only
        if the export kept them). Text that a spreadsheet would run as a
        formula — a cell, or a header made of the tool's question text —
        gets a leading apostrophe (`survey.spreadsheet`), which the importer
        takes off (a header's when it matches columns); a control character
        or non-character becomes "�".
        """
        header, columns = self._plain(fields)
        return csv_file([header, *zip(*columns)])

    def plain_table(self, *, fields: bool = False) -> PlainTable:
        """`to_plain_csv(fields=fields)` as the importer reads it: the same cells and row numbers, the same
        header as the importer matches it (without the apostrophe before a formula-like question text)."""
        header, columns = self._plain(fields)
        return PlainTable(self.file_kind, header, self.encoding, self.delimiter, self.sheet, columns)

    def _plain(self, fields: bool) -> tuple[list[str], list[list[str]]]:
        kept = [f for f in self.fields if fields]
        header = [printable(h) for h in (ID_COLUMN, *(i.label for i in self.items), *(f.name for f in kept))]
        columns = [list(map(spreadsheet_safe, self.respondent_ids))]
        columns += [_take([_cell(v) for v in c.values], c.codes) for c in self.answer_columns]
        columns += [_formatted(self.field_values[f.name], _cell) for f in kept]
        return header, columns

    def report(self, lang: str = "en") -> dict:
        """What was recognised and what became of each column, as plain data (for JSON)."""
        return {
            "tool": self.tool,
            "tool_name": text(lang, f"src.tool.{self.tool.replace('-', '_')}"),
            "confidence": round(self.confidence, 2),
            "file": {
                "kind": self.file_kind,
                "encoding": self.encoding,
                "delimiter": self.delimiter,
                "sheet": self.sheet,
            },
            "header_rows": self.header_rows,
            "respondents": len(self.respondent_ids),
            "respondent_id": self.respondent_column,
            "fields": [{"field": f.name, "columns": list(f.columns), "personal": f.personal} for f in self.fields],
            "dropped": [
                {"column": d.column, "reason": d.reason, "reason_text": text(lang, f"src.reason.{d.reason}")}
                for d in self.dropped
            ],
            "items": [_item_report(i, lang) for i in self.items],
            "unresolved": [
                {
                    "item": u.item,
                    "column": u.column,
                    "answer": u.text,
                    "shown": u.shown,
                    "count": u.count,
                    "rows": list(u.rows),
                }
                for u in self.unresolved
            ],
            "notes": [text(lang, n) for n in self.notes],
        }


@dataclass
class PlainTable:
    """An export's plain CSV as `importer.import_table` reads a file (`reading.Table`'s shape).

    kind / encoding / delimiter / sheet: the tool's own file; rows are numbered
    as in the plain CSV (the header is row 1), which `in_file_terms` turns into
    the rows of the tool's file.
    """

    kind: str
    header: list[str]
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    columns: list[list[str]]
    header_row: int = 1

    def chunks(self, size: int = CHUNK_ROWS) -> Iterator[Chunk]:
        total = len(self.columns[0]) if self.columns else 0
        rows = zip(*self.columns)
        for start in range(0, total, size):
            part = list(islice(rows, size))  # tuples: every row is as wide as the header, nothing to pad
            yield Chunk(part, list(range(start + 2, start + 2 + len(part))), (start + len(part)) / total)


class _Formats(dict):
    """value → its text in the plain CSV, each distinct value formatted once."""

    def __init__(self, format_one):
        super().__init__()
        self.format_one = format_one

    def __missing__(self, value):
        found = self[value] = self.format_one(value)
        return found


def _formatted(values, format_one) -> list[str]:
    return list(map(_Formats(format_one).__getitem__, values))


def _take(per_value, codes: np.ndarray) -> list:
    """Each row's value, from the values of the distinct codes."""
    table = np.empty(len(per_value), dtype=object)
    table[:] = list(per_value)
    return table[codes].tolist()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return spreadsheet_safe(value)


def _item_report(item: Item, lang: str) -> dict:
    found = {
        "label": item.label,
        "question": item.question,
        "columns": list(item.columns),
        "kind": item.kind,
        "kind_text": text(lang, f"src.kind.{item.kind}"),
        "group": item.group,
        "row": item.row,
    }
    if item.kind in ("scale", "recommend"):
        found.update(
            minimum=item.minimum,
            maximum=item.maximum,
            from_codes=item.from_codes,
            label_set=item.label_set,
            labels={str(p): t for p, t in item.labels},
        )
    if item.options:
        found["options"] = list(item.options)
    return found
