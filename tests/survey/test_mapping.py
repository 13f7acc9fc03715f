"""Column auto-mapping and answer texts → scale points."""

from dataclasses import replace

import pytest

from survey.design.definition import Node, Scale, ScalePoint
from survey.importing.mapping import (
    RESPONDENT,
    WAVE,
    answer_texts,
    column_keys,
    interpret,
    normalise,
    parse_number,
    propose_columns,
    scale_labels,
    targets,
)
from tests.survey.importing_example import LIKELY, SAT5, SAT7, course_survey


def test_normalise_ignores_width_case_spaces_and_punctuation():
    assert normalise("Ｑ３．教学内容 实用！") == "q3教学内容实用"
    assert normalise("  Useful_P ") == "usefulp"
    assert normalise("ｕｓｅｆｕｌ＿ｐ") == normalise("useful_p")


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("useful_p", "useful_p"),
        ("USEFUL_P ", "useful_p"),
        ("ｕｓｅｆｕｌ＿ｐ", "useful_p"),
        ("Q3. 教学内容实用", "useful_p"),
        ("3、教学内容实用（1-5分）", "useful_p"),
        ("第3题 教学内容实用", "useful_p"),
        ("The content is useful", "useful_p"),
        ("教学内容实用：期望", "useful_e"),
        ("教学进度合适", "pace_p"),
        ("推荐可能性", "nps"),
        ("NPS", "nps"),
        ("respondent_id", RESPONDENT),
        ("ID", RESPONDENT),
        ("编号", RESPONDENT),
        ("序号", RESPONDENT),
        ("期次", "wave"),
        ("批次", "wave"),
        ("period", "wave"),
        ("班级", "class"),
        ("区域", "region"),
        ("City", "region"),
        ("备注", None),
        ("渠道", None),  # the survey has no channel attribute
    ],
)
def test_a_column_maps_by_code_label_or_common_name(header, target):
    assert propose_columns(course_survey(), [header]) == {header: target}


def test_a_comments_column_maps_to_the_one_comment_item_by_its_label_or_a_common_name():
    comment = Node("note", "item", "您的意见", "Your comments", role="comment")
    defn = replace(course_survey(), nodes=(*course_survey().nodes, comment))
    assert "note" in {t.value for t in targets(defn)}
    for header in ("您的意见", "Q9. Your comments", "备注", "其他意见和建议", "Comments", "Feedback"):
        assert propose_columns(defn, [header]) == {header: "note"}, header
    assert propose_columns(defn, ["班级", "备注"]) == {"班级": "class", "备注": "note"}
    two = replace(defn, nodes=(*defn.nodes, replace(comment, code="note2", label_zh="建议", label_en="Ideas")))
    assert propose_columns(two, ["备注", "建议"]) == {"备注": None, "建议": "note2"}  # which one? the user says


def test_without_a_wave_item_the_wave_goes_to_the_wave_field():
    defn = replace(course_survey(), nodes=tuple(n for n in course_survey().nodes if n.code != "wave"))
    assert propose_columns(defn, ["期次"]) == {"期次": WAVE}
    assert propose_columns(defn, ["期次", "wave"]) == {"期次": None, "wave": WAVE}  # the closer name wins
    assert WAVE in {t.value for t in targets(defn)} and WAVE not in {t.value for t in targets(course_survey())}


def test_each_target_takes_one_column_the_best_match_first():
    found = propose_columns(course_survey(), ["序号", "respondent_id", "教学内容实用", "useful_p"])
    assert found == {"序号": None, "respondent_id": RESPONDENT, "教学内容实用": None, "useful_p": "useful_p"}


def test_a_remembered_mapping_wins_for_its_columns():
    remembered = {"Q1": "useful_p", "备注": None, "old": "no_such_item"}
    found = propose_columns(course_survey(), ["Q1", "useful_p", "备注", "old"], remembered)
    assert found == {"Q1": "useful_p", "useful_p": None, "备注": None, "old": None}


def test_the_problem_column_of_a_rejected_rows_file_is_left_alone():
    assert propose_columns(course_survey(), ["useful_p", "导入问题", "import problem"]) == {
        "useful_p": "useful_p",
        "导入问题": None,
        "import problem": None,
    }


def test_column_keys_are_unique_and_never_blank():
    assert column_keys(["a", "", "a", " b "]) == ["a", "#2", "a#3", "b"]


