"""Overview: satisfaction index, NPS, loyalty index and responses, the worst gaps, segments at risk."""

import streamlit as st

from survey import actions as action_plans
from survey import surveys
from survey.access.accounts import AccountError
from survey.reporting import report
from survey.storage import store
from ui.action_plan import create_links, due_lines, survey_checks
from ui.auth import current, current_place, workspace_id
from ui.cards import card, number
from ui.classroom import page_link
from ui.filters import dashboard_filters
from ui.i18n import lang, plain, show_error, t
from ui.page import start
from ui.state import database
from ui.views import overview_view

start("overview.title", "overview.intro", need="dashboards.read")
sel = dashboard_filters()
if sel is None:
    st.stop()
L = lang()
shown = overview_view(sel, L)
view = shown.overview
fig = view.figures

# --- which responses -------------------------------------------------------------------
if view.wave is None:
    st.caption(t("overview.all_responses", count=fig["n"]))
elif view.previous_wave is None:
    st.caption(t("overview.first_wave", wave=plain(view.wave), count=fig["n"]))
else:
    st.caption(t("overview.wave_vs", wave=plain(view.wave), previous=plain(view.previous_wave), count=fig["n"]))

# --- targets (stored with the survey) --------------------------------------------------------
with database().session() as s:
    targets = store.targets(s, workspace_id(), sel.survey.id)


def _keep_target(name: str, key: str) -> None:
    try:
        surveys.set_target(
            database(), current(), workspace_id(), sel.survey.id, name, st.session_state[key], lang=lang()
        )
    except AccountError as err:
        show_error(err)


may_set = surveys.may_set_targets(current_place())
with st.expander(t("overview.targets")):
    st.caption(t("overview.targets_help"))
    if not may_set:
        st.caption(t("overview.targets_readonly"))
    target_cols = st.columns(3)
    for col, (name, (low, high)) in zip(target_cols, store.TARGET_FIGURES.items()):
        key = f"_target_{sel.survey.id}_{name}"
        st.session_state[key] = targets.get(name)
        col.number_input(
            t(f"card.{name}"),
            min_value=low,
            max_value=high,
            step=1.0,
            key=key,
            on_change=_keep_target,
            args=(name, key),
            disabled=not may_set,
        )

# --- the cards ---------------------------------------------------------------------------
changes = view.changes
cols = st.columns(4)
card(
    cols[0],
    t("card.satisfaction"),
    fig["satisfaction"],
    change=changes.get("satisfaction"),
    previous_wave=view.previous_wave,
    target=targets.get("satisfaction"),
    note=report.satisfaction_note(view, L, sel.inputs.model_name),
    help_text=t("card.satisfaction_help_pls" if view.satisfaction_method == "pls" else "card.satisfaction_help"),
)
nps_note = (
    t("card.nps_interval", low=number(fig["nps_low"], ".1f"), high=number(fig["nps_high"], ".1f"))
    if sel.inputs.recommend
    else t("card.no_recommend")
)
card(
    cols[1],
    t("card.nps"),
    fig["nps"],
    change=changes.get("nps"),
    previous_wave=view.previous_wave,
    target=targets.get("nps"),
    note=nps_note,
    help_text=t("card.nps_help"),
)
card(
    cols[2],
    t("card.loyalty"),
    fig["loyalty"],
    change=changes.get("loyalty"),
    previous_wave=view.previous_wave,
    target=targets.get("loyalty"),
    note=None if sel.inputs.loyalty else t("card.no_loyalty"),
    help_text=t("card.loyalty_help"),
)
card(
    cols[3],
    t("card.responses"),
    fig["n"],
    spec="d",
    change=changes.get("responses"),
    previous_wave=view.previous_wave,
    delta_color="off",
)
experience = view.experience_scores  # CSAT and CES cards, when the survey has those items
if experience:
    more = st.columns(4)
    if "csat" in experience:
        r = experience["csat"]
        note = t("card.csat_note", count=r.count, n=r.n, low=number(r.ci_low), high=number(r.ci_high))
        card(more[0], t("card.csat"), r.score, note=note, help_text=t("card.csat_help"))
    if "ces" in experience:
        r = experience["ces"]
        note = t(
            "card.ces_note", agree=number(r.agree), low=number(r.mean_ci_low, ".2f"), high=number(r.mean_ci_high, ".2f")
        )
        card(more[1], t("card.ces"), r.mean, spec=".2f", note=note, help_text=t("card.ces_help"))
if sel.inputs.loyalty or not sel.inputs.tree.empty:
    st.caption(t("overview.missing_rule"))

# --- worst gaps ----------------------------------------------------------------------------
left, right = st.container(), st.container()  # one under the other: the tables need the width
with left:
    st.subheader(t("overview.worst_gaps"))
    if not sel.inputs.gap_pairs:
        st.info(t("overview.no_pairs"))
    elif shown.worst_gaps is None:
        st.success(t("overview.no_shortfall"))
    else:
        shown.worst_gaps.show()
        st.caption(t("overview.gaps_note"))
        create_links(sel.survey.id, list(view.worst_gaps["code"]), sel.labels(L))

# --- actions due this wave (the action plan's check) ---------------------------------------------
if view.wave is not None:
    due = action_plans.due_at(survey_checks(sel), view.wave)
    if due:
        st.subheader(t("actions.due_title"))
        st.markdown("\n".join(f"- {plain(line)}" for line in due_lines(due, L)))
        page_link("pages/actions.py", "actions", t("actions.open_plan"), ":material/checklist:")

# --- segments at risk ----------------------------------------------------------------------
with right:
    st.subheader(t("overview.at_risk"))
    reference = (
        t("overview.vs_previous", wave=plain(view.previous_wave)) if view.previous_wave else t("overview.vs_rest")
    )
    if sel.inputs.segment_fields:
        st.caption(reference)
    if not sel.inputs.segment_fields:
        st.info(t("overview.no_segments"))
    elif shown.at_risk is None:
        st.success(t("overview.no_drops"))
    else:
        shown.at_risk.show()
        st.caption(t("overview.tests_note"))
    if shown.tests_notes:
        st.caption("  \n".join(shown.tests_notes))

# --- trend -------------------------------------------------------------------------------------
if shown.trend is not None:
    shown.trend.show()
