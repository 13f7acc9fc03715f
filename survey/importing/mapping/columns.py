"""Which file column is which survey item: the targets a column can have, the automatic proposal, column keys.

Column mapping: `{column: target}` where the column is the file's header
text (see `column_keys`) and the target is an item code, `RESPONDENT` (the
respondent's id), `WAVE` (the wave / period, when the survey has no `wave`
attribute item) or None (ignored). `propose_columns` guesses it (the
matching rules are listed in `survey.importing.mapping`); each column gets
at most one target and each target at most one column, the best-scoring
pairs first.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from survey.design.definition import Node, SurveyDefinition
from survey.i18n.importing import MESSAGES as IMPORT_MESSAGES
from survey.importing.mapping.matching import normalise
from survey.importing.mapping.names import ATTRIBUTE_NAMES, COMMENT_NAMES, RESPONDENT_NAMES, WAVE_NAMES

RESPONDENT = ":respondent"
WAVE = ":wave"
SPECIAL_TARGETS = (RESPONDENT, WAVE)
# ":meta:<field>": a respondent field kept with the response (`Response.meta`: start and end time, duration,
# channel, language, and personal data only when the user asked to keep it); never an item, never on a
# dashboard or in an export.
META_PREFIX = ":meta:"

# The extra column of a rejected-rows file; ignored without a notice when it comes back.
PROBLEM_COLUMN_NAMES = IMPORT_MESSAGES["imp.problem_column"]


_NUMBER_PREFIX = re.compile(r"^\s*(?:q|no\.?|第)?\s*\d+(?:[.\-_]\d+)*\s*(?:题)?\s*(?:[.、:：)）\]】\-_]\s*|\s+)")
_BRACKETED = re.compile(r"[(（\[【][^()（）\[\]【】]*[)）\]】]")


def _variants(header: str) -> list[str]:
    """A header as matched: whole, without a bracketed note, without a question number, without both."""
    text = unicodedata.normalize("NFKC", header).casefold().strip().lstrip("'")
    no_brackets = _BRACKETED.sub("", text)
    found = []
    for candidate in (text, no_brackets, _NUMBER_PREFIX.sub("", text), _NUMBER_PREFIX.sub("", no_brackets)):
        key = normalise(candidate)
        if key and key not in found:
            found.append(key)
    return found


@dataclass(frozen=True)
class Target:
    """A choice for a column: `value` goes into the column mapping."""

    value: str
    label_zh: str
    label_en: str

    def label(self, lang: str) -> str:
        return self.label_zh if lang == "zh" else self.label_en


def targets(defn: SurveyDefinition) -> list[Target]:
    """What a column can be mapped to, for the page's select boxes (None = ignore is not listed)."""
    found = [Target(RESPONDENT, "答卷人编号", "Respondent id")]
    if not _wave_item(defn):
        found.append(Target(WAVE, "调查批次（期次）", "Wave (period)"))
    for item in defn.items:
        found.append(Target(item.code, f"{item.code} · {item.label('zh')}", f"{item.code} · {item.label('en')}"))
    return found


def _wave_item(defn: SurveyDefinition) -> Node | None:
    return next((n for n in defn.items_with_role("attribute") if n.code.casefold() in ("wave", "period")), None)


def wave_source(defn: SurveyDefinition) -> str:
    """The target whose values also become the response's wave: the `wave` attribute item, else WAVE."""
    item = _wave_item(defn)
    return item.code if item else WAVE


def _label_keys(text: str) -> list[str]:
    keys = [normalise(text)]
    head = re.split(r"[：:？?]", unicodedata.normalize("NFKC", text), maxsplit=1)[0]
    if head != text:
        keys.append(normalise(head))
    return [k for k in keys if k]


def _item_keys(defn: SurveyDefinition, item: Node) -> list[tuple[str, int]]:
    """(normalised key, score) pairs that point at this item."""
    perception_bonus = 1 if item.role == "perception" else 0
    keys = [(normalise(item.code), 100)]
    for label in (item.label_zh, item.label_en):
        for i, key in enumerate(_label_keys(label)):
            keys.append((key, 95 if i == 0 else 85 + perception_bonus))
    parent = defn.node(item.parent) if item.parent else None
    if parent is not None and item.role == "perception":
        keys += [(normalise(parent.label_zh), 80), (normalise(parent.label_en), 80)]
    if item.role == "attribute":
        words = {normalise(item.code), *(normalise(x) for x in (item.label_zh, item.label_en))}
        for names in ATTRIBUTE_NAMES.values():
            normalised = {normalise(n) for n in names}
            if words & normalised:
                keys += [(n, 70) for n in normalised]
        if item is _wave_item(defn):
            keys += [(normalise(n), 70) for n in WAVE_NAMES]
    if item.role == "comment" and defn.items_with_role("comment") == [item]:
        keys += [(normalise(n), 70) for n in COMMENT_NAMES]
    return [(k, s) for k, s in keys if k]


