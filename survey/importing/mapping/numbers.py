"""The number a cell states: plain decimals, full-width digits, a number with a label or a unit.

``9 - very likely``, ``5分``, ``(4) 满意``, ``很满意(5)``, full-width ``５``,
``五分`` all state a number (`parse_number`); `is_plain_number` tells a cell
that is only a decimal number (which needs no label mapping).
"""

from __future__ import annotations

import re
import unicodedata

from survey.characters import bad_character

_CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_NUM = r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)"
_UNIT = r"(?:分|points?|pts?|pt)"
_PLAIN = re.compile(rf"^({_NUM})\s*{_UNIT}?$")
_NUMBER_THEN_LABEL = re.compile(rf"^(\d+(?:\.\d+)?)\s*{_UNIT}?\s*(?:[-–—:：=.、,，)）\]]|\s)\s*[^\d\s.].*$")
_BRACKET_THEN_LABEL = re.compile(r"^[(（\[【]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）\]】]\s*\S.*$")
_LABEL_THEN_NUMBER = re.compile(
    r"^[^\d\s].*?(?:[(（\[【]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）\]】]|[-–—:：=]\s*(\d+(?:\.\d+)?)\s*分?)$"
)
_CHINESE_NUMBER = re.compile(r"^([零〇一二两三四五六七八九十])\s*分$")


def parse_number(text: str) -> float | None:
    """The number a cell states, with or without a label or unit; None when it states none.

    Only plain decimals count (no exponents, no thousands separators, no
    ``inf`` / ``nan``). Full-width digits are read as digits. A cell holding a
    control character or non-character states none.
    """
    if bad_character(text) is not None:
        return None  # a control character or non-character: text to be refused or made visible, not a number
    text = unicodedata.normalize("NFKC", text).strip().casefold()
    for pattern in (_PLAIN, _NUMBER_THEN_LABEL, _BRACKET_THEN_LABEL, _LABEL_THEN_NUMBER):
        match = pattern.match(text)
        if match:
            number = next(g for g in match.groups() if g is not None)
            return float(number)
    match = _CHINESE_NUMBER.match(text)
    if match:
        return float(_CHINESE_DIGITS[match.group(1)])
    return None


def is_plain_number(text: str) -> bool:
    """A cell that is only a decimal number (what needs no label mapping)."""
    return _PLAIN_ONLY.match(text.strip()) is not None


_PLAIN_ONLY = re.compile(rf"^{_NUM}$")
