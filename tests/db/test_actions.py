"""Action plans on SQLite and PostgreSQL: each change audited, the role rules, the survey's delete, the check."""

from datetime import date

import pytest
from sqlalchemy import select

from survey import actions, surveys
from survey.access import accounts, audit
from survey.access.accounts import AccountError
from survey.actions import ActionError
from survey.storage import store
from survey.storage import tables as tb
from tests.db.test_store import small_survey

PASSWORD = "correct horse battery"


def member(db, ws, username, role, *, admin=False, group_id=None) -> accounts.SignedIn:
    with db.session() as s:
        account = accounts.create_account(s, username, PASSWORD, is_admin=admin)
        if role:
            accounts.set_role(s, account.id, ws, role, group_id)
        s.commit()
        return accounts.signed_in(account)


def two_waves(db, ws) -> int:
    """The canteen survey with taste answered 2, 3, 4, 3 in 2026-03 and 4, 5, 4, 5 in 2026-06."""
    with db.session() as s:
        survey = store.create_survey(s, ws, small_survey())
        version = store.current_version(s, ws, survey.id).id
        rows = [{"wave": "2026-03", "answers": {"taste_p": v, "taste_e": 5.0, "price_p": 3.0}} for v in (2, 3, 4, 3)]
        rows += [{"wave": "2026-06", "answers": {"taste_p": v, "taste_e": 5.0, "price_p": 3.0}} for v in (4, 5, 4, 5)]
        store.add_responses(s, ws, version, rows)
        s.commit()
        return survey.id


def log(db, prefix="action_"):
    with db.session() as s:
        return [(e.action, e.target, e.detail) for e in reversed(audit.entries(s)) if e.action.startswith(prefix)]


def test_a_coordinator_plans_edits_moves_and_deletes_an_action_each_change_audited(db, ws):
    coordinator = member(db, ws, "cora", "coordinator")
    owner = member(db, ws, "olga", "manager")
    survey_id = two_waves(db, ws)
    action_id = actions.create_action(
        db, coordinator, ws, survey_id, indicator="taste", need="  更好吃的菜 <b>  ", strategy="新厨师",
        owner_account_id=owner.account_id, due_date=date(2026, 5, 1), target_figure=80, baseline_wave="2026-03",
    )  # fmt: skip
    with db.session() as s:
        [made] = actions.list_actions(s, ws, survey_id)
    assert (made.indicator, made.need, made.strategy, made.owner, made.status) == (
        "taste", "更好吃的菜 <b>", "新厨师", "olga", "planned"
    )  # fmt: skip
    assert (made.due_date, made.target_figure, made.baseline_wave, made.created_by) == (
        date(2026, 5, 1), 80.0, "2026-03", "cora"
    )  # fmt: skip
    actions.edit_action(db, coordinator, ws, action_id, strategy="新厨师和新菜单", check_wave="2026-06")
    actions.set_action_status(db, coordinator, ws, action_id, "in_progress")
    with db.session() as s:
        [edited] = actions.list_actions(s, ws, survey_id, statuses=["in_progress"])
        assert actions.list_actions(s, ws, survey_id, statuses=["done"]) == []
        assert [a.id for a in actions.list_actions(s, ws, owner_account_id=owner.account_id)] == [action_id]
    assert (edited.strategy, edited.check_wave, edited.status, edited.need) == (
        "新厨师和新菜单", "2026-06", "in_progress", "更好吃的菜 <b>"
    )  # fmt: skip
    actions.delete_action(db, coordinator, ws, action_id)
    with db.session() as s:
        assert actions.list_actions(s, ws, survey_id) == []
    entries = log(db)
    assert [e[0] for e in entries] == ["action_create", "action_edit", "action_status", "action_delete"]
    assert all(e[1] == "taste" for e in entries)
    assert entries[1][2]["fields"] == ["check_wave", "strategy"]
    assert (entries[2][2]["old"], entries[2][2]["new"]) == ("planned", "in_progress")
    assert entries[3][2]["strategy"] == "新厨师和新菜单"  # what it said stays in the record


