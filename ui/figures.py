"""The dashboards' figures, cached: `survey.analysis` on the filtered responses.

Caches (st.cache_data) are keyed by the survey's definition and by the
selection's key — (workspace, survey id, data version), versions, waves,
segments — where the data version is (number of responses, highest response
id) from `survey.storage.store.data_version`: new or removed responses make new keys,
a re-run with the same data hits the cache. The loaded responses are cached
on their own, so a filter change only filters and recomputes.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

import pandas as pd
import streamlit as st

import metrics
from metrics import PLSDataError
from survey import analysis, weighting
from survey.storage import store
from ui.selection import Selection
from ui.state import database

_LOG = logging.getLogger(__name__)

SCATTER_POINTS = 5000  # the satisfaction–loyalty scatter draws at most this many positions


@st.cache_data(show_spinner=False, max_entries=4)
def _loaded(workspace: int, survey_id: int, stamp: tuple) -> pd.DataFrame:
    with database().session() as s:
        return store.responses_frame(s, workspace, survey_id)


@st.cache_data(show_spinner=False, max_entries=8)
def scheme_weights(workspace: int, survey_id: int, stamp: tuple, margins: str) -> weighting.SchemeWeights:
    """The weights of a scheme's margins (JSON) over every response of the survey
    (`survey.weighting.scheme_weights`; WeightingError when they cannot be met), once per data version."""
    return weighting.scheme_weights(_loaded(workspace, survey_id, stamp), json.loads(margins))


@st.cache_data(show_spinner=False, max_entries=4)
def _weighted(workspace: int, survey_id: int, stamp: tuple, margins: str) -> pd.DataFrame:
    frame = _loaded(workspace, survey_id, stamp)
    weights = scheme_weights(workspace, survey_id, stamp, margins).weights
    return frame.assign(**{analysis.WEIGHT_COLUMN: weights.reindex(frame.index).to_numpy()})


def responses(workspace: int, survey_id: int, stamp: tuple, scheme: tuple = ()) -> pd.DataFrame:
    """Every response of the survey (store.responses_frame), loaded once per data version; with a weighting
    `scheme` (id, name, margins as JSON: `ui.weighting.Applied.key`) its weights as the column
    `survey.analysis.WEIGHT_COLUMN`, so every figure computed from them is weighted."""
    if scheme:
        return _weighted(workspace, survey_id, stamp, scheme[2])
    return _loaded(workspace, survey_id, stamp)


@dataclass(frozen=True)
class FilterOptions:
    """What the sidebar offers: the waves, and the values of each segment field, present in the responses."""

    waves: list[str]
    segments: dict[str, list[str]]


@st.cache_data(show_spinner=False, max_entries=16)
def filter_options(source: tuple, fields: tuple) -> FilterOptions:
    """Waves and segment values present in the responses (for the sidebar)."""
    frame = responses(*source)
    return FilterOptions(
        waves=analysis.waves_in(frame),
        segments={name: analysis.segment_values(frame, name) for name in fields},
    )


def _frame(source, versions, waves, segments) -> pd.DataFrame:
    return analysis.filter_responses(responses(*source), versions=versions, waves=waves, segments=dict(segments))


@st.cache_data(show_spinner=False, max_entries=64)
def _count(source, versions, waves, segments) -> int:
    return len(_frame(source, versions, waves, segments))


def response_count(sel: Selection) -> int:
    return _count(*sel.key)


def filtered(sel: Selection) -> pd.DataFrame:
    """The responses after the filters (not cached: callers cache what they compute from it)."""
    return _frame(*sel.key)


# --- per page ---------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=32)
def _overview(defn, source, versions, waves, segments) -> analysis.Overview:
    inputs = analysis.analysis_inputs(defn)
    every_wave = _frame(source, versions, (), segments)
    return analysis.overview(inputs, every_wave, waves=waves)


def overview(sel: Selection) -> analysis.Overview:
    return _overview(sel.defn, *sel.key)


@dataclass(frozen=True)
class GapFigures:
    """The Gaps page's figures: the gap tables of the dimensions and of the indicators (`within` a dimension,
    or all), the profile, the SERVQUAL dimension gaps and the customer experience table (None when the survey
    has none)."""

    dimensions: pd.DataFrame
    indicators: pd.DataFrame
    profile: pd.DataFrame
    servqual: metrics.ServqualResult | None
    experience: pd.DataFrame | None


@st.cache_data(show_spinner=False, max_entries=32)
def _gaps(defn, source, versions, waves, segments, within) -> GapFigures:
    inputs = analysis.analysis_inputs(defn)
    frame = _frame(source, versions, waves, segments)
    return GapFigures(
        dimensions=analysis.gap_table(inputs, frame, level="dimension"),
        indicators=analysis.gap_table(inputs, frame, level="indicator", within=within),
        profile=analysis.profile(inputs, frame),
        servqual=analysis.servqual_gaps(inputs, frame),
        experience=analysis.experience(inputs, frame),
    )


def gaps(sel: Selection, within: str | None = None) -> GapFigures:
    return _gaps(sel.defn, *sel.key, within)


@st.cache_data(show_spinner=False, max_entries=64)
def _item_means(defn, source, versions, waves, segments, codes) -> pd.DataFrame:
    return analysis.item_means(_frame(source, versions, waves, segments), list(codes))


def item_means(sel: Selection, codes: tuple) -> pd.DataFrame:
    return _item_means(sel.defn, *sel.key, codes)


@dataclass(frozen=True)
class PriorityFigures:
    """The Priorities page's figures: the importance–performance analysis (None when the data cannot carry
    it) and its indicators to concentrate on, ranked (`analysis.concentrate_here`; None without a result)."""

    result: metrics.IPAResult | None
    ranked: pd.DataFrame | None


@st.cache_data(show_spinner=False, max_entries=32)
def _priorities(defn, source, versions, waves, segments, importance) -> PriorityFigures:
    inputs = analysis.analysis_inputs(defn)
    result = analysis.priorities(inputs, _frame(source, versions, waves, segments), importance=importance)
    return PriorityFigures(result, analysis.concentrate_here(result) if result is not None else None)


def priorities(sel: Selection, importance: str) -> PriorityFigures:
    return _priorities(sel.defn, *sel.key, importance)


@dataclass(frozen=True)
class NPSFigures:
    """The NPS page's figures: the NPS (None without a recommend item), the 0–10 answers, NPS by the values
    of the segment field `by` (None without one) and NPS per wave."""

    result: metrics.NPSResult | None
    distribution: pd.DataFrame
    by_segment: pd.DataFrame | None
    trend: pd.DataFrame


@st.cache_data(show_spinner=False, max_entries=32)
def _nps(defn, source, versions, waves, segments, by) -> NPSFigures:
    inputs = analysis.analysis_inputs(defn)
    frame = _frame(source, versions, waves, segments)
    return NPSFigures(
        result=analysis.recommend(inputs, frame),
        distribution=analysis.nps_distribution(inputs, frame),
        by_segment=analysis.nps_by(inputs, frame, by) if by else None,
        trend=analysis.nps_trend(inputs, frame),
    )


def nps(sel: Selection, by: str | None) -> NPSFigures:
    return _nps(sel.defn, *sel.key, by)


@dataclass(frozen=True)
class LoyaltyFigures:
    """The Loyalty page's figures: the loyalty index (None without loyalty items); the satisfaction–loyalty
    matrix (None when it cannot be drawn), what its satisfaction is measured by, and its points (at most
    `SCATTER_POINTS` positions with their counts); loyalty by customer tier (None without a value field)."""

    index: metrics.IndexResult | None
    matrix: metrics.SegmentResult | None
    source: str | None
    points: pd.DataFrame | None
    tiers: pd.DataFrame | None


@st.cache_data(show_spinner=False, max_entries=32)
def _loyalty(defn, source, versions, waves, segments) -> LoyaltyFigures:
    inputs = analysis.analysis_inputs(defn)
    frame = _frame(source, versions, waves, segments)
    matrix = analysis.loyalty_matrix(inputs, frame)
    points = None
    if matrix is not None:
        points = matrix.points()
        if len(points) > SCATTER_POINTS:  # continuous scores: draw the most common positions
            points = points.nlargest(SCATTER_POINTS, "respondents")
    return LoyaltyFigures(
        index=analysis.loyalty(inputs, frame),
        matrix=matrix.result if matrix else None,
        source=matrix.satisfaction_source if matrix else None,
        points=points,
        tiers=analysis.loyalty_by_tier(inputs, frame),
    )


def loyalty(sel: Selection) -> LoyaltyFigures:
    return _loyalty(sel.defn, *sel.key)


@dataclass(frozen=True)
class ModelFigures:
    """The Model page's figures: the path model's fit (None when the survey is not a model or the data cannot
    carry it), why it could not be fitted (a text key and its parameters, an item by its code; None when it
    was), and the reliability of every dimension; with a fit, its quality checks
    (`analysis.quality_checks`) and importance–performance map (`analysis.model_ipma`), else None."""

    fit: metrics.PLSResult | None
    problem: tuple[str, dict] | None
    reliability: pd.DataFrame
    quality: pd.DataFrame | None = None
    ipma: metrics.IPMAResult | None = None


@st.cache_data(show_spinner=False, max_entries=16)
def _model(defn, source, versions, waves, segments, bootstrap) -> ModelFigures:
    inputs = analysis.analysis_inputs(defn)
    frame = _frame(source, versions, waves, segments)
    fit, problem = None, None
    try:
        fit = analysis.model_fit(inputs, frame, bootstrap=bootstrap)
    except PLSDataError as err:  # too few complete answers, an item without variance: said in the user's words
        problem = (f"model.problem.{err.reason}", dict(err.details))
    except ValueError as err:  # anything else the method refuses: the user's words, the detail in the log
        _LOG.warning("the model could not be fitted: %s", err)
        problem = ("model.problem.other", {})
    quality = ipma = None
    if fit is not None:
        quality = analysis.quality_checks(fit, inputs.blocks)
        try:
            ipma = analysis.model_ipma(inputs, frame)
        except ValueError as err:  # the fit carried the model, so this is not the user's doing: logged, left out
            _LOG.warning("the importance-performance map could not be computed: %s", err)
    return ModelFigures(
        fit=fit, problem=problem, reliability=analysis.reliability(defn, inputs, frame), quality=quality, ipma=ipma
    )


def model(sel: Selection, bootstrap: int = 0) -> ModelFigures:
    return _model(sel.defn, *sel.key, bootstrap)
