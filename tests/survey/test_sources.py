"""Survey-tool exports read the way a coordinator drops them: recognised, then checked value by value.

The fixtures (tests/survey/sources_fixtures/, written by make_source_fixtures.py)
all hold the six made-up respondents of `RESPONDENTS`; `expected(name)` says
what each file must give back, in each tool's own words.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from survey.design.templates import standard_scale
from survey.importing.mapping import interpret, is_not_applicable
from survey.importing.reading import ReadError, open_table
from survey.importing.sources import TOOLS, SourceError, detect_tool, normalize
from survey.importing.sources.answers import infer
from survey.importing.sources.build import duration_seconds
from tests.survey.importing_example import csv_file
from tests.survey.make_source_fixtures import (
    AGREE_ZH,
    FIXTURES,
    FOLDER,
    NA,
    OPTIONS_EN,
    OPTIONS_ZH,
    OTHER_EN,
    OTHER_ZH,
    Q_EN,
    Q_ZH,
    RESPONDENTS,
    ROWS_EN,
    ROWS_ZH,
    YEARS_EN,
    YEARS_ZH,
)

ROOT = Path(__file__).resolve().parents[2]
NAMES = sorted(FIXTURES)


def data(name: str) -> bytes:
    return (FOLDER / name).read_bytes()


def read(name: str, **options):
    return normalize(data(name), name, **options)


def test_the_fixture_files_are_what_the_script_writes():
    for name, (_tool, make) in FIXTURES.items():
        assert data(name) == make(), f"{name}: run python -m tests.survey.make_source_fixtures"


# --- recognising the tool -----------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_every_fixture_is_recognised(name):
    tool, confidence = detect_tool(data(name), name)
    assert tool == FIXTURES[name][0]
    assert confidence >= (0.3 if tool == "csv" else 0.8)


def test_a_plain_one_header_file_is_still_a_plain_csv():
    plain = csv_file([["编号", "期次", "Q1. 教学内容实用", "推荐可能性"], ["s1", "2025春", "很满意", "9"]])
    assert detect_tool(plain, "answers.csv")[0] == "csv"
    export = normalize(plain, "answers.csv")
    assert export.respondent_ids == ("s1",) and export.column("Q1. 教学内容实用") == [5.0]


def test_the_user_can_choose_the_tool_but_not_one_the_file_cannot_be():
    export = read("qualtrics_text.csv", tool="qualtrics")
    assert (export.tool, export.confidence, export.header_rows) == ("qualtrics", 1.0, 3)
    assert read("qualtrics_text.csv", tool="csv").header_rows == 1  # plain: the second and third rows are answers
    with pytest.raises(SourceError) as err:
        read("wjx_text_gbk.csv", tool="qualtrics")
    assert err.value.message == "src.not_this_tool"
    with pytest.raises(SourceError) as err:
        read("wjx_text_gbk.csv", tool="spss")
    assert err.value.message == "src.unknown_tool"
    assert set(TOOLS) == {
        "wjx",
        "tencent",
        "qualtrics",
        "surveymonkey",
        "google-forms",
        "ms-forms",
        "limesurvey",
        "csv",
    }


# --- what every file must give back ----------------------------------------------------------


def _rate(codes_na: bool, i: int) -> list[object]:
    """Matrix row i: 1–5, "not applicable" missing (or ?6 in a code export, asked about), blank missing."""
    return [
        ("?6" if codes_na else None) if r.rate[i] == NA else None if r.rate[i] is None else float(r.rate[i])
        for r in RESPONDENTS
    ]


def _heard(names: dict[str, str], other: str | None = None) -> list[object]:
    """The multiple choice as "a; b"; other: what the "other" option reads as (None: not in this column)."""
    found = []
    for r in RESPONDENTS:
        chosen = [names[o] if o != "other" else other for o in r.heard if o != "other" or other is not None]
        found.append("; ".join(chosen) or None)
    return found


def _other(text: str) -> list[object]:
    return [text if r.other else None for r in RESPONDENTS]


def _common(q: dict[str, str], rate_labels, *, codes: bool = False, codes_na: bool = False) -> dict[str, list]:
    years = [float(r.year) for r in RESPONDENTS] if codes else None
    found = {
        q["overall"]: [None if r.overall is None else float(r.overall) for r in RESPONDENTS],
        **{label: _rate(codes_na, i) for i, label in enumerate(rate_labels)},
        q["nps"]: [float(r.nps) for r in RESPONDENTS],
        q["again"]: [float(r.again) for r in RESPONDENTS],
    }
    if years:
        found[q["year"]] = years
    return found


def _en(**extra) -> dict[str, list]:
    """Year, then `extra` (the multiple choice), then the comment: the English fixtures' last columns."""
    return {
        Q_EN["year"]: [YEARS_EN[r.year - 1] for r in RESPONDENTS],
        **extra,
        Q_EN["comment"]: [r.comment_en or None for r in RESPONDENTS],
    }


