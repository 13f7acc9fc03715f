"""A survey tool's export as rows of text: its first rows for recognising it, its data rows on demand.

`open_sheet(data, file_name)` reads the file through `survey.importing.reading.open_table`
(encoding, delimiter, Excel) and keeps the first `HEAD_ROWS` non-blank rows,
the header row first, so a reader can look at several header rows (Qualtrics
has three, SurveyMonkey two) and at a sample of answers. `Sheet.rows(skip)`
hands out the data rows after the header row and `skip` more header rows,
each with its row number as the user sees it, reading the file again chunk by
chunk (nothing but the bytes is kept whole).

`clean(cell)` is what every reader does to a cell: surrounding white space
off, including the leading tab Tencent puts before numbers and dates so that
Excel keeps them as text.

`Sheet.cells(skip, columns)` reads the data rows once, column by column, as
`Cells`: each column's distinct cleaned texts and one code per row (a
dictionary encoding), so that what `survey.importing.sources.build` does per answer it
does once per distinct answer. A plain CSV with no blank line is parsed by
pyarrow (a dependency of Streamlit), which never makes a Python string of a
repeated answer; anything else (Excel, UTF-16, blank lines, rows of another
width, no pyarrow) is read through `Sheet.rows`, with the same result and the
same row numbers.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

from survey.importing.reading import Table, open_table

HEAD_ROWS = 60
ARROW_ENCODINGS = {"utf-8": "utf8", "utf-8-sig": "utf8", "gb18030": "gb18030"}  # no byte 0x0A inside a character


@dataclass
class Column:
    """One column of the data rows: `values` its distinct cleaned texts (first seen first), `codes` one per row."""

    values: list[str]
    codes: np.ndarray

    def texts(self) -> list[str]:
        """The column's cells, one per row."""
        return np.asarray(self.values, dtype=object)[self.codes].tolist()


@dataclass
class Cells:
    """The data rows of a sheet by column: `numbers` the rows as the user sees them, `columns` {index: Column}."""

    numbers: list[int]
    columns: dict[int, Column]

    def column(self, index: int) -> Column:
        """The column `index` ("" in every row when the file has no such column)."""
        found = self.columns.get(index)
        return found if found is not None else Column([""], np.zeros(len(self.numbers), dtype=np.int32))


CLEANED = " \t\r\n\u00a0\u3000\ufeff"


def clean(cell: str) -> str:
    """A cell without surrounding white space (tabs, spaces, line breaks, no-break spaces)."""
    return cell.strip(CLEANED)


@dataclass
class Sheet:
    """An opened export. `head[0]` is the header row; `head_numbers` their row numbers."""

    table: Table
    head: list[list[str]]
    head_numbers: list[int]

    @property
    def header(self) -> list[str]:
        return self.head[0]

    def header_row(self, offset: int) -> list[str]:
        """Header row `offset` (0 = the first), padded to the width of the first; [] when there is none."""
        if offset >= len(self.head):
            return []
        row = self.head[offset]
        return row + [""] * (len(self.header) - len(row))

    def sample(self, skip: int) -> list[list[str]]:
        """The data rows among the first rows read, after `skip` extra header rows."""
        return self.head[1 + skip :]

    def rows(self, skip: int = 0) -> Iterator[tuple[int, list[str]]]:
        """(row number, cells) of every data row after `skip` extra header rows; blank rows left out."""
        for chunk in self.table.chunks():
            for number, row in zip(chunk.row_numbers, chunk.rows):
                if skip:
                    skip -= 1
                    continue
                yield number, row

    def cells(self, skip: int, columns: Iterable[int]) -> Cells:
        """The data rows after `skip` extra header rows (blank rows left out), for the columns asked for."""
        wanted = sorted(set(columns))
        found = _arrow_cells(self.table, skip, wanted)
        return found if found is not None else _python_cells(self, skip, wanted)


def open_sheet(data: bytes, file_name: str = "", *, limit: int | None = None) -> Sheet:
    """Open an export (CSV in any encoding `open_table` knows, .xlsx, .xls). Raises reading.ReadError."""
    table = open_table(data, file_name, limit=limit)
    head = [[clean(c) for c in table.header]]
    numbers = [table.header_row]
    for chunk in table.chunks(size=HEAD_ROWS):
        head += [[clean(c) for c in row] for row in chunk.rows]
        numbers += chunk.row_numbers
        break
    return Sheet(table, head, numbers)


def cell(row: list[str], index: int) -> str:
    """The cleaned cell `index` of a row ("" beyond its end)."""
    return clean(row[index]) if index < len(row) else ""


