"""My group (student): start the group's survey from a template, design its indicators with a planned
satisfaction each, hand out the questionnaire link and QR code, and watch the results arrive.

Session keys (st.session_state): "_group_flash" (a message for the next run), "_group_edit" (a counter that
resets the indicator table after a save).
"""

import pandas as pd
import streamlit as st

from survey import actions as action_plans
from survey import answering, classroom
from survey.classroom import ClassError, Indicator
from survey.design.definition import DefinitionError
from survey.design.editing import cell_text
from survey.errors import UserError
from survey.storage import store
from ui.action_plan import group_plan_config, group_plan_table
from ui.auth import current
from ui.classroom import (
    LIVE_SECONDS,
    number,
    plain,
    pptx_button,
    show_results,
    student_group,
)
from ui.i18n import lang, show_error, t
from ui.page import show_problems, start
from ui.qr import link_and_qr, public_base_url
from ui.state import database

start("group.title", "group.intro", need="group.design")
who = current()
place = student_group()
ws, group_id = place.workspace_id, place.group_id
try:
    with database().session() as s:
        group = classroom.group_info(s, ws, group_id)
except store.NotFound:
    st.error(t("group.not_found"))
    st.stop()
st.subheader(t("group.heading", group=plain(group.name), name=plain(place.name)))
flash = st.session_state.pop("_group_flash", None)
if flash:
    st.success(flash)


def done(message: str) -> None:
    st.session_state["_group_flash"] = message
    st.session_state["_group_edit"] = st.session_state.get("_group_edit", 0) + 1
    st.rerun()


# --- no survey yet: start from a template --------------------------------------------------------------------
if group.survey_id is None:
    st.markdown(t("group.start_help"))
    template = st.radio(
        t("group.template"),
        classroom.GROUP_TEMPLATES,
        format_func={k: t(f"group.template.{k}") for k in classroom.GROUP_TEMPLATES}.get,
        captions=[t(f"group.template.{k}_help") for k in classroom.GROUP_TEMPLATES],
        key="group_template",
    )
    if st.button(t("group.create"), type="primary", key="create_survey"):
        try:
            with database().session() as s:
                classroom.start_survey(s, who, ws, group_id, template)
        except ClassError as e:
            show_error(e)
        else:
            done(t("group.created"))
    st.stop()


def indicator_fields(item: Indicator, key: str) -> Indicator | None:
    """An indicator's labels and planned satisfaction, one under the other (None: marked for removal)."""
    with st.container(border=True):
        if item.code:
            st.caption(f"{t('group.col.code')}: {plain(item.code)}")
        label_zh = st.text_input(t("group.col.label_zh"), value=item.label_zh, max_chars=500, key=f"{key}_zh")
        label_en = st.text_input(t("group.col.label_en"), value=item.label_en, max_chars=500, key=f"{key}_en")
        planned = st.number_input(
            t("group.col.planned"),
            min_value=0.0,
            max_value=100.0,
            value=item.planned,
            step=1.0,
            format="%.0f",
            help=t("group.planned_help"),
            key=f"{key}_planned",
        )
        removed = bool(item.code) and st.checkbox(t("group.remove_indicator"), key=f"{key}_remove")
    if removed:
        return None
    return Indicator(item.code, cell_text(label_zh), cell_text(label_en), planned)


# --- the indicators and their planned satisfaction -----------------------------------------------------------
st.header(t("group.indicators"))
st.caption(t("group.indicators_help"))
with database().session() as s:
    indicators = classroom.indicators(s, ws, group_id)
    state = answering.link_state(s, ws, group.survey_id)
edit_key = f"_indicators_{group.survey_id}_{st.session_state.get('_group_edit', 0)}"
with st.form(edit_key):  # one block per indicator (a wide grid put the planned column off a phone's screen)
    edits = [indicator_fields(item, f"{edit_key}_{number}") for number, item in enumerate(indicators)]
    st.caption(t("group.new_indicator"))
    edits.append(indicator_fields(Indicator("", "", ""), f"{edit_key}_new"))
    if state.answers:
        st.caption(t("group.versions_note", count=state.answers))
    save = st.form_submit_button(t("group.save"), type="primary", key="save_indicators")
