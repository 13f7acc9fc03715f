"""Weighting: population margins entered or uploaded (CSV), the weights they give, the design effect and the
effective n; schemes saved with the survey and chosen on the dashboards."""

import pandas as pd
import streamlit as st

from survey import analysis, weighting
from survey.access.accounts import AccountError
from survey.storage import store
from survey.weighting import WeightingError
from ui import figures
from ui.auth import current, workspace_id
from ui.cards import number
from ui.i18n import lang, plain, show_error, t
from ui.page import start
from ui.state import database
from ui.survey_picker import choose_survey
from ui.weighting import margins_key

DRAFT_KEY = "weighting_draft"  # st.session_state: {(survey id, scheme id or 0): margins being edited}
NEW = 0

start("wt.title", "wt.intro", need="weighting.manage")
who = current()
ws = workspace_id()
L = lang()
flash = st.session_state.pop("_wt_flash", None)
if flash:
    st.success(flash)

# --- load ---------------------------------------------------------------------------------------------------
survey = choose_survey()
if survey is None:
    st.stop()
with database().session() as s:
    stamp = store.data_version(s, ws, survey.id)
    defn = store.load_definition(s, ws, store.current_version(s, ws, survey.id).id)
inputs = analysis.analysis_inputs(defn)
if not inputs.segment_fields:
    st.info(t("wt.no_attributes"))
    st.stop()
if stamp[0] == 0:
    st.info(t("wt.no_responses"))
    st.stop()
frame = figures.responses(ws, survey.id, stamp)
labels = {n.code: n.label(L) for n in defn.nodes}

# --- choose a scheme, or start a new one ------------------------------------------------------------------
found = {x.id: x for x in weighting.schemes(database(), ws, survey.id)}
names = {NEW: t("wt.new"), **{k: x.name for k, x in found.items()}}
pending = st.session_state.pop("_wt_select", None)  # the scheme just saved or deleted
if pending is not None:
    st.session_state["_wt_scheme"] = pending
if "_wt_scheme" in st.session_state and st.session_state["_wt_scheme"] not in names:  # deleted meanwhile
    st.session_state["_wt_scheme"] = NEW
scheme_id = st.selectbox(t("wt.scheme"), [NEW, *found], format_func=names.get, key="_wt_scheme")
scheme = found.get(scheme_id)
drafts = st.session_state.setdefault(DRAFT_KEY, {})
draft_key = (survey.id, scheme_id)
margins = drafts.get(draft_key, dict(scheme.margins) if scheme else {})

upload = st.file_uploader(t("wt.upload"), type=["csv"], help=t("wt.upload_help"), key=f"_wt_upload_{scheme_id}")
if upload is not None and st.session_state.get("_wt_upload_seen") != (draft_key, upload.file_id):
    try:
        margins = weighting.margins_from_csv(upload.getvalue())
    except WeightingError as err:
        show_error(err)
    else:
        st.session_state["_wt_upload_seen"] = (draft_key, upload.file_id)
        drafts[draft_key] = margins
        st.session_state["_wt_generation"] = st.session_state.get("_wt_generation", 0) + 1
        st.success(t("wt.uploaded", count=len(margins)))
generation = st.session_state.get("_wt_generation", 0)

