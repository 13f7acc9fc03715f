"""The Drivers page's view: the indicators' relative importance for overall satisfaction or the recommend
item, with a bootstrap interval."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from metrics.drivers import METHODS
from survey import analysis
from survey.i18n import text
from ui import analysis_figures
from ui.analysis_figures import DriverFigures
from ui.charts import analysis as charts
from ui.selection import Selection
from ui.views.elements import Chart, Table


@dataclass(frozen=True, eq=False)
class DriversView:
    """target: what the indicators explain ("overall" or "recommend"; None when the survey offers neither or
    has fewer than two indicators); method: "lmg" or "johnson"; bootstrap: the resamples asked for (0:
    none); figures (None then); the chart and the table (None when the importance could not be
    computed: `figures.problem` says why)."""

    target: str | None
    method: str
    bootstrap: int
    figures: DriverFigures | None
    chart: Chart | None
    table: Table | None

    @property
    def charts(self) -> tuple[Chart, ...]:
        return tuple(c for c in (self.chart,) if c is not None)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(x for x in (self.table,) if x is not None)


def driver_targets(sel: Selection) -> list[str]:
    """The outcomes the survey's indicators can explain ("overall", "recommend")."""
    return analysis.driver_targets(sel.inputs)


def drivers_view(
    sel: Selection, lang: str, *, target: str | None = None, method: str = "lmg", bootstrap: int = 0
) -> DriversView:
    """The view of the relative importance for `target` (the survey's first when it lacks it) by `method`,
    with `bootstrap` resamples asked for the interval."""
    targets = driver_targets(sel)
    method = method if method in METHODS else "lmg"
    if not targets:
        return DriversView(None, method, bootstrap, None, None, None)
    target = target if target in targets else targets[0]
    figures = analysis_figures.drivers(sel, target, method, bootstrap)
    if figures.drivers is None:
        return DriversView(target, method, bootstrap, figures, None, None)
    t = partial(text, lang)
    found = figures.drivers
    labels = sel.labels(lang)
    data = found.table.assign(label=[labels.get(d, d) for d in found.table["driver"]], n=found.result.n)
    r2 = f"{found.result.r_squared:.3f}"
    method_name = t(f"drv.method.{method}")
    if found.resamples:
        subtitle = t("chart.drv.subtitle", method=method_name, r2=r2)
    else:
        subtitle = t("chart.drv.subtitle_plain", method=method_name, r2=r2)
    chart = Chart("drivers", charts.drivers_chart(data, t(f"drv.target.{target}"), subtitle, lang=lang), data)
    return DriversView(target, method, bootstrap, figures, chart, _table(data, lang))


def _table(data: pd.DataFrame, lang: str) -> Table:
    t = partial(text, lang)
    frame = pd.DataFrame(
        {
            t("drv.col.rank"): range(1, len(data) + 1),
            t("chart.indicator"): data["label"],
            t("drv.col.importance"): data["importance"],
            t("drv.col.share"): data["share"],
            t("chart.ci_low"): data["ci_low"],
            t("chart.ci_high"): data["ci_high"],
        }
    )
    one = st.column_config.NumberColumn(format="%.1f")
    return Table(
        "drivers",
        frame,
        {t("drv.col.importance"): st.column_config.NumberColumn(format="%.3f")}
        | {c: one for c in (t("drv.col.share"), t("chart.ci_low"), t("chart.ci_high"))},
    )
