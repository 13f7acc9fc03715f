"""Survey storage on SQLite and PostgreSQL: what a user does to surveys keeps their data."""

from dataclasses import replace

import pytest

from survey import surveys
from survey.access import accounts, audit
from survey.access.accounts import AccountError
from survey.design import definition_file
from survey.design.definition import DefinitionError, Node, Scale, ScalePoint, SurveyDefinition
from survey.storage import store

FIVE = Scale(
    "s5", "5", 1, 5, (ScalePoint(1, "很不满意", "Very dissatisfied"), ScalePoint(5, "很满意", "Very satisfied"))
)


def small_survey() -> SurveyDefinition:
    return SurveyDefinition(
        title_zh="食堂满意度",
        title_en="Canteen satisfaction",
        scales=(FIVE,),
        nodes=(
            Node("food", "dimension", "菜品", "Food", weight=3),
            Node("taste", "indicator", "口味", "Taste", parent="food"),
            Node("taste_p", "item", "口味如何", "How is the taste", parent="taste", role="perception", scale="s5"),
            Node("taste_e", "item", "期望的口味", "Expected taste", parent="taste", role="expectation", scale="s5"),
            Node("price", "dimension", "价格", "Price", weight=1),
            Node("price_p", "item", "价格合理", "Fair prices", parent="price", role="perception", scale="s5"),
            Node("group", "item", "小组", "Group", role="attribute"),
        ),
    )


def answers(taste=4.0, price=3.0, group="A"):
    return {"answers": {"taste_p": taste, "taste_e": 5.0, "price_p": price}, "attributes": {"group": group}}


def test_a_created_survey_reads_back_as_saved_with_weights_normalised(db, ws):
    with db.session() as s:
        survey = store.create_survey(s, ws, small_survey())
        s.commit()
        survey_id = survey.id
    with db.session() as s:
        loaded = store.load_definition(s, ws, store.current_version(s, ws, survey_id).id)
    assert loaded == small_survey().normalised()
    assert loaded.node("food").weight == pytest.approx(0.75)
    assert loaded.node("price").weight == pytest.approx(0.25)


def test_an_invalid_definition_is_refused_and_nothing_is_written(db, ws):
    bad = replace(
        small_survey(), nodes=(*small_survey().nodes, Node("x", "item", "X", "X", role="perception", scale="nope"))
    )
    with db.session() as s:
        with pytest.raises(DefinitionError) as err:
            store.create_survey(s, ws, bad)
        s.rollback()
    assert [p.message for p in err.value.problems] == ["def.scale_missing", "def.item_needs_parent"]
    with db.session() as s:
        assert store.list_surveys(s, ws) == []


def test_rename_duplicate_archive_and_delete(db, ws):
    with db.session() as s:
        survey_id = store.create_survey(s, ws, small_survey()).id
        version_id = store.current_version(s, ws, survey_id).id
        store.add_responses(s, ws, version_id, [answers(), answers(2.0, 5.0, "B")])
        s.commit()
    with db.session() as s:
        store.rename_survey(s, ws, survey_id, "新名字", "New name")
        copy = store.duplicate_survey(s, ws, survey_id)
        store.set_archived(s, ws, survey_id, True)
        s.commit()
        copy_id = copy.id
    with db.session() as s:
        listed = {x.id: x for x in store.list_surveys(s, ws)}
        assert listed[survey_id].title_en == "New name" and listed[survey_id].archived
        assert listed[survey_id].responses == 2
        assert listed[copy_id].responses == 0 and listed[copy_id].title_en == "New name (copy)"
        assert [x.id for x in store.list_surveys(s, ws, include_archived=False)] == [copy_id]
        copy_defn = store.load_definition(s, ws, store.current_version(s, ws, copy_id).id)
        assert copy_defn.nodes == small_survey().normalised().nodes
    with db.session() as s:
        assert store.delete_survey(s, ws, survey_id) == 2
        s.commit()
    with db.session() as s:
        assert [x.id for x in store.list_surveys(s, ws)] == [copy_id]
        with pytest.raises(store.NotFound):
            store.responses_frame(s, ws, survey_id)


def test_a_structural_edit_after_responses_makes_a_new_version_and_keeps_old_answers(db, ws):
    with db.session() as s:
        survey_id = store.create_survey(s, ws, small_survey()).id
        v1 = store.current_version(s, ws, survey_id).id
        store.add_responses(s, ws, v1, [answers(4.0), answers(2.0)])
        s.commit()
    extra = Node("price_e", "item", "期望的价格", "Expected price", parent="price", role="expectation", scale="s5")
    edited = replace(small_survey(), nodes=(*small_survey().nodes, extra))
    with db.session() as s:
        result = store.save_definition(s, ws, survey_id, edited)
        s.commit()
    assert result.new_version and result.version == 2
    with db.session() as s:
        old = store.load_definition(s, ws, v1)
        assert old.node("price_e") is None  # the old version is untouched
        store.add_responses(s, ws, result.version_id, [{"answers": {"taste_p": 5.0, "price_e": 4.0}}])
        s.commit()
        frame = store.responses_frame(s, ws, survey_id)
        assert store.list_versions(s, ws, survey_id) == [(v1, 1, 2), (result.version_id, 2, 1)]
    assert frame["version"].tolist() == [1, 1, 2]
    assert frame["taste_p"].tolist() == [4.0, 2.0, 5.0]
    assert frame["price_e"].isna().tolist() == [True, True, False]


