"""The questionnaire preview shows every question with its scale labels and checks required answers."""

from survey.i18n import text
from survey.storage import store
from survey.storage.db import open_database
from tests.pages.conftest import open_page


def test_preview_shows_each_question_with_scale_labels_and_stores_nothing(app, app_database):
    db = open_database(app_database)
    with db.session() as s:
        ws = store.default_workspace(s).id
        course = next(x for x in store.list_surveys(s, ws) if x.title_en.startswith("Course"))
        defn = store.load_definition(s, ws, store.current_version(s, ws, course.id).id)
        before = store.response_count(s, ws, course.id)
    app.session_state["survey_id"] = course.id
    at = open_page(app, "preview")
    scored = defn.scored_items
    scale = defn.scale(scored[0].scale)
    first = next(r for r in at.radio if r.key == f"preview_{course.id}_1_{scored[0].code}")
    assert first.options[-1] == text("en", "form.na") if scale.allow_na else True
    assert any(scale.label(scale.maximum, "en") in o for o in first.options)
    labels = []
    for _ in range(10):  # one section at a time, each question answered
        for radio in (r for r in at.radio if r.key and r.key.startswith("preview_")):
            labels.append(radio.label)
            radio.set_value(defn.scale(defn.node(radio.key.removeprefix(f"preview_{course.id}_1_")).scale).maximum)
        button = at.form_submit_button[-1]
        button.click().run()
        if button.label == text("en", "form.submit"):
            break
    assert len(labels) == len(scored)
    assert not at.exception and not at.error
    assert any(s.value == text("en", "form.preview_ok") for s in at.success)
    with db.session() as s:
        assert store.response_count(s, ws, course.id) == before
    db.dispose()