def expected(name: str) -> dict[str, list]:
    """{item label: answers in file order} for a fixture."""
    en_rows = [f"{Q_EN['rate']} - {row}" for row in ROWS_EN]
    heard_other = f"{Q_EN['heard']} - Other"
    zh_comments = [r.comment_zh or None for r in RESPONDENTS]
    if name.startswith("wjx_text"):
        return {
            **_common(Q_ZH, [f"第2题 - {row}" for row in ROWS_ZH]),
            Q_ZH["year"]: [YEARS_ZH[r.year - 1] for r in RESPONDENTS],
            Q_ZH["heard"]: _heard(OPTIONS_ZH, "其他"),
            f"{Q_ZH['heard']} - 其他": _other(OTHER_ZH),
            Q_ZH["comment"]: zh_comments,
        }
    if name.startswith("wjx_codes"):
        return {
            **_common(Q_ZH, [f"第2题 - {row}" for row in ROWS_ZH], codes=True, codes_na=True),
            "第6题": _heard(OPTIONS_ZH, "其他"),
            Q_ZH["comment"]: zh_comments,
        }  # options as columns 6、(…)
    if name == "tencent.csv":
        found = {
            **_common(Q_ZH, [f"{Q_ZH['rate']} - {row}" for row in ROWS_ZH]),
            Q_ZH["year"]: [YEARS_ZH[r.year - 1] for r in RESPONDENTS],
            Q_ZH["comment"]: zh_comments,
        }
        return {label: values[::-1] for label, values in found.items()}  # newest first, as in the file
    if name.startswith("qualtrics_numeric"):
        codes = {"friend": "1", "teacher": "2", "wechat": "3"}
        return {
            **_common(Q_EN, en_rows, codes=True, codes_na=True),
            Q_EN["heard"]: _heard(codes, "4"),
            heard_other: _other(OTHER_EN),
            Q_EN["comment"]: [r.comment_en or None for r in RESPONDENTS],
        }
    if name == "qualtrics_text.csv":
        return {
            **_common(Q_EN, en_rows),
            **_en(**{Q_EN["heard"]: _heard(OPTIONS_EN, "Other"), heard_other: _other(OTHER_EN)}),
        }
    if name.startswith("surveymonkey"):
        heard = f"{Q_EN['heard']} (select all that apply)"
        return {
            **_common(Q_EN, en_rows),
            **_en(**{heard: _heard(OPTIONS_EN), f"{heard} - Other (please specify)": _other(OTHER_EN)}),
        }
    if name == "google_forms.csv":
        return {**_common(Q_EN, en_rows), **_en(**{Q_EN["heard"]: _heard(OPTIONS_EN, OTHER_EN)})}
    if name == "ms_forms.xlsx":
        found = {**_common(Q_EN, list(ROWS_EN)), **_en(**{Q_EN["heard"]: _heard(OPTIONS_EN, OTHER_EN)})}
        return {Q_EN["nps"]: found.pop(Q_EN["nps"]), **found}  # the recommend column comes first in this file
    if name == "limesurvey_codes.csv":
        codes = {"OVERALL": "overall", "NPS": "nps", "AGAIN": "again", "YEAR": "year"}
        found = _common({**{v: k for k, v in codes.items()}}, [f"RATE - SQ00{i}" for i in (1, 2, 3)], codes=True)
        subcodes = {"friend": "SQ001", "teacher": "SQ002", "wechat": "SQ003"}
        return {
            **found,
            "HEARD": _heard(subcodes),
            "HEARD - other": _other(OTHER_EN),
            "COMMENT": [r.comment_en or None for r in RESPONDENTS],
        }
    if name == "limesurvey_text_semicolon.csv":
        rows = [f"{Q_EN['rate']} - {row}" for row in ROWS_EN]
        return {**_common(Q_EN, rows), **_en(**{Q_EN["heard"]: _heard(OPTIONS_EN), heard_other: _other(OTHER_EN)})}
    assert name == "plain.csv"
    return {
        "调查批次": ["2026-03"] * 6,
        "总体满意度": [None if r.overall is None else float(r.overall) for r in RESPONDENTS],
        "推荐可能性": [float(r.nps) for r in RESPONDENTS],
        "备注": zh_comments,
    }


