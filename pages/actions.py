"""Action plan (改进计划): the survey's actions for its gaps, with their status and the check at the next wave."""

import math

import streamlit as st

from survey import actions
from survey.errors import UserError
from ui import figures
from ui.action_plan import INDICATOR_KEY, column_config, may_edit, number, plan_table, survey_checks
from ui.auth import current, workspace_id
from ui.downloads import show_table
from ui.filters import dashboard_filters
from ui.i18n import lang, plain, show_error, t
from ui.page import start
from ui.state import SURVEY_KEY, database

# a link from a gap (/actions?survey=3&indicator=taste): that survey, its form preselected
if st.query_params.get("survey", "").isdigit():
    st.session_state[SURVEY_KEY] = int(st.query_params["survey"])
if st.query_params.get("indicator"):
    st.session_state[INDICATOR_KEY] = st.query_params["indicator"][:64]

start("actions.title", "actions.intro", need="dashboards.read")
sel = dashboard_filters()
if sel is None:
    st.stop()
L = lang()
labels = sel.labels(L)
ws = workspace_id()
editing = may_edit()
codes = [c for c in sel.inputs.tree["code"]]
waves = figures.filter_options(sel.source, ()).waves

with database().session() as s:
    plan = actions.list_actions(s, ws, sel.survey.id)
    people = dict(actions.owners(s, ws))
checks = survey_checks(sel, plan)


def _label(code: str) -> str:
    return labels.get(code, code)


# --- a new action ------------------------------------------------------------------------------
if not editing:
    st.caption(t("actions.readonly"))
elif codes:
    wanted = st.session_state.get(INDICATOR_KEY)
    with st.expander(t("actions.new"), expanded=wanted in codes):
        now = {c.action.indicator: c for c in checks}
        with st.form("_action_new", clear_on_submit=True):
            indicator = st.selectbox(
                t("actions.indicator"),
                codes,
                index=codes.index(wanted) if wanted in codes else 0,
                format_func=_label,
                key="_action_new_indicator",
            )
            need = st.text_area(t("actions.need"), max_chars=actions.TEXT_MAX, key="_action_new_need")
            strategy = st.text_area(t("actions.strategy"), max_chars=actions.TEXT_MAX, key="_action_new_strategy")
            a, b = st.columns(2)
            owner = a.selectbox(
                t("actions.owner"), [None, *people], format_func=lambda i: people.get(i, t("actions.nobody"))
            )
            due = b.date_input(t("actions.due_date"), value=None)
            target = a.number_input(
                t("actions.target_figure"),
                min_value=0.0,
                max_value=100.0,
                value=None,
                step=1.0,
                key="_action_new_target",
            )
            baseline = b.selectbox(
                t("actions.baseline_wave"),
                waves or [None],
                index=len(waves) - 1 if waves else 0,
                format_func=lambda w: w or t("actions.no_waves"),
            )
            check_wave = st.text_input(t("actions.check_wave"), help=t("actions.check_wave_help"), max_chars=100)
            if st.form_submit_button(t("actions.create"), type="primary", key="_action_new_save"):
                try:
                    actions.create_action(
                        database(), current(), ws, sel.survey.id, indicator=indicator, need=need, strategy=strategy,
                        owner_account_id=owner, due_date=due, target_figure=target, baseline_wave=baseline,
                        check_wave=check_wave,
                    )  # fmt: skip
                except UserError as err:
                    show_error(err)
                else:
                    st.session_state.pop(INDICATOR_KEY, None)
                    st.toast(t("actions.created"))
                    st.rerun()

# --- the plan and its check -------------------------------------------------------------------------
st.subheader(t("actions.plan"))
if not checks:
    st.info(t("actions.empty"))
    st.stop()

