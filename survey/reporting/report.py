"""A survey's report for a presentation: the key figures and the dashboards' charts, as PDF and PowerPoint.

Pure: no Streamlit. ui/report.py gathers the content — the figures and
charts of the dashboard pages' views (`ui.views`), those the pages show,
rendered to PNG by `survey.reporting.exports.chart_png` — into a `Report`; this module
words the key figures (`key_figures`, the Overview's cards) and writes the
two files from it:

- `report_pdf(report)`: A4 landscape. Page 1 the title (survey, report name,
  date, filters), page 2 the key figures, then one page per chart and per key table, each section's
  tables after its charts (`content_pages`: every page its own heading). The text is
  set in Noto Sans CJK SC (Debian's fonts-noto-cjk), embedded as a subset, so
  Chinese shows in any viewer and can be searched and copied.
- `report_pptx(report)`: 16:9 slides in the same order: a title slide, a
  key-figures slide, one slide per chart (the chart as a picture, its title as
  the picture's alternative text) and per key table (a table). Every text run names Noto Sans CJK SC as
  its East-Asian font (`a:ea`) and carries the report's language, so
  PowerPoint and LibreOffice pick a Chinese font for Chinese text.

Both raise `ReportError` (with a translation id) when the CJK font is missing.
Both are written in a worker process (`survey.reporting.rendering`), with every text
made printable first (a control character still in a label becomes "�"),
words too long for a line broken, and the document title cut at the 255
characters a .pptx property holds.
"""

from __future__ import annotations

import io
import math
import struct
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from survey.analysis import Change, Overview, target_gap
from survey.characters import break_long_words, printable
from survey.errors import UserError
from survey.i18n import text
from survey.reporting import rendering
from survey.reporting.exports import cjk_font_dir

FONT_FAMILY = "Noto Sans CJK SC"  # the East-Asian font named in the slides
# Collection index of the Simplified Chinese face in Debian's NotoSansCJK-*.ttc (JP, KR, SC, TC, HK).
TTC_SC_INDEX = 2
DASH = "—"

INK = (0x21, 0x21, 0x21)
MUTED = (0x59, 0x59, 0x59)
ACCENT = (0x00, 0x72, 0xB2)  # Okabe–Ito blue, as in the charts
CARD_FILL = (0xF2, 0xF6, 0xFA)


class ReportError(UserError):
    """A report cannot be written; `message` (also `key`) is the translation id of what to do."""

    @property
    def key(self) -> str:
        return self.message


@dataclass(frozen=True)
class KeyFigure:
    """One of the Overview's cards: its title, the value as shown, and the lines under it."""

    title: str
    value: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportChart:
    """A chart of a dashboard page: the page's name, the chart's title, the chart as PNG."""

    section: str
    title: str
    png: bytes


@dataclass(frozen=True)
class ReportTable:
    """A key table of a dashboard page (the gaps, the NPS by segment, the indicators to concentrate on) or the
    action plan: the page's name, the table's title (empty: the page's name is the heading), its headers and
    its rows, every cell already written as shown ("—" for a missing value), and a note under it."""

    section: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


TABLE_ROWS = 14  # rows of a table on one page or slide; a longer table goes on over the next


@dataclass(frozen=True)
class Report:
    """What a report holds, in its language.

    title: the survey; subtitle: the report's name; date: when it was made
    (ISO date); details: the filters and response counts, one line each;
    figures_heading, figures_caption: above the key figures (which wave, against
    which); figures: the key figures; charts: in the order of the pages chosen.
    """

    lang: str
    title: str
    subtitle: str
    date: str
    details: tuple[str, ...]
    figures_heading: str
    figures_caption: str
    figures: tuple[KeyFigure, ...]
    charts: tuple[ReportChart, ...]
    tables: tuple[ReportTable, ...] = ()


# --- the key figures -------------------------------------------------------------------------------


def number(value, spec: str = ".1f") -> str:
    """A figure as text; missing figures show as a dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    return format(value, spec)


TESTS = (
    "index_welch",
    "index_permutation",
    "welch_t",
    "welch_t_permutation",
    "nps_exact",
    "nps_adjusted_wald",
    "nps_z",
)

# Below this a p-value is shown as "< 0.001", never as 0.000.
P_FLOOR = 0.001


def test_name(test: str, lang: str) -> str:
    """The test's name in `lang` (keys of `survey.analysis.test_key`); an unknown key as itself."""
    return text(lang, f"test.{test}") if test in TESTS else test


