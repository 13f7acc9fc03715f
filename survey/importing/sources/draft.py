"""A first survey from a survey tool's export ("start from an export"), for the user to review.

`draft_definition(export, title, lang)` turns a `NormalizedExport` into a
`SurveyDefinition` that `SurveyDefinition.problems()` accepts and that the
same file imports into with every column proposed (`survey.importing.sources.importing`):

- every item of the export becomes a survey item labelled exactly as the
  export labels it (question text; "question - row" for a matrix row), in
  `lang` ("zh" or "en": the language the file is written in);
- a scale item keeps its inferred scale (1–5, 1–7, 1–10, 0–10; the labels
  seen in the file, and the other language's labels of the same label set);
  a matrix (grid) question of scale items becomes one indicator with its rows
  as perception items; the other scale items are perception items, or overall
  satisfaction when the question says "overall" (总体, 整体);
  all of them hang under one dimension;
- a 0–10 likelihood-to-recommend item becomes a `recommend` item on the
  0–10 likelihood scale (`survey.design.templates.standard_scale("0-10")`), as
  `add_nps_loyalty_block` makes it;
- single and multiple choice and numbers become respondent attributes
  (text, no scale): a choice such as the year of study is a segment;
- an open-text question (the reader's kind "text": long answers, answers on
  several lines, answers never the same twice, or a tool's text-entry
  question) becomes a `comment` item, kept in full (up to
  `survey.design.definition.COMMENT_MAX` characters), never a segment; unless its
  answers look like a segment's (its label names one, or its answers are
  short, on one line and mostly repeated: `_segment_like`), then it is an
  attribute. Any question with an answer longer than an attribute holds
  (`survey.importing.validation.ATTRIBUTE_MAX` characters) is a comment, so no
  question is left out and no row is refused for it;
- respondent fields that describe a segment (`SEGMENT_FIELDS`: channel,
  language, region, user type) become attributes coded by the field's name,
  so the import maps them; times, durations and personal data do not.

Item codes are ``q1``, ``q2`` … in question order (``q2_1`` … for the rows
of matrix ``q2``); an attribute whose label names the wave or a usual segment
(`survey.importing.mapping.WAVE_NAMES`, `ATTRIBUTE_NAMES`) is coded ``wave``,
``class`` … so the dashboards treat it as such. Nothing is required and
every weight is equal; the designer is where the user refines it.
`draft_columns(export, defn)` is the column mapping the draft was made for
(plain CSV column → item code), to remember for the import.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from survey.characters import normal_text, without_bad_characters
from survey.design.definition import LABEL_MAX, Node, Scale, ScalePoint, SurveyDefinition
from survey.design.templates import LABEL_SETS, standard_scale
from survey.i18n import text
from survey.importing.mapping import ATTRIBUTE_NAMES, RESPONDENT, SCALE_LABEL_SETS, WAVE_NAMES, normalise
from survey.importing.sources.answers import TEXT_LONG
from survey.importing.sources.importing import plain_header
from survey.importing.sources.model import ID_COLUMN, AnswerColumn, Item, NormalizedExport
from survey.importing.validation import ATTRIBUTE_MAX

SEGMENT_FIELDS = ("channel", "language", "region", "user_type")
OVERALL_WORDS = ("总体", "整体", "overall")
DIMENSION = "ratings"

# label set family (the start of a SCALE_LABEL_SETS name) → (scale code prefix, name zh, name en)
# The families of survey.importing.mapping's label sets ("satisfaction5", "quality7" ...):
# (code prefix, name zh, en), as
# the templates name their scales; "quality" is the templates' "rating", "frequency" theirs not at all.
FAMILIES = {
    **{f: LABEL_SETS[f] for f in ("satisfaction", "agreement", "likelihood", "importance")},
    "quality": LABEL_SETS["rating"],
    "frequency": ("freq", "频率", "frequency"),
}
_KINDS = {(1, 5): "5", (1, 7): "7", (1, 10): "10", (0, 10): "0-10"}
_SEGMENT_CODES = {normalise(n): "wave" for n in WAVE_NAMES} | {
    normalise(n): code for code, names in ATTRIBUTE_NAMES.items() for n in names
}


@dataclass
class _Draft:
    """The definition being built, and which item code each export column went to."""

    lang: str
    taken: set[str]
    scales: list[Scale] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    codes: dict[str, str] = field(default_factory=dict)  # export item label or field name → item code
    by_scale: dict[tuple, str] = field(default_factory=dict)  # scale key → scale code

    def code(self, base: str) -> str:
        code, n = base, 1
        while code in self.taken:
            n += 1
            code = f"{base}_{n}"
        self.taken.add(code)
        return code

    def labels(self, label: str) -> tuple[str, str]:
        label = _clean(label)
        return (label, "") if self.lang == "zh" else ("", label)


def draft_definition(export: NormalizedExport, title: str, lang: str = "zh") -> SurveyDefinition:
    """A survey for the export's items (see the module docstring); `title` and labels in `lang`."""
    draft = _build(export, lang)
    title = _clean(title.strip()) or text(lang, "src.draft.untitled")
    tool = export.tool.replace("-", "_")
    return SurveyDefinition(
        title_zh=title if lang == "zh" else "",
        title_en=title if lang != "zh" else "",
        scales=tuple(draft.scales),
        nodes=tuple(draft.nodes),
        description_zh=text("zh", "src.draft.description", tool=text("zh", f"src.tool.{tool}")),
        description_en=text("en", "src.draft.description", tool=text("en", f"src.tool.{tool}")),
    ).normalised()


