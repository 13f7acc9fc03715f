"""The Action plan page in AppTest on the demo course survey: the plan's figures are those of
`survey.actions.check_actions`, in both languages; an action made from a gap link is stored and audited."""

import math

import pytest

from survey import actions
from survey.access import accounts, audit
from survey.i18n import text
from survey.storage import store
from survey.storage import tables as tb
from survey.storage.db import open_database
from tests.pages.conftest import ROLE_ACCOUNTS, make_app, open_page


def course(url: str) -> tuple[int, int]:
    """(workspace id, survey id) of the demo course survey (three waves)."""
    db = open_database(url)
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey = next(x for x in store.list_surveys(s, ws) if x.title_en.startswith("Course"))
    db.dispose()
    return ws, survey.id


def signed_in(s, role: str) -> accounts.SignedIn:
    return accounts.signed_in(s.query(tb.Account).filter_by(username=ROLE_ACCOUNTS[role]).one())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_plan_shows_each_actions_check_as_the_function_computes_it(app_database, lang):
    ws, survey_id = course(app_database)
    db = open_database(app_database)
    with db.session() as s:
        coordinator, manager = signed_in(s, "coordinator"), signed_in(s, "manager")
    plan = dict(indicator="useful", need="<b>实用</b>", strategy="=1+1 更多案例", baseline_wave="2026-06")
    actions.create_action(db, coordinator, ws, survey_id, **plan, target_figure=60, owner_account_id=manager.account_id)
    actions.create_action(db, coordinator, ws, survey_id, indicator="cases", strategy="later", check_wave="2027-03")
    with db.session() as s:
        checks = actions.check_actions(s, ws, survey_id)
    db.dispose()

    at = make_app(lang, "coordinator")
    at.session_state["survey_id"] = survey_id
    open_page(at, "actions")
    assert at.title[0].value == text(lang, "actions.title")
    table = at.dataframe[0].value

    def col(key):
        return text(lang, f"actions.col.{key}")

    assert len(table) == 2
    first, later = table.iloc[0], table.iloc[1]
    want = checks[0]
    assert (first[col("before")], first[col("after")], first[col("change")]) == pytest.approx(
        (want.before, want.after, want.change)
    )
    assert first[col("check")] == "2026-09" and first[col("baseline")] == "2026-06"
    assert first[col("strategy")] == "=1+1 更多案例" and first[col("need")] == "<b>实用</b>"  # as typed
    assert first[col("owner")] == ROLE_ACCOUNTS["manager"]
    assert first[col("outcome")] == text(lang, f"actions.outcome.{want.outcome}")
    assert want.outcome in ("reached", "missed") and not math.isnan(want.p_adjusted)
    assert later[col("outcome")] == text(lang, "actions.outcome.not_yet")
    assert text(lang, "actions.test_note") in [c.value for c in at.caption]

    open_page(at, "overview")  # the latest wave, 2026-09: the first action is due, the other is not
    assert text(lang, "actions.due_title") in [h.value for h in at.subheader]
    [due] = [m.value for m in at.markdown if "→" in m.value]
    assert "=1\\+1 更多案例" in due and text(lang, f"actions.outcome.{want.outcome}") in due
    assert "later" not in due


def test_from_a_gap_link_the_form_is_preselected_and_saves_an_audited_action(app_database):
    ws, survey_id = course(app_database)
    at = make_app("en", "manager")
    at.query_params["survey"] = str(survey_id)
    at.query_params["indicator"] = "cases"
    open_page(at, "actions")
    assert at.selectbox(key="_action_new_indicator").value == "cases"
    at.text_area(key="_action_new_strategy").input("Invite practitioners to each case session")
    at.number_input(key="_action_new_target").set_value(70.0)
    at.button(key="_action_new_save").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    db = open_database(app_database)
    with db.session() as s:
        [made] = actions.list_actions(s, ws, survey_id)
        entries = audit.entries(s, action="action_create")
    db.dispose()
    assert (made.indicator, made.strategy, made.target_figure, made.baseline_wave) == (
        "cases", "Invite practitioners to each case session", 70.0, "2026-09"
    )  # fmt: skip
    assert entries[0].username == ROLE_ACCOUNTS["manager"]
    assert len(at.dataframe[0].value) == 1

    at.selectbox(key=f"_action_edit_status_{made.id}").set_value("done")  # the change form, on the one action
    at.button(key=f"_action_edit_save_{made.id}").click().run()
    assert not at.error, [e.value for e in at.error]
    assert at.dataframe[0].value.iloc[0][text("en", "actions.col.status")] == text("en", "actions.status.done")


