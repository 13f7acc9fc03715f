"""survey.analysis on the demo surveys: the inputs it builds for metrics/, and the figures it returns."""

import doctest
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

import metrics
import survey.analysis.inputs
from survey import analysis
from survey.design import templates
from survey.design.definition import Node
from survey.storage import demo, seed
from tests.reference import ECSI_BLOCKS, ECSI_PATHS

# Customer-service textbook, Fig. 3-1 (domain.md §3): touchpoint → (2c satisfaction, 3 weighted, 4b experience gap)
TEXTBOOK = {
    "product": (-1, -6, -1),
    "price": (0, 0, 0),
    "convenience": (-2, -18, -5),
    "brand": (0, 0, 0),
    "service": (0, 0, 0),
    "relationship": (0, 0, 0),
}


PUBLISHED = {("image", "expectation"): 0.579, ("value", "satisfaction"): 0.589, ("satisfaction", "loyalty"): 0.495}


def as_stored(frame: pd.DataFrame, wave: str | None = None) -> pd.DataFrame:
    """A demo table shaped like store.responses_frame (response_id, version, wave first)."""
    out = frame.drop(columns=["respondent_id"], errors="ignore").copy()
    waves = out["wave"] if "wave" in out.columns else pd.Series(wave, index=out.index, dtype=object)
    out = out.drop(columns=["wave"], errors="ignore")
    base = pd.DataFrame({"response_id": np.arange(1, len(out) + 1), "version": 1, "wave": waves.to_numpy()})
    return pd.concat([base, out.reset_index(drop=True)], axis=1)


@pytest.fixture(scope="module")
def experience():
    defn = templates.build("experience_table")
    return defn, analysis.analysis_inputs(defn), as_stored(demo.experience_table_responses().astype(float))


@pytest.fixture(scope="module")
def course():
    defn = templates.build("course")
    return defn, analysis.analysis_inputs(defn), as_stored(demo.course_responses())


@pytest.fixture(scope="module")
def ecsi():
    defn = seed.ecsi_definition()
    return defn, analysis.analysis_inputs(defn), as_stored(demo.ecsi_responses())


# --- what the definition offers ------------------------------------------------------------------------


def test_inputs_of_the_course_survey(course):
    defn, inputs, _ = course
    assert inputs.recommend == "nps" and inputs.overall == ("overall",)
    assert list(inputs.loyalty) == ["loy_teacher", "loy_related", "loy_speak"]
    assert inputs.segment_fields == ("class", "group")
    assert inputs.gap_pairs["feedback"] == ("feedback_p", "feedback_e") and len(inputs.gap_pairs) == 13
    assert inputs.servqual_like and inputs.blocks is None and inputs.value_field is None
    # the tree holds the perception items and their ancestors; its global weights are the definition's
    leaves = inputs.tree[inputs.tree["kind"] == "item"]
    assert set(leaves["code"]) == {n.code for n in defn.items_with_role("perception")}
    expected = defn.global_weights()
    for code, weight in zip(inputs.tree["code"], inputs.tree["global_weight"]):
        assert weight == pytest.approx(expected[code])
    assert leaves["global_weight"].sum() == pytest.approx(1.0)


def test_the_ecsi_survey_is_recognised_as_the_ecsi_model(ecsi):
    _, inputs, _ = ecsi
    assert inputs.model_name == "ECSI"
    assert inputs.blocks == ECSI_BLOCKS
    assert {k: sorted(v) for k, v in inputs.paths.items()} == {k: sorted(v) for k, v in ECSI_PATHS.items()}
    assert inputs.segment_fields == ("gender",) and not inputs.gap_pairs


# --- the textbook customer experience table -------------------------------------------------------------


def test_experience_table_reproduces_the_textbook_exactly(experience):
    _, inputs, frame = experience
    table = analysis.experience(inputs, frame)
    assert list(table.index) == list(TEXTBOOK)
    for touchpoint, (satisfaction, weighted, gap) in TEXTBOOK.items():
        row = table.loc[touchpoint]
        assert (row["satisfaction"], row["weighted_satisfaction"], row["experience_gap"]) == (
            satisfaction,
            weighted,
            gap,
        )  # exact, not approximate
    assert table["key_experience"].tolist() == [False, False, True, False, False, False]
    assert (table["n"] == 20).all()


