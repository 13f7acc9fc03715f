"""Exercise cards: the textbook's numbers at seed 0, right answers accepted, common mistakes named, new numbers.

Reference numbers: the customer experience table of the customer-service textbook (Fig. 3-1) and the
1:25:8:1 rule of the Little Swan case, as quoted in /work/shared/docs/domain.md §3 and §8 (the cases
of §10); the NPS list is the README's metrics example (NPS 20). The delivered-value and course-gap
cases have no printed figures; their seed-0 numbers are checked here by hand.
"""

import ast
import doctest
import math
import string
import sys
from pathlib import Path

import pandas as pd
import pytest

import survey.classroom.exercises as exercises
from survey.classroom.exercises import CARDS, TOLERANCE, Label, number
from survey.i18n import MESSAGES, text

SEEDS = range(1, 41)


def case_and_solution(card_id: str, seed: int = 0):
    card = CARDS[card_id]
    case = card.data(seed)
    return card, case, card.solution(case)


def verdict(card_id: str, question: str, answer, seed: int = 0):
    card, case, solution = case_and_solution(card_id, seed)
    answers = dict(solution) | {question: answer}
    verdicts = {v.question: v for v in card.check(case, answers)}
    assert all(v.ok for q, v in verdicts.items() if q != question)  # only the one answer changed
    return verdicts[question]


# --- seed 0 is the textbook --------------------------------------------------------------------------------


def test_experience_table_seed_0_is_fig_3_1_with_its_printed_answers():
    card, case, solution = case_and_solution("experience_table")
    # domain.md §3, columns 2a, 2b, 2d, 4a as printed
    assert case.numbers.loc["convenience"].tolist() == [5, 7, 9, 10]
    assert case.numbers["actual"].tolist() == [6, 7, 5, 7, 6, 4]
    assert case.numbers["expectation"].tolist() == [7, 7, 7, 7, 6, 4]
    assert case.numbers["importance"].tolist() == [6, 7, 9, 7, 5, 3]
    assert case.numbers["ideal"].tolist() == [7, 7, 10, 7, 6, 4]
    touchpoints = exercises.TOUCHPOINTS
    # the printed 2c, 3 and 4b
    assert [solution[f"{t}.satisfaction"] for t in touchpoints] == [-1, 0, -2, 0, 0, 0]
    assert [solution[f"{t}.weighted"] for t in touchpoints] == [-6, 0, -18, 0, 0, 0]
    assert [solution[f"{t}.gap"] for t in touchpoints] == [-1, 0, -5, 0, 0, 0]
    assert solution["key"] == "convenience"
    # the table the student reads holds the same numbers, labelled with text ids
    assert case.table.loc["exercises.touchpoint.convenience", "exercises.cx.col.importance"] == 9


def test_word_of_mouth_seed_0_is_one_good_and_one_bad_buyer_1_25_8_1():
    card, case, solution = case_and_solution("word_of_mouth")
    assert case.numbers == {"satisfied": 1, "dissatisfied": 1, "reach": 25, "interested": 8, "buyers": 1}
    # one buyer influences 25; good: 8 want to buy, 1 buys; bad: all 25 put off (two buyers reach 50)
    assert solution == {"reached": 50, "interested": 8, "new_buyers": 1, "put_off": 25}


def test_delivered_value_seed_0_by_hand():
    card, case, solution = case_and_solution("delivered_value")
    assert solution["a.total_value"] == 40 + 20 + 10 + 10 == 80
    assert solution["a.total_cost"] == 50 + 10 + 5 + 5 == 70
    assert solution["a.delivered"] == 10
    assert solution["b.total_value"] == 50 + 15 + 10 + 15 == 90
    assert solution["b.total_cost"] == 45 + 25 + 15 + 10 == 95
    assert solution["b.delivered"] == -5
    # B gives more value at a lower price, yet A delivers more
    assert solution["choice"] == "a"
    assert case.table.loc["exercises.dv.cost.monetary"].tolist() == [50, 45]


