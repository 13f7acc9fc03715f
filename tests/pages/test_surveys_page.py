"""The Surveys page, driven as a user would in AppTest."""

from streamlit.testing.v1 import AppTest

from survey.i18n import text
from survey.storage import store
from survey.storage.db import open_database
from tests.pages.conftest import make_app, open_page
from ui.i18n import plain


def surveys_in(url):
    db = open_database(url)
    with db.session() as s:
        found = store.list_surveys(s, store.default_workspace(s).id)
    db.dispose()
    return found


def test_the_demo_surveys_are_listed_on_first_start(app, app_database):
    at = open_page(app, "surveys")
    table = at.dataframe[0].value
    titles = table[text("en", "surveys.col.title")].tolist()
    assert "ECSI mobile phone satisfaction (demo data)" in titles
    assert len(titles) == 3
    responses = dict(zip(titles, table[text("en", "common.responses")]))
    assert responses["ECSI mobile phone satisfaction (demo data)"] == 250


def test_language_switch(app_database):
    at = make_app("zh")
    at = open_page(at, "surveys")
    assert at.title[0].value == text("zh", "surveys.title")
    at.sidebar.radio[0].set_value("en").run()
    assert at.title[0].value == text("en", "surveys.title")
    at.switch_page("pages/designer.py").run()
    assert at.title[0].value == text("en", "designer.title")  # the choice is kept across pages


def test_create_a_survey_from_a_template(app: AppTest, app_database):
    at = open_page(app, "surveys")
    at.selectbox(key="new_template").set_value("servqual").run()
    at.button[0].click().run()
    assert not at.exception
    created = [x for x in surveys_in(app_database) if x.template == "servqual"]
    assert len(created) == 1 and created[0].responses == 0
    assert any("SERVQUAL" in s.value for s in at.success)


def test_rename_persists(app: AppTest, app_database):
    at = open_page(app, "surveys")
    first = surveys_in(app_database)[0]
    at.selectbox(key="manage_survey").set_value(first.id).run()
    at.text_input[-1].set_value("Renamed in a test")
    at.text_input[-2].set_value("测试改名")
    at.form_submit_button[0].click().run()
    assert not at.exception
    renamed = next(x for x in surveys_in(app_database) if x.id == first.id)
    assert (renamed.title_zh, renamed.title_en) == ("测试改名", "Renamed in a test")


def test_delete_needs_confirmation_and_says_how_many_responses_go(app: AppTest, app_database):
    ecsi = next(x for x in surveys_in(app_database) if x.responses == 250)
    at = open_page(app, "surveys")
    at.selectbox(key="manage_survey").set_value(ecsi.id).run()
    assert any("250" in w.value for w in at.warning)
    delete = at.button(key=f"delete_{ecsi.id}")
    assert delete.disabled
    at.checkbox(key=f"delete_confirm_{ecsi.id}").check().run()
    at.button(key=f"delete_{ecsi.id}").click().run()
    assert not at.exception
    assert ecsi.id not in [x.id for x in surveys_in(app_database)]
    assert any("250" in s.value for s in at.success)


def test_archive_hides_the_survey_from_the_list(app: AppTest, app_database):
    first = surveys_in(app_database)[0]
    at = open_page(app, "surveys")
    at.selectbox(key="manage_survey").set_value(first.id).run()
    at.button(key=f"archive_{first.id}").click().run()
    assert next(x for x in surveys_in(app_database) if x.id == first.id).archived
    titles = at.dataframe[0].value[text("en", "surveys.col.title")].tolist()
    assert first.title_en not in titles and len(titles) == 2


def test_duplicate_makes_an_empty_copy(app: AppTest, app_database):
    ecsi = next(x for x in surveys_in(app_database) if x.responses == 250)
    at = open_page(app, "surveys")
    at.selectbox(key="manage_survey").set_value(ecsi.id).run()
    at.button(key=f"duplicate_{ecsi.id}").click().run()
    copies = [x for x in surveys_in(app_database) if x.title_en == ecsi.title_en + " (copy)"]
    assert len(copies) == 1 and copies[0].responses == 0


def test_the_definition_downloads_as_json(app: AppTest, app_database):
    first = surveys_in(app_database)[0]
    at = open_page(app, "surveys")
    at.selectbox(key="manage_survey").set_value(first.id).run()
    labels = [b.proto.label for b in at.get("download_button")]
    assert text("en", "surveys.export") in labels


def test_a_definition_file_imports_as_a_new_survey(app: AppTest, app_database):
    from survey.design import definition_file, templates

    at = open_page(app, "surveys")
    data = definition_file.dump(templates.build("canteen"))
    at.file_uploader(key="definition_upload").upload("canteen.json", data, "application/json").run()
    at.button(key="definition_import").click().run()
    assert not at.exception and not at.error
    assert [x.template for x in surveys_in(app_database)].count("canteen") == 1


def test_a_hostile_definition_file_is_refused_with_reasons_and_nothing_written(app: AppTest, app_database):
    at = open_page(app, "surveys")
    before = surveys_in(app_database)
    bad = b'{"format": "satisfaction-survey", "version": 1, "title_zh": 5, "nodes": "DROP TABLE survey"}'
    at.file_uploader(key="definition_upload").upload("bad.json", bad, "application/json").run()
    at.button(key="definition_import").click().run()
    assert not at.exception
    assert at.error and at.error[0].value.startswith(text("en", "surveys.import_refused"))
    assert plain("title_zh") in at.error[0].value  # (a place in the file, as typed)
    assert surveys_in(app_database) == before


def test_two_surveys_of_the_same_title_each_open_themselves_and_are_told_apart(app: AppTest, app_database):
    at = open_page(app, "surveys")
    first = surveys_in(app_database)[0]
    at.selectbox(key="manage_survey").set_value(first.id).run()
    at.button(key=f"duplicate_{first.id}").click().run()
    copy = max(x.id for x in surveys_in(app_database))
    at.selectbox(key="manage_survey").set_value(copy).run()
    at.text_input[-1].set_value(first.title_en)  # the copy renamed to the original's title
    at.text_input[-2].set_value(first.title_zh)
    at.form_submit_button[0].click().run()
    assert not at.exception
    twins = [x for x in surveys_in(app_database) if x.title_en == first.title_en]
    assert sorted(x.id for x in twins) == sorted([first.id, copy])
    for survey_id in (copy, first.id):  # each twin can be chosen, and the page then works on it
        at.selectbox(key="manage_survey").set_value(survey_id).run()
        assert at.selectbox(key="manage_survey").value == survey_id
        assert at.session_state["survey_id"] == survey_id
        shown = at.selectbox(key="manage_survey").format_func(survey_id)
        assert f"#{survey_id}" in shown
    at.switch_page("pages/designer.py").run()
    picker = at.selectbox[0]
    picker.set_value(copy).run()
    assert at.selectbox[0].value == copy and not at.exception