@pytest.mark.parametrize("name", NAMES)
def test_every_fixture_normalizes_value_by_value(name):
    export = read(name)
    want = expected(name)
    assert [i.label for i in export.items] == list(want), name
    for label, values in want.items():
        assert export.column(label) == values, (name, label)
    assert len(export.respondent_ids) == len(RESPONDENTS)


def test_respondent_ids_are_the_files_own_or_its_row_numbers():
    assert read("wjx_text_gbk.csv").respondent_ids == ("1", "2", "3", "4", "5", "6")
    assert read("qualtrics_text.csv").respondent_ids[0] == "R_01TestAbCdEf"
    assert read("surveymonkey.xlsx").respondent_ids[0] == "114000000001"
    google = read("google_forms.csv")
    assert google.respondent_column is None and google.respondent_ids == ("2", "3", "4", "5", "6", "7")
    qualtrics = read("qualtrics_numeric_bom.csv")
    assert qualtrics.row_numbers == (4, 5, 6, 7, 8, 9)  # after three header rows


# --- scales, matrices, NPS ------------------------------------------------------------------------


def test_matrix_rows_are_items_of_one_question_sharing_one_scale():
    cases = {
        "wjx_text_gbk.csv": ("2", "第2题", ROWS_ZH),
        "tencent.csv": ("2", Q_ZH["rate"], ROWS_ZH),
        "qualtrics_text.csv": ("Q2", Q_EN["rate"], ROWS_EN),
        "google_forms.csv": (Q_EN["rate"], Q_EN["rate"], ROWS_EN),
        "limesurvey_codes.csv": ("RATE", "RATE", ("SQ001", "SQ002", "SQ003")),
    }
    for name, (group, question, rows) in cases.items():
        items = [i for i in read(name).items if i.group == group and i.kind == "scale"]
        assert [i.row for i in items] == list(rows), name
        assert {(i.question, i.minimum, i.maximum) for i in items} == {(question, 1, 5)}, name
        assert [i.label for i in items] == [f"{question} - {row}" for row in rows]
    surveymonkey = [i for i in read("surveymonkey.csv").items if i.row in ROWS_EN]
    assert len({i.group for i in surveymonkey}) == 1 and len(surveymonkey) == 3


@pytest.mark.parametrize("name", [n for n in NAMES if n != "plain.csv"])
def test_the_recommend_question_is_recognised_as_0_to_10(name):
    export = read(name)
    [nps] = [i for i in export.items if i.kind == "recommend"]
    assert (nps.minimum, nps.maximum) == (0, 10)
    zero = 1 if name == "tencent.csv" else 4  # Tencent lists respondents newest first
    assert export.column(nps.label)[zero] == 0.0  # a real zero, not a missing value


