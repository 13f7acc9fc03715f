"""What the classroom pages share: the app's public address, user text shown as text, a group's live results
(table and actual-vs-planned chart) and a group's results as a PowerPoint file.

The pages: pages/classes.py (teacher), pages/group.py and pages/peer_review.py (students), pages/join.py
(anyone with a join code). The figures come from `survey.classroom`; this module only shows them.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from survey import analysis, classroom
from survey.access.accounts import Place
from survey.classroom import GroupResults
from survey.design.definition import SurveyDefinition
from survey.i18n import text
from survey.reporting import exports, report
from survey.storage import store
from ui import charts
from ui.auth import current_place
from ui.download_errors import failure_message, guarded
from ui.downloads import EMPTY_CELL, show_plain_chart
from ui.i18n import plain, t
from ui.state import database

JOIN_PATH = "join"  # pages/join.py's url_path in app.py
LIVE_SECONDS = 5  # the live results refresh this often


def join_url(base_url: str, code: str) -> str:
    """``<base>/join?code=<CODE>``: what the QR code on the projector opens."""
    return f"{base_url.rstrip('/')}/{JOIN_PATH}?{urlencode({'code': code})}"


def page_link(page: str, url_path: str, label: str, icon: str) -> None:
    """A link to another page of the app (`st.page_link`), or a plain relative link when the page is not in
    this run's navigation (a page file run on its own)."""
    try:
        st.page_link(page, label=label, icon=icon)
    except StreamlitPageNotFoundError:
        st.markdown(f"[{plain(label)}]({url_path})")


def number(value: float, spec: str = ".1f") -> str:
    return report.number(value, spec)


# --- tables ------------------------------------------------------------------------------------------------


def figures_table(results: list[GroupResults], lang: str, students: dict[int, int] | None = None) -> pd.DataFrame:
    """One row per group: (students,) answers, satisfaction index, NPS (with its n), loyalty index (with its n)."""
    table = pd.DataFrame(
        {
            text(lang, "classes.col.group"): [r.name for r in results],
            text(lang, "classes.col.template"): [
                text(lang, f"group.template.{r.template or 'blank'}") if r.survey_id else "—" for r in results
            ],
            text(lang, "classes.col.answers"): [r.answers for r in results],
            text(lang, "classes.col.satisfaction"): [r.satisfaction for r in results],
            text(lang, "classes.col.nps"): [r.nps for r in results],
            text(lang, "classes.col.nps_n"): [r.nps_n for r in results],
            text(lang, "classes.col.loyalty"): [r.loyalty for r in results],
            text(lang, "classes.col.loyalty_n"): [r.loyalty_n for r in results],
        }
    )
    if students is not None:
        table.insert(1, text(lang, "classes.col.students"), [students.get(r.group_id, 0) for r in results])
    return table


def indicators_table(results: list[GroupResults], lang: str, *, with_group: bool = True) -> pd.DataFrame:
    """One row per group and indicator: actual, planned, gap (actual − planned), n."""
    label = "label_zh" if lang == "zh" else "label_en"
    other = "label_en" if lang == "zh" else "label_zh"
    parts = []
    for r in results:
        rows = r.indicators
        if rows.empty:
            continue
        names = [a or b or c for a, b, c in zip(rows[label], rows[other], rows["code"])]
        part = pd.DataFrame(
            {
                text(lang, "classes.col.group"): r.name,
                text(lang, "classes.col.indicator"): names,
                text(lang, "classes.col.actual"): rows["actual"].astype(float).to_numpy(),
                text(lang, "classes.col.planned"): rows["planned"].astype(float).to_numpy(),
                text(lang, "classes.col.gap"): rows["gap"].astype(float).to_numpy(),
                text(lang, "classes.col.n"): rows["n"].astype(int).to_numpy(),
            }
        )
        parts.append(part if with_group else part.drop(columns=text(lang, "classes.col.group")))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


NUMBER_FORMAT = "%.1f"


def number_columns(lang: str) -> dict:
    """Column formats of the two tables above (one decimal, the gap signed)."""
    one = st.column_config.NumberColumn(format=NUMBER_FORMAT)
    return {
        text(lang, "classes.col.satisfaction"): one,
        text(lang, "classes.col.nps"): one,
        text(lang, "classes.col.loyalty"): one,
        text(lang, "classes.col.actual"): one,
        text(lang, "classes.col.planned"): one,
        text(lang, "classes.col.gap"): st.column_config.NumberColumn(format="%+.1f"),
    }


# --- the actual-vs-planned chart -------------------------------------------------------------------------------


def planned_chart(results: list[GroupResults], lang: str):
    """Actual and planned satisfaction (0–100) per indicator, side by side, one block per group; None when
    no group has indicators. Actual blue, planned orange (Okabe–Ito); the tooltip has the gap and n."""
    table = indicators_table(results, lang)
    if table.empty:
        return None
    group, indicator = text(lang, "classes.col.group"), text(lang, "classes.col.indicator")
    actual, planned = text(lang, "classes.col.actual"), text(lang, "classes.col.planned")
    data = pd.DataFrame(
        {
            "group": table[group],
            "indicator": table[indicator],
            "row": [f"{g} · {i}" if len(results) > 1 else i for g, i in zip(table[group], table[indicator])],
            "actual": table[actual],
            "planned": table[planned],
            "gap": table[text(lang, "classes.col.gap")],
            "n": table[text(lang, "classes.col.n")],
        }
    )
    long = pd.concat(
        [data.assign(series=actual, value=data["actual"]), data.assign(series=planned, value=data["planned"])]
    )
    long = long.dropna(subset=["value"])
    order = list(dict.fromkeys(data["row"]))
    chart = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
            yOffset=alt.YOffset("series:N", sort=[actual, planned]),
            x=alt.X("value:Q", title=text(lang, "classes.chart_axis"), scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=[actual, planned], range=[charts.OKABE_ITO["blue"], charts.OKABE_ITO["orange"]]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("group:N", title=group),
                alt.Tooltip("indicator:N", title=indicator),
                alt.Tooltip("actual:Q", title=actual, format=".1f"),
                alt.Tooltip("planned:Q", title=planned, format=".1f"),
                alt.Tooltip("gap:Q", title=text(lang, "classes.col.gap"), format="+.1f"),
                alt.Tooltip("n:Q", title=text(lang, "chart.n")),
            ],
        )
        .properties(
            title=alt.TitleParams(
                text(lang, "classes.chart_title"), subtitle=text(lang, "classes.chart_subtitle"), anchor="start"
            ),
            height=160 + 34 * max(len(order), 3),
            width="container",
        )
    )
    return (
        chart.configure(font=charts.FONT)
        .configure_axis(labelFont=charts.FONT, titleFont=charts.FONT)
        .configure_legend(labelFont=charts.FONT, titleFont=charts.FONT)
    )


