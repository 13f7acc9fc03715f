"""The dashboards in AppTest on the demo surveys: the figures shown are those of metrics/ computed directly."""

import json
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

import metrics
from survey import analysis
from survey.access import audit
from survey.design import templates
from survey.design.definition import Node
from survey.i18n import text
from survey.reporting import report
from survey.storage import demo, seed, store
from survey.storage import tables as tb
from survey.storage.db import open_database
from tests.pages.conftest import ROLE_ACCOUNTS, make_app, open_page
from tests.reference import ECSI_BLOCKS, ECSI_PATHS
from ui.i18n import plain

TOUCHPOINTS = ("product", "price", "convenience", "brand", "service", "relationship")
PAGES = ("overview", "gaps", "priorities", "nps", "loyalty", "model", "report")


def demo_survey(url: str, title_en: str) -> tuple[int, pd.DataFrame]:
    """(survey id, stored responses) of the demo survey with this English title."""
    db = open_database(url)
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey = next(x for x in store.list_surveys(s, ws) if x.title_en.startswith(title_en))
        frame = store.responses_frame(s, ws, survey.id)
    db.dispose()
    return survey.id, frame


def on(app: AppTest, url: str, title_en: str, page: str) -> tuple[AppTest, pd.DataFrame]:
    survey_id, frame = demo_survey(url, title_en)
    app.session_state["survey_id"] = survey_id
    return open_page(app, page), frame


def chart(at: AppTest, index: int) -> tuple[dict, list[pd.DataFrame]]:
    """The Vega-Lite spec of the index-th chart and its datasets (one per layer's data)."""
    element = at.get("vega_lite_chart")[index]
    spec = json.loads(element.proto.spec)
    return spec, [convert_arrow_bytes_to_pandas_df(d.data.data) for d in element.proto.datasets]


def chart_titled(at: AppTest, lang: str, key: str, **params) -> tuple[dict, list[pd.DataFrame]]:
    title = text(lang, key, **params)
    for k in range(len(at.get("vega_lite_chart"))):
        spec, data = chart(at, k)
        if json.dumps(spec, ensure_ascii=False).find(json.dumps(title, ensure_ascii=False)) >= 0:
            return spec, data
    raise AssertionError(f"no chart titled {title!r}")


def metric(at: AppTest, label: str):
    return next(m for m in at.metric if m.label == label)


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if column in d.value.columns)


# --- the figures shown are metrics' figures -----------------------------------------------------------------


def test_overview_cards_show_the_latest_wave_and_its_change(app, app_database):
    at, frame = on(app, app_database, "Course", "overview")
    defn = templates.build("course")
    now, before = frame[frame["wave"] == "2026-09"], frame[frame["wave"] == "2026-06"]
    score = metrics.nps(now["nps"])
    nps_card = metric(at, text("en", "card.nps"))
    assert nps_card.value == f"{score.score:.1f}"
    assert nps_card.delta == f"{metrics.nps_difference(now['nps'], before['nps']).difference:+.1f}"
    loyalty = metrics.loyalty_index(now[[n.code for n in defn.items_with_role("loyalty")]], scales=(1, 5))
    assert metric(at, text("en", "card.loyalty")).value == f"{loyalty.index:.1f}"
    tree = pd.DataFrame(
        [(n.code, n.parent, n.weight) for n in defn.nodes if n.kind != "item" or n.role == "perception"],
        columns=["code", "parent", "weight"],
    )
    csi = metrics.satisfaction_index(now, tree, scales=(1, 5))
    assert metric(at, text("en", "card.satisfaction")).value == f"{csi.index:.1f}"
    assert metric(at, text("en", "card.responses")).value == str(len(now))
    shown = " ".join(c.value for c in at.caption)
    nps_test = metrics.nps_difference(now["nps"], before["nps"]).method
    assert text("en", "test.index_welch") in shown and text("en", f"test.nps_{nps_test}") in shown
    # the change shown is the index difference the test tests, and the page says how skipped items count
    csi_before = metrics.satisfaction_index(before, tree, scales=(1, 5))
    assert metric(at, text("en", "card.satisfaction")).delta == f"{csi.index - csi_before.index:+.1f}"
    assert text("en", "overview.missing_rule") in shown
    # the segment alerts name their family and its control
    assert "segments tested (6 tests); family-wise error rate 5 % (Holm)." in shown
    assert text("en", "overview.untested", count=19, min_n=30) in shown
    worst = table_with(at, text("en", "chart.weighted_gap"))
    gaps = metrics.item_gaps(now, {"feedback": ("feedback_p", "feedback_e")})
    assert worst[text("en", "chart.gap")].iloc[0] == pytest.approx(gaps.loc["feedback", "gap"])
    # the trend chart holds every wave's satisfaction index, with n
    _, data = chart_titled(at, "en", "chart.index_trend.title")
    trend = data[0]
    assert set(trend["label"]) == {"2026-03", "2026-06", "2026-09"} and "n" in trend.columns


