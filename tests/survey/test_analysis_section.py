"""The Analysis section's figures (`survey.analysis` crosstabs, distributions, drivers) on the demo data."""

import numpy as np
import pandas as pd
import pytest

import metrics
from survey import analysis
from survey.design import templates
from survey.storage import demo

COURSE = analysis.analysis_inputs(templates.build("course"))


@pytest.fixture(scope="module")
def course() -> pd.DataFrame:
    frame = demo.course_responses()
    return frame.assign(version=1, response_id=range(len(frame)))


# --- crosstabs -----------------------------------------------------------------------------------------------


def test_crosstab_fields_are_the_attributes_then_the_numeric_items(course):
    assert analysis.column_fields(COURSE, course) == ["wave", "class", "group"]
    rows = analysis.row_fields(COURSE, course)
    assert rows[:4] == ["wave", "class", "group", "useful_p"]
    assert "nps" in rows and "overall" in rows  # 0–10 has 11 points: still a row
    assert analysis.column_fields(COURSE, course.assign(wave=None)) == ["class", "group"]


def test_banner_is_metrics_crosstab_with_the_items_answers_as_categories_and_its_means(course):
    b = analysis.banner(COURSE, course, row="overall", column="class")
    direct = metrics.crosstab(course.assign(overall=course["overall"].astype("Int64")), "overall", "class")
    pd.testing.assert_frame_equal(b.result.counts, direct.counts)
    pd.testing.assert_frame_equal(b.result.significance, direct.significance)
    assert b.result.chi2 == pytest.approx(direct.chi2)
    assert list(b.result.counts.index) == [1, 2, 3, 4, 5]
    assert b.means["column"].tolist() == ["Class 1", "Class 2"]
    expected = course.groupby("class")["overall"].agg(["mean", "std", "count"])
    assert b.means["mean"].tolist() == pytest.approx(expected["mean"].tolist())
    assert b.means["sd"].tolist() == pytest.approx(expected["std"].tolist())
    assert b.means["n"].tolist() == expected["count"].tolist()
    assert b.means["letter"].tolist() == ["A", "B"]


def test_banner_of_two_attributes_has_no_means_and_marks_small_columns(course):
    b = analysis.banner(COURSE, course, row="class", column="group")
    assert b.means is None
    assert b.result.small.all()  # 19 groups of about a dozen answers each
    assert int(b.result.n.sum()) == len(course)


def test_banner_names_a_field_the_responses_lack(course):
    with pytest.raises(ValueError, match="region"):
        analysis.banner(COURSE, course, row="region", column="wave")


def test_banner_leaves_out_respondents_missing_either_field(course):
    frame = course.copy()
    frame.loc[frame.index[:10], "overall"] = np.nan
    b = analysis.banner(COURSE, frame, row="overall", column="wave")
    assert int(b.result.n.sum()) == frame["overall"].notna().sum()