def p_value_text(p: float) -> str:
    """A p-value for a table cell: "0.034", "< 0.001" below 0.001 (never "0.000"), a dash when missing.

    >>> p_value_text(0.0342), p_value_text(2.7e-15), p_value_text(float("nan"))
    ('0.034', '< 0.001', '—')
    """
    if p is None or math.isnan(p):
        return DASH
    return f"< {P_FLOOR:g}" if p < P_FLOOR else f"{p:.3f}"


def p_text(p: float, lang: str) -> str:
    """A p-value in a sentence: "p = 0.034", "p < 0.001"; a dash when missing."""
    if p is None or math.isnan(p):
        return DASH
    return text(lang, "p.below", p=f"{P_FLOOR:g}") if p < P_FLOOR else text(lang, "p.equals", p=f"{p:.3f}")


def multiplicity_text(tests, lang: str) -> str:
    """ "12 segments tested (36 tests); false-discovery rate 5 % (Benjamini–Hochberg)." for a
    `survey.analysis.SegmentTests` (or anything with segments, tests, method, alpha, min_n)."""
    if not tests.tests:
        return text(lang, "multiple.none", min_n=tests.min_n)
    key = "multiple.holm" if tests.method == "holm" else "multiple.bh"
    return text(lang, key, segments=tests.segments, tests=tests.tests, rate=f"{100 * tests.alpha:g}")


def change_text(change: Change, previous_wave: str | None, spec: str, lang: str) -> str:
    """ "+4.9 since 2026-06 (Welch t-test, p = 0.067, not significant)"."""
    if not change.test or math.isnan(change.p_value):
        return text(
            lang, "card.change_plain", difference=number(change.difference, "+" + spec), wave=previous_wave or ""
        )
    verdict = text(lang, "card.significant") if change.significant else text(lang, "card.not_significant")
    p = p_text(change.p_value, lang)
    if change.family > 1 and not math.isnan(change.p_adjusted):
        p = text(lang, "card.p_adjusted", p=p, adjusted=p_value_text(change.p_adjusted), count=change.family)
    return text(
        lang,
        "card.change",
        difference=number(change.difference, "+" + spec),
        wave=previous_wave or "",
        test=test_name(change.test, lang),
        p=p,
        verdict=verdict,
    )


def target_text(value: float, target: float | None, spec: str, lang: str) -> str | None:
    if target is None:
        return None
    gap = target_gap(value, target)
    return text(lang, "card.target", target=number(target, spec), gap=number(gap, "+" + spec))


def key_figures(
    view: Overview,
    *,
    lang: str,
    has_recommend: bool,
    has_loyalty: bool,
    targets: Mapping[str, float | None] | None = None,
    model_name: str | None = None,
) -> tuple[KeyFigure, ...]:
    """The Overview's four cards in `lang`: satisfaction index, NPS (with its interval), loyalty index and
    responses of the wave shown, each with its change since the previous wave (and its test) and the target."""
    fig, targets = view.figures, targets or {}

    def one(name: str, spec: str, first_note: str | None) -> KeyFigure:
        notes = [first_note] if first_note else []
        change = view.changes.get(name)
        if change is not None:
            notes.append(change_text(change, view.previous_wave, spec, lang))
        value = fig["n"] if name == "responses" else fig[name]
        if name != "responses":
            notes.append(target_text(value, targets.get(name), spec, lang))
        return KeyFigure(text(lang, f"card.{name}"), number(value, spec), tuple(n for n in notes if n))

    nps_note = (
        text(lang, "card.nps_interval", low=number(fig["nps_low"]), high=number(fig["nps_high"]))
        if has_recommend
        else text(lang, "card.no_recommend")
    )
    return (
        one("satisfaction", ".1f", satisfaction_note(view, lang, model_name)),
        one("nps", ".1f", nps_note),
        one("loyalty", ".1f", None if has_loyalty else text(lang, "card.no_loyalty")),
        one("responses", "d", None),
    )


def satisfaction_note(view: Overview, lang: str, model_name: str | None) -> str | None:
    """For a model survey, which satisfaction index the figure is (the PLS index, as on the Model page) and
    the weighted index of the perception items beside it; None when the figure is the weighted index."""
    if view.satisfaction_method != "pls":
        return None
    model = text(lang, "model.custom") if model_name == "custom" else (model_name or "")
    return text(lang, "card.satisfaction_pls", model=model, weighted=number(view.weighted_satisfaction, ".1f"))


