"""My classes (teacher): create a class with groups, let students join by code or QR code, watch the groups'
results arrive, compare them, set the peer-review rubric, see the totals, export a group's PowerPoint file.

Session keys (st.session_state): "classes_class" (the workspace id of the class shown, kept across pages;
"_classes_choice" is its select box), "_classes_flash" (a message for the next run), "_classes_edit" (a counter
that resets the table editors after a save).
"""

import pandas as pd
import streamlit as st

from survey import actions as action_plans
from survey import answering, classroom
from survey.classroom import ClassError, Criterion
from survey.design.editing import cell_text
from ui.action_plan import group_plan_config, group_plan_table
from ui.auth import WORKSPACE_KEY, current
from ui.classroom import (
    LIVE_SECONDS,
    figures_table,
    join_url,
    number_columns,
    plain,
    pptx_button,
    show_results,
)
from ui.downloads import EMPTY_CELL
from ui.i18n import lang, show_error, t
from ui.page import start
from ui.qr import base_url_input, chosen_base_url, qr_png, warn_if_only_this_computer
from ui.state import SURVEY_KEY, database

CLASS_KEY = "classes_class"

start("classes.title", "classes.intro", need="classes.manage")
who = current()
flash = st.session_state.pop("_classes_flash", None)
if flash:
    st.success(flash)


def done(message: str, class_ws: int | None = None) -> None:
    st.session_state["_classes_flash"] = message
    st.session_state["_classes_edit"] = st.session_state.get("_classes_edit", 0) + 1
    if class_ws is not None:
        st.session_state[CLASS_KEY] = class_ws
    st.rerun()


with database().session() as s:
    classes = classroom.classes_of(s, who)

# --- a new class ---------------------------------------------------------------------------------------------
with st.expander(t("classes.new"), expanded=not classes, icon=":material/add:"):
    with st.form("new_class"):
        name = st.text_input(t("classes.name"), max_chars=classroom.NAME_MAX, placeholder=t("classes.name_example"))
        groups_text = st.text_area(
            t("classes.groups"), value=t("classes.groups_default"), help=t("classes.groups_help")
        )
        create = st.form_submit_button(t("classes.create"), type="primary")
    if create:
        try:
            with database().session() as s:
                made = classroom.start_class(s, who, name, groups_text.splitlines())
        except ClassError as e:
            show_error(e)
        else:
            done(t("classes.created", name=plain(made.name), code=made.join_code), made.workspace_id)

if not classes:
    st.info(t("classes.none"))
    st.stop()

# --- choose a class ------------------------------------------------------------------------------------------
by_ws = {c.workspace_id: c for c in classes}
if st.session_state.get(CLASS_KEY) not in by_ws:  # none yet, or not one of this teacher's classes
    st.session_state[CLASS_KEY] = classes[-1].workspace_id
st.session_state["_classes_choice"] = st.session_state[CLASS_KEY]


def _keep_class() -> None:
    st.session_state[CLASS_KEY] = st.session_state["_classes_choice"]


st.selectbox(
    t("classes.choose"),
    list(by_ws),
    format_func={ws: t("classes.option", name=c.name, students=c.students) for ws, c in by_ws.items()}.get,
    key="_classes_choice",
    on_change=_keep_class,
)
chosen = by_ws[st.session_state[CLASS_KEY]]
ws = chosen.workspace_id
edit = st.session_state.get("_classes_edit", 0)

# --- joining: the code, its QR code, open or closed ----------------------------------------------------------
st.header(t("classes.joining"))
base_url = chosen_base_url("classes")
if answering.base_url_of(base_url, "") is None:
    st.error(t("links.base_url_bad", url=base_url))
