"""The Comments and Follow-up pages (AppTest, both languages): the figures shown are the survey layer's, a
hostile comment is shown as text and never as Markdown, themes and follow-ups are saved, and the NPS page
counts the detractors followed up."""

from __future__ import annotations

from dataclasses import replace

import pytest

from survey import analysis, comments
from survey.design.definition import Node
from survey.i18n import text
from survey.storage import store
from survey.storage.db import open_database
from tests.pages.conftest import make_app, open_page
from tests.survey.importing_example import course_survey

HOSTILE = "![](http://198.51.100.7/x.png) <script>alert(1)</script> 作业太多了"
COMMENT = Node("comment", "item", "其他意见和建议", "Any other comments?", role="comment")
ROWS = [  # (recommend, class, comment, meta)
    (1, "1班", HOSTILE, {"email": "li@example.edu", "name": "李雷", comments.CONSENT_KEY: True}),
    (3, "2班", "作业太多了，讲得太快", {}),
    (5, "1班", "too much homework, too fast", {"email": "kept-without-consent@example.edu"}),
    (8, "2班", "fine", {}),
    (9, "1班", "老师讲得很清楚，很有帮助", {}),
    (10, "2班", "clear and helpful teacher", {}),
    (10, "1班", "", {}),
]


@pytest.fixture
def survey_id(app_database) -> int:
    defn = course_survey()
    defn = replace(defn, title_en="Comments course", nodes=(*(replace(n, required=False) for n in defn.nodes), COMMENT))
    db = open_database(app_database)
    with db.session() as s:
        ws = store.default_workspace(s).id
        sid = store.create_survey(s, ws, defn).id
        rows = [
            {"answers": {"nps": n}, "attributes": {"class": c} | ({"comment": x} if x else {}), "wave": "w", "meta": m}
            for n, c, x, m in ROWS
        ]
        store.add_responses(s, ws, store.current_version(s, ws, sid).id, rows)
        s.commit()
    db.dispose()
    return sid


def expected(app_database, sid):
    db = open_database(app_database)
    with db.session() as s:
        ws = store.default_workspace(s).id
        frame = store.responses_frame(s, ws, sid)
        defn = store.load_definition(s, ws, store.current_version(s, ws, sid).id)
        tags = comments.taggings(s, ws, sid)
    inputs = analysis.analysis_inputs(defn)
    db.dispose()
    return comments.comments_table(inputs, frame, "comment", tags=tags)


def page(lang: str, role: str, name: str, sid: int):
    at = make_app(lang, role)
    at.session_state["survey_id"] = sid
    return open_page(at, name)


def markdown_texts(at) -> list[str]:
    return [m.value for kind in ("markdown", "caption", "info", "warning", "error", "success") for m in at.get(kind)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_comments_page_shows_the_comments_as_text_with_their_terms_and_themes(app_database, survey_id, lang):
    at = page(lang, "coordinator", "comments", survey_id)
    assert at.title[0].value == text(lang, "comments.title")
    want = expected(app_database, survey_id)
    shown = at.dataframe[0].value
    assert shown[text(lang, "comments.comment")].tolist() == want["comment"].tolist()
    assert shown[text(lang, "comments.recommend")].tolist() == want["recommend"].tolist()
    assert HOSTILE in shown[text(lang, "comments.comment")].tolist()
    assert not any("198.51.100.7" in m or "<script>" in m for m in markdown_texts(at))
    # the detractors' terms: the table is metrics.text's, the chart has the same terms
    terms = comments.term_tables(want).distinguishing
    assert at.dataframe[1].value[text(lang, "comments.term")].tolist() == terms["term"].tolist()
    assert at.dataframe[1].value[text(lang, "comments.z")].round(6).tolist() == terms["z"].round(6).tolist()
    assert terms["term"][0] in at.get("vega_lite_chart")[0].proto.spec
    # a term's comments
    at.selectbox[0].set_value("作业").run()
    with_term = at.dataframe[3].value[text(lang, "comments.comment")].tolist()
    assert with_term == [HOSTILE, "作业太多了，讲得太快"]
    if lang == "en":
        return  # the codebook and tagging once (zh): the same widgets in either language
    # the codebook, tagging, the theme counts
    at.text_input(key="_tag_add_name").input("作业量")  # in a form: sent with the button
    at.button(key="_tag_add_button").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.selectbox(key="_tag_pick").value == int(want["response_id"][0])  # the first comment shown
    assert HOSTILE in [x.value for x in at.text]  # the comment in full, as text
    db = open_database(app_database)
    with db.session() as s:
        (tag,) = comments.codebook(s, store.default_workspace(s).id, survey_id)
    db.dispose()
    at.multiselect(key=f"_tag_set_{int(want['response_id'][0])}").set_value([tag.id]).run()
    at.button(key="_tag_save").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.dataframe[-1].value.columns.tolist()[1:] == ["w", text(lang, "comments.all")]  # by wave first
    at.selectbox(key="_comments_by").set_value("class").run()
    counts = at.dataframe[-1].value
    assert counts[text(lang, "comments.theme")].tolist() == ["作业量"]
    assert counts[["1班", "2班", text(lang, "comments.all")]].values.tolist() == [[1, 0, 1]]
    assert not any("198.51.100.7" in m for m in markdown_texts(at))
    # deleting the survey asks first, naming the themes that go with it
    surveys = open_page(at, "surveys")
    assert text(lang, "comments.delete_also", themes=1, follow_ups=0) in [w.value for w in surveys.warning]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_follow_up_page_lists_detractors_saves_a_status_and_the_nps_page_counts_it(app_database, survey_id, lang):
    at = page(lang, "manager", "follow_up", survey_id)
    listed = at.dataframe[0].value
    assert listed[text(lang, "followup.score")].tolist() == [1, 3, 5]
    assert listed[text(lang, "followup.contact")].tolist() == [
        "李雷 <li@example.edu>",
        text(lang, "followup.anonymous"),
        text(lang, "followup.anonymous"),  # personal data kept without consent is not shown
    ]
    assert HOSTILE in [x.value for x in at.text]
    assert not any("198.51.100.7" in m or "kept-without-consent" in m for m in markdown_texts(at))
    first = int(listed[text(lang, "comments.response")][0])
    at.radio(key=f"_followup_status_{first}").set_value("contacted")  # in a form: sent with the button
    at.text_area(key=f"_followup_note_{first}").input("<b>called</b>")
    at.button(key=f"_followup_save_{first}").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    listed = at.dataframe[0].value
    assert listed[text(lang, "followup.status")].tolist()[0] == text(lang, "followup.status_contacted")
    assert listed[text(lang, "followup.note")].tolist()[0] == "<b>called</b>"
    assert listed[text(lang, "followup.handled_by")].tolist()[0] == "test-manager"
    nps = open_page(at, "nps")
    line = text(lang, "nps.follow_up", detractors=3, contacted=1, resolved=0)
    assert line in [c.value for c in nps.caption]
