"""The Model page's path editor: the paths between a survey's dimensions as a from → to table, saved with the
survey (`surveys.set_model`) by who designs it; everyone else sees the table read-only."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from survey import analysis, surveys
from survey.errors import UserError
from ui.auth import current, current_place, workspace_id
from ui.downloads import EMPTY_CELL
from ui.i18n import show_error, t
from ui.selection import Selection
from ui.state import database


def dimension_names(sel: Selection, lang: str) -> dict[str, str]:
    """dimension code → the name the editor shows (its label; the code added where two labels are alike)."""
    codes = list(analysis.model_dimensions(sel.defn, sel.inputs.scales))  # dimensions with scale items
    labels = {c: (sel.defn.node(c).label(lang) or c) for c in codes}
    alike = {v for v in labels.values() if list(labels.values()).count(v) > 1}
    return {c: (f"{v} ({c})" if v in alike else v) for c, v in labels.items()}


def path_editor(sel: Selection, lang: str) -> None:
    """The table of the model's paths (the drawn model, the template's, or a first draft to redraw), with
    Save and, for a drawn model, the way back to the one the dimension codes give."""
    names = dimension_names(sel, lang)
    if len(names) < 2:
        st.info(t("model.draw_too_few", count=len(names)))
        return
    code_of = {v: c for c, v in names.items()}
    blocks = analysis.model_dimensions(sel.defn, sel.inputs.scales)
    pairs = analysis.drawn_paths(sel.inputs) or analysis.template_paths(blocks)
    rows = pd.DataFrame([(names.get(a), names.get(b)) for a, b in pairs], columns=["from", "to"])
    may = current_place() is not None and current_place().may(surveys.PERMISSION)
    st.caption(t("model.draw_help"))
    if not may:
        st.caption(t("model.draw_readonly"))
    options = list(names.values())
    edited = st.data_editor(
        rows,
        num_rows="dynamic" if may else "fixed",
        hide_index=True,
        width="stretch",
        disabled=not may,
        placeholder=EMPTY_CELL,
        column_config={
            "from": st.column_config.SelectboxColumn(t("model.col.from"), options=options, required=True),
            "to": st.column_config.SelectboxColumn(t("model.col.to"), options=options, required=True),
        },
        key=f"_model_paths_{sel.survey.id}_{hash(sel.defn.model_paths)}",
    )
    if not may:
        return
    cols = st.columns(2)
    if cols[0].button(t("model.draw_save"), key="_model_paths_save", type="primary"):
        drawn = []
        for row, (a, b) in enumerate(edited[["from", "to"]].itertuples(index=False), start=1):
            if pd.isna(a) and pd.isna(b):
                continue
            if pd.isna(a) or pd.isna(b):
                st.error(t("model.draw_incomplete", row=row))
                return
            drawn.append((code_of[a], code_of[b]))
        _save(sel, drawn, lang, "model.draw_saved")
    if sel.defn.model_paths and cols[1].button(t("model.draw_reset"), key="_model_paths_reset"):
        _save(sel, [], lang, "model.draw_reset_done")


def _save(sel: Selection, pairs: list, lang: str, done: str) -> None:
    try:
        kept = surveys.set_model(database(), current(), workspace_id(), sel.survey.id, pairs, lang=lang)
    except UserError as err:
        show_error(err)
        return
    st.session_state["_model_paths_done"] = t(done, count=len(kept))
    st.rerun()


def saved_message() -> None:
    """The last save's confirmation, shown once after the page reloads with the new model."""
    message = st.session_state.pop("_model_paths_done", None)
    if message:
        st.success(message)
