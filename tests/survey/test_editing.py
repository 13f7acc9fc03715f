"""The designer's edits: the tree table round trip, weights, AHP judgements, scales."""

import pandas as pd
import pytest

import metrics
from survey.design import editing
from survey.design.definition import Node, Scale, SurveyDefinition, problems

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