def test_nps_seed_0_is_the_readme_example():
    card, case, solution = case_and_solution("nps")
    assert case.numbers == [10, 9, 9, 8, 7, 6, 3, 10, 9, 5]
    # 5 promoters (10, 9, 9, 10, 9), 2 passives (8, 7), 3 detractors (6, 3, 5) of 10
    assert solution == {"promoters_pct": 50, "detractors_pct": 30, "nps": 20}
    assert case.story_params == {"n": 10, "answers": "10, 9, 9, 8, 7, 6, 3, 10, 9, 5"}


def test_course_gaps_seed_0_by_hand():
    card, case, solution = case_and_solution("course_gaps")
    expected = {
        "content": 3.9 - 4.3,
        "method": 3.5 - 4.4,
        "teacher": 4.4 - 4.3,
        "assessment": 3.7 - 4.1,
        "resources": 3.2 - 3.5,
    }
    for d, gap in expected.items():
        assert solution[f"{d}.gap"] == pytest.approx(gap)
    assert solution["largest"] == "method"  # −0.9, though resources has the lowest actual score
    assert case.numbers["actual"].idxmin() == "resources"


@pytest.mark.parametrize("card_id", CARDS)
def test_right_answers_are_accepted_exactly_and_rounded_to_one_decimal(card_id):
    card, case, solution = case_and_solution(card_id)
    assert all(v.ok and v.mistake is None for v in card.check(case, solution))
    rounded = {k: v if isinstance(v, str) else round(v, 1) for k, v in solution.items()}
    assert all(v.ok for v in card.check(case, rounded))
    as_text = {k: v if isinstance(v, str) else str(v) for k, v in solution.items()}  # what a text field gives
    assert all(v.ok for v in card.check(case, as_text))


# --- wrong answers: refused, with the right value, the formula and the likely mistake --------------------------

MISTAKES = [
    # (card, question, wrong answer, likely mistake)
    ("experience_table", "convenience.satisfaction", 2, "cx_reversed"),
    ("experience_table", "convenience.weighted", 18, "cx_reversed"),
    ("experience_table", "convenience.weighted", -45, "cx_weighted_gap"),  # 4b × 2d = −5 × 9
    ("experience_table", "convenience.weighted", 45, "cx_weighted_actual"),  # 2a × 2d = 5 × 9
    ("experience_table", "convenience.gap", 5, "cx_gap_reversed"),
    ("experience_table", "convenience.gap", -12, "cx_gap_header"),  # the header's 2c − 4a = −2 − 10
    ("experience_table", "product.gap", 1, "cx_gap_reversed"),
    ("word_of_mouth", "reached", 25, "wom_one_side"),
    ("word_of_mouth", "interested", 200, "wom_chain"),  # 1 × 25 × 8
    ("word_of_mouth", "interested", 16, "wom_dissatisfied_help"),  # (1 + 1) × 8
    ("word_of_mouth", "new_buyers", 8, "wom_want_is_buy"),
    ("word_of_mouth", "put_off", 8, "wom_put_off_all"),
    ("delivered_value", "a.total_cost", 50, "dv_money_only"),
    ("delivered_value", "a.delivered", 30, "dv_money_only"),  # 80 − 50
    ("delivered_value", "b.delivered", 5, "dv_reversed"),
    ("delivered_value", "a.delivered", 1.14, "dv_ratio"),  # 80 / 70
    ("delivered_value", "choice", "b", "dv_choice_value"),
    ("nps", "nps", 50, "nps_promoters_only"),
    ("nps", "nps", 0, "nps_passives"),  # 50 − (30 + 20)
    ("nps", "nps", 0.2, "nps_fraction"),
    ("nps", "nps", -20, "nps_reversed"),
    ("nps", "nps", 30, "nps_edges"),  # the 8 counted as a promoter, or the 6 as a passive
    ("nps", "nps", 2, "nps_counts"),  # 5 − 3 people
    ("nps", "promoters_pct", 0.5, "fraction"),
    ("nps", "promoters_pct", 5, "count"),
    ("nps", "promoters_pct", 60, "nps_edges"),
    ("nps", "detractors_pct", 20, "nps_edges"),
    ("course_gaps", "method.gap", 0.9, "gap_reversed"),
    ("course_gaps", "largest", "resources", "gap_lowest_actual"),
    ("course_gaps", "largest", "teacher", "gap_highest"),
]


