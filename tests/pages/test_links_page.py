"""Staff open a survey for answers on the links page: link, QR code, one answer per personal link, counts."""

import pytest

from survey import answering
from survey.access import audit
from survey.i18n import text
from survey.storage import store
from survey.storage.db import open_database
from tests.pages.conftest import open_page


@pytest.fixture
def course(app, app_database):
    """(app on the links page with the course survey chosen, database, workspace id, survey id)."""
    db = open_database(app_database)
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey_id = next(x.id for x in store.list_surveys(s, ws) if x.title_en.startswith("Course"))
    app.session_state["survey_id"] = survey_id
    yield open_page(app, "links"), db, ws, survey_id
    db.dispose()


def state(db, ws, survey_id) -> answering.LinkState:
    with db.session() as s:
        return answering.link_state(s, ws, survey_id)


def test_open_shows_the_link_and_its_qr_code_then_close(course):
    at, db, ws, survey_id = course
    assert at.info[0].value == text("en", "links.state_never")
    assert not at.code  # no link before the survey is opened
    at.button(key=f"open_{survey_id}").click().run()
    opened = state(db, ws, survey_id)
    assert opened.is_open
    assert [x.value for x in at.success] == [text("en", "links.state_open", version=1)]
    assert at.code[0].value == f"http://localhost:8501/answer?s={opened.link_token}"
    assert at.image[0].captions == [text("en", "links.qr_caption")]  # the QR code
    assert [x.label for x in at.get("download_button")] == [text("en", "links.qr_download")]
    answers = at.metric[0]
    assert (answers.label, answers.value) == (text("en", "links.answers", version=1), str(opened.answers))

    at.button(key=f"close_{survey_id}").click().run()
    assert not state(db, ws, survey_id).is_open
    assert text("en", "links.state_closed") in [x.value for x in at.warning]
    assert at.code[0].value.endswith(opened.link_token)  # the same link, for reopening


def test_one_answer_per_personal_link_and_personal_links_as_csv(course):
    at, db, ws, survey_id = course
    at.button(key=f"open_{survey_id}").click().run()
    at.toggle[0].set_value(True).run()
    assert state(db, ws, survey_id).one_answer_per_token
    assert text("en", "links.one_per_token_no_links") in [x.value for x in at.warning]
    at.number_input[0].set_value(5).run()
    at.button(key=f"personal_{survey_id}").click().run()
    assert text("en", "links.personal_created", count=5) in [x.value for x in at.success]
    current = state(db, ws, survey_id)
    assert (current.personal_links, current.personal_answered) == (5, 0)
    assert at.metric[1].value == "0 / 5"
    assert text("en", "links.personal_download") in [x.label for x in at.get("download_button")]
    at.toggle[0].set_value(False).run()
    assert not state(db, ws, survey_id).one_answer_per_token
    with db.session() as s:
        log = [(e.action, e.detail) for e in reversed(audit.entries(s))]
    assert log == [
        ("link_open", {"version": 1}),
        ("link_setting", {"one_answer_per_token": True}),
        ("personal_links", {"count": 5}),
        ("link_setting", {"one_answer_per_token": False}),
    ]


def test_the_base_address_can_be_changed_and_a_bad_one_is_explained(course):
    at, db, ws, survey_id = course
    at.button(key=f"open_{survey_id}").click().run()
    warning = text("en", "qr.only_this_computer", env="SURVEY_PUBLIC_URL")
    assert warning in [w.value for w in at.warning]  # localhost: phones scanning the code would reach nothing
    at.text_input(key="links_base_url").input("https://survey.example.edu/app/").run()
    token = state(db, ws, survey_id).link_token
    assert at.code[0].value == f"https://survey.example.edu/app/answer?s={token}"
    assert warning not in [w.value for w in at.warning]
    at.text_input(key="links_base_url").input("survey.example.edu").run()
    assert [x.value for x in at.error] == [text("en", "links.base_url_bad", url="survey.example.edu")]
    assert not at.code


def test_the_page_is_in_chinese_too(course):
    at, *_ = course
    at.session_state["lang"] = "zh"
    at.run()
    assert at.title[0].value == text("zh", "links.title")
    assert at.info[0].value == text("zh", "links.state_never")