def figures_caption(view: Overview, lang: str) -> str:
    """Which responses the key figures describe (the Overview's caption)."""
    count = int(view.figures["n"])
    if view.wave is None:
        return text(lang, "overview.all_responses", count=count)
    if view.previous_wave is None:
        return text(lang, "overview.first_wave", wave=view.wave, count=count)
    return text(lang, "overview.wave_vs", wave=view.wave, previous=view.previous_wave, count=count)


# --- texts as the files can hold them ----------------------------------------------------------------


def _texts(report: Report, clean: Callable[[str], str]) -> Report:
    """The report with `clean` applied to every text in it."""
    return replace(
        report,
        **{name: clean(getattr(report, name)) for name in ("title", "subtitle", "date", "figures_heading")},
        figures_caption=clean(report.figures_caption),
        details=tuple(map(clean, report.details)),
        figures=tuple(KeyFigure(clean(f.title), clean(f.value), tuple(map(clean, f.notes))) for f in report.figures),
        charts=tuple(replace(c, section=clean(c.section), title=clean(c.title)) for c in report.charts),
        tables=tuple(
            ReportTable(
                clean(x.section),
                clean(x.title),
                tuple(map(clean, x.columns)),
                tuple(tuple(map(clean, row)) for row in x.rows),
                clean(x.note),
            )
            for x in report.tables
        ),
    )


def content_pages(report: Report) -> list[tuple[str, ReportChart | ReportTable]]:
    """The pages (slides) after the key figures, in order: each section's charts then its key tables (a
    long table over several), each with a heading of its own: "<page> · <chart or table>", numbered
    "(2/3)" where a table goes on, "(2)" where two charts have the same title."""
    sections = list(dict.fromkeys([c.section for c in report.charts] + [x.section for x in report.tables]))
    pages: list[tuple[str, ReportChart | ReportTable]] = []
    for section in sections:
        for chart in (c for c in report.charts if c.section == section):
            pages.append((f"{section} · {chart.title}" if chart.title else section, chart))
        for table in (x for x in report.tables if x.section == section):
            parts = [table.rows[k : k + TABLE_ROWS] for k in range(0, len(table.rows), TABLE_ROWS)] or [()]
            for k, rows in enumerate(parts, start=1):
                heading = (f"{section} · {table.title}" if table.title else section) + (
                    f" ({k}/{len(parts)})" if len(parts) > 1 else ""
                )
                pages.append((heading, replace(table, rows=rows)))
    seen: dict[str, int] = {}
    unique = []
    for heading, item in pages:
        seen[heading] = seen.get(heading, 0) + 1
        unique.append((heading if seen[heading] == 1 else f"{heading} ({seen[heading]})", item))
    return unique


def _slide_text(value: str) -> str:
    """Printable (XML holds no control character), carriage returns as line breaks (a slide would show a bare
    one as "_x000D_"), and long words broken so that a text box can wrap them."""
    value = printable(value).replace("\r\n", "\n").replace("\r", "\n")
    return break_long_words(value)


def _pdf_text(value: str) -> str:
    """Printable, line and paragraph separators as line breaks, and invisible format characters (zero-width
    space, direction marks) left out: the PDF fonts have no glyph for them, and the PDF is written without
    text shaping (right-to-left text keeps its typed order). The PDF wraps long words itself."""
    value = printable(value).replace("\u2028", "\n").replace("\u2029", "\n")
    return "".join(ch for ch in value if unicodedata.category(ch) != "Cf")


FOOTER_MAX = 80  # characters of the title in a page's footer


def _one_line(value: str) -> str:
    """A text for a footer: one line, at most `FOOTER_MAX` characters."""
    line = " ".join(value.split())
    return line if len(line) <= FOOTER_MAX else line[: FOOTER_MAX - 1] + "…"


PROPERTY_MAX = 255  # characters in a document property (title) of a .pptx


def _property(value: str) -> str:
    return value if len(value) <= PROPERTY_MAX else value[: PROPERTY_MAX - 1] + "…"


# --- fonts ----------------------------------------------------------------------------------------------


