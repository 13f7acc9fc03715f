"""The Model page's view: the ACSI / ECSI path model (diagram, indices, paths, loadings), its quality (verdict,
reliability and HTMT grids, every figure with its threshold), the importance–performance map with the
priority list, and the reliability of every dimension."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from survey import analysis
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
    reliability_table: None when the survey has no dimensions; verdict: one plain sentence per family of
    quality measures (discriminant validity, reliability, convergent validity, collinearity), empty without
    a fit; the quality grids and table, the total effects: None without a fit; the IPMA chart and priority
    list: None without a fit or when the model has no outcome to map."""

    figures: ModelFigures
    problem: str | None
    path_diagram: Chart | None
    indices_table: Table | None
    paths_table: Table | None
    loadings_chart: Chart | None
    reliability_table: Table | None
    verdict: tuple[str, ...] = ()
    quality_chart: Chart | None = None
    htmt_chart: Chart | None = None
    quality_table: Table | None = None
    total_effects_table: Table | None = None
    ipma_chart: Chart | None = None
    ipma_table: Table | None = None

    @property
    def charts(self) -> tuple[Chart, ...]:
        shown = (self.path_diagram, self.loadings_chart, self.quality_chart, self.htmt_chart, self.ipma_chart)
        return tuple(c for c in shown if c is not None)

    @property
    def tables(self) -> tuple[Table, ...]:
        shown = (
            self.indices_table,
            self.paths_table,
            self.total_effects_table,
            self.quality_table,
            self.ipma_table,
            self.reliability_table,
        )
        return tuple(x for x in shown if x is not None)


def model_view(sel: Selection, lang: str, *, bootstrap: int = 0) -> ModelView:
    """The view of the model fitted with `bootstrap` resamples for the paths' intervals (0: none)."""
    view = figures.model(sel, bootstrap)
    labels, fit, blocks, ipma = sel.labels(lang), view.fit, sel.inputs.blocks, view.ipma
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
        verdict=_verdict(view.quality, labels, lang),
        quality_chart=Chart(
            "model-quality",
            charts.quality_chart(analysis.quality_by_construct(view.quality), labels, lang=lang, n=fit.n),
            analysis.quality_by_construct(view.quality),
        ),
        htmt_chart=Chart(
            "model-htmt",
            charts.htmt_chart(view.quality, labels, lang=lang, n=fit.n),
            view.quality[view.quality["measure"] == "htmt"],
        ),
        quality_table=_quality(view.quality, labels, lang),
        total_effects_table=_total_effects(fit, labels, lang),
        ipma_chart=None
        if ipma is None
        else Chart("model-ipma", charts.ipma_chart(ipma, labels, lang=lang), ipma.table.reset_index()),
        ipma_table=None if ipma is None else _priorities(ipma, labels, lang),
    )


def _indices(view: ModelFigures, blocks, labels: dict, lang: str) -> Table:
    t = partial(text, lang)
    fit = view.fit
    reliability = view.reliability.set_index("dimension")
    constructs = list(fit.ave.index)
    alpha = [reliability.at[c, "alpha"] if c in reliability.index else float("nan") for c in constructs]
    standardized = [
        reliability.at[c, "alpha_standardized"] if c in reliability.index else float("nan") for c in constructs
    ]
    frame = pd.DataFrame(
        {
            t("chart.construct"): [labels.get(c, c) for c in constructs],
            t("model.col.index"): fit.index.reindex(constructs).to_numpy(),
            "R²": fit.r_squared.reindex(constructs).to_numpy(),
            "AVE": fit.ave.reindex(constructs).to_numpy(),
            t("model.col.alpha"): alpha,
            t("model.col.alpha_standardized"): standardized,
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
            t("model.col.alpha_standardized"): st.column_config.NumberColumn(format="%.3f"),
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
    table[t("model.col.vif")] = paths["vif"].to_numpy()
    table[t("model.col.f_squared")] = paths["f_squared"].to_numpy()
    three_places = (
        t("chart.coefficient"),
        t("chart.boot_low"),
        t("chart.boot_high"),
        t("model.col.vif"),
        t("model.col.f_squared"),
    )
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
            t("model.col.alpha_standardized"): rel["alpha_standardized"],
            t("model.col.acceptable"): [t("common.yes") if a else t("common.no") for a in rel["acceptable"]],
        }
    )
    numbers = {
        t(k): st.column_config.NumberColumn(format="%.3f") for k in ("model.col.alpha", "model.col.alpha_standardized")
    }
    return Table("model-reliability", frame, numbers)


