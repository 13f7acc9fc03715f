"""Survey-tool exports into the database, on SQLite and PostgreSQL, the way the coordinator does it.

`python -m survey import FILE --survey ID --database URL` (and the function
behind it, `survey.importing.sources.importing.import_export`) must store exactly the
answers of the fixture's respondents: same mapping, validation and single
transaction as the import page.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

import metrics
from survey import analysis
from survey.access import audit
from survey.design.definition import Node, SurveyDefinition
from survey.design.templates import standard_scale
from survey.importing.importer import list_batches
from survey.importing.sources import normalize
from survey.importing.sources.draft import draft_definition, export_language
from survey.importing.sources.importing import import_export, in_file_terms, propose_columns
from survey.storage import store
from survey.storage import tables as t
from tests.survey.make_source_fixtures import FIXTURES, FOLDER, NA, Q_EN, Q_ZH, RESPONDENTS, ROWS_EN, ROWS_ZH, YEARS_ZH

ROOT = Path(__file__).resolve().parents[2]
SAT5 = standard_scale("5")
AGREE7 = standard_scale("7", labels="agreement")
LIKELY = standard_scale("0-10")
ROW_CODES = ("content", "pace", "interaction")


def course(lang: str) -> SurveyDefinition:
    """The fixtures' questionnaire as a survey: labels in `lang` as the tool's file words them."""
    q, rows = (Q_ZH, ROWS_ZH) if lang == "zh" else (Q_EN, ROWS_EN)
    zh = lang == "zh"

    def node(code, kind, label, **extra):
        return Node(code, kind, label if zh else "", "" if zh else label, **extra)

    return SurveyDefinition(
        title_zh="课程满意度",
        title_en="Course satisfaction",
        scales=(SAT5, AGREE7, LIKELY),
        nodes=(
            node("overall", "item", q["overall"], role="overall", scale="sat5"),
            node("course", "dimension", "课程" if zh else "Course"),
            node("teaching", "indicator", "教学评价" if zh else "Teaching", parent="course"),
            *(
                node(code, "item", row, parent="teaching", role="perception", scale="sat5")
                for code, row in zip(ROW_CODES, rows)
            ),
            node("nps", "item", q["nps"], role="recommend", scale="likely0_10"),
            node("again", "item", q["again"], role="loyalty", scale="agree7"),
            node("year", "item", q["year"], role="attribute"),
            node("channel", "item", "来源渠道" if zh else "Channel", role="attribute"),
        ),
    )


def new_survey(db, ws, lang: str) -> int:
    with db.session() as s:
        survey_id = store.create_survey(s, ws, course(lang)).id
        s.commit()
        return survey_id


def stored(db, survey_id) -> dict[str, tuple[dict, dict]]:
    """{external id: (answers, attributes)} of the survey's responses."""
    with db.session() as s:
        rows = s.execute(
            sa.select(t.Respondent.external_id, t.Response.answers, t.Response.attributes)
            .join(t.Respondent, t.Respondent.id == t.Response.respondent_id)
            .where(t.Response.survey_id == survey_id)
        ).all()
    return {external_id: (answers, attributes) for external_id, answers, attributes in rows}


def expected_answers(rate_na: object = None) -> list[dict]:
    found = []
    for r in RESPONDENTS:
        answers = {
            "overall": None if r.overall is None else float(r.overall),
            "nps": float(r.nps),
            "again": float(r.again),
        }
        for code, value in zip(ROW_CODES, r.rate):
            answers[code] = rate_na if value == NA else None if value is None else float(value)
        found.append(answers)
    return found