def draft_columns(export: NormalizedExport, defn: SurveyDefinition) -> dict[str, str | None]:
    """{plain CSV column: item code or None}: the mapping `draft_definition` made `defn` for.

    Columns whose item is no longer in `defn` (edited in the designer) map to None.
    """
    codes = _build(export, "zh").codes
    present = {n.code for n in defn.items}
    keys = plain_header(export, fields=True)
    sources = [ID_COLUMN, *(i.label for i in export.items), *(f.name for f in export.fields)]
    found: dict[str, str | None] = {}
    for n, (key, source) in enumerate(zip(keys, sources)):
        code = RESPONDENT if n == 0 else codes.get(source)
        found[key] = code if code == RESPONDENT or code in present else None
    return found


def export_language(export: NormalizedExport) -> str:
    """ "zh" when the export's item labels are mostly Chinese, else "en" (the draft's `lang`)."""
    labels = "".join(i.label for i in export.items)
    chinese = sum(1 for ch in labels if unicodedata.east_asian_width(ch) in ("W", "F"))
    letters = sum(1 for ch in labels if ch.isascii() and ch.isalpha())
    return "zh" if chinese * 2 >= letters and chinese else "en"


# --- building --------------------------------------------------------------------------------


def _build(export: NormalizedExport, lang: str) -> _Draft:
    # codes that a column's own text would match first (survey.importing.mapping matches codes before labels)
    taken = {normalise(i.label) for i in export.items} | {DIMENSION}
    draft = _Draft(lang, taken)
    dimension = Node(DIMENSION, "dimension", text("zh", "src.draft.dimension"), text("en", "src.draft.dimension"))
    nodes: list[Node] = []
    answers = dict(zip((i.label for i in export.items), export.answer_columns))
    for number, (group, items) in enumerate(_questions(export), start=1):
        if group is not None:
            added = _matrix(draft, f"q{number}", items)
        else:
            added = [_item(draft, f"q{number}", items[0], answers[items[0].label], parent=DIMENSION)]
        if dimension not in nodes and any(n.parent == DIMENSION for n in added):
            nodes.append(dimension)  # where its first member is, so the questionnaire keeps the file's order
        nodes += added
    draft.nodes = nodes + _segments(draft, export)
    return draft


def _questions(export: NormalizedExport) -> Iterator[tuple[str | None, list[Item]]]:
    """(group, rows) for each matrix of scale items, (None, [item]) for every other item, in file order."""
    groups: dict[str, list[Item]] = {}
    for item in export.items:
        if item.group is not None and item.kind == "scale":
            groups.setdefault(item.group, []).append(item)
    done: set[str] = set()
    for item in export.items:
        rows = groups.get(item.group) if item.group is not None and item.kind == "scale" else None
        if rows is not None and len(rows) >= 2:
            if item.group not in done:
                done.add(item.group)
                yield item.group, rows
            continue
        yield None, [item]


def _matrix(draft: _Draft, code: str, rows: list[Item]) -> list[Node]:
    indicator = draft.code(code)
    question = rows[0].question or rows[0].group or code
    nodes = [Node(indicator, "indicator", *draft.labels(question), parent=DIMENSION)]
    for n, item in enumerate(rows, start=1):
        nodes.append(_node(draft, f"{indicator}_{n}", item, "perception", _scale(draft, item), indicator))
    return nodes


def _item(draft: _Draft, code: str, item: Item, column: AnswerColumn, *, parent: str) -> Node:
    if item.kind == "recommend":
        return _node(draft, code, item, "recommend", _recommend_scale(draft), None)
    if item.kind == "scale" and item.minimum is not None and item.maximum is not None:
        overall = any(word in item.label.casefold() for word in OVERALL_WORDS)
        role = "overall" if overall else "perception"
        return _node(draft, code, item, role, _scale(draft, item), None if overall else parent)
    if _is_comment(item, column):
        return _node(draft, code, item, "comment", None, None)
    base = _SEGMENT_CODES.get(normalise(item.label), code)
    return _node(draft, base, item, "attribute", None, None)


