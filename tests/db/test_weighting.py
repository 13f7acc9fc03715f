"""Weighting schemes (survey.weighting) on SQLite and PostgreSQL: stored with the survey, who may change them,
the audit entries, and the weights they give the survey's responses."""

import pytest
from sqlalchemy import select

from survey import weighting
from survey.access import accounts
from survey.design import templates
from survey.storage import store
from survey.storage import tables as tb
from survey.weighting import WeightingError

PASSWORD = "correct horse battery"
# 6 first-years and 2 second-years answered; the population is half and half
GRADES = ["y1"] * 6 + ["y2"] * 2


def person(s, ws: int, username: str, role: str):
    account = accounts.create_account(s, username, PASSWORD)
    accounts.set_role(s, account.id, ws, role)
    return accounts.signed_in(account)


@pytest.fixture
def canteen(db, ws):
    with db.session() as s:
        survey = store.create_survey(s, ws, templates.build("canteen"))
        version = store.current_version(s, ws, survey.id)
        rows = [{"answers": {"nps": 10 if g == "y1" else 0}, "attributes": {"grade": g}} for g in GRADES]
        store.add_responses(s, ws, version.id, rows)
        coordinator = person(s, ws, "coord", "coordinator")
        manager = person(s, ws, "boss", "manager")
        teacher = person(s, ws, "teach", "teacher")
        s.commit()
        return survey.id, coordinator, manager, teacher


def audit_actions(db) -> list[tuple[str, dict]]:
    with db.session() as s:
        return [(e.action, e.detail) for e in s.scalars(select(tb.AuditEntry).order_by(tb.AuditEntry.id))]


def test_a_scheme_is_kept_with_the_survey_renamed_and_deleted_each_audited(db, ws, canteen):
    survey_id, coordinator, manager, _teacher = canteen
    saved = weighting.save_scheme(
        db, coordinator, ws, survey_id, " Population 2026 ", {"grade": {"y1": 0.5, "y2": 0.5}}, lang="en"
    )
    assert (saved.name, saved.margins, saved.created_by) == (
        "Population 2026",
        {"grade": {"y1": 0.5, "y2": 0.5}},
        "coord",
    )
    weighting.rename_scheme(db, manager, ws, saved.id, "Census", lang="en")
    [kept] = weighting.schemes(db, ws, survey_id)
    assert (kept.name, kept.margins) == ("Census", {"grade": {"y1": 0.5, "y2": 0.5}})
    weighting.save_scheme(db, manager, ws, survey_id, "census2", {"grade": {"y1": 1, "y2": 3}}, lang="en")
    with pytest.raises(WeightingError) as taken:
        weighting.save_scheme(db, manager, ws, survey_id, "Census", {"grade": {"y1": 1, "y2": 3}}, lang="en")
    assert taken.value.message == "weighting.name_taken"
    assert [x.name for x in weighting.schemes(db, ws, survey_id)] == ["Census", "census2"]
    weighting.delete_scheme(db, coordinator, ws, kept.id, lang="en")
    assert [x.name for x in weighting.schemes(db, ws, survey_id)] == ["census2"]
    with db.session() as s:
        assert store.response_count(s, ws, survey_id) == len(GRADES)  # the responses are untouched
    actions = audit_actions(db)
    mine = [a for a, _ in actions if a.startswith("weighting_")]
    assert mine == ["weighting_save", "weighting_rename", "weighting_save", "weighting_delete"]
    deleted = [d for a, d in actions if a == "weighting_delete"][0]
    assert deleted["margins"] == {"grade": {"y1": 0.5, "y2": 0.5}}  # what the scheme said is kept in the log


def test_a_teacher_is_refused_and_nothing_is_written(db, ws, canteen):
    survey_id, _coordinator, _manager, teacher = canteen
    with pytest.raises(accounts.AccountError):
        weighting.save_scheme(db, teacher, ws, survey_id, "x", {"grade": {"y1": 1, "y2": 1}}, lang="zh")
    assert weighting.schemes(db, ws, survey_id) == []
    assert not [a for a, _ in audit_actions(db) if a.startswith("weighting_")]


def test_deleting_the_survey_deletes_its_schemes(db, ws, canteen):
    survey_id, coordinator, *_ = canteen
    weighting.save_scheme(db, coordinator, ws, survey_id, "a", {"grade": {"y1": 1, "y2": 1}}, lang="zh")
    with db.session() as s:
        store.delete_survey(s, ws, survey_id)
        s.commit()
        assert s.scalars(select(tb.WeightingScheme)).all() == []


def test_the_weights_reproduce_the_margins_and_name_a_missing_category(db, ws, canteen):
    survey_id, coordinator, *_ = canteen
    scheme = weighting.save_scheme(db, coordinator, ws, survey_id, "half", {"grade": {"y1": 50, "y2": 50}}, lang="zh")
    with db.session() as s:
        frame = store.responses_frame(s, ws, survey_id)
    found = weighting.scheme_weights(frame, scheme)
    # 6 vs 2 raked to 50/50: first-years weigh 0.5/0.75 = 2/3, second-years 0.5/0.25 = 2 (mean 1)
    assert found.weights[frame["grade"] == "y1"].round(12).unique().tolist() == [round(2 / 3, 12)]
    assert found.weights[frame["grade"] == "y2"].round(12).unique().tolist() == [2.0]
    # Kish: n·Σw²/(Σw)² = 8·(6·4/9 + 2·4)/64 = 4/3; effective n = 6
    assert found.design_effect == pytest.approx(4 / 3) and found.effective_n == pytest.approx(6.0)
    assert found.converged
    with pytest.raises(WeightingError) as missing:
        weighting.scheme_weights(frame, {"grade": {"y1": 0.5, "y3": 0.5}})
    assert (missing.value.message, missing.value.params["category"]) == ("weighting.category_not_in_margins", "y2")
    with pytest.raises(WeightingError) as absent:
        weighting.scheme_weights(frame, {"grade": {"y1": 0.4, "y2": 0.4, "y3": 0.2}})
    assert (absent.value.message, absent.value.params["category"]) == ("weighting.category_not_in_data", "y3")