def run_import(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "survey", "import", *args, "--lang", "en"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_cli_import_of_a_wjx_gbk_export_stores_exactly_its_answers(database_url, db, ws):
    survey_id = new_survey(db, ws, "zh")
    done = run_import(str(FOLDER / "wjx_text_gbk.csv"), "--survey", str(survey_id), "--database", database_url)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Recognised Wenjuanxing" in done.stdout and "Imported 6 of 6 rows" in done.stdout
    found = stored(db, survey_id)
    assert sorted(found) == ["1", "2", "3", "4", "5", "6"]
    for n, answers in enumerate(expected_answers()):
        got_answers, attributes = found[str(n + 1)]
        assert got_answers == answers, n + 1
        assert attributes == {"year": YEARS_ZH[RESPONDENTS[n].year - 1], "channel": "手机提交" if n % 2 else "微信"}
    [batch] = list_batches(db, ws, survey_id)
    assert (batch.file_name, batch.rows_imported, batch.responses) == ("wjx_text_gbk.csv", 6, 6)
    assert batch.mapping["columns"]["第2题 - 教学进度"] == "pace"  # the matrix row, by its row text
    assert not any("192.0.2" in str(v) for v in batch.mapping.values())
    with db.session() as s:  # the audit log names the file, the batch and the command line
        [entry] = audit.entries(s, action="import")
    assert (entry.username, entry.workspace_id, entry.target) == ("system", ws, "wjx_text_gbk.csv")
    assert entry.detail["batch"] == batch.id and entry.detail["via"] == "command line"


def test_cli_import_refuses_unresolved_codes_and_stores_nothing(database_url, db, ws):
    survey_id = new_survey(db, ws, "en")
    done = run_import(str(FOLDER / "qualtrics_numeric_bom.csv"), "--survey", str(survey_id), "--database", database_url)
    assert done.returncode == 1
    assert "Row 5, column “Q2_2”" in done.stderr and "Row 8, column “Q2_2”" in done.stderr  # the file's own rows
    assert "Nothing was imported" in done.stderr
    assert stored(db, survey_id) == {}
    missing = run_import(str(FOLDER / "qualtrics_numeric_bom.csv"), "--survey", "999", "--database", database_url)
    assert missing.returncode == 1 and "There is no survey with id 999" in missing.stderr


def test_a_qualtrics_export_with_a_codebook_round_trips_value_by_value(db, ws):
    survey_id = new_survey(db, ws, "en")
    data = (FOLDER / "qualtrics_numeric.xlsx").read_bytes()
    export = normalize(data, "qualtrics_numeric.xlsx", codebook={"Q2": {"6": None}})
    with db.session() as s:
        defn = store.load_definition(s, ws, store.current_version(s, ws, survey_id).id)
    columns = propose_columns(defn, export)
    assert columns["respondent_id"] == ":respondent" and columns[f"{Q_EN['rate']} - Pace"] == "pace"
    result = import_export(db, ws, survey_id, export, "qualtrics_numeric.xlsx", lang="en")
    assert result.imported and result.rows_imported == 6, [p.text("en") for p in result.problems]
    found = stored(db, survey_id)
    for n, answers in enumerate(expected_answers()):
        assert found[f"R_{n + 1:02d}TestAbCdEf"][0] == answers, n + 1
    assert all(attributes.get("channel") == "anonymous" for _answers, attributes in found.values())


def test_problems_are_named_by_the_tools_own_rows_and_columns(db, ws):
    survey_id = new_survey(db, ws, "zh")
    export = normalize((FOLDER / "tencent.csv").read_bytes(), "tencent.csv")
    result = import_export(db, ws, survey_id, export, "tencent.csv", lang="zh")
    assert result.imported and result.rows_imported == 6
    with db.session() as s:
        frame = store.responses_frame(s, ws, survey_id)
    assert frame["nps"].tolist() == [9.0, 0.0, 3.0, 6.0, 8.0, 10.0]  # stored in the file's order (newest first)
    again = import_export(db, ws, survey_id, export, "tencent.csv", lang="zh")  # the same file twice
    assert not again.imported
    first = in_file_terms(again.errors[0], export)
    assert (first.row, first.column) == (2, "编号") and first.message == "imp.duplicate_earlier"


# --- a survey drafted from the export, then the same file imported into it ----------------------


def drafted_survey(db, ws, export) -> tuple[int, object]:
    defn = draft_definition(export, "Drafted", export_language(export))
    with db.session() as s:
        survey_id = store.create_survey(s, ws, defn).id
        s.commit()
        return survey_id, store.load_definition(s, ws, store.current_version(s, ws, survey_id).id)


def resolved(name: str):
    """The fixture normalized, its codes off the scale said to be missing (as the import page asks the user)."""
    data = (FOLDER / name).read_bytes()
    export = normalize(data, name)
    if export.unresolved:
        export = normalize(data, name, codebook={u.column: {u.text: None} for u in export.unresolved})
    assert not export.unresolved
    return export


def assert_stored_as_normalized(db, survey_id, defn, export):
    lang = export_language(export)
    code_of = {n.label(lang): n.code for n in defn.items}
    found = stored(db, survey_id)
    assert sorted(found) == sorted(export.respondent_ids)
    for r, rid in enumerate(export.respondent_ids):
        answers, attributes = found[rid]
        for item in export.items:
            value, code = export.answers[r][export.items.index(item)], code_of[item.label]
            if item.kind in ("scale", "recommend"):
                assert answers[code] == value, (rid, item.label)
            else:
                assert attributes.get(code) == value, (rid, item.label)
        for name in ("channel", "language", "region", "user_type"):
            if defn.node(name) is not None:
                assert attributes.get(name) == export.field_values[name][r]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_a_survey_drafted_from_an_export_takes_the_same_file_row_by_row(db, ws, name):
    export = resolved(name)
    survey_id, defn = drafted_survey(db, ws, export)
    result = import_export(db, ws, survey_id, export, name, lang="en")
    assert result.imported, [p.text("en") for p in result.problems]
    assert (result.rows_read, result.rows_imported, result.rows_rejected) == (6, 6, 0)
    assert not [p for p in result.problems if p.message != "imp.column_ignored"]
    assert_stored_as_normalized(db, survey_id, defn, export)


def test_a_drafted_wjx_survey_shows_the_files_nps_on_both_databases(db, ws):
    export = resolved("wjx_text.xlsx")
    survey_id, defn = drafted_survey(db, ws, export)
    assert import_export(db, ws, survey_id, export, "wjx_text.xlsx").rows_imported == 6
    with db.session() as s:
        frame = store.responses_frame(s, ws, survey_id)
    inputs = analysis.analysis_inputs(defn)
    # the fixture's NPS answers: 10, 8, 6, 3, 0, 9 → 2 promoters, 3 detractors of 6
    assert analysis.recommend(inputs, frame).score == metrics.nps([r.nps for r in RESPONDENTS]).score
    assert round(metrics.nps([r.nps for r in RESPONDENTS]).score, 6) == round(100 * (2 - 3) / 6, 6)
