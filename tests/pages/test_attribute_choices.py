"""Respondent attributes with choice lists and links with fixed values, as a coordinator and a respondent
see them: a list to choose from instead of a box to type in; a link for one class that asks nothing
about the class and files every answer under it."""

from dataclasses import replace

import pytest

from survey import answering, fixed_links
from survey.design.definition import Choice
from survey.i18n import text
from survey.storage import choices, store
from survey.storage.db import open_database
from tests.pages.conftest import make_app, open_page
from tests.pages.test_answer_page import respondent
from ui.i18n import plain

CLASSES = (Choice("1班", "一班", "Class 1"), Choice("2班", "二班", "Class 2"))


@pytest.fixture
def course(app_database):
    """(database, workspace id, course survey id, link token) with the course's class attribute offering
    two classes, open for answers."""
    db = open_database(app_database)
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey_id = next(x.id for x in store.list_surveys(s, ws) if x.title_en.startswith("Course"))
        version_id = store.current_version(s, ws, survey_id).id
        defn = store.load_definition(s, ws, version_id)
        defn = replace(defn, nodes=tuple(replace(n, choices=CLASSES) if n.code == "class" else n for n in defn.nodes))
        choices.save_choices(s, ws, version_id, defn)
        token = answering.open_for_answers(s, ws, survey_id).link_token
        s.commit()
    yield db, ws, survey_id, token
    db.dispose()


def newest(db, ws, survey_id):
    with db.session() as s:
        return store.responses_frame(s, ws, survey_id).iloc[-1]


def press(at, lang: str, key: str):
    next(b for b in at.form_submit_button if b.label == text(lang, key)).click().run()


def through_sections(at, lang: str, *, until=lambda at: False):
    """Answer each section's scale questions and go on (Next) until `until(at)` or the last section."""
    for _ in range(12):
        if until(at) or not any(b.label == text(lang, "form.next") for b in at.form_submit_button):
            return at
        for radio in [r for r in at.radio if r.key and r.key.startswith("answer_")]:
            radio.set_value(5)
        press(at, lang, "form.next")
    raise AssertionError("the questionnaire never reached its last section")


def class_boxes(at):
    return [b for b in at.selectbox if b.key and b.key.endswith("_class")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_respondent_chooses_the_class_and_a_class_link_asks_nothing_about_it(course, lang):
    db, ws, survey_id, token = course
    at = through_sections(respondent(token, lang=lang), lang, until=lambda at: bool(class_boxes(at)))
    (box,) = class_boxes(at)  # in the section about the respondent
    assert box.options == [c.label(lang) for c in CLASSES]  # chosen from a list, in the respondent's language
    assert not any(x.key and x.key.endswith("_class") for x in at.text_input)
    box.set_value("2班")
    press(through_sections(at, lang), lang, "form.submit")
    assert [x.value for x in at.success] == [text(lang, "answer.thanks")]
    assert newest(db, ws, survey_id)["class"] == "2班"

    # the coordinator makes a link for class 1 on the links page
    staff = make_app(lang)
    staff.session_state["survey_id"] = survey_id
    staff = open_page(staff, "links")
    staff.selectbox(key=f"fixed_{survey_id}_class").set_value("1班")
    staff.button(key=f"fixed_create_{survey_id}").click().run()
    assert not staff.exception and not staff.error, [e.value for e in staff.error]
    label = next(n for n in choices_of(db, ws, survey_id) if n.code == "class").label(lang)
    made = text(lang, "links.fixed_created", values=plain(f"{label}={CLASSES[0].label(lang)}"))
    assert made in [x.value for x in staff.success]
    with db.session() as s:
        (link,) = fixed_links.fixed_links(s, ws, survey_id)
    assert any(c.value.endswith(f"&f={link.token}") for c in staff.code)  # the link (and its QR code) carry it

    at = respondent(token, lang=lang, fixed=link.token)
    seen = []
    at = through_sections(at, lang, until=lambda at: seen.append(class_boxes(at)) or False)
    assert not any(seen) and not any(x.key and x.key.endswith("_class") for x in at.text_input)  # hidden
    press(at, lang, "form.submit")
    assert [x.value for x in at.success] == [text(lang, "answer.thanks")]
    assert newest(db, ws, survey_id)["class"] == "1班"


def choices_of(db, ws, survey_id):
    with db.session() as s:
        return choices.load_definition(s, ws, store.current_version(s, ws, survey_id).id).items
