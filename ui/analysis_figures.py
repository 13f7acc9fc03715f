"""The Analysis section's figures, cached: `survey.analysis` on the filtered responses.

Keyed like `ui.figures` (the survey's definition and the selection's key, whose data version changes with
the responses) and by each page's own choices, so a choice or a filter change recomputes only what changed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from metrics.drivers import MAX_LMG_DRIVERS
from survey import analysis
from ui import figures
from ui.selection import Selection

_LOG = logging.getLogger(__name__)


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


@dataclass(frozen=True)
class DriverFigures:
    """The Drivers page's figures: the relative importance (None when it cannot be computed) and why not (a
    text key and its parameters; None when it could)."""

    drivers: analysis.Drivers | None
    problem: tuple[str, dict] | None


@st.cache_data(show_spinner=False, max_entries=16)
def _drivers(defn, source, versions, waves, segments, target, method, bootstrap) -> DriverFigures:
    inputs = analysis.analysis_inputs(defn)
    if method == "lmg" and len(inputs.units) > MAX_LMG_DRIVERS:
        return DriverFigures(None, ("drv.too_many", {"limit": MAX_LMG_DRIVERS, "count": len(inputs.units)}))
    frame = _frame(source, versions, waves, segments)
    try:
        found = analysis.drivers(inputs, frame, target=target, method=method, bootstrap=bootstrap)
    except ValueError as err:  # too few complete answers, a constant score: said in the user's words
        _LOG.info("driver analysis not possible: %s", err)
        return DriverFigures(None, ("drv.failed", {}))
    return DriverFigures(found, None)


def drivers(sel: Selection, target: str, method: str, bootstrap: int = 0) -> DriverFigures:
    """The indicators' relative importance for `target` by `method` under the filters (`bootstrap`
    resamples asked for the interval, 0: none)."""
    return _drivers(sel.defn, *sel.key, target, method, bootstrap)


@st.cache_data(show_spinner=False, max_entries=16)
def _trends(defn, source, versions, waves, segments, combined) -> pd.DataFrame:
    inputs = analysis.analysis_inputs(defn)
    frame = analysis.combine_waves(_frame(source, versions, waves, segments), dict(combined))
    return analysis.trends(inputs, frame)


def trends(sel: Selection, combined: tuple = ()) -> pd.DataFrame:
    """Every figure by wave under the filters (`survey.analysis.trends`), the waves of `combined` ((new name,
    (wave, ...)), ...) merged into one."""
    return _trends(sel.defn, *sel.key, combined)


@st.cache_data(show_spinner=False, max_entries=16)
def _kano(defn, source, versions, waves, segments) -> pd.DataFrame:
    inputs = analysis.analysis_inputs(defn)
    return analysis.kano_table(inputs, _frame(source, versions, waves, segments))


def kano(sel: Selection) -> pd.DataFrame:
    """The Kano features' categories, Better and Worse under the filters (`survey.analysis.kano_table`)."""
    return _kano(sel.defn, *sel.key)