def show_results(results: list[GroupResults], lang: str, *, with_group: bool = True) -> None:
    """The actual-vs-planned table and chart of some groups."""
    table = indicators_table(results, lang, with_group=with_group)
    if table.empty:
        st.info(t("classes.no_indicators"))
        return
    chart = planned_chart(results, lang)
    show_plain_chart(chart)
    st.dataframe(table, hide_index=True, width="stretch", column_config=number_columns(lang), placeholder=EMPTY_CELL)


# --- a group's PowerPoint file -------------------------------------------------------------------------------


def group_charts(defn: SurveyDefinition, frame: pd.DataFrame, lang: str) -> list[tuple[str, object]]:
    """(section, chart) of a group's dashboards, as the Gaps, NPS and Loyalty pages draw them, for the
    questions the survey has and its respondents answered."""
    inputs = analysis.analysis_inputs(defn)
    labels = {n.code: n.label(lang) for n in defn.nodes}
    out: list[tuple[str, object]] = []
    gaps = analysis.gap_table(inputs, frame)
    if gaps["gap"].notna().any():
        out.append((text(lang, "nav.gaps"), charts.gap_dumbbell(gaps.dropna(subset=["gap"]), labels, lang=lang)))
    if inputs.recommend is not None and frame[inputs.recommend].notna().any():
        distribution = analysis.nps_distribution(inputs, frame)
        out.append((text(lang, "nav.nps"), charts.nps_distribution_chart(distribution, lang=lang)))
    loyalty = analysis.loyalty(inputs, frame) if inputs.loyalty else None
    if loyalty is not None and loyalty.n:
        out.append((text(lang, "nav.loyalty"), charts.index_items_chart(loyalty.nodes, labels, lang=lang)))
    return out


def group_pptx(workspace_id: int, group_id: int, lang: str, *, today: dt.date | None = None) -> bytes:
    """A group's results for its presentation (汇报 PPT), as the dashboards' report: a title slide, the key
    figures (the Overview's cards), the actual-vs-planned chart, then the Gaps, NPS and Loyalty charts."""
    today = today or dt.date.today()
    with database().session() as s:
        result = classroom.group_results(s, workspace_id, group_id)
        defn, frame = classroom.group_responses(s, workspace_id, group_id)
        targets = store.targets(s, workspace_id, result.survey_id)
        class_name = classroom.class_summary(s, workspace_id).name
    inputs = analysis.analysis_inputs(defn)
    view = analysis.overview(inputs, frame)
    chosen = []
    mine = planned_chart([result], lang)
    if mine is not None:
        chosen.append((text(lang, "group.results"), mine))
    chosen += group_charts(defn, frame, lang)
    content = report.Report(
        lang=lang,
        title=defn.title(lang),
        subtitle=text(lang, "group.report_subtitle"),
        date=today.isoformat(),
        details=(
            text(lang, "group.report_class", name=class_name, group=result.name),
            text(lang, "group.report_answers", count=result.answers),
        ),
        figures_heading=text(lang, "report.key_figures"),
        figures_caption=report.figures_caption(view, lang),
        figures=report.key_figures(
            view,
            lang=lang,
            has_recommend=inputs.recommend is not None,
            has_loyalty=bool(inputs.loyalty),
            targets=targets,
        ),
        charts=tuple(report.ReportChart(section, _title(chart), exports.chart_png(chart)) for section, chart in chosen),
    )
    return report.report_pptx(content)


def _title(chart) -> str:
    title = chart.to_dict().get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    return title if isinstance(title, str) else " ".join(title)


def pptx_button(workspace_id: int, result: GroupResults, lang: str, *, key: str) -> None:
    """A download button for the group's PowerPoint file (made on click); disabled before the first answer."""
    stem = exports.file_stem(f"{result.name}-{text(lang, 'group.report_file')}-{dt.date.today().isoformat()}")
    st.download_button(
        t("group.pptx", group=plain(result.name)),
        data=guarded(
            lambda: group_pptx(workspace_id, result.group_id, lang), failure_message("render.slides_failed", lang)
        ),
        file_name=f"{stem}.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        key=key,
        on_click="ignore",
        icon=":material/slideshow:",
        disabled=not result.answers or result.survey_id is None,
        help=None if result.answers else t("group.pptx_no_answers"),
    )


def student_group() -> Place:
    """The signed-in student's place (workspace and group); a student outside any group is sent to join."""
    place = current_place()
    if place is None or place.group_id is None:
        st.info(t("group.no_group"))
        page_link("pages/join.py", "join", t("nav.join"), ":material/group_add:")
        st.stop()
    return place