def test_experience_gaps_and_priorities(experience):
    _, inputs, frame = experience
    gaps = analysis.gap_table(inputs, frame)
    assert gaps["code"].tolist()[:2] == ["convenience", "product"]
    assert gaps.set_index("code")["gap"].to_dict() == {
        "convenience": -2,
        "product": -1,
        **dict.fromkeys(["price", "brand", "service", "relationship"], 0),
    }
    assert analysis.importance_options(inputs) == ["stated", "derived"]
    result = analysis.priorities(inputs, frame, importance="stated")
    assert result.table.loc["convenience", "quadrant"] == "concentrate"
    assert result.table.loc["convenience", "priority"] == 18  # importance 9 × shortfall 2: the textbook's −18
    ranked = analysis.concentrate_here(result)
    assert ranked.index.tolist() == ["convenience"]
    # performance is the indicator's index: actual 5 on 1–10 → (5 − 1)/9 × 100
    assert result.table.loc["convenience", "performance"] == pytest.approx(400 / 9)


def test_satisfaction_index_is_metrics_on_the_perception_tree(experience):
    _, inputs, frame = experience
    tree = pd.DataFrame(
        {
            "code": ["experience", *TEXTBOOK, *(f"{t}_p" for t in TEXTBOOK)],
            "parent": [None, *(["experience"] * 6), *TEXTBOOK],
            "weight": [1.0] * 13,
        }
    )
    direct = metrics.satisfaction_index(frame, tree, scales=(1, 10))
    assert analysis.satisfaction(inputs, frame).index == pytest.approx(direct.index)


# --- the ECSI model -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("measure", "value", "status"),
    [
        ("htmt", 0.8499, "pass"),
        ("htmt", 0.85, "doubtful"),
        ("htmt", 0.90, "fail"),
        ("alpha", 0.70, "pass"),
        ("rho_c", 0.65, "doubtful"),
        ("rho_a", 0.59, "fail"),
        ("ave", 0.50, "pass"),
        ("ave", 0.49, "fail"),
        ("item_vif", 2.99, "pass"),
        ("inner_vif", 3.0, "doubtful"),
        ("inner_vif", 5.0, "fail"),
        ("htmt", float("nan"), "na"),
    ],
)
def test_quality_thresholds(measure, value, status):
    assert analysis.quality_status(measure, value) == status


def test_quality_checks_and_findings_of_the_ecsi_model(ecsi):
    _, inputs, frame = ecsi
    fit = analysis.model_fit(inputs, frame, bootstrap=30)
    checks = analysis.quality_checks(fit, inputs.blocks)
    assert set(checks["measure"]) == set(analysis.QUALITY_THRESHOLDS)
    htmt = checks[checks["measure"] == "htmt"].set_index(["first", "second"])["value"]
    assert htmt[("value", "satisfaction")] == pytest.approx(fit.htmt.loc["value", "satisfaction"])
    items = checks[checks["measure"] == "item_vif"]
    assert dict(zip(items["second"], items["first"])) == {i: c for c, cs in ECSI_BLOCKS.items() for i in cs}
    findings = analysis.quality_findings(checks)
    assert findings["discriminant"]["fail"] == [("expectation", "quality"), ("value", "satisfaction")]
    assert findings["reliability"] == {"fail": [], "doubtful": []}
    by_construct = analysis.quality_by_construct(checks)
    largest = by_construct[by_construct["measure"] == "item_vif"].set_index("construct")["value"]
    assert largest["satisfaction"] == pytest.approx(fit.item_vif[ECSI_BLOCKS["satisfaction"]].max())
    effects = analysis.total_effects(fit)
    np.testing.assert_allclose(effects["direct"] + effects["indirect"], effects["total"])
    row = effects.set_index(["from", "to"]).loc[("quality", "satisfaction")]
    assert row["direct"] == pytest.approx(fit.path_coefficients.loc["satisfaction", "quality"])
    assert row["ci_low"] <= row["total"] <= row["ci_high"]


