"""The NPS page's figures: the 0–10 distribution, NPS per segment with its test, and NPS over waves."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

import metrics
from metrics.compare import SMALL_GROUP
from survey.analysis.inputs import AnalysisInputs, segment_values, waves_in
from survey.analysis.overview import SegmentTests, test_key
from survey.analysis.scores import frame_weights

NPS_CATEGORY = ("detractor",) * 7 + ("passive",) * 2 + ("promoter",) * 2


def nps_distribution(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame:
    """How many answered each of 0–10 (a count), with its NPS category and share of the answers (weighted
    when the responses carry survey weights).

    Columns answer (0–10), count, share, category (detractor / passive / promoter).
    """
    answered = frame[inputs.recommend].dropna() if inputs.recommend else pd.Series(dtype=float)
    values = answered.to_numpy(dtype=float)
    counts = np.bincount(values.astype(np.int64), minlength=11)[:11] if values.size else np.zeros(11, dtype=int)
    weights = frame_weights(frame)
    if weights is not None and values.size:  # weighted: the shares are weighted, the counts stay answers
        w = weights.reindex(answered.index).to_numpy(dtype=float)
        mass = np.bincount(values.astype(np.int64), weights=w, minlength=11)[:11]
    else:
        mass = counts
    total = mass.sum()
    return pd.DataFrame(
        {
            "answer": range(11),
            "count": counts,
            "share": mass / total if total else np.full(11, np.nan),
            "category": NPS_CATEGORY,
        }
    )


SEGMENT_NPS_COLUMNS = [
    "group",
    "score",
    "ci_low",
    "ci_high",
    "n",
    "difference",
    "p_value",
    "significant",
    "small",
    "difference_low",
    "difference_high",
    "p_adjusted",
    "test",
    "adjustment",
]


def nps_by(
    inputs: AnalysisInputs, frame: pd.DataFrame, by: str, *, alpha: float = 0.05, min_n: int = SMALL_GROUP
) -> pd.DataFrame:
    """NPS with its 95 % interval per value of `by`, each tested against the other respondents.

    Test: `metrics.nps_difference` (exact permutation test, adjusted Wald for
    large groups) of the group against everyone else in `frame`; difference
    = group − rest with its 95 % adjusted-Wald interval (difference_low,
    difference_high); test: `test_key` of the test. Groups with fewer than
    `min_n` answers (or a rest that small) are shown with their p-value but
    marked small and never significant; the others form one family,
    adjusted by Holm (a handful) or Benjamini–Hochberg (many) — p_adjusted,
    adjustment ("holm" / "bh"); significant: p_adjusted < alpha.
    Columns: SEGMENT_NPS_COLUMNS.
    """
    if inputs.recommend is None or by not in frame.columns:
        return pd.DataFrame(columns=SEGMENT_NPS_COLUMNS)
    answers = frame[inputs.recommend]
    weights = frame_weights(frame)
    rows = []
    groups = frame[by]
    for value in segment_values(frame, by):
        mask = (groups == value).to_numpy(dtype=bool, na_value=False)
        if weights is not None:  # weighted: the weighted NPS and its interval, no test
            r, d = metrics.nps(answers[mask], weights=weights[mask]), None
        else:
            r = metrics.nps(answers[mask])
            d = None if mask.all() else metrics.nps_difference(r, metrics.nps(answers[~mask]))
        rows.append(
            {
                "group": value,
                "score": r.score,
                "ci_low": r.ci_low,
                "ci_high": r.ci_high,
                "n": r.n,
                "difference": d.difference if d else math.nan,
                "p_value": d.p_value if d else math.nan,
                "significant": False,
                "small": r.n < min_n,
                "difference_low": d.ci_low if d else math.nan,
                "difference_high": d.ci_high if d else math.nan,
                "p_adjusted": math.nan,
                "test": test_key(d) if d else "",
                "adjustment": "",
                "_tested": bool(d) and min(d.n_a, d.n_b) >= min_n and not math.isnan(d.p_value),
            }
        )
    table = pd.DataFrame(rows, columns=[*SEGMENT_NPS_COLUMNS, "_tested"])
    tested = table["_tested"].to_numpy(dtype=bool)
    if tested.any():
        adjusted, method = metrics.adjust_p_values(table.loc[tested, "p_value"].to_numpy(dtype=float))
        table.loc[tested, "p_adjusted"] = adjusted
        table.loc[tested, "adjustment"] = method
        table["significant"] = tested & (table["p_adjusted"] < alpha).to_numpy(dtype=bool)
    return table.drop(columns="_tested")


def nps_family(table: pd.DataFrame, *, alpha: float = 0.05, min_n: int = SMALL_GROUP) -> SegmentTests:
    """The family of tests behind an `nps_by` table: groups tested, the adjustment, groups too small to test."""
    tested = table[table["p_adjusted"].notna()] if len(table) else table
    method = str(tested["adjustment"].iloc[0]) if len(tested) else ""
    untested = int((table["p_adjusted"].isna() & (table["test"] != "")).sum()) if len(table) else 0
    return SegmentTests(tested, len(tested), len(tested), method, alpha, min_n, untested)


def nps_trend(inputs: AnalysisInputs, frame: pd.DataFrame, *, alpha: float = 0.05) -> pd.DataFrame:
    """NPS per wave with its interval; each wave tested against the one before (`metrics.nps_difference`),
    the waves' tests Holm-adjusted together (`significant` reads the adjusted p).

    Columns: wave, score, ci_low, ci_high, n, difference, p_value, significant, small, test (`test_key`),
    p_adjusted.
    """
    columns = ["wave", "score", "ci_low", "ci_high", "n", "difference", "p_value", "significant", "small", "test"]
    if inputs.recommend is None:
        return pd.DataFrame(columns=columns)
    rows, before = [], None
    weights = frame_weights(frame)
    for wave in waves_in(frame):
        in_wave = (frame["wave"] == wave).to_numpy(dtype=bool, na_value=False)
        if weights is not None:  # weighted: the weighted NPS and its interval, no test
            r = metrics.nps(frame.loc[in_wave, inputs.recommend], weights=weights[in_wave])
            d = None
        else:
            r = metrics.nps(frame.loc[in_wave, inputs.recommend])
            d = metrics.nps_difference(r, before) if before is not None else None
        rows.append(
            [
                wave,
                r.score,
                r.ci_low,
                r.ci_high,
                r.n,
                d.difference if d else math.nan,
                d.p_value if d else math.nan,
                bool(d.significant) if d else False,
                r.n < SMALL_GROUP,
                test_key(d) if d else "",
            ]
        )
        before = r
    table = pd.DataFrame(rows, columns=columns)
    # the waves' tests are one family: a change is marked significant once Holm-adjusted over them
    tested = table["p_value"].notna()
    table["p_adjusted"] = math.nan
    if tested.any():
        table.loc[tested, "p_adjusted"] = metrics.holm(table.loc[tested, "p_value"].to_numpy())
    table["significant"] = (table["p_adjusted"] < alpha).to_numpy(dtype=bool, na_value=False)
    return table


@dataclass(frozen=True)
class FollowUpCounts:
    """Detractors among some responses, and how many of them were contacted (follow-up status contacted or
    resolved) and resolved (the NPS page's "detractors contacted N, resolved M")."""

    detractors: int
    contacted: int
    resolved: int


def detractor_follow_up(inputs: AnalysisInputs, frame: pd.DataFrame, statuses: Mapping[int, str]) -> FollowUpCounts:
    """`FollowUpCounts` of the detractors (0–6 on the recommend item) in `frame`; `statuses` maps response id →
    follow-up status (`survey.comments.STATUSES`; a response without one is open)."""
    if inputs.recommend is None or inputs.recommend not in frame.columns:
        return FollowUpCounts(0, 0, 0)
    answers = pd.to_numeric(frame[inputs.recommend], errors="coerce")
    ids = frame.loc[(answers <= 6).to_numpy(dtype=bool, na_value=False), "response_id"]
    found = [statuses.get(int(r), "open") for r in ids]
    resolved = found.count("resolved")
    return FollowUpCounts(len(found), found.count("contacted") + resolved, resolved)
