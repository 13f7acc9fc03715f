"""A respondent opens /answer?s=<token>: answers on the questionnaire alone, in zh or en, and is thanked."""

from dataclasses import replace

import pytest
from streamlit.testing.v1 import AppTest

from survey import analysis, answering
from survey.design import templates
from survey.design.definition import COMMENT_MAX, Node
from survey.i18n import text
from survey.storage import store
from survey.storage.db import open_database
from tests.pages.conftest import ROOT
from ui.i18n import plain


@pytest.fixture
def course(app_database):
    """(database, workspace id, course survey id, link token) with the course survey open for answers."""
    db = open_database(app_database)
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey_id = next(x.id for x in store.list_surveys(s, ws) if x.title_en.startswith("Course"))
        token = answering.open_for_answers(s, ws, survey_id).link_token
        s.commit()
    yield db, ws, survey_id, token
    db.dispose()


def respondent(
    token: str, *, personal: str | None = None, lang: str | None = "en", fixed: str | None = None
) -> AppTest:
    """The app as a respondent's link opens it (nothing in the session yet); `fixed` a link's fixed values."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["s"] = token
    if personal:
        at.query_params["t"] = personal
    if fixed:
        at.query_params["f"] = fixed
    if lang:
        at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def press(at: AppTest, key: str, lang: str = "en") -> AppTest:
    """Click the questionnaire's button labelled `key` (form.next, form.previous, form.submit)."""
    next(b for b in at.form_submit_button if b.label == text(lang, key)).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def to_last_section(at: AppTest, lang: str = "en") -> AppTest:
    for _ in range(12):  # the course has 7 sections
        if not any(b.label == text(lang, "form.next") for b in at.form_submit_button):
            return at
        press(at, "form.next", lang)
    raise AssertionError("Next does not reach the last section: " + str([x.value for x in at.error]))


def answer_some(at: AppTest, lang: str | None = None) -> AppTest:
    """The first three questions on 5, Next through the sections, "Class 2" as the class, Submit."""
    lang = lang or (
        "zh" if at.form_submit_button[0].label in (text("zh", "form.next"), text("zh", "form.submit")) else "en"
    )
    questions = [r for r in at.radio if r.key and r.key.startswith("answer_")]
    for radio in questions[:3]:  # the course's first questions, on a 1–5 scale
        radio.set_value(5)
    to_last_section(at, lang)
    next(x for x in at.text_input if x.key.endswith("_class")).input("Class 2")
    return press(at, "form.submit", lang)


def responses(db, ws, survey_id) -> int:
    with db.session() as s:
        return store.response_count(s, ws, survey_id)


def test_a_respondent_answers_sees_thanks_and_cannot_send_it_twice(course):
    db, ws, survey_id, token = course
    before = responses(db, ws, survey_id)
    at = respondent(token)
    assert at.header[0].value == plain("Course satisfaction survey (demo)")  # (the title as typed: "\\(")
    assert not at.sidebar.children  # no staff navigation, no staff controls
    answer_some(at)
    assert [x.value for x in at.success] == [text("en", "answer.thanks")]
    assert not at.error and not at.form_submit_button  # the form is gone
    assert responses(db, ws, survey_id) == before + 1
    with db.session() as s:
        newest = store.responses_frame(s, ws, survey_id).iloc[-1]
    assert newest["class"] == "Class 2" and newest["useful_p"] == 5.0
    at.run()  # the same browser session again: still thanked, nothing stored
    assert [x.value for x in at.success] == [text("en", "answer.thanks")]
    assert responses(db, ws, survey_id) == before + 1


def test_the_link_opens_in_chinese_and_switches_to_english(course):
    token = course[3]
    at = respondent(token, lang=None)
    assert at.header[0].value == "课程满意度调查（示例）"
    assert at.form_submit_button[0].label == text("zh", "form.next")
    at.radio(key="_answer_lang").set_value("en").run()
    assert at.header[0].value == plain("Course satisfaction survey (demo)")  # (the title as typed: "\\(")
    assert at.form_submit_button[0].label == text("en", "form.next")
    assert at.query_params["lang"] in ("en", ["en"])  # a reload keeps the language