def test_the_ipma_of_a_model_survey_maps_loyalty(ecsi):
    _, inputs, frame = ecsi
    assert analysis.ipma_target(inputs) == "loyalty"
    result = analysis.model_ipma(inputs, frame)
    fit = analysis.model_fit(inputs, frame)
    # the map's performance is the Model page's 0–100 index (same fit, one scale)
    pd.testing.assert_series_equal(result.table["performance"], fit.index.drop("loyalty"), check_names=False)
    order = analysis.ipma_priorities(result)
    assert order["gain"].is_monotonic_decreasing and set(order["construct"]) == set(result.table.index)
    assert analysis.ipma_target(replace(inputs, blocks=None)) is None


def test_the_ecsi_index_reproduces_pls_path_model_on_the_same_data(ecsi):
    _, inputs, frame = ecsi
    fit = analysis.model_fit(inputs, frame)
    direct = metrics.pls_path_model(frame, ECSI_BLOCKS, ECSI_PATHS, scheme="centroid", scale=(0, 10))
    pd.testing.assert_series_equal(fit.index, direct.index)
    pd.testing.assert_series_equal(fit.r_squared, direct.r_squared)
    got = {(r["from"], r["to"]): r["coefficient"] for _, r in fit.paths.iterrows()}
    for path, published in PUBLISHED.items():
        assert got[path] == pytest.approx(published, abs=0.005)
    assert fit.n == 250


def test_reliability_per_dimension_is_cronbach_alpha(ecsi):
    defn, inputs, frame = ecsi
    table = analysis.reliability(defn, inputs, frame).set_index("dimension")
    for dimension, items in ECSI_BLOCKS.items():
        assert table.at[dimension, "alpha"] == pytest.approx(metrics.cronbach_alpha(frame[items]))
        assert table.at[dimension, "alpha_standardized"] == pytest.approx(
            metrics.cronbach_alpha(frame[items], standardized=True)
        )
    assert table["acceptable"].all()


# --- waves, segments, NPS -----------------------------------------------------------------------------------------


def test_course_index_rises_wave_by_wave(course):
    _, inputs, frame = course
    by_wave = analysis.figures_by(inputs, frame, "wave")
    assert by_wave["group"].tolist() == list(demo.WAVES)
    assert by_wave["satisfaction"].is_monotonic_increasing
    assert by_wave["nps"].is_monotonic_increasing
    assert by_wave["loyalty"].iloc[-1] > by_wave["loyalty"].iloc[0]
    last = frame[frame["wave"] == "2026-09"]
    assert by_wave["nps"].iloc[-1] == metrics.nps(last["nps"]).score
    assert by_wave["n"].sum() == len(frame)


def test_overview_compares_the_latest_wave_with_the_one_before(course):
    _, inputs, frame = course
    view = analysis.overview(inputs, frame)
    assert (view.wave, view.previous_wave) == ("2026-09", "2026-06")
    now, before = frame[frame["wave"] == "2026-09"], frame[frame["wave"] == "2026-06"]
    expected = metrics.nps_difference(now["nps"], before["nps"])
    assert view.changes["nps"].difference == pytest.approx(expected.difference)
    assert view.changes["nps"].p_value == pytest.approx(expected.p_value)
    tested = analysis.index_test(inputs, "loyalty", now, before)
    assert view.changes["loyalty"].p_value == pytest.approx(tested.p_value)
    assert view.changes["responses"].difference == len(now) - len(before)
    assert len(view.worst_gaps) == 3 and (view.worst_gaps["gap"] < 0).all()
    assert view.worst_gaps["code"].iloc[0] == "feedback"  # the demo's designed shortfall
    # one chosen wave: that wave against the one before it
    assert analysis.overview(inputs, frame, waves=["2026-06"]).previous_wave == "2026-03"