@pytest.mark.parametrize("card_id, question, answer, mistake", MISTAKES)
def test_common_mistakes_are_refused_and_named(card_id, question, answer, mistake):
    v = verdict(card_id, question, answer)
    assert not v.ok
    assert v.given == answer
    assert v.expected == case_and_solution(card_id)[2][question]
    assert v.mistake == f"exercises.mistake.{mistake}"


def test_the_explanation_fills_the_formula_with_the_case_numbers():
    v = verdict("experience_table", "convenience.satisfaction", 2)
    assert v.explanation == "exercises.cx.explain.satisfaction"
    assert text("en", v.explanation, **fill(v.params, "en")) == (
        "Convenience: satisfaction 2c = actual 2a − expectation 2b = 5 − 7 = −2."
    )
    v = verdict("experience_table", "convenience.weighted", 18)
    assert text("zh", v.explanation, **fill(v.params, "zh")) == (
        "便利性：加权满意度 3 = 满意度 2c × 重要性 2d = (−2) × 9 = −18。"
    )
    v = verdict("nps", "nps", 50)
    assert text("en", v.explanation, **fill(v.params, "en")).startswith(
        "NPS = % promoters − % detractors = 50 − 30 = 20."
    )
    assert text("en", v.mistake, **fill(v.params, "en")) == (
        "Likely mistake: that is the promoters' share only; NPS subtracts the detractors' share."
    )


def test_a_wrong_answer_that_is_no_common_mistake_gets_the_formula_only():
    v = verdict("word_of_mouth", "reached", 49)
    assert not v.ok and v.mistake is None and v.expected == 50
    assert v.explanation == "exercises.wom.explain.reached"


def test_unanswered_and_unreadable_answers_are_wrong_and_said_so():
    card, case, _ = case_and_solution("nps")
    verdicts = card.check(case, {"nps": "twenty", "promoters_pct": float("nan")})
    assert [(v.ok, v.given, v.mistake) for v in verdicts] == [(False, None, "exercises.mistake.unanswered")] * 3


def test_key_experience_mistakes_in_a_variant_where_the_rows_differ():
    # find new numbers where the lowest unweighted satisfaction is another touchpoint than the key experience
    for seed in SEEDS:
        card, case, solution = case_and_solution("experience_table", seed)
        satisfaction = case.numbers["actual"] - case.numbers["expectation"]
        lowest = satisfaction[satisfaction == satisfaction.min()].index
        importance = case.numbers["importance"]
        others = (lowest[0], solution["key"])
        if len(lowest) == 1 and lowest[0] != solution["key"] and importance.idxmax() not in others:
            break
    else:
        pytest.fail("no variant with a separate lowest satisfaction")
    assert verdict("experience_table", "key", lowest[0], seed).mistake == "exercises.mistake.cx_key_unweighted"
    most_important = importance[importance == importance.max()].index
    if len(most_important) == 1:
        v = verdict("experience_table", "key", most_important[0], seed)
        assert v.mistake in ("exercises.mistake.cx_key_importance", "exercises.mistake.cx_key_gap")


# --- tolerance --------------------------------------------------------------------------------------------------


def test_tolerance_boundaries_on_a_whole_number():
    assert TOLERANCE == 0.05
    assert verdict("experience_table", "convenience.weighted", -18.05).ok
    assert verdict("experience_table", "convenience.weighted", -17.95).ok
    assert not verdict("experience_table", "convenience.weighted", -18.06).ok
    assert not verdict("experience_table", "convenience.weighted", -17.94).ok


