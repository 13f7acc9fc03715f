"""Attribute choice lists and links with fixed values, on SQLite and PostgreSQL: kept with each version,
enforced on answers, carried into responses; the 0009 tables and what removing a survey does to them."""

from dataclasses import replace

import pytest
from sqlalchemy import text

from survey import answering, fixed_links, surveys
from survey.access import accounts
from survey.answering import AnswerRefused
from survey.design.definition import Choice
from survey.importing.importer import import_file
from survey.storage import choices, store
from survey.storage import tables as t
from survey.storage.db import make_engine, migrate, open_database
from tests.db.test_answering import GOOD, survey_definition

CLASSES = (Choice("1班", "一班", "Class 1"), Choice("2班", "二班", "Class 2"))


@pytest.fixture
def coordinator(db, ws):
    with db.session() as s:
        account = accounts.create_account(s, "lin", "long-enough-password")
        accounts.set_role(s, account.id, ws, "coordinator")
        s.commit()
        return accounts.signed_in(account)


@pytest.fixture
def survey_with_classes(db, ws, coordinator):
    """The id of a survey whose "class" attribute offers two classes, open for answers (its link token)."""
    with db.session() as s:
        survey_id = store.create_survey(s, ws, survey_definition()).id
        s.commit()
    defn = survey_definition()
    defn = replace(defn, nodes=tuple(replace(n, choices=CLASSES) if n.code == "class" else n for n in defn.nodes))
    surveys.edit_survey(db, coordinator, ws, survey_id, defn, lang="zh")
    return survey_id, answering.open_link(db, coordinator, ws, survey_id).link_token


def current(db, ws, survey_id):
    with db.session() as s:
        return choices.load_definition(s, ws, store.current_version(s, ws, survey_id).id)


def test_choices_are_kept_with_the_version_and_follow_a_new_version_and_a_copy(
    db, ws, coordinator, survey_with_classes
):
    survey_id, link = survey_with_classes
    assert current(db, ws, survey_id).node("class").choices == CLASSES
    answering.send_answer(db, link, GOOD, {"class": "2班"})
    defn = current(db, ws, survey_id)
    more = replace(defn, nodes=(*defn.nodes, replace(defn.node("wave"), code="group", label_en="Group")))
    assert surveys.edit_survey(db, coordinator, ws, survey_id, more, lang="zh").new_version  # answered: version 2
    with db.session() as s:
        first, second = (v.id for v in store.get_survey(s, ws, survey_id).versions)
        assert choices.load_definition(s, ws, first).node("class").choices == CLASSES  # the old version keeps them
        assert choices.load_definition(s, ws, second).node("class").choices == CLASSES
    copy = surveys.copy_survey(db, coordinator, ws, survey_id, lang="zh")
    assert current(db, ws, copy.id).node("class").choices == CLASSES

    # a file's "Class 2" is filed under the choice's value; "3班" is refused, named, nothing stored
    columns = {"clear": "clear", "pace": "pace", "again": "again", "class": "class"}
    good = b"clear,pace,again,class\n4,3,1,Class 2\n"
    assert import_file(db, ws, survey_id, good, "a.csv", columns=columns).rows_imported == 1
    bad = "clear,pace,again,class\n4,3,1,Class 2\n5,5,1,3班\n".encode()
    refused = import_file(db, ws, survey_id, bad, "b.csv", columns=columns)
    assert refused.rows_imported == 0
    assert [(p.row, p.column, p.value, p.message) for p in refused.problems] == [(3, "class", "3班", "imp.choice_bad")]
    with db.session() as s:
        assert store.responses_frame(s, ws, survey_id, [second])["class"].tolist() == ["2班"]


def test_an_answer_takes_one_of_the_choices_and_a_fixed_link_fills_them_over_what_the_form_sends(
    db, ws, coordinator, survey_with_classes
):
    survey_id, link = survey_with_classes
    with pytest.raises(AnswerRefused) as refused:
        answering.send_answer(db, link, GOOD, {"class": "Class 1"})  # a label is not the value
    assert refused.value.ids == ["answer.choice_bad"]
    with pytest.raises(fixed_links.FixedLinkError, match="links.fixed_bad"):
        fixed_links.make_fixed_link(db, coordinator, ws, survey_id, {"class": "3班"}, lang="zh")
    with pytest.raises(fixed_links.FixedLinkError, match="links.fixed_nothing"):
        fixed_links.make_fixed_link(db, coordinator, ws, survey_id, {"class": "", "wave": " "}, lang="zh")
    token = fixed_links.make_fixed_link(db, coordinator, ws, survey_id, {"class": "2班", "wave": " 期中 "}, lang="zh")
    url = answering.answer_url("https://x.cn", link, fixed_token=token)
    assert url == f"https://x.cn/answer?s={link}&f={token}"  # the values themselves stay on the server
    answering.send_answer(db, link, GOOD, {"class": "1班"}, fixed_token=token)  # the form cannot change them
    with pytest.raises(AnswerRefused) as refused:
        answering.send_answer(db, link, GOOD, {"class": "1班"}, fixed_token="made-up")
    assert refused.value.ids == ["answer.fixed_unknown"]
    with db.session() as s:
        frame = store.responses_frame(s, ws, survey_id)
        assert frame[["class", "wave"]].values.tolist() == [["2班", "期中"]]  # the refused answer is not stored
        assert [link.values for link in fixed_links.fixed_links(s, ws, survey_id)] == [{"class": "2班", "wave": "期中"}]


def test_the_0009_tables_come_with_their_rows_and_go_with_their_survey(database_url):
    engine = make_engine(database_url)
    migrate(engine, "0004")
    with engine.begin() as c:
        c.execute(
            text("INSERT INTO workspace (id, name, kind, created_at) VALUES (1, 'w', 'class', CURRENT_TIMESTAMP)")
        )
        c.execute(
            text(
                "INSERT INTO survey (id, workspace_id, title_zh, title_en, archived, created_at, updated_at) "
                "VALUES (1, 1, '课程', 'Course', false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
        c.execute(
            text(
                "INSERT INTO survey_version (id, workspace_id, survey_id, number, description_zh, description_en, "
                "weight_rules, created_at, accepting_answers, one_answer_per_token) "
                "VALUES (1, 1, 1, 1, '', '', '[]', CURRENT_TIMESTAMP, false, false)"
            )
        )
    migrate(engine)
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO attribute_choice "
                "(workspace_id, version_id, item_code, position, value, label_zh, label_en) "
                "VALUES (1, 1, 'class', 0, '1班', '一班', 'Class 1')"
            )
        )
        c.execute(
            text(
                'INSERT INTO fixed_link (workspace_id, survey_id, token, "values", created_at) '
                "VALUES (1, 1, 'tok', '{\"class\": \"1班\"}', CURRENT_TIMESTAMP)"
            )
        )
        assert c.execute(text("SELECT title_zh FROM survey")).scalar() == "课程"  # the earlier rows are there
    db = open_database(database_url)
    with db.session() as s:
        store.delete_survey(s, 1, 1)
        s.commit()
        assert s.query(t.AttributeChoice).count() == 0 and s.query(t.FixedLink).count() == 0
    db.dispose()
    engine.dispose()
