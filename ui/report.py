"""The report of a survey: the key figures and the charts of the chosen dashboard pages, as PDF and PPTX.

`build_report(sel, pages, lang, ...)` takes what the pages show: the views of
`ui.views`, built from the sidebar's `Selection` (so the numbers are those the
pages show, computed once, and every chart a page's view holds is in the report);
it renders every chart of the chosen pages to PNG (`survey.reporting.exports.chart_png`),
and `survey.reporting.report` writes the files with the Overview's key figures.
A chart that cannot be drawn is left out
(`ReportFiles.left_out` says which and why); a file that cannot be written
raises `survey.reporting.rendering.RenderError`.
Choices a page keeps in the session are used as the page would use them: the
importance of Priorities ("priorities_importance"), the segment field of NPS
("nps_segment") and the Analysis pages' fields, scale, sort, target and method
(`views.ANALYSIS_CHOICES`); Gaps shows every dimension, Model and Drivers have no bootstrap.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from survey.actions import ActionCheck
from survey.i18n import text
from survey.reporting import exports, report
from survey.reporting.rendering import RenderError
from ui import views
from ui.action_plan import REPORT_COLUMNS, plan_table
from ui.selection import Selection

PAGES = views.PAGES
ANALYSIS_CHOICES = views.ANALYSIS_CHOICES
# The key tables a report holds, by page: the gaps, the NPS by segment, the indicators to concentrate on.
KEY_TABLES = {
    "gaps": ("gaps-experience-table", "gaps-servqual", "gaps-items"),
    "nps": ("nps-by-segment",),
    "priorities": ("priorities-concentrate",),
}


@dataclass(frozen=True)
class ReportFiles:
    """The two files; `left_out` names the charts that could not be drawn (title, why: a RenderError key)."""

    pdf: bytes
    pptx: bytes
    file_stem: str
    charts: int
    left_out: tuple[tuple[str, str], ...] = ()


def page_charts(
    sel: Selection,
    page: str,
    lang: str,
    *,
    importance: str | None = None,
    nps_field: str | None = None,
    analysis: Mapping | None = None,
) -> tuple[views.Chart, ...]:
    """The charts `page` shows for this selection, in its order, in `lang`: those of its view."""
    return views.page_view(sel, page, lang, importance=importance, nps_field=nps_field, analysis=analysis).charts


def filter_lines(sel: Selection, lang: str) -> tuple[str, ...]:
    """The filters of the selection and the responses they keep, one line each, in `lang`."""
    return sel.filter_lines(lang)


def build_report(
    sel: Selection,
    pages: list[str],
    lang: str,
    *,
    targets: dict | None = None,
    importance: str | None = None,
    nps_field: str | None = None,
    analysis: Mapping | None = None,
    today: dt.date | None = None,
    progress: Callable[[float, str], None] | None = None,
    action_plan: Sequence[ActionCheck] = (),
) -> ReportFiles:
    """Both files of the report: title, key figures (the Overview's cards), the charts of `pages` in order;
    with `action_plan` (the survey's checked actions), the plan as a table on slides after the charts."""
    today = today or dt.date.today()
    progress = progress or (lambda fraction, message: None)
    shown = {
        page: views.page_view(sel, page, lang, importance=importance, nps_field=nps_field, analysis=analysis)
        for page in pages
    }
    view = (shown["overview"] if "overview" in shown else views.overview_view(sel, lang)).overview
    chosen = [(page, chart) for page in pages for chart in shown[page].charts]
    rendered, left_out = [], []
    for k, (page, chart) in enumerate(chosen):
        progress(k / (len(chosen) + 1), text(lang, "report.rendering", done=k, total=len(chosen)))
        try:
            png = exports.chart_png(chart.chart)
        except RenderError as err:  # the rest of the report is still worth having
            left_out.append((chart.title or text(lang, f"nav.{page}"), err.key))
            continue
        rendered.append(report.ReportChart(text(lang, f"nav.{page}"), chart.title, png))
    tables = tuple(
        report_table(text(lang, f"nav.{page}"), table, lang)
        for page in pages
        for table in shown[page].tables
        if table.name in KEY_TABLES.get(page, ())
    )
    title = sel.survey.title(lang)
    content = report.Report(
        lang=lang,
        title=title,
        subtitle=text(lang, "report.subtitle"),
        date=today.isoformat(),
        details=filter_lines(sel, lang),
        figures_heading=text(lang, "report.key_figures"),
        figures_caption=report.figures_caption(view, lang),
        figures=report.key_figures(
            view,
            lang=lang,
            has_recommend=sel.inputs.recommend is not None,
            has_loyalty=bool(sel.inputs.loyalty),
            targets=targets,
            model_name=sel.inputs.model_name,
        ),
        charts=tuple(rendered),
        tables=(*tables, *((action_plan_table(action_plan, lang),) if action_plan else ())),
    )
    progress(len(chosen) / (len(chosen) + 1), text(lang, "report.writing"))
    files = ReportFiles(
        pdf=report.report_pdf(content),
        pptx=report.report_pptx(content),
        file_stem=exports.file_stem(f"{title}-{text(lang, 'report.file')}-{content.date}"),
        charts=len(rendered),
        left_out=tuple(left_out),
    )
    progress(1.0, text(lang, "report.done", charts=len(rendered)))
    return files


def action_plan_table(checks: Sequence[ActionCheck], lang: str) -> report.ReportTable:
    """The action plan's slide: each action's indicator, strategy, owner, status and its check, as the
    Action plan page shows them."""
    frame = plan_table(checks, lang)
    columns = [text(lang, f"actions.col.{k}") for k in REPORT_COLUMNS]
    specs = {text(lang, "actions.col.change"): "+.1f", text(lang, "actions.col.p"): ".3f"}

    def cell(column: str, value) -> str:
        if isinstance(value, float):
            return report.number(value, specs.get(column, ".1f"))
        return str(value)

    rows = tuple(tuple(cell(c, row[c]) for c in columns) for _, row in frame.iterrows())
    return report.ReportTable(
        text(lang, "report.section.actions"), "", tuple(columns), rows, text(lang, "actions.test_note")
    )


def report_table(section: str, table: views.Table, lang: str) -> report.ReportTable:
    """A page's table as the report prints it: every cell written as the page shows it (its column's format,
    "—" for a missing value), the title the report gives it."""
    formats = {column: _format_of(config) for column, config in dict(table.column_config).items()}
    rows = tuple(
        tuple(cell_text(value, formats.get(column)) for column, value in zip(table.frame.columns, row))
        for row in table.frame.itertuples(index=False)
    )
    return report.ReportTable(
        section, text(lang, f"report.table.{table.name}"), tuple(map(str, table.frame.columns)), rows
    )


def _format_of(config) -> str | None:
    spec = ((config or {}).get("type_config") or {}).get("format") if isinstance(config, Mapping) else None
    return spec if isinstance(spec, str) else None


def cell_text(value, spec: str | None = None) -> str:
    """One cell as a table shows it: "—" when missing, a number in the column's printf format ("%+.1f",
    "percent"), else as written."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return report.DASH
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if not math.isfinite(float(value)):
        return report.DASH
    if spec == "percent":
        return f"{float(value):.0%}"
    if spec and "%" in spec:
        try:
            return spec % value
        except (TypeError, ValueError):
            pass
    return str(value) if isinstance(value, int) else f"{float(value):.2f}".rstrip("0").rstrip(".")
