"""Answering through a link, on SQLite and PostgreSQL: open, close, submit, one answer per personal token."""

import threading

import pytest

from survey import answering
from survey.access import accounts, audit
from survey.access.accounts import AccountError
from survey.answering import AnswerRefused, LinkNotFound
from survey.design.definition import Node, Scale, ScalePoint, SurveyDefinition
from survey.storage import store

FIVE = Scale(
    "s5", "5", 1, 5, (ScalePoint(1, "很不满意", "Very dissatisfied"), ScalePoint(5, "很满意", "Very satisfied"))
)
STRICT = Scale("y", "custom", 0, 1, allow_na=False)


def survey_definition() -> SurveyDefinition:
    return SurveyDefinition(
        title_zh="课程满意度",
        title_en="Course satisfaction",
        scales=(FIVE, STRICT),
        nodes=(
            Node("teach", "dimension", "教学", "Teaching"),
            Node("clear", "item", "讲解清楚", "Clear", parent="teach", role="perception", scale="s5", required=True),
            Node("pace", "item", "进度合适", "Pace", parent="teach", role="perception", scale="s5"),
            Node("again", "item", "还会选课", "Would take again", role="loyalty", scale="y", required=True),
            Node("class", "item", "班级", "Class", role="attribute", required=True),
            Node("wave", "item", "轮次", "Wave", role="attribute"),
        ),
    )


GOOD = {"clear": 4.0, "pace": None, "again": 1.0}
ABOUT = {"class": " 2A ", "wave": "mid"}


@pytest.fixture
def survey(db):
    """(workspace id, survey id) of a fresh survey, not yet open."""
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey_id = store.create_survey(s, ws, survey_definition()).id
        s.commit()
    return ws, survey_id


def opened(db, survey, *, per_token=False):
    ws, survey_id = survey
    with db.session() as s:
        answering.open_for_answers(s, ws, survey_id)
        state = answering.set_one_answer_per_token(s, ws, survey_id, per_token)
        s.commit()
    return state.link_token


def submit(db, token, answers=GOOD, about=ABOUT, personal=None):
    with db.session() as s:
        return answering.submit_answer(s, token, dict(answers), dict(about), respondent_token=personal)


def refusal(db, token, **kwargs) -> list[str]:
    with pytest.raises(AnswerRefused) as refused:
        submit(db, token, **kwargs)
    return refused.value.ids


def stored(db, survey):
    with db.session() as s:
        return store.responses_frame(s, *survey)


def test_open_makes_an_unguessable_link_that_reopening_keeps(db, survey):
    ws, survey_id = survey
    with db.session() as s:
        assert answering.link_state(s, ws, survey_id).link_token is None
        first = answering.open_for_answers(s, ws, survey_id)
        s.commit()
    assert first.is_open and len(first.link_token) >= 22
    with db.session() as s:
        closed = answering.close_for_answers(s, ws, survey_id)
        s.commit()
    assert not closed.is_open and closed.link_token == first.link_token
    with db.session() as s:
        linked = answering.questionnaire_for_link(s, first.link_token)
        assert not linked.is_open and linked.definition.title_en == "Course satisfaction"
        again = answering.open_for_answers(s, ws, survey_id)
        s.commit()
    assert again.is_open and again.link_token == first.link_token


def test_opening_closing_and_the_token_setting_are_in_the_audit_log_with_who_did_it(db, survey):
    ws, survey_id = survey
    coordinator = audit.Actor(None, "lin")
    with db.session() as s:
        answering.open_for_answers(s, ws, survey_id, actor=coordinator)
        answering.set_one_answer_per_token(s, ws, survey_id, True, actor=coordinator)
        answering.close_for_answers(s, ws, survey_id, actor=coordinator)
        answering.open_for_answers(s, ws, survey_id)  # part of another action: no entry of its own
        s.commit()
    with db.session() as s:
        log = [(e.username, e.action, e.target, e.detail) for e in reversed(audit.entries(s))]
    assert log == [
        ("lin", "link_open", "课程满意度", {"version": 1}),
        ("lin", "link_setting", "课程满意度", {"one_answer_per_token": True}),
        ("lin", "link_close", "课程满意度", {}),
    ]


def account_with_role(db, ws, username, role) -> accounts.SignedIn:
    with db.session() as s:
        account = accounts.create_account(s, username, "long-enough-password")
        accounts.set_role(s, account.id, ws, role)
        s.commit()
        return accounts.signed_in(account)


