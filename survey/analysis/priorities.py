"""The Priorities page's figures: importance against performance of each unit (IPA), stated or derived."""

from __future__ import annotations

import pandas as pd

import metrics
from survey.analysis.gaps import gap_table, item_means
from survey.analysis.inputs import AnalysisInputs
from survey.analysis.scores import overall_scores, respondent_scores, satisfaction


def unit_scores(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame:
    """Per respondent 0–100 score of each IPA indicator (its perception items, equal weights within)."""
    items: dict[str, list[str]] = {}
    leaves = inputs.tree[~inputs.tree["code"].isin(inputs.tree["parent"])]
    for code, parent in zip(leaves["code"], leaves["parent"]):
        items.setdefault(parent if parent is not None else code, []).append(code)
    return pd.DataFrame(
        {u: respondent_scores(frame, dict.fromkeys(items[u], 1.0), inputs.scales) for u in inputs.units},
        index=frame.index,
    )


def importance_options(inputs: AnalysisInputs) -> list[str]:
    """ "stated" when indicators have importance items, "derived" when there is an overall measure."""
    out = []
    if any(u in inputs.importance for u in inputs.units):
        out.append("stated")
    if inputs.units and (inputs.overall or len(inputs.units) > 1):
        out.append("derived")
    return out


def priorities(inputs: AnalysisInputs, frame: pd.DataFrame, *, importance: str = "stated") -> metrics.IPAResult | None:
    """Importance–performance analysis of the indicators (`metrics.ipa`).

    performance: the indicator's 0–100 index (`metrics.satisfaction_index`);
    importance: "stated" = mean of its importance items (their scale), or
    "derived" = Pearson r of its per-respondent score with overall satisfaction
    (`metrics.derived_importance`; the overall items, or the perception score
    when the survey has none); gap: perception − expectation where the
    indicator has a pair. The table also holds n (answers behind the
    performance) and how firm each quadrant is (`metrics.ipa_stability`,
    200 seeded bootstrap resamples): performance_low / _high and
    importance_low / _high (95 % intervals), stability (share of resamples
    keeping the quadrant) and firm (stability ≥ 90 %; otherwise the page says
    "uncertain" and does not call the quadrant). Cuts at the means (Martilla & James).
    """
    index = satisfaction(inputs, frame)
    if index is None or not inputs.units or frame.empty:
        return None
    nodes = index.nodes.set_index("code")
    perf = pd.Series({u: nodes.at[u, "index"] for u in inputs.units}, dtype=float)
    sources: dict = {}
    if importance == "stated":
        stated = {u: inputs.importance[u] for u in inputs.units if u in inputs.importance}
        if not stated:
            return None
        codes = [c for cs in stated.values() for c in cs]
        means = item_means(frame, codes)["mean"]
        imp = pd.Series({u: float(means[list(cs)].mean()) for u, cs in stated.items()}).reindex(perf.index)
        sources["stated"] = stated
    elif importance == "derived":
        drivers = unit_scores(inputs, frame)
        drivers["__overall__"] = overall_scores(inputs, frame)
        imp = metrics.derived_importance(drivers, list(inputs.units), "__overall__")
        sources.update(drivers=drivers[list(inputs.units)], target=drivers["__overall__"])
    else:
        raise ValueError(f'importance must be "stated" or "derived"; got {importance!r}.')
    by_parent = {inputs.pair_parent[k]: k for k in inputs.gap_pairs if inputs.pair_parent[k] in perf.index}
    gap = None
    if by_parent:
        gaps = gap_table(inputs, frame, level="indicator").set_index("code")["gap"]
        gap = gaps.reindex(perf.index)
    result = metrics.ipa(perf, imp, gap=gap)
    result.table["n"] = [int(nodes.at[u, "n"]) for u in result.table.index]
    stability = metrics.ipa_stability(
        frame, unit_items(inputs), result.table["quadrant"], scales=inputs.scales, **sources
    ).table
    for column in stability.columns:
        result.table[column] = stability[column].reindex(result.table.index)
    result.table["firm"] = result.table["firm"].fillna(False).astype(bool)
    return result


def unit_items(inputs: AnalysisInputs) -> dict[str, dict[str, float]]:
    """Each IPA indicator's perception items with their weights among siblings (as its index weighs them)."""
    leaves = inputs.tree[~inputs.tree["code"].isin(inputs.tree["parent"])]
    out: dict[str, dict[str, float]] = {}
    for code, parent, weight in zip(leaves["code"], leaves["parent"], leaves["weight"]):
        out.setdefault(parent if parent is not None else code, {})[code] = float(weight)
    return {u: out[u] for u in inputs.units if u in out}


def concentrate_here(result: metrics.IPAResult) -> pd.DataFrame:
    """The indicators to act on first: the "concentrate here" quadrant, by priority (importance × shortfall),
    then by lowest performance."""
    table = result.table[result.table["quadrant"] == "concentrate"]
    return table.sort_values(["priority", "performance"], ascending=[False, True], na_position="last")