def test_a_closed_survey_refuses_with_a_clear_message(course):
    db, ws, survey_id, token = course
    at = respondent(token)  # the form is on the screen when the survey closes
    with db.session() as s:
        answering.close_for_answers(s, ws, survey_id)
        s.commit()
    before = responses(db, ws, survey_id)
    press(at, "form.next")  # the next section already says so
    assert [x.value for x in at.error] == [text("en", "answer.closed")]
    assert responses(db, ws, survey_id) == before
    at = respondent(token, lang="zh")
    assert [x.value for x in at.error] == [text("zh", "answer.closed")]
    assert not at.form_submit_button


def test_an_unknown_link_says_so_and_shows_no_questionnaire(course):
    at = respondent("no-such-link")
    assert [x.value for x in at.error] == [text("en", "answer.unknown_link")]
    assert not at.form_submit_button and not at.sidebar.children


def test_one_answer_per_personal_link(course):
    db, ws, survey_id, token = course
    with db.session() as s:
        answering.set_one_answer_per_token(s, ws, survey_id, True)
        personal = answering.create_personal_links(s, ws, survey_id, 2)
        s.commit()
    assert [x.value for x in respondent(token).error] == [text("en", "answer.token_needed")]
    assert [x.value for x in respondent(token, personal="guessed").error] == [text("en", "answer.token_unknown")]
    before = responses(db, ws, survey_id)
    answer_some(respondent(token, personal=personal[0]))
    assert responses(db, ws, survey_id) == before + 1
    again = respondent(token, personal=personal[0])  # another browser, the same personal link
    assert [x.value for x in again.error] == [text("en", "answer.token_used")]
    assert not again.form_submit_button
    with db.session() as s:
        assert [x.answered for x in answering.personal_links(s, ws, survey_id)] == [True, False]


# --- open-text comments -------------------------------------------------------------------------------------

COMMENT = Node("comment", "item", "其他意见和建议", "Any other comments?", role="comment")


@pytest.fixture
def with_comment(app_database):
    """(database, workspace id, survey id, link token, version id) of a course survey with a comment, open."""
    defn = templates.build("course")
    defn = replace(defn, title_en="Course with comments", nodes=(*defn.nodes, COMMENT))
    db = open_database(app_database)
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey_id = store.create_survey(s, ws, defn).id
        token = answering.open_for_answers(s, ws, survey_id).link_token
        version_id = store.current_version(s, ws, survey_id).id
        s.commit()
    yield db, ws, survey_id, token, version_id
    db.dispose()


def comment_box(at: AppTest, version_id: int, lang: str = "en"):
    """The comment's box, Next pressed until its section (the other questions) is shown."""
    key = f"answer_{version_id}_comment"
    for _ in range(8):
        if any(x.key == key for x in at.text_area):
            return at.text_area(key=key)
        press(at, "form.next", lang)
    raise AssertionError("no comment box")


def test_a_respondent_writes_a_comment_and_it_is_stored_as_written(with_comment):
    db, ws, survey_id, token, version_id = with_comment
    at = respondent(token)
    box = comment_box(at, version_id)
    assert box.label == plain("Any other comments?") and box.help == text("en", "form.comment_help", limit=COMMENT_MAX)
    written = 'Great course, but "too much" homework;\n第二行：希望减少作业，谢谢！\n' + "很好" * 1500
    box.input(written)
    answer_some(at)
    assert [x.value for x in at.success] == [text("en", "answer.thanks")]
    with db.session() as s:
        frame = store.responses_frame(s, ws, survey_id)
        defn = store.load_definition(s, ws, version_id)
    assert frame["comment"].tolist() == [written] and frame["class"].tolist() == ["Class 2"]
    assert "comment" not in analysis.analysis_inputs(defn).segment_fields