def propose_columns(
    defn: SurveyDefinition,
    header: Iterable[str],
    remembered: Mapping[str, str | None] | None = None,
) -> dict[str, str | None]:
    """A target for every column key (None = ignore), see the module docstring.

    `remembered` (the mapping last used for this survey) wins for the columns
    it names, as long as its target still exists.
    """
    header = list(header)
    result = _remembered_targets(defn, header, remembered)
    taken = {target for target in result.values() if target}
    by_key = _targets_by_key(defn)
    candidates: list[tuple[float, int, str, str]] = []
    for position, column in enumerate(c for c in header if c not in result):
        candidates += _column_candidates(column, position, by_key)
    for _score, _pos, column, target in sorted(candidates, reverse=True):
        if column in result or target in taken:
            continue
        result[column] = target
        taken.add(target)
    return {column: result.get(column) for column in header}


def _remembered_targets(
    defn: SurveyDefinition, header: list[str], remembered: Mapping[str, str | None] | None
) -> dict[str, str | None]:
    """The remembered targets of the header's columns, those that still exist (None = ignored stays ignored)."""
    valid = {t.value for t in targets(defn)}
    result: dict[str, str | None] = {}
    for column in header:
        if remembered and column in remembered and (remembered[column] is None or remembered[column] in valid):
            result[column] = remembered[column]
    return result


def _targets_by_key(defn: SurveyDefinition) -> dict[str, list[tuple[str, float]]]:
    """{normalised key: [(target, score), ...]}: every text that points at an item, the respondent id or the wave."""
    keyed: list[tuple[str, str, float]] = [(k, item.code, s) for item in defn.items for k, s in _item_keys(defn, item)]
    keyed += [(normalise(n), RESPONDENT, 70 - i * 0.01) for i, n in enumerate(RESPONDENT_NAMES)]
    if not _wave_item(defn):
        keyed += [(normalise(n), WAVE, 70 - i * 0.01) for i, n in enumerate(WAVE_NAMES)]
    by_key: dict[str, list[tuple[str, float]]] = {}
    for key, target, score in keyed:
        by_key.setdefault(key, []).append((target, score))
    return by_key


def _column_candidates(
    column: str, position: int, by_key: Mapping[str, list[tuple[str, float]]]
) -> list[tuple[float, int, str, str]]:
    """(score, -position, column, target) of the column's best matches: exact keys of its variants, else close
    spellings; none for the rejected-rows file's own problem column."""
    variants = _variants(column)
    if any(v in {normalise(n) for n in PROBLEM_COLUMN_NAMES} for v in variants):
        return []
    found: list[tuple[float, int, str, str]] = []
    for rank, variant in enumerate(variants):
        for target, score in by_key.get(variant, ()):
            found.append((score - rank * 0.5, -position, column, target))
    if variants and not found:
        for key, pairs in by_key.items():
            if len(key) < 2:
                continue
            ratio = difflib.SequenceMatcher(None, variants[-1], key).ratio()
            if ratio >= 0.8:
                found += [(50 + ratio * 10, -position, column, t) for t, s in pairs if s >= 85]
    if not found:
        return []
    best = max(f[0] for f in found)  # only the column's best matches: a clearly weaker one is a guess, not a fallback
    return [f for f in found if f[0] >= best - 5]


def column_keys(header: Iterable[str]) -> list[str]:
    """Unique names for the file's columns, as used in the column mapping.

    A column's key is its header text; a blank header becomes ``#n`` (its
    position, from 1) and a repeated one gets ``#n`` appended.
    """
    keys: list[str] = []
    seen: set[str] = set()
    for n, text in enumerate(header, start=1):
        key = text.strip() or f"#{n}"
        if key in seen:
            key = f"{key}#{n}"
        seen.add(key)
        keys.append(key)
    return keys
