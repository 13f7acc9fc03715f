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
