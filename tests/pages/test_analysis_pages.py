"""The Analysis section in AppTest on the demo surveys, in both languages: the figures shown are those of
metrics/ called directly."""

import json

import pandas as pd
import pytest

import metrics
from survey.design import templates
from survey.i18n import text
from tests.pages.conftest import make_app
from tests.pages.test_dashboards import chart_titled, on, table_with
from tests.pages.test_views import selection
from ui import report

LANGS = ("en", "zh")
COURSE = templates.build("course")


def _label(lang: str, code: str) -> str:
    return COURSE.node(code).label(lang)


# --- Crosstabs ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_crosstabs_show_metrics_crosstab_of_the_first_item_by_wave(app_database, lang):
    at, frame = on(make_app(lang), app_database, "Course", "crosstabs")
    direct = metrics.crosstab(frame.assign(useful_p=frame["useful_p"].round().astype("Int64")), "useful_p", "wave")
    percent = table_with(at, text(lang, "xt.col.percent", column="2026-03 (A)"))
    assert percent[text(lang, "xt.col.percent", column="2026-03 (A)")].tolist() == pytest.approx(
        direct.column_percent["2026-03"].tolist()
    )
    for letter, wave in zip("ABC", ("2026-03", "2026-06", "2026-09")):
        higher = percent[text(lang, "xt.col.higher", column=f"{wave} ({letter})")]
        assert higher.tolist() == direct.significance[wave].tolist()
    counts = table_with(at, text(lang, "xt.col.total"))
    assert counts["2026-09 (C)"].tolist() == [*direct.counts["2026-09"].tolist(), int(direct.n["2026-09"])]
    columns = table_with(at, text(lang, "xt.col.mean"))
    means = [frame.loc[frame["wave"] == w, "useful_p"].mean() for w in ("2026-03", "2026-06", "2026-09")]
    assert columns[text(lang, "xt.col.mean")].tolist() == pytest.approx(means)
    assert columns[text(lang, "chart.n")].tolist() == direct.n.tolist()
    _, data = chart_titled(at, lang, "chart.xt.title", row=_label(lang, "useful_p"), column=_label(lang, "wave"))
    assert data[0]["percent"].sum() == pytest.approx(300)
    shown = " ".join(c.value for c in at.caption)
    assert f"{direct.chi2:.2f}" in shown


@pytest.mark.parametrize("lang", LANGS)
def test_crosstabs_of_an_attribute_by_another_and_a_survey_without_attributes(app_database, lang):
    at, frame = on(make_app(lang), app_database, "Course", "crosstabs")
    at.selectbox(key="_xt_row").set_value("class").run()
    at.selectbox(key="_xt_column").set_value("group").run()
    assert not at.exception
    direct = metrics.crosstab(frame, "class", "group")
    counts = table_with(at, text(lang, "xt.col.total"))
    assert counts[text(lang, "xt.col.total")].tolist()[:-1] == direct.counts.sum(axis=1).tolist()
    assert all(f"{g} (" in " ".join(counts.columns) for g in direct.counts.columns)
    small = [c for c in counts.columns if "n<30" in c]  # every group has fewer than 30 answers: marked
    assert len(small) == len(direct.counts.columns) and direct.small.all()
    assert not any(text(lang, "xt.col.mean") == c for c in table_with(at, text(lang, "xt.col.letter")).columns)
    # the same field twice: another row is chosen and the page says why
    at.selectbox(key="_xt_row").set_value("group").run()
    assert [w.value for w in at.warning] == [text(lang, "xt.same")]
    at, _ = on(make_app(lang), app_database, "Customer experience", "crosstabs")
    assert [i.value for i in at.info] == [text(lang, "xt.none")]


# --- Distributions ------------------------------------------------------------------------------------------

SAT5 = COURSE.scale("sat5")


