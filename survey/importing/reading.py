"""Reading an uploaded response file: decode it, sniff it, hand out its rows as text.

`open_table(data, file_name)` recognises the file by its content (not its name):

- Excel 2007+ (`.xlsx`, a zip): the first worksheet, through openpyxl in
  read-only mode. Formula cells come back as their formula text (``=1+1``),
  never evaluated and never replaced by a cached result.
- Excel 97–2003 (`.xls`, an OLE2 file): the first worksheet, through xlrd
  (which reads cached values; an .xls file keeps no formula text for it).
- Anything else is delimited text. Encoding, in this order: a byte-order mark
  (UTF-8 with BOM → ``utf-8-sig``; UTF-16 → ``utf-16``, as Excel's "Unicode
  text" writes it), UTF-16 without a BOM (every other byte NUL), strict UTF-8,
  then GB18030 (a superset of GBK, what Excel on Chinese Windows writes). A
  file that is none of these is refused rather than guessed at; so is UTF-32
  (with or without its byte-order mark, which begins like UTF-16's), which
  the product does not read. Delimiter:
  comma, semicolon, tab or ``|``, whichever splits the first lines into the
  same number of cells as the header; one column when none does.

Every cell is text: nothing is converted, guessed or evaluated here (numbers
from Excel are written back as the shortest text that reads as the same
number: 5, 4.5). The header is the first non-empty row. Row numbers are the
ones the user sees: the header's row in the sheet, or in a text file the
record number counted from 1 (a quoted cell over several lines is one row),
blank rows included in the count but never returned.

Rows come in chunks (`Table.chunks()`), so a large file never sits in memory
as a table; the bytes themselves are the only full copy.

Errors the user can cause raise `ReadError(message, **params)` with a
translation id from `survey/i18n/importing.py`.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from survey.errors import UserError

CHUNK_ROWS = 10_000
DEFAULT_MAX_MB = 200
DELIMITERS = (",", ";", "\t", "|")
SNIFF_CHARS = 64 * 1024

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Encodings the user may choose by hand when detection gets it wrong.
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be")


class ReadError(UserError):
    """A file that cannot be read; `message` is a translation id, `params` fill it."""


def max_bytes() -> int:
    """The upload size limit: `IMPORT_MAX_MB` from the environment, else 200 MB."""
    raw = os.environ.get("IMPORT_MAX_MB", "").strip()
    try:
        mb = float(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        mb = DEFAULT_MAX_MB
    return int(max(mb, 0) * 1024 * 1024)


@dataclass
class Chunk:
    """Consecutive non-blank data rows. `rows[i]` is row `row_numbers[i]` of the file."""

    rows: list[list[str]]
    row_numbers: list[int]
    fraction: float  # how far into the file this chunk ends, 0–1


@dataclass
class Table:
    """A readable file: its kind, how it was decoded, its header, and its rows on demand."""

    kind: str  # "csv" | "xlsx" | "xls"
    header: list[str]
    header_row: int
    encoding: str | None = None  # text files only
    delimiter: str | None = None  # text files only
    sheet: str | None = None  # Excel only
    _data: bytes = field(default=b"", repr=False)

    def chunks(self, size: int = CHUNK_ROWS) -> Iterator[Chunk]:
        """The data rows after the header, `size` at a time (blank rows left out).

        Raises ReadError when the file turns out to be broken part-way.
        """
        rows: list[list[str]] = []
        numbers: list[int] = []
        fraction = 0.0
        for number, row, fraction in self._records():
            if number <= self.header_row or not "".join(row).strip():
                continue
            rows.append(row)
            numbers.append(number)
            if len(rows) >= size:
                yield Chunk(rows, numbers, fraction)
                rows, numbers = [], []
        if rows:
            yield Chunk(rows, numbers, 1.0)

    def _records(self) -> Iterator[tuple[int, list[str], float]]:
        if self.kind == "xlsx":
            return _xlsx_records(self._data)
        if self.kind == "xls":
            return _xls_records(self._data)
        return _text_records(self._data, self.encoding or "utf-8", self.delimiter or ",")


def open_table(
    data: bytes,
    file_name: str = "",
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    limit: int | None = None,
) -> Table:
    """Recognise and open an uploaded file; see the module docstring.

    encoding / delimiter: the user's choice for a text file, overriding
    detection. limit: the size limit in bytes (default `max_bytes()`).
    Raises ReadError (too large, empty, unreadable, unknown encoding, ...).
    """
    limit = max_bytes() if limit is None else limit
    if not isinstance(data, bytes):
        data = bytes(data)
    if len(data) > limit:
        raise ReadError("imp.too_large", size_mb=_mb(len(data)), limit_mb=_mb(limit))
    if _blank(data):
        raise ReadError("imp.empty")
    if data.startswith(XLSX_MAGIC):
        table = Table("xlsx", [], 0, sheet=_xlsx_sheet_name(data), _data=data)
    elif data.startswith(XLS_MAGIC):
        table = Table("xls", [], 0, sheet=_xls_sheet_name(data), _data=data)
    else:
        enc = _checked_encoding(data, encoding) if encoding else detect_encoding(data)
        sep = delimiter if delimiter in DELIMITERS else sniff_delimiter(_sample(data, enc))
        table = Table("csv", [], 0, encoding=enc, delimiter=sep, _data=data)
    for number, row, _ in table._records():
        if any(cell.strip() for cell in row):
            table.header, table.header_row = [cell.strip() for cell in row], number
            break
    else:
        raise ReadError("imp.empty")
    return table


def _blank(data: bytes) -> bool:
    """Nothing but whitespace, NULs and byte-order marks (the head first, to avoid copying a big file)."""
    junk = b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"
    return not data[:65536].translate(None, junk) and not data.translate(None, junk)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


# --- text files -------------------------------------------------------------------


def detect_encoding(data: bytes) -> str:
    """The encoding of a text file (see the module docstring), or ReadError."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) or _looks_utf32(data[:4096]):
        raise ReadError("imp.encoding_utf32")  # its BOM starts like UTF-16's: refused, never read as that
    if data.startswith(codecs.BOM_UTF8):
        return _checked_encoding(data, "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked_encoding(data, "utf-16")
    head = data[:4096]
    if len(head) >= 4:
        even_nul = head[0::2].count(0) / len(head[0::2])
        odd_nul = head[1::2].count(0) / len(head[1::2])
        # ASCII has a NUL high byte; some CJK characters (U+4E00 一) a NUL low byte
        if odd_nul > 0.3 and even_nul < odd_nul / 2:
            return _checked_encoding(data, "utf-16-le")
        if even_nul > 0.3 and odd_nul < even_nul / 2:
            return _checked_encoding(data, "utf-16-be")
    for candidate in ("utf-8", "gb18030"):
        if _decodes(data, candidate):
            return candidate
    raise ReadError("imp.encoding_unknown")


def _looks_utf32(head: bytes) -> bool:
    """Text in UTF-32 without a byte-order mark: the two high bytes of every four are NUL for every
    character of the Basic Multilingual Plane, Latin and CJK alike (the last two in little-endian order, the
    first two in big-endian); UTF-16 never has two NULs side by side in the same places."""
    quads = len(head) // 4
    if quads < 2:
        return False
    nul = [head[k : quads * 4 : 4].count(0) / quads for k in range(4)]
    return min(nul[2], nul[3]) > 0.95 or min(nul[0], nul[1]) > 0.95


def _checked_encoding(data: bytes, encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise ReadError("imp.encoding_wrong", encoding=str(encoding)[:30]) from None
    if name.startswith("utf-32"):
        raise ReadError("imp.encoding_utf32")
    if not _decodes(data, encoding):
        raise ReadError("imp.encoding_wrong", encoding=encoding)
    return encoding


def _decodes(data: bytes, encoding: str, block: int = 1 << 20) -> bool:
    """Whether the whole of `data` is valid in `encoding` (checked in blocks, nothing kept)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    view = memoryview(data)
    try:
        for start in range(0, len(data), block):
            decoder.decode(view[start : start + block], final=start + block >= len(data))
    except UnicodeDecodeError:
        return False
    return True


def _sample(data: bytes, encoding: str) -> str:
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
    return stream.read(SNIFF_CHARS)


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the sample's rows like its header (comma when nothing does)."""
    if len(sample) >= SNIFF_CHARS and "\n" in sample:  # drop a last line cut in half
        sample = sample[: sample.rindex("\n")]
    best, best_score = ",", (False, 0.0, 0)
    for sep in DELIMITERS:
        try:
            records = [r for r in csv.reader(io.StringIO(sample, newline=""), delimiter=sep) if any(r)][:50]
        except csv.Error:
            continue
        if not records:
            continue
        width = len(records[0])
        alike = sum(len(r) == width for r in records) / len(records)
        score = (width > 1, alike, width)
        if score > best_score:
            best, best_score = sep, score
    return best


def _text_records(data: bytes, encoding: str, delimiter: str) -> Iterator[tuple[int, list[str], float]]:
    raw = io.BytesIO(data)
    size = max(len(data), 1)
    stream = io.TextIOWrapper(raw, encoding=encoding, newline="", errors="strict")
    reader = csv.reader(stream, delimiter=delimiter)
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            if "field larger than field limit" in str(err):
                raise ReadError("imp.cell_too_long_file", row=number, limit=csv.field_size_limit()) from None
            raise ReadError("imp.csv_broken", row=number) from None
        except UnicodeDecodeError:
            raise ReadError("imp.encoding_wrong", encoding=encoding) from None
        yield number, row, raw.tell() / size


# --- Excel ------------------------------------------------------------------------


def excel_text(value: object) -> str:
    """A cell value from an Excel reader as the text a user would type for it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, str):
        return value
    text = getattr(value, "text", None)  # openpyxl ArrayFormula
    return str(text if isinstance(text, str) else value)


def _open_xlsx(data: bytes):
    import openpyxl

    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # any broken or hostile zip / XML: openpyxl raises many kinds
        raise ReadError("imp.excel_unreadable") from None


def _xlsx_sheet_name(data: bytes) -> str:
    book = _open_xlsx(data)
    try:
        if not book.worksheets:
            raise ReadError("imp.empty")
        return book.worksheets[0].title
    finally:
        book.close()


def _xlsx_records(data: bytes) -> Iterator[tuple[int, list[str], float]]:
    book = _open_xlsx(data)
    try:
        sheet = book.worksheets[0]
        try:
            total = max(int(sheet.max_row or 0), 1)
        except Exception:  # a missing or broken <dimension>
            total = 0
        number = 0
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, [excel_text(v) for v in values], min(number / total, 1.0) if total else 0.0
        except ReadError:
            raise
        except Exception:
            raise ReadError("imp.excel_broken", row=number + 1) from None
    finally:
        book.close()


def _open_xls(data: bytes):
    import xlrd

    try:
        return xlrd.open_workbook(file_contents=data, on_demand=True)
    except Exception:  # xlrd raises its own and plain errors on broken files
        raise ReadError("imp.excel_unreadable") from None


def _xls_sheet_name(data: bytes) -> str:
    book = _open_xls(data)
    try:
        if book.nsheets < 1:
            raise ReadError("imp.empty")
        return book.sheet_names()[0]
    finally:
        book.release_resources()


def _xls_records(data: bytes) -> Iterator[tuple[int, list[str], float]]:
    import xlrd

    book = _open_xls(data)
    try:
        try:
            sheet = book.sheet_by_index(0)
        except Exception:
            raise ReadError("imp.excel_unreadable") from None
        total = max(sheet.nrows, 1)
        for index in range(sheet.nrows):
            cells = []
            for cell in sheet.row(index):
                if cell.ctype == xlrd.XL_CELL_DATE:
                    try:
                        cells.append(excel_text(xlrd.xldate_as_datetime(cell.value, book.datemode)))
                    except Exception:  # a date out of Excel's range
                        cells.append(excel_text(cell.value))
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    cells.append(excel_text(bool(cell.value)))
                elif cell.ctype == xlrd.XL_CELL_ERROR:
                    cells.append(xlrd.error_text_from_code.get(cell.value, "#ERROR"))
                else:
                    cells.append(excel_text(cell.value))
            yield index + 1, cells, (index + 1) / total
    finally:
        book.release_resources()
