"""Schema migrations: an empty database and every earlier schema upgrade to the models."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from survey.storage.db import head_revision, make_engine, migrate, revisions, schema_revision
from survey.storage.tables import Base


def test_empty_database_upgrades_to_the_models(database_url):
    engine = make_engine(database_url)
    migrate(engine)
    assert schema_revision(engine) == head_revision()
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    assert {"survey", "survey_version", "item", "response", "import_batch"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_each_previous_schema_upgrades_with_its_data(database_url):
    engine = make_engine(database_url)
    for revision in revisions():
        migrate(engine, revision)
        assert schema_revision(engine) == revision
        with engine.begin() as connection:
            connection.execute(
                text("INSERT INTO workspace (name, kind, created_at) VALUES (:n, 'organisation', CURRENT_TIMESTAMP)"),
                {"n": f"made at {revision}"},
            )
    migrate(engine)
    with engine.connect() as connection:
        names = connection.execute(text("SELECT name FROM workspace ORDER BY id")).scalars().all()
    assert names == [f"made at {r}" for r in revisions()]
    engine.dispose()


def test_migrating_twice_changes_nothing(database_url):
    engine = make_engine(database_url)
    migrate(engine)
    migrate(engine)
    assert schema_revision(engine) == head_revision()
    engine.dispose()


def test_surveys_and_responses_of_the_first_schema_survive_every_upgrade(database_url):
    engine = make_engine(database_url)
    migrate(engine, revisions()[0])
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
                "weight_rules, created_at) VALUES (1, 1, 1, 1, '', '', '[]', CURRENT_TIMESTAMP)"
            )
        )
        c.execute(
            text(
                "INSERT INTO response (workspace_id, survey_id, version_id, submitted_at, answers, attributes, meta) "
                "VALUES (1, 1, 1, CURRENT_TIMESTAMP, '{\"q1\": 4}', '{}', '{}')"
            )
        )
    migrate(engine)
    with engine.connect() as c:
        assert c.execute(text("SELECT title_en FROM survey")).scalar_one() == "Course"
        assert c.execute(text("SELECT count(*) FROM response")).scalar_one() == 1
        assert c.execute(text("SELECT accepting_answers FROM survey_version")).scalar_one() in (False, 0)
    engine.dispose()


def test_0010_renews_short_join_codes_keeps_the_classes_and_counts_old_audit_entries_once(database_url):
    """A class of the 0004 schema with a 6-character join code (guessable) gets a 12-character one; its
    members, groups and the audit log stay, the log says why the code changed, old entries count 1."""
    engine = make_engine(database_url)
    migrate(engine, "0004")
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO workspace (id, name, kind, created_at) VALUES (7, '营销 2301', 'class', CURRENT_TIMESTAMP)"
            )
        )
        c.execute(
            text(
                "INSERT INTO class_room (id, workspace_id, join_code, joining_open, rubric, created_at) "
                "VALUES (3, 7, 'ABC234', true, '[]', CURRENT_TIMESTAMP)"
            )
        )
        c.execute(text("INSERT INTO class_group (workspace_id, class_id, position, name) VALUES (7, 3, 0, 'Red')"))
        c.execute(
            text(
                "INSERT INTO audit_entry (at, workspace_id, username, action, target, detail) "
                "VALUES (CURRENT_TIMESTAMP, 7, 'teacher', 'class_create', '营销 2301', '{}')"
            )
        )
    migrate(engine)
    with engine.connect() as c:
        code = c.execute(text("SELECT join_code FROM class_room WHERE id = 3")).scalar_one()
        groups = c.execute(text("SELECT name FROM class_group WHERE class_id = 3")).scalars().all()
        log = c.execute(text("SELECT username, action, target, count FROM audit_entry ORDER BY id")).all()
        throttles = c.execute(text("SELECT count(*) FROM throttle")).scalar_one()
    assert len(code) == 12 and set(code) <= set("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    assert groups == ["Red"] and throttles == 0
    assert [tuple(row) for row in log] == [
        ("teacher", "class_create", "营销 2301", 1),
        ("system", "class_code", "营销 2301", 1),
    ]


def test_imported_answers_of_the_fourth_schema_get_their_blocks_and_read_the_same(database_url, monkeypatch):
    import pandas as pd

    from survey.storage import blocks, store
    from survey.storage.db import Database

    engine = make_engine(database_url)
    migrate(engine, "0004")
    now = "2026-11-30 10:00:00.123456"
    with engine.begin() as c:
        c.execute(
            text("INSERT INTO workspace (id, name, kind, created_at) VALUES (1, 'w', 'organisation', :t)"), {"t": now}
        )
        c.execute(
            text(
                "INSERT INTO survey (id, workspace_id, title_zh, title_en, archived, created_at, updated_at) "
                "VALUES (1, 1, '课程', 'Course', false, :t, :t)"
            ),
            {"t": now},
        )
        c.execute(
            text(
                "INSERT INTO survey_version (id, workspace_id, survey_id, number, description_zh, description_en, "
                "weight_rules, created_at, accepting_answers, one_answer_per_token) "
                "VALUES (1, 1, 1, 1, '', '', '[]', :t, false, false)"
            ),
            {"t": now},
        )
        c.execute(
            text(
                "INSERT INTO import_batch (id, workspace_id, survey_id, version_id, file_name, source, rows_read, "
                "rows_imported, rows_rejected, mapping, created_at) VALUES (1, 1, 1, 1, 'a.csv', 'file', 3, 3, 0, "
                "'{}', :t)"
            ),
            {"t": now},
        )
        rows = [
            (1, "春", '{"q1": 4.0, "q2": null}', '{"class": "1班", "wave": "春"}'),
            (1, None, '{"q1": 2.0, "q2": 5.0}', '{"region": "北京"}'),
            (None, "秋", '{"q2": 1.0, "q3": 3.0}', '{"class": "问卷"}'),  # a questionnaire answer
            (1, "春", '{"q1": 5.0}', "{}"),
        ]
        for batch, wave, answers, attributes in rows:
            c.execute(
                text(
                    "INSERT INTO response (workspace_id, survey_id, version_id, batch_id, submitted_at, wave, "
                    "answers, attributes, meta) VALUES (1, 1, 1, :b, :t, :w, :a, :at, '{}')"
                ),
                {"b": batch, "t": now, "w": wave, "a": answers, "at": attributes},
            )
    with monkeypatch.context() as m:  # the table as the fourth schema's app read it: from the JSON
        db = Database(database_url)
        m.setattr(blocks, "survey_blocks", lambda *args: (None, [], {}))
        migrate(engine)
        with db.session() as s:
            by_json = store.responses_frame(s, 1, 1)
    with db.session() as s:
        assert s.execute(text("SELECT batch_id, n_rows FROM answer_block")).all() == [(1, 3)]
        assert s.execute(text("SELECT count(*) FROM response")).scalar_one() == 4
        fast = store.responses_frame(s, 1, 1)
    pd.testing.assert_frame_equal(fast, by_json)
    assert list(fast["q1"].fillna(-1)) == [4.0, 2.0, -1, 5.0] and list(fast["class"].fillna("")) == [
        "1班",
        "",
        "问卷",
        "",
    ]
    db.dispose()
    engine.dispose()
