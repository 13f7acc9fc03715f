"""A survey tool's export as rows of text: its first rows for recognising it, its data rows on demand.

`open_sheet(data, file_name)` reads the file through `survey.reading.open_table`
(encoding, delimiter, Excel) and keeps the first `HEAD_ROWS` non-blank rows,
the header row first, so a reader can look at several header rows (Qualtrics
has three, SurveyMonkey two) and at a sample of answers. `Sheet.rows(skip)`
hands out the data rows after the header row and `skip` more header rows,
each with its row number as the user sees it, reading the file again chunk by
chunk (nothing but the bytes is kept whole).

`clean(cell)` is what every reader does to a cell: surrounding white space
off, including the leading tab Tencent puts before numbers and dates so that
Excel keeps them as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from survey.reading import Table, open_table

HEAD_ROWS = 60


def clean(cell: str) -> str:
    """A cell without surrounding white space (tabs, spaces, line breaks, no-break spaces)."""
    return cell.strip(" \t\r\n\u00a0\u3000\ufeff")


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


def open_sheet(data: bytes, file_name: str = "", *, limit: int | None = None) -> Sheet:
    """Open an export (CSV in any encoding `open_table` knows, .xlsx, .xls). Raises survey.reading.ReadError."""
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
