"""The Model page's view: the ACSI / ECSI path model (diagram, indices, paths, loadings) and the reliability
of every dimension."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from survey.i18n import text
from ui import charts, figures
from ui.figures import ModelFigures
from ui.selection import Selection
from ui.views.elements import Chart, Table


@dataclass(frozen=True, eq=False)
class ModelView:
    """figures: the fit (None when the survey is not a model or the data cannot carry it) and the
    reliability; problem: why it could not be fitted, in the view's language (None when it was or the
    survey is not a model); the path diagram, indices, paths and loadings: None without a fit;
    reliability_table: None when the survey has no dimensions."""

    figures: ModelFigures
    problem: str | None
    path_diagram: Chart | None
    indices_table: Table | None
    paths_table: Table | None
    loadings_chart: Chart | None
    reliability_table: Table | None

    @property
    def charts(self) -> tuple[Chart, ...]:
        return tuple(c for c in (self.path_diagram, self.loadings_chart) if c is not None)

    @property
    def tables(self) -> tuple[Table, ...]:
        shown = (self.indices_table, self.paths_table, self.reliability_table)
        return tuple(x for x in shown if x is not None)


def model_view(sel: Selection, lang: str, *, bootstrap: int = 0) -> ModelView:
    """The view of the model fitted with `bootstrap` resamples for the paths' intervals (0: none)."""
    view = figures.model(sel, bootstrap)
    labels, fit, blocks = sel.labels(lang), view.fit, sel.inputs.blocks
    problem = None
    if view.problem is not None:
        key, params = view.problem
        if "item" in params:
            params = {**params, "item": labels.get(params["item"], params["item"])}
        problem = text(lang, key, **params)
    reliability = _reliability(view.reliability, labels, lang) if not view.reliability.empty else None
    if fit is None:
        return ModelView(view, problem, None, None, None, None, reliability)
    return ModelView(
        figures=view,
        problem=problem,
        path_diagram=Chart("model-path-diagram", charts.path_diagram(fit, labels, lang=lang), fit.paths),
        indices_table=_indices(view, blocks, labels, lang),
        paths_table=_paths(fit, labels, lang),
        loadings_chart=Chart(
            "model-loadings", charts.loadings_chart(fit, blocks, labels, lang=lang), fit.loadings.to_frame("loading")
        ),
        reliability_table=reliability,
    )


def _indices(view: ModelFigures, blocks, labels: dict, lang: str) -> Table:
    t = partial(text, lang)
    fit = view.fit
    reliability = view.reliability.set_index("dimension")
    constructs = list(fit.ave.index)
    alpha = [reliability.at[c, "alpha"] if c in reliability.index else float("nan") for c in constructs]
    frame = pd.DataFrame(
        {
            t("chart.construct"): [labels.get(c, c) for c in constructs],
            t("model.col.index"): fit.index.reindex(constructs).to_numpy(),
            "R²": fit.r_squared.reindex(constructs).to_numpy(),
            "AVE": fit.ave.reindex(constructs).to_numpy(),
            t("model.col.alpha"): alpha,
            t("model.col.items"): [len(blocks[c]) for c in constructs],
        }
    )
    return Table(
        "model-indices",
        frame,
        {
            t("model.col.index"): st.column_config.NumberColumn(format="%.1f"),
            "R²": st.column_config.NumberColumn(format="%.3f"),
            "AVE": st.column_config.NumberColumn(format="%.3f"),
            t("model.col.alpha"): st.column_config.NumberColumn(format="%.3f"),
        },
    )


def _paths(fit, labels: dict, lang: str) -> Table:
    t = partial(text, lang)
    paths = fit.paths
    table = {
        t("chart.from"): [labels.get(c, c) for c in paths["from"]],
        t("chart.to"): [labels.get(c, c) for c in paths["to"]],
        t("chart.coefficient"): paths["coefficient"].to_numpy(),
    }
    if fit.bootstrap is not None:
        boot_table = fit.bootstrap.set_index(["from", "to"])
        keys = list(zip(paths["from"], paths["to"]))
        table[t("chart.boot_low")] = [boot_table.at[k, "ci_low"] for k in keys]
        table[t("chart.boot_high")] = [boot_table.at[k, "ci_high"] for k in keys]
    three_places = (t("chart.coefficient"), t("chart.boot_low"), t("chart.boot_high"))
    return Table(
        "model-paths", pd.DataFrame(table), {c: st.column_config.NumberColumn(format="%.3f") for c in three_places}
    )


def _reliability(rel: pd.DataFrame, labels: dict, lang: str) -> Table:
    t = partial(text, lang)
    frame = pd.DataFrame(
        {
            t("chart.dimension"): [labels.get(d, d) for d in rel["dimension"]],
            t("designer.col.role"): [t(f"role.{r}") for r in rel["role"]],
            t("model.col.items"): rel["items"],
            t("model.col.alpha"): rel["alpha"],
            t("model.col.acceptable"): [t("common.yes") if a else t("common.no") for a in rel["acceptable"]],
        }
    )
    return Table("model-reliability", frame, {t("model.col.alpha"): st.column_config.NumberColumn(format="%.3f")})
