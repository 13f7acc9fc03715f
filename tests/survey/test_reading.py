"""Reading uploaded files: encodings, delimiters, Excel, row numbers, refusals."""

import codecs
import datetime as dt

import pytest

from survey.importing.reading import ReadError, detect_encoding, excel_text, max_bytes, open_table, sniff_delimiter
from tests.survey.importing_example import csv_file, csv_text, xls_file, xlsx_file

HEADER = ["编号", "期次", "教学内容实用", "推荐可能性"]
ROWS = [HEADER, ["s1", "2025春", "很满意", "9"], ["s2", "2025春", "4", "10"]]


def all_rows(table, size=10_000):
    return [(n, r) for chunk in table.chunks(size) for n, r in zip(chunk.row_numbers, chunk.rows)]


@pytest.mark.parametrize(
    ("data", "encoding", "delimiter"),
    [
        (csv_file(ROWS), "utf-8", ","),
        (codecs.BOM_UTF8 + csv_file(ROWS), "utf-8-sig", ","),
        (csv_file(ROWS, encoding="gbk"), "gb18030", ","),  # Excel "CSV" on Chinese Windows
        (csv_file(ROWS, encoding="gb18030", delimiter=";"), "gb18030", ";"),
        (csv_file(ROWS, encoding="utf-16", delimiter="\t"), "utf-16", "\t"),  # Excel "Unicode text"
        (csv_text(ROWS, "\t").encode("utf-16-le"), "utf-16-le", "\t"),  # the same without a BOM
        (csv_text(ROWS, "|").encode("utf-16-be"), "utf-16-be", "|"),
    ],
    ids=["utf8", "bom", "gbk", "gb18030-semicolon", "utf16-tab", "utf16le-nobom", "utf16be-pipe"],
)
def test_text_files_are_decoded_and_split_as_written(data, encoding, delimiter):
    table = open_table(data, "answers.csv")
    assert (table.kind, table.encoding, table.delimiter) == ("csv", encoding, delimiter)
    assert table.header == HEADER
    assert all_rows(table) == [(2, ROWS[1]), (3, ROWS[2])]


def test_a_semicolon_file_with_decimal_commas_is_split_on_semicolons():
    data = b"id;score;note\n1;4,5;a\n2;3,0;b\n"
    assert open_table(data).delimiter == ";"


def test_a_single_column_file_reads_as_one_column():
    table = open_table(b"useful_p\n4\n5\n")
    assert table.header == ["useful_p"] and [r for _, r in all_rows(table)] == [["4"], ["5"]]


def test_row_numbers_are_those_of_the_file_with_blank_rows_and_quoted_line_breaks():
    data = b'id,note\n1,"two\nlines"\n\n,\n2,x\n   \n3,y\n'
    assert [(n, r[0]) for n, r in all_rows(open_table(data))] == [(2, "1"), (5, "2"), (7, "3")]


def test_blank_rows_above_the_header_are_skipped_and_counted():
    table = open_table(b"\n\nid,x\n1,2\n")
    assert table.header_row == 3 and all_rows(table) == [(4, ["1", "2"])]


def test_cells_stay_text_and_nothing_is_evaluated():
    data = csv_file([["id", "a"], ["007", "=1+1"], ["1e3", "@SUM(A1)"]])
    assert [r for _, r in all_rows(open_table(data))] == [["007", "=1+1"], ["1e3", "@SUM(A1)"]]


def test_nul_characters_in_a_utf8_file_stay_in_their_cells():
    table = open_table(b"id,a\n1,x\x00y\n")
    assert table.encoding == "utf-8" and all_rows(table) == [(2, ["1", "x\x00y"])]


def test_chunks_have_the_asked_size_and_report_how_far_they_got():
    rows = [["id", "a"]] + [[str(i), "1"] for i in range(2500)]  # big enough to outgrow the read buffer
    chunks = list(open_table(csv_file(rows)).chunks(1000))
    assert [len(c.rows) for c in chunks] == [1000, 1000, 500]
    assert chunks[0].row_numbers[0] == 2 and chunks[-1].row_numbers[-1] == 2501
    assert 0 < chunks[0].fraction < chunks[1].fraction <= chunks[2].fraction == 1.0


def test_xlsx_reads_the_first_sheet_as_text_with_formulas_unevaluated():
    rows = [
        HEADER,
        ["s1", "2025春", 5, 9],
        ["s2", dt.datetime(2025, 3, 1), 4.5, "=1+1"],
        [None, None, None, None],
        ["s3", True, 3.0, "很满意"],
    ]
    table = open_table(xlsx_file(rows), "answers.xlsx")
    assert (table.kind, table.encoding, table.delimiter) == ("xlsx", None, None)
    assert table.header == HEADER and table.sheet == "Sheet"
    assert all_rows(table) == [
        (2, ["s1", "2025春", "5", "9"]),
        (3, ["s2", "2025-03-01", "4.5", "=1+1"]),
        (5, ["s3", "TRUE", "3", "很满意"]),
    ]


