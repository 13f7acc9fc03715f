"""The designer's edits: the tree table round trip, weights, AHP judgements, scales."""

from dataclasses import replace

import pandas as pd
import pytest

import metrics
from survey.design import editing
from survey.design.definition import Choice, Node, Scale, SurveyDefinition, problems
from survey.i18n import text

FIVE = Scale("s5", "5", 1, 5)


def tree() -> SurveyDefinition:
    return SurveyDefinition(
        title_zh="测试",
        title_en="Test",
        scales=(FIVE,),
        nodes=(
            Node("d1", "dimension", "产品", "Product", weight=0.6),
            Node("i1", "indicator", "质量", "Quality", parent="d1"),
            Node("p1", "item", "质量", "Quality", parent="i1", role="perception", scale="s5", required=True),
            Node("d2", "dimension", "服务", "Service", weight=0.3),
            Node("p2", "item", "服务", "Service", parent="d2", role="perception", scale="s5"),
            Node("d3", "dimension", "价格", "Price", weight=0.1),
            Node("p3", "item", "价格", "Price", parent="d3", role="perception", scale="s5"),
        ),
    ).normalised()


def test_the_tree_table_round_trips():
    defn = tree()
    assert editing.nodes_from_rows(editing.tree_rows(defn)) == defn.nodes


def test_empty_cells_from_the_editor_become_defaults_not_errors():
    rows = editing.tree_rows(tree())
    added = pd.DataFrame(
        [
            {
                "kind": "item",
                "code": "p4",
                "parent": "d3",
                "label_zh": "新",
                "label_en": None,
                "role": "perception",
                "scale": "s5",
                "weight": float("nan"),
                "required": None,
            },
            {
                "kind": None,
                "code": None,
                "parent": None,
                "label_zh": None,
                "label_en": None,
                "role": None,
                "scale": None,
                "weight": None,
                "required": None,
            },
        ]
    )
    nodes = editing.nodes_from_rows(pd.concat([rows, added], ignore_index=True))
    assert nodes[-1] == Node("p4", "item", "新", "", parent="d3", role="perception", scale="s5", weight=1.0)
    assert len(nodes) == len(tree().nodes) + 1  # the blank row is dropped
    defn = editing.with_nodes(tree(), nodes).normalised()
    assert problems(defn) == []
    assert defn.node("p3").weight == pytest.approx(0.5) and defn.node("p4").weight == pytest.approx(0.5)


def test_sibling_weights_sum_to_one_and_global_weights_multiply_down_the_tree():
    defn = editing.with_weights(tree(), ["d1", "d2", "d3"], [50, 30, 20], group="", method="direct")
    assert [defn.node(c).weight for c in ("d1", "d2", "d3")] == pytest.approx([0.5, 0.3, 0.2])
    weights = defn.global_weights()
    assert weights["p1"] == pytest.approx(0.5)  # d1 → i1 → p1, each alone below d1
    assert sum(weights[c] for c in ("p1", "p2", "p3")) == pytest.approx(1.0)


def test_ahp_judgements_give_weights_and_are_remembered():
    # a consistent set: d1 = 3 × d2, d2 = 2 × d3, so d1 = 6 × d3
    judgements = {(0, 1): editing.saaty_value("3"), (0, 2): 6.0, (1, 2): editing.saaty_value("2")}
    matrix = editing.pairs_to_matrix(3, judgements)
    result = metrics.ahp_weights(matrix)
    assert result.consistency_ratio == pytest.approx(0.0, abs=1e-9)
    defn = editing.with_weights(tree(), ["d1", "d2", "d3"], list(result.weights), group="", method="ahp", matrix=matrix)
    assert [defn.node(c).weight for c in ("d1", "d2", "d3")] == pytest.approx([6 / 9, 2 / 9, 1 / 9], abs=1e-9)
    rule = defn.weight_rule("")
    assert rule.method == "ahp" and rule.members == ("d1", "d2", "d3") and rule.matrix[0][1] == 3.0
    assert rule.matrix[1][0] == pytest.approx(1 / 3)


def test_inconsistent_judgements_name_the_clash():
    # d1 ≫ d2, d2 ≫ d3, but d3 ≫ d1: a cycle
    matrix = editing.pairs_to_matrix(3, {(0, 1): 5.0, (1, 2): 5.0, (0, 2): 1 / 5})
    result = metrics.ahp_weights(matrix)
    assert result.consistency_ratio >= 0.10
    assert result.clashing and (result.clashing[0].i, result.clashing[0].j) in {(0, 1), (0, 2), (1, 2)}


def test_saaty_choice_rounds_to_the_offered_judgement():
    assert editing.saaty_choice(3.2) == "3"
    assert editing.saaty_choice(1 / 3.1) == "1/3"
    assert editing.saaty_choice(20) == "9"


def test_a_scale_in_use_cannot_be_removed_and_a_renamed_one_follows_its_items():
    defn = tree()
    with pytest.raises(ValueError):
        editing.without_scale(defn, "s5")
    renamed = editing.with_scale(defn, Scale("five", "5", 1, 5), old_code="s5")
    assert {n.scale for n in renamed.items} == {"five"} and problems(renamed) == []
    added = editing.with_scale(defn, Scale(editing.unused_code(defn, "s5"), "7", 1, 7))
    assert [s.code for s in added.scales] == ["s5", "s5_2"]


