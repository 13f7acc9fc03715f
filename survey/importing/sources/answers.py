"""What one column's answers are, and the number each answer stands for.

`infer(counts, ...)` looks at the distinct answers of a column, or of all
the rows of one matrix question together (so its rows share one scale):

1. Empty cells, the tool's own words for no answer (``(跳过)``, ``(空)``) and
   "not applicable / don't know" (`survey.importing.mapping.NA_WORDS`) are missing,
   never 0. A codebook entry says what an answer means: a number, or None
   (missing); the user's word wins over everything below.
2. Answers that are all numbers:

   - codes (a code-only export: 问卷星 按选项序号, Qualtrics numeric values,
     LimeSurvey answer codes): the scale is the standard one the codes fill
     (1–5, 1–7, 1–10, 0–10). A code off it — 6 beside 1–5, 8 beside 1–7,
     a lone 9 or 99 far above the rest, any negative code — is what tools
     give "not applicable" and the like: it is never scored but reported as
     `unresolved`, for the user or a codebook to say what it means.
   - values (numbers in a text export, Google Forms' linear scale): the
     smallest standard scale that holds them all; none → kind "number".
   - a recommend question, 0–10, when the reader knows it (Qualtrics'
     ``_NPS_GROUP``) or the question speaks of recommending
     (`RECOMMEND_WORDS`) and the answers fit 0–10 and reach 0 or 6.

3. Answers that are labels: the first set of `survey.importing.mapping.SCALE_LABEL_SETS`
   that names them all with distinct labels on distinct points (so "Agree"
   beside "Somewhat agree" means 7 points). A number with a label
   (``10 - Extremely likely``, ``5分``) is its number. When the set knows all
   labels but one (at least three known), that one is unresolved, not guessed.
4. Anything else is a choice (short answers that repeat) or open text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from survey.importing.mapping import SCALE_LABEL_SETS, is_not_applicable, label_set_points, normalise, parse_number

KINDS = ("scale", "recommend", "choice", "multi", "text", "number")
RECOMMEND_WORDS = ("recommend", "推荐", "推薦", "net promoter", "nps")
UNRESOLVED_MARK = "?"  # an unresolved code in the plain CSV: "?6" is refused by the importer, never scored

_INT = re.compile(r"^[+-]?\d+$")
_PREFIXED = re.compile(r"^[A-Za-z]{1,4}0*(\d+)$")
TEXT_LONG = 40


@dataclass(frozen=True)
class Inference:
    """The kind of a column and, for a scale, what each of its answers stands for.

    values: answer text → number, or None for a missing answer; unresolved:
    answers neither scored nor missing (see the module docstring); labels:
    (point, label) pairs seen in a text export.
    """

    kind: str
    minimum: int | None = None
    maximum: int | None = None
    values: Mapping[str, float | None] = field(default_factory=dict)
    unresolved: frozenset[str] = frozenset()
    label_set: str | None = None
    labels: tuple[tuple[int, str], ...] = ()
    from_codes: bool = False

    @property
    def scored(self) -> bool:
        return self.kind in ("scale", "recommend", "number")

    def convert(self, text: str) -> float | str | None:
        """A cell as the normalized table holds it: its number, None (missing), an unresolved marker, or text."""
        if not text:
            return None
        if not self.scored:
            return None if text in self.values else text
        if text in self.unresolved:
            return UNRESOLVED_MARK + text if _looks_numeric(text) else text
        if text in self.values:
            return self.values[text]
        return text  # not seen when the column was inspected: left for the importer to refuse


def _looks_numeric(text: str) -> bool:
    return parse_number(text) is not None or _PREFIXED.match(text) is not None


def is_missing(text: str, missing: frozenset[str] = frozenset()) -> bool:
    """An empty cell, one of the tool's own words for no answer, or "not applicable / don't know"."""
    return not text or text in missing or is_not_applicable(text)


def infer(
    counts: Counter,
    *,
    codes: bool = False,
    prefixed: bool = False,
    recommend: bool = False,
    question: str = "",
    hint: str | None = None,
    missing: frozenset[str] = frozenset(),
    codebook: Mapping[str, float | None] | None = None,
) -> Inference:
    """The kind and values of a column from its answer counts {text: count}; see the module docstring."""
    codebook = codebook or {}
    values: dict[str, float | None] = {}
    given: dict[str, float] = {}
    open_texts: Counter = Counter()
    for text, count in counts.items():
        if text in codebook:
            number = codebook[text]
            values[text] = None if number is None else float(number)
            if number is not None:
                given[text] = float(number)
        elif is_missing(text, missing):
            values[text] = None
        else:
            open_texts[text] = count
    if hint in ("text", "other"):
        return Inference("text", values={t: v for t, v in values.items() if v is None})
    numbers = {t: _number(t, codes=codes, prefixed=prefixed) for t in open_texts}
    labels = {t for t, n in numbers.items() if n is None}
    found = {t: n for t, n in numbers.items() if n is not None}
    recommend = recommend or _speaks_of_recommending(question, {**found, **given})
    if not labels and (found or given):
        return _numeric(values, found, given, codes=codes, recommend=recommend)
    matched = _label_set(labels) if labels else None
    if matched is not None:
        return _labelled(values, found, given, matched)
    return Inference(_choice_or_text(open_texts), values={t: v for t, v in values.items() if v is None})


