"""Edits the designer makes to a definition, as plain functions.

The tree editor works on one node at a time (`outline`, `parent_choices`, `add_child`, `add_sibling`,
`move`, `with_node`, `without_node`, `choices_from_text`); the advanced view shows the indicator tree as
a table (one row per node) and the AHP judgements as a list of pairs; these functions turn those tables
back into a definition, and apply weights to one sibling group. None of them writes: the page saves the
result through `survey.surveys.edit_survey`, which keeps an answered version as it was.
"""

from __future__ import annotations

import math
from dataclasses import replace
from fractions import Fraction

import pandas as pd

import metrics
from survey.design.definition import INDICATOR_ROLES, TEXT_ROLES, Choice, Node, Scale, SurveyDefinition, WeightRule

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
    """New nodes; weight rules whose group or members vanished are dropped. An attribute keeps its choices
    (the table has no column for them)."""
    nodes = tuple(
        replace(n, choices=old.choices)
        if not n.choices and n.role == "attribute" and (old := defn.node(n.code)) is not None
        else n
        for n in nodes
    )
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


# --- the tree editor: one node at a time --------------------------------------

CHILD_KIND = {None: "dimension", "dimension": "indicator", "indicator": "item"}


def outline(defn: SurveyDefinition) -> list[tuple[Node, int]]:
    """Every node with its depth (0 at the top), in reading order: each node followed by its children;
    a node whose parent does not exist comes last, at the top level (so that it can be chosen and fixed)."""
    codes = {n.code for n in defn.nodes}
    children: dict[str | None, list[Node]] = {}
    for n in defn.nodes:
        children.setdefault(n.parent if n.parent in codes else None, []).append(n)
    shown: list[tuple[Node, int]] = []
    seen: set[str] = set()

    def walk(parent: str | None, depth: int) -> None:
        for n in children.get(parent, []):
            if n.code in seen:
                continue
            seen.add(n.code)
            shown.append((n, depth))
            walk(n.code, depth + 1)

    walk(None, 0)
    shown += [(n, 0) for n in defn.nodes if n.code not in seen]  # a cycle of parents
    return shown


def _ordered(nodes: list[Node]) -> tuple[Node, ...]:
    return tuple(n for n, _ in outline(replace(SurveyDefinition("", ""), nodes=tuple(nodes))))


def parent_choices(defn: SurveyDefinition, code: str) -> list[str | None]:
    """The parents the node may have, as codes (None: the top level): none for a dimension; a dimension for
    an indicator; an indicator or a dimension for an item, or the top level for an item whose role does not
    measure an indicator (NPS, loyalty, attributes, comments) or in a survey without dimensions."""
    node = defn.node(code)
    if node is None or node.kind == "dimension":
        return [None]
    dimensions = [n.code for n in defn.nodes if n.kind == "dimension"]
    if node.kind == "indicator":
        return list(dimensions)
    groups = [n.code for n, _ in outline(defn) if n.kind in ("dimension", "indicator")]
    top = node.role not in INDICATOR_ROLES or not groups
    return ([None] if top else []) + groups


def _new_node(defn: SurveyDefinition, kind: str, parent: str | None, label_zh: str, label_en: str) -> Node:
    code = unused_code(defn, {"dimension": "dim", "indicator": "ind", "item": "q"}[kind] + "1")
    if kind != "item":
        return Node(code, kind, label_zh, label_en, parent=parent)
    scored = [sc for sc in defn.scales if sc.code]
    scale = next((sc.code for sc in scored if (sc.minimum, sc.maximum) == (1, 5)), scored[0].code if scored else None)
    return Node(code, "item", label_zh, label_en, parent=parent, role="perception", scale=scale)


def add_child(
    defn: SurveyDefinition, parent: str | None, *, label_zh: str, label_en: str
) -> tuple[SurveyDefinition, str]:
    """A new node under `parent` (None: a new dimension at the top), placed after its last child, and its
    code: an indicator under a dimension, an item under an indicator (a perception item on the 5-point
    scale when there is one). ValueError "designer.tree.no_child" under an item."""
    holder = defn.node(parent) if parent else None
    kind = CHILD_KIND.get(holder.kind if holder else None)
    if kind is None or (parent and holder is None):
        raise ValueError("designer.tree.no_child")
    node = _new_node(defn, kind, parent, label_zh, label_en)
    return replace(defn, nodes=_ordered([*defn.nodes, node])), node.code