def test_the_change_shown_is_the_change_tested(course):
    # issue 18: the card said +4.87 (the index) while the test tested +5.00 (mean respondent scores)
    _, inputs, frame = course
    view = analysis.overview(inputs, frame)
    now, before = frame[frame["wave"] == "2026-09"], frame[frame["wave"] == "2026-06"]
    change = view.changes["satisfaction"]
    shown = analysis.satisfaction(inputs, now).index - analysis.satisfaction(inputs, before).index
    assert change.difference == pytest.approx(shown) and round(change.difference, 2) == 4.87
    tested = metrics.index_difference_test(now, before, inputs.tree[["code", "parent", "weight"]], scales=inputs.scales)
    assert tested.difference == pytest.approx(change.difference) and change.p_value == pytest.approx(tested.p_value)
    assert change.test == "index_welch"
    assert view.changes["loyalty"].difference == pytest.approx(
        analysis.index_test(inputs, "loyalty", now, before).difference
    )
    row = view.segment_tests.table.set_index(["value", "measure"]).loc[("Class 1", "satisfaction")]
    part = (now["class"] == "Class 1").to_numpy(), (before["class"] == "Class 1").to_numpy()
    assert row["difference"] == pytest.approx(
        analysis.satisfaction(inputs, now[part[0]]).index - analysis.satisfaction(inputs, before[part[1]]).index
    )
    assert row["ci_low"] < row["difference"] < row["ci_high"]


def test_a_segment_that_drops_is_flagged_with_its_test(course):
    _, inputs, frame = course
    worse = frame.copy()
    drop = (worse["wave"] == "2026-09") & (worse["class"] == "Class 2")
    worse.loc[drop, "nps"] = 2.0
    worse.loc[drop, [f"{c}_p" for c in ("useful", "current", "structure")]] = 1.0
    view = analysis.overview(inputs, worse)
    flagged = view.alerts[(view.alerts["field"] == "class") & (view.alerts["value"] == "Class 2")]
    assert set(flagged["measure"]) >= {"nps", "satisfaction"}
    row = flagged.set_index("measure").loc["nps"]
    assert row["test"] == "nps_exact" and row["current"] == -100 and row["difference"] < 0
    assert row["p_adjusted"] < 0.05 and row["p_value"] <= row["p_adjusted"]
    assert row["ci_low"] < row["difference"] < row["ci_high"] < 0  # the drop with its interval
    assert not row["small"]  # about 37 students answered
    tests = view.segment_tests
    assert tests.tests == len(tests.table) == 6 and tests.segments == 2  # 2 classes × 3 figures
    assert tests.method == "holm" and tests.untested == 19  # the groups of 4–5 students are not tested
    # Class 1 did not change: not flagged
    assert "Class 1" not in set(view.alerts.loc[view.alerts["field"] == "class", "value"])


def test_nps_by_segment_marks_small_groups_and_tests_against_the_rest(course):
    _, inputs, frame = course
    table = analysis.nps_by(inputs, frame, "group").set_index("group")
    g = frame[frame["group"] == "G01"]["nps"]
    rest = frame[frame["group"] != "G01"]["nps"]
    assert table.at["G01", "score"] == metrics.nps(g).score
    assert table.at["G01", "p_value"] == pytest.approx(metrics.nps_difference(g, rest).p_value)
    assert table["small"].all()  # groups of 4–5 students, over three waves: all under 30
    # shown with their p-value, never called significant, not in the family
    assert not table["significant"].any() and table["p_adjusted"].isna().all()
    assert table.at["G16", "p_value"] < 0.05
    by_class = analysis.nps_by(inputs, frame, "class")
    assert not by_class["small"].any()
    assert (by_class["adjustment"] == "holm").all()
    assert by_class["p_adjusted"].tolist() == pytest.approx(metrics.holm(by_class["p_value"]).tolist())
    assert (by_class["difference_low"] < by_class["difference"]).all()
    assert (by_class["difference"] < by_class["difference_high"]).all()
    family = analysis.nps_family(table)
    assert (family.tests, family.untested) == (0, 19)


