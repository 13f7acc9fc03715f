"""The NPS page's view: the 0–10 answers, NPS by segment with intervals, NPS by wave."""

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
from ui.figures import NPSFigures
from ui.selection import Selection
from ui.views.elements import Chart, Table


@dataclass(frozen=True, eq=False)
class NPSView:
    """by: the segment field NPS is broken down by (None when the survey has none); figures and
    distribution: None without a recommend item; the by-segment chart and table: None when no segment
    holds answers; trend: None with a single wave; tests_note: how many segments were tested and the
    multiplicity control (None without the by-segment table)."""

    by: str | None
    figures: NPSFigures | None
    distribution: Chart | None
    by_segment_chart: Chart | None
    by_segment_table: Table | None
    trend: Chart | None
    tests_note: str | None = None

    @property
    def charts(self) -> tuple[Chart, ...]:
        return tuple(c for c in (self.distribution, self.by_segment_chart, self.trend) if c is not None)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(x for x in (self.by_segment_table,) if x is not None)


def segment_field(sel: Selection, wanted: str | None) -> str | None:
    """The segment field to break NPS down by: `wanted` when the survey has it, else its first one."""
    fields = list(sel.inputs.segment_fields)
    return (wanted if wanted in fields else fields[0]) if fields else None


def nps_view(sel: Selection, lang: str, *, by: str | None = None) -> NPSView:
    """The view with NPS by the segment field `by` (`segment_field` chooses when the survey lacks it)."""
    by = segment_field(sel, by)
    if sel.inputs.recommend is None:
        return NPSView(by, None, None, None, None, None)
    view = figures.nps(sel, by)
    distribution = Chart(
        "nps-distribution", charts.nps_distribution_chart(view.distribution, lang=lang), view.distribution
    )
    segment_chart = segment_table = None
    table = view.by_segment
    if table is not None and not table.empty:
        field_name = sel.labels(lang).get(by, by)
        segment_chart = Chart("nps-by-segment", charts.nps_segment_chart(table, field_name, lang=lang), table)
        segment_table = _by_segment(table, field_name, lang)
    trend = None
    if len(view.trend) > 1:
        trend = Chart("nps-by-wave", charts.nps_trend_chart(view.trend, lang=lang), view.trend)
    note = _tests_note(table, lang) if segment_table is not None else None
    return NPSView(by, view, distribution, segment_chart, segment_table, trend, note)


def _by_segment(table: pd.DataFrame, field_name: str, lang: str) -> Table:
    t = partial(text, lang)
    frame = pd.DataFrame(
        {
            field_name: table["group"],
            "NPS": table["score"],
            t("chart.ci_low"): table["ci_low"],
            t("chart.ci_high"): table["ci_high"],
            t("chart.n"): table["n"],
            t("nps.col.vs_rest"): table["difference"],
            t("chart.difference_low"): table["difference_low"],
            t("chart.difference_high"): table["difference_high"],
            t("chart.test"): [report.test_name(x, lang) for x in table["test"]],
            t("chart.p_value"): [report.p_value_text(p) for p in table["p_value"]],
            t("chart.p_adjusted"): [report.p_value_text(p) for p in table["p_adjusted"]],
            t("nps.col.significant"): [t("common.yes") if s else "" for s in table["significant"]],
            t("nps.col.small"): [f"n<{SMALL_GROUP}" if s else "" for s in table["small"]],
        }
    )
    signed = (
        "NPS",
        t("chart.ci_low"),
        t("chart.ci_high"),
        t("nps.col.vs_rest"),
        t("chart.difference_low"),
        t("chart.difference_high"),
    )
    return Table("nps-by-segment", frame, {c: st.column_config.NumberColumn(format="%+.1f") for c in signed})


def _tests_note(table: pd.DataFrame, lang: str) -> str:
    """ "2 segments tested (2 tests); family-wise error rate 5 % (Holm)." for the NPS-by-segment table."""
    return report.multiplicity_text(analysis.nps_family(table), lang)