def _number(text: str, *, codes: bool, prefixed: bool) -> float | None:
    if codes:
        match = _PREFIXED.match(text) if prefixed else None
        if match:
            return float(match.group(1))
        return float(text) if _INT.match(text) else None
    return parse_number(text)


def _speaks_of_recommending(question: str, found: Mapping[str, float]) -> bool:
    text = question.casefold()
    if not found or not any(word in text for word in RECOMMEND_WORDS):
        return False
    numbers = set(found.values())
    return all(n.is_integer() and 0 <= n <= 10 for n in numbers) and (0 in numbers or max(numbers) >= 6)


def _numeric(values, found, given, *, codes: bool, recommend: bool) -> Inference:
    numbers = set(found.values()) | set(given.values())
    if any(not n.is_integer() for n in numbers):
        return Inference("number", values={**values, **found})
    kind, low, high, outside = _standard_scale({int(n) for n in numbers}, codes=codes, recommend=recommend)
    if kind == "number":
        return Inference("number", values={**values, **found})
    unresolved = {t for t, n in found.items() if int(n) in outside}
    scored = {t: n for t, n in found.items() if t not in unresolved}
    low = min([low, *(int(n) for n in given.values())])
    high = max([high, *(int(n) for n in given.values())])
    return Inference(kind, low, high, {**values, **scored}, frozenset(unresolved), from_codes=codes)


def _standard_scale(numbers: set[int], *, codes: bool, recommend: bool) -> tuple[str, int, int, set[int]]:
    """(kind, minimum, maximum, numbers off the scale) for whole numbers; see the module docstring."""
    if recommend:
        outside = {n for n in numbers if not 0 <= n <= 10}
        if outside and not codes:
            return "number", 0, 0, set()
        return "recommend", 0, 10, outside
    if not codes:
        low, top = min(numbers), max(numbers)
        if low < 0 or top > 10:
            return "number", 0, 0, set()
        if low == 0:
            return "scale", 0, 10, set()
        return ("scale", 1, 5, set()) if top <= 5 else ("scale", 1, 7, set()) if top <= 7 else ("scale", 1, 10, set())
    outside = {n for n in numbers if n < 0 or n > 11}
    rest = sorted(numbers - outside)
    while len(rest) >= 2 and rest[-1] > 7 and rest[-1] - rest[-2] >= 3:  # a lone code far above: 9, 99 beside 1–5
        outside.add(rest.pop())
    top = rest[-1] if rest else 5
    if top <= 6:
        low, high = 1, 5
    elif top <= 8:
        low, high = 1, 7
    else:
        low, high = (0 if 0 in rest else 1), 10
    outside |= {n for n in rest if not low <= n <= high}
    return "scale", low, high, outside


def _label_set(labels: set[str]) -> tuple[str, dict[str, int], set[str]] | None:
    """(set name, {label: point}, labels it does not know) of the first fitting label set, or None."""
    keys = {t: normalise(t) for t in labels}
    partial = None
    for name in SCALE_LABEL_SETS:
        points = label_set_points(name)
        known = {t: points[k] for t, k in keys.items() if k in points}
        if len(set(known.values())) != len({keys[t] for t in known}):
            continue  # two different labels on one point: another set
        unknown = labels - known.keys()
        if not unknown and known:
            return name, known, set()
        if partial is None and len(unknown) == 1 and len(set(known.values())) >= 3:
            partial = (name, known, unknown)
    return partial


def _labelled(values, found, given, matched) -> Inference:
    name, known, unknown = matched
    high = len(SCALE_LABEL_SETS[name])
    unresolved = set(unknown) | {t for t, n in found.items() if not (n.is_integer() and 1 <= n <= high)}
    scored = {**{t: float(p) for t, p in known.items()}, **{t: n for t, n in found.items() if t not in unresolved}}
    seen = sorted({(p, t) for t, p in known.items()})
    return Inference(
        "scale",
        min([1, *(int(n) for n in given.values())]),
        max([high, *(int(n) for n in given.values())]),
        {**values, **scored},
        frozenset(unresolved),
        label_set=name,
        labels=tuple(seen),
    )


def _choice_or_text(texts: Counter) -> str:
    """Open text when an answer is long or spans lines, or when no answer repeats; else a choice."""
    if any(len(t) > TEXT_LONG or "\n" in t for t in texts):
        return "text"
    if len(texts) > 3 and all(c == 1 for c in texts.values()):
        return "text"
    return "choice"


def looks_like_options(counts: Counter, separator: str) -> bool:
    """Whether cells joined by `separator` are several choices: short parts, most of them chosen twice or more."""
    joined = [t for t in counts if separator in t]
    if not joined:
        return False
    parts: Counter = Counter()
    for text, count in counts.items():
        if "\n" in text:
            return False
        for part in split_options(text, separator):
            if len(part) > TEXT_LONG:
                return False
            parts[part] += count
    return sum(c >= 2 for c in parts.values()) >= 0.6 * len(parts)


def split_options(text: str, separator: str) -> list[str]:
    """The choices in one cell (empty parts left out: MS Forms ends every list with ";")."""
    return [p.strip() for p in text.split(separator) if p.strip()]
