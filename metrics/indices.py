"""Weighted 0–100 indices over an indicator tree (customer satisfaction index, CSI)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from metrics._checks import (
    check_within_scales,
    item_rows,
    numeric_columns,
    require_columns,
    require_frame,
    scale_of,
)

NODE_COLUMNS = ["code", "parent", "level", "weight", "global_weight", "index", "n"]


@dataclass(frozen=True)
class IndexResult:
    """Result of `satisfaction_index` and `loyalty_index`.

    index: the overall 0–100 index (NaN when nothing was answered).
    nodes: DataFrame, one row per tree node in the tree's order, columns
        code, parent (None at the top level), level (1 = top level,
        2 = its children, …), weight (among siblings, normalised to sum 1),
        global_weight (product of the weights from the top down to the
        node; the leaves' global weights sum to 1), index (0–100, NaN when
        nothing below was answered), n (respondents who answered at least
        one item at or below the node).
    n: respondents who answered at least one item of the tree.
    """

    index: float
    nodes: pd.DataFrame
    n: int

    def node(self, code) -> pd.Series:
        """The row of one node, e.g. `result.node("service")["index"]`."""
        rows = self.nodes[self.nodes["code"] == code]
        if rows.empty:
            raise ValueError(f"No node {code!r} in the index tree.")
        return rows.iloc[0]


def satisfaction_index(data: pd.DataFrame, tree: pd.DataFrame, *, scales) -> IndexResult:
    """Weighted satisfaction index (CSI) on 0–100 over an indicator tree, with every node's index.

    Formula (domain.md §4): each item (a leaf) gets
    index = (x̄ − min)/(max − min) × 100, x̄ the mean of its answered
    values and (min, max) its scale. A node's index is the weighted mean of
    its children's indices, Σ w_c·I_c / Σ w_c, where the sum runs over the
    children that have an index: a child nobody answered is left out and
    the weights of the others are renormalised (so a missing answer never
    counts as a zero). The overall index aggregates the top-level nodes the
    same way.

    Conventions:
    - `data`: one row per respondent, one numeric column per item code;
      NaN (or None / pd.NA) = missing (e.g. "don't know"). Every answered
      value must lie within its scale, otherwise ValueError. Columns not in
      the tree are ignored.
    - `tree`: DataFrame with columns code, parent (None, NaN or "" at the
      top level) and weight (weight among siblings; any non-negative
      numbers — percentages, points — normalised within each sibling
      group). Codes are unique; leaves (nodes without children) are item
      codes present in `data`. Dimensions → indicators → items, or any
      depth.
    - `scales`: maps every leaf item code to (min, max), or one (min, max)
      pair for all items.
    - A node whose answered children all have weight 0 has a NaN index.

    Reference: Fornell, C. et al. (1996). The American Customer Satisfaction
    Index. Journal of Marketing 60(4), 7–18 (0–100 rescaling); the
    indicator-system method of the CRM textbook (domain.md §2, §4).

    Example
    -------
    >>> data = pd.DataFrame({"q1": [5, 4], "q2": [3, None], "q3": [1, 2]})
    >>> tree = pd.DataFrame({"code": ["service", "q1", "q2", "price", "q3"],
    ...                      "parent": [None, "service", "service", None, "price"],
    ...                      "weight": [0.6, 1, 1, 0.4, 1]})
    >>> r = satisfaction_index(data, tree, scales=(1, 5))
    >>> float(r.node("service")["index"]), round(r.index, 2)
    (68.75, 46.25)
    """
    require_frame(data, "data")
    require_frame(tree, "tree")
    nodes = _parse_tree(tree)
    leaves = [code for code in nodes.index if not nodes.at[code, "children"]]
    require_columns(data, leaves, "data (the tree's items)")
    lows, highs = np.array([scale_of(scales, c) for c in leaves]).T

    frame = numeric_columns(data, leaves, "data")
    x = item_rows(frame)  # items × respondents
    answered = ~np.isnan(x)
    n_items = np.count_nonzero(answered, axis=1)
    if x.size:
        check_within_scales(x, leaves, lows, highs, "data")
    sums = np.add.reduce(x, axis=1, where=answered)
    with np.errstate(invalid="ignore", divide="ignore"):
        item_index = (sums / n_items - lows) / (highs - lows) * 100
    leaf_pos = {code: k for k, code in enumerate(leaves)}

    index: dict = {}
    count: dict = {}
    reach: dict = {}  # per internal node: bool per respondent, answered something below
    for code in reversed(nodes.index):  # children come after their parent in topological order
        children = nodes.at[code, "children"]
        if not children:
            k = leaf_pos[code]
            index[code], count[code] = float(item_index[k]), int(n_items[k])
            continue
        index[code] = _weighted_mean([index[c] for c in children], [nodes.at[c, "weight"] for c in children])
        reach[code] = _any_answered(children, leaf_pos, answered, reach)
        count[code] = int(reach[code].sum())

    top = [c for c in nodes.index if nodes.at[c, "parent"] is None]
    overall = _weighted_mean([index[c] for c in top], [nodes.at[c, "weight"] for c in top])
    n_total = int(_any_answered(top, leaf_pos, answered, reach).sum()) if x.shape[1] else 0

    order = list(tree["code"])
    out = pd.DataFrame(
        {
            "code": order,
            "parent": pd.Series([nodes.at[c, "parent"] for c in order], dtype=object),
            "level": [int(nodes.at[c, "level"]) for c in order],
            "weight": [float(nodes.at[c, "weight"]) for c in order],
            "global_weight": [float(nodes.at[c, "global_weight"]) for c in order],
            "index": [index[c] for c in order],
            "n": [count[c] for c in order],
        }
    )
    return IndexResult(overall, out, n_total)


def _weighted_mean(values: list, weights: list) -> float:
    v = np.asarray(values, dtype=float)
    w = np.asarray(weights, dtype=float)
    has = ~np.isnan(v)
    total = w[has].sum()
    if not has.any() or total <= 0:
        return math.nan
    return float(min(max((w[has] * v[has]).sum() / total, 0.0), 100.0))


def _any_answered(children: list, leaf_pos: dict, answered: np.ndarray, reach: dict) -> np.ndarray:
    cols = [leaf_pos[c] for c in children if c in leaf_pos and c not in reach]
    out = np.zeros(answered.shape[1], dtype=bool)
    if cols:
        if cols == list(range(cols[0], cols[0] + len(cols))):
            out |= answered[cols[0] : cols[-1] + 1].any(axis=0)
        else:
            out |= answered[cols].any(axis=0)
    for c in children:
        if c in reach:
            out |= reach[c]
    return out


def _parse_tree(tree: pd.DataFrame) -> pd.DataFrame:
    """Validated tree indexed by code, in topological order (parents first), with children,
    level, normalised weight and global weight."""
    require_columns(tree, ["code", "parent", "weight"], "tree")
    if tree.empty:
        raise ValueError("The indicator tree is empty; add at least one item.")
    codes = list(tree["code"])
    if any(c is None or (isinstance(c, float) and math.isnan(c)) or c == "" for c in codes):
        raise ValueError("Every tree node needs a code; found an empty one.")
    dup = pd.Index(codes)[pd.Index(codes).duplicated()].unique().tolist()
    if dup:
        raise ValueError(f"Tree codes must be unique; {', '.join(map(repr, dup))} appear(s) more than once.")
    parents = [
        None if p is None or p is pd.NA or p == "" or (isinstance(p, float) and math.isnan(p)) else p
        for p in tree["parent"]
    ]
    unknown = [(c, p) for c, p in zip(codes, parents) if p is not None and p not in set(codes)]
    if unknown:
        c, p = unknown[0]
        raise ValueError(f"Node {c!r} has parent {p!r}, which is not a code in the tree.")
    weights = pd.to_numeric(tree["weight"], errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(weights) | (weights < 0)
    if bad.any():
        k = int(np.flatnonzero(bad)[0])
        raise ValueError(f"Node {codes[k]!r} has weight {tree['weight'].iloc[k]!r}; weights must be numbers ≥ 0.")

    parent_of = dict(zip(codes, parents))
    children: dict = {c: [] for c in codes}
    for c, p in zip(codes, parents):
        if p is not None:
            children[p].append(c)
    # topological order from the top level; nodes never reached sit on a cycle
    order, level = [], {}
    stack = [(c, 1) for c in reversed(codes) if parent_of[c] is None]
    while stack:
        c, depth = stack.pop()
        order.append(c)
        level[c] = depth
        stack.extend((k, depth + 1) for k in reversed(children[c]))
    if len(order) != len(codes):
        cyclic = [c for c in codes if c not in level]
        raise ValueError(
            f"The tree has a cycle through {', '.join(map(repr, cyclic[:5]))}; "
            "every node must lead up to a top-level node."
        )

    raw = dict(zip(codes, weights))
    norm, global_w = {}, {}
    for p in [None, *codes]:
        group = [c for c in codes if parent_of[c] == p]
        if not group:
            continue
        total = sum(raw[c] for c in group)
        if total <= 0:
            where = "the top level" if p is None else f"the children of {p!r}"
            raise ValueError(f"The weights of {where} are all zero; give at least one a positive weight.")
        for c in group:
            norm[c] = raw[c] / total
    for c in order:
        global_w[c] = norm[c] * (global_w[parent_of[c]] if parent_of[c] is not None else 1.0)
    return pd.DataFrame(
        {
            "parent": pd.Series([parent_of[c] for c in order], dtype=object, index=order),
            "children": [children[c] for c in order],
            "level": [level[c] for c in order],
            "weight": [norm[c] for c in order],
            "global_weight": [global_w[c] for c in order],
        },
        index=order,
    ).rename_axis("code")
