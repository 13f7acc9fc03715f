"""Benchmarks for the weighting and the crosstabs (run by hand; the test suite runs them once at a tiny size).

    .venv/bin/python bench/bench_analysis.py [--rows 1000000] [--repeat 3] [--results FILE] [--no-record]

1. rake_N: `metrics.rake` of N respondents to three margins (region 6 categories, age 5, gender 2; shares
   far from the sample's) against the same iterative proportional fitting written directly in numpy in
   this script (`numpy_ipf`: integer codes, `np.bincount` per margin, the same stopping rule). Target:
   within 1.5×.
2. crosstab_N: `metrics.crosstab` (counts, column percentages, chi-square, column-proportion letters with
   Holm) of a 6-category attribute by a 5-category one over N rows, against `pandas.crosstab` of the same
   columns (counts only). Target: within 2×.

Each benchmark appends one line to --results (bench/RESULTS.md):
    NAME: project T s, baseline T s, ratio R (machine, date, note)
Timings are the best of `--repeat` runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Recorder, arguments, best_of
from metrics import crosstab, rake

MARGINS = {
    "region": {"north": 0.10, "south": 0.25, "east": 0.20, "west": 0.15, "centre": 0.20, "abroad": 0.10},
    "age": {"18-24": 0.15, "25-34": 0.25, "35-44": 0.25, "45-54": 0.20, "55+": 0.15},
    "gender": {"f": 0.52, "m": 0.48},
}
SAMPLE_SHARES = {  # who answered: far from the population
    "region": [0.30, 0.10, 0.20, 0.10, 0.25, 0.05],
    "age": [0.35, 0.30, 0.15, 0.12, 0.08],
    "gender": [0.62, 0.38],
}


def respondents(rows: int, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            c: rng.choice(list(MARGINS[c]), size=rows, p=np.array(SAMPLE_SHARES[c]) / sum(SAMPLE_SHARES[c]))
            for c in MARGINS
        }
    )


def numpy_ipf(frame: pd.DataFrame, margins: dict, tol: float = 1e-8, max_iter: int = 100) -> np.ndarray:
    """Raking written directly: integer codes per margin, then w *= target / current per margin until every
    margin is within `tol` (relative), the stopping rule of `metrics.rake`."""
    w = np.ones(len(frame))
    codes, targets = [], []
    for column, spec in margins.items():
        categories = list(spec)
        codes.append(pd.Categorical(frame[column], categories=categories).codes.astype(np.intp))
        shares = np.array(list(spec.values()), dtype=float)
        targets.append(shares / shares.sum() * len(frame))
    for _ in range(max_iter):
        for code, target in zip(codes, targets):
            w *= (target / np.bincount(code, weights=w, minlength=target.size))[code]
        gap = max(
            float(np.max(np.abs(np.bincount(c, weights=w, minlength=t.size) - t) / t)) for c, t in zip(codes, targets)
        )
        if gap <= tol:
            break
    return w


def bench_rake(rows: int, repeat: int, out: Recorder) -> None:
    frame = respondents(rows)
    ours = rake(frame, MARGINS)
    direct = numpy_ipf(frame, MARGINS)
    agree = float(np.max(np.abs(ours.weights.to_numpy() - direct)))
    project = best_of(lambda: rake(frame, MARGINS), repeat)
    baseline = best_of(lambda: numpy_ipf(frame, MARGINS), repeat)
    note = f"baseline = the same IPF in numpy, {ours.iterations} passes, weights agree to {agree:.0e}"
    out.timing(f"rake_{rows}", project, baseline, note)


def bench_crosstab(rows: int, repeat: int, out: Recorder) -> None:
    frame = respondents(rows, seed=5)[["region", "age"]]
    project = best_of(lambda: crosstab(frame, "region", "age"), repeat)
    baseline = best_of(lambda: pd.crosstab(frame["region"], frame["age"]), repeat)
    out.timing(f"crosstab_{rows}", project, baseline, "baseline = pandas.crosstab (counts only), 6×5 table")


def main() -> None:
    parser = arguments(__doc__, rows=1_000_000)
    parser.add_argument("--only", choices=["rake", "crosstab"])
    args = parser.parse_args()
    out = Recorder.from_args(args)
    if args.only in (None, "rake"):
        bench_rake(args.rows, args.repeat, out)
    if args.only in (None, "crosstab"):
        bench_crosstab(args.rows, args.repeat, out)


if __name__ == "__main__":
    main()