def _font_files() -> tuple[Path, Path]:
    folder = cjk_font_dir()
    if folder is None:
        raise ReportError("report.no_font")
    regular, bold = folder / "NotoSansCJK-Regular.ttc", folder / "NotoSansCJK-Bold.ttc"
    return regular, bold if bold.is_file() else regular


FALLBACK_FONTS = (  # Debian's fonts-dejavu-core
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
)


def _fallback_fonts() -> tuple[Path, Path] | None:
    regular, bold = FALLBACK_FONTS
    if not regular.is_file():
        return None
    return regular, bold if bold.is_file() else regular


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels, from the PNG's IHDR chunk."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG image")
    return struct.unpack(">II", png[16:24])


def _fit(size: tuple[int, int], box_w: float, box_h: float) -> tuple[float, float]:
    w, h = size
    scale = min(box_w / w, box_h / h)
    return w * scale, h * scale


# --- PDF ------------------------------------------------------------------------------------------------

PAGE_W, PAGE_H, MARGIN = 297.0, 210.0, 15.0  # mm, A4 landscape


def report_pdf(report: Report) -> bytes:
    """The report as a PDF (A4 landscape): title page, key figures, one page per chart. Written in a worker
    process (`survey.reporting.rendering`: `RenderError` when it cannot be)."""
    _font_files()  # said here, before a worker starts
    return rendering.run(("pdf", report))


def write_pdf(report: Report) -> bytes:
    """`report_pdf` in the calling process: only a worker of `survey.reporting.rendering` calls it."""
    from fpdf import FPDF

    regular, bold = _font_files()
    report = _texts(report, _pdf_text)

    class _PDF(FPDF):
        def footer(self) -> None:
            if self.page_no() == 1:
                return
            self.set_y(-11)
            self.set_font("cjk", size=8)
            self.set_text_color(*MUTED)
            line = _one_line(report.title)
            self.cell(0, 5, f"{line} · {report.date} · {self.page_no()}/{{nb}}", align="R")

    pdf = _PDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.add_font("cjk", "", str(regular), collection_font_number=TTC_SC_INDEX)
    pdf.add_font("cjk", "B", str(bold), collection_font_number=TTC_SC_INDEX)
    fallback = _fallback_fonts()
    if fallback:  # scripts and signs Noto Sans CJK lacks (Arabic, Hebrew, emoji, "�")
        pdf.add_font("fallback", "", str(fallback[0]))
        pdf.add_font("fallback", "B", str(fallback[1]))
        pdf.set_fallback_fonts(["fallback"])
    pdf.set_title(f"{report.title} · {report.subtitle}")
    pdf.set_lang("zh-CN" if report.lang == "zh" else "en")
    pdf.set_creator("satisfaction-dashboard")
    width = PAGE_W - 2 * MARGIN

    # title page
    pdf.add_page()
    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, PAGE_W, 8, style="F")
    pdf.set_xy(MARGIN, 55)
    pdf.set_font("cjk", "B", 26)
    pdf.set_text_color(*INK)
    pdf.multi_cell(width, 12, report.title, align="L")
    pdf.set_x(MARGIN)
    pdf.set_font("cjk", "", 16)
    pdf.set_text_color(*ACCENT)
    pdf.multi_cell(width, 9, report.subtitle, align="L")
    pdf.ln(4)
    pdf.set_x(MARGIN)
    pdf.set_font("cjk", "", 12)
    pdf.set_text_color(*INK)
    pdf.multi_cell(width, 7, report.date, align="L")
    pdf.ln(3)
    pdf.set_font("cjk", "", 10)
    pdf.set_text_color(*MUTED)
    for line in report.details:
        pdf.set_x(MARGIN)
        pdf.multi_cell(width, 6, line, align="L")

    # key figures
    pdf.add_page()
    _pdf_heading(pdf, report.figures_heading, width)
    pdf.set_font("cjk", "", 10)
    pdf.set_text_color(*MUTED)
    pdf.set_x(MARGIN)
    pdf.multi_cell(width, 6, report.figures_caption, align="L")
    gap = 6.0
    count = max(len(report.figures), 1)
    card_w, card_h, top = (width - gap * (count - 1)) / count, 80.0, pdf.get_y() + 6
    for k, figure in enumerate(report.figures):
        x = MARGIN + k * (card_w + gap)
        pdf.set_fill_color(*CARD_FILL)
        pdf.rect(x, top, card_w, card_h, style="F", round_corners=True, corner_radius=2)
        pdf.set_xy(x + 4, top + 5)
        pdf.set_font("cjk", "", 11)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(card_w - 8, 6, figure.title, align="L")
        pdf.set_x(x + 4)
        pdf.set_font("cjk", "B", 30)
        pdf.set_text_color(*INK)
        pdf.multi_cell(card_w - 8, 16, figure.value, align="L")
        pdf.set_font("cjk", "", 9)
        pdf.set_text_color(*MUTED)
        for note in figure.notes:
            pdf.set_x(x + 4)
            pdf.multi_cell(card_w - 8, 5, note, align="L")
            pdf.ln(1)

    # one page per chart, then the section's key tables
    for heading, item in content_pages(report):
        pdf.add_page()
        _pdf_heading(pdf, heading, width)
        if isinstance(item, ReportTable):
            _pdf_table(pdf, item)
            continue
        box_top = pdf.get_y() + 2
        w, h = _fit(png_size(item.png), width, PAGE_H - box_top - 14)
        pdf.image(io.BytesIO(item.png), x=MARGIN + (width - w) / 2, y=box_top, w=w, h=h, alt_text=item.title)
    return bytes(pdf.output())


