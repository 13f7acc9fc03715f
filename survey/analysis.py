"""From a survey definition and its responses to the inputs `metrics/` needs, and the dashboards' figures.

Pure pandas / numpy, no Streamlit: the dashboards cache these functions, the
reports and exports can call them as they are.

`analysis_inputs(defn)` reads a `SurveyDefinition` once and says what the
survey offers (`AnalysisInputs`): the indicator tree of its perception items
for `metrics.satisfaction_index`, the scales, the expectation/perception pairs
for `metrics.item_gaps`, the customer-experience rows, the loyalty items, the
recommend item, the overall-satisfaction items, the segment fields and, for an
ACSI / ECSI survey, the PLS blocks and paths.

The other functions take those inputs and a responses frame as
`survey.store.responses_frame` returns it (one row per response; scored item
columns float with NaN = missing; attribute and comment columns text; `wave`,
`version`) and return figures: metrics' own results, or DataFrames with documented columns.
Every figure comes from `metrics`; this module only arranges data for it,
except a few plain aggregations named where they are (item means, the
per-respondent 0–100 scores that group tests and the satisfaction–loyalty
matrix need).

Missing values are never zeros: an unanswered item is left out of a mean, a
respondent who answered none of a score's items has no score.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

import metrics
from metrics.compare import SMALL_GROUP
from survey.definition import SurveyDefinition

# Columns of a responses frame that are not answers (survey.store.responses_frame).
BASE_COLUMNS = ("response_id", "version", "wave", "submitted_at")

# Experience-table columns (metrics.experience_table) by item role.
EXPERIENCE_ROLES = {"perception": "actual", "expectation": "expectation", "importance": "importance", "ideal": "ideal"}

# The inner models of domain.md §4 over the dimension codes of the ECSI template (survey.templates.ecsi).
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
    model_name: "ECSI", "ACSI" or None.
    value_field: an attribute that holds a customer's value or spend, or None.
    servqual_like: every perception item has an expectation partner and the
        pairs span at least two dimensions.
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


def analysis_inputs(defn: SurveyDefinition) -> AnalysisInputs:
    """Read a definition into the inputs the metrics need.

    Example
    -------
    >>> from survey import templates
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
    tree["global_weight"] = _global_weights(tree)

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
    )


def _global_weights(tree: pd.DataFrame) -> list[float]:
    """Weights normalised among the kept siblings, multiplied down from the top."""
    parent = dict(zip(tree["code"], tree["parent"]))
    weight = dict(zip(tree["code"], tree["weight"]))
    totals: dict = {}
    for code, p in parent.items():
        totals[p] = totals.get(p, 0.0) + weight[code]
    out = []
    for code in tree["code"]:
        w, cur = 1.0, code
        while cur is not None:
            w *= weight[cur] / totals[parent[cur]] if totals[parent[cur]] > 0 else 0.0
            cur = parent[cur]
        out.append(w)
    return out


def _model(defn: SurveyDefinition, scales: dict) -> tuple[dict | None, dict | None, str | None]:
    """PLS blocks and paths when the survey's dimensions are those of the ECSI or ACSI model."""
    blocks = {}
    for dim in (n for n in defn.nodes if n.kind == "dimension"):
        items = [n.code for n in defn.descendants(dim.code) if n.kind == "item" and n.code in scales]
        if items:
            blocks[dim.code] = items
    for name, model in (("ECSI", ECSI_PATHS), ("ACSI", ACSI_PATHS)):
        constructs = set(model) | {p for ps in model.values() for p in ps}
        if not (constructs - set(OPTIONAL_CONSTRUCTS)) <= set(blocks):
            continue
        used = {c for c in constructs if c in blocks}
        paths = {dep: [p for p in ps if p in used] for dep, ps in model.items() if dep in used}
        paths = {dep: ps for dep, ps in paths.items() if ps}
        return {c: blocks[c] for c in blocks if c in used}, paths, name
    return None, None, None


# --- filtering ----------------------------------------------------------------------------


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


# --- per-respondent scores ------------------------------------------------------------------


