"""The Trends page's figures: every index, NPS and CSAT by wave, with intervals and each wave tested against
the one before (one Holm family per figure), waves combined on request."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

import metrics
from survey.analysis.inputs import AnalysisInputs, waves_in
from survey.analysis.overview import test_key
from survey.analysis.scores import frame_weights, is_weighted, loyalty, recommend, satisfaction

TREND_COLUMNS = [
    "measure",
    "wave",
    "value",
    "ci_low",
    "ci_high",
    "n",
    "difference",
    "p_value",
    "p_adjusted",
    "significant",
    "test",
]
MEASURES = ("satisfaction", "loyalty", "nps", "csat")


def combine_waves(frame: pd.DataFrame, combined: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """The responses with some waves merged into one: `combined` maps a new wave name to the waves it holds
    (e.g. {"2026-03 + 2026-06": ["2026-03", "2026-06"]}); the other waves stay as they are."""
    if not combined or "wave" not in frame.columns:
        return frame
    rename = {old: new for new, olds in combined.items() for old in olds}
    return frame.assign(wave=frame["wave"].map(lambda w: rename.get(w, w) if isinstance(w, str) else w))


def csat_item(inputs: AnalysisInputs) -> str | None:
    """The item CSAT is the top-2-box share of: the first CSAT item, else the first overall-satisfaction item."""
    return next(iter(inputs.csat), None) or next(iter(inputs.overall), None)


def _index_tree(inputs: AnalysisInputs, measure: str) -> pd.DataFrame:
    if measure == "satisfaction":
        return inputs.tree[["code", "parent", "weight"]]
    items = list(inputs.loyalty)
    return pd.DataFrame(
        {"code": items, "parent": pd.Series([None] * len(items), dtype=object), "weight": list(inputs.loyalty.values())}
    )


def _figure(inputs: AnalysisInputs, measure: str, part: pd.DataFrame) -> tuple[float, float, float, int] | None:
    """(value, ci_low, ci_high, n) of one figure on some responses, None when the survey lacks it."""
    weighted = is_weighted(part)
    if measure in ("satisfaction", "loyalty"):
        found = satisfaction(inputs, part) if measure == "satisfaction" else loyalty(inputs, part)
        if found is None:
            return None
        low, high = (math.nan, math.nan)
        if not weighted:
            low, high = metrics.index_interval(part, _index_tree(inputs, measure), scales=inputs.scales)
        return found.index, low, high, found.n
    if measure == "nps":
        found = recommend(inputs, part)
        return None if found is None else (found.score, found.ci_low, found.ci_high, found.n)
    item = csat_item(inputs)
    if item is None:
        return None
    answers = part[item]
    if weighted:  # the weighted top-2-box share; Wilson's interval on Kish's effective n
        w = frame_weights(part)[answers.notna()]
        top = (answers.dropna() >= inputs.scales[item][1] - 1).to_numpy(dtype=float)
        n = int(top.size)
        if n == 0 or w.sum() == 0:
            return math.nan, math.nan, math.nan, 0
        share = float((top * w.to_numpy()).sum() / w.sum())
        n_eff = metrics.kish_effective_n(w.to_numpy())
        low, high = metrics.wilson_interval(round(share * n_eff), max(round(n_eff), 1))
        return 100 * share, 100 * low, 100 * high, n
    found = metrics.csat(answers, scale=inputs.scales[item], top=2)
    return found.score, found.ci_low, found.ci_high, found.n


def _test(inputs: AnalysisInputs, measure: str, now: pd.DataFrame, before: pd.DataFrame):
    """The test of a figure in `now` against `before` (None when weighted: the tests count every response once)."""
    if is_weighted(now):
        return None
    if measure in ("satisfaction", "loyalty"):
        return metrics.index_difference_test(now, before, _index_tree(inputs, measure), scales=inputs.scales)
    if measure == "nps":
        return metrics.nps_difference(now[inputs.recommend], before[inputs.recommend])
    item = csat_item(inputs)
    top = inputs.scales[item][1] - 1
    a, b = now[item].dropna(), before[item].dropna()
    return metrics.fisher_exact_test((a >= top).to_numpy(), (b >= top).to_numpy())


def _test_name(test) -> str:
    if test is None:
        return ""
    return "fisher_exact" if getattr(test, "test", "") == "fisher_exact" else test_key(test)


def trends(inputs: AnalysisInputs, frame: pd.DataFrame, *, alpha: float = 0.05) -> pd.DataFrame:
    """Satisfaction index, loyalty index, NPS and CSAT per wave, each wave against the one before.

    Columns `TREND_COLUMNS`: measure (one of MEASURES the survey has), wave (in time order), value with its
    95 % interval (ci_low, ci_high: the linearised interval of an index, `metrics.nps`'s score interval,
    Wilson's for CSAT, the top-2-box share of the CSAT item or else of the overall-satisfaction item), n
    (answers), difference = value − the wave before's, p_value of its test (`metrics.index_difference_test`,
    `metrics.nps_difference`, `metrics.fisher_exact_test`), p_adjusted (Holm over the waves' tests of one
    figure: one family per figure, as the NPS page's trend), significant (p_adjusted < alpha), test
    (`test_key`). On weighted responses (`is_weighted`) the figures are weighted and nothing is tested.
    """
    waves = waves_in(frame)
    parts = {w: frame[(frame["wave"] == w).to_numpy(dtype=bool, na_value=False)] for w in waves}
    rows = []
    for measure in MEASURES:
        block = []
        for k, wave in enumerate(waves):
            found = _figure(inputs, measure, parts[wave])
            if found is None:
                break
            value, low, high, n = found
            test = _test(inputs, measure, parts[wave], parts[waves[k - 1]]) if k else None
            previous = block[-1]["value"] if block else math.nan
            block.append(
                {
                    "measure": measure,
                    "wave": wave,
                    "value": value,
                    "ci_low": low,
                    "ci_high": high,
                    "n": n,
                    "difference": value - previous if k else math.nan,
                    "p_value": test.p_value if test is not None else math.nan,
                    "p_adjusted": math.nan,
                    "significant": False,
                    "test": _test_name(test),
                }
            )
        tested = [r for r in block if not math.isnan(r["p_value"])]
        if tested:
            adjusted = metrics.holm(np.array([r["p_value"] for r in tested]))
            for r, p in zip(tested, adjusted):
                r["p_adjusted"], r["significant"] = float(p), bool(p < alpha)
        rows += block
    return pd.DataFrame(rows, columns=TREND_COLUMNS)