def _pdf_table(pdf, table: ReportTable) -> None:
    pdf.set_font("cjk", "", 10)
    pdf.set_text_color(*INK)
    with pdf.table(text_align="LEFT", line_height=6, first_row_as_headings=True) as grid:
        for row in (table.columns, *table.rows):
            cells = grid.row()
            for value in row:
                cells.cell(value)


def _pdf_heading(pdf, heading: str, width: float) -> None:
    pdf.set_xy(MARGIN, MARGIN)
    pdf.set_font("cjk", "B", 18)
    pdf.set_text_color(*ACCENT)
    pdf.multi_cell(width, 10, heading, align="L")
    pdf.ln(1)


# --- PowerPoint -----------------------------------------------------------------------------------------

SLIDE_W, SLIDE_H = 13.333, 7.5  # inches, 16:9


def report_pptx(report: Report) -> bytes:
    """The report as PowerPoint slides (16:9): title, key figures, one slide per chart. Written in a worker
    process (`survey.reporting.rendering`: `RenderError` when it cannot be)."""
    _font_files()
    return rendering.run(("pptx", report))


def write_pptx(report: Report) -> bytes:
    """`report_pptx` in the calling process: only a worker of `survey.reporting.rendering` calls it."""
    from pptx import Presentation
    from pptx.util import Inches

    _font_files()  # the same font must be there for what the slides name
    report = _texts(report, _slide_text)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)
    prs.core_properties.title = _property(f"{report.title} · {report.subtitle}")
    prs.core_properties.language = "zh-CN" if report.lang == "zh" else "en-US"

    # title slide
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    _place(title, 0.8, 1.6, SLIDE_W - 1.6, 1.6)
    _place(subtitle, 0.8, 3.3, SLIDE_W - 1.6, 3.6)
    _write(title.text_frame, [(report.title, 36, True, INK)], report.lang)
    lines = [(report.subtitle, 22, False, ACCENT), (report.date, 18, False, INK)]
    lines += [(line, 13, False, MUTED) for line in report.details]
    _write(subtitle.text_frame, lines, report.lang)

    # key figures
    slide = _titled_slide(prs, report.figures_heading, report.lang)
    box = slide.shapes.add_textbox(Inches(0.6), Inches(1.25), Inches(SLIDE_W - 1.2), Inches(0.5))
    _write(box.text_frame, [(report.figures_caption, 14, False, MUTED)], report.lang)
    count = max(len(report.figures), 1)
    gap = 0.25
    card_w = (SLIDE_W - 1.2 - gap * (count - 1)) / count
    for k, figure in enumerate(report.figures):
        _figure_card(slide, figure, 0.6 + k * (card_w + gap), 1.95, card_w, 3.9, report.lang)
    _footer(slide, report)

    # one slide per chart, then the section's key tables
    for heading, item in content_pages(report):
        slide = _titled_slide(prs, heading, report.lang)
        top, bottom = 1.25, 0.45
        if isinstance(item, ReportTable):
            _slide_table(slide, item, top, report.lang)
            if item.note:
                box = slide.shapes.add_textbox(Inches(0.6), Inches(SLIDE_H - 0.95), Inches(SLIDE_W - 1.2), Inches(0.45))
                _write(box.text_frame, [(item.note, 9, False, MUTED)], report.lang, align_left=True)
            _footer(slide, report)
            continue
        w, h = _fit(png_size(item.png), SLIDE_W - 1.2, SLIDE_H - top - bottom)
        picture = slide.shapes.add_picture(
            io.BytesIO(item.png), Inches((SLIDE_W - w) / 2), Inches(top), Inches(w), Inches(h)
        )
        picture._element.nvPicPr.cNvPr.set("descr", item.title)
        _footer(slide, report)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _slide_table(slide, table: ReportTable, top: float, lang: str) -> None:
    from pptx.util import Inches

    rows = (table.columns, *table.rows)
    shape = slide.shapes.add_table(
        len(rows), max(len(table.columns), 1), Inches(0.6), Inches(top), Inches(SLIDE_W - 1.2), Inches(0.36 * len(rows))
    )
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            _write(shape.table.cell(r, c).text_frame, [(value, 12, r == 0, INK if r else (0xFF, 0xFF, 0xFF))], lang)