def test_qualtrics_nps_group_is_derived_and_marks_its_question():
    export = read("qualtrics_numeric_bom.csv")
    assert ("Q3_NPS_GROUP", "derived") in {(d.column, d.reason) for d in export.dropped}
    assert export.item(Q_EN["nps"]).columns == ("Q3",) and export.item(Q_EN["nps"]).kind == "recommend"


def test_label_sets_give_scales_in_both_languages():
    agreement = export_item("qualtrics_text.csv", Q_EN["again"])
    assert (agreement.minimum, agreement.maximum, agreement.label_set) == (1, 7, "agreement7")
    wjx = export_item("wjx_text_gbk.csv", Q_ZH["again"])
    assert wjx.label_set == "agreement7" and dict(wjx.labels)[7] == AGREE_ZH[6]
    overall = export_item("wjx_text_gbk.csv", Q_ZH["overall"])
    assert overall.labels == ((1, "非常不满意"), (2, "不满意"), (3, "一般"), (4, "满意"), (5, "非常满意"))


def export_item(name: str, label: str):
    return read(name).item(label)


@pytest.mark.parametrize(
    ("answers", "kind", "low", "high", "points"),
    [
        ({"Very satisfied": 1, "Satisfied": 2}, "scale", 1, 5, {"Very satisfied": 5, "Satisfied": 4}),
        ({"Agree": 1, "Somewhat agree": 1}, "scale", 1, 7, {"Agree": 6, "Somewhat agree": 5}),
        ({"满意": 1, "比较满意": 1}, "scale", 1, 7, {"满意": 6, "比较满意": 5}),
        ({"Excellent": 1, "Very good": 1, "Good": 1}, "scale", 1, 5, {"Very good": 4, "Good": 3}),
        ({"Very good": 1, "Good": 1, "很差": 1}, "scale", 1, 5, {"Very good": 5, "很差": 1}),
        ({"Definitely will": 1, "Probably will not": 1}, "scale", 1, 5, {"Definitely will": 5}),
        ({"Always": 1, "Sometimes": 1, "从不": 1}, "scale", 1, 5, {"Always": 5, "从不": 1}),
        ({"经常": 1, "偶尔": 1, "通常": 1}, "scale", 1, 7, {"经常": 5, "通常": 6}),
        ({"Extremely important": 1, "Very important": 1}, "scale", 1, 5, {"Very important": 4}),
        (
            {"10 - Extremely likely": 1, "7": 1, "0 - Not at all likely": 1},
            "scale",
            0,
            10,
            {"10 - Extremely likely": 10, "0 - Not at all likely": 0},
        ),
        ({"5分": 2, "3分": 1}, "scale", 1, 5, {"5分": 5}),
        (
            {"Not applicable": 3, "Don't know": 1, "(跳过)": 1, "很满意": 1},
            "scale",
            1,
            5,
            {"Not applicable": None, "Don't know": None, "(跳过)": None},
        ),
        ({"Year 1": 3, "Year 2": 2}, "choice", None, None, {}),
        ({"A long comment that goes on and on and on, well past forty characters": 1}, "text", None, None, {}),
        ({"18": 1, "35": 1, "62": 1}, "number", None, None, {"62": 62}),
    ],
)
def test_answer_texts_become_scale_points(answers, kind, low, high, points):
    found = infer(Counter(answers))
    assert (found.kind, found.minimum, found.maximum) == (kind, low, high)
    for answer, point in points.items():
        assert found.convert(answer) == point, answer
    assert not found.unresolved


@pytest.mark.parametrize(
    ("codes", "low", "high", "unresolved"),
    [
        ({"1", "2", "3", "4", "5"}, 1, 5, set()),
        ({"1", "2", "3", "4", "5", "6"}, 1, 5, {"6"}),  # "not applicable" as the next code
        ({"1", "2", "4", "6", "7"}, 1, 7, set()),
        ({"1", "3", "7", "8"}, 1, 7, {"8"}),
        ({"1", "2", "3", "4", "99"}, 1, 5, {"99"}),
        ({"1", "2", "3", "9"}, 1, 5, {"9"}),
        ({"1", "4", "-99"}, 1, 5, {"-99"}),
        ({"0", "3", "8", "10"}, 0, 10, set()),
    ],
)
def test_a_code_off_the_scale_is_asked_about_never_scored(codes, low, high, unresolved):
    found = infer(Counter(codes), codes=True)
    assert (found.kind, found.minimum, found.maximum, set(found.unresolved)) == ("scale", low, high, unresolved)
    for code in unresolved:
        assert found.convert(code) == f"?{code}"