@pytest.mark.parametrize("lang, item", [("zh", "其他意见和建议"), ("en", "Any other comments?")])
def test_control_characters_in_a_comment_are_taken_out_and_the_respondent_is_told(with_comment, lang, item):
    db, ws, survey_id, token, version_id = with_comment
    at = respondent(token, lang=lang)
    comment_box(at, version_id, lang).input("Bell\x07 and unit\x1f separator, cafe\u0301\ufffe")  # pasted
    answer_some(at, lang)
    assert [x.value for x in at.success] == [text(lang, "answer.thanks")]
    assert [x.value for x in at.info] == [text(lang, "form.characters_removed", count=3, items=plain(item))]
    with db.session() as s:
        assert store.responses_frame(s, ws, survey_id)["comment"].tolist() == ["Bell and unit separator, caf\u00e9"]


def test_a_comment_beyond_the_limit_is_refused_in_the_respondents_language(with_comment):
    db, ws, survey_id, token, version_id = with_comment
    at = respondent(token, lang="zh")
    too_long = "长" * (COMMENT_MAX + 1)
    comment_box(at, version_id, "zh").input(too_long)  # never cut: the respondent is told and keeps the text
    press(at, "form.next", "zh")
    assert [x.value for x in at.error] == [text("zh", "answer.too_long", item="其他意见和建议", limit=COMMENT_MAX)]
    assert responses(db, ws, survey_id) == 0 and comment_box(at, version_id, "zh").value == too_long
    comment_box(at, version_id, "zh").input(too_long[:COMMENT_MAX])
    answer_some(at, "zh")
    assert [x.value for x in at.success] == [text("zh", "answer.thanks")]
    with db.session() as s:
        assert store.responses_frame(s, ws, survey_id)["comment"].tolist() == [too_long[:COMMENT_MAX]]


def shown_in_order(at: AppTest) -> list:
    """The main area's elements top to bottom."""
    return [x for x in at.main if not hasattr(x, "children")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sections_one_at_a_time_with_the_required_question_marked_where_it_is(app_database, lang):
    defn = templates.build("course")
    nodes = [replace(n, required=True) if n.code in ("current_p", "nps") else n for n in defn.nodes]
    defn = replace(defn, nodes=(*nodes, replace(COMMENT, required=True)))
    db = open_database(app_database)
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey_id = store.create_survey(s, ws, defn).id
        token = answering.open_for_answers(s, ws, survey_id).link_token
        version = store.current_version(s, ws, survey_id).id
        s.commit()
    at = respondent(token, lang=lang)
    assert at.get("progress")[0].proto.text == text(lang, "form.section_of", n=1, total=7)
    at.radio(key=f"answer_{version}_useful_p").set_value(4)
    press(at, "form.next", lang)  # the required "current_p" left out: the same section, the error under it
    question = at.radio(key=f"answer_{version}_current_p")
    order = shown_in_order(at)
    assert order[order.index(question) + 1].value == text(lang, "form.answer_this")
    assert at.get("progress")[0].proto.text == text(lang, "form.section_of", n=1, total=7)
    question.set_value(3)
    press(at, "form.next", lang)
    assert at.get("progress")[0].proto.text == text(lang, "form.section_of", n=2, total=7) and not at.error
    press(at, "form.previous", lang)  # the answers are kept across sections
    assert (
        at.radio(key=f"answer_{version}_useful_p").value == 4 and at.radio(key=f"answer_{version}_current_p").value == 3
    )
    nps = None
    for _ in range(5):
        press(at, "form.next", lang)
        if any(r.key == f"answer_{version}_nps" for r in at.radio):
            nps = at.radio(key=f"answer_{version}_nps")
            break
    assert nps.options == [str(v) for v in range(11)]  # one row of 0–10, no "not applicable"
    assert text(lang, "form.na") in at.radio(key=f"answer_{version}_overall").options  # kept where offered
    nps.set_value(9)
    at.text_area(key=f"answer_{version}_comment").input("ok")
    to_last_section(at, lang)
    press(at, "form.submit", lang)
    assert [x.value for x in at.success] == [text(lang, "answer.thanks")]
    with db.session() as s:
        row = store.responses_frame(s, ws, survey_id).iloc[-1]
    assert (row["useful_p"], row["current_p"], row["nps"]) == (4.0, 3.0, 9.0)
    db.dispose()
