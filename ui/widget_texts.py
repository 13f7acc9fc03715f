"""Streamlit's own words inside its widgets (the file uploader's button and size limit, the "Press Enter to
apply" hint under a text box) in the user's language.

Streamlit draws these in English whatever the page's language. In the Chinese interface a style sheet hides
them (`visibility: hidden`, so neither the eye nor a screen reader's text gets them) and shows the product's
own words in their place (`::after`). The same element is written on every run, empty in English, so that
switching language never shifts the page's widgets.
"""

from __future__ import annotations

import json

import streamlit as st

from ui.i18n import lang, t

UPLOAD_LIMIT = "200MB"  # Streamlit's server.maxUploadSize (its default), as the uploader states it

# (where Streamlit writes its own text, the translation id of ours, font size of ours)
REPLACED = (
    (
        '[data-testid="stFileUploaderDropzone"] button p',
        "widget.upload",
        "0.875rem",
    ),
    ('[data-testid="stFileUploaderDropzoneInstructions"] span', "widget.upload_limit", "0.75rem"),
    ('[data-testid="InputInstructions"]', "widget.enter", "0.75rem"),
    ('[data-testid="stForm"] [data-testid="InputInstructions"]', "widget.enter_form", "0.75rem"),
    ('[data-testid="stTextArea"] [data-testid="InputInstructions"]', "widget.ctrl_enter", "0.75rem"),
)


def style_sheet(language: str) -> str:
    """The rules that put the product's words in place of Streamlit's, for `language` (empty in English)."""
    if language == "en":
        return ""
    rules = []
    for selector, key, size in REPLACED:
        words = json.dumps(t(key, size=UPLOAD_LIMIT), ensure_ascii=False)  # a CSS string: quotes escaped
        rules.append(f"{selector} {{ font-size: 0 !important; visibility: hidden; }}")
        rules.append(f"{selector}::after {{ content: {words}; font-size: {size}; visibility: visible; }}")
    return "\n".join(rules)


def translate_widget_texts() -> None:
    """Write the style sheet for the user's language (every run, the same element)."""
    st.html(f"<style>{style_sheet(lang())}</style>", width=1)
