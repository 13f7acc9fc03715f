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


def _ask(defn: SurveyDefinition, item: Node, lang: str, key: str, given: object = None):
    """The question's widget, showing `given` (what the respondent chose in this section before)."""
    label = plain(item.label(lang)) + (f" {t('form.required_mark')}" if item.required else "")
    if item.role == "comment":
        # No max_chars: Streamlit would cut a longer text silently (and a browser a pasted one); the limit is
        # checked on submit instead, and a longer comment refused in words (the respondent's text stays).
        return st.text_area(label, value=str(given or ""), key=key, help=t("form.comment_help", limit=COMMENT_MAX))
    if item.role == "attribute" and item.choices:
        return _choose_attribute(item, label, lang, key, given)
    scale = defn.scale(item.scale)
    if scale is None:
        return st.text_input(label, value=str(given or ""), key=key, max_chars=ATTRIBUTE_CHARS)
    if item.role == "recommend":
        return _ask_recommend(item, scale, label, lang, key, given)
    options: list[object] = list(scale.values) + ([NA] if scale.allow_na else [])

    shown = {NA: t("form.na")}
    for value in scale.values:
        text = scale.label(value, lang)
        shown[value] = str(value) if text == str(value) else f"{value} {plain(text)}"
    index = options.index(given) if given in options else None
    return st.radio(label, options, index=index, horizontal=True, format_func=shown.get, key=key)


# One row of 11 small choices on a 390 px phone (checked in Chromium at 390×844: tests/browser/
# test_answer_journey.py): the radio circles hidden, each number a box of equal width (the chosen one filled), no
# wrapping. Only the class Streamlit gives a keyed container (st-key-<key>) and its test ids are used.
_ONE_ROW_CSS = """<style>
div[class*="st-key-nps_row_"] [data-testid="stElementContainer"]:has([role="radiogroup"]),
div[class*="st-key-nps_row_"] [data-testid="stRadio"] { width: 100%; }
div[class*="st-key-nps_row_"] [role="radiogroup"] { flex-wrap: nowrap; gap: 2px; width: 100%; }
div[class*="st-key-nps_row_"] [role="radiogroup"] > div { flex: 1 1 0; min-width: 0; margin: 0; padding: 0; }
div[class*="st-key-nps_row_"] [role="radiogroup"] label {
  width: 100%; margin: 0; padding: 6px 0; justify-content: center; white-space: nowrap;
  border: 1px solid rgba(49, 51, 63, 0.3); border-radius: 4px; }
div[class*="st-key-nps_row_"] [role="radiogroup"] label > div { width: 100%; justify-content: center; }
div[class*="st-key-nps_row_"] [role="radiogroup"] label > div > div:not([data-testid]) { display: none; }
div[class*="st-key-nps_row_"] [role="radiogroup"] label [data-testid="stMarkdownContainer"] {
  padding: 0; margin: 0; text-align: center; }
div[class*="st-key-nps_row_"] [role="radiogroup"] label:has(input:checked) {
  background: #1f77b4; color: white; border-color: #1f77b4; }
</style>"""


def _ask_recommend(item: Node, scale, label: str, lang: str, key: str, given: object):
    """The 0–10 recommend question as one row of numbers (no "not applicable": a respondent who cannot say
    leaves it empty), its two ends named under it."""
    options = list(scale.values)
    with st.container(key=f"nps_row_{key}"):
        st.html(_ONE_ROW_CSS)
        choice = st.radio(
            label, options, index=options.index(given) if given in options else None, horizontal=True, key=key
        )
        low, high = scale.label(scale.minimum, lang), scale.label(scale.maximum, lang)
        if low != str(scale.minimum) or high != str(scale.maximum):
            st.caption(t("form.nps_ends", low=plain(low), high=plain(high)))
    return choice


def _choose_attribute(item: Node, label: str, lang: str, key: str, given: object = None) -> str | None:
    """A respondent attribute with a choice list (class, group, wave …): one of its values, chosen from a
    list in the respondent's language, never typed (so that the same class is one segment); `given` (the
    value chosen before, in another section) shown chosen."""
    names = {c.value: c.label(lang) for c in item.choices}
    values = list(names)
    index = values.index(given) if given in values else None
    return st.selectbox(label, values, index=index, format_func=names.get, placeholder=t("form.choose"), key=key)