class _Encoder:
    """Builds one `Column` from parts: each part's distinct raw texts and codes into them."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.parts: list[np.ndarray] = []

    def add(self, raw: list[str], codes: np.ndarray) -> None:
        ids = self.ids
        remap = np.fromiter((ids.setdefault(clean(v), len(ids)) for v in raw), dtype=np.int32, count=len(raw))
        self.parts.append(remap[codes] if len(raw) else codes.astype(np.int32))

    def column(self) -> Column:
        codes = np.concatenate(self.parts) if self.parts else np.zeros(0, dtype=np.int32)
        return Column(list(self.ids), codes.astype(np.int32, copy=False))


def _python_cells(sheet: Sheet, skip: int, wanted: list[int]) -> Cells:
    numbers: list[int] = []
    encoders = {i: _Encoder() for i in wanted}
    block: list[list[str]] = []

    def flush() -> None:
        for i, encoder in encoders.items():
            codes, raw = pd.factorize(
                np.fromiter((r[i] if i < len(r) else "" for r in block), dtype=object, count=len(block))
            )
            encoder.add(list(raw), codes)
        block.clear()

    for number, row in sheet.rows(skip):
        numbers.append(number)
        block.append(row)
        if len(block) >= 10_000:
            flush()
    flush()
    return Cells(numbers, {i: e.column() for i, e in encoders.items()})


def _arrow_cells(table: Table, skip: int, wanted: list[int]) -> Cells | None:
    """The cells through pyarrow's CSV reader, or None when the file is not one it reads the same way."""
    data = table._data
    encoding = ARROW_ENCODINGS.get(table.encoding or "")
    if table.kind != "csv" or encoding is None or table.header_row != 1 or not data:
        return None
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if body[:1] in (b"\n", b"\r") or b"\n\n" in body or b"\n\r\n" in body or b"\r\r" in body:
        return None  # a blank line: numbering would differ (pyarrow skips it, the row count keeps it)
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:  # pragma: no cover - Streamlit depends on pyarrow
        return None
    width = len(table.header)
    names = [f"c{i}" for i in range(width)]
    wanted = [i for i in wanted if i < width]
    read = _arrow_read(data, table, encoding, names, [names[0], *(names[i] for i in wanted)])
    blank = None if read is None else _blank_rows(read, pc)
    if read is not None and blank is None:  # every column read has a blank cell: look at all of them
        read = _arrow_read(data, table, encoding, names, names)
        blank = None if read is None else _blank_rows(read, pc, every=True)
    if read is None:
        return None
    rows = np.flatnonzero(~blank)
    rows = rows[rows >= 1][skip:]  # after the header row and the extra header rows
    columns = {}
    for i in wanted:
        raw = read.column(names[i]).combine_chunks().dictionary_encode()
        # trimmed texts that were distinct before trimming are one value after it
        merged = pc.utf8_trim(raw.dictionary, characters=CLEANED).dictionary_encode()
        part = merged.indices.to_numpy(zero_copy_only=False)[raw.indices.to_numpy(zero_copy_only=False)[rows]]
        order = pd.unique(part)  # distinct texts in the order the data rows have them
        position = np.zeros(len(merged.dictionary), dtype=np.int32)
        position[order] = np.arange(len(order), dtype=np.int32)
        columns[i] = Column(merged.dictionary.take(pa.array(order)).to_pylist(), position[part])
    return Cells((rows + 1).tolist(), columns)


def _arrow_read(data: bytes, table: Table, encoding: str, names: list[str], include: list[str]):
    import pyarrow as pa
    import pyarrow.csv as pacsv

    try:
        return pacsv.read_csv(
            io.BytesIO(data),
            read_options=pacsv.ReadOptions(column_names=names, encoding=encoding),
            parse_options=pacsv.ParseOptions(delimiter=table.delimiter or ",", newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(include, pa.string()),
                include_columns=list(dict.fromkeys(include)),
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError, ValueError):
        return None  # rows of another width, a broken quote …: the row reader says what is wrong


def _blank_rows(read, pc, *, every: bool = False) -> np.ndarray | None:
    """Rows whose every cell is white space (`survey.importing.reading` counts them but hands none out).

    None when every column read has a blank cell and `every` is not set: the
    columns left out may then decide it.
    """
    blank = np.ones(read.num_rows, dtype=bool)
    for column in read.columns:
        empty = pc.equal(pc.utf8_trim_whitespace(column), "")
        if not pc.any(empty).as_py():
            return np.zeros(read.num_rows, dtype=bool)  # a column without a blank cell: no blank row
        blank &= empty.to_numpy(zero_copy_only=False)
    return blank if every else None