url = join_url(base_url, chosen.join_code)
code_col, qr_col = st.columns([3, 2])
with code_col:
    st.metric(t("classes.join_code"), chosen.join_code)
    st.caption(t("classes.join_how"))
    st.code(url, language=None, wrap_lines=True)
    warn_if_only_this_computer(url)
    base_url_input("classes")  # the same address as the links page's
    if chosen.joining_open:
        st.success(t("classes.joining_open"))
    else:
        st.warning(t("classes.joining_closed"))
    with st.container(horizontal=True):
        if st.button(t("classes.close_joining") if chosen.joining_open else t("classes.open_joining"), key="joining"):
            try:
                with database().session() as s:
                    classroom.set_joining(s, who, ws, not chosen.joining_open)
            except ClassError as e:
                show_error(e)
            else:
                done(t("classes.joining_now_open") if not chosen.joining_open else t("classes.joining_now_closed"))
        if st.button(t("classes.new_code"), help=t("classes.new_code_help"), key="new_code"):
            try:
                with database().session() as s:
                    code = classroom.change_join_code(s, who, ws)
            except ClassError as e:
                show_error(e)
            else:
                done(t("classes.code_changed", code=code))
png = qr_png(url)
qr_col.image(png, caption=t("classes.qr_caption"), width=280)
qr_col.download_button(
    t("classes.qr_download"), data=png, file_name=f"class-{chosen.join_code}-qr.png", mime="image/png", key="qr"
)

# --- groups and their members --------------------------------------------------------------------------------
st.header(t("classes.groups_members"))


@st.fragment(run_every=LIVE_SECONDS)
def live_roster() -> None:
    """Who has joined which group, refreshed on its own as students join (like the live results)."""
    with database().session() as s:
        students = classroom.members(s, ws)
        groups = classroom.class_summary(s, ws).groups
    st.caption(t("classes.roster_live", count=len(students), seconds=LIVE_SECONDS))
    separator = "、" if lang() == "zh" else ", "
    for g in groups:
        names = [m.name for m in students if m.group_id == g.id]
        shown = plain(separator.join(names)) if names else "—"
        st.markdown(t("classes.roster_line", group=plain(g.name), count=len(names), names=shown))


live_roster()
group_rows = pd.DataFrame({"id": [g.id for g in chosen.groups], "name": [g.name for g in chosen.groups]})
st.caption(t("classes.rename_groups"))
edited_groups = st.data_editor(
    group_rows,
    num_rows="add",
    hide_index=True,
    width="stretch",
    column_order=["name"],
    column_config={
        "name": st.column_config.TextColumn(t("classes.col.group"), max_chars=classroom.NAME_MAX, required=True),
    },
    key=f"_groups_{ws}_{edit}",
)
if st.button(t("classes.save_groups"), key="save_groups"):
    rows = [
        (None if r.get("id") is None or pd.isna(r.get("id")) else int(r.get("id")), cell_text(r.get("name")))
        for r in edited_groups.to_dict("records")
    ]
    try:
        with database().session() as s:
            classroom.save_groups(s, who, ws, rows)
    except ClassError as e:
        show_error(e)
    else:
        done(t("classes.groups_saved"))


# --- live results --------------------------------------------------------------------------------------------
@st.fragment(run_every=LIVE_SECONDS)
def live_results() -> None:
    with database().session() as s:
        results = classroom.compare_groups(s, ws)
        students = {g.id: g.students for g in classroom.class_summary(s, ws).groups}
    columns = st.columns(min(len(results), 4))
    for k, result in enumerate(results):
        columns[k % len(columns)].metric(t("classes.answers_of", group=plain(result.name)), result.answers, border=True)
    st.dataframe(
        figures_table(results, lang(), students),
        hide_index=True,
        width="stretch",
        column_config=number_columns(lang()),
        placeholder=EMPTY_CELL,
    )
    show_results(results, lang())


st.header(t("classes.live"))
st.caption(t("classes.live_help", seconds=LIVE_SECONDS))
live_results()

with st.expander(t("classes.export"), icon=":material/slideshow:"):
    st.caption(t("classes.export_help"))
    with database().session() as s:
        exported = classroom.compare_groups(s, ws)
    for result in exported:
        pptx_button(ws, result, lang(), key=f"pptx_{result.group_id}")


def _open_dashboards(survey_id: int) -> None:
    """Work in the class's workspace with this group's survey, on the dashboards."""
    st.session_state[WORKSPACE_KEY] = ws
    st.session_state[SURVEY_KEY] = survey_id
    st.session_state.pop("dashboard_filters", None)