@pytest.mark.parametrize("lang", LANGS)
def test_distributions_show_each_items_answers_and_top_2_box_from_metrics_csat(app_database, lang):
    at, frame = on(make_app(lang), app_database, "Course", "distributions")
    spec, data = chart_titled(at, lang, "chart.likert.title", scale=SAT5.name_zh if lang == "zh" else SAT5.name_en)
    bars = data[0]
    useful = bars[bars["item"] == "useful_p"].set_index("point")
    answers = frame["useful_p"].dropna()
    assert useful["count"].tolist() == [int((answers == p).sum()) for p in range(1, 6)]
    # diverging: the points below the middle and half of the middle point lie left of zero
    shares = useful["share"]
    assert useful.loc[1, "start"] == pytest.approx(-(shares[1] + shares[2] + shares[3] / 2))
    assert useful.loc[3, "start"] == pytest.approx(-useful.loc[3, "end"])
    top2 = metrics.csat(answers, scale=(1, 5), top=2)
    table = table_with(at, text(lang, "dist.col.top2"))
    row = table[table[text(lang, "chart.item")] == _label(lang, "useful_p")].iloc[0]
    assert row[text(lang, "dist.col.top2")] == pytest.approx(top2.score)
    assert row[text(lang, "chart.ci_low")] == pytest.approx(top2.ci_low)
    assert row[text(lang, "chart.n")] == top2.n
    # sorted by top-2-box: the highest share first
    at.radio(key="_distribution_sort").set_value("top2").run()
    table = table_with(at, text(lang, "dist.col.top2"))
    assert table[text(lang, "dist.col.top2")].is_monotonic_decreasing
    # the first item by wave: one bar per wave, each wave's answers
    _, data = chart_titled(at, lang, "chart.likert_by.title", item=_label(lang, "useful_p"), field=_label(lang, "wave"))
    by = data[0]
    assert sorted(set(by["group"])) == ["2026-03", "2026-06", "2026-09"]
    assert by.drop_duplicates("group")["top2"].is_monotonic_decreasing  # sorted by top-2-box too
    late = by[by["group"] == "2026-09"]
    assert late["n"].iloc[0] == frame.loc[frame["wave"] == "2026-09", "useful_p"].notna().sum()
    at.selectbox(key="_distribution_by").set_value("class").run()
    by = table_with(at, _label(lang, "class"))
    assert by[_label(lang, "class")].tolist() == ["Class 1", "Class 2"]


@pytest.mark.parametrize("lang", LANGS)
def test_distributions_of_a_survey_without_likert_items_say_so(app_database, lang):
    at, _ = on(make_app(lang), app_database, "ECSI", "distributions")
    assert [i.value for i in at.info] == [text(lang, "dist.none")]


# --- Drivers ------------------------------------------------------------------------------------------------


def _unit_scores(frame: pd.DataFrame, units: dict) -> pd.DataFrame:
    """Each indicator's 0–100 score straight from metrics: its items equally weighted."""
    return pd.DataFrame(
        {
            u: metrics.respondent_scores(frame, dict.fromkeys(items, 1.0), scales=scales)
            for u, (items, scales) in units.items()
        }
    )


@pytest.mark.parametrize("lang", LANGS)
def test_drivers_show_lmg_of_the_indicators_for_overall_satisfaction(app_database, lang):
    at, frame = on(make_app(lang), app_database, "ECSI", "drivers")
    items = {
        prefix: [c for c in frame.columns if c.rstrip("0123456789") == prefix] for prefix in ("imag", "qual", "val")
    }
    blocks = {"image": items["imag"], "quality": items["qual"], "value": items["val"]}
    data = _unit_scores(frame, {u: (items, (0, 10)) for u, items in blocks.items()})
    data["overall"] = metrics.respondent_scores(
        frame, dict.fromkeys([c for c in frame.columns if c.startswith("sat")], 1.0), scales=(0, 10)
    )
    direct = metrics.relative_importance(data, "overall", list(blocks))
    table = table_with(at, text(lang, "drv.col.share"))
    shares = dict(zip(table[text(lang, "chart.indicator")], table[text(lang, "drv.col.share")]))
    ecsi = templates.build("ecsi")
    for unit in blocks:
        assert shares[ecsi.node(unit).label(lang)] == pytest.approx(100 * direct.share[unit])
    assert table[text(lang, "drv.col.share")].is_monotonic_decreasing
    assert table[text(lang, "chart.ci_low")].isna().all()  # no bootstrap until asked
    shown = " ".join(c.value for c in at.caption)
    assert f"{direct.r_squared:.3f}" in shown and str(direct.n) in shown
    _, chart_data = chart_titled(at, lang, "chart.drv.title", target=text(lang, "drv.target.overall"))
    assert chart_data[0]["share"].sum() == pytest.approx(100)
    # Johnson's weights, with the bootstrap interval around each share
    at.radio(key="_drivers_method").set_value("johnson").run()
    at.toggle(key="_drivers_bootstrap").set_value(True).run()
    johnson = metrics.relative_importance(data, "overall", list(blocks), method="johnson")
    table = table_with(at, text(lang, "drv.col.share"))
    rows = table.set_index(text(lang, "chart.indicator"))
    for unit in blocks:
        row = rows.loc[ecsi.node(unit).label(lang)]
        assert row[text(lang, "drv.col.share")] == pytest.approx(100 * johnson.share[unit])
        assert row[text(lang, "chart.ci_low")] <= row[text(lang, "drv.col.share")] <= row[text(lang, "chart.ci_high")]
    assert text(lang, "drv.interval", resamples=200, seed=2026) in " ".join(c.value for c in at.caption)