def test_xls_is_read_by_its_content_whatever_its_name():
    rows = [HEADER, ["s1", "2025春", 5, "9 - very likely"], ["s2", "2025春", 4.5, None]]
    table = open_table(xls_file(rows), "answers.csv")
    assert table.kind == "xls" and table.sheet == "答卷"
    assert all_rows(table) == [(2, ["s1", "2025春", "5", "9 - very likely"]), (3, ["s2", "2025春", "4.5", ""])]


def test_a_tab_separated_file_named_xls_is_read_as_text():
    data = csv_file(ROWS, encoding="utf-16", delimiter="\t")
    table = open_table(data, "export.xls")
    assert (table.kind, table.delimiter) == ("csv", "\t")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "imp.empty"),
        (b" \r\n\t\n", "imp.empty"),
        (codecs.BOM_UTF8, "imp.empty"),
        (codecs.BOM_UTF16_LE, "imp.empty"),
        (b"a,b\n\xff\xfe\xfa,\x81\n", "imp.encoding_unknown"),
        (b"PK\x03\x04 not really a zip", "imp.excel_unreadable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 not an xls", "imp.excel_unreadable"),
    ],
    ids=["nothing", "whitespace", "bom-only", "utf16-bom-only", "no-encoding", "bad-xlsx", "bad-xls"],
)
def test_unreadable_files_are_refused_with_a_message(data, message):
    with pytest.raises(ReadError) as err:
        open_table(data, "x.csv")
    assert err.value.message == message


def test_a_file_over_the_size_limit_is_refused_before_reading(monkeypatch):
    with pytest.raises(ReadError) as err:
        open_table(b"id,a\n1,2\n" * 1000, limit=1000)
    assert err.value.message == "imp.too_large" and err.value.params == {"size_mb": "0.0", "limit_mb": "0.0"}
    monkeypatch.setenv("IMPORT_MAX_MB", "2")
    assert max_bytes() == 2 * 1024 * 1024
    monkeypatch.setenv("IMPORT_MAX_MB", "lots")
    assert max_bytes() == 200 * 1024 * 1024


def test_a_chosen_encoding_overrides_detection_and_a_wrong_one_is_refused():
    gbk = csv_file(ROWS, encoding="gbk")
    assert open_table(gbk, encoding="gbk").header == HEADER
    for wrong in ("utf-8", "no-such-codec"):
        with pytest.raises(ReadError) as err:
            open_table(gbk, encoding=wrong)
        assert err.value.message == "imp.encoding_wrong"


def test_a_cell_over_the_csv_field_limit_is_refused_with_its_row():
    data = b"id,a\n1,2\n2," + b"x" * 200_000 + b"\n"
    table = open_table(data)
    with pytest.raises(ReadError) as err:
        all_rows(table)
    assert err.value.message == "imp.cell_too_long_file" and err.value.params["row"] == 3


def test_detection_prefers_utf8_over_gb18030_when_both_decode():
    assert detect_encoding("编号,满意度\n".encode()) == "utf-8"
    assert detect_encoding("编号,满意度\n".encode("gbk")) == "gb18030"


def test_sniffing_picks_the_delimiter_that_splits_rows_like_the_header():
    assert sniff_delimiter("a\tb\tc\n1\t2,5\t3\n") == "\t"
    assert sniff_delimiter("a,b\n1,2\n") == ","
    assert sniff_delimiter("just one column\nvalue\n") == ","


def test_excel_values_become_the_text_a_user_would_type():
    assert [excel_text(v) for v in (None, 5, 5.0, 4.5, True, dt.date(2025, 1, 2), "x")] == [
        "",
        "5",
        "5",
        "4.5",
        "TRUE",
        "2025-01-02",
        "x",
    ]
    assert excel_text(dt.datetime(2025, 1, 2, 8, 30)) == "2025-01-02 08:30:00"


FIFTY = [HEADER] + [[f"s{k}", "2025春", "很满意", "9"] for k in range(50)]


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_is_refused_not_read_as_utf16(encoding):
    # its byte-order mark (FF FE 00 00) begins like UTF-16's: once read as 102 rows of NUL-strewn text
    data = csv_text(FIFTY, ",").encode(encoding)
    with pytest.raises(ReadError) as err:
        open_table(data, "answers.csv")
    assert err.value.message == "imp.encoding_utf32"
    with pytest.raises(ReadError) as err:
        open_table(csv_file(FIFTY), "answers.csv", encoding=encoding)  # nor when chosen by hand
    assert err.value.message == "imp.encoding_utf32"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_recognised_when_chinese_has_nul_low_bytes(encoding):
    rows = [["编号", "一般"]] + [[f"{k}", "一"] for k in range(50)]  # 一 is U+4E00: a NUL byte of its own
    table = open_table(csv_text(rows, ",").encode(encoding), "answers.csv")
    assert table.encoding == encoding and len(all_rows(table)) == 50
