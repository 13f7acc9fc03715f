"""Customer delivered value (客户让渡价值, Kotler; domain.md §8 and §10)."""

import pandas as pd
import pytest

from metrics import delivered_value
from metrics.value import COST_PARTS, VALUE_PARTS


def test_delivered_value_is_total_value_minus_total_cost_by_hand():
    values = dict(zip(VALUE_PARTS, [50, 15, 10, 15]))
    costs = dict(zip(COST_PARTS, [45, 25, 15, 10]))
    r = delivered_value(values, costs)
    assert r.total_value == 50 + 15 + 10 + 15 == 90
    assert r.total_cost == 45 + 25 + 15 + 10 == 95
    assert r.delivered == -5  # negative: the customer gives more than they get


def test_series_and_floats():
    r = delivered_value(pd.Series({"product": 1.5, "image": 0.25}), pd.Series({"monetary": 1.0}))
    assert r.delivered == pytest.approx(0.75)


@pytest.mark.parametrize(
    "values, costs, message",
    [
        ({}, {"monetary": 1}, "values must map each part"),
        ({"product": 1}, [3], "costs must map each part"),
        ({"product": None}, {"monetary": 1}, r"values\['product'\] must be a number"),
        ({"product": float("nan")}, {"monetary": 1}, r"values\['product'\] is missing"),
        ({"product": 1}, {"time": "long"}, r"costs\['time'\] must be a number"),
    ],
)
def test_bad_parts_are_named(values, costs, message):
    with pytest.raises(ValueError, match=message):
        delivered_value(values, costs)
