"""The dashboards' downloads as files: a table as CSV or Excel, a chart as PNG or SVG.

Pure functions of their input, no Streamlit (ui/downloads.py puts them behind
download buttons; survey/reporting/report.py uses `chart_png` for the reports).

Tables (`table_csv`, `table_xlsx`): the DataFrame as shown, headers and all,
without its index. Numbers stay numbers (a negative gap is the number −0.4,
not text); missing values are empty cells. Text cells — and headers — that a
spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return) get a leading apostrophe (`survey.spreadsheet.safe_cell`,
the one rule of every file the product writes for a spreadsheet), so a hostile label or segment value
such as ``=HYPERLINK(...)`` opens as text. A control character or
non-character still in a text (`survey.characters`; XML, hence .xlsx, cannot
hold them) becomes "�" (U+FFFD). CSV is UTF-8 with a BOM,
so Excel reads Chinese correctly.

Charts (`chart_png`, `chart_svg`): the chart's Vega-Lite spec (an Altair chart
or its `to_dict()`) rendered by vl-convert, which embeds Vega, Vega-Lite and a
renderer and loads nothing over the network (our specs carry their data
inline). Every text of the spec is made printable first (`chart_texts`: the
renderer aborts its process on a control character), long labels and titles
are cut with "…" (`safe_spec`), and the drawing happens in a
worker process (`survey.reporting.rendering`), so whatever the renderer still cannot
draw is a `RenderError`, never a crash of the server. A chart the page draws
as wide as its container is drawn `EXPORT_WIDTH` pixels wide. Chinese text
needs a CJK font: vl-convert is pointed at Debian's fonts-noto-cjk
(`CJK_FONT_DIRS`) before the first render.
"""

from __future__ import annotations

import copy
import io
import re
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from survey.characters import printable
from survey.reporting import rendering
from survey.spreadsheet import safe_cell as spreadsheet_safe

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


def rounded(frame: pd.DataFrame, decimals: Mapping[str, int] | None) -> pd.DataFrame:
    """The table with the numbers of `decimals`' columns rounded as the page shows them (column → places),
    so a download says what the screen said (−16.3, not −16.27906976744186)."""
    if not decimals:
        return frame
    out = frame.copy()
    for column, places in decimals.items():
        if column in out.columns and pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].round(int(places))
    return out


def table_csv(frame: pd.DataFrame, *, decimals: Mapping[str, int] | None = None) -> bytes:
    """The table as CSV: UTF-8 with BOM, comma-separated, a header row, formula-like text neutralised,
    numbers rounded as shown (`rounded`)."""
    return safe_table(rounded(frame, decimals)).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def table_xlsx(
    frame: pd.DataFrame,
    *,
    sheet: str = "Sheet1",
    decimals: Mapping[str, int] | None = None,
    about: Sequence[str] = (),
    about_sheet: str = "About",
) -> bytes:
    """The table as an Excel workbook (.xlsx: bold header, frozen first row), formula-like text
    neutralised: every text cell is stored as text, never as a formula; numbers rounded as shown
    (`rounded`). `about` (what the table is of: survey, filters, date; one line each) goes on a second
    sheet, `about_sheet`."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    table = safe_table(rounded(frame, decimals))
    book = Workbook()
    ws = book.active
    ws.title = sheet_name(sheet)
    if about:
        notes = book.create_sheet(sheet_name(about_sheet) if sheet_name(about_sheet) != ws.title else "About")
        for line in about:
            notes.append([spreadsheet_safe(str(line))])
            notes.cell(row=notes.max_row, column=1).data_type = "s"
        notes.column_dimensions["A"].width = min(max((_width(x) for x in about), default=10) + 2, 100)
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
    cleaned = re.sub(r"[:\\/?*\[\]]", "_", printable(name)).strip("'") or "Sheet1"
    return cleaned[:31]


def file_stem(name: str) -> str:
    """A file name (without extension) from a title: characters that file systems refuse become "_"."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', "_", printable(name)).strip(" ._")
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


def safe_spec(spec: object, *, width: int = EXPORT_WIDTH) -> object:
    """A copy of a Vega-Lite spec that the renderer can draw whatever its texts hold.

        Every text made as a chart can show it (`chart_texts`). Then the texts a user wrote — data values,
        sort orders and domains, titles — are cut with "…" at `LABEL_CHARS` characters here, between two
        characters, and the renderer is told to cut nothing itself: its own cut counts UTF-16 code units and
        can split an emoji in two, which the renderer then cannot measure (so every limit a chart sets, in its
    config or on an axis or legend, becomes 0). Expressions are never cut.
    """
    safe = _cut_texts(chart_texts(spec))
    if isinstance(safe, dict):
        config = safe.setdefault("config", {})
        for part, limit in (
            ("title", "limit"),
            ("text", "limit"),
            ("axis", "labelLimit"),
            ("legend", "labelLimit"),
            ("legend", "titleLimit"),
            ("header", "labelLimit"),
            ("header", "titleLimit"),
        ):
            config.setdefault(part, {})[limit] = 0
    return safe


