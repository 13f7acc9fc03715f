"""The NPS page's figures: the 0–10 distribution, NPS per segment with its test, and NPS over waves."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

import metrics
from metrics.compare import SMALL_GROUP
from survey.analysis.inputs import AnalysisInputs, segment_values, waves_in

NPS_CATEGORY = ("detractor",) * 7 + ("passive",) * 2 + ("promoter",) * 2


def nps_distribution(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame:
    """How many answered each of 0–10 (a count), with its NPS category and share of the answers.

    Columns answer (0–10), count, share, category (detractor / passive / promoter).
    """
    values = frame[inputs.recommend].dropna().to_numpy(dtype=float) if inputs.recommend else np.array([])
    counts = np.bincount(values.astype(np.int64), minlength=11)[:11] if values.size else np.zeros(11, dtype=int)
    total = counts.sum()
    return pd.DataFrame(
        {
            "answer": range(11),
            "count": counts,
            "share": counts / total if total else np.full(11, np.nan),
            "category": NPS_CATEGORY,
        }
    )


SEGMENT_NPS_COLUMNS = ["group", "score", "ci_low", "ci_high", "n", "difference", "p_value", "significant", "small"]


def nps_by(inputs: AnalysisInputs, frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """NPS with its 95 % interval per value of `by`, each tested against the other respondents.

    Test: `metrics.nps_difference` (z-test, domain.md §5) of the group against
    everyone else in `frame`; difference = group − rest. small: n < 30.
    Columns: SEGMENT_NPS_COLUMNS.
    """
    if inputs.recommend is None or by not in frame.columns:
        return pd.DataFrame(columns=SEGMENT_NPS_COLUMNS)
    answers = frame[inputs.recommend]
    rows = []
    groups = frame[by]
    for value in segment_values(frame, by):
        mask = (groups == value).to_numpy(dtype=bool, na_value=False)
        r = metrics.nps(answers[mask])
        if mask.all():
            d = None
        else:
            d = metrics.nps_difference(r, metrics.nps(answers[~mask]))
        rows.append(
            {
                "group": value,
                "score": r.score,
                "ci_low": r.ci_low,
                "ci_high": r.ci_high,
                "n": r.n,
                "difference": d.difference if d else math.nan,
                "p_value": d.p_value if d else math.nan,
                "significant": bool(d.significant) if d else False,
                "small": r.n < SMALL_GROUP,
            }
        )
    return pd.DataFrame(rows, columns=SEGMENT_NPS_COLUMNS)


def nps_trend(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame:
    """NPS per wave with its interval; each wave tested against the one before (`metrics.nps_difference`).

    Columns: wave, score, ci_low, ci_high, n, difference, p_value, significant, small.
    """
    columns = ["wave", "score", "ci_low", "ci_high", "n", "difference", "p_value", "significant", "small"]
    if inputs.recommend is None:
        return pd.DataFrame(columns=columns)
    rows, before = [], None
    for wave in waves_in(frame):
        r = metrics.nps(frame.loc[frame["wave"] == wave, inputs.recommend])
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
            ]
        )
        before = r
    return pd.DataFrame(rows, columns=columns)