@pytest.mark.parametrize("lang", LANGS)
def test_drivers_of_the_recommend_item_and_a_survey_without_an_outcome(app_database, lang):
    at, frame = on(make_app(lang), app_database, "Course", "drivers")
    at.radio(key="_drivers_target").set_value("recommend").run()
    assert not at.exception
    units = {
        n.code: ([k.code for k in COURSE.children(n.code) if k.role == "perception"], (1, 5))
        for n in COURSE.nodes
        if n.kind == "indicator"
    }
    data = _unit_scores(frame, units)
    data["nps"] = frame["nps"]
    direct = metrics.relative_importance(data, "nps", list(units))
    table = table_with(at, text(lang, "drv.col.share"))
    top = table.iloc[0]
    best = direct.share.idxmax()
    assert top[text(lang, "chart.indicator")] == _label(lang, best)
    assert top[text(lang, "drv.col.share")] == pytest.approx(100 * direct.share[best])
    assert table[text(lang, "drv.col.importance")].sum() == pytest.approx(direct.r_squared)
    at, _ = on(make_app(lang), app_database, "Customer experience", "drivers")
    assert [i.value for i in at.info] == [text(lang, "drv.none")]


# --- the Report ----------------------------------------------------------------------------------------------


def test_the_report_shows_the_analysis_pages_as_the_user_left_them(app_database):
    at, _ = on(make_app("en"), app_database, "Course", "crosstabs")
    at.selectbox(key="_xt_row").set_value("class").run()
    at.selectbox(key="_xt_column").set_value("group").run()
    at.switch_page("pages/distributions.py").run()
    at.selectbox(key="_distribution_scale").set_value("agree5").run()
    at.switch_page("pages/drivers.py").run()
    at.radio(key="_drivers_target").set_value("recommend").run()
    at.radio(key="_drivers_method").set_value("johnson").run()
    assert not at.exception
    choices = {key: at.session_state[key] for key in report.ANALYSIS_CHOICES}
    assert choices["crosstab_row"] == "class" and choices["distribution_scale"] == "agree5"
    sel = selection(app_database, "Course")
    (shares,) = report.page_charts(sel, "crosstabs", "en", analysis=choices)
    assert shares.title == text("en", "chart.xt.title", row=_label("en", "class"), column=_label("en", "group"))
    items, _ = report.page_charts(sel, "distributions", "en", analysis=choices)
    assert set(items.data["item"]) == {"loy_teacher", "loy_related", "loy_speak"}
    (drivers,) = report.page_charts(sel, "drivers", "en", analysis=choices)
    assert drivers.title == text("en", "chart.drv.title", target=text("en", "drv.target.recommend"))
    assert text("en", "drv.method.johnson") in json.dumps(drivers.chart.to_dict(), ensure_ascii=False)
    # without choices: the pages' first
    first, _means = report.page_charts(sel, "crosstabs", "en")
    assert first.title == text("en", "chart.xt.title", row=_label("en", "useful_p"), column=_label("en", "wave"))


# --- narrow filters -----------------------------------------------------------------------------------------


def test_the_analysis_pages_under_a_narrow_filter_say_what_they_cannot_show(app_database):
    at, frame = on(make_app("en"), app_database, "Course", "crosstabs")
    at.multiselect(key="_filter_waves").select("2026-09").run()
    assert not at.exception
    shown = " ".join(c.value for c in at.caption)
    assert text("en", "xt.chi2_none") in shown  # one wave: a single column, no chi-square test
    counts = table_with(at, text("en", "xt.col.total"))
    assert counts["2026-09 (A)"].iloc[-1] == frame.loc[frame["wave"] == "2026-09", "useful_p"].notna().sum()
    at.multiselect(key="_filter_seg_group").select("G01").run()
    at.switch_page("pages/drivers.py").run()
    assert not at.exception
    assert [e.value for e in at.error] == [text("en", "drv.failed")]  # a dozen answers for 13 indicators
    at.switch_page("pages/distributions.py").run()
    assert not at.exception and at.get("vega_lite_chart")