LABEL_CHARS = 80  # characters of a label or title in an exported chart; longer ones end in "…"
_CUT_LISTS = ("values", "sort", "domain")  # keys whose lists hold the user's texts (rows, categories)
_CUT_TEXTS = ("title", "subtitle", "text")  # keys whose text is a title or a label
_LIMITS = ("limit", "labelLimit", "titleLimit")  # the renderer's own cuts, wherever a chart sets them


def _cut(value: object) -> object:
    if isinstance(value, str) and len(value) > LABEL_CHARS:
        return value[: LABEL_CHARS - 1] + "…"
    return value


def _cut_row(row: object) -> object:
    if isinstance(row, dict):
        return {k: _cut(v) for k, v in row.items()}
    return _cut(row)


def _cut_texts(node: object, key: str | None = None) -> object:
    if isinstance(node, dict):
        if key == "datasets":
            return {
                name: [_cut_row(r) for r in rows] if isinstance(rows, list) else rows for name, rows in node.items()
            }
        return {k: 0 if k in _LIMITS and isinstance(v, int | float) else _cut_texts(v, k) for k, v in node.items()}
    if isinstance(node, list):
        if key in _CUT_LISTS or key in _CUT_TEXTS:
            return [_cut_row(v) if not isinstance(v, dict | list) else _cut_texts(v) for v in node]
        return [_cut_texts(v) for v in node]
    if key in _CUT_TEXTS:
        return _cut(node)
    return node


def chart_texts(spec: object) -> object:
    """A copy of a Vega-Lite spec with every text in it (data values, field names, titles, labels) as a chart
    can show it: `printable` (the renderer aborts on a control character or non-character), and line breaks
    and tabs as spaces (Vega-Lite writes labels into expressions — tooltips, custom sort orders — where a
    line break, or a line separator U+2028, makes the whole chart fail to parse), and a backslash as the
    full-width "＼" (Vega-Lite writes titles into those expressions without escaping a backslash, so "\\0"
    or "\\3" would end the chart, and reads one in a field name as an escape). For the page's charts and
    the exported ones alike."""
    if isinstance(spec, str):
        return _chart_text(spec)
    if isinstance(spec, Mapping):
        return {_chart_text(str(k)): chart_texts(v) for k, v in spec.items()}
    if isinstance(spec, list | tuple):
        return [chart_texts(v) for v in spec]
    return spec


_LINE_BREAKS = re.compile("[\t\n\r\u2028\u2029]")
BACKSLASH_SHOWN = "\uff3c"  # FULLWIDTH REVERSE SOLIDUS: looks like "\\", means nothing to an expression


def _chart_text(value: str) -> str:
    return _LINE_BREAKS.sub(" ", printable(value)).replace("\\", BACKSLASH_SHOWN)


def chart_png(chart: object, *, scale: float = PNG_SCALE, width: int = EXPORT_WIDTH) -> bytes:
    """The chart as a PNG image (`scale` pixels per CSS pixel), drawn in a worker process
    (`survey.reporting.rendering`: raises `RenderError` when it cannot be drawn)."""
    return rendering.run(("png", safe_spec(chart_spec(chart, width=width), width=width), scale))


def chart_svg(chart: object, *, width: int = EXPORT_WIDTH) -> bytes:
    """The chart as an SVG image (UTF-8), drawn in a worker process; its texts are SVG text, so they stay
    searchable and sharp."""
    return rendering.run(("svg", safe_spec(chart_spec(chart, width=width), width=width)))


def draw_png(spec: dict, scale: float = PNG_SCALE) -> bytes:
    """The renderer itself, in the calling process: only a worker of `survey.reporting.rendering` calls it."""
    import vl_convert

    register_cjk_fonts()
    return vl_convert.vegalite_to_png(spec, scale=scale)


def draw_svg(spec: dict) -> bytes:
    """The renderer itself (SVG), in the calling process: only a worker of `survey.reporting.rendering` calls it."""
    import vl_convert

    register_cjk_fonts()
    return vl_convert.vegalite_to_svg(spec).encode("utf-8")
