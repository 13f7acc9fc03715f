"""Per-respondent 0–100 scores and the headline figures: the satisfaction index, the loyalty index, NPS."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

import metrics
from survey.analysis.inputs import AnalysisInputs


def respondent_scores(frame: pd.DataFrame, weights: Mapping, scales: Mapping) -> pd.Series:
    """Each respondent's 0–100 score over some items (`metrics.respondent_scores`)."""
    return metrics.respondent_scores(frame, weights, scales=scales)


def satisfaction_scores(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.Series:
    """Per respondent 0–100 satisfaction over the perception items, with their weights in the tree."""
    leaves = inputs.tree[~inputs.tree["code"].isin(inputs.tree["parent"])]
    return respondent_scores(frame, dict(zip(leaves["code"], leaves["global_weight"])), inputs.scales)


def loyalty_scores(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.Series:
    return respondent_scores(frame, inputs.loyalty, inputs.scales)


def overall_scores(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.Series:
    """Per respondent 0–100 overall satisfaction (mean of the overall items), else the perception score."""
    if inputs.overall:
        return respondent_scores(frame, dict.fromkeys(inputs.overall, 1.0), inputs.scales)
    return satisfaction_scores(inputs, frame)


def satisfaction(inputs: AnalysisInputs, frame: pd.DataFrame) -> metrics.IndexResult | None:
    """The weighted satisfaction index (CSI) over the perception tree, or None without perception items."""
    if inputs.tree.empty:
        return None
    return metrics.satisfaction_index(frame, inputs.tree[["code", "parent", "weight"]], scales=inputs.scales)


def loyalty(inputs: AnalysisInputs, frame: pd.DataFrame) -> metrics.IndexResult | None:
    if not inputs.loyalty:
        return None
    return metrics.loyalty_index(frame, scales=inputs.scales, weights=inputs.loyalty)


def index_test(inputs: AnalysisInputs, measure: str, a: pd.DataFrame, b: pd.DataFrame) -> metrics.GroupComparison:
    """The test of index(a) − index(b) for `measure` ("satisfaction" or "loyalty"): the index the cards show,
    tested itself (`metrics.index_difference_test`), so the change shown is the change tested."""
    if measure == "satisfaction":
        tree = inputs.tree[["code", "parent", "weight"]]
    else:
        items = list(inputs.loyalty)
        tree = pd.DataFrame(
            {
                "code": items,
                "parent": pd.Series([None] * len(items), dtype=object),
                "weight": list(inputs.loyalty.values()),
            }
        )
    return metrics.index_difference_test(a, b, tree, scales=inputs.scales)


def recommend(inputs: AnalysisInputs, frame: pd.DataFrame) -> metrics.NPSResult | None:
    if inputs.recommend is None:
        return None
    return metrics.nps(frame[inputs.recommend])
