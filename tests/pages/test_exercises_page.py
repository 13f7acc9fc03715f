"""The exercise cards page in AppTest: a student answers a textbook case, checks, and reads ✓, ✗ and why."""

from streamlit.testing.v1 import AppTest

from survey.classroom.exercises import CARDS
from survey.i18n import text
from tests.pages.conftest import make_app, open_page


def answer_key(card: str, seed: int, question: str) -> str:
    return f"_exercise_answer.{card}.{seed}.{question}"


def choose(at: AppTest, card: str) -> AppTest:
    at.selectbox(key="_exercise_card").set_value(card).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def answer(at: AppTest, card: str, seed: int, answers: dict) -> AppTest:
    for question, value in answers.items():
        key = answer_key(card, seed, question)
        widget = at.selectbox(key=key) if isinstance(value, str) else at.number_input(key=key)
        widget.set_value(value)
    at.button(key="exercise_check").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> str:
    """Everything the page says in its main area, as one text."""
    parts = [m.value for m in at.markdown] + [e.value for e in at.error] + [s.value for s in at.success]
    parts += [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(parts)


def test_experience_table_right_and_wrong_answers_in_english(app):
    at = open_page(app, "exercises")
    assert at.selectbox(key="_exercise_card").value == "experience_table"
    assert at.info[0].value == text("en", "exercises.variant_textbook")
    table = at.table[0].value
    assert table.loc["Convenience"].tolist() == [5, 7, 9, 10]  # Fig. 3-1, as printed
    assert list(table.columns) == ["Actual 2a", "Expectation 2b", "Importance 2d", "Ideal 4a"]
    assert text("en", "exercises.tolerance", tolerance="0.05") in [c.value for c in at.caption]

    answer(
        at,
        "experience_table",
        0,
        {"convenience.satisfaction": -2, "convenience.weighted": 18, "convenience.gap": -12, "key": "convenience"},
    )
    page = shown(at)
    assert "✓ Convenience: satisfaction 2c: −2" in page
    assert "✓ Which touchpoint is the key experience?: Convenience" in page
    errors = [e.value for e in at.error]
    weighted = next(e for e in errors if e.startswith("✗ Convenience: weighted satisfaction 3"))
    assert "you gave 18, the right value is −18" in weighted
    assert "(−2) × 9 = −18" in weighted
    assert text("en", "exercises.mistake.cx_reversed") in weighted
    gap = next(e for e in errors if e.startswith("✗ Convenience: experience gap 4b"))
    assert "5 − 10 = −5" in gap and "“2c − 4a”" in gap
    assert text("en", "exercises.mistake.cx_gap_header") in gap
    # the questions left blank are wrong but give nothing away
    assert "○ Product: satisfaction 2c: not answered" in page
    assert not any(e.startswith("✗ Product") for e in errors)
    assert at.warning[0].value == "2 of 19 right."


def test_nps_in_chinese_promoters_only_is_named(app_database):
    at = open_page(make_app("zh"), "exercises")
    choose(at, "nps")
    assert "10, 9, 9, 8, 7, 6, 3, 10, 9, 5" in shown(at)
    answer(at, "nps", 0, {"promoters_pct": 50, "detractors_pct": 30.0, "nps": 50})
    page = shown(at)
    assert "✓ 推荐者百分比：50%" in page
    assert "✓ 贬损者百分比：30%" in page
    [error] = at.error
    assert error.value.startswith("✗ NPS（−100 至 100）：你的答案 50 分，正确答案 20 分")
    assert "NPS = 推荐者% − 贬损者% = 50 − 30 = 20。" in error.value
    assert text("zh", "exercises.mistake.nps_promoters_only") in error.value
    assert at.warning[0].value == "答对 2 / 3 题。"

    answer(at, "nps", 0, {"nps": 20.04})  # within ±0.05
    assert at.success[0].value == "答对 3 / 3 题。" and not at.error


def test_delivered_value_wrong_choice_in_chinese(app_database):
    at = open_page(make_app("zh"), "exercises")
    choose(at, "delivered_value")
    assert at.table[0].value.loc["时间成本"].tolist() == [10, 25]
    answer(at, "delivered_value", 0, {"a.delivered": 30, "b.delivered": -5, "choice": "b"})
    errors = [e.value for e in at.error]
    a = next(e for e in errors if e.startswith("✗ 产品甲：顾客让渡价值"))
    assert "80 − 70 = 10" in a and "可能的错误：你只算了货币成本（价格 50）" in a
    choice = next(e for e in errors if e.startswith("✗ 顾客会选择哪种产品？"))
    assert "你的答案 产品乙，正确答案 产品甲" in choice
    assert "顾客选择让渡价值更高的产品甲（10），而不是产品乙（−5）。" in choice
    assert "✓ 产品乙：顾客让渡价值：−5 分" in shown(at)


def test_new_numbers_show_their_seed_and_the_seed_reproduces_them(app, app_database):
    at = open_page(app, "exercises")
    choose(at, "word_of_mouth")
    at.button(key="exercise_new").click().run()
    seed = at.number_input(key="_exercise_seed").value
    assert seed > 0
    assert at.info[0].value == text("en", "exercises.variant", seed=seed)
    case = CARDS["word_of_mouth"].data(seed)
    story = text("en", case.story, **case.story_params)
    assert story in shown(at) and case.numbers["satisfied"] != 1

    # a teacher types the seed on another session and gets the same case; the right answers all pass
    other = choose(open_page(make_app("en"), "exercises"), "word_of_mouth")
    other.number_input(key="_exercise_seed").set_value(seed).run()
    assert story in shown(other)
    solution = CARDS["word_of_mouth"].solution(case)
    answer(other, "word_of_mouth", seed, solution)
    assert other.success[0].value == "4 of 4 right."
    s, d = case.numbers["satisfied"], case.numbers["dissatisfied"]
    assert f"✓ How many people do these buyers influence in all?: {(s + d) * 25} people" in shown(other)

    # a wrong answer to the new numbers is explained with those numbers
    answer(other, "word_of_mouth", seed, {"put_off": d * 8})
    [error] = other.error
    assert f"{d} × 25 = {d * 25}" in error.value
    assert text("en", "exercises.mistake.wom_put_off_all", reach="25", interested="8", buyers="1") in error.value

    # and the textbook's numbers come back
    other.button(key="exercise_textbook").click().run()
    assert other.number_input(key="_exercise_seed").value == 0
    assert text("en", "exercises.wom.story", satisfied=1, dissatisfied=1, reach=25, interested=8, buyers=1) in shown(
        other
    )


def test_results_and_answers_stay_after_visiting_another_page(app):
    at = open_page(app, "exercises")
    choose(at, "course_gaps")
    answer(at, "course_gaps", 0, {"method.gap": 0.9, "largest": "method"})
    assert any(text("en", "exercises.mistake.gap_reversed") in e.value for e in at.error)
    at.switch_page("pages/overview.py").run()
    at.switch_page("pages/exercises.py").run()
    assert at.selectbox(key="_exercise_card").value == "course_gaps"
    assert at.number_input(key=answer_key("course_gaps", 0, "method.gap")).value == 0.9
    assert any(text("en", "exercises.mistake.gap_reversed") in e.value for e in at.error)
    assert "✓ Which dimension needs improving most (largest gap)?: Teaching method" in shown(at)


def test_a_student_can_work_the_cards(app_database):
    at = open_page(make_app("en", role="student"), "exercises")
    choose(at, "nps")
    answer(at, "nps", 0, {"promoters_pct": 50, "detractors_pct": 30, "nps": 20})
    assert at.success[0].value == "3 of 3 right."