def test_gaps_page_shows_the_textbook_experience_table(app, app_database):
    at, frame = on(app, app_database, "Customer experience", "gaps")
    table = table_with(at, text("en", "exp.weighted"))
    assert table[text("en", "exp.weighted")].tolist() == [-6, 0, -18, 0, 0, 0]
    assert table[text("en", "exp.gap")].tolist() == [-1, 0, -5, 0, 0, 0]
    assert table[text("en", "exp.key")].tolist() == ["", "", text("en", "common.yes"), "", "", ""]
    spec, data = chart_titled(at, "en", "chart.gaps.title")
    dumbbell = data[0].set_index("code")
    pairs = {t: (f"{t}_p", f"{t}_e") for t in TOUCHPOINTS}
    direct = metrics.item_gaps(frame, pairs)
    assert dumbbell.loc["convenience", "gap"] == direct.loc["convenience", "gap"] == -2
    assert list(dumbbell.index[:2]) == ["convenience", "product"]  # worst weighted gap first
    assert "n" in json.dumps(spec["layer"][0]["encoding"]["tooltip"])
    # drill down to the items of convenience
    at.selectbox(key="_gaps_indicator").set_value("convenience").run()
    items = table_with(at, text("en", "chart.mean_answer"))
    assert items[text("en", "chart.mean_answer")].tolist() == [5, 7, 9, 10]


def test_gaps_page_servqual_dimensions_for_the_course(app, app_database):
    at, frame = on(app, app_database, "Course", "gaps")
    table = table_with(at, text("en", "gaps.col.items"))
    assessment = {"fair": ("fair_p", "fair_e"), "feedback": ("feedback_p", "feedback_e")}
    direct = metrics.item_gaps(frame, assessment)["gap"].mean()
    row = table[table[text("en", "chart.dimension")] == "Assessment"]
    assert row[text("en", "chart.gap")].iloc[0] == pytest.approx(direct)


def test_priorities_matrix_is_metrics_ipa(app, app_database):
    at, frame = on(app, app_database, "Customer experience", "priorities")
    _, data = chart_titled(at, "en", "chart.ipa.title")
    points = next(d for d in data if "quadrant" in d.columns).set_index("indicator")
    stated = {t: frame[f"{t}_i"].mean() for t in TOUCHPOINTS}
    performance = {t: (frame[f"{t}_p"].mean() - 1) / 9 * 100 for t in stated}
    direct = metrics.ipa(performance, stated).table
    for indicator in stated:
        assert points.loc[indicator, "performance"] == pytest.approx(direct.loc[indicator, "performance"])
        assert points.loc[indicator, "quadrant"] == direct.loc[indicator, "quadrant"]
    ranked = table_with(at, text("en", "priorities.rank"))
    assert ranked[text("en", "chart.indicator")].tolist() == ["Convenience"]
    assert ranked[text("en", "priorities.col.priority")].tolist() == [18]
    assert ranked[text("en", "priorities.col.call")].tolist() == [text("en", "priorities.firm")]
    # derived importance on request
    at.radio(key="_priorities_importance").set_value("derived").run()
    assert not at.exception
    assert at.session_state["priorities_importance"] == "derived"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_priorities_show_how_firm_each_quadrant_is(app_database, lang):
    # issue 18: on the course demo derived importances barely differ; the first "concentrate here" item keeps
    # its quadrant in about half the resamples, so it is not called firm
    survey_id, frame = demo_survey(app_database, "Course")
    at = make_app(lang)
    at.session_state["survey_id"] = survey_id
    at.session_state["priorities_importance"] = "derived"
    open_page(at, "priorities")
    assert not at.exception
    inputs = analysis.analysis_inputs(templates.build("course"))
    expected = analysis.priorities(inputs, frame, importance="derived").table
    ranked = table_with(at, text(lang, "priorities.rank"))
    first = analysis.concentrate_here(analysis.priorities(inputs, frame, importance="derived")).iloc[0]
    assert ranked[text(lang, "priorities.col.stability")].iloc[0] == pytest.approx(first["stability"])
    assert ranked[text(lang, "priorities.col.call")].iloc[0] == text(lang, "priorities.uncertain")
    every = table_with(at, text(lang, "priorities.col.performance_high"))
    calls = every[text(lang, "priorities.col.call")]
    assert (calls == text(lang, "priorities.firm")).sum() == int(expected["firm"].sum())
    assert text(lang, "priorities.stability_help", resamples=200, firm="90") in [c.value for c in at.caption]
    _, data = chart_titled(at, lang, "chart.ipa.title")
    points = next(d for d in data if "stability" in d.columns).set_index("indicator")
    assert points["stability"].to_dict() == pytest.approx(expected["stability"].to_dict())
    assert set(points["opacity"]) == {1.0, 0.4}  # uncertain indicators drawn pale


