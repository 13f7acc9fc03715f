"""A survey drafted from a survey tool's export: valid, shaped like the questionnaire, and matched column by column.

The round trip (draft → save → import the same file) runs on a database in
tests/db/test_sources_import.py.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from survey.design.definition import problems
from survey.importing.mapping import RESPONDENT
from survey.importing.sources import normalize
from survey.importing.sources.draft import draft_columns, draft_definition, export_language
from survey.importing.sources.importing import plain_header, propose_columns
from survey.importing.sources.model import AnswerColumn
from tests.survey.make_source_fixtures import (
    AGREE_EN,
    AGREE_ZH,
    FIXTURES,
    FOLDER,
    LONG_COMMENT_EN,
    Q_EN,
    Q_ZH,
    RESPONDENTS,
    ROWS_EN,
    ROWS_ZH,
)

NAMES = sorted(FIXTURES)


def read(name: str, **options):
    return normalize((FOLDER / name).read_bytes(), name, **options)


def drafted(name: str, **options):
    export = read(name, **options)
    return export, draft_definition(export, "课程反馈", export_language(export))


@pytest.mark.parametrize("name", NAMES)
def test_every_fixture_drafts_a_valid_survey_whose_items_take_every_column(name):
    export, defn = drafted(name)
    assert problems(defn) == []
    lang = export_language(export)
    labels = {n.label(lang): n for n in defn.items}
    assert all(i.label in labels for i in export.items)  # one item per column, labelled as the file
    proposed = propose_columns(defn, export)
    header = plain_header(export)
    assert proposed[header[0]] == RESPONDENT
    for key, item in zip(header[1:], export.items):
        assert proposed[key] == labels[item.label].code, item.label
    assert proposed == draft_columns(export, defn)


def test_language_of_the_file_decides_where_labels_go():
    zh_export, zh = drafted("wjx_text.xlsx")
    en_export, en = drafted("qualtrics_text.csv")
    assert (export_language(zh_export), export_language(en_export)) == ("zh", "en")
    assert (zh.title_zh, zh.title_en, en.title_zh, en.title_en) == ("课程反馈", "", "", "课程反馈")
    overall = next(n for n in zh.items if n.label_zh == Q_ZH["overall"])
    assert overall.label_en == ""  # shown from the Chinese label until the user translates it
    assert "问卷星" in zh.description_zh and "Wenjuanxing" in zh.description_en


@pytest.mark.parametrize(("name", "q", "rows"), [("qualtrics_text.csv", Q_EN, ROWS_EN), ("tencent.csv", Q_ZH, ROWS_ZH)])
def test_a_matrix_becomes_one_indicator_with_its_rows_as_items_on_one_scale(name, q, rows):
    export, defn = drafted(name)
    [indicator] = [n for n in defn.nodes if n.kind == "indicator"]
    assert indicator.label(export_language(export)) == q["rate"]
    assert defn.node(indicator.parent).kind == "dimension"
    members = defn.children(indicator.code)
    assert [m.label(export_language(export)).rsplit(" - ", 1)[1] for m in members] == list(rows)
    assert {m.role for m in members} == {"perception"} and len({m.scale for m in members}) == 1
    scale = defn.scale(members[0].scale)
    assert (scale.minimum, scale.maximum) == (1, 5)


@pytest.mark.parametrize("name", ["qualtrics_text.csv", "wjx_codes.xls", "google_forms.csv", "ms_forms.xlsx"])
def test_the_recommend_question_is_an_nps_item_on_0_to_10(name):
    _export, defn = drafted(name)
    [nps] = defn.items_with_role("recommend")
    assert nps.label("en") in (Q_EN["nps"], Q_ZH["nps"]) and nps.parent is None
    scale = defn.scale(nps.scale)
    assert (scale.minimum, scale.maximum, scale.kind) == (0, 10, "0-10")
    assert scale.label(0, "zh") == "完全不可能" and scale.label(10, "en") == "Extremely likely"


def test_scales_keep_the_files_labels_and_take_the_other_language_from_the_label_set():
    _export, en = drafted("qualtrics_text.csv")
    again = next(n for n in en.items if n.label_en == Q_EN["again"])
    agree = en.scale(again.scale)
    assert (agree.kind, agree.minimum, agree.maximum) == ("7", 1, 7)
    assert [agree.label(v, "en") for v in agree.values] == list(AGREE_EN)
    assert agree.label(1, "zh") == "非常不同意" and agree.label(7, "zh") == "非常同意"
    overall = next(n for n in en.items if n.label_en == Q_EN["overall"])
    assert en.scale(overall.scale).label(5, "en") == "Extremely satisfied"  # Qualtrics' own wording
    _export, zh = drafted("wjx_text.xlsx")
    again = next(n for n in zh.items if n.label_zh == Q_ZH["again"])
    assert [zh.scale(again.scale).label(v, "zh") for v in range(1, 8)] == list(AGREE_ZH)


def test_a_code_export_gets_numbered_scales_without_guessed_labels():
    _export, defn = drafted("wjx_codes.xls")
    again = next(n for n in defn.items if n.label_zh == Q_ZH["again"])
    scale = defn.scale(again.scale)
    assert (scale.minimum, scale.maximum, scale.points) == (1, 7, ())


def test_roles_overall_perception_attributes_for_choices_and_comments_for_open_text():
    _export, defn = drafted("qualtrics_text.csv")
    role = {n.label_en: n.role for n in defn.items}
    assert role[Q_EN["overall"]] == "overall"
    assert role[Q_EN["again"]] == "perception"
    assert role[Q_EN["year"]] == role[Q_EN["heard"]] == "attribute"  # choices: segments
    assert role[Q_EN["comment"]] == role[f"{Q_EN['heard']} - Other"] == "comment"  # open text
    assert all(n.scale is None for n in defn.text_items)
    assert {n.role for n in defn.text_items} == {"attribute", "comment"}
    perception = defn.items_with_role("perception")
    assert all(defn.node(n.parent).kind in ("dimension", "indicator") for n in perception)


def test_segment_fields_become_attributes_but_times_and_personal_data_never_do():
    _export, defn = drafted("qualtrics_text.csv", keep_personal=True)
    codes = {n.code for n in defn.items}
    assert {"channel", "language"} <= codes
    assert not codes & {
        "ip",
        "email",
        "first_name",
        "last_name",
        "user_id",
        "location",
        "start_time",
        "end_time",
        "duration_seconds",
    }
    assert defn.node("channel").label_zh == "来源渠道" and defn.node("channel").label_en == "Channel"
    _export, tencent = drafted("tencent.csv", keep_personal=True)
    assert {"region", "user_type"} <= {n.code for n in tencent.items}
    assert not {"nickname", "user_id"} & {n.code for n in tencent.items}


def test_a_wave_column_of_a_plain_file_becomes_the_wave_attribute():
    _export, defn = drafted("plain.csv")
    assert defn.node("wave").role == "attribute" and defn.node("wave").label_zh == "调查批次"


def test_an_untitled_draft_gets_a_title_and_long_labels_are_cut_to_the_limit():
    export = read("qualtrics_text.csv")
    export = replace(export, items=(replace(export.items[0], label="Q" * 800), *export.items[1:]))
    defn = draft_definition(export, "   ", "en")
    assert defn.title_en == "Survey drafted from an export" and problems(defn) == []
    assert len(next(n for n in defn.items if n.label_en.startswith("QQQ")).label_en) == 500


@pytest.mark.parametrize("name", NAMES)
def test_every_open_text_question_becomes_a_comment_item_and_every_column_is_kept(name):
    export, defn = drafted(name)
    lang = export_language(export)
    comments = {n.label(lang) for n in defn.items_with_role("comment")}
    questions = {Q_ZH["comment"], Q_EN["comment"], "COMMENT", "备注"}  # 备注: the plain file's heading
    assert comments & questions, comments
    columns = draft_columns(export, defn)
    for key, item in zip(plain_header(export)[1:], export.items):  # every column has its item: none left out
        assert defn.node(columns[key]).label(lang) == item.label


def test_a_long_open_answer_makes_a_comment_never_a_left_out_question():
    export = read("qualtrics_text.csv")
    assert LONG_COMMENT_EN in RESPONDENTS[2].comment_en and len(RESPONDENTS[2].comment_en) > 200
    assert RESPONDENTS[2].comment_en in export.column(Q_EN["comment"])
    defn = draft_definition(export, "x", "en")
    comment = next(n for n in defn.items if n.label_en == Q_EN["comment"])
    assert comment.role == "comment" and comment.scale is None and problems(defn) == []
    assert draft_columns(export, defn)[Q_EN["comment"]] == comment.code


def test_any_question_with_an_answer_longer_than_an_attribute_holds_is_a_comment():
    export = read("qualtrics_text.csv")
    year = export.items.index(export.item(Q_EN["year"]))
    long = AnswerColumn(("x" * 201, "Year 1"), np.array([0, 1, 1, 1, 1, 1], dtype=np.int32))
    export = replace(export, answer_columns=(*export.answer_columns[:year], long, *export.answer_columns[year + 1 :]))
    defn = draft_definition(export, "x", "en")
    assert next(n for n in defn.items if n.label_en == Q_EN["year"]).role == "comment"
    assert next(n for n in defn.items if n.label_en == Q_EN["heard"]).role == "attribute"


def test_typed_in_text_with_short_repeated_answers_stays_a_segment_attribute():
    export = read("qualtrics_text.csv")
    comment = export.items.index(export.item(Q_EN["comment"]))
    typed = AnswerColumn(("Class 1", "Class 2", None), np.array([0, 1, 0, 1, 2, 0], dtype=np.int32))
    export = replace(
        export, answer_columns=(*export.answer_columns[:comment], typed, *export.answer_columns[comment + 1 :])
    )
    assert export.item(Q_EN["comment"]).kind == "text"
    defn = draft_definition(export, "x", "en")
    assert next(n for n in defn.items if n.label_en == Q_EN["comment"]).role == "attribute"
