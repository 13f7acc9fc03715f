"""Per-respondent 0–100 scores and the headline figures: the satisfaction index, the loyalty index, NPS."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

import metrics
from survey.analysis.inputs import AnalysisInputs

# The survey weights of a weighted selection travel with the responses as this column (one weight per
# response, mean 1: `survey.weighting.scheme_weights`); no item code can take this name (codes have no
# parentheses). A frame without it is unweighted.
WEIGHT_COLUMN = "(weight)"


def frame_weights(frame: pd.DataFrame, weights: pd.Series | None = None) -> pd.Series | None:
    """The survey weights to use on `frame`: `weights` when given, else its WEIGHT_COLUMN, else None."""
    if weights is not None:
        return weights
    return frame[WEIGHT_COLUMN] if WEIGHT_COLUMN in frame.columns else None


def is_weighted(frame: pd.DataFrame) -> bool:
    """Whether the responses carry survey weights (their figures are weighted, and not tested)."""
    return WEIGHT_COLUMN in frame.columns


def weighted_mean(values: pd.Series, weights: pd.Series | None) -> float:
    """Σw·x / Σw over the answered values (the plain mean without weights); NaN when nobody answered."""
    answered = values.notna()
    if weights is None:
        return float(values[answered].mean()) if answered.any() else float("nan")
    w = weights.reindex(values.index)[answered]
    return float((values[answered] * w).sum() / w.sum()) if answered.any() and w.sum() > 0 else float("nan")


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


def satisfaction(inputs: AnalysisInputs, frame: pd.DataFrame, *, weights=None) -> metrics.IndexResult | None:
    """The weighted satisfaction index (CSI) over the perception tree, or None without perception items.
    Survey weights: `weights`, else the frame's WEIGHT_COLUMN (`frame_weights`)."""
    if inputs.tree.empty:
        return None
    tree = inputs.tree[["code", "parent", "weight"]]
    return metrics.satisfaction_index(frame, tree, scales=inputs.scales, weights=frame_weights(frame, weights))


def loyalty(inputs: AnalysisInputs, frame: pd.DataFrame, *, weights=None) -> metrics.IndexResult | None:
    """The loyalty index over the loyalty items (survey weights as `satisfaction`), or None without them."""
    if not inputs.loyalty:
        return None
    return metrics.loyalty_index(
        frame, scales=inputs.scales, weights=inputs.loyalty, respondent_weights=frame_weights(frame, weights)
    )


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


def recommend(inputs: AnalysisInputs, frame: pd.DataFrame, *, weights=None) -> metrics.NPSResult | None:
    """NPS of the recommend item (survey weights as `satisfaction`: weighted shares, the interval from Kish's
    effective n), or None without one."""
    if inputs.recommend is None:
        return None
    return metrics.nps(frame[inputs.recommend], weights=frame_weights(frame, weights))