def test_nps_by_never_calls_a_tiny_group_significant(course):
    # the demo case: a group of 5 answers, all detractors, against the rest of its wave
    _, inputs, frame = course
    wave = frame[frame["wave"] == "2026-03"].copy()
    wave.loc[wave["group"] == "G11", "nps"] = 0.0
    row = analysis.nps_by(inputs, wave, "group").set_index("group").loc["G11"]
    assert row["small"] and not row["significant"]
    assert row["test"] == "nps_exact" and 0.001 < row["p_value"] < 0.2  # the z-test said 2.7e-15
    assert analysis.nps_by(inputs, wave, "group", min_n=3).set_index("group").loc["G11", "p_adjusted"] > 0


def test_nps_distribution_counts_every_answer(course):
    _, inputs, frame = course
    dist = analysis.nps_distribution(inputs, frame)
    result = metrics.nps(frame["nps"])
    assert dist["count"].sum() == result.n
    assert dist.groupby("category")["count"].sum().to_dict() == {
        "detractor": result.detractors,
        "passive": result.passives,
        "promoter": result.promoters,
    }


def test_filters_keep_what_was_chosen(course):
    _, inputs, frame = course
    kept = analysis.filter_responses(frame, waves=["2026-03"], segments={"class": ["Class 2"], "group": []})
    assert set(kept["wave"]) == {"2026-03"} and set(kept["class"]) == {"Class 2"}
    assert analysis.filter_responses(frame) is frame
    assert analysis.waves_in(frame) == list(demo.WAVES)


# --- gaps and SERVQUAL ---------------------------------------------------------------------------------------------


def test_dimension_gaps_are_servqual_dimension_gaps(course):
    _, inputs, frame = course
    result = analysis.servqual_gaps(inputs, frame)
    keys = list(inputs.gap_pairs)
    direct = metrics.servqual(
        frame[[inputs.gap_pairs[k][1] for k in keys]].set_axis(keys, axis=1),
        frame[[inputs.gap_pairs[k][0] for k in keys]].set_axis(keys, axis=1),
        {k: inputs.dimension_of[k] for k in keys},
        dict.fromkeys(["content", "method", "teacher", "assessment", "resources"], 1),
    )
    assert result.weighted_score == pytest.approx(direct.weighted_score)
    dims = analysis.gap_table(inputs, frame, level="dimension").set_index("code")["gap"]
    for dimension, gap in direct.dimensions["gap"].items():
        assert dims[dimension] == pytest.approx(gap)
    within = analysis.gap_table(inputs, frame, within="assessment")
    assert set(within["code"]) == {"fair", "feedback"}
    items = analysis.gap_table(inputs, frame, level="item")
    pd.testing.assert_series_equal(
        items.set_index("code")["gap"].sort_index(),
        metrics.item_gaps(frame, inputs.gap_pairs)["gap"].sort_index().rename_axis("code"),
    )


# --- loyalty -------------------------------------------------------------------------------------------------


def test_loyalty_index_and_matrix(course):
    _, inputs, frame = course
    index = analysis.loyalty(inputs, frame)
    direct = metrics.loyalty_index(frame[list(inputs.loyalty)], scales=(1, 5))
    assert index.index == pytest.approx(direct.index)
    matrix = analysis.loyalty_matrix(inputs, frame)
    sat = (frame["overall"] - 1) / 4 * 100
    assert matrix.scores["satisfaction"].equals(sat.rename("satisfaction"))
    expected = metrics.satisfaction_loyalty_segments(sat, analysis.loyalty_scores(inputs, frame))
    pd.testing.assert_series_equal(matrix.result.counts, expected.counts)
    points = matrix.points()
    assert points["respondents"].sum() == expected.counts.sum() + expected.on_cut


def test_loyalty_by_customer_tier_when_a_spend_field_exists(course):
    defn, _, frame = course
    spend = Node(code="spend", kind="item", label_zh="消费额", label_en="Spend", role="attribute")
    inputs = analysis.analysis_inputs(replace(defn, nodes=(*defn.nodes, spend)))
    assert inputs.value_field == "spend" and "spend" not in inputs.segment_fields
    with_spend = frame.assign(spend=[str(v) for v in range(len(frame))])
    tiers = analysis.loyalty_by_tier(inputs, with_spend).set_index("tier")
    pyramid = metrics.customer_pyramid(pd.to_numeric(with_spend["spend"]))
    assert tiers["customers"].tolist() == pyramid.tiers["customers"].tolist()
    platinum = with_spend[(pyramid.tier == "platinum").to_numpy()]
    assert tiers.at["platinum", "loyalty"] == pytest.approx(analysis.loyalty(inputs, platinum).index)