def test_tolerance_on_shares_that_need_rounding():
    # a variant whose promoter share has more than one decimal: rounding to 1 decimal is within ±0.05
    for seed in SEEDS:
        card, case, solution = case_and_solution("nps", seed)
        exact = solution["promoters_pct"]
        if abs(exact - round(exact, 1)) > 0.01:
            break
    else:
        pytest.fail("no variant with an awkward share")
    answers = case.numbers
    assert exact == pytest.approx(100 * sum(a >= 9 for a in answers) / len(answers))  # by hand
    assert verdict("nps", "promoters_pct", round(exact, 1), seed).ok
    assert verdict("nps", "promoters_pct", exact + 0.049, seed).ok
    assert not verdict("nps", "promoters_pct", exact + 0.052, seed).ok
    assert not verdict("nps", "promoters_pct", math.floor(exact) - 1, seed).ok


# --- new numbers ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("card_id", CARDS)
def test_seeds_give_new_reproducible_numbers_that_check_consistently(card_id):
    card = CARDS[card_id]
    textbook = card.data(0).numbers
    drawn = [card.data(seed).numbers for seed in SEEDS]
    distinct = {repr(d) for d in drawn} | {repr(textbook)}
    assert len(distinct) >= len(SEEDS) - 2  # practically every seed gives its own numbers
    assert repr(card.data(7).numbers) == repr(card.data(7).numbers)  # the teacher can reproduce seed 7
    for seed in SEEDS:
        case = card.data(seed)
        assert case.seed == seed
        solution = card.solution(case)
        assert all(v.ok for v in card.check(case, solution))
        # the same wrong answer is always refused
        number_question = next(q for q in card.questions if not q.is_choice)
        assert not card.check(case, {number_question.id: solution[number_question.id] + 1})[0].ok
        # every common mistake of new numbers is told apart from the right answer and from the other mistakes
        for question, solved in card.solve(case.numbers).items():
            for wrong, mistake in solved.mistakes:
                if wrong == solved.expected or (not isinstance(wrong, str) and abs(wrong - solved.expected) < 0.05):
                    continue  # this mistake happens to give the right answer here
                got = {v.question: v for v in card.check(case, solution | {question: wrong})}[question]
                assert not got.ok
                if not isinstance(wrong, str):
                    assert got.mistake == mistake, (seed, question, wrong)


@pytest.mark.parametrize("seed", SEEDS)
def test_variant_answers_match_hand_arithmetic(seed):
    cx = case_and_solution("experience_table", seed)
    n = cx[1].numbers
    for t in exercises.TOUCHPOINTS:
        a, e, imp, ideal = n.loc[t, ["actual", "expectation", "importance", "ideal"]]
        assert cx[2][f"{t}.satisfaction"] == a - e
        assert cx[2][f"{t}.weighted"] == (a - e) * imp
        assert cx[2][f"{t}.gap"] == a - ideal
        assert 1 <= e <= ideal <= 10 and 1 <= a <= ideal and 1 <= imp <= 10
    weighted = (n["actual"] - n["expectation"]) * n["importance"]
    assert cx[2]["key"] == weighted.idxmin() and weighted.min() < 0 and (weighted == weighted.min()).sum() == 1

    _, case, solution = case_and_solution("word_of_mouth", seed)
    s, d = case.numbers["satisfied"], case.numbers["dissatisfied"]
    assert solution == {"reached": 25 * (s + d), "interested": 8 * s, "new_buyers": s, "put_off": 25 * d}

    _, case, solution = case_and_solution("delivered_value", seed)
    for p in ("a", "b"):
        values, costs = case.numbers[p]
        assert solution[f"{p}.delivered"] == sum(values.values()) - sum(costs.values())
    assert solution["choice"] == max("ab", key=lambda p: solution[f"{p}.delivered"])

    _, case, solution = case_and_solution("nps", seed)
    answers = case.numbers
    promoters, detractors = sum(a >= 9 for a in answers), sum(a <= 6 for a in answers)
    assert solution["nps"] == pytest.approx(100 * (promoters - detractors) / len(answers))
    assert 6 in answers and 8 in answers and all(0 <= a <= 10 for a in answers)

    _, case, solution = case_and_solution("course_gaps", seed)
    gaps = case.numbers["actual"] - case.numbers["target"]
    for dim, gap in gaps.items():
        assert solution[f"{dim}.gap"] == pytest.approx(gap)
    assert solution["largest"] == gaps.idxmin()