def respondent_scores(frame: pd.DataFrame, weights: Mapping, scales: Mapping) -> pd.Series:
    """Each respondent's 0–100 score over some items: the per-respondent form of the index formula.

    score = Σ w_i·(x_i − min_i)/(max_i − min_i)·100 / Σ w_i over the items the
    respondent answered (NaN when none). Used for group tests (Welch t) and
    the satisfaction–loyalty matrix, which need one value per respondent.
    """
    items = [c for c in weights if c in frame.columns]
    if not items or frame.empty:
        return pd.Series(np.nan, index=frame.index, dtype=float)
    x = frame[items].to_numpy(dtype=float, na_value=np.nan)
    bounds = np.array([scales[c] for c in items], dtype=float)
    w = np.array([float(weights[c]) for c in items])
    rescaled = (x - bounds[:, 0]) / (bounds[:, 1] - bounds[:, 0]) * 100
    answered = ~np.isnan(x)
    total = answered.astype(float) @ w
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.where(answered, rescaled, 0.0) @ w / total
    score[total <= 0] = np.nan
    return pd.Series(score, index=frame.index, dtype=float)


def satisfaction_scores(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.Series:
    """Per respondent 0–100 satisfaction over the perception items, with their weights in the tree."""
    leaves = inputs.tree[~inputs.tree["code"].isin(inputs.tree["parent"])]
    return respondent_scores(frame, dict(zip(leaves["code"], leaves["global_weight"])), inputs.scales)


def loyalty_scores(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.Series:
    return respondent_scores(frame, inputs.loyalty, inputs.scales)


def overall_scores(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.Series:
    """Per respondent 0–100 overall satisfaction (mean of the overall items), else the perception score."""
    if inputs.overall:
        return respondent_scores(frame, dict.fromkeys(inputs.overall, 1.0), inputs.scales)
    return satisfaction_scores(inputs, frame)


# --- headline figures -------------------------------------------------------------------------


def satisfaction(inputs: AnalysisInputs, frame: pd.DataFrame) -> metrics.IndexResult | None:
    """The weighted satisfaction index (CSI) over the perception tree, or None without perception items."""
    if inputs.tree.empty:
        return None
    return metrics.satisfaction_index(frame, inputs.tree[["code", "parent", "weight"]], scales=inputs.scales)


def loyalty(inputs: AnalysisInputs, frame: pd.DataFrame) -> metrics.IndexResult | None:
    if not inputs.loyalty:
        return None
    return metrics.loyalty_index(frame, scales=inputs.scales, weights=inputs.loyalty)


def recommend(inputs: AnalysisInputs, frame: pd.DataFrame) -> metrics.NPSResult | None:
    if inputs.recommend is None:
        return None
    return metrics.nps(frame[inputs.recommend])


FIGURE_COLUMNS = ["group", "n", "satisfaction", "nps", "nps_low", "nps_high", "nps_n", "loyalty"]


def figures_by(inputs: AnalysisInputs, frame: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Satisfaction index, NPS with its interval and loyalty index, overall or per group of `by`.

    Columns: group (the value of `by`, or None for everyone), n (responses),
    satisfaction, nps, nps_low, nps_high, nps_n (answers to the recommend item),
    loyalty; NaN where the survey lacks the items or nobody answered. Groups
    in order (waves in time order).
    """
    if by is None:
        groups = [(None, frame)]
    elif by in frame.columns:
        groups = [(str(k), g) for k, g in frame.groupby(by, sort=True, dropna=True, observed=True)]
    else:
        groups = []
    rows = []
    for key, part in groups:
        s = satisfaction(inputs, part) if len(part) else None
        r = recommend(inputs, part)
        lo = loyalty(inputs, part) if len(part) else None
        rows.append(
            {
                "group": key,
                "n": len(part),
                "satisfaction": s.index if s else math.nan,
                "nps": r.score if r else math.nan,
                "nps_low": r.ci_low if r else math.nan,
                "nps_high": r.ci_high if r else math.nan,
                "nps_n": r.n if r else 0,
                "loyalty": lo.index if lo else math.nan,
            }
        )
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


@dataclass(frozen=True)
class Change:
    """A figure in one wave against the wave before (a card's delta).

    current, previous: the figure in each wave; difference = current − previous.
    p_value, test: the test of the difference ("welch_t" on the per-respondent
    0–100 scores, "nps_z" for NPS); NaN / "" when it cannot be computed.
    n_current, n_previous: the answers behind each figure.
    """

    current: float
    previous: float
    difference: float
    p_value: float
    test: str
    n_current: int
    n_previous: int

    @property
    def significant(self) -> bool:
        return bool(self.p_value < 0.05)


def changes(inputs: AnalysisInputs, current: pd.DataFrame, previous: pd.DataFrame) -> dict[str, Change]:
    """Responses, satisfaction index, NPS and loyalty index in `current` against `previous`; the figures are
    tested (responses are a count, not tested). Keys: responses, satisfaction, nps, loyalty (when the
    survey has them)."""
    out: dict[str, Change] = {
        "responses": Change(
            len(current), len(previous), len(current) - len(previous), math.nan, "", len(current), len(previous)
        )
    }
    s_now, s_before = satisfaction(inputs, current), satisfaction(inputs, previous)
    if s_now and s_before:
        test = metrics.welch_t_test(satisfaction_scores(inputs, current), satisfaction_scores(inputs, previous))
        out["satisfaction"] = Change(
            s_now.index, s_before.index, s_now.index - s_before.index, test.p_value, "welch_t", s_now.n, s_before.n
        )
    if inputs.recommend is not None:
        a, b = metrics.nps(current[inputs.recommend]), metrics.nps(previous[inputs.recommend])
        d = metrics.nps_difference(a, b)
        out["nps"] = Change(a.score, b.score, d.difference, d.p_value, "nps_z", a.n, b.n)
    l_now, l_before = loyalty(inputs, current), loyalty(inputs, previous)
    if l_now and l_before:
        test = metrics.welch_t_test(loyalty_scores(inputs, current), loyalty_scores(inputs, previous))
        out["loyalty"] = Change(
            l_now.index, l_before.index, l_now.index - l_before.index, test.p_value, "welch_t", l_now.n, l_before.n
        )
    return out


ALERT_COLUMNS = [
    "field",
    "value",
    "measure",
    "current",
    "reference",
    "difference",
    "p_value",
    "test",
    "n_current",
    "n_reference",
    "small",
]


def segment_alerts(
    inputs: AnalysisInputs,
    current: pd.DataFrame,
    reference: pd.DataFrame | None = None,
    *,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Segments whose satisfaction, NPS or loyalty dropped significantly.

    With `reference` (the previous wave): each segment value in `current`
    against the same value in `reference`. Without: each segment value
    against the other respondents of `current` (significantly below the rest).
    Tests: Welch's t on the per-respondent 0–100 scores (satisfaction,
    loyalty), the NPS z-test of `metrics.nps_difference`. Only drops with
    p < alpha are kept; `small` flags groups under 30 answers (shown, not
    hidden). Columns: ALERT_COLUMNS; sorted by p-value.
    """
    rows = []
    cur_scores = _scores(inputs, current)
    ref_scores = _scores(inputs, reference) if reference is not None else None
    for name in inputs.segment_fields:
        if name not in current.columns:
            continue
        values = current[name]
        for value in segment_values(current, name):
            mask = (values == value).to_numpy(dtype=bool, na_value=False)
            if reference is not None:
                if name not in reference.columns:
                    continue
                other = (reference[name] == value).to_numpy(dtype=bool, na_value=False)
                if not other.any():
                    continue
                ref_part, ref_sc = reference[other], ref_scores[other]
            else:
                if mask.all():
                    continue
                ref_part, ref_sc = current[~mask], cur_scores[~mask]
            rows += _group_drops(inputs, name, value, current[mask], cur_scores[mask], ref_part, ref_sc)
    table = pd.DataFrame(rows, columns=ALERT_COLUMNS)
    table = table[(table["difference"] < 0) & (table["p_value"] < alpha)]
    return table.sort_values("p_value", kind="stable").reset_index(drop=True)


def _scores(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"satisfaction": satisfaction_scores(inputs, frame), "loyalty": loyalty_scores(inputs, frame)})


def _group_drops(inputs, name, value, part, part_scores, ref, ref_scores) -> list[dict]:
    rows = []
    for measure, has in (("satisfaction", not inputs.tree.empty), ("loyalty", bool(inputs.loyalty))):
        if not has:
            continue
        test = metrics.welch_t_test(part_scores[measure], ref_scores[measure])
        if math.isnan(test.p_value):
            continue
        now = satisfaction(inputs, part) if measure == "satisfaction" else loyalty(inputs, part)
        before = satisfaction(inputs, ref) if measure == "satisfaction" else loyalty(inputs, ref)
        rows.append(
            [name, value, measure, now.index, before.index, now.index - before.index, test.p_value, "welch_t",
             test.n[0], test.n[1], min(test.n) < SMALL_GROUP]
        )  # fmt: skip
    if inputs.recommend is not None:
        a, b = metrics.nps(part[inputs.recommend]), metrics.nps(ref[inputs.recommend])
        d = metrics.nps_difference(a, b)
        if not math.isnan(d.p_value):
            rows.append(
                [name, value, "nps", a.score, b.score, d.difference, d.p_value, "nps_z", a.n, b.n,
                 min(a.n, b.n) < SMALL_GROUP]
            )  # fmt: skip
    return rows


@dataclass(frozen=True)
class Overview:
    """The manager's overview (domain.md §1) for one wave, or for all responses when there are no waves.

    wave, previous_wave: the wave shown (the latest chosen) and the one before it, or None.
    figures: one row of `figures_by` for the wave shown (n, satisfaction, nps, nps_low, nps_high, loyalty).
    changes: `changes` against the previous wave (empty without one).
    worst_gaps: the three worst rows of `gap_table` (indicators, by weighted gap) that fall short.
    alerts: `segment_alerts` — against the previous wave when there is one, else against the rest.
    trend: `figures_by` per wave over every wave (for the trend line).
    """

    wave: str | None
    previous_wave: str | None
    figures: dict
    changes: dict
    worst_gaps: pd.DataFrame
    alerts: pd.DataFrame
    trend: pd.DataFrame


def overview(inputs: AnalysisInputs, frame: pd.DataFrame, *, waves: Sequence[str] = ()) -> Overview:
    """Figures of the overview. `frame` holds every wave (other filters applied); `waves` are the waves
    chosen (empty = all): the latest of them is shown and compared with the wave before it."""
    all_waves = waves_in(frame)
    chosen = [w for w in all_waves if not waves or w in waves]
    wave = chosen[-1] if chosen else None
    previous = all_waves[all_waves.index(wave) - 1] if wave and all_waves.index(wave) > 0 else None
    current = frame[(frame["wave"] == wave).to_numpy(dtype=bool, na_value=False)] if wave else frame
    before = frame[(frame["wave"] == previous).to_numpy(dtype=bool, na_value=False)] if previous else None
    figures = figures_by(inputs, current).iloc[0].to_dict()
    gaps = gap_table(inputs, current)
    worst = gaps[gaps["gap"] < 0].head(3).reset_index(drop=True)
    return Overview(
        wave=wave,
        previous_wave=previous,
        figures=figures,
        changes=changes(inputs, current, before) if before is not None and len(before) else {},
        worst_gaps=worst,
        alerts=segment_alerts(inputs, current, before if before is not None and len(before) else None),
        trend=figures_by(inputs, frame, "wave") if all_waves else pd.DataFrame(columns=FIGURE_COLUMNS),
    )


def target_gap(value: float, target: float | None) -> float:
    """value − target (NaN without a target or a value)."""
    if target is None or value is None or math.isnan(value):
        return math.nan
    return float(value) - float(target)


# --- gaps ----------------------------------------------------------------------------------------

GAP_COLUMNS = ["code", "level", "dimension", "expectation", "perception", "gap", "n", "weight", "weighted_gap"]


def gap_table(
    inputs: AnalysisInputs, frame: pd.DataFrame, *, level: str = "indicator", within: str | None = None
) -> pd.DataFrame:
    """Expectation vs perception per indicator (or per dimension, or per item pair), worst first.

    level="item": every perception/expectation pair (`metrics.item_gaps`);
    "indicator": the pairs of each node (its mean expectation and perception);
    "dimension": the indicators of each top-level node — its gap is the mean
    of its pairs' gaps, as `metrics.servqual` computes a dimension gap.
    within: keep the rows under this dimension (or node).
    weight: the node's weight in the whole perception tree (for item pairs,
    the perception item's); weighted_gap = gap × weight, the sort key (most
    negative first, then the gap).
    n: respondents who answered both items of at least one pair in the row.
    Columns: GAP_COLUMNS.
    """
    if not inputs.gap_pairs or frame.empty:
        return pd.DataFrame(columns=GAP_COLUMNS)
    pairs = inputs.gap_pairs
    if within is not None:
        pairs = {k: v for k, v in pairs.items() if within in _ancestors(inputs, inputs.pair_parent[k])}
        if not pairs:
            return pd.DataFrame(columns=GAP_COLUMNS)
    base = metrics.item_gaps(frame, pairs)
    weights = dict(zip(inputs.tree["code"], inputs.tree["global_weight"]))
    if level == "item":
        table = base.reset_index().rename(columns={"indicator": "code"})
        table["weight"] = [weights.get(pairs[k][0], math.nan) for k in table["code"]]
    else:
        key = {k: inputs.pair_parent[k] for k in pairs}
        if level == "dimension":
            key = {k: inputs.dimension_of[p] for k, p in key.items()}
        groups = pd.Series(key)
        table = base.groupby(groups.reindex(base.index).to_numpy(), sort=False)[["expectation", "perception", "gap"]]
        table = table.mean().rename_axis("code").reset_index()
        table["n"] = [_answered_any(frame, [pairs[k] for k in groups.index[groups == g]]) for g in table["code"]]
        table["weight"] = [weights.get(g, math.nan) for g in table["code"]]
    table["level"] = level
    table["dimension"] = [inputs.dimension_of.get(inputs.pair_parent.get(c, c), c) for c in table["code"]]
    table["weighted_gap"] = table["gap"] * table["weight"]
    table = table.sort_values(["weighted_gap", "gap"], kind="stable", na_position="last")
    return table[GAP_COLUMNS].reset_index(drop=True)


def _ancestors(inputs: AnalysisInputs, code: str) -> set[str]:
    parents = dict(zip(inputs.tree["code"], inputs.tree["parent"]))
    out = {code}
    while parents.get(code) is not None and parents[code] not in out:
        code = parents[code]
        out.add(code)
    out.add(inputs.dimension_of.get(code, code))
    return out


def _answered_any(frame: pd.DataFrame, pairs: list) -> int:
    both = np.zeros(len(frame), dtype=bool)
    for p, e in pairs:
        both |= frame[p].notna().to_numpy() & frame[e].notna().to_numpy()
    return int(both.sum())


def profile(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame:
    """The profile ("snake") of the indicators in tree order: expectation and perception means.

    Columns code, dimension, expectation, perception, gap, n (from
    `metrics.item_gaps`, one row per pair, in the definition's order).
    """
    if not inputs.gap_pairs or frame.empty:
        return pd.DataFrame(columns=["code", "dimension", "expectation", "perception", "gap", "n"])
    table = metrics.item_gaps(frame, inputs.gap_pairs).reset_index().rename(columns={"indicator": "code"})
    table.insert(1, "dimension", [inputs.dimension_of[inputs.pair_parent[k]] for k in table["code"]])
    return table


def servqual_gaps(inputs: AnalysisInputs, frame: pd.DataFrame) -> metrics.ServqualResult | None:
    """SERVQUAL dimension gaps (`metrics.servqual`) with the dimensions' weights, for SERVQUAL-like surveys."""
    if not inputs.servqual_like or frame.empty:
        return None
    keys = list(inputs.gap_pairs)
    perceptions = frame[[inputs.gap_pairs[k][0] for k in keys]].set_axis(keys, axis=1)
    expectations = frame[[inputs.gap_pairs[k][1] for k in keys]].set_axis(keys, axis=1)
    dimensions = {k: inputs.dimension_of[inputs.pair_parent[k]] for k in keys}
    weights = {d: inputs.dimension_weights.get(d, 0.0) for d in dict.fromkeys(dimensions.values())}
    if sum(weights.values()) <= 0:
        weights = None
    return metrics.servqual(expectations, perceptions, dimensions, weights)


def item_means(frame: pd.DataFrame, codes: Sequence[str]) -> pd.DataFrame:
    """Mean and number of answers of each item (a plain aggregation; NaN = not answered). Index: item code."""
    codes = [c for c in codes if c in frame.columns]
    values = frame[codes]
    return pd.DataFrame({"mean": values.mean(), "n": values.notna().sum()}).rename_axis("code")


def experience(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame | None:
    """The customer experience table (`metrics.experience_table`) from the item means, or None.

    Rows: the indicators that have actual, expectation, importance and ideal
    items; the means are over the respondents who answered each item.
    Columns: n (respondents who answered the actual item), actual,
    expectation, importance, ideal, satisfaction, weighted_satisfaction,
    experience_gap, key_experience.
    """
    if not inputs.experience or frame.empty:
        return None
    codes = [c for cols in inputs.experience.values() for c in cols.values()]
    means = item_means(frame, codes)
    table = pd.DataFrame(
        {
            col: [means.at[inputs.experience[i][col], "mean"] for i in inputs.experience]
            for col in EXPERIENCE_ROLES.values()
        },
        index=pd.Index(list(inputs.experience), name="indicator"),
    )
    table.insert(0, "n", [int(means.at[inputs.experience[i]["actual"], "n"]) for i in inputs.experience])
    return metrics.experience_table(table)


# --- priorities ------------------------------------------------------------------------------------


def unit_scores(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame:
    """Per respondent 0–100 score of each IPA indicator (its perception items, equal weights within)."""
    items: dict[str, list[str]] = {}
    leaves = inputs.tree[~inputs.tree["code"].isin(inputs.tree["parent"])]
    for code, parent in zip(leaves["code"], leaves["parent"]):
        items.setdefault(parent if parent is not None else code, []).append(code)
    return pd.DataFrame(
        {u: respondent_scores(frame, dict.fromkeys(items[u], 1.0), inputs.scales) for u in inputs.units},
        index=frame.index,
    )


def importance_options(inputs: AnalysisInputs) -> list[str]:
    """ "stated" when indicators have importance items, "derived" when there is an overall measure."""
    out = []
    if any(u in inputs.importance for u in inputs.units):
        out.append("stated")
    if inputs.units and (inputs.overall or len(inputs.units) > 1):
        out.append("derived")
    return out


def priorities(inputs: AnalysisInputs, frame: pd.DataFrame, *, importance: str = "stated") -> metrics.IPAResult | None:
    """Importance–performance analysis of the indicators (`metrics.ipa`).

    performance: the indicator's 0–100 index (`metrics.satisfaction_index`);
    importance: "stated" = mean of its importance items (their scale), or
    "derived" = Pearson r of its per-respondent score with overall satisfaction
    (`metrics.derived_importance`; the overall items, or the perception score
    when the survey has none); gap: perception − expectation where the
    indicator has a pair. The table also holds n (answers behind the
    performance). Cuts at the means (Martilla & James).
    """
    index = satisfaction(inputs, frame)
    if index is None or not inputs.units or frame.empty:
        return None
    nodes = index.nodes.set_index("code")
    perf = pd.Series({u: nodes.at[u, "index"] for u in inputs.units}, dtype=float)
    if importance == "stated":
        stated = {u: inputs.importance[u] for u in inputs.units if u in inputs.importance}
        if not stated:
            return None
        codes = [c for cs in stated.values() for c in cs]
        means = item_means(frame, codes)["mean"]
        imp = pd.Series({u: float(means[list(cs)].mean()) for u, cs in stated.items()}).reindex(perf.index)
    elif importance == "derived":
        drivers = unit_scores(inputs, frame)
        drivers["__overall__"] = overall_scores(inputs, frame)
        imp = metrics.derived_importance(drivers, list(inputs.units), "__overall__")
    else:
        raise ValueError(f'importance must be "stated" or "derived"; got {importance!r}.')
    by_parent = {inputs.pair_parent[k]: k for k in inputs.gap_pairs if inputs.pair_parent[k] in perf.index}
    gap = None
    if by_parent:
        gaps = gap_table(inputs, frame, level="indicator").set_index("code")["gap"]
        gap = gaps.reindex(perf.index)
    result = metrics.ipa(perf, imp, gap=gap)
    result.table["n"] = [int(nodes.at[u, "n"]) for u in result.table.index]
    return result


def concentrate_here(result: metrics.IPAResult) -> pd.DataFrame:
    """The indicators to act on first: the "concentrate here" quadrant, by priority (importance × shortfall),
    then by lowest performance."""
    table = result.table[result.table["quadrant"] == "concentrate"]
    return table.sort_values(["priority", "performance"], ascending=[False, True], na_position="last")


# --- NPS -----------------------------------------------------------------------------------------------

NPS_CATEGORY = ("detractor",) * 7 + ("passive",) * 2 + ("promoter",) * 2


def nps_distribution(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame:
    """How many answered each of 0–10 (a count), with its NPS category and share of the answers.

    Columns answer (0–10), count, share, category (detractor / passive / promoter).
    """
    values = frame[inputs.recommend].dropna().to_numpy(dtype=float) if inputs.recommend else np.array([])
    counts = np.bincount(values.astype(np.int64), minlength=11)[:11] if values.size else np.zeros(11, dtype=int)
    total = counts.sum()
    return pd.DataFrame(
        {
            "answer": range(11),
            "count": counts,
            "share": counts / total if total else np.full(11, np.nan),
            "category": NPS_CATEGORY,
        }
    )


SEGMENT_NPS_COLUMNS = ["group", "score", "ci_low", "ci_high", "n", "difference", "p_value", "significant", "small"]


def nps_by(inputs: AnalysisInputs, frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """NPS with its 95 % interval per value of `by`, each tested against the other respondents.

    Test: `metrics.nps_difference` (z-test, domain.md §5) of the group against
    everyone else in `frame`; difference = group − rest. small: n < 30.
    Columns: SEGMENT_NPS_COLUMNS.
    """
    if inputs.recommend is None or by not in frame.columns:
        return pd.DataFrame(columns=SEGMENT_NPS_COLUMNS)
    answers = frame[inputs.recommend]
    rows = []
    groups = frame[by]
    for value in segment_values(frame, by):
        mask = (groups == value).to_numpy(dtype=bool, na_value=False)
        r = metrics.nps(answers[mask])
        if mask.all():
            d = None
        else:
            d = metrics.nps_difference(r, metrics.nps(answers[~mask]))
        rows.append(
            {
                "group": value,
                "score": r.score,
                "ci_low": r.ci_low,
                "ci_high": r.ci_high,
                "n": r.n,
                "difference": d.difference if d else math.nan,
                "p_value": d.p_value if d else math.nan,
                "significant": bool(d.significant) if d else False,
                "small": r.n < SMALL_GROUP,
            }
        )
    return pd.DataFrame(rows, columns=SEGMENT_NPS_COLUMNS)


def nps_trend(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame:
    """NPS per wave with its interval; each wave tested against the one before (`metrics.nps_difference`).

    Columns: wave, score, ci_low, ci_high, n, difference, p_value, significant, small.
    """
    columns = ["wave", "score", "ci_low", "ci_high", "n", "difference", "p_value", "significant", "small"]
    if inputs.recommend is None:
        return pd.DataFrame(columns=columns)
    rows, before = [], None
    for wave in waves_in(frame):
        r = metrics.nps(frame.loc[frame["wave"] == wave, inputs.recommend])
        d = metrics.nps_difference(r, before) if before is not None else None
        rows.append(
            [wave, r.score, r.ci_low, r.ci_high, r.n, d.difference if d else math.nan,
             d.p_value if d else math.nan, bool(d.significant) if d else False, r.n < SMALL_GROUP]
        )  # fmt: skip
        before = r
    return pd.DataFrame(rows, columns=columns)


# --- loyalty ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoyaltyMatrix:
    """The satisfaction–loyalty matrix (`metrics.satisfaction_loyalty_segments`).

    scores: DataFrame per respondent (index of the responses) with
        satisfaction and loyalty (0–100) and segment.
    result: the metrics result (counts, shares, cut points).
    satisfaction_source: "overall" (the overall items) or "perception".
    """

    scores: pd.DataFrame
    result: metrics.SegmentResult
    satisfaction_source: str

    def points(self) -> pd.DataFrame:
        """Respondents who share a position (scores rounded to 0.1) as one point: columns satisfaction,
        loyalty, segment, respondents — what a scatter draws, a few hundred points for any number of
        responses on answer scales."""
        both = self.scores.dropna(subset=["satisfaction", "loyalty"])
        grid = both.assign(satisfaction=both["satisfaction"].round(1), loyalty=both["loyalty"].round(1))
        return (
            grid.groupby(["satisfaction", "loyalty", "segment"], sort=False).size().rename("respondents").reset_index()
        )


def loyalty_matrix(inputs: AnalysisInputs, frame: pd.DataFrame) -> LoyaltyMatrix | None:
    """Respondents' satisfaction (overall items, else the perception score) against their loyalty score."""
    if not inputs.loyalty or (inputs.tree.empty and not inputs.overall) or frame.empty:
        return None
    sat = overall_scores(inputs, frame)
    loy = loyalty_scores(inputs, frame)
    if not (sat.notna() & loy.notna()).any():
        return None
    result = metrics.satisfaction_loyalty_segments(sat, loy)
    scores = pd.DataFrame({"satisfaction": sat, "loyalty": loy, "segment": result.segments})
    return LoyaltyMatrix(scores, result, "overall" if inputs.overall else "perception")


def loyalty_by_tier(inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame | None:
    """Loyalty index per tier of the customer pyramid (`metrics.customer_pyramid` on the value field).

    Columns tier (platinum, gold, iron, lead), customers, share, value_share,
    loyalty (the tier's loyalty index), n (answers behind it); None without a
    value field or loyalty items.
    """
    if inputs.value_field is None or not inputs.loyalty or inputs.value_field not in frame.columns:
        return None
    value = pd.to_numeric(frame[inputs.value_field], errors="coerce")
    if value.notna().sum() == 0:
        return None
    pyramid = metrics.customer_pyramid(value)
    table = pyramid.tiers.copy()
    index, n = [], []
    for tier in table.index:
        part = frame[(pyramid.tier == tier).to_numpy(dtype=bool, na_value=False)]
        result = loyalty(inputs, part) if len(part) else None
        index.append(result.index if result else math.nan)
        n.append(result.n if result else 0)
    table["loyalty"] = index
    table["n"] = n
    return table.rename_axis("tier").reset_index()


# --- the ACSI / ECSI model and reliability -------------------------------------------------------------------


def model_fit(inputs: AnalysisInputs, frame: pd.DataFrame, *, bootstrap: int = 0, seed: int = 1):
    """The PLS path model (`metrics.pls_path_model`, centroid scheme, unscaled data, 0–100 indices) of an
    ECSI / ACSI survey, or None when the survey's dimensions are not those of the model."""
    if inputs.blocks is None:
        return None
    items = [c for cs in inputs.blocks.values() for c in cs]
    return metrics.pls_path_model(
        frame[items],
        inputs.blocks,
        inputs.paths,
        scheme="centroid",
        scale={c: inputs.scales[c] for c in items},
        bootstrap=bootstrap,
        seed=seed,
    )


def dimension_items(defn: SurveyDefinition, inputs: AnalysisInputs) -> dict[str, str]:
    """item → its dimension, for the numeric items of every dimension (for Cronbach's alpha)."""
    out = {}
    for dim in (n for n in defn.nodes if n.kind == "dimension"):
        for n in defn.descendants(dim.code):
            if n.kind == "item" and n.code in inputs.scales and n.role not in ("importance", "ideal"):
                out[n.code] = dim.code
    return out


def reliability(defn: SurveyDefinition, inputs: AnalysisInputs, frame: pd.DataFrame) -> pd.DataFrame:
    """Cronbach's alpha per dimension (`metrics.alpha_by_dimension`), one role at a time.

    A dimension's perception items are one scale and its expectation items
    another; each gets its own row. Columns dimension, role, items, alpha
    (NaN with fewer than two items or complete answers), acceptable (α ≥ 0.7).
    """
    mapping = dimension_items(defn, inputs)
    roles = {n.code: n.role for n in defn.items}
    groups = {code: f"{dim}|{roles[code]}" for code, dim in mapping.items() if code in frame.columns}
    if not groups:
        return pd.DataFrame(columns=["dimension", "role", "items", "alpha", "acceptable"])
    alpha = metrics.alpha_by_dimension(frame, groups)
    counts = pd.Series(list(groups.values())).value_counts()
    rows = [
        {
            "dimension": key.split("|")[0],
            "role": key.split("|")[1],
            "items": int(counts[key]),
            "alpha": float(alpha[key]),
            "acceptable": bool(alpha[key] >= 0.7),
        }
        for key in alpha.index
    ]
    return pd.DataFrame(rows)
