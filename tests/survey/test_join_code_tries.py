"""The join page's wait after wrong class codes (survey.classroom.code_tries): after FREE_MISSES (5) wrong codes
within MISS_WINDOW (60) seconds, wait until the oldest of them leaves the window, in whole seconds rounded up
by one (int(60 − elapsed) + 1, as the page has always said it)."""

import doctest

import pytest

from survey import classroom
from survey.classroom import classes


def test_fewer_than_five_recent_misses_need_no_wait():
    assert classroom.code_tries([], now=100.0) == classroom.CodeTries(recent=(), wait=0)
    assert classroom.code_tries([10.0, 20.0, 30.0, 40.0], now=41.0) == classroom.CodeTries((10.0, 20.0, 30.0, 40.0), 0)


def test_the_fifth_miss_within_a_minute_asks_to_wait_for_the_oldest_to_leave_the_window():
    misses = [100.0, 101.0, 102.0, 103.0, 104.0]
    # 10.5 s after the oldest: int(60 − 10.5) + 1 = 50 s
    assert classroom.code_tries(misses, now=110.5) == classroom.CodeTries(tuple(misses), 50)
    # right after it: int(60 − 0.25) + 1 = 60 s
    assert classroom.code_tries(misses, now=100.25).wait == 60
    # 59.5 s after it: int(0.5) + 1 = 1 s
    assert classroom.code_tries(misses, now=159.5).wait == 1


def test_misses_a_minute_old_or_older_no_longer_count():
    misses = [0.0, 50.0, 51.0, 52.0, 53.0]
    exactly = classroom.code_tries(misses, now=60.0)  # 60 s after the first: out of the window
    assert exactly == classroom.CodeTries((50.0, 51.0, 52.0, 53.0), 0)
    # the page stores the recent ones and the new miss: five again, the oldest 50 → wait int(60 − 10) + 1
    assert classroom.code_tries([*exactly.recent, 60.0], now=60.0).wait == 51


@pytest.mark.parametrize("count", [5, 6, 9])
def test_more_misses_wait_for_the_oldest_recent_one(count):
    misses = [float(k) for k in range(count)]
    assert classroom.code_tries(misses, now=float(count)).wait == int(60 - count) + 1
    assert (classroom.FREE_MISSES, classroom.MISS_WINDOW) == (5, 60.0)


def test_the_docstring_examples_hold():
    result = doctest.testmod(classes)
    assert result.attempted >= 2 and result.failed == 0