def _subject(measure: str, first: str, second: str, labels: dict, lang: str) -> str:
    """What a quality figure is of, in words: a construct, a pair of constructs, an item, a path."""
    a, b = labels.get(first, first), labels.get(second, second)
    if measure == "htmt":
        return f"{a}–{b}"
    if measure == "inner_vif":
        return f"{a} → {b}"
    return b if measure == "item_vif" else a


def _verdict(checks: pd.DataFrame, labels: dict, lang: str) -> tuple[str, ...]:
    """One sentence per family: holds / holds, borderline for … / holds except … (and borderline …)."""
    t = partial(text, lang)
    sep = "、" if lang == "zh" else ", "
    findings = analysis.quality_findings(checks)
    sentences = []
    for family, found in findings.items():
        measure = analysis.QUALITY_FAMILIES[family][0]
        if family == "collinearity":  # an item VIF names an item, an inner VIF a path
            said = {
                s: [
                    _subject("item_vif" if (a, b) in _item_pairs(checks) else "inner_vif", a, b, labels, lang)
                    for a, b in found[s]
                ]
                for s in found
            }
        else:
            said = {s: [_subject(measure, a, b, labels, lang) for a, b in found[s]] for s in found}
        fails, doubts = sep.join(said["fail"]), sep.join(said["doubtful"])
        if said["fail"]:
            sentence = t(f"model.verdict.{family}.except", fails=fails)
            if said["doubtful"]:
                sentence += " " + t(f"model.verdict.{family}.also", doubts=doubts)
        elif said["doubtful"]:
            sentence = t(f"model.verdict.{family}.mostly", doubts=doubts)
        else:
            sentence = t(f"model.verdict.{family}.ok")
        sentences.append(sentence)
    return tuple(sentences)


def _item_pairs(checks: pd.DataFrame) -> set:
    items = checks[checks["measure"] == "item_vif"]
    return set(zip(items["first"], items["second"]))


def _quality(checks: pd.DataFrame, labels: dict, lang: str) -> Table:
    t = partial(text, lang)
    frame = pd.DataFrame(
        {
            t("model.col.measure"): [t(f"model.measure.{m}") for m in checks["measure"]],
            t("model.col.subject"): [
                _subject(m, a, b, labels, lang) for m, a, b in zip(checks["measure"], checks["first"], checks["second"])
            ],
            t("model.col.value"): checks["value"].to_numpy(),
            t("model.col.rule"): [t(f"model.rule.{m}") for m in checks["measure"]],
            t("model.col.status"): [t(f"model.status.{s}") for s in checks["status"]],
        }
    )
    return Table("model-quality-checks", frame, {t("model.col.value"): st.column_config.NumberColumn(format="%.3f")})


def _priorities(result, labels: dict, lang: str) -> Table:
    t = partial(text, lang)
    order = analysis.ipma_priorities(result)
    frame = pd.DataFrame(
        {
            t("model.col.rank"): range(1, len(order) + 1),
            t("chart.construct"): [labels.get(c, c) for c in order["construct"]],
            t("model.col.importance"): order["importance"].to_numpy(),
            t("model.col.performance"): order["performance"].to_numpy(),
            t("chart.quadrant"): [t(f"quadrant.{q}") for q in order["quadrant"]],
            t("model.col.gain"): order["gain"].to_numpy(),
        }
    )
    return Table(
        "model-ipma-priorities",
        frame,
        {
            t("model.col.importance"): st.column_config.NumberColumn(format="%.3f"),
            t("model.col.performance"): st.column_config.NumberColumn(format="%.1f"),
            t("model.col.gain"): st.column_config.NumberColumn(format="%.1f"),
        },
    )


def _total_effects(fit, labels: dict, lang: str) -> Table:
    t = partial(text, lang)
    effects = analysis.total_effects(fit)
    table = {
        t("chart.from"): [labels.get(c, c) for c in effects["from"]],
        t("chart.to"): [labels.get(c, c) for c in effects["to"]],
        t("model.col.direct"): effects["direct"].to_numpy(),
        t("model.col.indirect"): effects["indirect"].to_numpy(),
        t("model.col.total"): effects["total"].to_numpy(),
    }
    if fit.total_effects_bootstrap is not None:
        table[t("chart.boot_low")] = effects["ci_low"].to_numpy()
        table[t("chart.boot_high")] = effects["ci_high"].to_numpy()
    three_places = ("model.col.direct", "model.col.indirect", "model.col.total", "chart.boot_low", "chart.boot_high")
    return Table(
        "model-total-effects",
        pd.DataFrame(table),
        {t(k): st.column_config.NumberColumn(format="%.3f") for k in three_places},
    )
