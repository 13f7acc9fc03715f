"""Comments' themes and detractor follow-ups on SQLite and PostgreSQL: the codebook, tagging, follow-up
status, their audit entries, who may do them, and that deleting a survey takes them with it."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sqlalchemy as sa

from survey import analysis, comments
from survey.access import accounts
from survey.access import audit as audit_log
from survey.design.definition import Node
from survey.storage import store
from survey.storage import tables as tb
from tests.survey.importing_example import course_survey

COMMENT = Node("comment", "item", "其他意见和建议", "Any other comments?", role="comment")
ROWS = [  # (nps, class, comment, meta)
    (2, "1班", "作业太多了，老师讲得太快", {"email": "li@example.edu", "name": "李雷", comments.CONSENT_KEY: True}),
    (5, "2班", "homework is too much", {"email": "kept@example.edu"}),  # kept without consent: anonymous
    (10, "1班", "老师讲得很清楚", {}),
    (9, "2班", "great teacher", {}),
    (8, "1班", "", {}),
]


@pytest.fixture
def survey_id(db, ws) -> int:
    defn = course_survey()
    defn = replace(defn, nodes=(*(replace(n, required=False) for n in defn.nodes), COMMENT))
    with db.session() as s:
        sid = store.create_survey(s, ws, defn).id
        version = store.current_version(s, ws, sid).id
        rows = [
            {"answers": {"nps": n}, "attributes": {"class": c} | ({"comment": x} if x else {}), "wave": "w", "meta": m}
            for n, c, x, m in ROWS
        ]
        store.add_responses(s, ws, version, rows)
        s.commit()
        return sid


def person(db, ws, username: str, role: str | None) -> accounts.SignedIn:
    with db.session() as s:
        account = accounts.create_account(s, username, "correct horse battery", is_admin=role is None)
        if role:
            accounts.set_role(s, account.id, ws, role)
        s.commit()
        return accounts.signed_in(account)


def frame_of(db, ws, sid):
    with db.session() as s:
        frame = store.responses_frame(s, ws, sid)
        defn = store.load_definition(s, ws, store.current_version(s, ws, sid).id)
    return frame, analysis.analysis_inputs(defn)


def actions(db, ws) -> list[tuple[str, dict]]:
    with db.session() as s:
        return [(e.action, e.detail) for e in reversed(audit_log.entries(s, workspace_id=ws))]


def test_a_coordinator_keeps_a_codebook_and_tags_comments_with_it(db, ws, survey_id):
    who = person(db, ws, "coord", "coordinator")
    workload = comments.add_tag(db, who, ws, survey_id, "  作业量 ", lang="zh")
    pace = comments.add_tag(db, who, ws, survey_id, "pace", lang="en")
    with pytest.raises(comments.CommentError) as refused:
        comments.add_tag(db, who, ws, survey_id, "作业量", lang="zh")
    assert refused.value.message == "comments.tag_exists"
    comments.rename_tag(db, who, ws, pace, "节奏", lang="zh")
    frame, inputs = frame_of(db, ws, survey_id)
    first, second = (int(r) for r in frame["response_id"][:2])
    added = comments.set_comment_tags(db, who, ws, first, "comment", [workload, pace], lang="zh")
    assert added == (["作业量", "节奏"], [])
    assert comments.tag_comment(db, who, ws, second, "comment", workload, lang="zh") is True
    assert comments.tag_comment(db, who, ws, second, "comment", workload, lang="zh") is False
    with db.session() as s:
        assert [(x.name, x.uses) for x in comments.codebook(s, ws, survey_id)] == [("作业量", 2), ("节奏", 1)]
        tags = comments.taggings(s, ws, survey_id)
    table = comments.comments_table(inputs, frame, "comment", tags=tags)
    assert table["tags"].tolist() == ["作业量, 节奏", "作业量", "", ""]
    counts = comments.theme_counts(table, ["作业量", "节奏"], "class")
    assert counts.to_dict("records") == [
        {"theme": "作业量", "1班": 1, "2班": 1, comments.ALL: 2},
        {"theme": "节奏", "1班": 1, "2班": 0, comments.ALL: 1},
    ]
    # deleting a theme takes it off its comments; the comments stay
    assert comments.untag_comment(db, who, ws, first, "comment", pace, lang="zh") is True
    assert comments.delete_tag(db, who, ws, workload, lang="zh") == 2
    with db.session() as s:
        assert comments.taggings(s, ws, survey_id) == {}
    assert len(comments.comments_table(inputs, frame_of(db, ws, survey_id)[0], "comment")) == 4
    assert [a for a, _ in actions(db, ws) if a.startswith("comment_")] == [
        "comment_tag_add",
        "comment_tag_add",
        "comment_tag_rename",
        "comment_tagged",
        "comment_tagged",
        "comment_tagged",
        "comment_untagged",
        "comment_tag_delete",
    ]
    assert actions(db, ws)[-1][1] == {"tag": "作业量", "comments": 2}


def test_a_role_that_may_not_tag_or_follow_up_is_refused_and_nothing_is_written(db, ws, survey_id):
    student = person(db, ws, "stud", "student")
    coordinator = person(db, ws, "coord", "coordinator")
    tag = comments.add_tag(db, coordinator, ws, survey_id, "pace", lang="en")
    frame, _ = frame_of(db, ws, survey_id)
    first = int(frame["response_id"][0])
    before = actions(db, ws)
    for attempt in (
        lambda: comments.add_tag(db, student, ws, survey_id, "x", lang="en"),
        lambda: comments.delete_tag(db, student, ws, tag, lang="en"),
        lambda: comments.set_comment_tags(db, student, ws, first, "comment", [tag], lang="en"),
        lambda: comments.set_follow_up(db, student, ws, first, status="contacted", note="", lang="en"),
    ):
        with pytest.raises(accounts.AccountError):
            attempt()
    assert actions(db, ws) == before
    with db.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(tb.FollowUp)) == 0
        assert s.scalar(sa.select(sa.func.count()).select_from(tb.CommentTagging)) == 0
    with pytest.raises(comments.CommentError):  # a response without a comment has nothing to tag
        comments.set_comment_tags(db, coordinator, ws, int(frame["response_id"][4]), "comment", [tag], lang="en")


def test_detractors_are_followed_up_with_contact_only_where_consented(db, ws, survey_id):
    manager = person(db, ws, "boss", "manager")
    frame, inputs = frame_of(db, ws, survey_id)
    listed = comments.follow_up_list(db, ws, survey_id, inputs, frame, ("comment",))
    assert listed["score"].tolist() == [2.0, 5.0] and listed["status"].tolist() == ["open", "open"]
    assert listed["contact"].tolist() == ["李雷 <li@example.edu>", ""]  # "": the page says "anonymous"
    first = int(listed["response_id"][0])
    comments.set_follow_up(db, manager, ws, first, status="contacted", note="打过电话\n下周再联系", lang="zh")
    with pytest.raises(comments.CommentError):
        comments.set_follow_up(db, manager, ws, first, status="closed", note="", lang="zh")
    listed = comments.follow_up_list(db, ws, survey_id, inputs, frame, ("comment",))
    assert listed.loc[0, ["status", "note", "handled_by"]].tolist() == ["contacted", "打过电话\n下周再联系", "boss"]
    assert comments.follow_up_counts(db, ws, survey_id, inputs, frame) == comments.FollowUpCounts(2, 1, 0)
    comments.set_follow_up(db, manager, ws, first, status="resolved", note="", lang="zh")
    assert comments.follow_up_counts(db, ws, survey_id, inputs, frame) == comments.FollowUpCounts(2, 1, 1)
    # answers below a threshold on any item: nps below 9 here
    below = comments.follow_up_list(db, ws, survey_id, inputs, frame, ("comment",), item="nps", below=9)
    assert below["score"].tolist() == [2.0, 5.0, 8.0]
    assert actions(db, ws)[-1] == ("follow_up", {"response": first, "status": "resolved"})


def test_deleting_a_survey_takes_its_themes_and_follow_ups_with_it_and_no_other(db, ws, survey_id):
    who = person(db, ws, "coord", "coordinator")
    other = store_copy_with_a_theme(db, ws, who)
    tag = comments.add_tag(db, who, ws, survey_id, "pace", lang="en")
    frame, _ = frame_of(db, ws, survey_id)
    first = int(frame["response_id"][0])
    comments.set_comment_tags(db, who, ws, first, "comment", [tag], lang="en")
    comments.set_follow_up(db, who, ws, first, status="open", note="call", lang="en")
    with db.session() as s:
        assert comments.kept_with_survey(s, ws, survey_id) == (1, 1)  # what the confirmation names
    from survey import surveys

    surveys.delete_survey(db, who, ws, survey_id, lang="en")
    with db.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(tb.FollowUp)) == 0
        assert s.scalar(sa.select(sa.func.count()).select_from(tb.CommentTagging)) == 0
        assert [x.name for x in comments.codebook(s, ws, other)] == ["kept"]


def store_copy_with_a_theme(db, ws, who) -> int:
    with db.session() as s:
        other = store.create_survey(s, ws, course_survey()).id
        s.commit()
    comments.add_tag(db, who, ws, other, "kept", lang="en")
    return other


def test_contact_details_come_only_from_an_import_whose_respondents_agreed(db, ws):
    from survey.importing import actions as import_actions
    from survey.importing.sources import normalize
    from survey.importing.sources.draft import draft_definition, export_language
    from tests.survey.make_source_fixtures import FOLDER

    who = person(db, ws, "coord", "coordinator")
    data = (FOLDER / "qualtrics_text.csv").read_bytes()
    export = normalize(data, "qualtrics_text.csv", keep_personal=True)
    found = {}
    for consent in (False, True):  # the same file into two surveys: respondent ids are unique per survey
        with db.session() as s:
            sid = store.create_survey(s, ws, draft_definition(export, "Drafted", export_language(export))).id
            s.commit()
        result = import_actions.import_responses(
            db, who, ws, sid, "q.csv", export=export, keep_personal=True, contact_consent=consent, lang="en"
        )
        assert result.batch_id is not None, [p.text("en") for p in result.problems]
        with db.session() as s:
            metas = s.scalars(sa.select(tb.Response.meta).where(tb.Response.survey_id == sid)).all()
        found[consent] = [comments.contact_of(m) for m in metas]
    assert found[False] == [None] * 6  # kept, but without consent: anonymous
    assert len(found[True]) == 6 and all(c and "@example.org" in c for c in found[True])
    assert actions(db, ws)[-1] == ("import", {"batch": result.batch_id, "tool": export.tool, "contact_consent": True})
    # undoing the import says first that its follow-ups go with its responses
    with db.session() as s:
        first = s.scalar(sa.select(tb.Response.id).where(tb.Response.batch_id == result.batch_id).limit(1))
    comments.set_follow_up(db, who, ws, first, status="contacted", note="", lang="en")
    with db.session() as s:
        assert comments.kept_with_batch(s, ws, result.batch_id) == (0, 1)
    import_actions.undo_import(db, who, ws, result.batch_id, target="q.csv")
    with db.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(tb.FollowUp)) == 0


def test_a_database_of_the_schema_before_upgrades_and_its_responses_take_themes_and_follow_ups(database_url):
    from sqlalchemy import text as sql

    from survey.storage.db import make_engine, migrate

    engine = make_engine(database_url)
    migrate(engine, "0004")
    with engine.begin() as c:
        c.execute(sql("INSERT INTO workspace (id, name, kind, created_at) VALUES (1, 'w', 'class', CURRENT_TIMESTAMP)"))
        c.execute(
            sql(
                "INSERT INTO survey (id, workspace_id, title_zh, title_en, archived, created_at, updated_at) "
                "VALUES (1, 1, '课程', 'Course', false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
        c.execute(
            sql(
                "INSERT INTO survey_version (id, workspace_id, survey_id, number, description_zh, description_en, "
                "weight_rules, created_at, accepting_answers, one_answer_per_token) "
                "VALUES (1, 1, 1, 1, '', '', '[]', CURRENT_TIMESTAMP, false, false)"
            )
        )
        c.execute(
            sql(
                "INSERT INTO response (id, workspace_id, survey_id, version_id, submitted_at, answers, attributes, "
                "meta) "
                "VALUES (7, 1, 1, 1, CURRENT_TIMESTAMP, '{\"nps\": 3}', '{\"comment\": \"太慢\"}', '{}')"
            )
        )
    migrate(engine)
    with engine.begin() as c:
        c.execute(
            sql(
                "INSERT INTO comment_tag (id, workspace_id, survey_id, name, created_at) "
                "VALUES (1, 1, 1, '速度', CURRENT_TIMESTAMP)"
            )
        )
        c.execute(
            sql(
                "INSERT INTO comment_tagging (workspace_id, response_id, item_code, tag_id, created_at) "
                "VALUES (1, 7, 'comment', 1, CURRENT_TIMESTAMP)"
            )
        )
        c.execute(
            sql(
                "INSERT INTO follow_up (workspace_id, survey_id, response_id, status, note, handled_by_name, "
                "updated_at) "
                "VALUES (1, 1, 7, 'contacted', '', 'x', CURRENT_TIMESTAMP)"
            )
        )
    with engine.connect() as c:
        assert c.execute(sql("SELECT attributes FROM response")).scalar_one() in (
            {"comment": "太慢"},
            '{"comment": "太慢"}',
        )
    with engine.begin() as c:  # an undone import removes its responses: their tags and follow-ups go with them
        c.execute(sql("DELETE FROM response WHERE id = 7"))
    with engine.connect() as c:
        assert c.execute(sql("SELECT count(*) FROM comment_tagging")).scalar_one() == 0
        assert c.execute(sql("SELECT count(*) FROM follow_up")).scalar_one() == 0
        assert c.execute(sql("SELECT name FROM comment_tag")).scalar_one() == "速度"  # the codebook stays
    engine.dispose()
