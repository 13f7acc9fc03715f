"""The Drivers page's figures: how much of overall satisfaction (or of the recommend answer) each indicator
explains, by relative importance (`metrics.relative_importance`, LMG or Johnson's weights), with a
bootstrap interval.

The drivers are the indicators' per-respondent 0–100 scores (`unit_scores`: the mean of each indicator's
perception items, as on the Priorities page); the target is the overall-satisfaction score (the mean of
the overall items, 0–100) or the 0–10 recommend answer. R² and its shares do not change when a score is
rescaled, so the 0–100 and 0–10 units do not matter.

Bootstrap: `bootstrap` resamples of the respondents with replacement (numpy's default generator seeded
with `seed`, so the interval is the same on every run), the importance recomputed on each; the interval
is the 2.5th and 97.5th percentiles of each driver's share (Efron & Tibshirani 1993, An Introduction to
the Bootstrap, §13.3, the percentile interval). LMG needs 2^p regressions per resample, so its resamples
are bounded (`resamples_for`); a resample in which a driver does not vary cannot be fitted and is left
out (`Drivers.failed` counts them).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd

import metrics
from survey.analysis.inputs import AnalysisInputs
from survey.analysis.priorities import unit_scores
from survey.analysis.scores import overall_scores

_LOG = logging.getLogger(__name__)

SEED = 2026  # the bootstrap's seed: the same resamples, hence the same interval, on every run
BOOTSTRAP = 200  # resamples asked for when the interval is switched on
SUBSET_BUDGET = 2**20  # LMG: at most this many subset regressions in all the resamples together
MIN_RESAMPLES = 50  # LMG: never fewer resamples than this, however many drivers
DRIVER_COLUMNS = ["driver", "importance", "share", "ci_low", "ci_high"]
TARGET = "__target__"


@dataclass(frozen=True)
class Drivers:
    """Relative importance of the indicators for `target` ("overall" or "recommend").

    result: `metrics.relative_importance`'s (importance, share, r_squared, n, method).
    table: one row per driver, largest share first, columns `DRIVER_COLUMNS`: importance (its part of R²),
        share (percent of R², summing to 100), ci_low / ci_high (the bootstrap's percentile interval of the
        share, NaN without a bootstrap).
    resamples: the resamples drawn (0: no interval); failed: those that could not be fitted; seed.
    """

    target: str
    result: metrics.RelativeImportance
    table: pd.DataFrame
    resamples: int
    failed: int
    seed: int


def driver_targets(inputs: AnalysisInputs) -> list[str]:
    """What the indicators can explain: "overall" (the survey has overall-satisfaction items), "recommend"
    (it has the 0–10 recommend item); none when it has fewer than two indicators."""
    if len(inputs.units) < 2:
        return []
    return (["overall"] if inputs.overall else []) + (["recommend"] if inputs.recommend else [])


def resamples_for(method: str, drivers: int, wanted: int) -> int:
    """The resamples drawn for `wanted`: all of them for Johnson's weights; for LMG at most
    SUBSET_BUDGET / 2^drivers (at least MIN_RESAMPLES), so 13 indicators get 128."""
    if method != "lmg" or wanted <= 0:
        return max(wanted, 0)
    return min(wanted, max(MIN_RESAMPLES, SUBSET_BUDGET // 2**drivers))


def driver_frame(inputs: AnalysisInputs, frame: pd.DataFrame, target: str) -> pd.DataFrame:
    """Per respondent: each indicator's 0–100 score and the target (column `TARGET`)."""
    if target not in driver_targets(inputs):
        raise ValueError(f"target must be one of {driver_targets(inputs)} for this survey; got {target!r}.")
    data = unit_scores(inputs, frame)
    if target == "overall":
        data[TARGET] = overall_scores(inputs, frame)
    else:
        data[TARGET] = pd.to_numeric(frame[inputs.recommend], errors="coerce")
    return data


def drivers(
    inputs: AnalysisInputs,
    frame: pd.DataFrame,
    *,
    target: str = "overall",
    method: str = "lmg",
    bootstrap: int = 0,
    seed: int = SEED,
) -> Drivers:
    """Relative importance of every indicator for `target` (`metrics.relative_importance`), with a bootstrap
    interval of each share when `bootstrap` > 0 (`resamples_for` bounds it for LMG).

    Respondents missing the target or any indicator's score are left out (listwise), as in
    `metrics.relative_importance`, whose ValueError (too few respondents, a constant score) passes through.

    Example
    -------
    >>> from survey.analysis.inputs import analysis_inputs
    >>> from survey.design import templates
    >>> from survey.storage import demo
    >>> d = drivers(analysis_inputs(templates.build("ecsi")), demo.ecsi_responses())
    >>> d.table["driver"].tolist(), round(d.result.r_squared, 3), d.result.n
    (['value', 'quality', 'image'], 0.684, 250)
    """
    data = driver_frame(inputs, frame, target)
    units = list(inputs.units)
    result = metrics.relative_importance(data, TARGET, units, method=method)
    complete = data[[TARGET, *units]].dropna().to_numpy(dtype=float)
    resamples = resamples_for(method, len(units), bootstrap)
    low = high = np.full(len(units), np.nan)
    failed = 0
    if resamples:
        shares, failed = _bootstrap(complete, units, method, resamples, seed)
        if len(shares):
            low, high = np.percentile(shares, [2.5, 97.5], axis=0)
    table = pd.DataFrame(
        {
            "driver": units,
            "importance": result.importance.to_numpy(),
            "share": 100 * result.share.to_numpy(),
            "ci_low": low,
            "ci_high": high,
        }
    )
    table = table.sort_values("share", ascending=False, kind="stable").reset_index(drop=True)
    return Drivers(target, result, table, resamples, failed, seed)


def _bootstrap(complete: np.ndarray, units: list, method: str, resamples: int, seed: int) -> tuple[np.ndarray, int]:
    rng = np.random.default_rng(seed)
    n = len(complete)
    columns = [TARGET, *units]
    shares, failed = [], 0
    for _ in range(resamples):
        sample = pd.DataFrame(complete[rng.integers(0, n, n)], columns=columns)
        try:
            r = metrics.relative_importance(sample, TARGET, units, method=method)
        except ValueError as err:  # a driver constant in this resample: it cannot be fitted
            _LOG.debug("bootstrap resample left out: %s", err)
            failed += 1
            continue
        shares.append(100 * r.share.to_numpy())
    return np.array(shares).reshape(-1, len(units)), failed
