"""The Loyalty page's figures: the satisfaction–loyalty matrix and loyalty per customer tier."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

import metrics
from survey.analysis.inputs import AnalysisInputs
from survey.analysis.scores import loyalty, loyalty_scores, overall_scores


@dataclass(frozen=True)
class LoyaltyMatrix:
    """The satisfaction–loyalty matrix (`metrics.satisfaction_loyalty_segments`).

    scores: DataFrame per respondent (index of the responses) with
        satisfaction and loyalty (0–100) and segment.
    result: the metrics result (counts, shares, cut points).
    satisfaction_source: "overall" (the overall items) or "perception".
    """

    scores: pd.DataFrame
    result: metrics.SegmentResult
    satisfaction_source: str

    def points(self) -> pd.DataFrame:
        """Respondents who share a position (scores rounded to 0.1) as one point: columns satisfaction,
        loyalty, segment, respondents — what a scatter draws, a few hundred points for any number of
        responses on answer scales."""
        both = self.scores.dropna(subset=["satisfaction", "loyalty"])
        grid = both.assign(satisfaction=both["satisfaction"].round(1), loyalty=both["loyalty"].round(1))
        return (
            grid.groupby(["satisfaction", "loyalty", "segment"], sort=False).size().rename("respondents").reset_index()
        )


def loyalty_matrix(inputs: AnalysisInputs, frame: pd.DataFrame) -> LoyaltyMatrix | None:
    """Respondents' satisfaction (overall items, else the perception score) against their loyalty score."""
    if not inputs.loyalty or (inputs.tree.empty and not inputs.overall) or frame.empty:
        return None
    sat = overall_scores(inputs, frame)
    loy = loyalty_scores(inputs, frame)
    if not (sat.notna() & loy.notna()).any():
        return None
    result = metrics.satisfaction_loyalty_segments(sat, loy)
    scores = pd.DataFrame({"satisfaction": sat, "loyalty": loy, "segment": result.segments})
    return LoyaltyMatrix(scores, result, "overall" if inputs.overall else "perception")


def loyalty_by_tier(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame | None:
    """Loyalty index per tier of the customer pyramid (`metrics.customer_pyramid` on the value field).

    Columns tier (platinum, gold, iron, lead), customers, share, nominal_share,
    value_share, min_value, tied_boundary (the boundary below the tier falls
    among equal values: tiers cannot be separated there), loyalty (the
    tier's loyalty index), n (answers behind it); None without a value field
    or loyalty items.
    """
    if inputs.value_field is None or not inputs.loyalty or inputs.value_field not in frame.columns:
        return None
    value = pd.to_numeric(frame[inputs.value_field], errors="coerce")
    if value.notna().sum() == 0:
        return None
    pyramid = metrics.customer_pyramid(value)
    table = pyramid.tiers.copy()
    index, n = [], []
    for tier in table.index:
        part = frame[(pyramid.tier == tier).to_numpy(dtype=bool, na_value=False)]
        result = loyalty(inputs, part) if len(part) else None
        index.append(result.index if result else math.nan)
        n.append(result.n if result else 0)
    table["loyalty"] = index
    table["n"] = n
    return table.rename_axis("tier").reset_index()