def test_each_action_of_the_links_page_is_checked_audited_and_committed_personal_links_too(db, survey):
    ws, survey_id = survey
    lin = account_with_role(db, ws, "lin", "coordinator")
    assert answering.open_link(db, lin, ws, survey_id).is_open
    assert answering.require_one_answer_per_token(db, lin, ws, survey_id, True).one_answer_per_token
    tokens = answering.make_personal_links(db, lin, ws, survey_id, 3)
    assert not answering.close_link(db, lin, ws, survey_id).is_open
    with pytest.raises(ValueError, match="links.count_bad"):
        answering.make_personal_links(db, lin, ws, survey_id, 0)
    with db.session() as s:
        log = [(e.username, e.action, e.detail) for e in reversed(audit.entries(s))]
        assert answering.link_state(s, ws, survey_id).personal_links == 3
    assert log == [
        ("lin", "link_open", {"version": 1}),
        ("lin", "link_setting", {"one_answer_per_token": True}),
        ("lin", "personal_links", {"count": 3}),
        ("lin", "link_close", {}),
    ]
    assert not any(token in str(log) for token in tokens)  # the tokens stay out of the log


def test_a_role_that_may_not_design_surveys_is_refused_and_nothing_is_written(db, survey):
    ws, survey_id = survey
    manager = account_with_role(db, ws, "mo", "manager")
    for action, args in (
        (answering.open_link, ()),
        (answering.close_link, ()),
        (answering.require_one_answer_per_token, (True,)),
        (answering.make_personal_links, (5,)),
    ):
        with pytest.raises(AccountError, match="not_permitted"):
            action(db, manager, ws, survey_id, *args)
    with db.session() as s:
        state = answering.link_state(s, ws, survey_id)
        assert audit.entries(s) == []
    assert (state.link_token, state.one_answer_per_token, state.personal_links) == (None, False, 0)


def test_another_workspace_cannot_open_the_survey(db, survey):
    _, survey_id = survey
    with db.session() as s, pytest.raises(store.NotFound):
        answering.open_for_answers(s, 999, survey_id)


def test_an_answer_is_stored_with_trimmed_text_and_counted(db, survey):
    token = opened(db, survey)
    submit(db, token)
    frame = stored(db, survey)
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row["clear"], row["again"], row["class"], row["wave"]) == (4.0, 1.0, "2A", "mid")
    assert row.isna()["pace"]
    with db.session() as s:
        assert answering.link_state(s, *survey).answers == 1


def test_a_closed_survey_and_an_unknown_link_refuse_answers(db, survey):
    ws, survey_id = survey
    token = opened(db, survey)
    with db.session() as s:
        answering.close_for_answers(s, ws, survey_id)
        s.commit()
    assert refusal(db, token) == ["answer.closed"]
    for bad in ("nope", "", "x" * 500, "../../etc"):
        with pytest.raises(LinkNotFound):
            submit(db, bad)
    assert stored(db, survey).empty


def test_values_off_the_scale_and_unknown_questions_are_refused(db, survey):
    token = opened(db, survey)
    for value in (0.0, 6.0, 3.5, float("nan"), True, "4"):
        assert refusal(db, token, answers={**GOOD, "pace": value}) == ["answer.value_bad"]
    assert refusal(db, token, answers={**GOOD, "bogus": 1.0}) == ["answer.unknown_item"]
    assert refusal(db, token, about={**ABOUT, "bogus": "x"}) == ["answer.unknown_item"]
    assert stored(db, survey).empty


def test_required_answers_must_be_there(db, survey):
    token = opened(db, survey)
    assert refusal(db, token, answers={"pace": 3.0}) == ["answer.required_missing"] * 2  # clear, again
    assert refusal(db, token, answers={**GOOD, "again": None}) == ["answer.required_missing"]  # no "n/a" there
    assert refusal(db, token, about={"class": "   "}) == ["answer.required_missing"]
    # "not applicable" (None) answers a required item where its scale offers it
    submit(db, token, answers={**GOOD, "clear": None})
    assert len(stored(db, survey)) == 1


def test_long_text_is_cut_and_control_characters_removed(db, survey):
    token = opened(db, survey)
    submit(db, token, about={"class": "\x00A" + "b" * 1000})
    assert stored(db, survey).iloc[0]["class"] == "A" + "b" * (answering.ATTRIBUTE_MAX - 1)


