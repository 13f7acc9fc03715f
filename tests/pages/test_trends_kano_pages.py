"""The Trends and Kano pages and the Overview's CSAT / CES cards in AppTest, in both languages: the figures
shown are those of metrics/ called directly."""

import numpy as np
import pandas as pd
import pytest

import metrics
from survey import analysis
from survey.design import templates
from survey.i18n import text
from survey.storage import store
from survey.storage.db import open_database
from tests.pages.conftest import make_app, open_page
from tests.pages.test_dashboards import demo_survey, metric, on, table_with

LANGS = ("en", "zh")
WAVES = ("2026-03", "2026-06", "2026-09")


@pytest.mark.parametrize("lang", LANGS)
def test_trends_show_each_figure_by_wave_tested_against_the_wave_before_and_combine_waves(app_database, lang):
    at, frame = on(make_app(lang), app_database, "Course", "trends")
    shown = table_with(at, text(lang, "trends.col.p_adjusted"))
    nps_name = text(lang, "trends.measure.nps")
    nps = shown[shown[text(lang, "trends.col.measure")] == nps_name]
    direct = [metrics.nps(frame.loc[frame["wave"] == w, "nps"]) for w in WAVES]
    assert nps[text(lang, "trends.col.value")].tolist() == pytest.approx([r.score for r in direct])
    assert nps[text(lang, "trends.col.ci_low")].tolist() == pytest.approx([r.ci_low for r in direct])
    tests = [
        metrics.nps_difference(frame.loc[frame["wave"] == a, "nps"], frame.loc[frame["wave"] == b, "nps"])
        for a, b in zip(WAVES[1:], WAVES[:-1])
    ]
    holm = metrics.holm([d.p_value for d in tests])
    assert nps[text(lang, "trends.col.p_adjusted")].tolist()[1:] == pytest.approx(list(holm))
    satisfaction = shown[shown[text(lang, "trends.col.measure")] == text(lang, "trends.measure.satisfaction")]
    assert len(satisfaction) == 3 and satisfaction[text(lang, "trends.col.ci_low")].notna().all()
    assert len(at.get("vega_lite_chart")) == shown[text(lang, "trends.col.measure")].nunique()
    # two waves combined into one: its NPS is the NPS of both waves' answers
    at.multiselect(key="_trends_combine").set_value(list(WAVES[:2])).run()
    assert not at.exception
    shown = table_with(at, text(lang, "trends.col.p_adjusted"))
    nps = shown[shown[text(lang, "trends.col.measure")] == nps_name]
    both = metrics.nps(frame.loc[frame["wave"].isin(WAVES[:2]), "nps"])
    assert nps[text(lang, "trends.col.wave")].tolist() == ["2026-03 + 2026-06", "2026-09"]
    assert nps[text(lang, "trends.col.value")].tolist()[0] == pytest.approx(both.score)


def kano_survey(url: str) -> tuple[int, pd.DataFrame]:
    """A survey from the Kano template with 60 generated responses; (its id, its stored responses)."""
    rng = np.random.default_rng(12)
    defn = templates.build("kano")
    rows = []
    for k in range(60):
        answers = {n.code: float(rng.integers(1, 6)) for n in defn.items_with_role("kano_functional")}
        answers |= {n.code: float(rng.integers(1, 6)) for n in defn.items_with_role("kano_dysfunctional")}
        answers |= {"csat": float(rng.integers(1, 6)), "ces": float(rng.integers(1, 8))}
        if k % 7 == 0:
            answers["csat"] = None  # not answered: left out of CSAT
        rows.append({"answers": answers, "attributes": {"grade": f"Y{1 + k % 3}"}})
    db = open_database(url)
    try:
        with db.session() as s:
            ws = store.default_workspace(s).id
            survey = store.create_survey(s, ws, defn)
            store.add_responses(s, ws, store.current_version(s, ws, survey.id).id, rows)
            s.commit()
    finally:
        db.dispose()
    return demo_survey(url, defn.title_en)


@pytest.mark.parametrize("lang", LANGS)
def test_the_kano_page_and_the_csat_ces_cards_show_metrics_kano_csat_and_ces(app_database, lang):
    survey_id, frame = kano_survey(app_database)
    at = make_app(lang)
    at.session_state["survey_id"] = survey_id
    open_page(at, "kano")
    shown = table_with(at, text(lang, "kano.col.better"))
    direct = [metrics.kano(frame[f"{code}_f"], frame[f"{code}_d"]) for code, *_ in templates.KANO_FEATURES]
    assert shown[text(lang, "kano.col.better")].tolist() == pytest.approx([r.better for r in direct])
    assert shown[text(lang, "kano.col.worse")].tolist() == pytest.approx([r.worse for r in direct])
    assert shown[text(lang, "kano.cat.must-be")].tolist() == [int(r.counts["must-be"]) for r in direct]
    assert shown[text(lang, "kano.col.category")].tolist() == [text(lang, f"kano.cat.{r.category}") for r in direct]
    assert len(at.get("vega_lite_chart")) == 1
    open_page(at, "overview")
    csat, ces = metrics.csat(frame["csat"], scale=(1, 5)), metrics.ces(frame["ces"], scale=(1, 7))
    assert metric(at, text(lang, "card.csat")).value == f"{csat.score:.1f}"
    assert metric(at, text(lang, "card.ces")).value == f"{ces.mean:.2f}"
    # a survey without Kano pairs says how to add them
    at, _ = on(make_app(lang), app_database, "Course", "kano")
    assert [i.value for i in at.info] == [text(lang, "kano.none")]
    assert analysis.analysis_inputs(templates.build("course")).kano == {}
