"""How the importer compares texts: `normalise` makes the key a header, a label or an answer is matched by."""

from __future__ import annotations

import unicodedata


def normalise(text: str) -> str:
    """Text for matching: NFKC (full-width → half-width), case-folded, without spaces or punctuation."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")
