"""Words of comments: tokens in Chinese and English, frequencies, and the log-odds of detractors' terms.

Reference numbers are computed by hand from Monroe, Colaresi & Quinn (2008), eq. 22 and 24 (see
metrics/text.py), with the combined corpus as the prior.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics.text import distinguishing_terms, term_frequencies, tokenize


def test_chinese_is_segmented_and_english_lower_cased_without_stop_words():
    assert tokenize("上课节奏太快，听不懂") == ["上课", "节奏", "太快", "听不懂"]
    assert tokenize("The TEACHER was great!!") == ["teacher", "great"]
    assert tokenize("食堂的饭菜很好吃 but the queue is LONG") == ["食堂", "饭菜", "好吃", "queue", "long"]


def test_negations_are_kept_and_missing_texts_have_no_words():
    assert "not" in tokenize("not helpful at all") and "不好" in tokenize("服务态度不好")
    assert tokenize(None) == [] and tokenize(float("nan")) == [] and tokenize("") == []


def test_the_language_chooses_the_stop_words():
    assert tokenize("the 的 teacher", language="zh") == ["the", "teacher"]
    assert tokenize("the 老师的 teacher", language="en") == ["老师", "的", "teacher"]
    with pytest.raises(ValueError, match="unknown language"):
        tokenize("x", language="fr")


def test_frequencies_count_occurrences_and_comments():
    table = term_frequencies(["food bad, food cold", "bad service", None])
    assert table.to_dict("records") == [
        {"term": "bad", "count": 2, "comments": 2},
        {"term": "food", "count": 2, "comments": 1},
        {"term": "cold", "count": 1, "comments": 1},
        {"term": "service", "count": 1, "comments": 1},
    ]


def test_log_odds_on_a_hand_computed_example():
    # a: slow ×3, boring ×1 (n_a 4); b: slow ×1, great ×3 (n_b 4); prior 1 → α_slow 4, α_boring 1, α_great 3,
    # α_0 8. δ_slow = log(7/(12−7)) − log(5/(12−5)) = log(49/25) = 0.67294; σ² = 1/7 + 1/5 → z = 1.14927.
    # δ_boring = log(2/10) − log(1/11) = log(2.2) = 0.78846; σ² = 1/2 + 1 → z = 0.64377.
    # great: δ = log(3/9) − log(6/6) = −1.09861; σ² = 1/3 + 1/6 → z = −1.55367.
    table = distinguishing_terms(["slow slow boring", "slow"], ["great great", "slow great"], prior=1.0)
    got = {r.term: (r.count_a, r.count_b, r.log_odds, r.z) for r in table.itertuples()}
    assert list(table["term"]) == ["slow", "boring", "great"]
    assert got["slow"][:2] == (3, 1) and got["great"][:2] == (0, 3)
    assert got["slow"][2] == pytest.approx(math.log(49 / 25)) and got["slow"][3] == pytest.approx(1.14927, abs=1e-5)
    assert got["boring"][2] == pytest.approx(math.log(2.2)) and got["boring"][3] == pytest.approx(0.64377, abs=1e-5)
    assert got["great"][2] == pytest.approx(-1.09861, abs=1e-5) and got["great"][3] == pytest.approx(-1.55367, abs=1e-5)


def test_a_term_said_once_ranks_below_one_said_often():
    table = distinguishing_terms(["slow"] * 10 + ["rude"], ["fine"] * 11)
    assert list(table["term"][:2]) == ["slow", "rude"]


def test_bad_input_is_refused_and_an_empty_group_has_no_log_odds():
    with pytest.raises(ValueError, match="prior"):
        distinguishing_terms(["a b"], ["c"], prior=0)
    with pytest.raises(ValueError, match="list of texts"):
        term_frequencies("one text")
    assert distinguishing_terms([], [None]).empty
    only_a = distinguishing_terms(["slow food"], [])
    assert list(only_a["count_a"]) == [1, 1] and only_a["z"].isna().all()


words = st.lists(st.sampled_from(["slow", "great", "rude", "老师", "作业", "food"]), min_size=1, max_size=8)


@settings(max_examples=25, deadline=None)
@given(st.lists(words, min_size=1, max_size=5), st.lists(words, min_size=1, max_size=5))
def test_swapping_the_groups_flips_the_sign(a, b):
    a_texts, b_texts = [" ".join(x) for x in a], [" ".join(x) for x in b]
    ab = distinguishing_terms(a_texts, b_texts).set_index("term")
    ba = distinguishing_terms(b_texts, a_texts).set_index("term").loc[ab.index]
    assert np.allclose(ab["z"], -ba["z"], equal_nan=True, atol=1e-9)
    assert (ab["count_a"] == ba["count_b"]).all()
