"""The Crosstabs page's view: a banner table of any item or attribute by any attribute."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from metrics.compare import SMALL_GROUP
from survey import analysis
from survey.i18n import text
from ui import analysis_figures
from ui.charts import analysis as charts
from ui.selection import Selection
from ui.views.elements import Chart, Table


@dataclass(frozen=True, eq=False)
class CrosstabsView:
    """row, column: the fields crossed (None when the survey has nothing to cross); figures: the crosstab
    (None then); shares: the column percentages chart and means the row item's mean per column (None
    unless the row is a numeric item); the tables: column % with letters, counts, and n (and means) per
    column. Charts and tables are None when no respondent answered both fields."""

    row: str | None
    column: str | None
    figures: analysis.Banner | None
    shares: Chart | None
    means: Chart | None
    percent_table: Table | None
    counts_table: Table | None
    columns_table: Table | None

    @property
    def charts(self) -> tuple[Chart, ...]:
        return tuple(c for c in (self.shares, self.means) if c is not None)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(x for x in (self.percent_table, self.counts_table, self.columns_table) if x is not None)


def crosstab_options(sel: Selection) -> tuple[list[str], list[str]]:
    """(the fields offered as rows, the attributes offered as columns) under the filters."""
    return analysis_figures.crosstab_fields(sel)


def crosstab_fields(sel: Selection, row: str | None, column: str | None) -> tuple[str | None, str | None]:
    """The fields to cross: `row` and `column` when the survey offers them, else the first numeric item (or
    field) as rows and the first attribute as columns, never the same field twice."""
    rows, columns = crosstab_options(sel)
    if not columns:
        return None, None
    column = column if column in columns else columns[0]
    if row not in rows or row == column:
        items = [f for f in rows if f not in columns]
        row = items[0] if items else next((f for f in rows if f != column), None)
    return row, column


def crosstabs_view(sel: Selection, lang: str, *, row: str | None = None, column: str | None = None) -> CrosstabsView:
    """The view of `row` by `column` (`crosstab_fields` chooses when the survey lacks them)."""
    row, column = crosstab_fields(sel, row, column)
    if row is None or column is None:
        return CrosstabsView(row, column, None, None, None, None, None, None)
    figures = analysis_figures.banner(sel, row, column)
    result = figures.result
    if int(result.n.sum()) == 0:
        return CrosstabsView(row, column, figures, None, None, None, None, None)
    labels = sel.labels(lang)
    row_name, column_name = labels.get(row, row), labels.get(column, column)
    row_labels = _row_labels(sel, row, result.counts.index, lang)
    headings = _headings(result)
    cells = _cells(result, row_labels, headings)
    shares = Chart("crosstab", charts.crosstab_chart(cells, row_name, column_name, lang=lang), cells)
    means = None
    if figures.means is not None:
        data = figures.means.assign(heading=[headings[c] for c in figures.means["column"]])
        scale = sel.inputs.scales[row]
        means = Chart(
            "crosstab-means", charts.crosstab_means_chart(data, row_name, column_name, scale, lang=lang), data
        )
    return CrosstabsView(
        row,
        column,
        figures,
        shares,
        means,
        _percent_table(result, row_name, row_labels, headings, lang),
        _counts_table(result, row_name, row_labels, headings, lang),
        _columns_table(figures, column_name, lang),
    )


def _row_labels(sel: Selection, row: str, values, lang: str) -> list[str]:
    """A numeric item's answers with their scale labels ("5 · Very satisfied"), an attribute's values as they
    are."""
    node = sel.defn.node(row)
    scale = sel.defn.scale(node.scale) if node is not None and node.scale else None
    if scale is None:
        return [str(v) for v in values]
    out = []
    for v in values:
        label = scale.label(int(v), lang)
        out.append(str(v) if label == str(v) else f"{v} · {label}")
    return out


def _headings(result) -> dict:
    """Each column category's heading: its value, its letter and n<30 when small."""
    return {
        value: f"{value} ({result.letters[value]})" + (f" n<{SMALL_GROUP}" if result.small[value] else "")
        for value in result.counts.columns
    }


def _cells(result, row_labels: list[str], headings: dict) -> pd.DataFrame:
    rows = []
    for r, label in zip(result.counts.index, row_labels):
        for c in result.counts.columns:
            rows.append(
                {
                    "row": label,
                    "column": headings[c],
                    "percent": float(result.column_percent.at[r, c]),
                    "count": result.counts.at[r, c],
                    "higher": result.significance.at[r, c],
                    "n": int(result.n[c]),
                }
            )
    return pd.DataFrame(rows)


def _percent_table(result, row_name: str, row_labels: list[str], headings: dict, lang: str) -> Table:
    t = partial(text, lang)
    frame = pd.DataFrame({row_name: row_labels})
    config = {}
    for c in result.counts.columns:
        percent = t("xt.col.percent", column=headings[c])
        frame[percent] = result.column_percent[c].to_numpy()
        frame[t("xt.col.higher", column=headings[c])] = result.significance[c].to_numpy()
        config[percent] = st.column_config.NumberColumn(format="%.1f")
    return Table("crosstab-percent", frame, config)


def _counts_table(result, row_name: str, row_labels: list[str], headings: dict, lang: str) -> Table:
    t = partial(text, lang)
    frame = pd.DataFrame({row_name: row_labels})
    for c in result.counts.columns:
        frame[headings[c]] = result.counts[c].to_numpy()
    frame[t("xt.col.total")] = result.counts.sum(axis=1).to_numpy()
    bases = {row_name: t("xt.n_row"), **{headings[c]: int(result.n[c]) for c in result.counts.columns}}
    bases[t("xt.col.total")] = int(result.n.sum())
    frame = pd.concat([frame, pd.DataFrame([bases])], ignore_index=True)
    return Table("crosstab-counts", frame)


def _columns_table(figures: analysis.Banner, column_name: str, lang: str) -> Table:
    t = partial(text, lang)
    result = figures.result
    frame = pd.DataFrame(
        {
            column_name: [str(c) for c in result.counts.columns],
            t("xt.col.letter"): result.letters.to_numpy(),
            t("chart.n"): result.n.to_numpy(),
            t("xt.col.small"): [f"n<{SMALL_GROUP}" if s else "" for s in result.small],
        }
    )
    config = {}
    if figures.means is not None:
        frame[t("xt.col.mean")] = figures.means["mean"].to_numpy()
        frame[t("xt.col.sd")] = figures.means["sd"].to_numpy()
        frame[t("xt.col.mean_n")] = figures.means["n"].to_numpy()
        frame[t("xt.col.mean_higher")] = figures.means["higher"].to_numpy()
        config = {
            t("xt.col.mean"): st.column_config.NumberColumn(format="%.2f"),
            t("xt.col.sd"): st.column_config.NumberColumn(format="%.2f"),
        }
    return Table("crosstab-columns", frame, config)