def test_a_label_or_weight_edit_stays_in_the_answered_version(db, ws):
    with db.session() as s:
        survey_id = store.create_survey(s, ws, small_survey()).id
        v1 = store.current_version(s, ws, survey_id).id
        store.add_responses(s, ws, v1, [answers()])
        s.commit()
    relabelled = replace(
        small_survey(),
        nodes=tuple(
            replace(n, label_en="Taste of the food", weight=2) if n.code == "taste_p" else n
            for n in small_survey().nodes
        ),
    )
    with db.session() as s:
        result = store.save_definition(s, ws, survey_id, relabelled)
        s.commit()
    assert not result.new_version and result.version_id == v1
    with db.session() as s:
        assert store.load_definition(s, ws, v1).node("taste_p").label_en == "Taste of the food"
        assert store.response_count(s, ws, survey_id) == 1


def test_missing_answers_stay_missing(db, ws):
    with db.session() as s:
        survey_id = store.create_survey(s, ws, small_survey()).id
        v1 = store.current_version(s, ws, survey_id).id
        store.add_responses(s, ws, v1, [{"answers": {"taste_p": None, "price_p": 3.0}}])
        s.commit()
        frame = store.responses_frame(s, ws, survey_id)
    assert frame["taste_p"].isna().all() and frame["price_p"].tolist() == [3.0]


def test_another_workspace_cannot_reach_the_survey(db, ws):
    from survey.storage import tables

    with db.session() as s:
        survey_id = store.create_survey(s, ws, small_survey()).id
        other = tables.Workspace(name="Class 2", kind="class")
        s.add(other)
        s.commit()
        other_id = other.id
    with db.session() as s:
        assert store.list_surveys(s, other_id) == []
        for attempt in (
            lambda: store.load_definition(s, other_id, store.current_version(s, ws, survey_id).id),
            lambda: store.delete_survey(s, other_id, survey_id),
            lambda: store.rename_survey(s, other_id, survey_id, "x", "x"),
            lambda: store.responses_frame(s, other_id, survey_id),
        ):
            with pytest.raises(store.NotFound):
                attempt()
        s.rollback()
    with db.session() as s:
        assert [x.title_en for x in store.list_surveys(s, ws)] == ["Canteen satisfaction"]


def test_targets_are_kept_with_the_survey_and_checked(db, ws):
    with db.session() as s:
        survey_id = store.create_survey(s, ws, small_survey()).id
        store.set_target(s, ws, survey_id, "satisfaction", 80)
        store.set_target(s, ws, survey_id, "nps", -10)
        s.commit()
    with db.session() as s:
        assert store.targets(s, ws, survey_id) == {"satisfaction": 80.0, "nps": -10.0}
        store.set_target(s, ws, survey_id, "satisfaction", 85)
        store.set_target(s, ws, survey_id, "nps", None)  # cleared
        with pytest.raises(ValueError):
            store.set_target(s, ws, survey_id, "loyalty", 120)  # outside 0–100
        s.commit()
    with db.session() as s:
        assert store.targets(s, ws, survey_id) == {"satisfaction": 85.0}
        store.delete_survey(s, ws, survey_id)
        s.commit()


# --- the Surveys page's actions (survey.surveys): checked, audited, one transaction each -------------


def account(db, ws, username, role) -> accounts.SignedIn:
    with db.session() as s:
        made = accounts.create_account(s, username, "long-enough-password")
        accounts.set_role(s, made.id, ws, role)
        s.commit()
        return accounts.signed_in(made)


def audit_log(db) -> list[tuple[str, str, str, dict]]:
    with db.session() as s:
        return [(e.username, e.action, e.target, e.detail) for e in reversed(audit.entries(s))]