with st.expander(t("classes.dashboards"), icon=":material/dashboard:"):
    st.caption(t("classes.dashboards_help"))
    for result in exported:
        if result.survey_id is None:
            continue
        if st.button(plain(result.name), key=f"dash_{result.group_id}", icon=":material/open_in_new:"):
            _open_dashboards(result.survey_id)
            st.switch_page("pages/overview.py")

# --- each group's action plan next to its gaps ----------------------------------------------------------------
st.header(t("actions.group_plan"))
st.caption(t("actions.group_plan_help"))
for result in exported:
    if result.survey_id is None:
        continue
    with database().session() as s:
        plan = action_plans.list_actions(s, ws, result.survey_id)
    st.subheader(plain(result.name))
    if not plan:
        st.caption(t("actions.no_plan"))
    st.dataframe(
        group_plan_table(result.indicators, plan, lang()),
        hide_index=True,
        width="stretch",
        column_config=group_plan_config(lang()),
    )

# --- peer review: the rubric and the totals ------------------------------------------------------------------
st.header(t("classes.peer"))
with database().session() as s:
    criteria = classroom.rubric(s, ws)
    totals = classroom.peer_review_totals(s, ws)
    reviews = classroom.review_count(s, ws)
st.caption(t("classes.rubric_help"))
rubric_rows = pd.DataFrame(
    {
        "name_zh": pd.Series([c.name_zh for c in criteria], dtype="string"),
        "name_en": pd.Series([c.name_en for c in criteria], dtype="string"),
        "max": pd.Series([c.max for c in criteria], dtype="Int64"),
    },
)
edited_rubric = st.data_editor(
    rubric_rows,
    num_rows="dynamic",
    hide_index=True,
    width="stretch",
    column_config={
        "name_zh": st.column_config.TextColumn(t("classes.col.criterion_zh"), max_chars=200),
        "name_en": st.column_config.TextColumn(t("classes.col.criterion_en"), max_chars=200),
        "max": st.column_config.NumberColumn(t("classes.col.max"), min_value=1, max_value=classroom.SCORE_MAX, step=1),
    },
    key=f"_rubric_{ws}_{edit}",
)
if st.button(t("classes.save_rubric"), key="save_rubric"):
    rows = [r for r in edited_rubric.to_dict("records") if cell_text(r.get("name_zh")) or cell_text(r.get("name_en"))]
    new = [
        Criterion(
            cell_text(r.get("name_zh")),
            cell_text(r.get("name_en")),
            None if pd.isna(r.get("max")) else float(r.get("max")),
        )
        for r in rows
    ]
    try:
        with database().session() as s:
            classroom.save_rubric(s, who, ws, new)
    except ClassError as e:
        show_error(e)
    else:
        done(t("classes.rubric_saved"))

if reviews:
    st.subheader(t("classes.peer_totals", count=reviews))
    table = pd.DataFrame(
        {t("classes.col.group"): [x.name for x in totals], t("classes.col.reviews"): [x.reviews for x in totals]}
    )
    for k, c in enumerate(criteria):
        table[t("classes.col.criterion_mean", name=c.name(lang()), max=c.max)] = [x.criteria[k] for x in totals]
    table[t("classes.col.total")] = [x.total for x in totals]
    table[t("classes.col.mean_total", max=totals[0].max_total)] = [x.mean for x in totals]
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={c: st.column_config.NumberColumn(format="%.1f") for c in table.columns[2:]},
        placeholder=EMPTY_CELL,
    )
    with st.popover(t("classes.clear_reviews"), icon=":material/delete:"):
        st.warning(t("classes.clear_reviews_warning", count=reviews))
        if st.button(t("classes.clear_reviews_confirm"), type="primary", key="clear_reviews"):
            try:
                with database().session() as s:
                    cleared = classroom.clear_reviews(s, who, ws)
            except ClassError as e:
                show_error(e)
            else:
                done(t("classes.reviews_cleared", count=cleared))
else:
    st.caption(t("classes.peer_none"))