def test_wrong_fields_are_refused_with_the_products_message_and_write_nothing(db, ws):
    coordinator = member(db, ws, "cora", "coordinator")
    outsider = member(db, ws, "nina", None)
    survey_id = two_waves(db, ws)
    base = dict(indicator="taste", strategy="s")
    for wrong, message in (
        ({"indicator": "nope"}, "actions.unknown_indicator"),
        ({"indicator": "group"}, "actions.unknown_indicator"),  # an attribute has no satisfaction figure
        ({"strategy": "  "}, "actions.strategy_missing"),
        ({"target_figure": 120}, "actions.target_range"),
        ({"owner_account_id": outsider.account_id}, "actions.owner_not_member"),
        ({"need": "a\x00b"}, "text.bad_character"),
    ):
        with pytest.raises(ActionError) as err:
            actions.create_action(db, coordinator, ws, survey_id, **{**base, **wrong})
        assert err.value.message == message
    with pytest.raises(ActionError):
        actions.set_action_status(db, coordinator, ws, 1, "finished")
    with db.session() as s:
        assert actions.list_actions(s, ws) == []
    assert log(db) == []


def test_roles_a_manager_edits_a_teacher_only_in_a_class_a_student_only_for_their_group(db, ws):
    survey_id = two_waves(db, ws)
    manager = member(db, ws, "mia", "manager")
    assert actions.create_action(db, manager, ws, survey_id, indicator="price", strategy="s")
    teacher = member(db, ws, "tom", "teacher")  # the organisation: teachers plan in their classes only
    with pytest.raises(AccountError):
        actions.create_action(db, teacher, ws, survey_id, indicator="price", strategy="s")
    with db.session() as s:
        room = accounts.create_workspace(s, "Marketing 1", "class")
        group_survey = store.create_survey(s, room.id, small_survey())
        other_survey = store.create_survey(s, room.id, small_survey())
        cls = tb.ClassRoom(workspace_id=room.id, join_code="ABC123")
        s.add(cls)
        s.flush()
        group = tb.ClassGroup(workspace_id=room.id, class_id=cls.id, name="G1", survey_id=group_survey.id)
        s.add(group)
        s.commit()
        room_id, group_id, mine, theirs = room.id, group.id, group_survey.id, other_survey.id
    with db.session() as s:
        accounts.set_role(s, teacher.account_id, room_id, "teacher")
        s.commit()
    assert actions.create_action(db, teacher, room_id, theirs, indicator="taste", strategy="s")
    student = member(db, room_id, "sue", "student", group_id=group_id)
    assert actions.create_action(db, student, room_id, mine, indicator="taste", strategy="我们的策略")
    with pytest.raises(AccountError):
        actions.create_action(db, student, room_id, theirs, indicator="taste", strategy="s")
    with pytest.raises(ActionError):  # a survey of another workspace is not found there
        actions.create_action(db, manager, ws, mine, indicator="taste", strategy="s")
    with db.session() as s:
        assert [a.strategy for a in actions.list_actions(s, room_id, mine)] == ["我们的策略"]


def test_deleting_a_survey_takes_its_actions_the_page_names_them_first(db, ws):
    coordinator = member(db, ws, "cora", "coordinator")
    survey_id, kept = two_waves(db, ws), two_waves(db, ws)
    for code in ("taste", "price"):
        actions.create_action(db, coordinator, ws, survey_id, indicator=code, strategy="s")
    actions.create_action(db, coordinator, ws, kept, indicator="taste", strategy="kept")
    with db.session() as s:
        assert actions.action_count(s, ws, survey_id) == 2  # what the confirmation names
    surveys.delete_survey(db, coordinator, ws, survey_id, lang="en")
    with db.session() as s:
        assert s.scalars(select(tb.Action.survey_id)).all() == [kept]
        assert actions.action_count(s, ws, survey_id) == 0


