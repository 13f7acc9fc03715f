"""Validation of file rows against a survey, the problem report and its texts (no database)."""

import csv
import io
import json
import re
import string
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from survey.characters import has_bad_character, normal_text, trim
from survey.design.definition import COMMENT_MAX, Choice, Node
from survey.i18n import MESSAGES, text
from survey.importing.mapping import RESPONDENT
from survey.importing.reading import Chunk
from survey.importing.validation import (
    ATTRIBUTE_MAX,
    WAVE_MAX,
    ImportProblem,
    Validator,
    plan_columns,
    report_csv,
    spreadsheet_safe,
)
from tests.survey.importing_example import course_survey

ROOT = Path(__file__).resolve().parents[2]
HEADER = ["编号", "期次", "教学内容实用", "useful_e", "教学进度合适", "推荐可能性", "班级", "备注"]
MAPPING = {
    "编号": RESPONDENT,
    "期次": "wave",
    "教学内容实用": "useful_p",
    "useful_e": "useful_e",
    "教学进度合适": "pace_p",
    "推荐可能性": "nps",
    "班级": "class",
    "备注": None,
}


def validator(known=None, lang="en", mapping=MAPPING, header=HEADER):
    plan, problems = plan_columns(course_survey(), header, mapping)
    assert [p for p in problems if p.level == "error"] == []
    return Validator(plan, known=known, lang=lang, header=header)


def chunk(rows, first=2):
    return Chunk([list(r) for r in rows], list(range(first, first + len(rows))), 1.0)


def found(v):
    return [(p.row, p.column, p.value, p.message) for p in v.problems]


def test_valid_rows_become_json_answers_and_attributes():
    v = validator()
    out = v.check(
        chunk(
            [
                ["s1", "2025春", "很满意", "", "满意", "9 - very likely", "1班", "x"],
                ["s2", "2025秋", "4", "不适用", "7", "10", "", ""],
            ]
        )
    )
    assert v.problems == [] and out.rows == [2, 3] and out.respondents == ["s1", "s2"]
    assert out.waves == ["2025春", "2025秋"]
    assert [json.loads(a) for a in out.answers] == [
        {"useful_p": 5.0, "useful_e": None, "pace_p": 6.0, "nps": 9.0},
        {"useful_p": 4.0, "useful_e": None, "pace_p": 7.0, "nps": 10.0},
    ]
    assert [json.loads(a) for a in out.attributes] == [{"wave": "2025春", "class": "1班"}, {"wave": "2025秋"}]
    assert v.rejected_csv() is None


def test_each_problem_names_the_row_as_the_user_sees_it_the_column_and_the_value():
    v = validator()
    out = v.check(
        chunk(
            [
                ["s1", "w", "6", "", "", "", "", ""],  # row 2: off the scale
                ["s2", "w", "4.5", "", "", "", "", ""],  # row 3: not a whole number
                ["s3", "w", "棒极了", "", "", "", "", ""],  # row 4: text in a number column
                ["s4", "w", "", "3", "", "", "", ""],  # row 5: required item missing
                ["s1", "w", "4", "", "", "", "", ""],  # row 6: duplicate of row 2
                ["s5", "w", "=1+1", "", "", "", "", ""],  # row 7: a formula
                ["s6", "w", "4", "", "", "11", "=HYPERLINK()", ""],  # row 8: off scale, formula as text
                ["s7", "w", "4", "", "", "", "x" * 201, ""],  # row 9: too long
                ["s8", "w", "4", "", "", "", "a\x00b", ""],  # row 10: NUL
                ["s9", "w", "4", "", "", "", "", "", "extra"],  # row 11: more cells than the header
                ["s10", "w", "4", "", "", "", "", ""],  # row 12: fine
                ["s1", "w2", "3", "", "", "", "", ""],  # row 13: same id, other wave: fine
            ]
        )
    )
    assert out.rows == [12, 13]
    assert found(v) == [
        (2, "教学内容实用", "6", "imp.off_scale"),
        (3, "教学内容实用", "4.5", "imp.not_whole"),
        (4, "教学内容实用", "棒极了", "imp.not_a_number"),
        (5, "教学内容实用", "", "imp.required_missing"),
        (6, "编号", "s1", "imp.duplicate_in_file"),
        (7, "教学内容实用", "=1+1", "imp.formula"),
        (8, "推荐可能性", "11", "imp.off_scale"),
        (8, "班级", "=HYPERLINK()", "imp.formula_text"),
        (9, "班级", "x" * 80 + "…", "imp.too_long"),
        (10, "班级", "a[U+0000]b", "imp.bad_character"),
        (11, None, "extra", "imp.extra_cells"),
    ]
    assert v.problems[4].params == {"first": 2}
    assert (v.rows_read, v.rows_valid, v.rows_rejected, v.problem_count) == (12, 2, 10, 11)