def test_a_codebook_says_what_a_code_means():
    found = infer(Counter({"1": 1, "5": 1, "6": 2}), codes=True, codebook={"6": None})
    assert (found.minimum, found.maximum, found.unresolved, found.convert("6")) == (1, 5, frozenset(), None)
    found = infer(Counter({"1": 1, "5": 1, "6": 2}), codes=True, codebook={"6": 6})
    assert (found.maximum, found.convert("6")) == (6, 6.0)


def test_code_exports_report_their_unresolved_codes_and_a_codebook_resolves_them():
    for name, column, group in (("wjx_codes_bom.csv", "2、(教学进度)", "2"), ("qualtrics_numeric.xlsx", "Q2_2", "Q2")):
        export = read(name)
        [u] = export.unresolved
        assert (u.column, u.text, u.shown, u.count) == (column, "6", "?6", 2)
        assert "src.note.codes_export" in export.notes
        resolved = read(name, codebook={group: {"6": None}})
        assert resolved.unresolved == () and resolved.column(u.item) == _rate(False, 1)


def test_skipped_blank_and_not_applicable_are_missing_never_zero():
    wjx = read("wjx_text_gbk.csv")
    assert wjx.column(Q_ZH["overall"])[5] is None  # (跳过)
    assert wjx.column("第2题 - 师生互动")[2] is None  # (空)
    assert wjx.column("第2题 - 教学进度")[1] is None  # 不适用
    assert wjx.column(Q_ZH["comment"])[1] is None  # (空) in open text
    codes = read("wjx_codes.xls")
    assert codes.column(Q_ZH["overall"])[5] is None and codes.column("第2题 - 师生互动")[2] is None  # -3, -2
    assert read("surveymonkey.csv").column(f"{Q_EN['rate']} - Pace")[1] is None  # N/A
    assert read("plain.csv").column("总体满意度")[5] is None  # 不适用
    for text in ("(跳过)", "（空）", "N/A", "Not applicable", "Don't know", "skipped"):
        assert is_not_applicable(text), text


def test_new_common_labels_reach_the_importer_too():
    sat5 = standard_scale("5")
    assert interpret("Definitely will", sat5).value == 5.0 and interpret("从不", sat5).value == 1.0
    assert interpret("(跳过)", sat5).missing


# --- tool-specific facts -----------------------------------------------------------------------


def test_tencent_leading_tabs_are_taken_off_and_newest_first_is_kept():
    export = read("tencent.csv")
    assert export.respondent_ids == ("6", "5", "4", "3", "2", "1")
    assert export.field_values["start_time"][0] == "2026-03-02 14:00:00"
    assert export.field_values["duration_seconds"][-1] == "120"
    assert "src.note.newest_first" in export.notes
    assert export.field_values["region"][0] == "中国 / 北京 / 北京"


def test_respondent_fields_are_fields_never_items():
    wjx = read("wjx_text_utf8.csv")
    assert [f.name for f in wjx.fields] == ["end_time", "duration_seconds", "channel", "source_detail"]
    assert wjx.field_values["duration_seconds"][:2] == ("120", "157")  # from "120秒"
    assert not any(c in ("提交答卷时间", "所用时间", "来源") for i in wjx.items for c in i.columns)
    lime = read("limesurvey_codes.csv")
    assert lime.field_values["language"] == ("en",) * 6 and ("seed", "technical") in {
        (d.column, d.reason) for d in lime.dropped
    }
    assert duration_seconds("3分6秒") == "186" and duration_seconds("1h 2m 3s") == "3723"


PERSONAL = ("192.0.2.", "example.org", "First1", "Last1", "Test 1", "昵称1", "2837460", "S001", "52.52")


