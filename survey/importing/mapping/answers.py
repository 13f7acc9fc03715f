"""Which scale point an answer text means: one cell of an item column as a number, a missing value or a refusal.

`scale_labels(scale)` maps the scale's own point labels (both languages)
plus the common label sets of the same length to points;
`interpret(text, scale, labels)` turns one cell into an `Answer`; the user's
own `labels` map (`user_label`) is consulted first, so it can also turn a
code such as ``99`` into a missing value. `answer_texts` lists a column's
texts that are not plain numbers with the value proposed for each, for the
import page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from survey.characters import bad_character, trim
from survey.design.definition import Scale
from survey.importing.mapping.label_sets import COMMON_LABELS, is_not_applicable
from survey.importing.mapping.matching import normalise
from survey.importing.mapping.numbers import parse_number


@lru_cache(maxsize=256)
def scale_labels(scale: Scale) -> dict[str, int]:
    """Normalised answer text → scale point, from the scale's own labels and the common sets.

    The scale's own labels win; a common set of the scale's length is used
    only if none of its texts names a different point than the scale's own
    labels do.
    """
    found: dict[str, int] = {}
    for point in scale.points:
        for label in (point.label_zh, point.label_en):
            key = normalise(label)
            if key and not key.isdigit():
                found.setdefault(key, point.value)
    length = scale.maximum - scale.minimum + 1
    common = COMMON_LABELS.get(length)
    if common:
        offered = {normalise(text): scale.minimum + i for i, texts in enumerate(common) for text in texts}
        if all(found.get(key, value) == value for key, value in offered.items()):
            for key, value in offered.items():
                found.setdefault(key, value)
    return found


@dataclass(frozen=True)
class Answer:
    """What one cell of an item column means.

    `value` is the number (None = missing); `problem` is a translation id
    when the cell cannot be used, with `params` to fill it.
    """

    value: float | None
    problem: str | None = None
    params: tuple[tuple[str, object], ...] = ()

    @property
    def missing(self) -> bool:
        return self.problem is None and self.value is None


MISSING = Answer(None)


def user_label(labels: Mapping[str, object] | None, text: str, scale: Scale) -> tuple[bool, object]:
    """(found, value) of `text` in the user's label map (exact text first, then normalised).

    A label's value is a number, None (missing), or {scale code: number or None}.
    """
    if not labels:
        return False, None
    for key in (text, text.strip()):
        if key in labels:
            return _for_scale(labels[key], scale)
    index = _normalised_labels(json.dumps(labels, sort_keys=True, ensure_ascii=False, default=str))
    key = normalise(text)
    if key and key in index:
        return _for_scale(labels[index[key]], scale)
    return False, None


@lru_cache(maxsize=64)
def _normalised_labels(labels_json: str) -> dict[str, str]:
    return {normalise(k): k for k in json.loads(labels_json) if normalise(k)}


def _for_scale(value: object, scale: Scale) -> tuple[bool, object]:
    if isinstance(value, Mapping):
        if scale.code in value:
            return True, value[scale.code]
        return False, None
    return True, value


def interpret(text: str, scale: Scale, labels: Mapping[str, object] | None = None) -> Answer:
    """The meaning of one cell of an item on `scale` (see the module docstring).

    Order: empty → missing; the user's `labels`; a formula (``=…``) → refused,
    never evaluated; a number (with label or unit); "not applicable / don't
    know" → missing; a label of the scale → its point; anything else →
    refused as text in a number column. A number must be a whole number
    between the scale's minimum and maximum: 4.5 on a 1–5 scale is refused,
    because the scale has no point 4.5 (an average or a typo, which the user
    should fix), not rounded.
    """
    raw = text
    text = trim(text)
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]  # our own spreadsheet-safety mark, from a rejected-rows file
    if not text:
        return MISSING
    bad = bad_character(text)
    if bad is not None:
        return Answer(None, "imp.bad_character", tuple(bad.params.items()))
    found, value = user_label(labels, text, scale)
    if found:
        if value is None:
            return MISSING
        if isinstance(value, bool) or not isinstance(value, int | float):
            return Answer(None, "imp.label_value_bad", (("text", _short(text)),))
        return _on_scale(float(value), scale, raw)
    if text.startswith("="):
        return Answer(None, "imp.formula")
    number = parse_number(text)
    if number is not None:
        return _on_scale(number, scale, raw)
    key = normalise(text)
    if not key or is_not_applicable(text):
        return MISSING
    point = scale_labels(scale).get(key)
    if point is not None:
        return _on_scale(float(point), scale, raw)
    return Answer(None, "imp.not_a_number", (("min", scale.minimum), ("max", scale.maximum)))


def _on_scale(number: float, scale: Scale, raw: str) -> Answer:
    if number != number or number in (float("inf"), float("-inf")):
        return Answer(None, "imp.not_a_number", (("min", scale.minimum), ("max", scale.maximum)))
    if not number.is_integer():
        return Answer(None, "imp.not_whole", (("min", scale.minimum), ("max", scale.maximum)))
    if not scale.minimum <= number <= scale.maximum:
        return Answer(None, "imp.off_scale", (("min", scale.minimum), ("max", scale.maximum)))
    return Answer(float(number))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


@dataclass(frozen=True)
class AnswerText:
    """A distinct non-numeric answer in an item column, with the value proposed for it.

    `proposed` is the scale point (None = missing); `known` is False when
    nothing was recognised, so the import would refuse the cells unless the
    user gives the text a value in the label map.
    """

    column: str
    item: str
    scale: str
    text: str
    count: int
    proposed: float | None
    known: bool


def answer_texts(
    column: str, item: str, scale: Scale, counts: Mapping[str, int], labels: Mapping[str, object] | None = None
) -> list[AnswerText]:
    """The texts of one column that are not plain numbers, each with its proposed value, most frequent first."""
    found = []
    for text, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        answer = interpret(text, scale, labels)
        found.append(AnswerText(column, item, scale.code, text, count, answer.value, answer.problem is None))
    return found
