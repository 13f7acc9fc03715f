"""The report of a survey: the key figures and the charts of the chosen dashboard pages, as PDF and PPTX.

`build_report(sel, pages, lang, ...)` takes what the pages take — the sidebar's
`Selection`, the cached figures of `ui.figures` (so the numbers are those the
pages show, computed once) and the builders of `ui.charts` — and renders every
chart to PNG (`survey.reporting.exports.chart_png`); `survey.reporting.report` writes the files.
A chart that cannot be drawn is left out
(`ReportFiles.left_out` says which and why); a file that cannot be written
raises `survey.reporting.rendering.RenderError`.
Choices a page keeps in the session are used as the page would use them: the
importance of Priorities ("priorities_importance") and the segment field of NPS
("nps_segment"); Gaps shows every dimension, Model has no bootstrap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from survey import analysis
from survey.i18n import text
from survey.reporting import exports, report
from survey.reporting.rendering import RenderError
from ui import charts, figures
from ui.selection import Selection

PAGES = ("overview", "gaps", "priorities", "nps", "loyalty", "model")


@dataclass(frozen=True)
class ReportFiles:
    """The two files; `left_out` names the charts that could not be drawn (title, why: a RenderError key)."""

    pdf: bytes
    pptx: bytes
    file_stem: str
    charts: int
    left_out: tuple[tuple[str, str], ...] = ()


def page_charts(
    sel: Selection, page: str, lang: str, *, importance: str | None = None, nps_field: str | None = None
) -> list:
    """The charts `page` shows for this selection, in its order (Altair charts in `lang`)."""
    labels, inputs = sel.labels(lang), sel.inputs
    out = []
    if page == "overview":
        trend = figures.overview(sel).trend
        if len(trend) > 1:
            out.append(charts.index_trend_chart(trend, lang=lang))
    elif page == "gaps":
        view = figures.gaps(sel)
        if inputs.gap_pairs:
            dimensions = {inputs.dimension_of[inputs.pair_parent[k]] for k in inputs.gap_pairs}
            if len(dimensions) > 1:
                out.append(charts.dimension_gap_chart(view.dimensions, labels, lang=lang))
            out.append(charts.gap_dumbbell(view.indicators, labels, lang=lang))
        if view.experience is not None:
            out.append(charts.experience_chart(view.experience, labels, lang=lang))
        if inputs.gap_pairs:
            out.append(charts.profile_chart(view.profile, labels, lang=lang))
    elif page == "priorities":
        options = analysis.importance_options(inputs)
        if options:
            chosen = importance if importance in options else options[0]
            result = figures.priorities(sel, chosen).result
            if result is not None and not result.table["quadrant"].isna().all():
                out.append(charts.ipa_matrix(result, labels, lang=lang, importance=chosen))
    elif page == "nps":
        if inputs.recommend is not None:
            fields = list(inputs.segment_fields)
            by = (nps_field if nps_field in fields else fields[0]) if fields else None
            view = figures.nps(sel, by)
            out.append(charts.nps_distribution_chart(view.distribution, lang=lang))
            table = view.by_segment
            if table is not None and not table.empty:
                out.append(charts.nps_segment_chart(table, labels.get(by, by), lang=lang))
            if len(view.trend) > 1:
                out.append(charts.nps_trend_chart(view.trend, lang=lang))
    elif page == "loyalty":
        if inputs.loyalty:
            view = figures.loyalty(sel)
            out.append(charts.index_items_chart(view.index.nodes, labels, lang=lang))
            if view.matrix is not None:
                out.append(
                    charts.loyalty_matrix_chart(view.points, view.matrix, lang=lang, satisfaction_source=view.source)
                )
                out.append(charts.segment_share_chart(view.matrix, lang=lang))
            if view.tiers is not None:
                out.append(charts.pyramid_chart(view.tiers, lang=lang))
    elif page == "model":
        if inputs.blocks is not None:
            fit = figures.model(sel).fit
            if fit is not None:
                out.append(charts.path_diagram(fit, labels, lang=lang))
                out.append(charts.loadings_chart(fit, inputs.blocks, labels, lang=lang))
    else:
        raise ValueError(f"unknown dashboard page {page!r}; one of {', '.join(PAGES)}")
    return out


def filter_lines(sel: Selection, lang: str) -> tuple[str, ...]:
    """The filters of the selection and the responses they keep, one line each, in `lang`."""
    lines = [text(lang, "dash.filtered_count", count=sel.responses, total=sel.total)]
    version = text(lang, "dash.version_n", number=sel.versions[0]) if sel.versions else text(lang, "dash.all_versions")
    lines.append(text(lang, "report.filter", name=text(lang, "common.version"), values=version))
    sep = "、" if lang == "zh" else ", "
    waves = sep.join(sel.waves) if sel.waves else text(lang, "dash.all")
    lines.append(text(lang, "report.filter", name=text(lang, "dash.wave"), values=waves))
    for name, values in sel.segments:
        node = sel.defn.node(name)
        lines.append(text(lang, "report.filter", name=node.label(lang) if node else name, values=sep.join(values)))
    return tuple(lines)


def build_report(
    sel: Selection,
    pages: list[str],
    lang: str,
    *,
    targets: dict | None = None,
    importance: str | None = None,
    nps_field: str | None = None,
    today: dt.date | None = None,
    progress: Callable[[float, str], None] | None = None,
) -> ReportFiles:
    """Both files of the report: title, key figures (the Overview's cards), the charts of `pages` in order."""
    today = today or dt.date.today()
    progress = progress or (lambda fraction, message: None)
    view = figures.overview(sel)
    chosen = [
        (page, chart)
        for page in pages
        for chart in page_charts(sel, page, lang, importance=importance, nps_field=nps_field)
    ]
    rendered, left_out = [], []
    for k, (page, chart) in enumerate(chosen):
        progress(k / (len(chosen) + 1), text(lang, "report.rendering", done=k, total=len(chosen)))
        try:
            png = exports.chart_png(chart)
        except RenderError as err:  # the rest of the report is still worth having
            left_out.append((_title(chart) or text(lang, f"nav.{page}"), err.key))
            continue
        rendered.append(report.ReportChart(text(lang, f"nav.{page}"), _title(chart), png))
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
        ),
        charts=tuple(rendered),
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


def _title(chart) -> str:
    """The chart's title text (Vega-Lite `title.text`)."""
    title = chart.to_dict().get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    return title if isinstance(title, str) else " ".join(title)