@pytest.mark.parametrize("seed", SEEDS)
def test_common_mistakes_are_named_in_every_variant(seed):
    _, _, solution = case_and_solution("nps", seed)
    assert verdict("nps", "nps", solution["promoters_pct"], seed).mistake == "exercises.mistake.nps_promoters_only"
    assert verdict("nps", "nps", -solution["nps"], seed).mistake == "exercises.mistake.nps_reversed"
    _, _, solution = case_and_solution("experience_table", seed)
    key = solution["key"]
    assert verdict("experience_table", f"{key}.weighted", -solution[f"{key}.weighted"], seed).mistake == (
        "exercises.mistake.cx_reversed"
    )
    _, case, solution = case_and_solution("course_gaps", seed)
    worst = solution["largest"]
    assert verdict("course_gaps", f"{worst}.gap", -solution[f"{worst}.gap"], seed).mistake == (
        "exercises.mistake.gap_reversed"
    )


def test_a_seed_must_be_a_whole_number_from_0():
    for bad in (-1, 1.5, "3", True):
        with pytest.raises(ValueError, match="seed"):
            CARDS["nps"].data(bad)


# --- texts ------------------------------------------------------------------------------------------------------


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def fill(params: dict, lang: str) -> dict:
    return {k: text(lang, v.key) if isinstance(v, Label) else v for k, v in params.items()}


def used_ids(card, case, verdicts) -> list[tuple[str, set[str]]]:
    """(text id, names it may use) for every text the page shows of this card."""
    ids = [(card.title, set()), (card.intro, set()), (card.source, set())]
    ids += [(case.story, set(case.story_params))]
    if case.table is not None:
        ids += [(k, set()) for k in list(case.table.index) + list(case.table.columns)]
    for q in card.questions:
        ids += [(q.text, {"item"} if q.item else set())]
        ids += [(k, set()) for k in (q.item, q.unit) if k]
    ids += [(k, set()) for k in card.option_labels.values()]
    for v in verdicts:
        names = set(v.params)
        ids += [(v.explanation, names)] + ([(v.mistake, names)] if v.mistake else [])
        ids += [(p.key, set()) for p in v.params.values() if isinstance(p, Label)]
    return ids


@pytest.mark.parametrize("card_id", CARDS)
def test_every_text_of_a_card_is_translated_and_filled(card_id):
    card = CARDS[card_id]
    for seed in (0, 1, 2):
        case = card.data(seed)
        solution = card.solution(case)
        wrong = {
            k: (
                v + 1
                if not isinstance(v, str)
                else next(o for q in card.questions if q.id == k for o in q.options if o != v)
            )
            for k, v in solution.items()
        }
        verdicts = card.check(case, wrong) + card.check(case, {})
        for mistake in MISTAKES:
            if mistake[0] == card_id and seed == 0:
                verdicts.append(verdict(card_id, mistake[1], mistake[2]))
        for key, names in used_ids(card, case, verdicts):
            assert key in MESSAGES, key
            assert placeholders(MESSAGES[key][0]) <= names, (key, names)
            assert placeholders(MESSAGES[key][1]) == placeholders(MESSAGES[key][0]), key


def test_numbers_are_shown_with_a_true_minus_and_at_most_two_decimals():
    assert [number(x) for x in (-18, 20.0, 13.043478, -0.0001, 0.1 + 0.2, 1.14)] == [
        "−18",
        "20",
        "13.04",
        "0",
        "0.3",
        "1.14",
    ]


# --- layer ------------------------------------------------------------------------------------------------------


def test_module_examples():
    result = doctest.testmod(exercises)
    assert result.attempted > 0 and result.failed == 0


def test_exercises_import_only_metrics_numpy_pandas_and_the_standard_library():
    tree = ast.parse(Path(exercises.__file__).read_text(encoding="utf-8"))
    modules = {a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names}
    modules |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    tops = {m.split(".")[0] for m in modules}
    assert tops - set(sys.stdlib_module_names) <= {"metrics", "numpy", "pandas"}
    assert "metrics" in tops
    assert isinstance(CARDS["experience_table"].data(0).numbers, pd.DataFrame)
