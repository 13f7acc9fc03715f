"""The Overview page's view: the cards' figures, the worst gaps, the segments at risk, the indices by wave."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from metrics.compare import SMALL_GROUP
from survey import analysis
from survey.i18n import text
from survey.reporting import report
from ui import charts, figures
from ui.selection import Selection
from ui.views.elements import Chart, Table


@dataclass(frozen=True, eq=False)
class OverviewView:
    """overview: the cards' figures and the waves compared (`analysis.Overview`); worst_gaps: None when
    the survey has no expectation/perception pairs or nothing falls short; at_risk: None when it has no
    segment fields or no segment dropped; trend: None with a single wave; tests_notes: what the segment
    alerts rest on (how many tests, their multiplicity control, the groups too small to test)."""

    overview: analysis.Overview
    worst_gaps: Table | None
    at_risk: Table | None
    trend: Chart | None
    tests_notes: tuple[str, ...] = ()

    @property
    def charts(self) -> tuple[Chart, ...]:
        return tuple(c for c in (self.trend,) if c is not None)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(x for x in (self.worst_gaps, self.at_risk) if x is not None)


def overview_view(sel: Selection, lang: str) -> OverviewView:
    view = figures.overview(sel)
    trend = None
    if len(view.trend) > 1:
        trend = Chart("overview-indices-by-wave", charts.index_trend_chart(view.trend, lang=lang), view.trend)
    return OverviewView(
        overview=view,
        worst_gaps=_worst_gaps(sel, view, lang),
        at_risk=_at_risk(sel, view, lang),
        trend=trend,
        tests_notes=tuple(_tests_notes(view, lang)) if sel.inputs.segment_fields else (),
    )


def _worst_gaps(sel: Selection, view: analysis.Overview, lang: str) -> Table | None:
    if not sel.inputs.gap_pairs or view.worst_gaps.empty:
        return None
    labels, worst = sel.labels(lang), view.worst_gaps
    t = partial(text, lang)
    frame = pd.DataFrame(
        {
            t("chart.indicator"): [labels.get(c, c) for c in worst["code"]],
            t("chart.expectation"): worst["expectation"],
            t("chart.perception"): worst["perception"],
            t("chart.gap"): worst["gap"],
            t("chart.weighted_gap"): worst["weighted_gap"],
            t("chart.n"): worst["n"],
        }
    )
    return Table(
        "overview-worst-gaps",
        frame,
        {
            t("chart.indicator"): st.column_config.TextColumn(width="medium"),
            t("chart.expectation"): st.column_config.NumberColumn(format="%.2f"),
            t("chart.perception"): st.column_config.NumberColumn(format="%.2f"),
            t("chart.gap"): st.column_config.NumberColumn(format="%+.2f"),
            t("chart.weighted_gap"): st.column_config.NumberColumn(format="%+.3f"),
        },
    )


def _at_risk(sel: Selection, view: analysis.Overview, lang: str) -> Table | None:
    alerts = view.alerts
    if not sel.inputs.segment_fields or alerts.empty:
        return None
    labels = sel.labels(lang)
    t = partial(text, lang)
    measure = {"satisfaction": t("card.satisfaction"), "nps": t("card.nps"), "loyalty": t("card.loyalty")}
    frame = pd.DataFrame(
        {
            t("overview.col.segment"): [
                f"{labels.get(f, f)}: {v}" + (f" (n<{SMALL_GROUP})" if s else "")
                for f, v, s in zip(alerts["field"], alerts["value"], alerts["small"])
            ],
            t("overview.col.measure"): [measure[m] for m in alerts["measure"]],
            t("overview.col.current"): alerts["current"],
            t("overview.col.reference"): alerts["reference"],
            t("chart.difference"): alerts["difference"],
            t("chart.difference_low"): alerts["ci_low"],
            t("chart.difference_high"): alerts["ci_high"],
            t("chart.test"): [report.test_name(x, lang) for x in alerts["test"]],
            t("chart.p_value"): [report.p_value_text(p) for p in alerts["p_value"]],
            t("chart.p_adjusted"): [report.p_value_text(p) for p in alerts["p_adjusted"]],
            t("chart.n"): alerts["n_current"],
        }
    )
    signed = (t("chart.difference"), t("chart.difference_low"), t("chart.difference_high"))
    return Table(
        "overview-segments-at-risk",
        frame,
        {
            t("overview.col.segment"): st.column_config.TextColumn(width="medium"),
            t("overview.col.current"): st.column_config.NumberColumn(format="%.1f"),
            t("overview.col.reference"): st.column_config.NumberColumn(format="%.1f"),
        }
        | {c: st.column_config.NumberColumn(format="%+.1f") for c in signed},
    )


def _tests_notes(view: analysis.Overview, lang: str) -> list[str]:
    """What the segment alerts rest on: the family tested and its control, and the groups left out."""
    tests = view.segment_tests
    if tests is None:
        return []
    notes = [report.multiplicity_text(tests, lang)]
    if tests.untested:
        notes.append(text(lang, "overview.untested", count=tests.untested, min_n=tests.min_n))
    return notes