def add_sibling(defn: SurveyDefinition, code: str, *, label_zh: str, label_en: str) -> tuple[SurveyDefinition, str]:
    """A new node of the same level beside `code` (just after it), and its code; an item's sibling takes its
    role and scale."""
    node = defn.node(code)
    if node is None:
        raise ValueError("designer.tree.no_node")
    new = _new_node(defn, node.kind, node.parent, label_zh, label_en)
    if node.kind == "item":
        new = replace(new, role=node.role, scale=node.scale)
    nodes = list(defn.nodes)
    nodes.insert(nodes.index(node) + 1, new)
    return replace(defn, nodes=_ordered(nodes)), new.code


def move(defn: SurveyDefinition, code: str, step: int) -> SurveyDefinition:
    """The node moved `step` places among its siblings (-1 up, +1 down), its children with it; unchanged
    at either end."""
    node = defn.node(code)
    if node is None:
        return defn
    siblings = [n for n in defn.nodes if n.parent == node.parent]
    at = siblings.index(node)
    to = at + step
    if not 0 <= to < len(siblings):
        return defn
    other = siblings[to]
    nodes = list(defn.nodes)
    i, j = nodes.index(node), nodes.index(other)
    nodes[i], nodes[j] = other, node
    return replace(defn, nodes=_ordered(nodes))


def with_node(defn: SurveyDefinition, code: str, new: Node) -> SurveyDefinition:
    """The node `code` replaced by `new` (its level stays). A new code is followed by its children and by
    the weight rules that name it; a new parent puts the node last among its new siblings; an item given
    a text role (attribute, comment) drops its scale, one given another role drops its choices."""
    old = defn.node(code)
    if old is None:
        raise ValueError("designer.tree.no_node")
    new = replace(new, kind=old.kind)
    if new.kind != "item":
        new = replace(new, role=None, scale=None, required=False, choices=())
    elif new.role in TEXT_ROLES:
        new = replace(new, scale=None if new.role == "comment" else new.scale)
    if new.role != "attribute":
        new = replace(new, choices=())
    renamed = new.code != code
    nodes = []
    for n in defn.nodes:
        if n.code == code:
            continue
        nodes.append(replace(n, parent=new.code) if renamed and n.parent == code else n)
    place = defn.nodes.index(old)
    if new.parent != old.parent:
        nodes.append(new)
    else:
        nodes.insert(place, new)
    rules = defn.weight_rules
    if renamed:
        rules = tuple(
            replace(
                r,
                group=new.code if r.group == code else r.group,
                members=tuple(new.code if m == code else m for m in r.members),
            )
            for r in rules
        )
    return with_nodes(replace(defn, weight_rules=rules), _ordered(nodes))


def without_node(defn: SurveyDefinition, code: str) -> SurveyDefinition:
    """The definition without the node `code` and everything under it (weight rules naming them dropped).
    Stored answers are not touched here: saving an answered version this way makes a new version."""
    gone = {code} | {n.code for n in defn.descendants(code)}
    return with_nodes(defn, tuple(n for n in defn.nodes if n.code not in gone))


def choices_from_text(text: str) -> tuple[Choice, ...]:
    """Choices typed one per line: ``value`` or ``value | 中文 | English`` (empty lines skipped, each part
    trimmed): ``"1班 | 一班 | Class 1"`` stores "1班" and shows 一班 or Class 1."""
    found = []
    for line in (text or "").splitlines():
        parts = [p.strip() for p in line.split("|")]
        if not parts[0] and not any(parts):
            continue
        value, zh, en = (parts + ["", ""])[:3]
        found.append(Choice(value or zh or en, zh, en))
    return tuple(found)


def choices_as_text(choices: tuple[Choice, ...]) -> str:
    """The choices as `choices_from_text` reads them."""
    lines = []
    for c in choices:
        lines.append(c.value if not (c.label_zh or c.label_en) else " | ".join([c.value, c.label_zh, c.label_en]))
    return "\n".join(lines)
