"""The Model page's figures: the ACSI / ECSI path model fit and the reliability of each dimension."""

from __future__ import annotations

import pandas as pd

import metrics
from survey.analysis.inputs import ECSI_PATHS, AnalysisInputs, model_blocks
from survey.design.definition import SurveyDefinition
from survey.errors import UserError


class ModelError(UserError):
    """A drawn path model that cannot be kept: `message` names the problem, `params` the dimensions."""


def model_dimensions(defn: SurveyDefinition, scales: dict) -> dict[str, list[str]]:
    """The dimensions a path model can join (those with items answered on a scale) → their items."""
    return model_blocks(defn, scales)


def drawn_paths(inputs: AnalysisInputs) -> list[tuple[str, str]]:
    """The model's paths as (from, to) pairs, in the order the page lists them (empty without a model)."""
    return [(p, dep) for dep, ps in (inputs.paths or {}).items() for p in ps]


def template_paths(blocks: dict) -> list[tuple[str, str]]:
    """A first model to start drawing from: the ECSI paths among the dimensions that exist, else a chain of
    the dimensions in their order, each leading to the next (the user redraws it)."""
    pairs = [(p, dep) for dep, ps in ECSI_PATHS.items() for p in ps if p in blocks and dep in blocks]
    if pairs:
        return pairs
    dims = list(blocks)
    return list(zip(dims, dims[1:]))


def check_model_paths(defn: SurveyDefinition, scales: dict, pairs, lang: str) -> tuple[tuple[str, str], ...]:
    """The drawn paths, each once, in the order given; or ModelError naming the first problem: a dimension
    the survey does not have or that has no items on a scale, a path from a dimension to itself, a cycle
    (PLS path models are recursive), or nothing drawn."""
    blocks = model_blocks(defn, scales)

    def name(code: str) -> str:
        node = defn.node(code)
        return (node.label(lang) if node is not None else "") or code

    kept: list[tuple[str, str]] = []
    for a, b in pairs:
        for code in (a, b):
            if not code or defn.node(code) is None or defn.node(code).kind != "dimension":
                raise ModelError("model.path_unknown", dimension=code or "—")
            if code not in blocks:
                raise ModelError("model.path_no_items", dimension=name(code))
        if a == b:
            raise ModelError("model.path_self", dimension=name(a))
        if (a, b) not in kept:
            kept.append((a, b))
    if not kept:
        raise ModelError("model.path_none")
    cycle = _cycle(kept)
    if cycle:
        raise ModelError("model.path_cycle", dimensions=" → ".join(name(c) for c in cycle))
    return tuple(kept)


