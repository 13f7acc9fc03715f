"""The action plan's shared pieces: the link "create an action for this gap" (Gaps, Priorities, Overview) and
the plan's table as a page, the Overview and the report show it.

Session keys: "_action_indicator" (the indicator a link asked the Action plan page to preselect).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from survey import actions
from survey.actions import ActionCheck
from survey.i18n import text
from survey.reporting import report
from survey.storage import store
from ui import figures
from ui.auth import current_place
from ui.i18n import plain, t
from ui.selection import Selection
from ui.state import database

PAGE = "pages/actions.py"
INDICATOR_KEY = "_action_indicator"


def may_edit() -> bool:
    """Whether the user may create and change actions where they work (`actions.PERMISSION`)."""
    place = current_place()
    return place is not None and place.may(actions.PERMISSION)


def survey_checks(sel: Selection, plan: Sequence[actions.Action] | None = None) -> list[ActionCheck]:
    """The survey's actions (or `plan`) checked on all its responses (the dashboards' cached load, not the
    sidebar's filters) under its current definition (`actions.action_checks`)."""
    ws, survey_id = sel.source[0], sel.source[1]
    with database().session() as s:
        if plan is None:
            plan = actions.list_actions(s, ws, survey_id)
        if not plan:
            return []
        defn = store.load_definition(s, ws, store.current_version(s, ws, survey_id).id)
    return _checks(sel.source, defn, tuple(plan))


@st.cache_data(show_spinner=False, max_entries=16)
def _checks(source: tuple, defn, plan: tuple) -> list[ActionCheck]:
    """Keyed by the responses' data version, the definition and the actions as stored (an edit makes a new key)."""
    return actions.action_checks(defn, figures.responses(*source), plan)


def create_links(survey_id: int, codes: Sequence[str], labels: dict) -> None:
    """One link per indicator to the Action plan page with its form preselected (nothing for a role that may
    not plan actions)."""
    if not may_edit():
        return
    with st.container(horizontal=True, gap="small"):
        for code in codes:
            label = t("actions.create_for", indicator=plain(labels.get(code, code)))
            try:
                st.page_link(
                    PAGE,
                    label=label,
                    icon=":material/add_task:",
                    query_params={"survey": str(survey_id), "indicator": code},
                )
            except StreamlitPageNotFoundError:  # a page file run on its own, outside the app's navigation
                st.caption(label)


def number(value: float, spec: str = ".1f") -> str:
    return report.number(value, spec)


def plan_table(checks: Sequence[ActionCheck], lang: str) -> pd.DataFrame:
    """One row per action: what it is, its status, and its check (before, after, change, adjusted p, ★,
    target, outcome), every text as the user typed it. Columns named in `lang`."""

    def col(key: str) -> str:
        return text(lang, f"actions.col.{key}")

    rows = []
    for c in checks:
        a = c.action
        rows.append(
            {
                col("id"): a.id,
                col("indicator"): c.label(lang),
                col("need"): a.need,
                col("strategy"): a.strategy,
                col("owner"): a.owner or "—",
                col("due"): a.due_date.isoformat() if a.due_date else "",
                col("status"): text(lang, f"actions.status.{a.status}"),
                col("baseline"): c.before_wave or "",
                col("before"): c.before,
                col("check"): c.after_wave or a.check_wave or "",
                col("after"): c.after,
                col("change"): c.change,
                col("p"): c.p_adjusted,
                col("significant"): "★" if c.significant else "",
                col("target"): math.nan if a.target_figure is None else a.target_figure,
                col("outcome"): text(lang, f"actions.outcome.{c.outcome}", code=a.indicator),
            }
        )
    return pd.DataFrame(rows, columns=[col(k) for k in COLUMNS])


COLUMNS = (
    "id", "indicator", "need", "strategy", "owner", "due", "status", "baseline", "before", "check", "after",
    "change", "p", "significant", "target", "outcome",
)  # fmt: skip

# the columns of the report's slide (the page's table without the need, due date and p)
REPORT_COLUMNS = (
    "indicator",
    "strategy",
    "owner",
    "status",
    "before",
    "after",
    "change",
    "significant",
    "target",
    "outcome",
)


def column_config(lang: str) -> dict:
    def col(key: str) -> str:
        return text(lang, f"actions.col.{key}")

    one = {col(k): st.column_config.NumberColumn(format="%.1f") for k in ("before", "after", "target")}
    return {
        **one,
        col("change"): st.column_config.NumberColumn(format="%+.1f"),
        col("p"): st.column_config.NumberColumn(format="%.3f"),
        col("id"): st.column_config.NumberColumn(format="%d"),
    }


def due_lines(checks: Sequence[ActionCheck], lang: str) -> list[str]:
    """The Overview's "actions due this wave", one line each."""
    lines = []
    for c in checks:
        target = "—" if c.action.target_figure is None else number(c.action.target_figure)
        lines.append(
            text(
                lang,
                "actions.due_line",
                indicator=c.label(lang),
                strategy=c.action.strategy,
                before=number(c.before),
                after=number(c.after),
                change=number(c.change, "+.1f"),
                mark=" ★" if c.significant else "",
                target=target,
                outcome=text(lang, f"actions.outcome.{c.outcome}", code=c.action.indicator),
            )
        )
    return lines


# --- a class group's plan: its strategies for its largest gaps ---------------------------------------------


def group_plan_table(indicators: pd.DataFrame, plan: Sequence[actions.Action], lang: str) -> pd.DataFrame:
    """A group's indicators, largest shortfall first (actual − planned), each with the strategies its plan
    holds for it (one per line, with their status). `indicators`: `GroupResults.indicators`."""
    label = "label_zh" if lang == "zh" else "label_en"
    ordered = indicators.sort_values("gap", na_position="last", kind="stable")
    rows = []
    for _, r in ordered.iterrows():
        mine = [a for a in plan if a.indicator == r["code"]]
        rows.append(
            {
                text(lang, "actions.col.indicator"): r[label] or r["code"],
                text(lang, "classes.col.actual"): r["actual"],
                text(lang, "classes.col.planned"): r["planned"],
                text(lang, "classes.col.gap"): r["gap"],
                text(lang, "actions.col.strategy"): "\n".join(a.strategy for a in mine),
                text(lang, "actions.col.status"): "\n".join(text(lang, f"actions.status.{a.status}") for a in mine),
            }
        )
    return pd.DataFrame(rows)


def group_plan_config(lang: str) -> dict:
    one = st.column_config.NumberColumn(format="%.1f")
    return {
        text(lang, "classes.col.actual"): one,
        text(lang, "classes.col.planned"): one,
        text(lang, "classes.col.gap"): st.column_config.NumberColumn(format="%+.1f"),
    }
