"""What text may hold: the bad characters refused on the way in, and how they are made safe on the way out."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from survey.characters import (
    REPLACEMENT,
    bad_character,
    break_long_words,
    describe,
    has_bad_character,
    normal_text,
    printable,
    trim,
    visible,
    without_bad_characters,
)

# XML 1.0 (hence .xlsx, .pptx, .svg and the chart renderer) allows tab, LF, CR and these ranges only.
XML_ALLOWED = ((0x9, 0x9), (0xA, 0xA), (0xD, 0xD), (0x20, 0xD7FF), (0xE000, 0xFFFD), (0x10000, 0x10FFFF))


def xml_allowed(ch: str) -> bool:
    return any(low <= ord(ch) <= high for low, high in XML_ALLOWED)


@pytest.mark.parametrize(
    ("value", "position", "code"),
    [
        ("ab\x07c", 3, "U+0007 BEL"),
        ("\x0bx", 1, "U+000B VT"),
        ("unit\x1f", 5, "U+001F US"),
        ("nul\x00", 4, "U+0000 NUL"),
        ("del\x7f", 4, "U+007F DEL"),
        ("c1\x85", 3, "U+0085"),
        ("满意\ufffe", 3, "U+FFFE"),
        ("\uffff", 1, "U+FFFF"),
        ("x\U0001fffe", 2, "U+1FFFE"),
        ("\ufdd0", 1, "U+FDD0"),
        ("\ud800", 1, "U+D800"),
    ],
)
def test_a_bad_character_is_found_with_its_position_and_name(value, position, code):
    bad = bad_character(value)
    assert bad is not None and (bad.position, bad.code) == (position, code)
    assert bad.params == {"code": code, "position": position}


@pytest.mark.parametrize(
    "value",
    [
        "tab\tand\nlines\r\n",
        "满意度 Zufriedenheit مرحبا שלום",
        "\u202eright-to-left override\u202c, \u200bzero-width space, \u200djoiner, \ufeffBOM",
        "emoji 😀👩‍👩‍👧 and private use \ue000",
        "line\u2028and paragraph\u2029separators",
        "\ufffd is a real character",
    ],
)
def test_text_of_every_script_and_its_marks_is_not_refused(value):
    assert bad_character(value) is None and printable(value) == value


def test_describe_names_c0_controls_and_gives_code_points_otherwise():
    assert describe("\x1b") == "U+001B ESC" and describe("\ufffe") == "U+FFFE" and describe("é") == "U+00E9"


def test_normal_text_composes_so_one_label_typed_two_ways_is_one():
    assert normal_text("e\u0301") == "\u00e9" == normal_text("\u00e9")
    assert normal_text("한국어") == unicodedata.normalize("NFC", "한국어")


def test_trim_takes_spaces_off_the_ends_but_leaves_bad_characters_to_be_refused():
    assert trim(" \t满意\u3000\n") == "满意"
    assert trim("\x1f满意\x0b ") == "\x1f满意\x0b"  # str.strip() would have hidden them
    assert bad_character(trim(" 4\x85 ")).code == "U+0085"


def test_removal_and_visible_forms():
    assert without_bad_characters("a\x07b\ufffec") == ("abc", 2)
    assert visible("a\x07b") == "a[U+0007]b"
    assert printable("a\x07b\ufffe") == f"a{REPLACEMENT}b{REPLACEMENT}"


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200))
def test_printable_text_is_xml_text_and_only_bad_characters_change(value):
    safe = printable(value)
    assert not has_bad_character(safe)
    assert all(xml_allowed(ch) for ch in safe)
    assert len(safe) == len(value)
    for before, after in zip(value, safe):
        assert after == before or (after == REPLACEMENT and has_bad_character(before))


# Where a line may break anyway: spaces, hyphens, slashes, and between CJK / Hangul / full-width characters.
WRAPS_ANYWHERE = ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x20000, 0x3FFFF))


def may_break(ch: str) -> bool:
    return ch.isspace() or ch in "-/\u200b\u2028\u2029" or any(lo <= ord(ch) <= hi for lo, hi in WRAPS_ANYWHERE)


@given(st.text(max_size=300), st.integers(5, 60))
def test_long_words_get_break_opportunities_and_nothing_else_changes(value, every):
    broken = break_long_words(value, every=every)
    assert broken.replace("\u200b", "") == value.replace("\u200b", "")
    run = 0
    for ch in broken:
        run = 0 if may_break(ch) else run + 1
        assert run <= every


def test_a_2500_character_word_is_broken_every_40_characters():
    broken = break_long_words("w" * 2500)
    assert broken.count("\u200b") == 62 and max(map(len, broken.split("\u200b"))) == 40
    assert break_long_words("中" * 2500) == "中" * 2500  # CJK wraps between any two characters anyway