def test_nps_page_distribution_and_segments(app, app_database):
    at, frame = on(app, app_database, "Course", "nps")
    _, data = chart_titled(at, "en", "chart.nps_distribution.title", n=int(frame["nps"].notna().sum()))
    counts = np.bincount(frame["nps"].dropna().astype(int), minlength=11)
    assert data[0]["count"].tolist() == counts.tolist()
    table = table_with(at, text("en", "nps.col.vs_rest"))
    for cls in ("Class 1", "Class 2"):
        row = table[table.iloc[:, 0] == cls]
        mine, rest = frame[frame["class"] == cls]["nps"], frame[frame["class"] != cls]["nps"]
        assert row["NPS"].iloc[0] == pytest.approx(metrics.nps(mine).score)
        expected = metrics.nps_difference(mine, rest)
        assert row[text("en", "chart.p_value")].iloc[0] == report.p_value_text(expected.p_value)
        assert row[text("en", "chart.difference_low")].iloc[0] == pytest.approx(expected.ci_low)
    shown = " ".join(c.value for c in at.caption)
    assert "2 segments tested (2 tests); family-wise error rate 5 % (Holm)." in shown
    _, trend = chart_titled(at, "en", "chart.nps_trend.title")
    by_wave = trend[0].set_index("wave")
    assert by_wave.loc["2026-06", "score"] == pytest.approx(metrics.nps(frame[frame["wave"] == "2026-06"]["nps"]).score)
    # group by the small groups: every one is flagged, none hidden
    at.selectbox(key="_nps_segment").set_value("group").run()
    groups = table_with(at, text("en", "nps.col.small"))
    assert len(groups) == frame["group"].nunique()
    assert (groups[text("en", "nps.col.small")] == "n<30").all()
    assert (groups[text("en", "nps.col.significant")] == "").all()  # small groups are never significant
    assert "0.000" not in groups[text("en", "chart.p_value")].tolist()
    assert text("en", "multiple.none", min_n=30) in " ".join(c.value for c in at.caption)


def test_loyalty_page_index_and_matrix(app, app_database):
    at, frame = on(app, app_database, "Course", "loyalty")
    items = ["loy_teacher", "loy_related", "loy_speak"]
    index = metrics.loyalty_index(frame[items], scales=(1, 5))
    assert metric(at, text("en", "card.loyalty")).value == f"{index.index:.1f}"
    loyalty = frame[items].sub(1).div(4).mul(100).mean(axis=1)
    expected = metrics.satisfaction_loyalty_segments((frame["overall"] - 1) / 4 * 100, loyalty)
    counts = table_with(at, text("en", "chart.respondents"))
    assert counts[text("en", "chart.respondents")].tolist() == expected.counts.tolist()
    _, data = chart_titled(at, "en", "chart.loyalty_matrix.title")
    points = next(d for d in data if "respondents" in d.columns)
    assert points["respondents"].sum() == expected.counts.sum()
    assert at.info and at.info[-1].value == text("en", "loyalty.no_value_field")


