"""What an answer through a link may hold: any input is either stored as valid values or refused, never half."""

import math
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from survey.answering import ATTRIBUTE_MAX, AnswerRefused, checked_answer
from survey.design.definition import COMMENT_MAX, Node
from survey.i18n import text
from tests.db.test_answering import survey_definition

DEFN = survey_definition()
SCORED = DEFN.scored_items
odd_values = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.booleans(), st.text(max_size=3))
codes = st.sampled_from([n.code for n in DEFN.items] + ["bogus"])


def value_for(code: str):
    """Mostly answers on or near the item's scale (so that many are valid), sometimes anything at all."""
    scale = DEFN.scale(DEFN.node(code).scale)
    on_scale = st.integers(scale.minimum, scale.maximum).map(float)
    return st.one_of(on_scale, st.none(), on_scale, st.integers(scale.minimum - 1, scale.maximum + 1), odd_values)


REQUIRED = [n.code for n in SCORED if n.required]
answer_sets = st.tuples(
    st.fixed_dictionaries(
        {code: value_for(code) for code in REQUIRED},
        optional={n.code: value_for(n.code) for n in SCORED if not n.required},
    ),
    st.dictionaries(codes, odd_values, max_size=1),
    st.booleans(),
).map(lambda parts: {**parts[1], **parts[0]} if parts[2] else parts[0])
attribute_sets = st.one_of(
    st.fixed_dictionaries({"class": st.text(min_size=1)}, optional={"wave": st.one_of(st.none(), st.text())}),
    st.dictionaries(codes, st.one_of(st.none(), st.text(), st.integers())),
)


@given(answers=answer_sets, attributes=attribute_sets)
def test_an_answer_is_stored_within_its_scales_or_refused(answers, attributes):
    try:
        clean, kept = checked_answer(DEFN, answers, attributes)
    except AnswerRefused as refused:
        assert refused.problems and all(p.message.startswith("answer.") for p in refused.problems)
        return
    assert set(clean) == {n.code for n in SCORED}
    for item in SCORED:
        value, scale = clean[item.code], DEFN.scale(item.scale)
        if value is None:
            assert not item.required or (item.code in answers and scale.allow_na)
        else:
            assert math.isfinite(value) and value.is_integer() and scale.minimum <= value <= scale.maximum
    assert all(0 < len(v) <= ATTRIBUTE_MAX and v == v.strip() for v in kept.values())
    assert "class" in kept  # required


WITH_COMMENT = replace(DEFN, nodes=(*DEFN.nodes, Node("comment", "item", "意见", "Comments", role="comment")))
GOOD = {"clear": 4.0, "again": 1.0}


def test_a_comment_is_kept_exactly_as_written_never_cut():
    written = "第一行, \"引号\" '单引号'\n第二行\r\n\ttabbed" + "好" * 3000
    clean, kept = checked_answer(WITH_COMMENT, GOOD, {"class": "2A", "comment": "  " + written + "\n"})
    assert kept == {"class": "2A", "comment": written} and clean["clear"] == 4.0
    full = "意" * COMMENT_MAX
    assert checked_answer(WITH_COMMENT, GOOD, {"class": "2A", "comment": full})[1]["comment"] == full
    assert "comment" not in checked_answer(WITH_COMMENT, GOOD, {"class": "2A", "comment": " \n "})[1]


def test_a_comment_beyond_the_limit_is_refused_with_the_limit_named():
    with pytest.raises(AnswerRefused) as refused:
        checked_answer(WITH_COMMENT, GOOD, {"class": "2A", "comment": "x" * (COMMENT_MAX + 1)})
    [problem] = refused.value.problems
    assert (problem.where, problem.message, problem.params) == ("comment", "answer.too_long", {"limit": COMMENT_MAX})
    assert text("en", problem.message, item="Comments", **problem.params) == (
        "The answer to “Comments” is longer than 10000 characters. Shorten it and submit again."
    )


def test_a_comment_is_no_scored_answer():
    with pytest.raises(AnswerRefused) as refused:
        checked_answer(WITH_COMMENT, {**GOOD, "comment": 3.0}, {"class": "2A"})
    assert [(p.where, p.message) for p in refused.value.problems] == [("comment", "answer.unknown_item")]


@pytest.mark.parametrize(
    ("url", "only_here"),
    [
        ("http://127.0.0.1:8501/answer?s=abc", True),
        ("http://localhost:8501", True),
        ("http://LOCALHOST/", True),
        ("http://[::1]:8501/", True),
        ("http://0.0.0.0:8501/", True),
        ("http://127.8.0.1/", True),
        ("http://192.168.1.20:8501/answer?s=abc", False),  # a classroom's own network: phones reach it
        ("https://survey.example.cn/join?code=ABC", False),
        ("not a url", False),
    ],
)
def test_a_link_that_reaches_only_this_computer_is_recognised(url, only_here):
    import doctest

    import survey.answering as answering

    assert answering.only_this_computer(url) is only_here
    examples = doctest.DocTestFinder().find(answering.only_this_computer)  # and its docstring's example holds
    assert examples and all(doctest.DocTestRunner().run(test).failed == 0 for test in examples)