def test_the_check_at_the_next_wave_before_after_change_test_and_target(db, ws):
    coordinator = member(db, ws, "cora", "coordinator")
    survey_id = two_waves(db, ws)
    plan = dict(indicator="taste", strategy="s", baseline_wave="2026-03")
    reached = actions.create_action(db, coordinator, ws, survey_id, **plan, target_figure=80)
    missed = actions.create_action(db, coordinator, ws, survey_id, **plan, target_figure=90, check_wave="2026-06")
    later = actions.create_action(db, coordinator, ws, survey_id, **plan, check_wave="2026-09")
    with db.session() as s:
        checks = {c.action.id: c for c in actions.check_actions(s, ws, survey_id)}
    first = checks[reached]
    # taste on 1–5: wave 2026-03 mean 3 → (3−1)/4·100 = 50; 2026-06 mean 4.5 → 87.5
    assert (first.before, first.after, first.change) == (50.0, 87.5, 37.5)
    assert (first.after_wave, first.n_before, first.n_after, first.test) == ("2026-06", 4, 4, "index_permutation")
    # all 70 relabellings of the 8 answers: 3 give 4 answers summing to 18, 3 to 12 (as extreme): p = 6/70
    assert first.p_value == pytest.approx(6 / 70)
    assert first.p_adjusted == pytest.approx(6 / 70 * 2)  # Holm over the 2 actions checked at 2026-06
    assert not first.significant and first.outcome == "reached" and first.label("en") == "Taste"
    assert checks[missed].outcome == "missed"
    assert (checks[later].outcome, checks[later].before) == ("not_yet", 50.0)
    assert [c.action.id for c in actions.due_at(list(checks.values()), "2026-06")] == [reached, missed]


def test_an_action_follows_its_code_into_a_new_version_and_says_when_it_is_gone(db, ws):
    coordinator = member(db, ws, "cora", "coordinator")
    survey_id = two_waves(db, ws)
    taste = actions.create_action(db, coordinator, ws, survey_id, indicator="taste", strategy="s")
    price = actions.create_action(db, coordinator, ws, survey_id, indicator="price", strategy="s")
    without_price = small_survey()
    nodes = tuple(n for n in without_price.nodes if n.code not in ("price", "price_p"))
    from dataclasses import replace

    surveys.edit_survey(db, coordinator, ws, survey_id, replace(without_price, nodes=nodes), lang="en")
    with db.session() as s:
        assert store.current_version(s, ws, survey_id).number == 2
        checks = {c.action.id: c for c in actions.check_actions(s, ws, survey_id)}
    assert checks[taste].outcome == "changed" and checks[taste].change == 37.5
    assert checks[price].outcome == "gone"


def test_a_survey_of_the_schema_before_action_plans_takes_actions_after_the_upgrade_and_its_delete_cascades(
    database_url,
):
    from sqlalchemy import text

    from survey.storage.db import make_engine, migrate

    engine = make_engine(database_url)
    migrate(engine, "0004")
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO workspace (id, name, kind, created_at) VALUES (1, 'w', 'organisation', CURRENT_TIMESTAMP)"
            )
        )
        c.execute(
            text(
                "INSERT INTO survey (id, workspace_id, title_zh, title_en, archived, created_at, updated_at) "
                "VALUES (1, 1, '食堂', 'Canteen', false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
    migrate(engine)
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO action (workspace_id, survey_id, indicator, need, strategy, status, created_at, "
                "updated_at) VALUES (1, 1, 'taste', '', '新厨师', 'planned', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
    with engine.begin() as c:
        assert c.execute(text("SELECT strategy FROM action")).scalar_one() == "新厨师"
        c.execute(text("DELETE FROM survey WHERE id = 1"))  # the database itself takes the plan with it
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM action")).scalar_one() == 0
    engine.dispose()
