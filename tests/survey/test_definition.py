"""Item roles of a survey definition: open-text comments next to attributes and scored items."""

from dataclasses import replace

from survey.design import definition_file, editing
from survey.design.definition import ROLES, TEXT_ROLES, Node, SurveyDefinition, problems
from survey.design.templates import standard_scale
from survey.i18n import text

SAT5 = standard_scale("5")


def survey(*extra: Node) -> SurveyDefinition:
    return SurveyDefinition(
        title_zh="食堂满意度",
        title_en="Canteen satisfaction",
        scales=(SAT5,),
        nodes=(
            Node("food", "dimension", "菜品", "Food"),
            Node("taste", "item", "口味", "Taste", parent="food", role="perception", scale="sat5"),
            Node("class", "item", "班级", "Class", role="attribute"),
            *extra,
        ),
    )


COMMENT = Node("comment", "item", "其他意见和建议", "Any other comments?", role="comment")


def test_comment_is_an_item_role_answered_in_words():
    assert "comment" in ROLES and set(TEXT_ROLES) == {"attribute", "comment"}
    defn = survey(COMMENT)
    assert problems(defn) == []
    assert [n.code for n in defn.scored_items] == ["taste"]
    assert [n.code for n in defn.text_items] == ["class", "comment"]
    assert COMMENT.is_text and defn.node("class").is_text and not defn.node("taste").is_text
    assert not defn.node("food").is_text  # a dimension is no item at all


def test_a_comment_under_a_dimension_or_required_is_fine_too():
    assert problems(survey(replace(COMMENT, parent="food", required=True))) == []


def test_a_comment_with_a_scale_is_a_problem_named_in_both_languages():
    found = problems(survey(replace(COMMENT, scale="sat5")))
    assert [(p.where, p.message) for p in found] == [("comment", "def.comment_scale")]
    assert text("en", found[0].message, **found[0].params) == (
        "The open-text item “comment” is answered in words and cannot have a scale. Clear its scale."
    )
    assert "开放题“comment”" in text("zh", found[0].message, **found[0].params)


def test_comments_round_trip_through_the_definition_file_and_the_designer_table():
    defn = survey(COMMENT).normalised()
    assert definition_file.load(definition_file.dump(defn)).node("comment") == defn.node("comment")
    assert editing.nodes_from_rows(editing.tree_rows(defn)) == defn.nodes


def test_the_comment_role_has_its_own_label_apart_from_the_account_roles():
    assert text("zh", "role.comment") == "开放题（意见）" and text("en", "role.comment") == "Open-text comment"
    assert text("en", "role.comment") != text("en", "role.attribute")
