"""The Model page's figures: the ACSI / ECSI path model fit and the reliability of each dimension."""

from __future__ import annotations

import pandas as pd

import metrics
from survey.analysis.inputs import AnalysisInputs
from survey.design.definition import SurveyDefinition


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