def test_each_survey_action_writes_its_audit_entry_in_the_users_language(db, ws):
    lin = account(db, ws, "lin", "coordinator")
    made = surveys.create_survey(
        db, lin, ws, template="canteen", title_zh=" 食堂 ", title_en="Canteen", add_nps_loyalty=True, lang="en"
    )
    assert (made.title_zh, made.title("en")) == ("食堂", "Canteen")
    imported = surveys.import_survey_file(db, lin, ws, definition_file.dump(small_survey()), "canteen.json", lang="zh")
    surveys.rename_survey(db, lin, ws, imported.id, "新名字", "New name", lang="zh")
    copy = surveys.copy_survey(db, lin, ws, imported.id, lang="en")
    surveys.archive_survey(db, lin, ws, imported.id, True, lang="en")
    with db.session() as s:
        store.add_responses(s, ws, store.current_version(s, ws, imported.id).id, [answers()])
        s.commit()
    assert surveys.delete_survey(db, lin, ws, imported.id, lang="zh") == 1
    assert copy.title_en == "New name (copy)"
    assert audit_log(db) == [
        ("lin", "survey_create", "Canteen", {"template": "canteen"}),
        ("lin", "survey_create", "食堂满意度", {"file": "canteen.json"}),
        ("lin", "survey_rename", "食堂满意度", {"new": "新名字"}),
        ("lin", "survey_create", "New name", {"copy": True}),
        ("lin", "survey_archive", "New name", {"archived": True}),
        ("lin", "survey_delete", "新名字", {"responses": 1}),
    ]
    with db.session() as s:
        assert {x.id for x in store.list_surveys(s, ws)} == {made.id, copy.id}
        assert store.load_definition(s, ws, store.current_version(s, ws, made.id).id).node("nps") is not None


def test_a_refused_survey_action_writes_nothing(db, ws):
    lin, manager = account(db, ws, "lin", "coordinator"), account(db, ws, "mo", "manager")
    made = surveys.create_survey(db, lin, ws, template="", title_zh="", title_en="Blank", lang="en")
    before = audit_log(db)
    not_permitted = (
        lambda: surveys.create_survey(db, manager, ws, template="", title_zh="", title_en="Mine", lang="en"),
        lambda: surveys.import_survey_file(db, manager, ws, definition_file.dump(small_survey()), "x.json", lang="en"),
        lambda: surveys.rename_survey(db, manager, ws, made.id, "", "Mine", lang="en"),
        lambda: surveys.copy_survey(db, manager, ws, made.id, lang="en"),
        lambda: surveys.archive_survey(db, manager, ws, made.id, True, lang="en"),
        lambda: surveys.delete_survey(db, manager, ws, made.id, lang="en"),
    )
    for action in not_permitted:
        with pytest.raises(AccountError, match="not_permitted"):
            action()
    with pytest.raises(DefinitionError):
        surveys.rename_survey(db, lin, ws, made.id, "", "  ", lang="en")  # no title
    with pytest.raises(DefinitionError):
        surveys.import_survey_file(db, lin, ws, b"{not json", "broken.json", lang="en")
    with pytest.raises(DefinitionError):
        surveys.create_survey(db, lin, ws, template="", title_zh=" ", title_en="", lang="en")
    with db.session() as s:
        other = accounts.create_workspace(s, "Other organisation").id
        accounts.set_role(s, lin.account_id, other, "coordinator")
        s.commit()
    with pytest.raises(store.NotFound):
        surveys.delete_survey(db, lin, other, made.id, lang="en")  # a survey of another workspace
    with db.session() as s:
        listed = store.list_surveys(s, ws)
    assert [(x.id, x.title_en, x.archived) for x in listed] == [(made.id, "Blank", False)]
    assert audit_log(db) == before


def test_the_designers_save_is_one_audited_action_and_a_refused_one_writes_nothing(db, ws):
    lin, manager = account(db, ws, "lin", "coordinator"), account(db, ws, "mo", "manager")
    made = surveys.create_survey(db, lin, ws, template="canteen", title_zh="食堂", title_en="Canteen", lang="en")
    with db.session() as s:
        defn = store.load_definition(s, ws, store.current_version(s, ws, made.id).id)
        store.add_responses(s, ws, store.current_version(s, ws, made.id).id, [{}])
        s.commit()
    first = defn.items[0]
    edited = replace(defn, nodes=tuple(n for n in defn.nodes if n.code != first.code))
    before = audit_log(db)
    with pytest.raises(AccountError, match="not_permitted"):
        surveys.edit_survey(db, manager, ws, made.id, edited, lang="en")
    with pytest.raises(DefinitionError):
        surveys.edit_survey(db, lin, ws, made.id, replace(edited, title_zh="", title_en=""), lang="en")
    assert audit_log(db) == before
    result = surveys.edit_survey(db, lin, ws, made.id, edited, lang="en")
    assert result.new_version and result.version == 2  # the answered version 1 is kept as it was
    assert audit_log(db)[-1] == ("lin", "survey_edit", "Canteen", {"version": 2})
    with db.session() as s:
        assert [number for _, number, _ in store.list_versions(s, ws, made.id)] == [1, 2]
        assert store.response_count(s, ws, made.id) == 1