def test_one_answer_per_personal_token(db, survey):
    ws, survey_id = survey
    token = opened(db, survey, per_token=True)
    with db.session() as s:
        tokens = answering.create_personal_links(s, ws, survey_id, 3)
        s.commit()
    assert len(set(tokens)) == 3
    assert refusal(db, token) == ["answer.token_needed"]
    assert refusal(db, token, personal="made-up") == ["answer.token_unknown"]
    submit(db, token, personal=tokens[0])
    assert refusal(db, token, personal=tokens[0]) == ["answer.token_used"]
    submit(db, token, personal=tokens[1])
    with db.session() as s:
        state = answering.link_state(s, ws, survey_id)
        links = answering.personal_links(s, ws, survey_id)
    assert (state.answers, state.personal_links, state.personal_answered) == (2, 3, 2)
    assert [(x.number, x.token, x.answered) for x in links] == [
        (1, tokens[0], True),
        (2, tokens[1], True),
        (3, tokens[2], False),
    ]
    csv_text = answering.personal_links_csv(links, "https://x.org/app/", token, "en").decode("utf-8-sig")
    lines = csv_text.splitlines()
    assert lines[0] == "No.,Personal token,Link,Answered"
    assert lines[3] == f"3,{tokens[2]},https://x.org/app/answer?s={token}&t={tokens[2]},No"


def test_the_unique_constraint_refuses_a_reused_token_that_slipped_past_the_check(db, survey, monkeypatch):
    ws, survey_id = survey
    token = opened(db, survey, per_token=True)
    with db.session() as s:
        personal = answering.create_personal_links(s, ws, survey_id, 1)[0]
        s.commit()
    submit(db, token, personal=personal)
    checks = []
    real_check = answering._token_used

    def check_passes_first(*args):  # as if the other answer was stored right after this check
        checks.append(args)
        return False if len(checks) == 1 else real_check(*args)

    monkeypatch.setattr(answering, "_token_used", check_passes_first)
    with pytest.raises(AnswerRefused) as refused, db.session() as s:
        answering.submit_answer(s, token, GOOD, ABOUT, respondent_token=personal)
    assert refused.value.ids == ["answer.token_used"]
    assert len(stored(db, survey)) == 1


def test_two_answers_at_once_with_one_token_store_exactly_one(db, survey):
    ws, survey_id = survey
    token = opened(db, survey, per_token=True)
    with db.session() as s:
        personal = answering.create_personal_links(s, ws, survey_id, 1)[0]
        s.commit()
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def answer():
        start.wait()
        try:
            submit(db, token, personal=personal)
            outcomes.append("stored")
        except AnswerRefused as refused:
            outcomes.extend(refused.ids)

    threads = [threading.Thread(target=answer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["answer.token_used", "stored"]
    assert len(stored(db, survey)) == 1


def test_a_new_version_takes_over_the_link_when_opened_again(db, survey):
    ws, survey_id = survey
    token = opened(db, survey, per_token=False)
    submit(db, token)
    with db.session() as s:
        defn = store.load_definition(s, ws, store.current_version(s, ws, survey_id).id)
        nodes = (*defn.nodes, Node("extra", "item", "补充", "Extra", role="overall", scale="s5"))
        store.save_definition(s, ws, survey_id, SurveyDefinition(defn.title_zh, defn.title_en, defn.scales, nodes))
        state = answering.link_state(s, ws, survey_id)
        s.commit()
    assert (state.link_version, state.current_version, state.is_open) == (1, 2, True)
    with db.session() as s:
        moved = answering.open_for_answers(s, ws, survey_id)
        s.commit()
    assert (moved.link_version, moved.link_token, moved.answers) == (2, token, 0)
    submit(db, token, answers={**GOOD, "extra": 5.0})
    assert stored(db, survey)["version"].tolist() == [1, 2]


def test_links_as_urls():
    assert answering.answer_url("https://x.org/s/", "abc") == "https://x.org/s/answer?s=abc"
    assert answering.answer_url("http://h:8501", "abc", respondent_token="t1", lang="en") == (
        "http://h:8501/answer?s=abc&t=t1&lang=en"
    )
    assert answering.base_url_of("https://x.org/survey/links", "links") == "https://x.org/survey"
    assert answering.base_url_of("http://127.0.0.1:8501/links", "links") == "http://127.0.0.1:8501"
    assert answering.base_url_of("http://127.0.0.1:8501/", "links") == "http://127.0.0.1:8501"
    assert answering.base_url_of("javascript:alert(1)", "links") is None
    assert answering.base_url_of(None, "links") is None