def test_respondent_scores_leave_missing_answers_out():
    frame = pd.DataFrame({"a": [5.0, 1.0, np.nan], "b": [3.0, np.nan, np.nan]})
    scores = analysis.respondent_scores(frame, {"a": 1.0, "b": 3.0}, {"a": (1, 5), "b": (1, 5)})
    assert scores.iloc[0] == pytest.approx((100 + 3 * 50) / 4)
    assert scores.iloc[1] == 0.0  # answered a only: its own score, not dragged down by a zero for b
    assert np.isnan(scores.iloc[2])


def test_the_examples_in_the_docstrings_hold():
    result = doctest.testmod(survey.analysis.inputs)
    assert result.attempted >= 3 and result.failed == 0


@pytest.mark.parametrize("template_id", ["servqual", "course", "canteen"])
def test_the_designer_and_the_dashboards_give_an_item_the_same_weight(template_id):
    defn = templates.build(template_id)
    inputs = analysis.analysis_inputs(defn)
    leaves = inputs.tree[~inputs.tree["code"].isin(inputs.tree["parent"])]
    shown = defn.global_weights()  # the designer's weights table
    assert leaves["global_weight"].tolist() == pytest.approx([shown[c] for c in leaves["code"]])
    assert leaves["global_weight"].sum() == pytest.approx(1.0)


def test_a_dimension_weighted_zero_beside_one_without_perception_items_still_has_an_index():
    # "cost" is weighted 0 by the user, "service" 1 but holds only an expectation item: the kept
    # perception tree has one top-level node whose weight is 0, counted as the whole index
    defn = templates.build("servqual")
    scale = next(n.scale for n in defn.items_with_role("perception"))
    nodes = (
        Node(code="cost", kind="dimension", label_en="Cost", weight=0.0),
        Node(code="c1", kind="item", label_en="Fair", parent="cost", role="perception", scale=scale),
        Node(code="service", kind="dimension", label_en="Service", weight=1.0),
        Node(code="s1", kind="item", label_en="Fast", parent="service", role="expectation", scale=scale),
    )
    defn = replace(defn, nodes=nodes, weight_rules=())
    inputs = analysis.analysis_inputs(defn)
    assert inputs.tree.set_index("code")["global_weight"].to_dict() == pytest.approx({"cost": 1.0, "c1": 1.0})
    low, high = inputs.scales["c1"]
    frame = pd.DataFrame({"c1": [low, high], "s1": [high, high]})
    assert analysis.satisfaction(inputs, frame).index == pytest.approx(50.0)
    assert analysis.satisfaction_scores(inputs, frame).tolist() == pytest.approx([0.0, 100.0])


def test_derived_importance_on_the_course_demo_is_shown_with_its_uncertainty(course):
    # issue 18: importance 0.60–0.70 with SE ≈ 0.04; over 300 resamples 3 of 13 indicators kept their quadrant
    # 90 % of the time, the first "concentrate here" item 55 %
    _, inputs, frame = course
    table = analysis.priorities(inputs, frame, importance="derived").table
    assert 0.59 < table["importance"].min() and table["importance"].max() < 0.71
    width = table["importance_high"] - table["importance_low"]
    assert width.between(0.08, 0.25).all()  # about ± 2 SE
    assert table["firm"].sum() <= 5 and (table["firm"] == (table["stability"] >= 0.9)).all()
    ranked = analysis.concentrate_here(analysis.priorities(inputs, frame, importance="derived"))
    assert not ranked["firm"].iloc[0] and 0.4 < ranked["stability"].iloc[0] < 0.7
    # the same figures on every call (seeded resamples)
    pd.testing.assert_frame_equal(table, analysis.priorities(inputs, frame, importance="derived").table)