@pytest.mark.parametrize("name", [n for n in NAMES if n != "plain.csv"])
def test_personal_data_is_left_out_by_default(name):
    export = read(name)
    written = export.to_plain_csv(fields=True).decode("utf-8-sig")
    report = json.dumps(export.report("en"), ensure_ascii=False)
    for value in PERSONAL:
        assert value not in written and value not in report, (name, value)
    assert not any(f.personal for f in export.fields)


def test_personal_data_is_kept_when_asked():
    qualtrics = read("qualtrics_text.csv", keep_personal=True)
    assert qualtrics.field_values["ip"][0] == "192.0.2.10"
    assert qualtrics.field_values["email"][0] == "respondent1@example.org"
    assert qualtrics.field_values["location"][0] == "52.52 / 13.40"
    assert {f.name for f in qualtrics.fields if f.personal} == {
        "ip",
        "last_name",
        "first_name",
        "email",
        "user_id",
        "location",
    }
    assert "192.0.2.10" in qualtrics.to_plain_csv(fields=True).decode("utf-8-sig")
    assert "192.0.2.10" not in qualtrics.to_plain_csv().decode("utf-8-sig")  # items only
    tencent = read("tencent.csv", keep_personal=True)
    assert tencent.field_values["nickname"][0] == "昵称6" and tencent.field_values["user_id"][0] == "2837465"


# --- the plain CSV and the command line -------------------------------------------------------------


def test_the_plain_csv_reads_back_through_the_importers_reader():
    export = read("wjx_text_gbk.csv")
    written = export.to_plain_csv()
    assert written.startswith(b"\xef\xbb\xbf")
    table = open_table(written, "normalized.csv")
    assert table.header == ["respondent_id", *(i.label for i in export.items)]
    rows = [r for chunk in table.chunks() for r in chunk.rows]
    assert rows[0][:7] == ["1", "5", "5", "4", "5", "10", "7"]
    assert rows[2][-1] == RESPONDENTS[2].comment_zh  # line breaks inside a cell stay one row, kept in full
    assert rows[5][1] == ""  # skipped


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "survey", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_cli_normalize_writes_the_csv_and_the_report(tmp_path):
    out, report = tmp_path / "out.csv", tmp_path / "report.json"
    done = run_cli(
        "normalize", str(FOLDER / "qualtrics_numeric_bom.csv"), "-o", str(out), "--report", str(report), "--lang", "en"
    )
    assert done.returncode == 0, done.stderr
    assert "Recognised Qualtrics" in done.stdout and "“IPAddress”" in done.stdout
    assert "Q2_2" in done.stderr and "?6" in done.stderr  # the code left unscored, and how to say what it is
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    header, first, second = rows[0], rows[1], rows[2]
    assert header[:3] == ["respondent_id", Q_EN["overall"], f"{Q_EN['rate']} - Teaching content"]
    assert first[:8] == ["R_01TestAbCdEf", "5", "5", "4", "5", "10", "7", "1"]
    assert second[:6] == ["R_02TestAbCdEf", "4", "4", "?6", "3", "8"]
    assert rows[6][1] == ""  # skipped: empty, never 0
    found = json.loads(report.read_text(encoding="utf-8"))
    assert (found["tool"], found["header_rows"], found["respondents"]) == ("qualtrics", 3, 6)
    assert {"column": "IPAddress", "reason": "personal"}.items() <= found["dropped"][0].items()
    nps = next(i for i in found["items"] if i["columns"] == ["Q3"])
    assert (nps["kind"], nps["minimum"], nps["maximum"]) == ("recommend", 0, 10)
    pace = next(i for i in found["items"] if i["columns"] == ["Q2_2"])
    assert (pace["group"], pace["row"], pace["minimum"], pace["maximum"]) == ("Q2", "Pace", 1, 5)
    assert found["unresolved"][0]["rows"] == [5, 8]


