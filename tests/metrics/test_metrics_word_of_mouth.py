"""The 1:25:8:1 word-of-mouth rule (Little Swan case, domain.md §8 and §10)."""

import doctest
import importlib

import pytest

from metrics import word_of_mouth


def test_one_buyer_gives_the_textbook_1_25_8_1():
    # domain.md §8: one buyer influences 25 people; a good experience makes 8 want to buy and 1 buy;
    # a bad one puts all 25 off.
    good = word_of_mouth(1)
    assert (good.reached, good.interested, good.new_buyers, good.put_off) == (25, 8, 1, 0)
    bad = word_of_mouth(0, 1)
    assert (bad.reached, bad.interested, bad.new_buyers, bad.put_off) == (25, 0, 0, 25)


def test_many_buyers_scale_by_hand():
    r = word_of_mouth(120, 30)
    assert r.reached == 150 * 25 == 3750
    assert r.interested == 120 * 8 == 960
    assert r.new_buyers == 120
    assert r.put_off == 30 * 25 == 750


def test_other_ratios():
    r = word_of_mouth(10, 2, reach=20, interested=5, buyers=2)
    assert (r.reached, r.interested, r.new_buyers, r.put_off) == (240, 50, 20, 40)


@pytest.mark.parametrize(
    "args, kwargs, message",
    [
        ((-1,), {}, "satisfied must be a whole number"),
        ((2.5,), {}, "satisfied must be a whole number"),
        ((1, "many"), {}, "dissatisfied must be a whole number"),
        ((True,), {}, "satisfied must be a whole number"),
        ((1,), {"interested": 30}, "buyers ≤ interested ≤ reach"),
        ((1,), {"buyers": 9}, "buyers ≤ interested ≤ reach"),
    ],
)
def test_bad_input_is_refused_with_what_to_fix(args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        word_of_mouth(*args, **kwargs)


def test_docstring_example():
    result = doctest.testmod(importlib.import_module("metrics.word_of_mouth"))  # the module, not the function
    assert result.attempted > 0 and result.failed == 0
