"""The path model a coordinator draws on the Model page: kept with the survey, checked, audited, refused to a
read-only manager, kept across edits and copies, gone with the survey (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from survey import analysis, surveys
from survey.access import accounts, audit
from survey.access.accounts import AccountError
from survey.design import templates
from survey.storage import store
from survey.storage import tables as tb

PASSWORD = "a long enough password"
DRAWN = [("content", "teacher"), ("method", "teacher"), ("teacher", "resources")]


def person(db, ws, username, role):
    with db.session() as s:
        account = accounts.create_account(s, username, PASSWORD)
        accounts.set_role(s, account.id, ws, role)
        s.commit()
        return accounts.signed_in(s.get(tb.Account, account.id))


def course_survey(db, ws) -> int:
    with db.session() as s:
        survey = store.create_survey(s, ws, templates.build("course"))
        s.commit()
        return survey.id


def definition(db, ws, sid):
    with db.session() as s:
        return store.load_definition(s, ws, store.current_version(s, ws, sid).id)


def test_a_drawn_model_is_kept_with_the_survey_and_fitted_as_drawn(db, ws):
    sid = course_survey(db, ws)
    coordinator = person(db, ws, "cora", "coordinator")
    assert analysis.analysis_inputs(definition(db, ws, sid)).blocks is None  # not an ECSI survey: no model
    kept = surveys.set_model(db, coordinator, ws, sid, [*DRAWN, DRAWN[0]], lang="en")
    assert kept == tuple(DRAWN)  # each path once
    inputs = analysis.analysis_inputs(definition(db, ws, sid))
    assert inputs.model_name == "custom"
    assert inputs.paths == {"teacher": ["content", "method"], "resources": ["teacher"]}
    assert set(inputs.blocks) == {"content", "method", "teacher", "resources"}  # "assessment" is not drawn
    with db.session() as s:
        entry = audit.entries(s)[0]
    assert (entry.username, entry.action) == ("cora", "model_set")
    assert "content → teacher" in entry.detail["paths"]


def test_a_manager_may_not_draw_and_a_cycle_or_an_unknown_dimension_is_refused_writing_nothing(db, ws):
    sid = course_survey(db, ws)
    manager, coordinator = person(db, ws, "mona", "manager"), person(db, ws, "cora", "coordinator")
    with pytest.raises(AccountError):
        surveys.set_model(db, manager, ws, sid, DRAWN, lang="en")
    with pytest.raises(analysis.ModelError) as cycle:
        surveys.set_model(db, coordinator, ws, sid, [*DRAWN, ("resources", "content")], lang="en")
    assert cycle.value.message == "model.path_cycle"
    labels = {n.code: n.label_en for n in templates.build("course").nodes}
    assert cycle.value.params["dimensions"].split(" → ")[0] == cycle.value.params["dimensions"].split(" → ")[-1]
    assert labels["teacher"] in cycle.value.params["dimensions"]
    with pytest.raises(analysis.ModelError) as unknown:
        surveys.set_model(db, coordinator, ws, sid, [("content", "nowhere")], lang="en")
    assert (unknown.value.message, unknown.value.params) == ("model.path_unknown", {"dimension": "nowhere"})
    with pytest.raises(analysis.ModelError) as itself:
        surveys.set_model(db, coordinator, ws, sid, [("content", "content")], lang="zh")
    assert itself.value.params == {
        "dimension": next(n.label_zh for n in templates.build("course").nodes if n.code == "content")
    }
    assert definition(db, ws, sid).model_paths == ()
    with db.session() as s:
        assert s.scalar(select(func.count(tb.SurveyModel.id))) == 0
        assert [e.action for e in audit.entries(s)] == []


def test_the_model_outlives_an_edit_follows_a_copy_and_goes_with_the_survey(db, ws):
    sid = course_survey(db, ws)
    coordinator = person(db, ws, "cora", "coordinator")
    surveys.set_model(db, coordinator, ws, sid, DRAWN, lang="en")
    edited = replace(definition(db, ws, sid), title_en="Course feedback, spring")
    surveys.edit_survey(db, coordinator, ws, sid, edited, lang="en")
    assert definition(db, ws, sid).model_paths == tuple(DRAWN)
    with db.session() as s:
        copy = store.duplicate_survey(s, ws, sid)
        s.commit()
        copy_id = copy.id
    assert definition(db, ws, copy_id).model_paths == tuple(DRAWN)
    surveys.set_model(db, coordinator, ws, sid, [], lang="en")  # back to the model the codes give: none
    assert definition(db, ws, sid).model_paths == () and definition(db, ws, copy_id).model_paths == tuple(DRAWN)
    surveys.delete_survey(db, coordinator, ws, copy_id, lang="en")
    with db.session() as s:
        assert s.scalar(select(func.count(tb.SurveyModel.id))) == 0
