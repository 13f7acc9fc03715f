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
from metrics.weighting import respondent_weight_values

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


def satisfaction_index(data: pd.DataFrame, tree: pd.DataFrame, *, scales, weights=None) -> IndexResult:
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
    - `weights` (optional): one survey weight per respondent (e.g.
      `rake(...).weights`; a Series is matched by index, anything else by
      position; finite, ≥ 0). Each item mean becomes the weighted mean
      Σ w·x / Σ w over the respondents who answered it; the counts `n`
      stay numbers of respondents. None (the default) = every respondent
      counts once.

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
    nodes = tree_weights(tree)
    leaves = [code for code in nodes.index if not nodes.at[code, "children"]]
    require_columns(data, leaves, "data (the tree's items)")
    lows, highs = np.array([scale_of(scales, c) for c in leaves]).T

    frame = numeric_columns(data, leaves, "data")
    x = item_rows(frame)  # items × respondents
    answered = ~np.isnan(x)
    n_items = np.count_nonzero(answered, axis=1)
    if x.size:
        check_within_scales(x, leaves, lows, highs, "data")
    if weights is None:
        sums, bases = np.add.reduce(x, axis=1, where=answered), n_items
    else:
        w = respondent_weight_values(weights, data.index)
        sums, bases = np.add.reduce(x * w, axis=1, where=answered), answered @ w
    with np.errstate(invalid="ignore", divide="ignore"):
        item_index = (sums / bases - lows) / (highs - lows) * 100
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


def respondent_scores(data: pd.DataFrame, weights, *, scales) -> pd.Series:
    """Each respondent's 0–100 score over some items: the per-respondent form of the index formula.

    Formula: score = Σ w_i·(x_i − min_i)/(max_i − min_i)·100 / Σ w_i, the
    sums running over the items the respondent answered (a missing answer
    is left out, never a zero); NaN when the respondent answered none of
    them (or only items of weight 0).

    Conventions:
    - `data`: one row per respondent; `weights` maps item codes to weights
      ≥ 0 (e.g. the leaves' global weights from `tree_weights`); items not
      in `data` are left out (a survey version without them).
    - `scales`: item code → (min, max), or one (min, max) for all.
    - Used where one value per respondent is needed: group tests (Welch t),
      the satisfaction–loyalty matrix, derived importance.

    Example
    -------
    >>> data = pd.DataFrame({"a": [5, 1, None], "b": [3, None, None]})
    >>> respondent_scores(data, {"a": 1, "b": 3}, scales=(1, 5)).tolist()
    [62.5, 0.0, nan]
    """
    require_frame(data, "data")
    items = [c for c in weights if c in data.columns]
    if not items or data.empty:
        return pd.Series(np.nan, index=data.index, dtype=float)
    x = numeric_columns(data, items, "data").to_numpy(dtype=float, na_value=np.nan)
    bounds = np.array([scale_of(scales, c) for c in items], dtype=float)
    w = np.array([float(weights[c]) for c in items])
    if not np.all(np.isfinite(w)) or (w < 0).any():
        raise ValueError(f"weights must be finite and non-negative; got {dict(zip(items, w))}.")
    rescaled = (x - bounds[:, 0]) / (bounds[:, 1] - bounds[:, 0]) * 100
    answered = ~np.isnan(x)
    total = answered.astype(float) @ w
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.where(answered, rescaled, 0.0) @ w / total
    score[total <= 0] = np.nan
    return pd.Series(score, index=data.index, dtype=float)


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


def sibling_weights(weights, groups, *, all_zero: str = "raise") -> pd.Series:
    """Weights normalised to sum 1 within each group of siblings.

    Formula (domain.md §2): w'_i = w_i / Σ_{j in group(i)} w_j.

    Conventions:
    - `weights`: a Series (or mapping) of non-negative finite numbers,
      indexed by node code; any units (percentages, points, mean stated
      importance) — only the ratios within a group count.
    - `groups`: a Series or mapping of the same codes to a hashable group
      key (usually the parent; `tree_weights` uses (parent, group)).
    - `all_zero`: what a group whose weights are all 0 means: "raise"
      (ValueError naming the group) or "equal" (its members count equally,
      the designer's rule for a group the user has not weighted yet).

    Example
    -------
    >>> sibling_weights({"a": 3, "b": 1, "c": 0, "d": 0}, {"a": "x", "b": "x", "c": "y", "d": "y"},
    ...                 all_zero="equal").tolist()
    [0.75, 0.25, 0.5, 0.5]
    """
    w = pd.Series(weights, dtype=object)
    group_of = pd.Series(groups, dtype=object).reindex(w.index)
    norm = _normalised(list(w.index), list(w), list(group_of), all_zero)
    return pd.Series([norm[c] for c in w.index], index=w.index, dtype=float)