def _cycle(pairs: list[tuple[str, str]]) -> list[str]:
    """One cycle of the directed graph (its dimensions, the first repeated at the end), or []."""
    after: dict[str, list[str]] = {}
    for a, b in pairs:
        after.setdefault(a, []).append(b)
    state: dict[str, int] = {}
    trail: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        trail.append(node)
        for nxt in after.get(node, []):
            if state.get(nxt) == 1:
                return [*trail[trail.index(nxt) :], nxt]
            if state.get(nxt) is None:
                found = visit(nxt)
                if found:
                    return found
        state[node] = 2
        trail.pop()
        return []

    for start in list(after):
        if state.get(start) is None:
            found = visit(start)
            if found:
                return found
    return []


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
    (raw-score alpha, on the items' covariances as answered: SPSS, R psych's
    raw_alpha), alpha_standardized (on their correlations, as if every item
    had the same spread: what R plspm, seminr and SmartPLS report; the two
    differ by up to 0.019 on the mobi data), both NaN with fewer than two
    items or complete answers, and acceptable (raw α ≥ 0.7, as before).
    """
    mapping = dimension_items(defn, inputs)
    roles = {n.code: n.role for n in defn.items}
    groups = {code: f"{dim}|{roles[code]}" for code, dim in mapping.items() if code in frame.columns}
    if not groups:
        return pd.DataFrame(columns=["dimension", "role", "items", "alpha", "alpha_standardized", "acceptable"])
    alpha = metrics.alpha_by_dimension(frame, groups)
    standardized = metrics.alpha_by_dimension(frame, groups, standardized=True)
    counts = pd.Series(list(groups.values())).value_counts()
    rows = [
        {
            "dimension": key.split("|")[0],
            "role": key.split("|")[1],
            "items": int(counts[key]),
            "alpha": float(alpha[key]),
            "alpha_standardized": float(standardized[key]),
            "acceptable": bool(alpha[key] >= 0.7),
        }
        for key in alpha.index
    ]
    return pd.DataFrame(rows)


# Where each quality measure passes, is doubtful or fails (Hair et al. 2022, A Primer on PLS-SEM, 3rd ed.,
# ch. 4 and 6; Henseler, Ringle & Sarstedt 2015 for HTMT): (kind, pass, doubtful). "at_least": pass at or
# above the first, doubtful down to the second; "below": pass below the first, doubtful up to the second.
QUALITY_THRESHOLDS = {
    "htmt": ("below", 0.85, 0.90),  # < 0.85 strict, < 0.90 for conceptually close constructs
    "alpha": ("at_least", 0.70, 0.60),  # 0.6–0.7 acceptable in exploratory research
    "rho_a": ("at_least", 0.70, 0.60),
    "rho_c": ("at_least", 0.70, 0.60),
    "ave": ("at_least", 0.50, 0.50),  # below 0.5: fails (no doubtful band)
    "item_vif": ("below", 3.0, 5.0),  # 3–5 possible collinearity, ≥ 5 critical
    "inner_vif": ("below", 3.0, 5.0),
}
QUALITY_STATUSES = ("pass", "doubtful", "fail", "na")


def quality_status(measure: str, value: float) -> str:
    """pass / doubtful / fail of one value of a measure by `QUALITY_THRESHOLDS` (na: no value, e.g. the
    HTMT of a single-item construct)."""
    if value != value:
        return "na"
    kind, good, limit = QUALITY_THRESHOLDS[measure]
    if kind == "below":
        return "pass" if value < good else "doubtful" if value < limit else "fail"
    return "pass" if value >= good else "doubtful" if value >= limit else "fail"


def quality_checks(fit, blocks: dict) -> pd.DataFrame:
    """Every quality figure of a `metrics.PLSResult` (fitted on `blocks`) with its status, one row each.

    Columns measure (a key of `QUALITY_THRESHOLDS`), first, second (the constructs of an HTMT pair, the
    predictor and dependent of an inner VIF, the construct and item of an item VIF; second is "" for a
    construct's own measure), value, status (one of `QUALITY_STATUSES`).
    """
    rows = []
    constructs = list(fit.htmt.index)
    for a_pos, a in enumerate(constructs):
        for b in constructs[a_pos + 1 :]:
            rows.append(("htmt", a, b, float(fit.htmt.at[a, b])))
    for measure in ("alpha", "rho_a", "rho_c", "ave"):
        rows.extend((measure, c, "", float(fit.reliability.at[c, measure])) for c in constructs)
    block = {item: c for c, items in blocks.items() for item in items}
    rows.extend(("item_vif", block[item], item, float(v)) for item, v in fit.item_vif.items())
    rows.extend(("inner_vif", r["from"], r["to"], float(r["vif"])) for _, r in fit.paths.iterrows())
    table = pd.DataFrame(rows, columns=["measure", "first", "second", "value"])
    table["status"] = [quality_status(m, v) for m, v in zip(table["measure"], table["value"])]
    return table


# The families a verdict speaks of, and the measures each is judged by.
QUALITY_FAMILIES = {
    "discriminant": ("htmt",),
    "reliability": ("alpha", "rho_a", "rho_c"),
    "convergent": ("ave",),
    "collinearity": ("item_vif", "inner_vif"),
}


def quality_findings(checks: pd.DataFrame) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """family → {"fail": [...], "doubtful": [...]}: the subjects (first, second) of `quality_checks` that do
    not pass, each once under its worst status (a construct's reliability by the worst of α, ρ_A, ρ_C).
    An empty family holds: every subject passes (or has no value)."""
    rank = {"fail": 0, "doubtful": 1}
    out = {}
    for family, measures in QUALITY_FAMILIES.items():
        rows = checks[checks["measure"].isin(measures) & checks["status"].isin(list(rank))]
        worst: dict[tuple[str, str], str] = {}
        for first, second, status in zip(rows["first"], rows["second"], rows["status"]):
            key = (first, second) if family != "reliability" else (first, "")
            if key not in worst or rank[status] < rank[worst[key]]:
                worst[key] = status
        out[family] = {s: [k for k, v in worst.items() if v == s] for s in rank}
    return out


def ipma_target(inputs: AnalysisInputs) -> str | None:
    """The construct the importance–performance map explains: loyalty (the model's outcome), else the first
    construct that predicts nothing; None when the survey is not a model."""
    if inputs.blocks is None:
        return None
    predictors = {p for ps in inputs.paths.values() for p in ps}
    sinks = [c for c in inputs.blocks if c in inputs.paths and c not in predictors]
    return "loyalty" if "loyalty" in sinks else (sinks[0] if sinks else None)


def model_ipma(inputs: AnalysisInputs, frame: pd.DataFrame):
    """The importance–performance map (`metrics.ipma`) of the model as `model_fit` estimates it (centroid
    scheme, unscaled data), explaining `ipma_target`; None when the survey is not a model."""
    target = ipma_target(inputs)
    if target is None:
        return None
    items = [c for cs in inputs.blocks.values() for c in cs]
    return metrics.ipma(
        frame[items],
        inputs.blocks,
        inputs.paths,
        target=target,
        scale={c: inputs.scales[c] for c in items},
        scheme="centroid",
        standardize=False,
    )


def ipma_priorities(result) -> pd.DataFrame:
    """The drivers of an IPMA in the order to work on them: the most target points to gain first (importance
    × (100 − performance)). Columns construct, importance, performance, quadrant, gain."""
    return result.table.sort_values("gain", ascending=False, kind="stable").reset_index()


def quality_by_construct(checks: pd.DataFrame) -> pd.DataFrame:
    """A construct's own figures from `quality_checks`: alpha, rho_a, rho_c, ave and its block's largest item
    VIF (measure item_vif), one row per construct and measure (columns construct, measure, value, status)."""
    own = checks[checks["measure"].isin(["alpha", "rho_a", "rho_c", "ave"])]
    own = own.rename(columns={"first": "construct"})[["construct", "measure", "value", "status"]]
    items = checks[checks["measure"] == "item_vif"]
    worst = items.loc[items.groupby("first", sort=False)["value"].idxmax()]
    worst = worst.rename(columns={"first": "construct"})[["construct", "measure", "value", "status"]]
    return pd.concat([own, worst], ignore_index=True)


def total_effects(fit) -> pd.DataFrame:
    """Every total effect of a `metrics.PLSResult`, one row per pair joined by a route of paths.

    Columns from, to, direct (the path coefficient, 0 without a direct path), indirect (total − direct:
    through other constructs), total, ci_low, ci_high (the total's bootstrap interval; NaN without
    bootstrap). In the order of the fit's dependent constructs, then of their drivers.
    """
    te, pc = fit.total_effects, fit.path_coefficients
    rows = [
        (src, dst, float(pc.at[dst, src]) if pc.at[dst, src] == pc.at[dst, src] else 0.0, float(te.at[dst, src]))
        for dst in te.index
        for src in te.columns
        if te.at[dst, src] == te.at[dst, src]
    ]
    table = pd.DataFrame(rows, columns=["from", "to", "direct", "total"])
    table.insert(3, "indirect", table["total"] - table["direct"])
    table["ci_low"] = table["ci_high"] = float("nan")
    if fit.total_effects_bootstrap is not None:
        boot = fit.total_effects_bootstrap.set_index(["from", "to"])
        keys = list(zip(table["from"], table["to"]))
        table["ci_low"] = [boot.at[k, "ci_low"] for k in keys]
        table["ci_high"] = [boot.at[k, "ci_high"] for k in keys]
    return table
