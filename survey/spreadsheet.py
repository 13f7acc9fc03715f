"""The one way the product writes a cell of a CSV or Excel file: as text a spreadsheet shows and never runs.

Every file the product writes for a spreadsheet goes through here, headers included: the dashboards'
table downloads (`survey.reporting.exports.table_csv` / `table_xlsx`), the import's problem report and
rejected rows (`survey.importing.validation`), the `python -m survey normalize` output
(`survey.importing.sources`), the personal links (`survey.answering.personal_links_csv`) and the audit
log's downloads.

A text cell that begins with = + - @, a tab or a carriage return — what Excel, LibreOffice and Google
Sheets read as the start of a formula (``=HYPERLINK(...)``, ``@SUM(1)``, ``+1+1``, ``-cmd``) — gets a
leading apostrophe, which a spreadsheet shows as text and the importer takes off again, so a fixed
rejected-rows file reads back as the original (OWASP, "CSV Injection"). A plain number such as -1 or
+2.5 is left as it is: a spreadsheet reads it as the number. A control character or non-character (which
an .xlsx file cannot hold, and which no one meant to type) becomes "�" (`survey.characters.printable`),
where the user can find it.

    >>> safe_cell('=HYPERLINK("http://x", "q")')
    '\\'=HYPERLINK("http://x", "q")'
    >>> safe_cell("-1"), safe_cell("-x"), safe_cell(None)
    ('-1', "'-x", '')
    >>> csv_file([["a", "=1+1"], [1, "@x"]]).decode("utf-8-sig").split()
    ["a,'=1+1", "1,'@x"]
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from survey.characters import printable
from survey.importing.mapping.numbers import is_plain_number

RISKY_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet reads as the start of a formula


def safe_cell(cell: object) -> str:
    """The cell as text a spreadsheet will show, never run as a formula, and can hold."""
    value = "" if cell is None else printable(str(cell))
    if value.startswith(RISKY_START) and not is_plain_number(value):
        return "'" + value
    return value


def is_safe(cell: str) -> bool:
    """True when a spreadsheet reads the text `cell` (as written into a file) as text or a number, never a
    formula: what every cell `safe_cell` makes satisfies."""
    return not cell.startswith(RISKY_START) or is_plain_number(cell)


class SafeCsv:
    """A CSV file written row by row, every cell through `safe_cell`; `data()` is the file (UTF-8 with a BOM,
    so that Excel reads Chinese correctly)."""

    def __init__(self, *, lineterminator: str = "\r\n"):
        self._out = io.StringIO()
        self._writer = csv.writer(self._out, lineterminator=lineterminator)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([safe_cell(c) for c in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)

    def text(self) -> str:
        return self._out.getvalue()

    def data(self) -> bytes:
        return self.text().encode("utf-8-sig")


def csv_file(rows: Iterable[Iterable[object]], *, lineterminator: str = "\r\n") -> bytes:
    """The rows (the header first) as a CSV file, every cell through `safe_cell` (UTF-8 with a BOM)."""
    out = SafeCsv(lineterminator=lineterminator)
    out.writerows(rows)
    return out.data()