def _given(column: AnswerColumn) -> list[tuple[str, int]]:
    """(answer, how many respondents gave it) for each distinct text answer of the column, trimmed."""
    counts = np.bincount(column.codes, minlength=len(column.values))
    return [(v.strip(), int(c)) for v, c in zip(column.values, counts) if isinstance(v, str) and v.strip() and c]


def _is_comment(item: Item, column: AnswerColumn) -> bool:
    """An open-text question (see the module docstring): a comment item rather than a respondent attribute."""
    given = _given(column)
    if any(len(answer) > ATTRIBUTE_MAX for answer, _ in given):
        return True  # an attribute could not hold it: kept in full as a comment
    return item.kind == "text" and not _segment_like(item, given)


def _segment_like(item: Item, given: list[tuple[str, int]]) -> bool:
    """Text answers that make a segment: the label names one (class, region, wave …), or the answers are short,
    on one line, and given by two respondents each on average (a class typed in by hand, not a comment)."""
    if normalise(item.label) in _SEGMENT_CODES:
        return True
    short = all(len(answer) <= TEXT_LONG and "\n" not in answer for answer, _ in given)
    return bool(given) and short and 2 * len(given) <= sum(count for _, count in given)


def _node(draft: _Draft, base: str, item: Item, role: str, scale: str | None, parent: str | None) -> Node:
    code = draft.code(base)
    draft.codes[item.label] = code
    return Node(code, "item", *draft.labels(item.label), parent=parent, role=role, scale=scale)


def _segments(draft: _Draft, export: NormalizedExport) -> list[Node]:
    nodes = []
    for f in export.fields:
        values = {v for v in export.field_values.get(f.name, ()) if v}
        if f.personal or f.name not in SEGMENT_FIELDS or not values:
            continue
        code = draft.code(f.name)
        draft.codes[f.name] = code
        label = f"src.field.{f.name}"
        nodes.append(Node(code, "item", text("zh", label), text("en", label), role="attribute"))
    return nodes


# --- scales -----------------------------------------------------------------------------------


def _recommend_scale(draft: _Draft) -> str:
    key = ("recommend",)
    if key not in draft.by_scale:
        scale = standard_scale("0-10")
        draft.by_scale[key] = _add_scale(draft, scale, scale.code)
    return draft.by_scale[key]


def _clean(label: str) -> str:
    """A label taken from another tool's file: control characters and non-characters left out (the draft
    shows what it keeps), Unicode NFC, at most `LABEL_MAX` characters."""
    return normal_text(without_bad_characters(label)[0])[:LABEL_MAX]


def _scale(draft: _Draft, item: Item) -> str:
    """The code of the draft's scale for a scale item, made on first use (its points labelled in both languages)."""
    low, high = item.minimum, item.maximum
    key = (low, high, item.label_set)
    if key in draft.by_scale:
        return draft.by_scale[key]
    family = next((f for f in FAMILIES if item.label_set and item.label_set.startswith(f)), None)
    prefix, name_zh, name_en = FAMILIES.get(family, ("scale", "", ""))
    own = dict(item.labels)
    points = []
    for value in range(low, high + 1):
        zh, en = _set_labels(item.label_set, value - low + 1)
        if value in own:
            zh, en = (own[value], en) if draft.lang == "zh" else (zh, own[value])
        if zh or en:
            points.append(ScalePoint(value, _clean(zh), _clean(en)))
    span = f"{low}–{high}"
    scale = Scale(
        code="",
        kind=_KINDS.get((low, high), "custom"),
        minimum=low,
        maximum=high,
        points=tuple(points),
        name_zh=f"{span} {name_zh}量表" if name_zh else f"{span} 量表",
        name_en=f"{span} {name_en} scale" if name_en else f"{span} scale",
    )
    code = f"{prefix}{high}" if low == 1 else f"{prefix}{low}_{high}"
    draft.by_scale[key] = _add_scale(draft, scale, code)
    return draft.by_scale[key]


def _add_scale(draft: _Draft, scale: Scale, base: str) -> str:
    taken = {s.code for s in draft.scales}
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}_{n}"
    draft.scales.append(
        Scale(
            code, scale.kind, scale.minimum, scale.maximum, scale.points, scale.name_zh, scale.name_en, scale.allow_na
        )
    )
    return code


def _set_labels(label_set: str | None, point: int) -> tuple[str, str]:
    """(zh, en) label of a point of a `mapping.SCALE_LABEL_SETS` set: its first Chinese and English wording."""
    if not label_set or label_set not in SCALE_LABEL_SETS:
        return "", ""
    texts = SCALE_LABEL_SETS[label_set][point - 1]
    zh = next((t for t in texts if not t.isascii()), "")
    en = next((t for t in texts if t.isascii()), "")
    return zh, en[:1].upper() + en[1:]