def _titled_slide(prs, heading: str, lang: str):
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # "Title Only"
    _place(slide.shapes.title, 0.6, 0.3, SLIDE_W - 1.2, 0.9)
    _write(slide.shapes.title.text_frame, [(heading, 28, True, ACCENT)], lang, align_left=True)
    return slide


def _figure_card(slide, figure: KeyFigure, left: float, top: float, width: float, height: float, lang: str) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Inches

    shape = slide.shapes.add_shape(
        MSO_SHAPE.ROUNDED_RECTANGLE, Inches(left), Inches(top), Inches(width), Inches(height)
    )
    shape.adjustments[0] = 0.05
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor(*CARD_FILL)
    shape.line.fill.background()
    frame = shape.text_frame
    frame.vertical_anchor = MSO_ANCHOR.TOP
    lines = [(figure.title, 16, False, MUTED), (figure.value, 40, True, INK)]
    lines += [(note, 12, False, MUTED) for note in figure.notes]
    _write(frame, lines, lang, align_left=True)


def _footer(slide, report: Report) -> None:
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches

    box = slide.shapes.add_textbox(Inches(0.6), Inches(SLIDE_H - 0.45), Inches(SLIDE_W - 1.2), Inches(0.35))
    _write(box.text_frame, [(f"{_one_line(report.title)} · {report.date}", 10, False, MUTED)], report.lang)
    box.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT


def _place(shape, left: float, top: float, width: float, height: float) -> None:
    from pptx.util import Inches

    shape.left, shape.top, shape.width, shape.height = Inches(left), Inches(top), Inches(width), Inches(height)


def _write(frame, lines: list[tuple[str, int, bool, tuple]], lang: str, *, align_left: bool = False) -> None:
    """Replace the frame's text by `lines` (text, size in pt, bold, colour), one paragraph each."""
    from pptx.enum.text import PP_ALIGN

    frame.word_wrap = True
    frame.clear()
    for k, (content, size, bold, colour) in enumerate(lines):
        paragraph = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
        if align_left:
            paragraph.alignment = PP_ALIGN.LEFT
        run = paragraph.add_run()
        run.text = content
        _style(run, size, bold, colour, lang)


def _style(run, size: int, bold: bool, colour: tuple, lang: str) -> None:
    """Size, weight, colour, language, and the fonts: Noto Sans CJK SC for East-Asian and Latin text."""
    from pptx.dml.color import RGBColor
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    font = run.font
    font.size, font.bold = Pt(size), bold
    font.color.rgb = RGBColor(*colour)
    font.name = FONT_FAMILY  # a:latin
    r_pr = run._r.get_or_add_rPr()
    r_pr.set("lang", "zh-CN" if lang == "zh" else "en-US")
    r_pr.set("altLang", "en-US" if lang == "zh" else "zh-CN")
    latin = r_pr.find(qn("a:latin"))
    for tag in ("a:cs", "a:ea"):  # after a:latin, in schema order: latin, ea, cs
        element = r_pr.find(qn(tag))
        if element is None:
            element = r_pr.makeelement(qn(tag), {})
            latin.addnext(element)
        element.set("typeface", FONT_FAMILY)