def test_duplicates_are_found_across_chunks_and_against_earlier_imports():
    asked = []

    def known(ids):
        asked.append(ids)
        return {"old": {"w"}, "other-wave": {"w0"}}

    v = validator(known=known)
    v.check(chunk([["a", "w", "4", "", "", "", "", ""], ["old", "w", "4", "", "", "", "", ""]]))
    out = v.check(chunk([["a", "w", "5", "", "", "", "", ""], ["other-wave", "w", "5", "", "", "", "", ""]], first=4))
    assert found(v) == [(3, "编号", "old", "imp.duplicate_earlier"), (4, "编号", "a", "imp.duplicate_in_file")]
    assert out.respondents == ["other-wave"] and asked == [["a", "old"], ["a", "other-wave"]]


def test_a_row_without_any_answer_is_refused():
    defn = course_survey()
    optional = replace(defn, nodes=tuple(replace(n, required=False) for n in defn.nodes))
    plan, _ = plan_columns(optional, HEADER, MAPPING)
    v = Validator(plan)
    v.check(chunk([["s1", "w", "", "", "", "", "1班", ""], ["s2", "w", "", "3", "", "", "", ""]]))
    assert found(v) == [(2, None, None, "imp.row_empty")]


def test_a_comment_is_planned_with_its_own_limit_and_counts_as_an_answer():
    defn = course_survey()
    comment = Node("note", "item", "备注", "Note", role="comment")
    optional = replace(defn, nodes=(*(replace(n, required=False) for n in defn.nodes), comment))
    plan, problems = plan_columns(optional, HEADER, {**MAPPING, "备注": "note"})
    assert [p for p in problems if p.level == "error"] == []
    [note] = [c for c in plan.attributes if c.code == "note"]
    assert (note.limit, note.comment) == (COMMENT_MAX, True)
    assert {c.code: c.limit for c in plan.attributes if c.code != "note"} == {"wave": WAVE_MAX, "class": ATTRIBUTE_MAX}
    v = Validator(plan)
    written = '第一行, "引号"\n第二行' + "长" * 500
    out = v.check(chunk([["s1", "w", "", "", "", "", "", written], ["s2", "w", "", "", "", "", "1班", " "]]))
    assert found(v) == [(3, None, None, "imp.row_empty")]  # a class alone is no answer; a comment is
    assert [json.loads(a) for a in out.attributes] == [{"wave": "w", "note": written}]


def test_rejected_rows_keep_their_cells_and_say_what_is_wrong_safely():
    v = validator(lang="zh")
    v.check(chunk([["s1", "w", "=1+1", "", "", "", "-x", "+1+1"], ["s2", "w", "4", "", "", "", "", ""]]))
    rows = list(csv.reader(io.StringIO(v.rejected_csv().decode("utf-8-sig"))))
    assert v.rejected_csv().startswith(b"\xef\xbb\xbf")
    assert rows[0] == [*HEADER, "导入问题"]
    assert rows[1][:8] == ["s1", "w", "'=1+1", "", "", "", "'-x", "'+1+1"]
    assert rows[1][8] == "教学内容实用: " + text("zh", "imp.formula", value="=1+1")


def test_a_fixed_rejected_rows_file_reads_back_as_the_original():
    v = validator()
    out = v.check(chunk([["'-s1", "w", "4", "", "", "", "'+86 21", "'@x"]]))
    assert out.respondents == ["-s1"] and json.loads(out.attributes[0]) == {"wave": "w", "class": "+86 21"}


