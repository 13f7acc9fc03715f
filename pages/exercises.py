"""Exercise cards: the textbook cases for class (domain.md §10), answered by a student and checked against metrics/.

One card at a time: its case (a table or a list of answers) in the reader's
language, a form of answers, and after "Check" a ✓ or ✗ per answer; a wrong
answer gets the right value, the formula with the case's numbers and the
likely mistake, while a question left blank gives nothing away. "New
numbers" draws another variant from a seed that is shown, so a teacher can
reproduce it; seed 0 is the textbook's own numbers. The cards, their numbers
and the checks live in `survey.classroom.exercises`.

Session keys (st.session_state):
- "exercise_card": the id of the card shown (`survey.classroom.exercises.CARDS`), kept across pages;
- "exercise_seeds": {card id: seed} of the numbers shown on each card (0 = the textbook's);
- "exercise_checked": {(card id, seed): {question id: answer}}, the answers of the last check, so the
  results stay shown until the numbers change;
- widget keys: "_exercise_card" and "_exercise_seed" (refilled from the keys above on every run) and, in
  the form, "_exercise_answer.<card>.<seed>.<question>" (the student's entries; refilled from
  "exercise_checked" when the student comes back from another page).
"""

import secrets

import streamlit as st

from survey.classroom.exercises import CARDS, Card, Case, Label, Question, number
from ui.i18n import t
from ui.page import start

CARD_KEY = "exercise_card"
SEEDS_KEY = "exercise_seeds"
CHECKED_KEY = "exercise_checked"
MAX_SEED = 99_999


def _state(key: str) -> dict:
    return st.session_state.setdefault(key, {})


def _keep_card() -> None:
    st.session_state[CARD_KEY] = st.session_state["_exercise_card"]


def _keep_seed(card_id: str) -> None:
    _state(SEEDS_KEY)[card_id] = int(st.session_state["_exercise_seed"] or 0)


def _set_seed(card_id: str, seed: int | None) -> None:
    _state(SEEDS_KEY)[card_id] = secrets.randbelow(MAX_SEED) + 1 if seed is None else seed


def _answer_key(card: Card, case: Case, q: Question) -> str:
    return f"_exercise_answer.{card.id}.{case.seed}.{q.id}"


def _fill(params: dict) -> dict:
    return {k: t(v.key) if isinstance(v, Label) else v for k, v in params.items()}


def _label(q: Question) -> str:
    return t(q.text, item=t(q.item)) if q.item else t(q.text)


def _shown(card: Card, q: Question, value) -> str:
    if q.is_choice:
        return t(card.option_labels.get(value, value))
    if not q.unit:
        return number(value)
    unit = t(q.unit)
    return f"{number(value)}{unit}" if unit == "%" else f"{number(value)} {unit}"


def _rows(questions: tuple[Question, ...]) -> list[list[Question]]:
    """Questions side by side while they are about the same row of the case (a touchpoint, a product)."""
    rows: list[list[Question]] = []
    for q in questions:
        if rows and not q.is_choice and not rows[-1][0].is_choice and rows[-1][0].item == q.item:
            rows[-1].append(q)
        else:
            rows.append([q])
    return rows


def _answer_form(card: Card, case: Case) -> None:
    options = {k: t(v) for k, v in card.option_labels.items()}
    for q_id, answer in _state(CHECKED_KEY).get((card.id, case.seed), {}).items():
        st.session_state.setdefault(f"_exercise_answer.{card.id}.{case.seed}.{q_id}", answer)
    with st.form(f"exercise_form.{card.id}.{case.seed}"):
        st.markdown(f"**{t('exercises.answers')}**")
        for row in _rows(card.questions):
            for col, q in zip(st.columns(len(row)), row):
                label = _label(q) + (f" [{t(q.unit)}]" if q.unit else "")
                if q.is_choice:
                    col.selectbox(
                        label,
                        q.options,
                        index=None,
                        format_func=options.get,
                        placeholder=t("exercises.choose"),
                        key=_answer_key(card, case, q),
                    )
                else:
                    col.number_input(label, value=None, step=q.step, format="%g", key=_answer_key(card, case, q))
        if st.form_submit_button(t("exercises.check"), type="primary", key="exercise_check"):
            answers = {q.id: st.session_state.get(_answer_key(card, case, q)) for q in card.questions}
            _state(CHECKED_KEY)[(card.id, case.seed)] = answers


def _results(card: Card, case: Case, answers: dict) -> None:
    verdicts = card.check(case, answers)
    questions = {q.id: q for q in card.questions}
    right = sum(v.ok for v in verdicts)
    st.subheader(t("exercises.results"))
    score = t("exercises.score", right=right, total=len(verdicts))
    (st.success if right == len(verdicts) else st.warning)(score)
    for v in verdicts:
        q = questions[v.question]
        if v.ok:
            st.markdown(t("exercises.right", question=_label(q), given=_shown(card, q, v.given)))
            continue
        if v.given is None:  # not answered yet: no answer given away
            st.markdown(t("exercises.unanswered", question=_label(q)))
            continue
        params = _fill(v.params)
        given, expected = _shown(card, q, v.given), _shown(card, q, v.expected)
        lines = [t("exercises.wrong", question=_label(q), given=given, expected=expected), t(v.explanation, **params)]
        if v.mistake:
            lines.append(t(v.mistake, **params))
        st.error("\n\n".join(lines))


start("exercises.title", "exercises.intro", need="exercises.use")

# --- choose a card and its numbers ----------------------------------------------------------------------------
titles = {card_id: t(card.title) for card_id, card in CARDS.items()}
if st.session_state.get(CARD_KEY) not in CARDS:
    st.session_state[CARD_KEY] = next(iter(CARDS))
st.session_state["_exercise_card"] = st.session_state[CARD_KEY]
st.selectbox(t("exercises.card"), list(CARDS), format_func=titles.get, key="_exercise_card", on_change=_keep_card)
card = CARDS[st.session_state[CARD_KEY]]
seed = _state(SEEDS_KEY).get(card.id, 0)
case = card.data(seed)

st.subheader(t(card.title))
st.markdown(t(card.intro))
st.caption(t("exercises.source", source=t(card.source)))

st.session_state["_exercise_seed"] = seed
seed_col, new_col, book_col = st.columns([2, 1, 1], vertical_alignment="bottom")
seed_col.number_input(
    t("exercises.seed"),
    min_value=0,
    max_value=MAX_SEED,
    step=1,
    key="_exercise_seed",
    help=t("exercises.seed_help"),
    on_change=_keep_seed,
    args=(card.id,),
)
new_col.button(t("exercises.new_numbers"), key="exercise_new", on_click=_set_seed, args=(card.id, None))
book_col.button(
    t("exercises.textbook_numbers"), key="exercise_textbook", on_click=_set_seed, args=(card.id, 0), disabled=seed == 0
)
st.info(t("exercises.variant_textbook") if seed == 0 else t("exercises.variant", seed=seed))

# --- the case -------------------------------------------------------------------------------------------------
st.markdown(t(case.story, **_fill(case.story_params)))
if case.table is not None:
    st.table(case.table.rename(index=t, columns=t))
tolerances = {q.tolerance for q in card.questions if not q.is_choice}
if tolerances:
    st.caption(t("exercises.tolerance", tolerance=number(max(tolerances))))

# --- answers and the check ------------------------------------------------------------------------------------
_answer_form(card, case)
checked = _state(CHECKED_KEY).get((card.id, case.seed))
if checked is not None:
    _results(card, case, checked)
