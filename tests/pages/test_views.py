"""One view per dashboard page: the page shows its view's charts, and the Report holds every one of them.

A chart added to a page outside its view (drawn by the page itself, or a new field of the view left out
of `view.charts`) fails the first test; a chart of a view that does not reach the PDF / PowerPoint fails
the second. Both run on every demo survey, which together draw every chart the dashboards have.
"""

import dataclasses
import io
import json

import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from survey import analysis
from survey.i18n import text
from survey.reporting import exports
from survey.storage import store
from survey.storage.db import open_database
from tests.pages.conftest import open_page
from tests.pages.test_dashboards import demo_survey
from ui import report, views
from ui.selection import Selection
from ui.views.elements import Chart, chart_title

SURVEYS = ("Customer experience", "ECSI", "Course")


def selection(url: str, title_en: str) -> Selection:
    """What the sidebar selects when the user opens a dashboard on this demo survey: every response."""
    survey_id, _ = demo_survey(url, title_en)
    db = open_database(url)
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey = next(x for x in store.list_surveys(s, ws) if x.id == survey_id)
        stamp = store.data_version(s, ws, survey_id)
        defn = store.load_definition(s, ws, store.current_version(s, ws, survey_id).id)
    db.dispose()
    return Selection(
        survey=survey,
        defn=defn,
        inputs=analysis.analysis_inputs(defn),
        source=(ws, survey_id, stamp),
        versions=(),
        waves=(),
        segments=(),
        responses=stamp[0],
        total=stamp[0],
    )


def shown_title(chart: Chart) -> str:
    """The chart's title as the page shows it (every text as a chart can show it)."""
    return chart_title(exports.chart_texts(chart.chart.to_dict()))


@pytest.mark.parametrize("title", SURVEYS)
def test_every_chart_a_page_shows_is_one_of_its_view(app, app_database, title):
    sel = selection(app_database, title)
    app.session_state["survey_id"] = sel.survey.id
    for page in views.PAGES:
        view = views.page_view(sel, page, "en")
        held = [getattr(view, f.name) for f in dataclasses.fields(view)]
        assert set(map(id, view.charts)) == {id(x) for x in held if isinstance(x, Chart)}, page
        assert all(isinstance(chart.data, pd.DataFrame) and len(chart.data) for chart in view.charts), page
        at = open_page(app, page)
        shown = [chart_title(json.loads(element.proto.spec)) for element in at.get("vega_lite_chart")]
        assert shown == [shown_title(chart) for chart in view.charts], page
        assert all(table.proto.placeholder == "—" for table in at.dataframe), page  # a missing value: "—", not "None"


@pytest.mark.parametrize("title", SURVEYS)
def test_the_report_holds_every_chart_of_every_page_view(app_database, title):
    sel = selection(app_database, title)
    expected = [
        (text("en", f"nav.{page}"), chart.title)
        for page in views.PAGES
        for chart in views.page_view(sel, page, "en").charts
    ]
    assert expected  # every demo survey has charts
    files = report.build_report(sel, list(report.PAGES), "en")
    assert files.left_out == () and files.charts == len(expected)
    slides = list(Presentation(io.BytesIO(files.pptx)).slides)[2:]  # after the title and the key figures
    found, headings, tables = [], [], []
    for slide in slides:
        headings.append(slide.shapes.title.text_frame.text)
        if any(shape.has_table for shape in slide.shapes):
            tables.append(headings[-1])
            continue
        (picture,) = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        found.append((headings[-1].split(" · ")[0], picture._element.nvPicPr.cNvPr.get("descr")))
    assert found == expected
    assert len(set(headings)) == len(headings)  # no two slides titled alike
    key_tables = {
        text("en", f"nav.{page}")
        for page in report.KEY_TABLES
        if any(x.name in report.KEY_TABLES[page] for x in views.page_view(sel, page, "en").tables)
    }
    assert {heading.split(" · ")[0] for heading in tables} == key_tables


def test_the_demo_surveys_together_draw_charts_of_every_page(app_database):
    """Guards the tests above: the charts of a page no demo survey draws would be checked by neither."""
    drawn = {
        page
        for title in SURVEYS
        for page in views.PAGES
        if views.page_view(selection(app_database, title), page, "en").charts
    }
    assert drawn == set(views.PAGES) == set(report.PAGES)


def test_a_report_table_writes_each_cell_as_the_page_shows_it():
    cells = [(None, None), (float("nan"), "%.1f"), (3.14159, "%.1f"), (2.0, "%+.2f"), (0.456, "percent"), ("<b>", None)]
    assert [report.cell_text(value, spec) for value, spec in cells] == ["—", "—", "3.1", "+2.00", "46%", "<b>"]
