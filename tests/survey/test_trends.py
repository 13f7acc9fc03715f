"""Trends (survey.analysis.trends): each figure by wave equals metrics' figure, waves combine, and with no
change between waves a false "significant" mark stays within 5 % (checked by simulation)."""

import numpy as np
import pandas as pd
import pytest

import metrics
from survey.analysis import analysis_inputs, combine_waves, trends
from survey.design import templates
from survey.design.definition import Node, SurveyDefinition

WAVES = ["2026-03", "2026-06", "2026-09"]


def csat_only() -> SurveyDefinition:
    sat = templates.standard_scale("5")
    item = Node(code="csat", kind="item", label_zh="满意吗", label_en="Satisfied?", role="csat", scale=sat.code)
    return SurveyDefinition(title_zh="CSAT", title_en="CSAT", scales=(sat,), nodes=(item,))


def waves_of(answers: list[np.ndarray]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "csat": np.concatenate(answers).astype(float),
            "wave": np.repeat(WAVES[: len(answers)], [len(a) for a in answers]),
        }
    )


def test_csat_by_wave_is_metrics_csat_tested_by_fisher_and_holm_and_waves_combine():
    rng = np.random.default_rng(4)
    frame = waves_of([rng.integers(1, 6, 80), rng.integers(2, 6, 80), rng.integers(1, 6, 80)])
    table = trends(analysis_inputs(csat_only()), frame)
    assert table["measure"].unique().tolist() == ["csat"]
    direct = [metrics.csat(frame.loc[frame["wave"] == w, "csat"], scale=(1, 5)) for w in WAVES]
    assert table["value"].tolist() == pytest.approx([r.score for r in direct])
    assert table["ci_low"].tolist() == pytest.approx([r.ci_low for r in direct])
    top = [(frame.loc[frame["wave"] == w, "csat"] >= 4).to_numpy() for w in WAVES]
    p = [metrics.fisher_exact_test(top[k], top[k - 1]).p_value for k in (1, 2)]
    assert table["p_adjusted"].tolist()[1:] == pytest.approx(list(metrics.holm(p)))
    assert table["test"].tolist() == ["", "fisher_exact", "fisher_exact"]
    merged = trends(analysis_inputs(csat_only()), combine_waves(frame, {"H1": WAVES[:2]}))
    assert merged["wave"].tolist() == ["2026-09", "H1"]  # waves in text order
    assert merged["value"].tolist()[1] == pytest.approx(
        metrics.csat(frame.loc[frame["wave"] != "2026-09", "csat"], scale=(1, 5)).score
    )


def test_with_no_change_between_waves_a_false_significant_mark_stays_within_five_percent():
    rng = np.random.default_rng(2026)
    inputs, runs, false = analysis_inputs(csat_only()), 300, 0
    for _ in range(runs):
        frame = waves_of([rng.choice([1, 2, 3, 4, 5], size=60, p=[0.1, 0.1, 0.2, 0.35, 0.25]) for _ in WAVES])
        false += bool(trends(inputs, frame)["significant"].any())
    assert false / runs <= 0.05 + 3 * np.sqrt(0.05 * 0.95 / runs)


def test_the_course_surveys_nps_trend_is_metrics_nps_per_wave():
    from survey.storage import demo

    frame = demo.course_responses()
    table = trends(analysis_inputs(templates.build("course")), frame)
    nps = table[table["measure"] == "nps"]
    assert nps["value"].tolist() == pytest.approx(
        [metrics.nps(frame.loc[frame["wave"] == w, "nps"]).score for w in WAVES]
    )
    assert set(table["measure"]) == {"satisfaction", "loyalty", "nps", "csat"}
