"""The Priorities page's view: the importance–performance matrix, the indicators to concentrate on, every
indicator."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from survey import analysis
from survey.i18n import text
from ui import charts, figures
from ui.figures import PriorityFigures
from ui.selection import Selection
from ui.views.elements import Chart, Table

QUADRANTS = ("concentrate", "keep_up", "low_priority", "overkill")


@dataclass(frozen=True, eq=False)
class PrioritiesView:
    """importance: the importance used ("stated" / "derived"; None when the survey offers neither);
    figures: None likewise; matrix and all_indicators: None when the data cannot place the indicators;
    concentrate: None when no indicator falls in "concentrate here"."""

    importance: str | None
    figures: PriorityFigures | None
    matrix: Chart | None
    concentrate: Table | None
    all_indicators: Table | None

    @property
    def charts(self) -> tuple[Chart, ...]:
        return tuple(c for c in (self.matrix,) if c is not None)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(x for x in (self.concentrate, self.all_indicators) if x is not None)


def priorities_view(sel: Selection, lang: str, *, importance: str | None = None) -> PrioritiesView:
    """The view with `importance` when the survey offers it, else with the first it offers."""
    options = analysis.importance_options(sel.inputs)
    if not options:
        return PrioritiesView(None, None, None, None, None)
    chosen = importance if importance in options else options[0]
    view = figures.priorities(sel, chosen)
    result = view.result
    if result is None or result.table["quadrant"].isna().all():
        return PrioritiesView(chosen, view, None, None, None)
    labels = sel.labels(lang)
    matrix = Chart("priorities-matrix", charts.ipa_matrix(result, labels, lang=lang, importance=chosen), result.table)
    return PrioritiesView(
        importance=chosen,
        figures=view,
        matrix=matrix,
        concentrate=_concentrate(view.ranked, labels, lang) if not view.ranked.empty else None,
        all_indicators=_all_indicators(result.table, labels, lang),
    )


def _call(table: pd.DataFrame, lang: str) -> list[str]:
    """ "firm" or "uncertain" per indicator (`metrics.ipa_stability`: quadrant kept in ≥ 90 % of resamples)."""
    return [text(lang, "priorities.firm" if firm else "priorities.uncertain") for firm in table["firm"]]


def _concentrate(ranked: pd.DataFrame, labels: dict, lang: str) -> Table:
    t = partial(text, lang)
    frame = pd.DataFrame(
        {
            t("priorities.rank"): range(1, len(ranked) + 1),
            t("chart.indicator"): [labels.get(c, c) for c in ranked.index],
            t("chart.performance"): ranked["performance"],
            t("priorities.col.importance"): ranked["importance"],
            t("priorities.col.importance_low"): ranked["importance_low"],
            t("priorities.col.importance_high"): ranked["importance_high"],
            t("priorities.col.stability"): ranked["stability"],
            t("priorities.col.call"): _call(ranked, lang),
            t("chart.gap"): ranked["gap"],
            t("priorities.col.priority"): ranked["priority"],
            t("chart.n"): ranked["n"],
        }
    )
    return Table(
        "priorities-concentrate",
        frame,
        {
            t("chart.performance"): st.column_config.NumberColumn(format="%.1f"),
            t("priorities.col.importance"): st.column_config.NumberColumn(format="%.3f"),
            t("priorities.col.importance_low"): st.column_config.NumberColumn(format="%.3f"),
            t("priorities.col.importance_high"): st.column_config.NumberColumn(format="%.3f"),
            t("priorities.col.stability"): st.column_config.NumberColumn(format="percent"),
            t("chart.gap"): st.column_config.NumberColumn(format="%+.2f"),
            t("priorities.col.priority"): st.column_config.NumberColumn(format="%.3f"),
        },
    )


def _all_indicators(table: pd.DataFrame, labels: dict, lang: str) -> Table:
    t = partial(text, lang)
    quadrant = {q: t(f"quadrant.{q}") for q in QUADRANTS}
    frame = pd.DataFrame(
        {
            t("chart.indicator"): [labels.get(c, c) for c in table.index],
            t("chart.quadrant"): [quadrant.get(q, "") for q in table["quadrant"]],
            t("priorities.col.stability"): table["stability"],
            t("priorities.col.call"): _call(table, lang),
            t("chart.performance"): table["performance"],
            t("priorities.col.performance_low"): table["performance_low"],
            t("priorities.col.performance_high"): table["performance_high"],
            t("priorities.col.importance"): table["importance"],
            t("priorities.col.importance_low"): table["importance_low"],
            t("priorities.col.importance_high"): table["importance_high"],
            t("chart.gap"): table["gap"],
            t("priorities.col.priority"): table["priority"],
            t("chart.n"): table["n"],
        }
    )
    return Table(
        "priorities-all-indicators",
        frame,
        {t("priorities.col.stability"): st.column_config.NumberColumn(format="percent")},
    )
