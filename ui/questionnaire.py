"""The questionnaire as a respondent sees it (used by the preview and the live form)."""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from survey.characters import without_bad_characters
from survey.design.definition import COMMENT_MAX, Node, SurveyDefinition
from ui.i18n import plain, plain_lines, t

NA = "na"
ATTRIBUTE_CHARS = 200  # the input box of a respondent attribute (survey.answering keeps as many)


@dataclass(frozen=True)
class Submission:
    answers: dict[str, float | None]
    attributes: dict[str, str]  # text answers (attributes and comments) by item code, as stored
    removed: dict[str, int] = field(default_factory=dict)  # item code → invisible characters taken out


def _sections(defn: SurveyDefinition) -> list[tuple[Node | None, list[Node]]]:
    """Items grouped under their dimension, in reading order; items outside the tree last (attributes apart)."""
    sections: list[tuple[Node | None, list[Node]]] = []
    for dimension in (n for n in defn.nodes if n.kind == "dimension"):
        items = [n for n in defn.descendants(dimension.code) if n.kind == "item"]
        if items:
            sections.append((dimension, items))
    free = [n for n in defn.items if n.parent is None and n.role != "attribute"]  # comments too, in their place
    if free:
        sections.append((None, free))
    return sections


def _ask(defn: SurveyDefinition, item: Node, lang: str, key: str):
    label = plain(item.label(lang)) + (f" {t('form.required_mark')}" if item.required else "")
    if item.role == "comment":
        # No max_chars: Streamlit would cut a longer text silently (and a browser a pasted one); the limit is
        # checked on submit instead, and a longer comment refused in words (the respondent's text stays).
        return st.text_area(label, key=key, help=t("form.comment_help", limit=COMMENT_MAX))
    if item.role == "attribute" and item.choices:
        return _choose_attribute(item, label, lang, key)
    scale = defn.scale(item.scale)
    if scale is None:
        return st.text_input(label, key=key, max_chars=ATTRIBUTE_CHARS)
    options: list[object] = list(scale.values) + ([NA] if scale.allow_na else [])

    shown = {NA: t("form.na")}
    for value in scale.values:
        text = scale.label(value, lang)
        shown[value] = str(value) if text == str(value) else f"{value} {plain(text)}"
    return st.radio(label, options, index=None, horizontal=True, format_func=shown.get, key=key)


def _choose_attribute(item: Node, label: str, lang: str, key: str) -> str | None:
    """A respondent attribute with a choice list (class, group, wave …): one of its values, chosen from a
    list in the respondent's language, never typed (so that the same class is one segment)."""
    names = {c.value: c.label(lang) for c in item.choices}
    return st.selectbox(label, list(names), index=None, format_func=names.get, placeholder=t("form.choose"), key=key)


def _unanswered(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def render(defn: SurveyDefinition, lang: str, *, key: str) -> Submission | None:
    """Show the questionnaire; the answers once submitted complete, else None."""
    st.header(plain(defn.title(lang)))
    description = defn.description_zh if lang == "zh" else defn.description_en
    if description:
        st.markdown(plain_lines(description))
    given: dict[str, object] = {}
    with st.form(f"questionnaire_{key}"):
        for dimension, items in _sections(defn):
            st.subheader(plain(dimension.label(lang)) if dimension else t("form.other_questions"))
            for item in items:
                given[item.code] = _ask(defn, item, lang, f"{key}_{item.code}")
        attributes = defn.items_with_role("attribute")
        if attributes:
            st.subheader(t("form.about_you"))
            for item in attributes:
                given[item.code] = _ask(defn, item, lang, f"{key}_{item.code}")
        submitted = st.form_submit_button(t("form.submit"), type="primary")
    if not submitted:
        return None
    missing = [plain(n.label(lang)) for n in defn.items if n.required and _unanswered(given.get(n.code))]
    if missing:
        st.error(t("form.required_missing", items="、".join(missing) if lang == "zh" else ", ".join(missing)))
        return None
    texts, removed = {}, {}
    for n in defn.text_items:  # control characters and non-characters cannot be stored: taken out, and said
        texts[n.code], count = without_bad_characters(str(given.get(n.code) or "").strip())
        if count:
            removed[n.code] = count
    too_long = [n for n in defn.items_with_role("comment") if len(texts[n.code]) > COMMENT_MAX]
    if too_long:
        for n in too_long:
            st.error(t("answer.too_long", item=plain(n.label(lang)), limit=COMMENT_MAX))
        return None
    answers = {n.code: (None if given.get(n.code) in (None, NA) else float(given[n.code])) for n in defn.scored_items}
    return Submission(answers=answers, attributes={k: v for k, v in texts.items() if v}, removed=removed)


def removed_notice(defn: SurveyDefinition, removed: dict[str, int], lang: str) -> str | None:
    """ "2 invisible characters … were taken out of your answer to …", or None when none were."""
    if not removed:
        return None
    names = [plain(defn.node(code).label(lang) if defn.node(code) else code) for code in removed]
    items = "、".join(names) if lang == "zh" else ", ".join(names)
    return t("form.characters_removed", count=sum(removed.values()), items=items)