def test_the_mapping_is_checked_as_a_whole():
    defn = course_survey()
    header = ["a", "b", "c", "d"]
    _, problems = plan_columns(defn, header, {"a": "useful_p", "b": "useful_p", "c": "nope", "d": None, "zz": "nps"})
    assert [(p.column, p.message, p.level) for p in problems] == [
        ("zz", "imp.mapping_column_missing", "notice"),
        ("b", "imp.mapping_twice", "error"),
        ("c", "imp.mapping_unknown_target", "error"),
        ("d", "imp.column_ignored", "notice"),
    ]
    _, problems = plan_columns(defn, header, {"a": "nps"})
    assert [(p.message, p.params) for p in problems if p.level == "error"] == [
        ("imp.required_no_column", {"item": "useful_p"})
    ]
    _, problems = plan_columns(defn, header, {"a": "class"})
    assert "imp.no_items_mapped" in [p.message for p in problems]


def test_the_report_is_in_the_users_language_and_safe_to_open():
    problems = [
        ImportProblem(3, "教学内容实用", "=1+1", "imp.formula"),
        ImportProblem(None, "备注", None, "imp.column_ignored", level="notice"),
        ImportProblem(4, "推荐可能性", "-1", "imp.off_scale", {"min": 0, "max": 10}),
    ]
    zh = report_csv(problems, "zh")
    assert zh.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(zh.decode("utf-8-sig"))))
    assert rows[0] == ["行号", "列", "值", "问题及处理办法"]
    assert rows[1][:3] == ["3", "教学内容实用", "'=1+1"] and rows[1][3].startswith("“=1+1”是公式")
    assert rows[2][:3] == ["", "备注", ""]
    assert rows[3][2] == "-1"  # a plain number is left alone
    en = list(csv.reader(io.StringIO(report_csv(problems, "en").decode("utf-8-sig"))))
    assert en[0] == ["Row", "Column", "Value", "Problem and what to do"] and "off the scale 0–10" in en[3][3]


def test_spreadsheet_safe_neutralises_formula_starts_only():
    cells = ["=1+1", "+1+1", "-x", "@SUM(A1)", "\tx", "\r=1", "-1", "+2.5", "a=b", "", None, 5]
    assert [spreadsheet_safe(c) for c in cells] == [
        "'=1+1",
        "'+1+1",
        "'-x",
        "'@SUM(A1)",
        "'\tx",
        "'\r=1",
        "-1",
        "+2.5",
        "a=b",
        "",
        "",
        "5",
    ]


# --- translations -------------------------------------------------------------------------

# the plain-file importer: survey/importing/*.py and its mapping package (not the survey tools' sources/)
IMPORT_MODULES = sorted((ROOT / "survey" / "importing").glob("*.py")) + sorted(
    (ROOT / "survey" / "importing" / "mapping").glob("*.py")
)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_import_message_id_in_the_code_exists_in_both_languages():
    used = set()
    for path in IMPORT_MODULES:
        source = path.read_text()
        used |= set(re.findall(r"""["'](imp\.[a-z0-9_.]+)["']""", source))
    assert len(used) > 30
    assert sorted(k for k in used if k not in MESSAGES) == []
    for key in used:
        zh, en = MESSAGES[key]
        assert placeholders(zh) == placeholders(en), key


PARAMS = {"value", "column"}  # ImportProblem.text always supplies these


def assert_fillable(problem: ImportProblem) -> None:
    needed = placeholders(MESSAGES[problem.message][1])
    assert needed <= PARAMS | set(problem.params), (problem.message, needed, problem.params)
    fill = {"value": problem.value or "", "column": problem.column or "", **problem.params}
    for zh_or_en in MESSAGES[problem.message]:
        zh_or_en.format(**fill)  # KeyError if a placeholder has no value


# --- property: any rows are either stored exactly or refused with a message -------------------

