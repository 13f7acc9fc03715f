import math

import pandas as pd
import pytest

from metrics import KanoResult, kano
from metrics.kano import CATEGORIES

# The Kano evaluation table as printed in Berger, C. et al. (1993), Center for Quality Management Journal 2(4)
# (and Matzler & Hinterhuber 1998, Technovation 18(1)): functional answer (rows) × dysfunctional
# answer (columns), each in the order like, must-be, neutral, live-with, dislike.
PUBLISHED_TABLE = """
Q A A A O
R I I I M
R I I I M
R I I I M
R R R R Q
"""
LETTER = dict(zip("AOMIRQ", CATEGORIES))


def test_every_cell_of_the_evaluation_table():
    rows = [line.split() for line in PUBLISHED_TABLE.strip().splitlines()]
    for f, line in enumerate(rows, start=1):
        for d, letter in enumerate(line, start=1):
            r = kano([f], [d])
            assert r.counts[LETTER[letter]] == 1 and r.counts.sum() == 1, (f, d)


def test_counts_category_better_worse():
    # 10 respondents: 4 attractive (1,3)/(1,4), 3 one-dimensional (1,5), 2 must-be (3,5), 1 indifferent (3,3),
    # plus a reverse (5,1), a questionable (1,1) and a pair with a missing answer.
    functional = [1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 5, 1, None]
    dysfunctional = [3, 3, 4, 4, 5, 5, 5, 5, 5, 3, 1, 1, 2]
    r = kano(functional, dysfunctional)
    assert isinstance(r, KanoResult)
    assert r.counts.to_dict() == {
        "attractive": 4,
        "one-dimensional": 3,
        "must-be": 2,
        "indifferent": 1,
        "reverse": 1,
        "questionable": 1,
    }
    assert r.n == 12 and r.category == "attractive"
    # Better = (A + O)/(A + O + M + I) = 7/10, Worse = −(O + M)/(A + O + M + I) = −5/10.
    assert r.better == pytest.approx(0.7) and r.worse == pytest.approx(-0.5)


def test_ties_favour_must_be_then_one_dimensional_then_attractive():
    assert kano([2, 1], [5, 5]).category == "must-be"  # M = O = 1
    assert kano([1, 1], [5, 3]).category == "one-dimensional"  # O = A = 1
    assert kano([1, 3], [3, 3]).category == "attractive"  # A = I = 1


def test_nothing_classified():
    r = kano([5, 1], [1, 1])
    assert r.category is None and math.isnan(r.better) and math.isnan(r.worse)
    assert r.counts["reverse"] == 1 and r.counts["questionable"] == 1
    empty = kano([], [])
    assert empty.n == 0 and empty.category is None


def test_input_checks():
    with pytest.raises(ValueError, match="coded 1 like"):
        kano([6], [1])
    with pytest.raises(ValueError, match="coded 1 like"):
        kano(["like"], [1])
    with pytest.raises(ValueError, match="give both answers"):
        kano([1, 2], [1])
    with pytest.raises(ValueError, match="one per respondent"):
        kano(1, 1)


def test_series_inputs():
    f = pd.Series([1, 1, 2], index=[10, 11, 12])
    d = pd.Series([5, 4, 5], index=[10, 11, 12])
    assert kano(f, d).counts[["one-dimensional", "attractive", "must-be"]].tolist() == [1, 1, 1]
