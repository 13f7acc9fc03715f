"""Population margins read from a CSV file (survey.weighting.margins_from_csv): every row or a refusal naming it."""

import pytest

from survey.weighting import WeightingError, margins_from_csv


def test_a_margins_file_gives_each_attributes_targets_in_utf8_or_gb18030():
    text = "attribute,category,target\nregion,北方,0.4\nregion,南方,0.6\ngrade,y1,300\ngrade,y2,700\n"
    expected = {"region": {"北方": 0.4, "南方": 0.6}, "grade": {"y1": 300.0, "y2": 700.0}}
    with pytest.raises(WeightingError) as disagree:  # region adds up to 900, grade to 1100
        margins_from_csv(text.replace("700", "800").replace("0.6", "600").replace("0.4", "300").encode())
    assert disagree.value.message == "weighting.totals_disagree"
    assert margins_from_csv(text.encode("utf-8-sig")) == expected
    assert margins_from_csv(text.encode("gb18030")) == expected


@pytest.mark.parametrize(
    ("content", "message", "params"),
    [
        ("region,category,share\nx,a,1\n", "weighting.csv_columns", {}),
        ("attribute,category,target\nregion,north,0.5\nregion,south,-1\n", "weighting.csv_row", {"line": 3}),
        ("attribute,category,target\nregion,north,0.5\nregion,north,0.5\n", "weighting.category_twice", None),
        ("attribute,category,target\n", "weighting.csv_empty", {}),
    ],
)
def test_a_wrong_row_is_named(content, message, params):
    with pytest.raises(WeightingError) as refused:
        margins_from_csv(content.encode())
    assert refused.value.message == message
    if params is not None:
        assert refused.value.params == params