STATUS_NAMES = {s: t(f"actions.status.{s}") for s in actions.STATUSES}
f1, f2, f3 = st.columns(3)
statuses = f1.multiselect(
    t("actions.filter_status"), actions.STATUSES, format_func=STATUS_NAMES.get, placeholder=t("dash.all")
)
owner_ids = sorted({c.action.owner_account_id for c in checks if c.action.owner_account_id is not None})
owner_names = {None: t("actions.everyone"), **{i: people.get(i, f"#{i}") for i in owner_ids}}
owner_filter = f2.selectbox(t("actions.filter_owner"), [None, *owner_ids], format_func=owner_names.get)
indicators = list(dict.fromkeys(c.action.indicator for c in checks))
indicator_filter = f3.selectbox(
    t("actions.filter_indicator"),
    [None, *indicators],
    format_func=lambda c: t("actions.every_indicator") if c is None else _label(c),
)
shown = [
    c
    for c in checks
    if (not statuses or c.action.status in statuses)
    and (owner_filter is None or c.action.owner_account_id == owner_filter)
    and (indicator_filter is None or c.action.indicator == indicator_filter)
]
st.caption(t("actions.shown", shown=len(shown), total=len(checks)))
show_table(plan_table(shown, L), "action-plan", column_config=column_config(L))
st.caption(t("actions.test_note"))

# --- change one action ---------------------------------------------------------------------------
if not editing or not shown:
    st.stop()
st.subheader(t("actions.change_one"))
by_id = {c.action.id: c for c in shown}
chosen = st.selectbox(
    t("actions.which"),
    list(by_id),
    format_func=lambda i: f"#{i} · {by_id[i].label(L)} · {by_id[i].action.strategy[:60]}",
    key="_action_chosen",
)
action = by_id[chosen].action
with st.form(f"_action_edit_{chosen}"):
    status = st.selectbox(
        t("actions.status"),
        actions.STATUSES,
        index=actions.STATUSES.index(action.status),
        format_func=STATUS_NAMES.get,
        key=f"_action_edit_status_{chosen}",
    )
    strategy = st.text_area(t("actions.strategy"), value=action.strategy, max_chars=actions.TEXT_MAX)
    need = st.text_area(t("actions.need"), value=action.need, max_chars=actions.TEXT_MAX)
    a, b = st.columns(2)
    target = a.number_input(
        t("actions.target_figure"), min_value=0.0, max_value=100.0, value=action.target_figure, step=1.0
    )
    check_wave = b.text_input(t("actions.check_wave"), value=action.check_wave or "", max_chars=100)
    choices = (
        [None, *people] if action.owner_account_id in (None, *people) else [None, *people, action.owner_account_id]
    )
    owner = a.selectbox(
        t("actions.owner"),
        choices,
        index=choices.index(action.owner_account_id),
        format_func=lambda i: people.get(i, action.owner if i else t("actions.nobody")),
    )
    due = b.date_input(t("actions.due_date"), value=action.due_date)
    if st.form_submit_button(t("actions.save_edit"), key=f"_action_edit_save_{chosen}"):
        try:
            actions.edit_action(
                database(), current(), ws, action.id, strategy=strategy, need=need, target_figure=target,
                check_wave=check_wave, owner_account_id=owner, due_date=due,
            )  # fmt: skip
            if status != action.status:
                actions.set_action_status(database(), current(), ws, action.id, status)
        except UserError as err:
            show_error(err)
        else:
            st.toast(t("actions.saved"))
            st.rerun()
with st.popover(t("actions.delete"), icon=":material/delete:"):
    sure = st.checkbox(t("actions.delete_confirm"), key=f"_action_delete_sure_{chosen}")
    if st.button(t("actions.delete"), disabled=not sure, key=f"_action_delete_{chosen}"):
        try:
            actions.delete_action(database(), current(), ws, action.id)
        except UserError as err:
            show_error(err)
        else:
            st.toast(t("actions.deleted"))
            st.rerun()

if not math.isnan(by_id[chosen].after):
    st.caption(f"{plain(_label(action.indicator))}: {number(by_id[chosen].before)} → {number(by_id[chosen].after)}")
