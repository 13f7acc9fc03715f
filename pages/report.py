"""Report: the key figures and the charts of the chosen dashboard pages, with the current filters, as PDF
and PowerPoint."""

import datetime as dt

import streamlit as st

from survey import actions as action_plans
from survey.i18n import LANGUAGE_NAMES, LANGUAGES
from survey.reporting.rendering import RenderError
from survey.reporting.report import ReportError
from survey.storage import store
from ui import report, views
from ui.auth import workspace_id
from ui.filters import dashboard_filters
from ui.i18n import lang, plain, t
from ui.page import start
from ui.state import database, keep_choice

PAGES_KEY = "report_pages"  # st.session_state: the pages chosen for the report, kept across pages
LANG_KEY = "report_lang"  # st.session_state: the report's language ("zh" / "en")
FILES_KEY = "report_files"  # st.session_state: the last report built, with what it was built from


start("report.title", "report.intro", need="dashboards.export")
sel = dashboard_filters()
if sel is None:
    st.stop()

# --- choose ------------------------------------------------------------------------------------------
st.session_state.setdefault(PAGES_KEY, list(views.REPORT_DEFAULT))  # the Analysis pages by choice
st.session_state.setdefault(LANG_KEY, lang())
st.session_state["_report_pages"] = [p for p in st.session_state[PAGES_KEY] if p in report.PAGES]
st.session_state["_report_lang"] = st.session_state[LANG_KEY]
page_names = {page: t(f"nav.{page}") for page in report.PAGES}  # labels computed in the run, not in a callback
pages = st.multiselect(
    t("report.pages"),
    report.PAGES,
    format_func=page_names.get,
    key="_report_pages",
    on_change=keep_choice,
    args=(PAGES_KEY, "_report_pages"),
    placeholder=t("report.no_pages"),
)
report_lang = st.radio(
    t("report.language"),
    LANGUAGES,
    format_func=LANGUAGE_NAMES.get,
    key="_report_lang",
    horizontal=True,
    on_change=keep_choice,
    args=(LANG_KEY, "_report_lang"),
)
st.caption(" · ".join(plain(line) for line in report.filter_lines(sel, lang())))  # survey, segments
today = dt.date.today()
pages = [p for p in report.PAGES if p in pages]  # in the dashboards' order
importance = st.session_state.get("priorities_importance")
nps_field = st.session_state.get("nps_segment")
analysis = {key: st.session_state.get(key) for key in report.ANALYSIS_CHOICES}  # the Analysis pages' choices
with database().session() as s:
    targets = store.targets(s, workspace_id(), sel.survey.id)  # set on the Overview page
    planned = action_plans.action_count(s, workspace_id(), sel.survey.id)
with_plan = planned > 0 and st.checkbox(t("report.with_actions", count=planned), value=True, key="_report_actions")
wanted = (
    sel.key,
    sel.defn,
    tuple(pages),
    report_lang,
    importance,
    nps_field,
    tuple(analysis.items()),
    tuple(sorted(targets.items())),
    today,
    with_plan,
)

# --- build (charts rendered once for both files) -------------------------------------------------------------
if st.button(t("report.build"), type="primary", disabled=not pages, icon=":material/description:"):
    with st.status(t("report.building"), expanded=True) as status:
        bar = st.progress(0.0)

        def _progress(fraction: float, message: str) -> None:
            bar.progress(fraction, text=message)

        try:
            if with_plan:
                with database().session() as s:
                    plan = action_plans.check_actions(s, workspace_id(), sel.survey.id)
            files = report.build_report(
                sel,
                pages,
                report_lang,
                targets=targets,
                importance=importance,
                nps_field=nps_field,
                analysis=analysis,
                today=today,
                progress=_progress,
                action_plan=plan if with_plan else (),
            )
        except ReportError as err:
            status.update(label=t("report.failed"), state="error")
            st.error(t(err.key))
        except RenderError as err:
            status.update(label=t("report.failed"), state="error")
            st.error(t("render.report_failed", reason=t(err.key)))
        else:
            st.session_state[FILES_KEY] = {"wanted": wanted, "files": files}
            status.update(label=t("report.done", charts=files.charts), state="complete", expanded=False)

# --- download ------------------------------------------------------------------------------------------------
built = st.session_state.get(FILES_KEY)
if built and built["wanted"] == wanted:
    files = built["files"]
    for title, reason in files.left_out:
        st.warning(t("report.chart_left_out", chart=plain(title), reason=t(reason)))
    with st.container(horizontal=True):
        st.download_button(
            t("report.download_pdf"),
            data=files.pdf,
            file_name=f"{files.file_stem}.pdf",
            mime="application/pdf",
            key="_report_pdf",
            on_click="ignore",
            icon=":material/picture_as_pdf:",
        )
        st.download_button(
            t("report.download_pptx"),
            data=files.pptx,
            file_name=f"{files.file_stem}.pptx",
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
            key="_report_pptx",
            on_click="ignore",
            icon=":material/slideshow:",
        )
elif built:
    st.info(t("report.outdated"))