@pytest.mark.parametrize(
    ("text", "scale", "value"),
    [
        ("很满意", SAT5, 5.0),
        ("非常满意", SAT5, 5.0),
        ("Very satisfied", SAT5, 5.0),
        ("very  SATISFIED ", SAT5, 5.0),
        ("满意", SAT5, 4.0),
        ("一般", SAT5, 3.0),
        ("很不满意", SAT5, 1.0),
        ("满意", SAT7, 6.0),
        ("一般", SAT7, 4.0),
        ("较满意", SAT7, 5.0),
        ("9 - very likely", LIKELY, 9.0),
        ("极有可能", LIKELY, 10.0),
        ("0 - not at all likely", LIKELY, 0.0),
        ("5分", SAT5, 5.0),
        ("５", SAT5, 5.0),
        ("４分", SAT5, 4.0),
        ("五分", SAT5, 5.0),
        ("(4) 满意", SAT5, 4.0),
        ("很满意（5）", SAT5, 5.0),
        ("满意 - 4", SAT5, 4.0),
        ("4.0", SAT5, 4.0),
        (" 3 ", SAT5, 3.0),
        ("'-", SAT5, None),
    ],
)
def test_answer_texts_become_scale_points(text, scale, value):
    answer = interpret(text, scale)
    assert answer.problem is None and answer.value == value


@pytest.mark.parametrize(
    "text",
    ["", "  ", "不适用", "N/A", "n/a", "Not applicable", "不知道", "Don't know", "#N/A", "-", "--", "/", "无", "NaN"],
)
def test_not_applicable_and_dont_know_are_missing_never_zero(text):
    answer = interpret(text, SAT5)
    assert answer.missing and answer.value is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("6", "imp.off_scale"),
        ("0", "imp.off_scale"),
        ("-1", "imp.off_scale"),
        ("4.5", "imp.not_whole"),
        ("4.5分", "imp.not_whole"),
        ("=1+1", "imp.formula"),
        ("'=1+1", "imp.formula"),
        ("=A1", "imp.formula"),
        ("hello", "imp.not_a_number"),
        ("1e3", "imp.not_a_number"),
        ("inf", "imp.not_a_number"),
        ("1-5", "imp.not_a_number"),
        ("2025-03-01", "imp.not_a_number"),
        ("4,5", "imp.not_a_number"),
        ("x" * 5000, "imp.not_a_number"),
        ("4\x00", "imp.bad_character"),
        ("4\x07", "imp.bad_character"),
        ("满意\ufffe", "imp.bad_character"),
        ("4\x1f", "imp.bad_character"),  # counts as a space for str.strip(), refused all the same
        ("\x0b4", "imp.bad_character"),
    ],
)
def test_unusable_answers_are_refused_with_a_reason(text, problem):
    answer = interpret(text, SAT5)
    assert answer.value is None and answer.problem == problem


def test_the_users_labels_come_first_and_may_differ_by_scale():
    labels = {"还行": 4, "99": None, "一般": {"sat7": 4, "sat5": 3}, "超级满意": 9, "好评": "five"}
    assert interpret("还行", SAT5, labels).value == 4.0
    assert interpret("99", SAT5, labels).missing
    assert interpret("一般", SAT7, labels).value == 4.0 and interpret("一般", SAT5, labels).value == 3.0
    assert interpret("  还 行 ", SAT5, labels).value == 4.0  # matched after normalising
    assert interpret("超级满意", SAT5, labels).problem == "imp.off_scale"
    assert interpret("好评", SAT5, labels).problem == "imp.label_value_bad"
    assert interpret("一般", LIKELY, labels).problem == "imp.not_a_number"  # no entry for this scale


def test_a_scales_own_labels_win_and_a_clashing_common_set_is_not_used():
    odd = Scale("odd5", "custom", 1, 5, (ScalePoint(1, "满意", "Satisfied"), ScalePoint(5, "不满意", "Dissatisfied")))
    labels = scale_labels(odd)
    assert labels[normalise("满意")] == 1 and labels[normalise("Dissatisfied")] == 5
    assert normalise("很满意") not in labels  # the common 5-point set contradicts this scale


def test_parse_number_reads_only_plain_decimals():
    assert [parse_number(x) for x in ("3", "+3", "-2", ".5", "3.25", "10 points", "7 pts")] == [
        3.0,
        3.0,
        -2.0,
        0.5,
        3.25,
        10.0,
        7.0,
    ]
    assert [parse_number(x) for x in ("1_000", "1e3", "0x10", "nan", "∞", "三")] == [None] * 6


def test_answer_texts_lists_texts_with_their_proposals_most_frequent_first():
    found = answer_texts("Q1", "useful_p", SAT5, {"很满意": 3, "不适用": 5, "棒": 1})
    assert [(a.text, a.count, a.proposed, a.known) for a in found] == [
        ("不适用", 5, None, True),
        ("很满意", 3, 5.0, True),
        ("棒", 1, None, False),
    ]
    again = answer_texts("Q1", "useful_p", SAT5, {"棒": 1}, {"棒": 5})
    assert (again[0].proposed, again[0].known) == (5.0, True)
