"""The Kano page's figures: every Kano feature's category with Berger's Better and Worse (`metrics.kano`)."""

from __future__ import annotations

import pandas as pd

import metrics
from metrics.kano import CATEGORIES
from survey.analysis.inputs import AnalysisInputs

KANO_COLUMNS = ["feature", "functional", "dysfunctional", *CATEGORIES, "category", "better", "worse", "n"]


def kano_table(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame:
    """One row per Kano feature of the survey (`inputs.kano`, in the survey's order): its items, the answer
    pairs per category (counts), the category, Better (0..1) and Worse (−1..0), n (pairs). Columns
    `KANO_COLUMNS`; empty without Kano pairs."""
    rows = []
    for feature, (functional, dysfunctional) in inputs.kano.items():
        r = metrics.kano(frame[functional], frame[dysfunctional])
        rows.append(
            {
                "feature": feature,
                "functional": functional,
                "dysfunctional": dysfunctional,
                **r.counts.to_dict(),
                "category": r.category,
                "better": r.better,
                "worse": r.worse,
                "n": r.n,
            }
        )
    return pd.DataFrame(rows, columns=KANO_COLUMNS)