def test_loyalty_by_customer_tier_when_the_survey_has_a_spend_field(app, app_database):
    defn = templates.build("course")
    spend = Node(code="spend", kind="item", label_zh="消费额", label_en="Spend", role="attribute")
    defn = replace(defn, title_en="Course with spend", nodes=(*defn.nodes, spend))
    frame = demo.course_responses()
    frame["spend"] = [str(v) for v in range(len(frame))]
    db = open_database(app_database)
    with db.session() as s:
        survey = seed.load_survey(s, store.default_workspace(s).id, defn, frame, "spend test")
        s.commit()
        survey_id = survey.id
    db.dispose()
    app.session_state["survey_id"] = survey_id
    at = open_page(app, "loyalty")
    tiers = table_with(at, text("en", "chart.tier"))
    pyramid = metrics.customer_pyramid(pd.to_numeric(frame["spend"]))
    assert tiers[text("en", "chart.customers")].tolist() == pyramid.tiers["customers"].tolist()
    _, data = chart_titled(at, "en", "chart.pyramid.title")
    assert "(n<30)" in data[0]["caption"].iloc[0]  # 3 platinum customers: flagged, not hidden
    assert text("en", "loyalty.tiers_tied") not in [c.value for c in at.caption]  # no ties: the nominal tiers