def test_stated_importance_is_the_mean_importance_below_each_node():
    defn = SurveyDefinition(
        "t",
        "t",
        scales=(FIVE,),
        nodes=(
            Node("a", "dimension", "A", "A"),
            Node("a_i", "item", "I", "I", parent="a", role="importance", scale="s5"),
            Node("b", "dimension", "B", "B"),
            Node("b_i", "item", "I", "I", parent="b", role="importance", scale="s5"),
            Node("c", "dimension", "C", "C"),
        ),
    )
    responses = pd.DataFrame({"a_i": [4.0, 5.0, None], "b_i": [2.0, None, 3.0]})
    stated = editing.stated_importance(defn, responses, ["a", "b", "c"])
    assert stated["mean"].to_dict() == {"a": 4.5, "b": 2.5}  # missing answers left out, not counted as 0; c has none
    assert stated["n"].to_dict() == {"a": 2, "b": 2}
    assert stated["weight"].to_dict() == pytest.approx({"a": 4.5 / 7, "b": 2.5 / 7})


# --- the tree editor ---------------------------------------------------------------

NEW = {"label_zh": "新", "label_en": "New"}


def codes(defn: SurveyDefinition) -> list[str]:
    return [n.code for n in defn.nodes]


def test_children_land_under_their_parent_not_at_the_bottom():
    defn, indicator = editing.add_child(tree(), "d2", **NEW)
    assert defn.node(indicator).kind == "indicator" and defn.node(indicator).parent == "d2"
    assert codes(defn) == ["d1", "i1", "p1", "d2", "p2", indicator, "d3", "p3"]
    defn, item = editing.add_child(defn, indicator, **NEW)
    new = defn.node(item)
    assert (new.kind, new.parent, new.role, new.scale) == ("item", indicator, "perception", "s5")
    assert codes(defn).index(item) == codes(defn).index(indicator) + 1 and problems(defn) == []
    with pytest.raises(ValueError, match="designer.tree.no_child"):
        editing.add_child(defn, item, **NEW)
    defn, top = editing.add_child(defn, None, **NEW)
    assert defn.node(top).kind == "dimension" and codes(defn)[-1] == top


def test_a_sibling_lands_just_after_its_node_with_its_role_and_scale():
    defn, sibling = editing.add_sibling(tree(), "p1", **NEW)
    assert codes(defn)[:4] == ["d1", "i1", "p1", sibling]
    assert (defn.node(sibling).parent, defn.node(sibling).role, defn.node(sibling).scale) == ("i1", "perception", "s5")
    defn, dimension = editing.add_sibling(tree(), "d1", **NEW)
    assert codes(defn)[:4] == ["d1", "i1", "p1", dimension]  # after d1's subtree, before d2


def test_moving_takes_the_children_along_and_stops_at_the_ends():
    moved = editing.move(tree(), "d2", -1)
    assert codes(moved) == ["d2", "p2", "d1", "i1", "p1", "d3", "p3"]
    assert editing.move(moved, "d2", -1) == moved
    assert editing.move(tree(), "d3", 1) == tree()


def test_editing_a_node_renames_its_children_and_rules_and_moves_it_under_its_new_parent():
    defn = editing.with_weights(tree(), ["d1", "d2", "d3"], [1, 1, 1], group="", method="ahp", matrix=[[1] * 3] * 3)
    renamed = editing.with_node(defn, "i1", replace(defn.node("i1"), code="quality"))
    assert renamed.node("p1").parent == "quality" and problems(renamed) == []
    moved = editing.with_node(defn, "p1", replace(defn.node("p1"), parent="d3"))
    assert codes(moved)[-2:] == ["p3", "p1"] and moved.node("p1").parent == "d3"
    dimension = editing.with_node(defn, "d1", replace(defn.node("d1"), code="product"))
    assert dimension.weight_rule("").members == ("product", "d2", "d3")
    comment = editing.with_node(defn, "p2", replace(defn.node("p2"), role="comment"))
    assert comment.node("p2").scale is None  # a comment is answered in words


def test_deleting_a_node_takes_what_is_under_it():
    defn = editing.without_node(tree(), "d1")
    assert codes(defn) == ["d2", "p2", "d3", "p3"] and problems(defn) == []


def test_a_perception_item_may_not_be_placed_outside_the_tree_but_an_attribute_may():
    defn = replace(tree(), nodes=(*tree().nodes, Node("class", "item", "班级", "Class", role="attribute")))
    assert None not in editing.parent_choices(defn, "p1")
    assert editing.parent_choices(defn, "class")[0] is None
    assert editing.parent_choices(defn, "i1") == ["d1", "d2", "d3"]
    outside = editing.with_node(defn, "p1", replace(defn.node("p1"), parent=None))
    assert [p.message for p in problems(outside)] == ["def.item_needs_parent"]


def test_choices_are_typed_one_per_line_and_read_back():
    typed = "1班 | 一班 | Class 1\n\n 2班 \n | 三班 | Class 3"
    found = editing.choices_from_text(typed)
    assert found == (Choice("1班", "一班", "Class 1"), Choice("2班"), Choice("三班", "三班", "Class 3"))
    assert editing.choices_from_text(editing.choices_as_text(found)) == found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_message_shows_a_raw_none(lang):
    # what a table cell or a file may hold for "nothing chosen"
    bad = (
        Node("x1", "item", "X", "X", parent="i1", role="None", scale="s5"),
        Node("x2", "item", "X", "X", parent="i1", role="perception", scale="None"),
        Node("x3", None, "X", "X"),
        Node("x4", "item", "X", "X", parent="i1", role=float("nan"), scale="s5"),
    )
    found = problems(replace(tree(), nodes=(*tree().nodes, *bad)))
    assert {p.message for p in found} == {"def.role_missing", "def.scale_not_chosen", "def.kind_bad"}
    shown = [text(lang, p.message, **p.params) for p in found]
    assert not any("None" in line or "nan" in line for line in shown), shown
