"""Names people type, on SQLite and PostgreSQL: a control character or non-character is refused with the field
named in the reader's language, nothing is stored by the refused action, and accepted text is stored in
Unicode NFC (so "e" + combining acute and "é" are one name)."""

import pytest

from survey import classroom
from survey.access import accounts
from survey.access.accounts import AccountError
from survey.classroom import ClassError, Criterion
from survey.design.definition import DefinitionError
from survey.i18n import text
from survey.storage import store
from survey.storage import tables as tb
from tests.db.test_store import small_survey

PASSWORD = "correct horse battery"
COMPOSED, DECOMPOSED = "Caf\u00e9", "Cafe\u0301"


def words(error, lang: str) -> str:
    """A refusal as the user reads it."""
    return text(lang, error.message, **error.params)


def assert_names_field_and_character(error, zh_field: str, en_field: str, code: str) -> None:
    assert error.message == "text.bad_character"
    assert words(error, "zh").startswith(zh_field) and code in words(error, "zh")
    assert words(error, "en").startswith(en_field) and code in words(error, "en")


CONTROLS = [("\x07", "U+0007"), ("\x0b", "U+000B"), ("\x1f", "U+001F"), ("\ufffe", "U+FFFE")]


@pytest.mark.parametrize("bad, code", CONTROLS)
def test_a_class_with_a_control_character_in_its_name_is_refused_and_not_made(db, bad, code):
    with db.session() as s:
        teacher = accounts.create_account(s, "teacher", PASSWORD).id
        s.commit()
        with pytest.raises(ClassError) as refused:
            classroom.create_class(s, teacher, f"Marketing{bad}1", ["A"])
        assert_names_field_and_character(refused.value, "班级名称", "The class name", code)
        with pytest.raises(ClassError) as refused:
            classroom.create_class(s, teacher, "Marketing 1", ["A", f"B{bad}"])
        assert_names_field_and_character(refused.value, "小组名称", "The group name", code)
        s.rollback()
        assert s.query(tb.ClassRoom).count() == 0


def test_group_renames_and_rubric_names_are_refused_with_the_field_named_and_nothing_changes(db):
    with db.session() as s:
        teacher = accounts.create_account(s, "teacher", PASSWORD).id
        made = classroom.create_class(s, teacher, DECOMPOSED, ["A"])
        s.commit()
        assert made.name == COMPOSED  # NFC
        group = made.groups[0].id
        with pytest.raises(ClassError) as refused:
            classroom.rename_group(s, made.workspace_id, group, "B\x1b[31m")
        assert_names_field_and_character(refused.value, "小组名称", "The group name", "U+001B")
        with pytest.raises(ClassError) as refused:
            classroom.add_group(s, made.workspace_id, "C\x85")
        assert_names_field_and_character(refused.value, "小组名称", "The group name", "U+0085")
        criteria = [Criterion("内容", "Content", 10), Criterion("表达\x07", "Delivery", 10)]
        with pytest.raises(ClassError) as refused:
            classroom.set_rubric(s, made.workspace_id, criteria)
        assert "第 2 行" in words(refused.value, "zh") and "criterion 2" in words(refused.value, "en")
        s.rollback()
        assert [g.name for g in classroom.class_summary(s, made.workspace_id).groups] == ["A"]


def test_account_and_workspace_names_with_a_control_character_are_refused_and_stored_nfc_otherwise(db):
    with db.session() as s:
        with pytest.raises(AccountError) as refused:
            accounts.create_account(s, "ann", PASSWORD, display_name="Ann\x07")
        assert_names_field_and_character(refused.value, "显示名称", "The display name", "U+0007")
        with pytest.raises(AccountError) as refused:
            accounts.create_workspace(s, "Shop\uffff")
        assert_names_field_and_character(refused.value, "工作区名称", "The workspace name", "U+FFFF")
        s.rollback()
        assert s.query(tb.Account).filter_by(username="ann").count() == 0
        ann = accounts.create_account(s, "ann", PASSWORD, display_name=DECOMPOSED)
        shop = accounts.create_workspace(s, f"  {DECOMPOSED}  ")
        s.commit()
        assert (ann.display_name, shop.name) == (COMPOSED, COMPOSED)


def test_a_survey_title_with_a_control_character_is_refused_and_the_old_title_kept(db, ws):
    with db.session() as s:
        survey_id = store.create_survey(s, ws, small_survey()).id
        s.commit()
        with pytest.raises(DefinitionError) as refused:
            store.rename_survey(s, ws, survey_id, "食堂\x0b满意度", "Canteen")
        (problem,) = refused.value.problems
        assert problem.message == "text.bad_character"
        assert text("zh", problem.message, **problem.params).startswith("中文标题")
        assert text("en", problem.message, **problem.params).startswith("The Chinese title")
        s.rollback()
        assert store.get_survey(s, ws, survey_id).title_zh == "食堂满意度"
        store.rename_survey(s, ws, survey_id, "", DECOMPOSED)
        s.commit()
        assert store.get_survey(s, ws, survey_id).title_en == COMPOSED
