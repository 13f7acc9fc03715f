"""Edits the designer makes to a definition, as plain functions.

The designer shows the indicator tree as a table (one row per node) and the
AHP judgements as a list of pairs; these functions turn those tables back
into a definition, and apply weights to one sibling group.
"""

from __future__ import annotations

import math
from dataclasses import replace
from fractions import Fraction

import pandas as pd

import metrics
from survey.design.definition import Node, Scale, SurveyDefinition, WeightRule

TREE_COLUMNS = ["kind", "code", "parent", "label_zh", "label_en", "role", "scale", "weight", "required"]

# Saaty's 1–9 scale as offered in the pairwise editor, strongest left first.
SAATY_CHOICES = ["9", "8", "7", "6", "5", "4", "3", "2", "1", "1/2", "1/3", "1/4", "1/5", "1/6", "1/7", "1/8", "1/9"]


def tree_rows(defn: SurveyDefinition) -> pd.DataFrame:
    """The nodes as an editable table, in reading order."""
    rows = [
        {
            "kind": n.kind,
            "code": n.code,
            "parent": n.parent or "",
            "label_zh": n.label_zh,
            "label_en": n.label_en,
            "role": n.role or "",
            "scale": n.scale or "",
            "weight": n.weight,
            "required": bool(n.required),
        }
        for n in defn.nodes
    ]
    return pd.DataFrame(rows, columns=TREE_COLUMNS)


def cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return str(value).strip()


def cell_weight(value: object) -> float:
    try:
        weight = float(value)
    except (TypeError, ValueError):
        return 1.0
    return weight if math.isfinite(weight) else 1.0


def nodes_from_rows(rows: pd.DataFrame) -> tuple[Node, ...]:
    """The edited table back as nodes; empty rows are dropped.

    An empty weight counts as 1 (an equal share after normalising); the
    role and scale of a dimension or indicator are ignored.
    """
    nodes = []
    for record in rows.to_dict("records"):
        code = cell_text(record.get("code"))
        kind = cell_text(record.get("kind")) or "item"
        if not code and not cell_text(record.get("label_zh")) and not cell_text(record.get("label_en")):
            continue
        is_item = kind == "item"
        nodes.append(
            Node(
                code=code,
                kind=kind,
                label_zh=cell_text(record.get("label_zh")),
                label_en=cell_text(record.get("label_en")),
                parent=cell_text(record.get("parent")) or None,
                role=(cell_text(record.get("role")) or None) if is_item else None,
                scale=(cell_text(record.get("scale")) or None) if is_item else None,
                weight=cell_weight(record.get("weight")),
                required=bool(record.get("required")) if is_item and record.get("required") is not None else False,
            )
        )
    return tuple(nodes)


def with_nodes(defn: SurveyDefinition, nodes: tuple[Node, ...]) -> SurveyDefinition:
    """New nodes; weight rules whose group or members vanished are dropped."""
    codes = {n.code for n in nodes}
    rules = tuple(
        r for r in defn.weight_rules if (not r.group or r.group in codes) and all(m in codes for m in r.members)
    )
    return replace(defn, nodes=nodes, weight_rules=rules)


def with_scale(defn: SurveyDefinition, scale: Scale, *, old_code: str | None = None) -> SurveyDefinition:
    """Add a scale, or replace the one called `old_code` (items follow a renamed code)."""
    key = old_code or scale.code
    if any(s.code == key for s in defn.scales):
        scales = tuple(scale if s.code == key else s for s in defn.scales)
    else:
        scales = (*defn.scales, scale)
    nodes = defn.nodes
    if old_code and old_code != scale.code:
        nodes = tuple(replace(n, scale=scale.code) if n.scale == old_code else n for n in nodes)
    return replace(defn, scales=scales, nodes=nodes)


def scale_in_use(defn: SurveyDefinition, code: str) -> bool:
    return any(n.scale == code for n in defn.nodes)


def without_scale(defn: SurveyDefinition, code: str) -> SurveyDefinition:
    if scale_in_use(defn, code):
        raise ValueError("designer.scale_in_use")
    return replace(defn, scales=tuple(s for s in defn.scales if s.code != code))


def unused_code(defn: SurveyDefinition, stem: str) -> str:
    taken = {s.code for s in defn.scales} | {n.code for n in defn.nodes}
    if stem not in taken:
        return stem
    number = 2
    while f"{stem}_{number}" in taken:
        number += 1
    return f"{stem}_{number}"


def with_weights(
    defn: SurveyDefinition,
    members: list[str],
    weights: list[float],
    *,
    group: str | None,
    method: str = "direct",
    matrix: list[list[float]] | None = None,
) -> SurveyDefinition:
    """Set the weights of one sibling group, normalised.

    `group` is the parent code ("" for the top dimensions) when the members
    are dimensions or indicators: how their weights were set is remembered
    as a weight rule (AHP keeps its judgements). Item groups (None) only
    take direct weights.
    """
    new = dict(zip(members, weights))
    nodes = tuple(replace(n, weight=float(new[n.code])) if n.code in new else n for n in defn.nodes)
    rules = defn.weight_rules
    if group is not None:
        rule = WeightRule(
            group=group,
            method=method,
            members=tuple(members) if method == "ahp" else (),
            matrix=tuple(tuple(float(v) for v in row) for row in matrix) if matrix and method == "ahp" else (),
        )
        rules = (*(r for r in rules if r.group != group), rule)
    return replace(defn, nodes=nodes, weight_rules=rules).normalised()


def saaty_value(choice: str) -> float:
    return float(Fraction(choice))


def saaty_choice(value: float) -> str:
    """The offered judgement nearest to `value` (on a log scale)."""
    return min(SAATY_CHOICES, key=lambda c: abs(math.log(saaty_value(c)) - math.log(value)))


def pairs_to_matrix(n: int, judgements: dict[tuple[int, int], float]) -> list[list[float]]:
    """A reciprocal matrix from the judgements above its diagonal (missing ones are 1)."""
    matrix = [[1.0] * n for _ in range(n)]
    for (i, j), value in judgements.items():
        matrix[i][j] = value
        matrix[j][i] = 1.0 / value
    return matrix


def stated_importance(defn: SurveyDefinition, responses: pd.DataFrame, members: list[str]) -> pd.DataFrame:
    """The stated importance of each member: the importance items at or below it, pooled
    (`metrics.stated_importance`: indexed by member, columns mean, n, weight; members without
    answers left out).

    domain.md §2: the weight of a node from stated importance is its mean
    importance divided by the sum over its siblings.
    """
    below = {
        code: [n.code for n in defn.descendants(code) if n.kind == "item" and n.role == "importance"]
        for code in members
    }
    return metrics.stated_importance(responses, below)