def _normalised(codes: list, raw: list, groups: list, all_zero: str) -> dict:
    """code → weight / Σ weights of its group (see `sibling_weights`), in plain Python: it runs for every
    index of every segment."""
    if all_zero not in ("raise", "equal"):
        raise ValueError(f"all_zero must be 'raise' or 'equal', not {all_zero!r}.")
    values = []
    for code, value in zip(codes, raw):
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not math.isfinite(number) or number < 0:
            raise ValueError(f"Node {code!r} has weight {value!r}; weights must be numbers ≥ 0.")
        values.append(number)
    keys = [_group_key(g) for g in groups]
    totals: dict = {}
    sizes: dict = {}
    for key, value in zip(keys, values):
        totals[key] = totals.get(key, 0.0) + value
        sizes[key] = sizes.get(key, 0) + 1
    out = {}
    for code, key, value, group in zip(codes, keys, values, groups):
        if totals[key] > 0:
            out[code] = value / totals[key]
        elif all_zero == "equal":
            out[code] = 1.0 / sizes[key]
        else:
            raise ValueError(f"The weights of {_group_name(group)} are all zero; give at least one a positive weight.")
    return out


def tree_weights(tree: pd.DataFrame, *, all_zero: str = "raise") -> pd.DataFrame:
    """Each node's weight among its siblings and in the whole tree (the global weight).

    Formula (domain.md §2): a node's weight among its siblings is
    w_i / Σ w_siblings; its global weight is the product of these weights
    from the top level down to the node, so the global weights of the
    leaves (of one group each) sum to 1.

    Conventions:
    - `tree`: DataFrame with columns code, parent (None, NaN or "" at the
      top level) and weight (≥ 0, any units), and optionally `group`:
      siblings are the nodes with the same parent *and* group (so an
      indicator's perception items and its importance items are weighed
      apart). Codes are unique; every parent is a code of the tree; no cycles.
    - `all_zero`: a sibling group whose weights are all 0 — "raise"
      (ValueError) or "equal" (see `sibling_weights`).

    Returns a DataFrame indexed by code in topological order (each parent
    before its children, siblings in the tree's order) with columns parent,
    children (list of codes), level (1 = top level), weight (normalised
    among siblings) and global_weight.

    Example
    -------
    >>> tree = pd.DataFrame({"code": ["service", "q1", "q2", "price", "q3"],
    ...                      "parent": [None, "service", "service", None, "price"],
    ...                      "weight": [60, 1, 3, 40, 1]})
    >>> tree_weights(tree)["global_weight"].round(3).tolist()
    [0.6, 0.15, 0.45, 0.4, 0.4]
    """
    require_columns(tree, ["code", "parent", "weight"], "tree")
    if tree.empty:
        raise ValueError("The indicator tree is empty; add at least one item.")
    codes = list(tree["code"])
    if any(c is None or (isinstance(c, float) and math.isnan(c)) or c == "" for c in codes):
        raise ValueError("Every tree node needs a code; found an empty one.")
    if len(set(codes)) < len(codes):
        dup = list(dict.fromkeys(c for c in codes if codes.count(c) > 1))
        raise ValueError(f"Tree codes must be unique; {', '.join(map(repr, dup))} appear(s) more than once.")
    parents = [None if _is_top(p) else p for p in tree["parent"]]
    known = set(codes)
    unknown = [(c, p) for c, p in zip(codes, parents) if p is not None and p not in known]
    if unknown:
        c, p = unknown[0]
        raise ValueError(f"Node {c!r} has parent {p!r}, which is not a code in the tree.")
    kinds = list(tree["group"]) if "group" in tree.columns else [None] * len(codes)
    norm = _normalised(codes, list(tree["weight"]), list(zip(parents, kinds)), all_zero)

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
    global_w: dict = {}
    for c in order:
        global_w[c] = norm[c] * (global_w[parent_of[c]] if parent_of[c] is not None else 1.0)
    return pd.DataFrame(
        {
            "parent": pd.Series([parent_of[c] for c in order], dtype=object, index=order),
            "children": [children[c] for c in order],
            "level": [level[c] for c in order],
            "weight": [float(norm[c]) for c in order],
            "global_weight": [global_w[c] for c in order],
        },
        index=order,
    ).rename_axis("code")


def _is_top(parent) -> bool:
    return (
        parent is None
        or parent is pd.NA
        or (isinstance(parent, str) and parent == "")
        or (isinstance(parent, float) and math.isnan(parent))
    )


def _group_key(group):
    """A hashable key for a group, with every spelling of "no parent" the same."""
    if isinstance(group, tuple):
        return tuple(None if _is_top(g) else g for g in group)
    return None if _is_top(group) else group


def _group_name(group) -> str:
    parent = group[0] if isinstance(group, tuple) else group
    return "the top level" if _is_top(parent) else f"the children of {parent!r}"
