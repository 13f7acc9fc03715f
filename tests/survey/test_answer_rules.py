"""What an answer through a link may hold: any input is either stored as valid values or refused, never half."""

import math

from hypothesis import given
from hypothesis import strategies as st

from survey.answering import ATTRIBUTE_MAX, AnswerRefused, checked_answer
from tests.db.test_answering import survey_definition

DEFN = survey_definition()
SCORED = [n for n in DEFN.items if n.role != "attribute"]
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