def test_cli_normalize_takes_a_format_and_a_codebook(tmp_path):
    codebook = tmp_path / "codes.json"
    codebook.write_text(json.dumps({"Q2": {"6": None}}), encoding="utf-8")
    out = tmp_path / "out.csv"
    done = run_cli(
        "normalize",
        str(FOLDER / "qualtrics_numeric.xlsx"),
        "-o",
        str(out),
        "--format",
        "qualtrics",
        "--codebook",
        str(codebook),
        "--fields",
    )
    assert done.returncode == 0 and "?6" not in done.stderr, done.stderr
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows[2][3] == "" and rows[0][-1] == "language" and rows[1][-1] == "EN"


def test_cli_refuses_what_it_cannot_do(tmp_path):
    bad = run_cli("normalize", str(FOLDER / "tencent.csv"), "-o", str(tmp_path / "x.csv"), "--format", "spss")
    assert bad.returncode == 2
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    done = run_cli("normalize", str(empty), "-o", str(tmp_path / "x.csv"), "--lang", "en")
    assert done.returncode == 1 and "The file is empty" in done.stderr
    wrong = run_cli(
        "normalize", str(FOLDER / "tencent.csv"), "-o", str(tmp_path / "x.csv"), "--format", "qualtrics", "--lang", "en"
    )
    assert wrong.returncode == 1 and "does not look like" in wrong.stderr


# --- recognising headers written by hand, and any input ---------------------------------------------


@pytest.mark.parametrize(
    ("header", "tool"),
    [
        (["ID", "开始时间", "完成时间", "电子邮件", "名称", "上次修改时间", "满意度"], "ms-forms"),
        (["时间戳记", "您对课程满意吗？", "请评价 [内容]"], "google-forms"),
        (["编号", "开始答题时间", "结束答题时间", "答题时长", "1.满意度"], "tencent"),
        (["Response ID", "Date submitted", "Last page", "Start language", "Seed", "Q1"], "limesurvey"),
        (["respondent_id", "Q1", "Q2"], "csv"),
    ],
)
def test_headers_of_other_language_versions_are_recognised(header, tool):
    assert detect_tool(csv_file([header, ["1"] * len(header)]), "x.csv")[0] == tool


TOKENS = st.sampled_from(
    [
        "",
        "1",
        "6",
        "-3",
        "很满意",
        "(跳过)",
        "Y",
        "A4",
        "a┋b",
        "x;y;",
        "10 - Extremely likely",
        'say "hi", then\nbye',
        "StartDate",
        "序号",
        "Q2_1",
        "2、(行)",
        "Timestamp",
        "=1+1",
    ]
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.lists(TOKENS, min_size=1, max_size=6), min_size=1, max_size=6),
    tool=st.sampled_from(["auto", *TOOLS]),
)
def test_any_file_is_read_or_refused_with_a_message(rows, tool):
    try:
        export = normalize(csv_file(rows), "random.csv", tool=tool)
    except (ReadError, SourceError) as err:
        assert err.message.startswith(("imp.", "src."))
        return
    assert len(export.respondent_ids) == len(export.answers) == len(export.row_numbers)
    assert all(len(row) == len(export.items) for row in export.answers)
    assert all(v is None or isinstance(v, float | str) for row in export.answers for v in row)
    open_table(export.to_plain_csv(fields=True), "normalized.csv")  # the importer can read what we write


def test_a_file_whose_extra_header_rows_were_deleted_loses_no_respondent():
    qualtrics = list(csv.reader(io.StringIO(data("qualtrics_text.csv").decode())))
    export = normalize(csv_file([qualtrics[0], *qualtrics[3:]]), "q.csv")
    assert (export.tool, export.header_rows, len(export.respondent_ids)) == ("qualtrics", 1, 6)
    monkey = list(csv.reader(io.StringIO(data("surveymonkey.csv").decode())))
    export = normalize(csv_file([monkey[0], *monkey[2:]]), "m.csv")
    assert (export.tool, export.header_rows, len(export.respondent_ids)) == ("surveymonkey", 1, 6)
    assert export.column(Q_EN["nps"]) == [float(r.nps) for r in RESPONDENTS]