if save:
    edits = [x for x in edits if x is not None and (x.code or x.label_zh or x.label_en)]
    try:
        with database().session() as s:
            codes = classroom.save_group_indicators(s, who, ws, group_id, edits)
    except ClassError as e:
        show_error(e)
    except DefinitionError as e:
        show_problems("group.save_failed", e.problems)
    else:
        done(t("group.saved", count=len(codes)))

# --- the questionnaire link ----------------------------------------------------------------------------------
st.header(t("group.link"))
if state.is_open:
    st.success(t("group.link_open"))
else:
    st.warning(t("group.link_closed"))
    if st.button(t("group.reopen"), key="reopen"):
        try:
            with database().session() as s:
                classroom.reopen_link(s, who, ws, group_id)
        except ClassError as e:
            show_error(e)
        else:
            done(t("group.link_open"))
if state.link_token:
    url = answering.answer_url(public_base_url("group"), state.link_token)
    link_and_qr(url, f"group-{group_id}-qr.png", key="qr", width=240, help_text=t("group.link_help"))


# --- live results --------------------------------------------------------------------------------------------
@st.fragment(run_every=LIVE_SECONDS)
def live_results() -> None:
    with database().session() as s:
        result = classroom.group_results(s, ws, group_id)
    answers, sat, nps, loyalty = st.columns(4)
    answers.metric(t("group.answers"), result.answers, border=True)
    sat.metric(t("card.satisfaction"), number(result.satisfaction), border=True)
    nps.metric(t("card.nps"), number(result.nps), border=True, help=t("group.nps_n", n=result.nps_n))
    loyalty.metric(
        t("card.loyalty"), number(result.loyalty), border=True, help=t("group.loyalty_n", n=result.loyalty_n)
    )
    show_results([result], lang(), with_group=False)


st.header(t("group.results"))
st.caption(t("classes.live_help", seconds=LIVE_SECONDS))
live_results()
with database().session() as s:
    mine = classroom.group_results(s, ws, group_id)
pptx_button(ws, mine, lang(), key="group_pptx")

# --- the group's action plan: strategies for its largest gaps ------------------------------------------------
st.header(t("actions.group_plan"))
st.caption(t("actions.group_plan_help"))
with database().session() as s:
    plan = action_plans.list_actions(s, ws, group.survey_id)
st.dataframe(
    group_plan_table(mine.indicators, plan, lang()),
    hide_index=True,
    width="stretch",
    column_config=group_plan_config(lang()),
)
largest = list(mine.indicators.sort_values("gap", na_position="last", kind="stable")["code"])
if largest:
    names = dict(zip(mine.indicators["code"], mine.indicators["label_zh" if lang() == "zh" else "label_en"]))
    planned = dict(zip(mine.indicators["code"], mine.indicators["planned"]))
    with st.form("_group_action", clear_on_submit=True):
        code = st.selectbox(
            t("actions.indicator"), largest, format_func=lambda c: names.get(c) or c, key="_group_action_indicator"
        )
        need = st.text_area(t("actions.need"), max_chars=action_plans.TEXT_MAX, key="_group_action_need")
        strategy = st.text_area(t("actions.strategy"), max_chars=action_plans.TEXT_MAX, key="_group_action_strategy")
        check_wave = st.text_input(t("actions.check_wave"), help=t("actions.check_wave_help"), max_chars=100)
        if st.form_submit_button(t("actions.create"), key="_group_action_save"):
            target = planned.get(code)
            try:
                action_plans.create_action(
                    database(), who, ws, group.survey_id, indicator=code, need=need, strategy=strategy,
                    target_figure=None if pd.isna(target) else float(target), check_wave=check_wave,
                )  # fmt: skip
            except UserError as e:
                show_error(e)
            else:
                done(t("actions.created"))