# --- the margins --------------------------------------------------------------------------------------------
options = [*inputs.segment_fields, *(a for a in margins if a not in inputs.segment_fields)]
chosen = st.multiselect(
    t("wt.attributes"),
    options,
    default=[a for a in margins if a in options],
    format_func=lambda a: labels.get(a, a),
    key=f"_wt_attributes_{scheme_id}_{generation}",
)
edited: dict = {}
for attribute in chosen:
    present = analysis.segment_values(frame, attribute) if attribute in frame.columns else []
    given = margins.get(attribute, {})
    categories = [*given, *(c for c in present if c not in given)]
    counts = frame[attribute].astype("string").str.strip().value_counts() if attribute in frame.columns else {}
    shares = {c: round(float(counts.get(c, 0)) / len(frame), 4) for c in categories}
    table = pd.DataFrame(
        {"category": categories, "target": [given.get(c, shares[c]) for c in categories]}, dtype=object
    )
    st.markdown(f"**{t('wt.margin_of', attribute=plain(labels.get(attribute, attribute)))}**")
    result = st.data_editor(
        table,
        hide_index=True,
        num_rows="dynamic",
        key=f"_wt_edit_{scheme_id}_{attribute}_{generation}",
        column_config={
            "category": st.column_config.TextColumn(t("wt.col.category")),
            "target": st.column_config.NumberColumn(t("wt.col.target"), min_value=0.0, format="%.4g"),
        },
    )
    edited[attribute] = {
        str(row["category"]).strip(): row["target"]
        for _, row in result.iterrows()
        if row["category"] is not None and str(row["category"]).strip()
    }
if not chosen:
    st.info(t("wt.pick_attributes"))
    st.stop()

# --- the weights ------------------------------------------------------------------------------------------------
st.subheader(t("wt.result"))
weights = None
try:
    weights = figures.scheme_weights(ws, survey.id, stamp, margins_key(weighting.checked_margins(edited)))
except WeightingError as err:
    show_error(err)
if weights is not None:
    summary = weights.summary()
    cols = st.columns(4)
    cols[0].metric(t("wt.n"), weights.n, border=True)
    cols[1].metric(
        t("wt.design_effect"), number(weights.design_effect, ".2f"), help=t("wt.design_effect_help"), border=True
    )
    cols[2].metric(t("wt.effective_n"), number(weights.effective_n, ".1f"), help=t("wt.effective_n_help"), border=True)
    cols[3].metric(
        t("wt.weight_range"),
        f"{number(summary['min'], '.2f')} – {number(summary['max'], '.2f')}",
        border=True,
    )
    if weights.converged:
        st.caption(t("wt.converged", iterations=weights.iterations))
    else:
        st.warning(t("wt.not_converged", iterations=weights.iterations))
    shown = weighting.weight_table(frame, edited, weights.weights)
    shown["attribute"] = shown["attribute"].map(lambda a: labels.get(a, a))
    st.dataframe(
        shown.rename(columns={c: t(f"wt.col.{c}") for c in weighting.WEIGHT_TABLE_COLUMNS}),
        hide_index=True,
        width="stretch",
        column_config={
            t(f"wt.col.{c}"): st.column_config.NumberColumn(format="%.1f")
            for c in ("sample_share", "target_share", "weighted_share")
        }
        | {t("wt.col.mean_weight"): st.column_config.NumberColumn(format="%.3f")},
    )

# --- save, rename, delete -------------------------------------------------------------------------------------
name = st.text_input(t("wt.name"), value=scheme.name if scheme else "", max_chars=weighting.NAME_MAX, key="_wt_name")
if st.button(t("wt.save"), type="primary", key="_wt_save"):
    try:
        saved = weighting.save_scheme(
            database(), who, ws, survey.id, name, edited, scheme_id=scheme.id if scheme else None, lang=L
        )
    except (WeightingError, AccountError) as err:
        show_error(err)
    else:
        drafts.pop(draft_key, None)
        st.session_state["_wt_select"] = saved.id
        st.session_state["_wt_flash"] = t("wt.saved", name=plain(saved.name))
        st.rerun()
if scheme is not None:
    with st.expander(t("wt.delete")):
        if st.button(t("wt.delete"), key="_wt_delete"):
            try:
                weighting.delete_scheme(database(), who, ws, scheme.id, lang=L)
            except (WeightingError, AccountError) as err:
                show_error(err)
            else:
                drafts.pop(draft_key, None)
                st.session_state["_wt_select"] = NEW
                st.session_state["_wt_flash"] = t("wt.deleted", name=plain(scheme.name))
                st.rerun()