def test_equal_spends_and_equal_answers_are_said_to_be_inseparable(app, app_database):
    # issue 18: all-equal spends were 100 % platinum and all-equal answers 100 % loyalists
    defn = templates.build("course")
    spend = Node(code="spend", kind="item", label_zh="消费额", label_en="Spend", role="attribute")
    defn = replace(defn, title_en="Course with equal spend", nodes=(*defn.nodes, spend))
    frame = demo.course_responses()
    frame["spend"] = "100"
    frame[["overall", "loy_teacher", "loy_related", "loy_speak"]] = 4
    db = open_database(app_database)
    with db.session() as s:
        survey = seed.load_survey(s, store.default_workspace(s).id, defn, frame, "equal spend test")
        s.commit()
        survey_id = survey.id
    db.dispose()
    app.session_state["survey_id"] = survey_id
    at = open_page(app, "loyalty")
    tiers = table_with(at, text("en", "chart.tier"))
    assert tiers[text("en", "chart.customers")].tolist() == [0, 0, 0, len(frame)]
    captions = [c.value for c in at.caption]
    assert text("en", "loyalty.tiers_tied") in captions
    assert text("en", "loyalty.on_cut", count=len(frame), share="100") in captions
    segments = table_with(at, text("en", "chart.respondents"))
    assert segments[text("en", "chart.segment")].tolist()[-1] == text("en", "segment.on_cut")
    assert segments[text("en", "chart.respondents")].tolist() == [0, 0, 0, 0, len(frame)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_model_page_names_raw_and_standardised_alpha(app_database, lang):
    survey_id, frame = demo_survey(app_database, "ECSI")
    at = make_app(lang)
    at.session_state["survey_id"] = survey_id
    open_page(at, "model")
    table = table_with(at, text(lang, "model.col.acceptable"))  # the "Reliability of each dimension" table
    raw, standardised = text(lang, "model.col.alpha"), text(lang, "model.col.alpha_standardized")
    assert raw != standardised and {raw, standardised} <= set(table.columns)
    labels = {n.code: n.label(lang) for n in seed.ecsi_definition().nodes}
    rows = table.set_index(text(lang, "chart.dimension"))
    for dimension, items in ECSI_BLOCKS.items():
        row = rows.loc[labels[dimension]]
        assert row[raw] == pytest.approx(metrics.cronbach_alpha(frame[items]))
        assert row[standardised] == pytest.approx(metrics.cronbach_alpha(frame[items], standardized=True))
    assert text(lang, "model.alpha_help") in [c.value for c in at.caption]


def test_model_page_shows_the_ecsi_model(app, app_database):
    at, frame = on(app, app_database, "ECSI", "model")
    direct = metrics.pls_path_model(frame, ECSI_BLOCKS, ECSI_PATHS, scheme="centroid", scale=(0, 10))
    table = table_with(at, text("en", "model.col.index"))
    assert table[text("en", "model.col.index")].tolist() == pytest.approx(direct.index.tolist())
    assert table["R²"].iloc[1:].tolist() == pytest.approx(direct.r_squared.tolist())
    paths = table_with(at, text("en", "chart.coefficient"))
    assert paths[text("en", "chart.coefficient")].tolist() == pytest.approx(direct.paths["coefficient"].tolist())
    _, data = chart_titled(at, "en", "chart.path.title")
    edges = next(d for d in data if "coefficient" in d.columns)
    assert edges["coefficient"].tolist() == pytest.approx(direct.paths["coefficient"].tolist())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_model_quality_panel_marks_every_figure_and_says_what_holds(app_database, lang):
    survey_id, frame = demo_survey(app_database, "ECSI")
    at = make_app(lang)
    at.session_state["survey_id"] = survey_id
    open_page(at, "model")
    direct = metrics.pls_path_model(frame, ECSI_BLOCKS, ECSI_PATHS, scheme="centroid", scale=(0, 10))
    labels = {n.code: n.label(lang) for n in seed.ecsi_definition().nodes}
    # the HTMT grid holds every pair's HTMT, coloured by its verdict under the thresholds shown
    _, data = chart_titled(at, lang, "chart.htmt.title")
    cells = next(d for d in data if "status_name" in d.columns)
    got = {(r["column"], r["row"]): (r["value"], r["status_name"]) for _, r in cells.iterrows()}
    constructs = list(ECSI_BLOCKS)
    for k, a in enumerate(constructs):
        for b in constructs[k + 1 :]:
            value = float(direct.htmt.loc[a, b])
            status = "pass" if value < 0.85 else "doubtful" if value < 0.90 else "fail"
            assert got[(labels[a], labels[b])] == (pytest.approx(value), text(lang, f"model.status.{status}"))
    # reliability grid: alpha, rho_a, rho_c, AVE of every construct
    _, data = chart_titled(at, lang, "chart.quality.title")
    grid = next(d for d in data if "status_name" in d.columns)
    alpha = grid[grid["measure"] == "alpha"].set_index("construct")["value"]
    assert alpha.to_dict() == pytest.approx(direct.reliability["alpha"].to_dict())
    assert set(grid["measure"]) == {"alpha", "rho_a", "rho_c", "ave", "item_vif"}
    # the verdict names the failing pairs in words (the demo data: expectation–quality and value–satisfaction)
    sep = "、" if lang == "zh" else ", "
    fails = [f"{labels[a]}–{labels[b]}" for a, b in (("expectation", "quality"), ("value", "satisfaction"))]
    verdict = text(lang, "model.verdict.discriminant.except", fails=sep.join(fails))
    verdict += " " + text(lang, "model.verdict.discriminant.also", doubts=f"{labels['quality']}–{labels['value']}")
    markdown = " ".join(m.value for m in at.markdown)
    assert plain(verdict) in markdown  # (shown as text: it names labels)
    assert plain(text(lang, "model.verdict.reliability.ok")) in markdown
    assert plain(text(lang, "model.verdict.convergent.ok")) in markdown
    assert text(lang, "model.quality_help") in [c.value for c in at.caption]
    checks = table_with(at, text(lang, "model.col.rule"))
    assert set(checks[text(lang, "model.col.status")]) <= {
        text(lang, f"model.status.{s}") for s in ("pass", "doubtful", "fail", "na")
    }
    assert len(checks) == 15 + 4 * 6 + 27 + len(direct.paths)
    paths = table_with(at, text(lang, "model.col.f_squared"))
    assert paths[text(lang, "model.col.vif")].tolist() == pytest.approx(direct.paths["vif"].tolist())
    effects = table_with(at, text(lang, "model.col.indirect"))
    shown = {
        (a, b): v
        for a, b, v in zip(
            effects[text(lang, "chart.from")], effects[text(lang, "chart.to")], effects[text(lang, "model.col.total")]
        )
    }
    assert shown[(labels["image"], labels["loyalty"])] == pytest.approx(direct.total_effects.loc["loyalty", "image"])
    assert len(shown) == int(direct.total_effects.notna().to_numpy().sum())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_model_page_maps_importance_and_performance_and_lists_the_priorities(app_database, lang):
    survey_id, frame = demo_survey(app_database, "ECSI")
    at = make_app(lang)
    at.session_state["survey_id"] = survey_id
    open_page(at, "model")
    direct = metrics.ipma(
        frame, ECSI_BLOCKS, ECSI_PATHS, target="loyalty", scale=(0, 10), scheme="centroid", standardize=False
    )
    labels = {n.code: n.label(lang) for n in seed.ecsi_definition().nodes}
    spec, data = chart_titled(at, lang, "chart.ipma.title", target=labels["loyalty"])
    points = next(d for d in data if "quadrant_name" in d.columns).set_index("construct")
    assert points["importance"].to_dict() == pytest.approx(direct.table["importance"].to_dict())
    assert points["performance"].to_dict() == pytest.approx(direct.table["performance"].to_dict())
    cuts = next(d for d in data if len(d) == 1 and "importance" in d.columns)
    assert cuts["importance"].iloc[0] == pytest.approx(direct.importance_cut)
    assert cuts["performance"].iloc[0] == pytest.approx(direct.performance_cut)
    assert "importance" in json.dumps(spec["layer"][2]["encoding"]["x"])  # importance across, performance up
    order = direct.table.sort_values("gain", ascending=False)
    priorities = table_with(at, text(lang, "model.col.gain"))
    assert priorities[text(lang, "chart.construct")].tolist() == [labels[c] for c in order.index]
    assert priorities[text(lang, "model.col.gain")].tolist() == pytest.approx(order["gain"].tolist())
    assert text(lang, "model.ipma_help", target=labels["loyalty"]) in [c.value for c in at.caption]
    open_page(at, "priorities")  # the Priorities page of a model survey links to the map
    links = [e.proto.label for e in at.get("page_link")]
    assert text(lang, "priorities.ipma_link") in links


def ecsi_survey_with(url: str, frame: pd.DataFrame) -> int:
    db = open_database(url)
    with db.session() as s:
        survey = seed.load_survey(s, store.default_workspace(s).id, seed.ecsi_definition(), frame, "ecsi.csv")
        s.commit()
        survey_id = survey.id
    db.dispose()
    return survey_id


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_model_the_data_cannot_carry_is_explained_in_the_users_words(app_database, lang):
    answers = demo.ecsi_responses()
    few = ecsi_survey_with(app_database, answers.head(6))
    constant = ecsi_survey_with(app_database, answers.assign(sat2=7))
    at = make_app(lang)
    at.session_state["survey_id"] = few
    open_page(at, "model")
    problem = text(lang, "model.problem.too_few_complete", n=6, need=10)
    assert [e.value for e in at.error] == [text(lang, "model.failed", problem=problem)]
    at.session_state["survey_id"] = constant
    open_page(at, "model")
    item = next(n for n in seed.ecsi_definition().nodes if n.code == "sat2").label(lang)
    problem = text(lang, "model.problem.constant_item", item=item)
    assert [e.value for e in at.error] == [text(lang, "model.failed", problem=problem)]


# --- filters ---------------------------------------------------------------------------------------------------------


def test_filters_persist_across_pages(app, app_database):
    at, frame = on(app, app_database, "Course", "overview")
    at.multiselect(key="_filter_waves").select("2026-06").run()
    at.multiselect(key="_filter_seg_class").select("Class 2").run()
    chosen = frame[(frame["wave"] == "2026-06") & (frame["class"] == "Class 2")]
    assert metric(at, text("en", "card.responses")).value == str(len(chosen))
    for page in ("nps", "surveys", "gaps"):
        open_page(at, page)
    open_page(at, "nps")
    assert at.multiselect(key="_filter_waves").value == ["2026-06"]
    assert at.multiselect(key="_filter_seg_class").value == ["Class 2"]
    assert metric(at, text("en", "card.nps")).value == f"{metrics.nps(chosen['nps']).score:.1f}"
    caption = text("en", "dash.filtered_count", count=len(chosen), total=len(frame))
    assert any(c.value == caption for c in at.sidebar.caption)


def test_a_survey_without_responses_says_where_to_get_them(app, app_database):
    db = open_database(app_database)
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey = store.create_survey(s, ws, templates.build("canteen"))
        s.commit()
        survey_id = survey.id
    db.dispose()
    app.session_state["survey_id"] = survey_id
    at = open_page(app, "overview")
    assert [i.value for i in at.info] == [text("en", "dash.no_responses")]
    # a manager cannot open the Import or Links pages: told whom to ask instead
    manager = make_app("en", "manager")
    manager.session_state["survey_id"] = survey_id
    manager = open_page(manager, "overview")
    assert [i.value for i in manager.info] == [text("en", "dash.no_responses_ask")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_dashboard_runs_on_every_demo_survey(app_database, lang):
    at = make_app(lang)
    for title in ("Customer experience", "ECSI", "Course"):
        survey_id, _ = demo_survey(app_database, title)
        at.session_state["survey_id"] = survey_id
        for page in PAGES:
            open_page(at, page)
            assert at.title[0].value == text(lang, f"{page}.title")
            assert not at.error, [e.value for e in at.error]
            for k in range(len(at.get("vega_lite_chart"))):
                spec, _ = chart(at, k)
                assert spec.get("title") or any(layer.get("title") for layer in spec.get("layer", []))


def test_a_target_set_on_the_overview_is_kept_for_the_next_visit(app, app_database):
    at, _ = on(app, app_database, "Course", "overview")
    survey_id = at.session_state["survey_id"]
    at.number_input(key=f"_target_{survey_id}_satisfaction").set_value(90.0).run()
    assert not at.exception
    db = open_database(app_database)
    with db.session() as s:
        assert store.targets(s, store.default_workspace(s).id, survey_id) == {"satisfaction": 90.0}
        newest = audit.entries(s)[0]  # who set it is in the audit log
        assert (newest.action, newest.detail) == ("target_set", {"figure": "satisfaction", "value": 90.0})
    db.dispose()
    # a new session (another manager, or the next day) sees the same target on the card
    again = make_app("en")
    again.session_state["survey_id"] = survey_id
    again = open_page(again, "overview")
    assert again.number_input(key=f"_target_{survey_id}_satisfaction").value == 90.0
    prefix = text("en", "card.target", target="90.0", gap="").split("90.0")[0]
    lines = [c.value for c in again.caption] + [m.help or "" for m in again.metric]
    assert any(prefix in line and "90.0" in line for line in lines)


def test_every_dashboard_runs_on_a_survey_with_comments_and_never_offers_them_as_a_segment(app_database):
    comment = Node(
        code="comment", kind="item", label_zh="其他意见和建议", label_en="Any other comments?", role="comment"
    )
    defn = templates.build("course")
    defn = replace(defn, title_en="Course with comments", nodes=(*defn.nodes, comment))
    frame = demo.course_responses()
    rows = seed.response_rows(templates.build("course"), frame)
    written = ['很好, "非常"满意\n第二行', "", "=not a formula?", "x" * 3000]
    for k, row in enumerate(rows):
        if written[k % 4]:
            row["attributes"]["comment"] = written[k % 4]
    db = open_database(app_database)
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey = store.create_survey(s, ws, defn)
        store.add_responses(s, ws, store.current_version(s, ws, survey.id).id, rows)
        s.commit()
        survey_id = survey.id
        stored = store.responses_frame(s, ws, survey_id)
    db.dispose()
    assert stored["comment"].dropna().str.len().max() == 3000  # text, never a number column
    for lang in ("zh", "en"):
        at = make_app(lang)
        at.session_state["survey_id"] = survey_id
        for page in PAGES:
            open_page(at, page)
            assert at.title[0].value == text(lang, f"{page}.title")
            assert not at.error, [e.value for e in at.error]
            segments = {m.label for m in at.sidebar.multiselect}
            assert text(lang, "dash.wave") in segments and comment.label(lang) not in segments
            assert "_filter_seg_class" in at.session_state and "_filter_seg_comment" not in at.session_state
            if page == "overview":  # the responses of the latest wave, each counted once
                latest = str((frame["wave"] == "2026-09").sum())
                assert metric(at, text(lang, "card.responses")).value == latest


def test_model_bootstrap_gives_the_total_effects_their_intervals(app, app_database):
    at, _ = on(app, app_database, "ECSI", "model")
    at.toggle(key="_model_bootstrap").set_value(True).run()
    assert not at.exception
    effects = table_with(at, text("en", "model.col.indirect"))
    low, high, total = (effects[text("en", k)] for k in ("chart.boot_low", "chart.boot_high", "model.col.total"))
    assert ((low <= total) & (total <= high)).all()


def test_a_read_only_manager_sees_the_targets_but_cannot_change_them(app_database):
    from survey import surveys
    from survey.access.accounts import AccountError, SignedIn

    at = open_page(make_app("en", "manager"), "overview")
    survey_id = at.session_state["survey_id"]
    box = at.number_input(key=f"_target_{survey_id}_satisfaction")
    assert box.disabled
    assert any(text("en", "overview.targets_readonly") == c.value for c in at.caption)
    db = open_database(app_database)
    with db.session() as s:
        manager = s.query(tb.Account).filter_by(username=ROLE_ACCOUNTS["manager"]).one()
        ws = store.default_workspace(s).id
        who = SignedIn(manager.id, manager.username, manager.display_name, manager.is_admin)
    with pytest.raises(AccountError, match="not_permitted"):  # nor around the page
        surveys.set_target(db, who, ws, survey_id, "satisfaction", 99.0, lang="en")
    with db.session() as s:
        assert store.targets(s, ws, survey_id) == {}
    db.dispose()
    coordinator = open_page(make_app("en", "coordinator"), "overview")
    assert not coordinator.number_input(key=f"_target_{survey_id}_satisfaction").disabled


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_cards_change_is_coloured_only_when_its_test_calls_it_significant(app_database, lang):
    from streamlit.proto.Metric_pb2 import Metric

    at, _ = on(make_app(lang), app_database, "Course", "overview")
    not_significant, significant = text(lang, "card.not_significant"), text(lang, "card.significant")
    captions = [c.value for c in at.caption]
    checked = 0
    for metric in at.metric:
        if not metric.proto.delta:
            continue
        said = next(c for c in captions if metric.proto.delta.split()[0] in c)  # the card's own caption
        if not_significant in said:
            assert metric.proto.color == Metric.MetricColor.GRAY, (metric.label, said)
        elif significant in said:
            assert metric.proto.color != Metric.MetricColor.GRAY, (metric.label, said)
        checked += 1
    assert checked >= 3


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_path_model_drawn_on_the_model_page_is_saved_and_fitted(app_database, lang):
    at, frame = on(make_app(lang), app_database, "Course satisfaction", "model")
    assert not at.exception
    assert text(lang, "model.draw_none") in [i.value for i in at.info]  # the course survey is not ECSI
    index = text(lang, "model.col.index")
    assert not [d for d in at.dataframe if index in d.value.columns]  # no model fitted yet
    at.button(key="_model_paths_save").click().run()  # the first draft: each dimension leads to the next
    assert not at.exception and not at.error
    assert text(lang, "model.draw_saved", count=4) in [s.value for s in at.success]
    db = open_database(app_database)
    with db.session() as s:
        ws = store.default_workspace(s).id
        defn = store.load_definition(s, ws, store.current_version(s, ws, at.session_state["survey_id"]).id)
        assert audit.entries(s)[0].action == "model_set"
    db.dispose()
    inputs = analysis.analysis_inputs(defn)
    assert inputs.model_name == "custom" and len(analysis.drawn_paths(inputs)) == 4
    items = [c for cs in inputs.blocks.values() for c in cs]
    direct = metrics.pls_path_model(
        frame[items], inputs.blocks, inputs.paths, scheme="centroid", scale={c: inputs.scales[c] for c in items}
    )
    table = table_with(at, text(lang, "model.col.index"))
    assert table[text(lang, "model.col.index")].tolist() == pytest.approx(direct.index.tolist())
    assert text(lang, "model.which_custom") in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_ecsi_surveys_overview_shows_the_model_pages_satisfaction_index_and_names_both(app_database, lang):
    at, frame = on(make_app(lang), app_database, "ECSI", "overview")
    assert not at.exception
    direct = metrics.pls_path_model(frame, ECSI_BLOCKS, ECSI_PATHS, scheme="centroid", scale=(0, 10))
    card = metric(at, text(lang, "card.satisfaction"))
    assert card.value == f"{direct.index['satisfaction']:.1f}"  # the Model page's index, not a second number
    tree = analysis.analysis_inputs(seed.ecsi_definition()).tree[["code", "parent", "weight"]]
    weighted = metrics.satisfaction_index(frame, tree, scales=(0, 10)).index
    assert abs(weighted - direct.index["satisfaction"]) > 1  # two different figures: each named by its method
    note = text(lang, "card.satisfaction_pls", model="ECSI", weighted=f"{weighted:.1f}")
    assert note in [c.value for c in at.caption] + [m.value for m in at.markdown]
