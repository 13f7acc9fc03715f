"""The Analysis section's figures, cached: `survey.analysis` on the filtered responses.

Keyed like `ui.figures` (the survey's definition and the selection's key, whose data version changes with
the responses) and by each page's own choices, so a choice or a filter change recomputes only what changed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from survey import analysis
from ui import figures
from ui.selection import Selection


def _frame(source, versions, waves, segments) -> pd.DataFrame:
    return analysis.filter_responses(
        figures.responses(*source), versions=versions, waves=waves, segments=dict(segments)
    )


@st.cache_data(show_spinner=False, max_entries=32)
def _banner(defn, source, versions, waves, segments, row, column) -> analysis.Banner:
    inputs = analysis.analysis_inputs(defn)
    return analysis.banner(inputs, _frame(source, versions, waves, segments), row=row, column=column)


def banner(sel: Selection, row: str, column: str) -> analysis.Banner:
    """The crosstab of `row` by `column` (`survey.analysis.banner`) under the filters."""
    return _banner(sel.defn, *sel.key, row, column)


@st.cache_data(show_spinner=False, max_entries=16)
def _crosstab_fields(defn, source, versions, waves, segments) -> tuple[list[str], list[str]]:
    inputs = analysis.analysis_inputs(defn)
    frame = _frame(source, versions, waves, segments)
    return analysis.row_fields(inputs, frame), analysis.column_fields(inputs, frame)


def crosstab_fields(sel: Selection) -> tuple[list[str], list[str]]:
    """(row fields, column fields) the Crosstabs page offers under the filters."""
    return _crosstab_fields(sel.defn, *sel.key)


@dataclass(frozen=True)
class DistributionFigures:
    """The Distributions page's figures: the items of one scale (`survey.analysis.likert_distribution`,
    sorted as asked) and one item by the values of a field (None without a field)."""

    items: pd.DataFrame
    by_group: pd.DataFrame | None


@st.cache_data(show_spinner=False, max_entries=32)
def _distributions(defn, source, versions, waves, segments, scale, sort, item, by) -> DistributionFigures:
    frame = _frame(source, versions, waves, segments)
    inputs = analysis.analysis_inputs(defn)
    items = analysis.likert_scales(defn)[scale]
    bounds = inputs.scales[items[0]]
    by_group = None
    if by is not None and item is not None:
        by_group = analysis.likert_distribution(frame, [item], bounds, by=by, sort=sort)
    return DistributionFigures(analysis.likert_distribution(frame, items, bounds, sort=sort), by_group)


def distributions(sel: Selection, scale: str, sort: str, item: str | None, by: str | None) -> DistributionFigures:
    """The answers to the Likert items of `scale` under the filters, and `item` by the values of `by`."""
    return _distributions(sel.defn, *sel.key, scale, sort, item, by)
