from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from survey.design import templates
from survey.storage import demo

SHARED_ECSI = Path(__file__).resolve().parents[3] / "shared" / "data" / "ecsi_mobile_satisfaction.csv"

# Customer-service textbook, Fig. 3-1 (customer experience table), as quoted in domain.md §3:
# touchpoint: actual 2a, expectation 2b, importance 2d, ideal 4a
TEXTBOOK = {
    "产品": (6, 7, 6, 7),
    "价格": (7, 7, 7, 7),
    "便利性": (5, 7, 9, 10),
    "品牌形象": (7, 7, 7, 7),
    "服务": (6, 6, 5, 6),
    "关系": (4, 4, 3, 4),
}


def cronbach_alpha(frame: pd.DataFrame) -> float:
    items = frame.dropna()
    k = items.shape[1]
    return k / (k - 1) * (1 - items.var(ddof=1).sum() / items.sum(axis=1).var(ddof=1))


# --- the textbook experience table ------------------------------------------------------


def test_experience_responses_reproduce_the_textbook_means_exactly():
    defn = templates.build("experience_table")
    frame = demo.experience_table_responses()
    assert list(frame.columns) == [n.code for n in defn.items]
    assert len(frame) == 20
    means = frame.mean()
    for ind in (n for n in defn.nodes if n.kind == "indicator"):
        by_role = {n.role: means[n.code] for n in defn.children(ind.code)}
        got = (by_role["perception"], by_role["expectation"], by_role["importance"], by_role["ideal"])
        assert got == TEXTBOOK[ind.label_zh], ind.label_zh  # exact, not approximate


def test_experience_responses_are_whole_numbers_on_the_scale_and_vary():
    frame = demo.experience_table_responses()
    assert frame.notna().all().all()
    assert frame.min().min() >= 1 and frame.max().max() <= 10
    assert (frame == frame.round()).all().all()
    assert frame["product_p"].nunique() > 1  # real answers, not one value copied 20 times
    assert (frame["convenience_ideal"] == 10).all()  # the only way to average 10 on a 1–10 scale


def test_experience_table_worked_example_from_the_responses():
    frame = demo.experience_table_responses()
    means = frame.mean()
    touch = ["product", "price", "convenience", "brand", "service", "relationship"]
    satisfaction = [means[f"{t}_p"] - means[f"{t}_e"] for t in touch]
    weighted = [s * means[f"{t}_i"] for s, t in zip(satisfaction, touch, strict=True)]
    gap = [means[f"{t}_p"] - means[f"{t}_ideal"] for t in touch]
    assert satisfaction == [-1, 0, -2, 0, 0, 0]
    assert weighted == [-6, 0, -18, 0, 0, 0]
    assert gap == [-1, 0, -5, 0, 0, 0]
    assert touch[int(np.argmin(weighted))] == "convenience"  # the key experience


def test_experience_responses_for_other_sizes_keep_the_means():
    frame = demo.experience_table_responses(n=31)
    assert len(frame) == 31
    assert frame["convenience_i"].mean() == 9 and frame["relationship_i"].mean() == 3


# --- course satisfaction --------------------------------------------------------------------


@pytest.fixture(scope="module")
def course():
    return demo.course_responses()


@pytest.fixture(scope="module")
def course_defn():
    return templates.build("course")


def test_course_responses_have_waves_classes_groups_and_ids(course, course_defn):
    assert 150 <= len(course) <= 400
    assert list(course.columns) == ["respondent_id", *(n.code for n in course_defn.items)]
    assert sorted(course["wave"].unique()) == ["2026-03", "2026-06", "2026-09"]
    assert course["class"].nunique() == 2
    assert course["group"].nunique() >= 6
    assert course.groupby("wave").size().min() >= 50
    assert course["respondent_id"].is_unique
    for column in ("respondent_id", "wave", "class", "group"):
        assert pd.api.types.is_string_dtype(course[column])
        assert course[column].notna().all()


def test_course_answers_are_on_their_scales_and_missing_is_nan(course, course_defn):
    numeric = course_defn.scored_items
    for item in numeric:
        scale = course_defn.scale(item.scale)
        values = course[item.code].dropna()
        assert values.between(scale.minimum, scale.maximum).all(), item.code
        assert (values == values.round()).all(), item.code
    answers = course[[n.code for n in numeric]]
    assert 0 < answers.isna().to_numpy().mean() < 0.05  # a few missing answers, as NaN
    one_to_five = [n.code for n in numeric if n.code != "nps"]
    assert not (course[one_to_five] == 0).any().any()  # never 0 for "missing"


def test_course_responses_are_reliable_and_show_clear_gaps(course, course_defn):
    for dim in ("content", "method", "teacher", "assessment", "resources"):
        items = [n.code for n in course_defn.descendants(dim) if n.role == "perception"]
        assert cronbach_alpha(course[items]) >= 0.7, dim
    gap = {
        ind.code: course[f"{ind.code}_p"].mean() - course[f"{ind.code}_e"].mean()
        for ind in course_defn.nodes
        if ind.kind == "indicator"
    }
    weak = {code for code, g in gap.items() if g <= -0.8}
    assert weak == {"feedback", "online"}
    assert max(gap.values()) > -0.3


def test_course_satisfaction_improves_across_waves_and_nps_follows_it(course):
    by_wave = course.groupby("wave")["overall"].mean()
    assert by_wave["2026-03"] < by_wave["2026-06"] < by_wave["2026-09"]
    pair = course[["overall", "nps"]].dropna()
    assert pair["overall"].corr(pair["nps"]) > 0.5


def test_course_responses_depend_on_the_seed_only(course):
    pd.testing.assert_frame_equal(demo.course_responses(), course)
    assert not demo.course_responses(seed=8).equals(course)


# --- ECSI -----------------------------------------------------------------------------------


def test_ecsi_responses_match_the_template():
    frame = demo.ecsi_responses()
    defn = templates.build("ecsi", include_complaints=False)
    assert len(frame) == 250
    assert list(frame.columns) == [*(n.code for n in defn.items), "gender"]
    items = frame.drop(columns="gender")
    assert items.min().min() >= 0 and items.max().max() <= 10
    assert pd.api.types.is_string_dtype(frame["gender"])
    assert set(frame["gender"]) == {"female", "male"}


@pytest.mark.skipif(not SHARED_ECSI.exists(), reason="shared reference data not present")
def test_ecsi_responses_read_any_copy_of_the_file():
    pd.testing.assert_frame_equal(demo.ecsi_responses(SHARED_ECSI), demo.ecsi_responses())
