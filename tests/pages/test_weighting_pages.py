"""The Weighting page and the dashboards' weighting switch in AppTest, in both languages: the figures shown are
those of survey.weighting / metrics called directly."""

import pytest

import metrics
from survey import weighting
from survey.access import accounts
from survey.i18n import text
from survey.storage import store
from survey.storage import tables as tb
from survey.storage.db import open_database
from tests.pages.conftest import ROLE_ACCOUNTS, make_app, open_page
from tests.pages.test_dashboards import demo_survey, metric, table_with
from ui.i18n import plain

# far from the course demo's 46 : 42 students, so weighting visibly moves the figures
MARGINS = {"class": {"Class 1": 0.2, "Class 2": 0.8}}


def saved_scheme(url: str, survey_id: int, name: str = "Classes 20/80") -> int:
    db = open_database(url)
    try:
        with db.session() as s:
            ws = store.default_workspace(s).id
            account = s.query(tb.Account).filter_by(username=ROLE_ACCOUNTS["coordinator"]).one()
            who = accounts.signed_in(account)
        return weighting.save_scheme(db, who, ws, survey_id, name, MARGINS, lang="en").id
    finally:
        db.dispose()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_weighting_page_shows_the_schemes_design_effect_and_effective_n(app_database, lang):
    survey_id, frame = demo_survey(app_database, "Course")
    scheme_id = saved_scheme(app_database, survey_id)
    at = make_app(lang, "manager")
    at.session_state["survey_id"] = survey_id
    open_page(at, "weighting")
    at.selectbox(key="_wt_scheme").set_value(scheme_id).run()
    assert not at.exception
    direct = weighting.scheme_weights(frame, MARGINS)
    assert metric(at, text(lang, "wt.design_effect")).value == f"{direct.design_effect:.2f}"
    assert metric(at, text(lang, "wt.effective_n")).value == f"{direct.effective_n:.1f}"
    assert metric(at, text(lang, "wt.n")).value == str(len(frame))
    shown = table_with(at, text(lang, "wt.col.weighted_share"))
    assert shown[text(lang, "wt.col.weighted_share")].tolist() == pytest.approx([20.0, 80.0])
    assert shown[text(lang, "wt.col.respondents")].tolist() == [
        int((frame["class"] == "Class 1").sum()),
        int((frame["class"] == "Class 2").sum()),
    ]
    # a teacher may read dashboards in a class, not weight an organisation's survey: the product's refusal
    refused = open_page(make_app(lang, "teacher"), "weighting")
    assert not refused.metric and refused.error


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_switching_weighting_on_gives_the_weighted_nps_on_the_overview_and_says_so(app_database, lang):
    survey_id, frame = demo_survey(app_database, "Course")
    scheme_id = saved_scheme(app_database, survey_id, "Classes *20/80*")  # typed Markdown stays text
    at = make_app(lang)
    at.session_state["survey_id"] = survey_id
    open_page(at, "overview")
    now = frame["wave"] == "2026-09"
    unweighted = metrics.nps(frame.loc[now, "nps"])
    assert metric(at, text(lang, "card.nps")).value == f"{unweighted.score:.1f}"
    at.sidebar.selectbox(key="_filter_weighting").set_value(scheme_id).run()
    assert not at.exception
    w = weighting.scheme_weights(frame, MARGINS).weights
    weighted = metrics.nps(frame.loc[now, "nps"], weights=w[now])
    assert f"{weighted.score:.1f}" != f"{unweighted.score:.1f}"
    assert metric(at, text(lang, "card.nps")).value == f"{weighted.score:.1f}"
    captions = " ".join(c.value for c in at.caption)
    assert text(lang, "wt.caption", name=plain("Classes *20/80*")) in captions
    # a page whose figures are not weighted says so, and shows the unweighted figures
    open_page(at, "loyalty")
    assert text(lang, "wt.not_here") in [c.value for c in at.sidebar.caption]
    assert text(lang, "wt.caption", name=plain("Classes *20/80*")) not in " ".join(c.value for c in at.caption)
