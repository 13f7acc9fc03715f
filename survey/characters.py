"""What text may hold: checked on the way in, made safe on the way out.

Every text a user or a respondent types, or a file brings — labels, titles,
answers, comments, segment values, names — passes `normal_text` (Unicode NFC,
so "é" typed as e + U+0301 and as U+00E9 is one and the same label) and is
refused when it holds a *bad character* (`bad_character`):

- a control character other than tab, line feed and carriage return
  (U+0000–U+001F, U+007F–U+009F: bell, vertical tab, unit separator, NUL …);
- a non-character (U+FDD0–U+FDEF, and U+FFFE / U+FFFF in every plane);
- a lone surrogate (U+D800–U+DFFF: broken UTF-16, e.g. a JSON "\\ud800").

None of these can be typed on purpose, none shows as anything, and XML —
hence .xlsx, .pptx, .svg and the chart renderer — cannot hold the control
characters and U+FFFE / U+FFFF at all. Everything else is text: letters of
every script, emoji, right-to-left text and its marks, zero-width joiners,
private-use characters, line and paragraph separators.

`describe(char)` names a bad character for a message ("U+0007 BEL");
`without_bad_characters` removes them (the questionnaire does so, and tells
the respondent). On the way out, `printable` turns whatever bad character is
still in the data (stored before these checks, or from any other way in)
into U+FFFD "�", the replacement character every font and reader knows as
"a character that could not be shown" — and `break_long_words`
inserts break opportunities into words too long for a line, so writers that
cannot wrap a 2,500-character word (slides, PDF cells, chart titles) can.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# The characters refused on the way in and replaced on the way out (see the module docstring).
_BAD = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]"
)

# Names of the C0 controls and DEL, as the Unicode standard's aliases give them.
_C0_NAMES = (
    "NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US"
).split()

REPLACEMENT = "\ufffd"
ZERO_WIDTH_SPACE = "\u200b"
LONG_WORD = 40  # characters without a break opportunity before `break_long_words` adds one


@dataclass(frozen=True)
class BadCharacter:
    """The first bad character of a text: where (1-based, in characters) and which."""

    position: int
    char: str

    @property
    def code(self) -> str:
        """ "U+0007 BEL", "U+FFFE", "U+D800"."""
        return describe(self.char)

    @property
    def params(self) -> dict[str, object]:
        """The parameters of the message "text.bad_character" (besides its `field`)."""
        return {"code": self.code, "position": self.position}


def bad_character(value: str) -> BadCharacter | None:
    """The first bad character of `value`, or None when it has none."""
    found = _BAD.search(value)
    return None if found is None else BadCharacter(found.start() + 1, found.group())


def has_bad_character(value: str) -> bool:
    return _BAD.search(value) is not None


def describe(char: str) -> str:
    """A character as a user can look it up: its code point, and its name where it has a short one."""
    code = ord(char)
    if code < 0x20:
        return f"U+{code:04X} {_C0_NAMES[code]}"
    if code == 0x7F:
        return "U+007F DEL"
    return f"U+{code:04X}"


LINE_SEPARATORS = {"\u2028": "\n", "\u2029": "\n"}  # line and paragraph separator, as a line break


def normal_text(value: str) -> str:
    """`value` in Unicode normal form C (composed), the form every stored text is kept in, with the line and
    paragraph separators (U+2028, U+2029: from text copied out of a word processor or a PDF) as line breaks,
    which every file format and chart reads the same way."""
    if "\u2028" in value or "\u2029" in value:
        value = value.translate(_SEPARATORS)
    return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)


_SEPARATORS = str.maketrans(LINE_SEPARATORS)


# The spaces `trim` takes off: what str.strip() takes, less the bad characters it counts as space (\x0b, \x0c,
# \x1c-\x1f, \x85), which are refused, not silently trimmed.
_SPACES = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace() and not _BAD.match(ch))


def trim(value: str) -> str:
    """`value` without the spaces and line breaks at its ends (a bad character there stays, to be refused)."""
    return value.strip(_SPACES)


def without_bad_characters(value: str) -> tuple[str, int]:
    """`value` with its bad characters removed, and how many there were."""
    cleaned, removed = _BAD.subn("", value)
    return cleaned, removed


def visible(value: str) -> str:
    """`value` with every bad character written out as "[U+0007]", to show a user where it is."""
    if _BAD.search(value) is None:
        return value
    return _BAD.sub(lambda m: f"[U+{ord(m.group()):04X}]", value)


def printable(value: str) -> str:
    """`value` with every bad character replaced by U+FFFD (for the files and images we write)."""
    if _BAD.search(value) is None:
        return value
    return _BAD.sub(REPLACEMENT, value)


# A run of characters with no break opportunity: not a space, hyphen or slash, and not CJK (which wraps
# between any two characters).
_WORD_CHAR = r"[^\s\u200b\u2028\u2029\-/\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]"


@functools.cache
def _long_word(every: int) -> re.Pattern:
    return re.compile(_WORD_CHAR + f"{{{every + 1},}}")


def break_long_words(value: str, *, every: int = LONG_WORD, mark: str = ZERO_WIDTH_SPACE) -> str:
    """`value` with `mark` (an invisible break opportunity) after every `every` characters of a word that
    has no break of its own (no space, hyphen or slash) for longer than that. Shorter words, CJK text
    (which wraps anywhere) and line breaks are left as they are."""
    if len(value) <= every:
        return value
    return _long_word(every).sub(lambda m: _chop(m.group(), every, mark), value)


def _chop(word: str, every: int, mark: str) -> str:
    return mark.join(word[k : k + every] for k in range(0, len(word), every))