def _unanswered(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def sections(defn: SurveyDefinition, lang: str) -> list[tuple[str, list[Node]]]:
    """The questionnaire's sections as the respondent goes through them: (title, items), one per dimension,
    then the other questions, then the questions about the respondent."""
    shown = [(dim.label(lang) if dim else t("form.other_questions"), items) for dim, items in _sections(defn)]
    attributes = defn.items_with_role("attribute")
    if attributes:
        shown.append((t("form.about_you"), attributes))
    return shown or [(t("form.other_questions"), [])]


def _problems(defn: SurveyDefinition, items: list[Node], given: dict, lang: str) -> dict[str, str]:
    """What keeps the answers to `items` from being sent: item code → the message shown under the question."""
    found = {}
    for item in items:
        value = given.get(item.code)
        if item.required and _unanswered(value):
            found[item.code] = t("form.answer_this")
        elif item.role == "comment" and len(without_bad_characters(str(value or "").strip())[0]) > COMMENT_MAX:
            found[item.code] = t("answer.too_long", item=plain(item.label(lang)), limit=COMMENT_MAX)
    return found


def render(defn: SurveyDefinition, lang: str, *, key: str) -> Submission | None:
    """Show the questionnaire one section at a time (Previous / Next, a progress bar, the last section
    submits); the answers once submitted complete, else None.

    Session keys: "<key>_step" (the section shown), "<key>_given" (the answers so far, by item code),
    "<key>_problems" (messages to show under questions after a jump back to them)."""
    step_key, given_key, problems_key = f"{key}_step", f"{key}_given", f"{key}_problems"
    shown = sections(defn, lang)
    step = min(max(int(st.session_state.get(step_key, 0)), 0), len(shown) - 1)
    given: dict[str, object] = st.session_state.setdefault(given_key, {})
    st.header(plain(defn.title(lang)))
    description = defn.description_zh if lang == "zh" else defn.description_en
    if description and step == 0:
        st.markdown(plain_lines(description))
    if len(shown) > 1:
        st.progress((step + 1) / len(shown), text=t("form.section_of", n=step + 1, total=len(shown)))
    title, items = shown[step]
    last = step == len(shown) - 1
    values: dict[str, object] = {}
    slots = {}
    with st.form(f"questionnaire_{key}_{step}"):
        st.subheader(plain(title))
        for item in items:
            values[item.code] = _ask(defn, item, lang, f"{key}_{item.code}", given.get(item.code))
            slots[item.code] = st.empty()
        summary = st.empty()
        back_col, forward_col = st.columns(2)
        back = step > 0 and back_col.form_submit_button(t("form.previous"), width="stretch")
        forward = forward_col.form_submit_button(
            t("form.submit") if last else t("form.next"), type="primary", width="stretch"
        )
    problems = st.session_state.pop(problems_key, {})
    if forward or back:
        given.update(values)
    if back:
        st.session_state[step_key] = step - 1
        st.rerun()
    if forward:
        problems = _problems(defn, items, given, lang)
        if not problems and last:  # every section once more: Previous skips the checks
            for number, (_, earlier) in enumerate(shown):
                problems = _problems(defn, earlier, given, lang)
                if problems and number != step:
                    st.session_state[step_key], st.session_state[problems_key] = number, problems
                    st.rerun()
                if problems:
                    break
        if not problems and not last:
            st.session_state[step_key] = step + 1
            st.rerun()
    for code, message in problems.items():
        if code in slots:
            slots[code].error(message)
    missing = [code for code, message in problems.items() if message == t("form.answer_this")]
    if missing:
        summary.error(t("form.section_unanswered", count=len(missing)))
    if not forward or problems or not last:
        return None
    return _submission(defn, given)


def _submission(defn: SurveyDefinition, given: dict) -> Submission:
    texts, removed = {}, {}
    for n in defn.text_items:  # control characters and non-characters cannot be stored: taken out, and said
        texts[n.code], count = without_bad_characters(str(given.get(n.code) or "").strip())
        if count:
            removed[n.code] = count
    answers = {n.code: (None if given.get(n.code) in (None, NA) else float(given[n.code])) for n in defn.scored_items}
    return Submission(answers=answers, attributes={k: v for k, v in texts.items() if v}, removed=removed)


def removed_notice(defn: SurveyDefinition, removed: dict[str, int], lang: str) -> str | None:
    """ "2 invisible characters … were taken out of your answer to …", or None when none were."""
    if not removed:
        return None
    names = [plain(defn.node(code).label(lang) if defn.node(code) else code) for code in removed]
    items = "、".join(names) if lang == "zh" else ", ".join(names)
    return t("form.characters_removed", count=sum(removed.values()), items=items)
