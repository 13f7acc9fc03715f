"""The Gaps page's figures: expectation against perception per item and node, the profile, SERVQUAL, experience."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

import metrics
from survey.analysis.inputs import EXPERIENCE_ROLES, AnalysisInputs
from survey.analysis.scores import frame_weights, weighted_mean

GAP_COLUMNS = ["code", "level", "dimension", "expectation", "perception", "gap", "n", "weight", "weighted_gap"]


def gap_table(
    inputs: AnalysisInputs, frame: pd.DataFrame, *, level: str = "indicator", within: str | None = None
) -> pd.DataFrame:
    """Expectation vs perception per indicator (or per dimension, or per item pair), worst first.

    level="item": every perception/expectation pair (`metrics.item_gaps`);
    "indicator": the pairs of each node (its mean expectation and perception);
    "dimension": the indicators of each top-level node — its gap is the mean
    of its pairs' gaps, as `metrics.servqual` computes a dimension gap.
    within: keep the rows under this dimension (or node).
    weight: the node's weight in the whole perception tree (for item pairs,
    the perception item's); weighted_gap = gap × weight, the sort key (most
    negative first, then the gap).
    n: respondents who answered both items of at least one pair in the row.
    Columns: GAP_COLUMNS.
    """
    if not inputs.gap_pairs or frame.empty:
        return pd.DataFrame(columns=GAP_COLUMNS)
    pairs = inputs.gap_pairs
    if within is not None:
        pairs = {k: v for k, v in pairs.items() if within in _ancestors(inputs, inputs.pair_parent[k])}
        if not pairs:
            return pd.DataFrame(columns=GAP_COLUMNS)
    base = metrics.item_gaps(frame, pairs, weights=frame_weights(frame))
    weights = dict(zip(inputs.tree["code"], inputs.tree["global_weight"]))
    if level == "item":
        table = base.reset_index().rename(columns={"indicator": "code"})
        table["weight"] = [weights.get(pairs[k][0], math.nan) for k in table["code"]]
    else:
        key = {k: inputs.pair_parent[k] for k in pairs}
        if level == "dimension":
            key = {k: inputs.dimension_of[p] for k, p in key.items()}
        groups = pd.Series(key)
        table = base.groupby(groups.reindex(base.index).to_numpy(), sort=False)[["expectation", "perception", "gap"]]
        table = table.mean().rename_axis("code").reset_index()
        table["n"] = [_answered_any(frame, [pairs[k] for k in groups.index[groups == g]]) for g in table["code"]]
        table["weight"] = [weights.get(g, math.nan) for g in table["code"]]
    table["level"] = level
    table["dimension"] = [inputs.dimension_of.get(inputs.pair_parent.get(c, c), c) for c in table["code"]]
    ranked = metrics.weighted_gaps(table["gap"], dict(enumerate(table["weight"])))
    table = table.loc[ranked.index].assign(weighted_gap=ranked["weighted_gap"])
    return table[GAP_COLUMNS].reset_index(drop=True)


def _ancestors(inputs: AnalysisInputs, code: str) -> set[str]:
    parents = dict(zip(inputs.tree["code"], inputs.tree["parent"]))
    out = {code}
    while parents.get(code) is not None and parents[code] not in out:
        code = parents[code]
        out.add(code)
    out.add(inputs.dimension_of.get(code, code))
    return out


def _answered_any(frame: pd.DataFrame, pairs: list) -> int:
    both = np.zeros(len(frame), dtype=bool)
    for p, e in pairs:
        both |= frame[p].notna().to_numpy() & frame[e].notna().to_numpy()
    return int(both.sum())


def profile(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame:
    """The profile ("snake") of the indicators in tree order: expectation and perception means.

    Columns code, dimension, expectation, perception, gap, n (from
    `metrics.item_gaps`, one row per pair, in the definition's order).
    """
    if not inputs.gap_pairs or frame.empty:
        return pd.DataFrame(columns=["code", "dimension", "expectation", "perception", "gap", "n"])
    table = metrics.item_gaps(frame, inputs.gap_pairs).reset_index().rename(columns={"indicator": "code"})
    table.insert(1, "dimension", [inputs.dimension_of[inputs.pair_parent[k]] for k in table["code"]])
    return table


def servqual_gaps(inputs: AnalysisInputs, frame: pd.DataFrame) -> metrics.ServqualResult | None:
    """SERVQUAL dimension gaps (`metrics.servqual`) with the dimensions' weights, for SERVQUAL-like surveys."""
    if not inputs.servqual_like or frame.empty:
        return None
    keys = list(inputs.gap_pairs)
    perceptions = frame[[inputs.gap_pairs[k][0] for k in keys]].set_axis(keys, axis=1)
    expectations = frame[[inputs.gap_pairs[k][1] for k in keys]].set_axis(keys, axis=1)
    dimensions = {k: inputs.dimension_of[inputs.pair_parent[k]] for k in keys}
    weights = {d: inputs.dimension_weights.get(d, 0.0) for d in dict.fromkeys(dimensions.values())}
    if sum(weights.values()) <= 0:
        weights = None
    return metrics.servqual(expectations, perceptions, dimensions, weights)


def item_means(frame: pd.DataFrame, codes: Sequence[str]) -> pd.DataFrame:
    """Mean and number of answers of each item (a plain aggregation; NaN = not answered; the weighted mean
    when the responses carry survey weights). Index: item code."""
    codes = [c for c in codes if c in frame.columns]
    values = frame[codes]
    weights = frame_weights(frame)
    if weights is None:
        return pd.DataFrame({"mean": values.mean(), "n": values.notna().sum()}).rename_axis("code")
    means = {c: weighted_mean(values[c], weights) for c in codes}
    return pd.DataFrame({"mean": pd.Series(means, dtype=float), "n": values.notna().sum()}).rename_axis("code")


def experience(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame | None:
    """The customer experience table (`metrics.experience_table`) from the item means, or None.

    Rows: the indicators that have actual, expectation, importance and ideal
    items; the means are over the respondents who answered each item.
    Columns: n (respondents who answered the actual item), actual,
    expectation, importance, ideal, satisfaction, weighted_satisfaction,
    experience_gap, key_experience.
    """
    if not inputs.experience or frame.empty:
        return None
    codes = [c for cols in inputs.experience.values() for c in cols.values()]
    means = item_means(frame, codes)
    table = pd.DataFrame(
        {
            col: [means.at[inputs.experience[i][col], "mean"] for i in inputs.experience]
            for col in EXPERIENCE_ROLES.values()
        },
        index=pd.Index(list(inputs.experience), name="indicator"),
    )
    table.insert(0, "n", [int(means.at[inputs.experience[i]["actual"], "n"]) for i in inputs.experience])
    return metrics.experience_table(table)
