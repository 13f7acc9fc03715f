"""The Analysis section's figures (`survey.analysis` crosstabs, distributions, drivers) on the demo data."""

import numpy as np
import pandas as pd
import pytest

import metrics
from survey import analysis
from survey.analysis.drivers import SEED
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


# --- distributions ---------------------------------------------------------------------------------------


def test_likert_scales_are_those_of_3_to_7_points_with_their_items():
    scales = analysis.likert_scales(templates.build("course"))
    assert list(scales) == ["sat5", "agree5"]  # not the 0–10 recommend scale
    assert scales["agree5"] == ("loy_teacher", "loy_related", "loy_speak")
    assert "overall" in scales["sat5"] and "nps" not in scales["sat5"]
    assert analysis.likert_scales(templates.build("ecsi")) == {}


def test_likert_distribution_diverges_at_zero_with_the_neutral_point_centred(course):
    bars = analysis.likert_distribution(course, ["useful_p", "feedback_p"], (1, 5))
    for _, bar in bars.groupby("item"):
        share = bar.set_index("point")["share"]
        assert share.sum() == pytest.approx(100)
        assert bar["start"].iloc[0] == pytest.approx(-(share[1] + share[2] + share[3] / 2))
        assert bar["end"].iloc[-1] == pytest.approx(share[4] + share[5] + share[3] / 2)
        assert (bar["end"] - bar["start"]).tolist() == pytest.approx(share.tolist())
    answers = course["feedback_p"].dropna()
    r = metrics.csat(answers, scale=(1, 5), top=2)
    feedback = bars[bars["item"] == "feedback_p"]
    assert feedback["top2"].iloc[0] == r.score and feedback["top2_low"].iloc[0] == r.ci_low
    assert feedback["n"].iloc[0] == len(answers)


def test_an_even_scale_has_no_middle_point():
    frame = pd.DataFrame({"q": [1, 2, 3, 4, 4, 4]})
    bars = analysis.likert_distribution(frame, ["q"], (1, 4))
    assert bars["start"].iloc[0] == pytest.approx(-100 * 2 / 6)
    assert bars.loc[bars["point"] == 3, "start"].iloc[0] == pytest.approx(0)


def test_likert_distribution_by_wave_and_sorted_by_top_2_box(course):
    by_wave = analysis.likert_distribution(course, ["overall"], (1, 5), by="wave")
    assert list(dict.fromkeys(by_wave["group"])) == ["2026-03", "2026-06", "2026-09"]
    first = by_wave[by_wave["group"] == "2026-03"]
    assert first["count"].sum() == course.loc[course["wave"] == "2026-03", "overall"].notna().sum()
    ranked = analysis.likert_distribution(course, ["useful_p", "feedback_p", "online_p"], (1, 5), sort="top2")
    tops = ranked.drop_duplicates("item")
    assert tops["top2"].is_monotonic_decreasing and tops["item"].iloc[-1] in ("feedback_p", "online_p")
    with pytest.raises(ValueError, match="sort"):
        analysis.likert_distribution(course, ["overall"], (1, 5), sort="best")


def test_a_group_without_answers_to_the_item_is_left_out(course):
    frame = course.copy()
    frame.loc[frame["class"] == "Class 2", "overall"] = np.nan
    bars = analysis.likert_distribution(frame, ["overall"], (1, 5), by="class")
    assert set(bars["group"]) == {"Class 1"}


# --- drivers -------------------------------------------------------------------------------------------------


def test_driver_targets_need_two_indicators_and_an_outcome():
    assert analysis.driver_targets(COURSE) == ["overall", "recommend"]
    assert analysis.driver_targets(analysis.analysis_inputs(templates.build("ecsi"))) == ["overall"]
    assert analysis.driver_targets(analysis.analysis_inputs(templates.build("experience_table"))) == []


def test_drivers_are_metrics_relative_importance_of_the_indicator_scores(course):
    found = analysis.drivers(COURSE, course, target="overall")
    data = analysis.driver_frame(COURSE, course, "overall")
    direct = metrics.relative_importance(data, "__target__", list(COURSE.units))
    table = found.table.set_index("driver")
    assert table["share"].to_dict() == pytest.approx((100 * direct.share).to_dict())
    assert table["importance"].sum() == pytest.approx(direct.r_squared)
    assert found.table["share"].is_monotonic_decreasing and found.table["ci_low"].isna().all()
    assert found.resamples == 0 and found.result.n == direct.n
    # the drivers are the Priorities page's indicator scores, the target the overall item on 0–100
    pd.testing.assert_series_equal(
        data["useful"], metrics.respondent_scores(course, {"useful_p": 1.0}, scales=(1, 5)), check_names=False
    )


def test_the_bootstrap_is_seeded_and_bounded_for_lmg(course):
    assert analysis.resamples_for("lmg", 13, 200) == 128  # 2^20 / 2^13
    assert analysis.resamples_for("lmg", 3, 200) == 200
    assert analysis.resamples_for("lmg", 16, 200) == 50
    assert analysis.resamples_for("johnson", 16, 200) == 200
    assert analysis.resamples_for("lmg", 5, 0) == 0
    ecsi = analysis.analysis_inputs(templates.build("ecsi"))
    frame = demo.ecsi_responses()
    one = analysis.drivers(ecsi, frame, bootstrap=60)
    two = analysis.drivers(ecsi, frame, bootstrap=60)
    pd.testing.assert_frame_equal(one.table, two.table)
    assert one.resamples == 60 and one.failed == 0 and one.seed == SEED
    assert (one.table["ci_low"] <= one.table["share"]).all() and (one.table["share"] <= one.table["ci_high"]).all()
    other = analysis.drivers(ecsi, frame, bootstrap=60, seed=1)
    assert not np.allclose(other.table["ci_low"], one.table["ci_low"])


def test_drivers_refuse_an_outcome_the_survey_lacks_and_too_few_answers(course):
    ecsi = analysis.analysis_inputs(templates.build("ecsi"))
    with pytest.raises(ValueError, match="recommend"):
        analysis.drivers(ecsi, demo.ecsi_responses(), target="recommend")
    with pytest.raises(ValueError, match="respondent"):
        analysis.drivers(COURSE, course.head(5), target="overall")
