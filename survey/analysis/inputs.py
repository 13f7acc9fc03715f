"""What a survey offers the dashboards (`AnalysisInputs`, read once from its definition), and choosing the responses."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

import metrics
from survey.design.definition import SurveyDefinition, kano_pairs

# Columns of a responses frame that are not answers (survey.storage.store.responses_frame).
BASE_COLUMNS = ("response_id", "version", "wave", "submitted_at")


# Experience-table columns (metrics.experience_table) by item role.
EXPERIENCE_ROLES = {"perception": "actual", "expectation": "expectation", "importance": "importance", "ideal": "ideal"}


# The inner models of domain.md §4 over the dimension codes of the ECSI template (survey.design.templates.ecsi).
# ECSI: the model of the ECSI mobile-phone data (shared data README), complaints optional as in the
# full ECSI (SAT → COMP → LOY). ACSI: the same without image.
ECSI_PATHS = {
    "expectation": ("image",),
    "quality": ("expectation",),
    "value": ("expectation", "quality"),
    "satisfaction": ("image", "expectation", "quality", "value"),
    "complaints": ("satisfaction",),
    "loyalty": ("image", "satisfaction", "complaints"),
}


ACSI_PATHS = {
    "quality": ("expectation",),
    "value": ("expectation", "quality"),
    "satisfaction": ("expectation", "quality", "value"),
    "complaints": ("satisfaction",),
    "loyalty": ("satisfaction", "complaints"),
}


OPTIONAL_CONSTRUCTS = ("complaints",)


# Attribute codes taken as a customer's value or spend (the customer pyramid, domain.md §8).
VALUE_FIELD = re.compile(r"(value|spend|revenue|turnover|amount|sales|消费|金额|价值|营业额)", re.IGNORECASE)


# Quadrant labels of the satisfaction–loyalty matrix and IPA come from metrics (SEGMENTS, QUADRANTS).


@dataclass(frozen=True)
class AnalysisInputs:
    """What a survey offers for analysis, read from its definition (see `analysis_inputs`).

    tree: DataFrame code, parent, weight, global_weight, kind — the perception
        items and every node above them, in tree order, weights normalised
        among the siblings kept (nodes without perception items are left
        out), for `metrics.satisfaction_index`.
    scales: item code → (min, max) for every numeric item.
    units: the indicators of the importance–performance analysis: the
        parents of perception items (or the item itself when it has no
        parent), in tree order.
    gap_pairs: pair key → (perception item, expectation item): items of the
        two roles under the same node, paired in order (the key is the node
        when it has one pair, else the perception item).
    pair_parent: pair key → the node both items hang under.
    experience: indicator → {actual, expectation, importance, ideal} item codes,
        for indicators that have all four (the customer experience table).
    importance: unit → its stated-importance items.
    loyalty: loyalty item → weight (normalised).
    recommend: the 0–10 recommend item, or None.
    overall: overall-satisfaction items.
    segment_fields: attribute codes usable as segments (not `wave`; never a comment).
    dimension_of: node or item code → its top-level node.
    blocks, paths: PLS blocks (dimension → its numeric items) and inner paths
        when the dimensions are those of an ECSI or ACSI model, else None.
    model_name: "ECSI", "ACSI", "custom" (the paths drawn on the Model page) or None.
    value_field: an attribute that holds a customer's value or spend, or None.
    servqual_like: every perception item has an expectation partner and the
        pairs span at least two dimensions.
    csat, ces: the CSAT and CES items (roles "csat", "ces").
    kano: Kano feature → (functional item, dysfunctional item) (`kano_pairs`).
    """

    tree: pd.DataFrame
    scales: dict
    units: tuple
    gap_pairs: dict
    pair_parent: dict
    experience: dict
    importance: dict
    loyalty: dict
    recommend: str | None
    overall: tuple
    segment_fields: tuple
    dimension_of: dict
    blocks: dict | None = None
    paths: dict | None = None
    model_name: str | None = None
    value_field: str | None = None
    servqual_like: bool = False
    dimension_weights: dict = field(default_factory=dict)
    csat: tuple = ()
    ces: tuple = ()
    kano: dict = field(default_factory=dict)


def analysis_inputs(defn: SurveyDefinition) -> AnalysisInputs:
    """Read a definition into the inputs the metrics need.

    Example
    -------
    >>> from survey.design import templates
    >>> a = analysis_inputs(templates.build("experience_table"))
    >>> a.gap_pairs["convenience"], a.experience["convenience"]["ideal"], a.recommend
    (('convenience_p', 'convenience_e'), 'convenience_ideal', None)
    """
    norm = defn.normalised()
    by_code = {n.code: n for n in norm.nodes}
    scales = {}
    for item in norm.items:
        scale = norm.scale(item.scale)
        if not item.is_text and scale is not None:
            scales[item.code] = (float(scale.minimum), float(scale.maximum))

    def top(code: str) -> str:
        seen, cur = {code}, by_code[code]
        while cur.parent and cur.parent in by_code and cur.parent not in seen:
            seen.add(cur.parent)
            cur = by_code[cur.parent]
        return cur.code

    perception = [n for n in norm.items_with_role("perception") if n.code in scales]
    keep: set[str] = set()
    for item in perception:
        cur = item
        keep.add(cur.code)
        while cur.parent and cur.parent in by_code and cur.parent not in keep:
            keep.add(cur.parent)
            cur = by_code[cur.parent]
    tree_nodes = [n for n in norm.nodes if n.code in keep]
    tree = pd.DataFrame(
        {
            "code": [n.code for n in tree_nodes],
            "parent": pd.Series([n.parent if n.parent in keep else None for n in tree_nodes], dtype=object),
            "weight": [float(n.weight) for n in tree_nodes],
            "kind": [n.kind for n in tree_nodes],
        }
    )
    # weights renormalised among the siblings kept, by the designer's rule (a group all at 0 counts equally)
    tree["global_weight"] = np.nan
    if not tree.empty:
        weighed = metrics.tree_weights(tree, all_zero="equal").reindex(tree["code"])
        tree["weight"] = weighed["weight"].to_numpy()
        tree["global_weight"] = weighed["global_weight"].to_numpy()

    units = tuple(dict.fromkeys(n.parent if n.parent else n.code for n in perception))

    gap_pairs: dict = {}
    pair_parent: dict = {}
    experience: dict = {}
    importance: dict = {}
    parents = dict.fromkeys(n.parent for n in norm.items if n.parent)
    for parent in parents:
        kids = [n for n in norm.children(parent) if n.kind == "item" and n.code in scales]
        by_role: dict[str, list[str]] = {}
        for n in kids:
            by_role.setdefault(n.role, []).append(n.code)
        ps, es = by_role.get("perception", []), by_role.get("expectation", [])
        for p, e in zip(ps, es):
            key = parent if min(len(ps), len(es)) == 1 else p
            gap_pairs[key] = (p, e)
            pair_parent[key] = parent
        if all(by_role.get(role) for role in EXPERIENCE_ROLES):
            experience[parent] = {col: by_role[role][0] for role, col in EXPERIENCE_ROLES.items()}
        if by_role.get("importance"):
            importance[parent] = tuple(by_role["importance"])

    loyalty_items = [n for n in norm.items_with_role("loyalty") if n.code in scales]
    total = sum(n.weight for n in loyalty_items)
    loyalty = {n.code: (n.weight / total if total > 0 else 1 / len(loyalty_items)) for n in loyalty_items}
    recommend = next((n.code for n in norm.items_with_role("recommend") if n.code in scales), None)
    overall = tuple(n.code for n in norm.items_with_role("overall") if n.code in scales)
    attributes = [n.code for n in norm.items_with_role("attribute")]
    segment_fields = tuple(c for c in attributes if c != "wave" and not VALUE_FIELD.search(c))
    value_field = next((c for c in attributes if VALUE_FIELD.search(c)), None)
    dimension_of = {n.code: top(n.code) for n in norm.nodes}
    pair_dims = {dimension_of[pair_parent[k]] for k in gap_pairs}
    servqual_like = bool(gap_pairs) and len(pair_dims) >= 2 and len(gap_pairs) == len(perception)
    dimension_weights = {n.code: float(n.weight) for n in norm.nodes if n.parent is None and n.kind != "item"}

    blocks, paths, model_name = _model(norm, scales)
    return AnalysisInputs(
        tree=tree,
        scales=scales,
        units=units,
        gap_pairs=gap_pairs,
        pair_parent=pair_parent,
        experience=experience,
        importance=importance,
        loyalty=loyalty,
        recommend=recommend,
        overall=overall,
        segment_fields=segment_fields,
        dimension_of=dimension_of,
        blocks=blocks,
        paths=paths,
        model_name=model_name,
        value_field=value_field,
        servqual_like=servqual_like,
        dimension_weights=dimension_weights,
        csat=tuple(n.code for n in norm.items_with_role("csat") if n.code in scales),
        ces=tuple(n.code for n in norm.items_with_role("ces") if n.code in scales),
        kano={f: pair for f, pair in kano_pairs(norm).items() if pair[0] in scales and pair[1] in scales},
    )


def model_blocks(defn: SurveyDefinition, scales: dict) -> dict[str, list[str]]:
    """dimension → its items answered on a scale: the reflective blocks a path model can join."""
    blocks = {}
    for dim in (n for n in defn.nodes if n.kind == "dimension"):
        items = [n.code for n in defn.descendants(dim.code) if n.kind == "item" and n.code in scales]
        if items:
            blocks[dim.code] = items
    return blocks


def _model(defn: SurveyDefinition, scales: dict) -> tuple[dict | None, dict | None, str | None]:
    """PLS blocks and paths: the model drawn on the Model page ("custom"; paths to or from a dimension that
    lost its items since are left out), else the ECSI or ACSI model when the survey's dimensions are
    those of the model."""
    blocks = model_blocks(defn, scales)
    if defn.model_paths:
        paths: dict[str, list[str]] = {}
        for a, b in defn.model_paths:
            if a in blocks and b in blocks and a != b:
                paths.setdefault(b, []).append(a)
        used = {c for dep, ps in paths.items() for c in (dep, *ps)}
        if paths:
            return {c: blocks[c] for c in blocks if c in used}, paths, "custom"
    for name, model in (("ECSI", ECSI_PATHS), ("ACSI", ACSI_PATHS)):
        constructs = set(model) | {p for ps in model.values() for p in ps}
        if not (constructs - set(OPTIONAL_CONSTRUCTS)) <= set(blocks):
            continue
        used = {c for c in constructs if c in blocks}
        paths = {dep: [p for p in ps if p in used] for dep, ps in model.items() if dep in used}
        paths = {dep: ps for dep, ps in paths.items() if ps}
        return {c: blocks[c] for c in blocks if c in used}, paths, name
    return None, None, None


def filter_responses(
    frame: pd.DataFrame,
    *,
    versions: Sequence[int] | None = None,
    waves: Sequence[str] | None = None,
    segments: Mapping[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """The responses of the chosen versions (numbers), waves and segment values; empty choices keep all."""
    keep = np.ones(len(frame), dtype=bool)
    if versions:
        keep &= frame["version"].isin(list(versions)).to_numpy()
    if waves:
        keep &= frame["wave"].isin(list(waves)).to_numpy(dtype=bool, na_value=False)
    for name, values in (segments or {}).items():
        if values and name in frame.columns:
            keep &= frame[name].isin(list(values)).to_numpy(dtype=bool, na_value=False)
    return frame if keep.all() else frame[keep]


def waves_in(frame: pd.DataFrame) -> list[str]:
    """The waves present, in order (text order: 2026-03 before 2026-06)."""
    if "wave" not in frame.columns:
        return []
    return sorted(str(w) for w in frame["wave"].dropna().unique())


def segment_values(frame: pd.DataFrame, name: str) -> list[str]:
    if name not in frame.columns:
        return []
    return sorted(str(v) for v in frame[name].dropna().unique())
