"""The Gaps page's view: gaps by dimension and by indicator, the customer experience table, SERVQUAL
dimension gaps, the profile chart; and the items of one indicator."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from survey import analysis
from survey.i18n import text
from ui import charts, figures
from ui.figures import GapFigures
from ui.selection import Selection
from ui.views.elements import Chart, Table


@dataclass(frozen=True, eq=False)
class GapsView:
    """figures: the page's figures (`within` a dimension, or all); dimension_chart: only over every
    dimension, when there are several; indicator_chart and profile_chart: None without
    expectation/perception pairs; the experience table and chart and key_experience (the key touchpoints'
    labels): None / empty without a customer experience table; servqual_table: None for a survey not like
    SERVQUAL."""

    figures: GapFigures
    dimension_chart: Chart | None
    indicator_chart: Chart | None
    experience_table: Table | None
    key_experience: tuple[str, ...]
    experience_chart: Chart | None
    servqual_table: Table | None
    profile_chart: Chart | None

    @property
    def charts(self) -> tuple[Chart, ...]:
        shown = (self.dimension_chart, self.indicator_chart, self.experience_chart, self.profile_chart)
        return tuple(c for c in shown if c is not None)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(x for x in (self.experience_table, self.servqual_table) if x is not None)


def gap_dimensions(inputs: analysis.AnalysisInputs) -> list[str]:
    """The dimensions that have expectation/perception pairs, in the survey's order."""
    return list(dict.fromkeys(inputs.dimension_of[inputs.pair_parent[k]] for k in inputs.gap_pairs))


def gaps_view(sel: Selection, lang: str, *, within: str | None = None) -> GapsView:
    """The view over every dimension, or over the indicators of the dimension `within`."""
    labels, inputs = sel.labels(lang), sel.inputs
    view = figures.gaps(sel, within=within)
    dimension_chart = indicator_chart = profile_chart = None
    if inputs.gap_pairs:
        if len(gap_dimensions(inputs)) > 1 and not within:
            chart = charts.dimension_gap_chart(view.dimensions, labels, lang=lang)
            dimension_chart = Chart("gaps-by-dimension", chart, view.dimensions)
        title_key = "chart.gaps.title" if not within else "chart.gaps.within_title"
        chart = charts.gap_dumbbell(view.indicators, labels, lang=lang, title_key=title_key)
        indicator_chart = Chart("gaps-by-indicator", chart, view.indicators)
        profile_chart = Chart("gaps-profile", charts.profile_chart(view.profile, labels, lang=lang), view.profile)
    experience = view.experience
    key_experience: tuple[str, ...] = ()
    experience_chart = None
    if experience is not None:
        key_experience = tuple(labels.get(c, c) for c in experience.index[experience["key_experience"]])
        chart = charts.experience_chart(experience, labels, lang=lang)
        experience_chart = Chart("gaps-experience", chart, experience)
    return GapsView(
        figures=view,
        dimension_chart=dimension_chart,
        indicator_chart=indicator_chart,
        experience_table=_experience_table(experience, labels, lang) if experience is not None else None,
        key_experience=key_experience,
        experience_chart=experience_chart,
        servqual_table=_servqual_table(view, labels, lang) if view.servqual is not None else None,
        profile_chart=profile_chart,
    )


def gap_items(sel: Selection, indicator: str, lang: str) -> Table:
    """The items of an indicator (or of the indicator a pair code stands for): role, mean answer, n."""
    t = partial(text, lang)
    inputs = sel.inputs
    node = inputs.pair_parent.get(indicator, indicator)
    items = [n for n in sel.defn.children(node) if n.kind == "item" and n.code in inputs.scales]
    means = figures.item_means(sel, tuple(n.code for n in items))
    frame = pd.DataFrame(
        {
            t("common.code"): [n.code for n in items],
            t("chart.item"): [n.label(lang) for n in items],
            t("designer.col.role"): [t(f"role.{n.role}") for n in items],
            t("chart.mean_answer"): [means.at[n.code, "mean"] for n in items],
            t("chart.n"): [int(means.at[n.code, "n"]) for n in items],
        }
    )
    return Table("gaps-items", frame, {t("chart.mean_answer"): st.column_config.NumberColumn(format="%.2f")})


def _experience_table(table: pd.DataFrame, labels: dict, lang: str) -> Table:
    t = partial(text, lang)
    frame = pd.DataFrame(
        {
            t("exp.touchpoint"): [labels.get(c, c) for c in table.index],
            t("exp.actual"): table["actual"],
            t("exp.expectation"): table["expectation"],
            t("exp.satisfaction"): table["satisfaction"],
            t("exp.importance"): table["importance"],
            t("exp.weighted"): table["weighted_satisfaction"],
            t("exp.ideal"): table["ideal"],
            t("exp.gap"): table["experience_gap"],
            t("exp.key"): [t("common.yes") if k else "" for k in table["key_experience"]],
            t("chart.n"): table["n"],
        }
    )
    two_places = (t("exp.actual"), t("exp.expectation"), t("exp.importance"), t("exp.ideal"))
    signed = (t("exp.satisfaction"), t("exp.weighted"), t("exp.gap"))
    return Table(
        "gaps-experience-table",
        frame,
        {col: st.column_config.NumberColumn(format="%.2f") for col in two_places}
        | {col: st.column_config.NumberColumn(format="%+.2f") for col in signed},
    )


def _servqual_table(view: GapFigures, labels: dict, lang: str) -> Table:
    t = partial(text, lang)
    dims = view.servqual.dimensions
    n_by_dim = dict(zip(view.dimensions["code"], view.dimensions["n"]))
    frame = pd.DataFrame(
        {
            t("chart.dimension"): [labels.get(d, d) for d in dims.index],
            t("gaps.col.items"): dims["n_items"],
            t("chart.gap"): dims["gap"],
            t("common.weight"): dims["weight"],
            t("chart.weighted_gap"): dims["weighted_gap"],
            t("chart.n"): [int(n_by_dim.get(d, 0)) for d in dims.index],
        }
    )
    return Table(
        "gaps-servqual",
        frame,
        {
            t("chart.gap"): st.column_config.NumberColumn(format="%+.3f"),
            t("common.weight"): st.column_config.NumberColumn(format="%.3f"),
            t("chart.weighted_gap"): st.column_config.NumberColumn(format="%+.3f"),
        },
    )