GOOD = {
    "1": 1.0,
    "5": 5.0,
    "很满意": 5.0,
    "Very dissatisfied": 1.0,
    "4分": 4.0,
    "３": 3.0,
    "不适用": None,
    "N/A": None,
    "": None,
}
BAD = ["0", "6", "4.5", "=1+1", "hello", "x" * 300, "a\x00b", "1e3", "-3"]
cell = st.one_of(st.sampled_from(sorted(GOOD)), st.sampled_from(BAD), st.text(max_size=12))
attribute = st.one_of(
    st.sampled_from(["1班", "", "=1+1", "y" * 250, "b\x00", "c\x07", "d\ufffe", "e\u0301", "\u00e9"]),
    st.text(max_size=8),
)
ident = st.sampled_from(["a", "b", "c", "d", "", "=id", "e\x1f", "\u00e9", "e\u0301"])


@settings(max_examples=150)
@given(st.lists(st.tuples(ident, cell, cell, attribute), min_size=1, max_size=12), st.integers(1, 5))
def test_every_row_is_either_stored_exactly_or_refused_with_a_reason(rows, size):
    header = ["编号", "教学内容实用", "useful_e", "班级"]
    mapping = {"编号": RESPONDENT, "教学内容实用": "useful_p", "useful_e": "useful_e", "班级": "class"}
    v = validator(mapping=mapping, header=header)
    stored = []
    for start in range(0, len(rows), size):
        part = rows[start : start + size]
        out = v.check(chunk([list(r) for r in part], first=start + 2))
        stored += list(zip(out.rows, out.respondents, map(json.loads, out.answers), map(json.loads, out.attributes)))
    bad_rows = {p.row for p in v.problems}
    for p in v.problems:
        assert p.level == "error" and p.row is not None
        assert_fillable(p)
    seen, expected = set(), []
    for number, (rid, useful, expect, cls) in enumerate(rows, start=2):
        rid_clean = normal_text(trim(rid)) or None  # "é" typed either way is one respondent
        rid_bad = rid_clean is not None and (rid_clean.startswith("=") or has_bad_character(rid_clean))
        dup = rid_clean is not None and rid_clean in seen
        if rid_clean is not None and not rid_bad:
            seen.add(rid_clean)
        clean_cls = normal_text(trim(cls))
        if clean_cls.startswith("'") and clean_cls[1:2] in ("=", "+", "-", "@"):
            clean_cls = clean_cls[1:]
        cls_bad = has_bad_character(clean_cls) or clean_cls.startswith("=") or len(clean_cls) > 200
        must_reject = useful in BAD or GOOD.get(useful, 0) is None or expect in BAD or dup or rid_bad or cls_bad
        if must_reject:
            assert number in bad_rows
        elif useful in GOOD and expect in GOOD:
            attrs = {"class": clean_cls} if clean_cls else {}
            expected.append((number, rid_clean, {"useful_p": GOOD[useful], "useful_e": GOOD[expect]}, attrs))
    # rows made of random text may still be valid (e.g. " 4 "): compare only the cells we know
    known_rows = [s for s in stored if s[0] in {e[0] for e in expected}]
    assert known_rows == expected
    assert v.rows_valid + v.rows_rejected == v.rows_read == len(rows)
    assert set(r for r, *_ in stored).isdisjoint(bad_rows)


def test_a_class_with_a_choice_list_takes_its_values_and_labels_and_names_any_other():
    defn = course_survey()
    classes = (Choice("1班", "一班", "Class 1"), Choice("2班", "二班", "Class 2"))
    defn = replace(defn, nodes=tuple(replace(n, choices=classes) if n.code == "class" else n for n in defn.nodes))
    plan, _ = plan_columns(defn, HEADER, MAPPING)
    v = Validator(plan, known=None, lang="zh", header=HEADER)
    cells = ("1班", "一班", "class 2", "", "三班")
    rows = [[f"s{i}", "w", "4", "", "", "", cell, ""] for i, cell in enumerate(cells)]
    out = v.check(chunk(rows))
    assert [json.loads(a).get("class") for a in out.attributes] == ["1班", "1班", "2班", None]  # one segment each
    assert found(v) == [(6, "班级", "三班", "imp.choice_bad")]  # the row, the column and the value named
    assert "1班、2班" in v.problems[0].text("zh")
