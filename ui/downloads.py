"""Show a chart or a table with its downloads underneath: PNG and SVG for a chart, CSV and Excel for a table.

    show_chart(chart, "nps-distribution")
    show_table(frame, "nps-by-segment", column_config=...)

`name` names the files (`nps-distribution.png`) and the buttons' keys, so it is
unique on a page. The files are made only when a button is clicked (a
callable `data`, run by Streamlit on the click; no rerun follows), by the
Streamlit-free `survey.reporting.exports`: a page pays nothing for offering them. A
chart is drawn in a worker process (`survey.reporting.rendering`); when it cannot be,
the browser shows "this chart could not be drawn: …" in the user's language
under the button (`ui.download_errors`), and the page goes on.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from survey.reporting import exports
from ui.download_errors import failure_message, guarded
from ui.i18n import lang, t

ICON = ":material/download:"
EMPTY_CELL = "—"  # what a table shows for a missing value (st.dataframe's placeholder; Streamlit's own is "None")


def show_chart(chart, name: str, *, width: str = "stretch") -> None:
    """The chart (its texts as a chart can show them: `survey.reporting.exports.chart_texts`) and, under it, the chart
    as PNG and as SVG."""
    show_plain_chart(chart, width=width)
    _weighting_caption()
    failed = failure_message("render.chart_failed", lang())
    with st.container(horizontal=True, gap="small"):
        png = guarded(lambda: exports.chart_png(chart), failed)
        _button(t("export.png"), t("export.png_help"), f"{name}.png", exports.PNG_MIME, png)
        svg = guarded(lambda: exports.chart_svg(chart), failed)
        _button(t("export.svg"), t("export.svg_help"), f"{name}.svg", exports.SVG_MIME, svg)


def show_plain_chart(chart, *, width: str = "stretch") -> None:
    """An Altair chart on the page, without downloads, every text in it as a chart can show it."""
    st.vega_lite_chart(exports.chart_texts(chart.to_dict()), width=width)


ABOUT_KEY = "_export_about"  # st.session_state: what this page's tables are of (set by the dashboards' filters)


WEIGHTED_KEY = "_weighted_caption"  # st.session_state: "weighted (scheme) …" under every chart and table of this page


def describe_weighting(caption: str, short: str = "") -> None:
    """The weighting line every chart and table of this page shows under it, and the short one under every
    card (`weighting_note`); "" unweighted. `ui.page.start` forgets them on every page."""
    st.session_state[WEIGHTED_KEY] = (caption, short or caption)


def weighting_note() -> str:
    """ "weighted (scheme)" when this page's figures are weighted, else ""."""
    return st.session_state.get(WEIGHTED_KEY, ("", ""))[1]


def _weighting_caption() -> None:
    caption = st.session_state.get(WEIGHTED_KEY, ("", ""))[0]
    if caption:
        st.caption(caption)


def describe_exports(lines: tuple[str, ...]) -> None:
    """What the tables downloaded from this page are of (survey, filters, date: one line each), written on
    the Excel files' "About" sheet; `ui.page.start` forgets it on every page."""
    st.session_state[ABOUT_KEY] = tuple(lines)


def decimals_shown(column_config: dict | None) -> dict[str, int]:
    """column → decimal places, from st.dataframe's column_config formats ("%.1f" and "%+.1f" → 1, "%d" → 0)."""
    found = {}
    for column, config in (column_config or {}).items():
        spec = ((config or {}).get("type_config") or {}).get("format") if isinstance(config, dict) else None
        match = re.fullmatch(r"[^%]*%[-+ 0#]*\d*(?:\.(\d+))?[fd].*", spec or "")
        if match:
            found[column] = int(match.group(1) or 0)
    return found


def show_table(frame: pd.DataFrame, name: str, **dataframe_args) -> None:
    """`st.dataframe` (no index, full width unless told, a missing value shown as "—") and, under it, the table
    as CSV and as Excel, their numbers rounded as shown, the Excel file saying what it is of (`describe_exports`)."""
    dataframe_args.setdefault("hide_index", True)
    dataframe_args.setdefault("width", "stretch")
    dataframe_args.setdefault("placeholder", EMPTY_CELL)
    st.dataframe(frame, **dataframe_args)
    _weighting_caption()
    decimals = decimals_shown(dataframe_args.get("column_config"))
    about, about_sheet = st.session_state.get(ABOUT_KEY, ()), t("export.about")
    with st.container(horizontal=True, gap="small"):
        _button(
            t("export.csv"),
            t("export.csv_help"),
            f"{name}.csv",
            exports.CSV_MIME,
            lambda: exports.table_csv(frame, decimals=decimals),
        )
        _button(
            t("export.xlsx"),
            t("export.xlsx_help"),
            f"{name}.xlsx",
            exports.XLSX_MIME,
            lambda: exports.table_xlsx(frame, sheet=name, decimals=decimals, about=about, about_sheet=about_sheet),
        )


def _button(label: str, help_text: str, file_name: str, mime: str, make) -> None:
    st.download_button(
        label,
        data=make,
        file_name=file_name,
        mime=mime,
        key=f"_download_{file_name}",
        on_click="ignore",
        type="tertiary",
        icon=ICON,
        help=help_text,
    )