def test_the_powerpoint_report_has_the_plan_as_a_table_slide_with_the_pages_figures(app_database):
    import io

    from pptx import Presentation

    from survey.reporting import report
    from ui.report import action_plan_table

    ws, survey_id = course(app_database)
    db = open_database(app_database)
    with db.session() as s:
        coordinator = signed_in(s, "coordinator")
    actions.create_action(
        db, coordinator, ws, survey_id, indicator="useful", strategy="<script>更多案例", baseline_wave="2026-06"
    )
    with db.session() as s:
        [check] = actions.check_actions(s, ws, survey_id)
    db.dispose()
    table = action_plan_table([check], "zh")
    content = report.Report("zh", "课程", "报告", "2026-12-04", (), "关键指标", "", (), (), tables=(table,))
    slides = Presentation(io.BytesIO(report.write_pptx(content))).slides
    [cells] = [
        [[c.text for c in row.cells] for row in shape.table.rows]
        for slide in slides
        for shape in slide.shapes
        if shape.has_table
    ]
    assert cells[0][:2] == [text("zh", "actions.col.indicator"), text("zh", "actions.col.strategy")]
    assert cells[1][1] == "<script>更多案例"
    after = cells[0].index(text("zh", "actions.col.after"))
    assert cells[1][after] == f"{check.after:.1f}"


def test_a_group_plans_a_strategy_for_its_largest_gap_and_the_teacher_sees_it_next_to_the_gaps(app_database):
    from survey import answering, classroom
    from survey.classroom import Indicator
    from tests.pages.test_classroom_pages import as_student, as_teacher

    db = open_database(app_database)
    with db.session() as s:
        teacher, student = signed_in(s, "teacher"), signed_in(s, "student")
        made = classroom.create_class(s, teacher.account_id, "Marketing 1", ["Red", "Blue"])
        classroom.join_class(s, student.account_id, made.join_code, made.groups[0].id)
        s.commit()
    with db.session() as s:
        classroom.start_survey(s, student, made.workspace_id, made.groups[0].id, "blank")
    with db.session() as s:
        edits = [Indicator("", "座位", "Seats", 90.0), Indicator("", "灯光", "Light", 50.0)]
        seats, light = classroom.save_group_indicators(s, student, made.workspace_id, made.groups[0].id, edits)
        survey_id = classroom.group_info(s, made.workspace_id, made.groups[0].id).survey_id
        token = answering.link_state(s, made.workspace_id, survey_id).link_token
    with db.session() as s:
        answering.submit_answer(s, token, {seats: 3.0, light: 4.0}, {})  # seats 50 (gap −40), light 75 (+25)

    at = as_student(made, "group")
    assert at.selectbox(key="_group_action_indicator").value == seats  # the largest gap first
    at.text_area(key="_group_action_strategy").input("Cushions on every seat")
    at.button(key="_group_action_save").click().run()
    assert at.success[0].value == text("en", "actions.created")
    with db.session() as s:
        [made_action] = actions.list_actions(s, made.workspace_id, survey_id)
    db.dispose()
    assert (made_action.indicator, made_action.target_figure) == (seats, 90.0)  # the planned figure as target

    at = as_teacher(made)
    table = next(d.value for d in at.dataframe if text("en", "actions.col.strategy") in d.value.columns)
    assert table.iloc[0].tolist()[:5] == ["Seats", 50.0, 90.0, -40.0, "Cushions on every seat"]
