"""The fast reading of an export (pyarrow, column by column) gives exactly what the row reader gives,
and the normalized table the importer is handed is the plain CSV, cell for cell."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from survey.importing.reading import open_table
from survey.importing.sources import normalize
from survey.importing.sources.sheet import _arrow_cells, _python_cells, open_sheet
from tests.survey.make_source_fixtures import FIXTURES, FOLDER


def both(data: bytes, skip: int = 0):
    """(pyarrow's cells or None, the row reader's cells) of every column, as (row numbers, texts per column)."""
    sheet = open_sheet(data, "x.csv")
    columns = range(len(sheet.header))
    fast = _arrow_cells(sheet.table, skip, list(columns))
    slow = _python_cells(sheet, skip, list(columns))

    def plain(cells):
        return None if cells is None else (cells.numbers, [cells.column(i).texts() for i in columns])

    return plain(fast), plain(slow)


def csv_bytes(rows, encoding="utf-8", newline="\r\n") -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerows(rows)
    return out.getvalue().encode(encoding)


@pytest.mark.parametrize("name", sorted(n for n in FIXTURES if n.endswith(".csv")))
def test_every_csv_fixture_reads_the_same_either_way(name):
    fast, slow = both((FOLDER / name).read_bytes(), skip=2 if name.startswith("qualtrics") else 0)
    assert fast == slow


def test_gbk_quoted_line_breaks_and_rows_of_delimiters_keep_their_row_numbers():
    rows = [["序号", "意见", "分"], ["1", "第一行\n第二行", " 5 "], ["", "", ""], ["2", "\u3000好\u3000", "4"]]
    fast, slow = both(csv_bytes(rows, "gb18030"))
    assert fast == slow == ([2, 4], [["1", "2"], ["第一行\n第二行", "好"], ["5", "4"]])


def test_files_pyarrow_would_read_otherwise_go_the_row_readers_way():
    blank_line = b"id,q\r\n1,5\r\n\r\n2,4\r\n"
    fast, slow = both(blank_line)
    assert fast is None and slow == ([2, 4], [["1", "2"], ["5", "4"]])  # the blank line keeps its number
    ragged = b"id,q\r\n1,5,extra\r\n2\r\n"
    fast, slow = both(ragged)
    assert fast is None and slow == ([2, 3], [["1", "2"], ["5", ""]])
    fast, _slow = both("id,q\r\n1,5\r\n".encode("utf-16"))
    assert fast is None


CELLS = st.sampled_from(
    [
        "",
        " ",
        "1",
        "5 ",
        "很满意",
        "a,b",
        'say "hi"',
        "two\nlines",
        "\u3000x\u3000",
        "\ufeffy",
        "=1+1",
        "x\r\ny",
        "'quoted'",
    ]
)


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(CELLS, min_size=3, max_size=3), min_size=1, max_size=8), skip=st.integers(0, 2))
def test_any_table_reads_the_same_either_way(rows, skip):
    data = csv_bytes([["a", "b", "c"], *rows])
    fast, slow = both(data, skip)
    assert fast is None or fast == slow


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_the_table_handed_to_the_importer_is_the_plain_csv(name):
    export = normalize((FOLDER / name).read_bytes(), name, keep_personal=True)
    written = open_table(export.to_plain_csv(fields=True), "plain.csv")
    table = export.plain_table(fields=True)
    assert table.header == written.header
    read = [(n, list(r)) for chunk in written.chunks(4) for n, r in zip(chunk.row_numbers, chunk.rows)]
    handed = [(n, list(r)) for chunk in table.chunks(4) for n, r in zip(chunk.row_numbers, chunk.rows)]
    assert handed == read
