"""The Crosstabs page's mean letters (survey.analysis.crosstabs.mean_letters): a clear difference is lettered,
and with no difference at all a false letter anywhere in the table stays at most 5 % (checked by simulation)."""

import numpy as np
import pandas as pd

import metrics
from survey.analysis.crosstabs import mean_letters


def test_a_column_with_a_clearly_higher_mean_carries_the_lower_columns_letters():
    rng = np.random.default_rng(1)
    a, b, c = (pd.Series(rng.normal(mu, 1.0, 60)) for mu in (5.0, 3.0, 3.05))
    assert mean_letters([a, b, c], ["A", "B", "C"]) == ["BC", "", ""]
    # the letters follow Welch's t-test, Holm-adjusted over the three pairs
    p = metrics.holm([metrics.welch_t_test(x, y, method="welch").p_value for x, y in ((a, b), (a, c), (b, c))])
    assert p[0] < 0.05 and p[1] < 0.05 and p[2] >= 0.05
    # a column with fewer than 30 answers is neither lettered nor gets a letter
    assert mean_letters([a, b.head(20)], ["A", "B"]) == ["", ""]


def test_with_equal_means_a_false_letter_anywhere_in_the_table_stays_within_five_percent():
    rng = np.random.default_rng(2026)
    runs, false = 400, 0
    for _ in range(runs):  # four columns of 40 skewed 1–5 answers, all from one distribution
        columns = [pd.Series(rng.choice([1, 2, 3, 4, 5], size=40, p=[0.05, 0.1, 0.2, 0.4, 0.25])) for _ in range(4)]
        false += any(mean_letters(columns, list("ABCD")))
    # Holm keeps the family-wise rate ≤ 5 %; 400 runs: allow three standard errors (≈ 3.3 points) above it
    assert false / runs <= 0.05 + 3 * np.sqrt(0.05 * 0.95 / runs)
