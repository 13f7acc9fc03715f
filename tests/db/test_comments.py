"""Open-text comments on SQLite and PostgreSQL: imported exactly as written, refused only beyond the limit,
never a segment, and every survey-tool export's comments kept in full."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sqlalchemy as sa

from survey import analysis
from survey.design.definition import COMMENT_MAX, Node
from survey.importing.importer import import_file
from survey.importing.sources.draft import draft_definition, export_language
from survey.importing.sources.importing import import_export
from survey.importing.validation import ATTRIBUTE_MAX
from survey.storage import store
from survey.storage import tables as t
from tests.db.test_sources_import import resolved, stored
from tests.survey.importing_example import course_survey, csv_file, xlsx_file
from tests.survey.make_source_fixtures import FIXTURES, Q_EN, Q_ZH, RESPONDENTS

COMMENT = Node("comment", "item", "其他意见和建议", "Any other comments?", role="comment")
HEADER = ["编号", "期次", "Q1. 教学内容实用", "班级", "其他意见和建议"]


def long_comment(length: int) -> str:
    """Text of exactly `length` characters with commas, both kinds of quote, line breaks and Chinese."""
    part = '老师讲得很清楚, 但"小组作业"太多；\n建议: 每周少一次 \'quiz\'，多一点讨论。\r\nThanks, "really"!\n'
    return (part * (length // len(part) + 1))[: length - 1] + "完"


@pytest.fixture
def sid(db, ws) -> int:
    defn = course_survey()  # nothing required here, so that a row may hold a comment alone
    nodes = (*(replace(n, required=False) for n in defn.nodes), COMMENT)
    with db.session() as s:
        survey_id = store.create_survey(s, ws, replace(defn, nodes=nodes)).id
        s.commit()
        return survey_id


def comments(db, survey_id) -> list[object]:
    with db.session() as s:
        rows = s.scalars(
            sa.select(t.Response.attributes).where(t.Response.survey_id == survey_id).order_by(t.Response.id)
        ).all()
    return [attributes.get("comment") for attributes in rows]


def test_a_3000_character_comment_imports_exactly_as_written(db, ws, sid):
    written = long_comment(3000)
    assert len(written) == 3000 and all(x in written for x in (",", '"', "'", "\n", "\r\n", "老师"))
    rows = [
        HEADER,
        ["s1", "2026-03", "5", "1班", written],
        ["s2", "2026-03", "4", "2班", ""],
        ["s3", "2026-03", "", "2班", "只写了意见"],
    ]
    result = import_file(db, ws, sid, csv_file(rows), "comments.csv")
    assert result.batch_id is not None, [p.text("en") for p in result.problems]
    assert result.rows_imported == 3  # a row with only a comment is an answer, not an empty row
    assert comments(db, sid) == [written, None, "只写了意见"]
    with db.session() as s:
        frame = store.responses_frame(s, ws, sid)
        defn = store.load_definition(s, ws, store.current_version(s, ws, sid).id)
    assert frame["comment"].tolist()[0] == written and frame["class"].tolist() == ["1班", "2班", "2班"]
    inputs = analysis.analysis_inputs(defn)
    assert inputs.segment_fields == ("class", "region") and "comment" not in inputs.scales


def test_a_comment_in_an_excel_file_imports_exactly_too(db, ws, sid):
    written = long_comment(3000).replace("\r\n", "\n")  # a cell of a workbook has no carriage returns
    rows = [HEADER, ["s1", "2026-03", "5", "1班", written]]
    result = import_file(db, ws, sid, xlsx_file(rows), "comments.xlsx")
    assert result.rows_imported == 1, [p.text("en") for p in result.problems]
    assert comments(db, sid) == [written]


def test_a_comment_beyond_the_limit_is_refused_naming_its_row_and_column(db, ws, sid):
    rows = [
        HEADER,
        ["s1", "2026-03", "5", "1班", long_comment(COMMENT_MAX)],
        ["s2", "2026-03", "4", "1班", long_comment(COMMENT_MAX + 1)],
    ]
    result = import_file(db, ws, sid, csv_file(rows), "too_long.csv")
    assert result.batch_id is None and comments(db, sid) == []  # all or nothing: nothing stored
    [problem] = [p for p in result.problems if p.level == "error"]
    assert (problem.row, problem.column, problem.message) == (3, "其他意见和建议", "imp.too_long")
    assert "10000" in problem.text("en") and problem.value.endswith("…")
    kept = import_file(db, ws, sid, csv_file(rows), "too_long.csv", policy="valid_rows")
    assert kept.rows_imported == 1 and comments(db, sid) == [long_comment(COMMENT_MAX)]
    assert "10000" in kept.rejected_csv.decode("utf-8-sig")


def test_an_attribute_keeps_its_own_limit(db, ws, sid):
    rows = [HEADER, ["s1", "2026-03", "5", "班" * (ATTRIBUTE_MAX + 1), "好"]]
    result = import_file(db, ws, sid, csv_file(rows), "attribute.csv")
    [problem] = [p for p in result.problems if p.level == "error"]
    assert (problem.row, problem.column, problem.message) == (2, "班级", "imp.too_long")


# --- every survey tool's export: draft, import, the comments as the respondents wrote them ------------------

QUESTIONS = {Q_ZH["comment"], Q_EN["comment"], "COMMENT", "备注"}  # 备注: the plain file's heading


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_every_exports_comments_are_stored_exactly_as_the_respondents_wrote_them(db, ws, name):
    export = resolved(name)
    lang = export_language(export)
    defn = draft_definition(export, "Drafted", lang)
    with db.session() as s:
        survey_id = store.create_survey(s, ws, defn).id
        s.commit()
    result = import_export(db, ws, survey_id, export, name, lang="en")
    assert result.rows_imported == 6, [p.text("en") for p in result.problems]
    [comment] = [n for n in defn.items_with_role("comment") if n.label(lang) in QUESTIONS]
    written = [r.comment_zh if lang == "zh" else r.comment_en for r in RESPONDENTS]
    kept = [attributes.get(comment.code) for _answers, attributes in stored(db, survey_id).values()]
    assert sorted(filter(None, kept)) == sorted(filter(None, written))
    assert max(len(x) for x in kept if x) > ATTRIBUTE_MAX  # the long comment too, in full
    assert comment.code not in analysis.analysis_inputs(defn).segment_fields


def test_a_comment_starting_with_an_equals_sign_is_what_the_respondent_wrote(db, ws, sid):
    rows = [HEADER, ["s1", "2026-03", "5", "=SUM(A1)", "=) 谢谢老师"]]
    refused = import_file(db, ws, sid, csv_file(rows), "formula-class.csv")
    assert refused.batch_id is None  # in a segment it is an unevaluated spreadsheet formula
    assert [p.message for p in refused.problems if p.row] == ["imp.formula_text"]
    rows = [HEADER, ["s1", "2026-03", "5", "1班", "=) 谢谢老师"]]
    result = import_file(db, ws, sid, csv_file(rows), "formula-comment.csv")
    assert result.batch_id is not None, [p.text("en") for p in result.problems]
    assert comments(db, sid) == ["=) 谢谢老师"]  # in a comment it is the respondent's words
