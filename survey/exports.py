"""The dashboards' downloads as files: a table as CSV or Excel, a chart as PNG or SVG.

Pure functions of their input, no Streamlit (ui/downloads.py puts them behind
download buttons; survey/report.py uses `chart_png` for the reports).

Tables (`table_csv`, `table_xlsx`): the DataFrame as shown, headers and all,
without its index. Numbers stay numbers (a negative gap is the number −0.4,
not text); missing values are empty cells. Text cells — and headers — that a
spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return) get a leading apostrophe (`survey.validation.spreadsheet_safe`,
the rule of the import's problem reports), so a hostile label or segment value
such as ``=HYPERLINK(...)`` opens as text. CSV is UTF-8 with a BOM, so Excel
reads Chinese correctly.

Charts (`chart_png`, `chart_svg`): the chart's Vega-Lite spec (an Altair chart
or its `to_dict()`) rendered by vl-convert, which embeds Vega, Vega-Lite and a
renderer and loads nothing over the network (our specs carry their data
inline). A chart the page draws as wide as its container is drawn
`EXPORT_WIDTH` pixels wide. Chinese text needs a CJK font: vl-convert is
pointed at Debian's fonts-noto-cjk (`CJK_FONT_DIRS`) before the first render.
"""

from __future__ import annotations

import copy
import io
import re
import threading
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from survey.validation import spreadsheet_safe

EXPORT_WIDTH = 800  # px: the width of a chart that follows its container on the page
PNG_SCALE = 2  # pixels per CSS pixel: sharp on a slide and in print

# Debian's fonts-noto-cjk (Noto Sans CJK SC and its sisters); the first that exists is registered.
CJK_FONT_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/opentype/noto-cjk")
CJK_FONT_FILES = ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc")

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNG_MIME = "image/png"
SVG_MIME = "image/svg+xml"

_fonts_lock = threading.Lock()
_fonts_registered = False


# --- tables ----------------------------------------------------------------------------------------


def safe_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` that a spreadsheet cannot run: text cells and headers through `spreadsheet_safe`,
    numbers, booleans and missing values left as they are; the index dropped."""
    out = frame.reset_index(drop=True).copy()
    columns = [spreadsheet_safe(c) for c in out.columns]
    for position in range(out.shape[1]):
        values = out.iloc[:, position]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        out.isetitem(position, pd.Series([_safe_cell(v) for v in values], index=out.index, dtype=object))
    out.columns = columns
    return out


def _safe_cell(value: object) -> object:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return None
    if isinstance(value, bool | int | float):
        return value
    return spreadsheet_safe(value)


def table_csv(frame: pd.DataFrame) -> bytes:
    """The table as CSV: UTF-8 with BOM, comma-separated, a header row, formula-like text neutralised."""
    return safe_table(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def table_xlsx(frame: pd.DataFrame, *, sheet: str = "Sheet1") -> bytes:
    """The table as an Excel workbook (.xlsx, one sheet, bold header, frozen first row), formula-like text
    neutralised: every text cell is stored as text, never as a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    table = safe_table(frame)
    book = Workbook()
    ws = book.active
    ws.title = sheet_name(sheet)
    ws.append([str(c) for c in table.columns])
    for row in table.itertuples(index=False, name=None):
        ws.append([_excel_value(v) for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, whatever it starts with
    ws.freeze_panes = "A2"
    for k, column in enumerate(table.columns, start=1):
        longest = max([_width(column), *(_width(v) for v in table.iloc[:, k - 1])])
        ws.column_dimensions[get_column_letter(k)].width = min(max(longest + 2, 8), 60)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _excel_value(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return value.item()
    return value


def _width(value: object) -> int:
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)  # CJK characters are two columns wide


def sheet_name(name: str) -> str:
    """An Excel sheet name: at most 31 characters, none of : \\ / ? * [ ]."""
    cleaned = re.sub(r"[:\\/?*\[\]]", "_", name).strip("'") or "Sheet1"
    return cleaned[:31]


def file_stem(name: str) -> str:
    """A file name (without extension) from a title: characters that file systems refuse become "_"."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', "_", name).strip(" ._")
    return cleaned[:120] or "export"


# --- charts ----------------------------------------------------------------------------------------


def register_cjk_fonts() -> bool:
    """Point vl-convert at Debian's Noto CJK fonts (once per process); False when they are not installed."""
    global _fonts_registered
    with _fonts_lock:
        if _fonts_registered:
            return True
        folder = cjk_font_dir()
        if folder is None:
            return False
        import vl_convert

        vl_convert.register_font_directory(str(folder))
        _fonts_registered = True
        return True


def cjk_font_dir() -> Path | None:
    for folder in CJK_FONT_DIRS:
        if (Path(folder) / CJK_FONT_FILES[0]).is_file():
            return Path(folder)
    return None


def chart_spec(chart: object, *, width: int = EXPORT_WIDTH) -> dict:
    """The Vega-Lite spec of an Altair chart (or a spec), with a fixed width where the page's followed its
    container."""
    spec = chart.to_dict() if hasattr(chart, "to_dict") else copy.deepcopy(dict(chart))
    if spec.get("width") == "container" or ("width" not in spec and _layer_width(spec) == "container"):
        spec["width"] = width
    _drop_container_widths(spec)
    return spec


def _layer_width(spec: Mapping) -> object:
    for layer in spec.get("layer", []):
        if "width" in layer:
            return layer["width"]
    return None


def _drop_container_widths(spec: dict) -> None:
    for layer in spec.get("layer", []):
        if layer.get("width") == "container":
            del layer["width"]
        _drop_container_widths(layer)


def chart_png(chart: object, *, scale: float = PNG_SCALE, width: int = EXPORT_WIDTH) -> bytes:
    """The chart as a PNG image (`scale` pixels per CSS pixel)."""
    import vl_convert

    register_cjk_fonts()
    return vl_convert.vegalite_to_png(chart_spec(chart, width=width), scale=scale)


def chart_svg(chart: object, *, width: int = EXPORT_WIDTH) -> bytes:
    """The chart as an SVG image (UTF-8); its texts are SVG text, so they stay searchable and sharp."""
    import vl_convert

    register_cjk_fonts()
    return vl_convert.vegalite_to_svg(chart_spec(chart, width=width)).encode("utf-8")
