"""The classroom (survey.classroom) on SQLite and PostgreSQL: classes, joining, group surveys, results, peer review.

Expected results are worked out by hand from the answers each test stores, with the formulas of domain.md:
an item's index is (mean − min)/(max − min) × 100; NPS = %promoters (9–10) − %detractors (0–6).
"""

import math
import re
from pathlib import Path

import pytest

from survey import answering, classroom
from survey.access import accounts, audit
from survey.classroom import ClassError, Criterion, Indicator
from survey.i18n import MESSAGES
from survey.storage import store
from survey.storage import tables as tb

PASSWORD = "correct horse battery"


def account(s, username: str) -> int:
    return accounts.create_account(s, username, PASSWORD).id


def new_class(s, teacher: int, groups=("A", "B", "C"), name: str = "Marketing 1") -> classroom.ClassSummary:
    return classroom.create_class(s, teacher, name, list(groups))


def student(s, username: str, summary: classroom.ClassSummary, group: int) -> int:
    account_id = account(s, username)
    classroom.join_class(s, account_id, summary.join_code, summary.groups[group].id)
    return account_id


def add_answers(s, ws: int, survey_id: int, rows: list[dict]) -> None:
    version = store.current_version(s, ws, survey_id)
    store.add_responses(s, ws, version.id, [{"answers": r} for r in rows])


def by_code(results: classroom.GroupResults) -> dict:
    return results.indicators.set_index("code").to_dict("index")


# --- classes and join codes ---------------------------------------------------------------------------


def test_a_teacher_creates_a_class_workspace_with_groups_and_a_join_code(db):
    with db.session() as s:
        teacher = account(s, "teacher")
        made = classroom.create_class(s, teacher, "  市场营销 1 班 ", ["第1组", "", "  第2组 "])
        s.commit()
        assert made.name == "市场营销 1 班"
        assert [g.name for g in made.groups] == ["第1组", "第2组"]
        assert re.fullmatch(r"[A-HJKMNP-Z2-9]{12}", made.join_code)  # no 0/O, 1/I/L; 31^12 codes (README)
        assert s.get(tb.Workspace, made.workspace_id).kind == "class"
        who = accounts.signed_in(s.get(tb.Account, teacher))
        place = accounts.place(s, who, made.workspace_id)
        assert (place.role, place.kind) == ("teacher", "class")
        assert classroom.classes_of(s, who) == [made]
        other = accounts.signed_in(s.get(tb.Account, account(s, "other-teacher")))
        assert classroom.classes_of(s, other) == []


@pytest.mark.parametrize(
    ("name", "groups", "message"),
    [
        ("", ["A"], "classes.name_empty"),
        ("Class", ["", "  "], "classes.groups_empty"),
        ("Class", ["A", "a"], "classes.group_duplicate"),
        ("Class", [f"G{k}" for k in range(classroom.GROUPS_MAX + 1)], "classes.groups_many"),
        ("x" * (classroom.NAME_MAX + 1), ["A"], "classes.name_long"),
    ],
)
def test_a_class_needs_a_name_and_distinct_groups(db, name, groups, message):
    with db.session() as s:
        teacher = account(s, "teacher")
        with pytest.raises(ClassError) as refused:
            classroom.create_class(s, teacher, name, groups)
        assert refused.value.message == message
        assert s.query(tb.ClassRoom).count() == 0


def test_students_join_with_the_code_in_any_case_and_a_new_code_retires_the_old_one(db):
    with db.session() as s:
        made = new_class(s, account(s, "teacher"))
        ann = account(s, "ann")
        typed = f" {made.join_code[:3].lower()}-{made.join_code[3:].lower()} "
        assert classroom.join_class(s, ann, typed, made.groups[1].id) == made.workspace_id
        place = accounts.place(s, accounts.signed_in(s.get(tb.Account, ann)), made.workspace_id)
        assert (place.role, place.group_id) == ("student", made.groups[1].id)
        assert place.may("group.design") and not place.may("classes.manage")

        classroom.join_class(s, ann, made.join_code, made.groups[0].id)  # joining again moves her
        assert [m.group_id for m in classroom.members(s, made.workspace_id)] == [made.groups[0].id]

        new = classroom.regenerate_code(s, made.workspace_id)
        assert new != made.join_code
        with pytest.raises(ClassError) as refused:
            classroom.join_class(s, account(s, "bob"), made.join_code, made.groups[0].id)
        assert refused.value.message == "join.code_unknown"
        assert classroom.class_summary(s, made.workspace_id).students == 1


def test_closed_joining_wrong_codes_and_foreign_groups_are_refused(db):
    with db.session() as s:
        made = new_class(s, account(s, "teacher"))
        other = new_class(s, account(s, "teacher2"), name="Other class")
        bob = account(s, "bob")
        for code in ("", "ABC", "0OIL10", "ZZZZZZ" if made.join_code != "ZZZZZZ" else "YYYYYY", "x" * 500):
            with pytest.raises(ClassError) as refused:
                classroom.join_class(s, bob, code, made.groups[0].id)
            assert refused.value.message == "join.code_unknown"
        with pytest.raises(ClassError) as refused:
            classroom.join_class(s, bob, made.join_code, other.groups[0].id)  # a group of another class
        assert refused.value.message == "join.group_unknown"

        classroom.set_joining_open(s, made.workspace_id, False)
        with pytest.raises(ClassError) as refused:
            classroom.join_class(s, bob, made.join_code, made.groups[0].id)
        assert refused.value.message == "join.closed"
        classroom.set_joining_open(s, made.workspace_id, True)
        classroom.join_class(s, bob, made.join_code, made.groups[0].id)
        assert classroom.class_summary(s, made.workspace_id).groups[0].students == 1


def test_the_teacher_cannot_join_their_own_class_as_a_student(db):
    with db.session() as s:
        teacher = account(s, "teacher")
        made = new_class(s, teacher)
        with pytest.raises(ClassError) as refused:
            classroom.join_class(s, teacher, made.join_code, made.groups[0].id)
        assert refused.value.message == "join.other_role"
        assert accounts.memberships(s, teacher)[made.workspace_id] == "teacher"


def test_groups_are_added_and_renamed_without_duplicates(db):
    with db.session() as s:
        made = new_class(s, account(s, "teacher"), groups=("A", "B"))
        ws = made.workspace_id
        added = classroom.add_group(s, ws, " D ")
        classroom.rename_group(s, ws, made.groups[0].id, "Alpha")
        with pytest.raises(ClassError):
            classroom.rename_group(s, ws, made.groups[1].id, "alpha")
        with pytest.raises(ClassError):
            classroom.add_group(s, ws, "  ")
        assert [(g.id, g.name) for g in classroom.class_summary(s, ws).groups] == [
            (made.groups[0].id, "Alpha"),
            (made.groups[1].id, "B"),
            (added, "D"),
        ]


# --- the groups' surveys -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "first_indicators", "count"),
    [
        ("course", ["useful", "current", "structure"], 13),
        ("canteen", ["food", "price", "hygiene"], 5),
        ("blank", [], 0),
    ],
)
def test_a_group_starts_its_survey_from_a_template_with_nps_loyalty_and_an_open_link(
    db, template, first_indicators, count
):
    with db.session() as s:
        made = new_class(s, account(s, "teacher"), groups=("<b>Red</b>", "Blue"))
        ws, group = made.workspace_id, made.groups[0].id
        survey_id = classroom.start_group_survey(s, ws, group, template)
        s.commit()
        assert store.get_survey(s, ws, survey_id).title_en.startswith("<b>Red</b>: ")
        codes = [i.code for i in classroom.indicators(s, ws, group)]
        assert codes[:3] == first_indicators and len(codes) == count
        defn = classroom.group_definition(s, ws, group)
        assert defn.items_with_role("recommend") and defn.items_with_role("loyalty")
        state = answering.link_state(s, ws, survey_id)
        assert state.is_open
        linked = answering.questionnaire_for_link(s, state.link_token)
        assert (linked.workspace_id, linked.survey_id, linked.is_open) == (ws, survey_id, True)
        with pytest.raises(ClassError) as refused:
            classroom.start_group_survey(s, ws, group, "canteen")
        assert refused.value.message == "group.survey_exists"
        assert classroom.group_info(s, ws, made.groups[1].id).survey_id is None
    with pytest.raises(ValueError):
        classroom.group_template("servqual", "X")


def test_planned_satisfaction_is_kept_per_indicator_on_0_to_100(db):
    with db.session() as s:
        made = new_class(s, account(s, "teacher"))
        ws, group = made.workspace_id, made.groups[0].id
        survey_id = classroom.start_group_survey(s, ws, group, "canteen")
        classroom.set_planned(s, ws, group, {"food": 80, "price": 62.5})
        s.commit()
        planned = {i.code: i.planned for i in classroom.indicators(s, ws, group)}
        assert planned == {"food": 80.0, "price": 62.5, "hygiene": None, "service": None, "environment": None}
        classroom.set_planned(s, ws, group, {"price": None})
        assert store.targets(s, ws, survey_id) == {"indicator:food": 80.0}
        for wrong in (-1, 100.5, "much"):
            with pytest.raises(ClassError) as refused:
                classroom.set_planned(s, ws, group, {"food": wrong})
            assert refused.value.message == "group.planned_bad"
        with pytest.raises(ClassError) as refused:
            classroom.set_planned(s, ws, group, {"food_taste": 50})  # an item, not an indicator
        assert refused.value.message == "group.indicator_unknown"
        with pytest.raises(ValueError):
            store.set_target(s, ws, survey_id, "indicator:", 50)
        assert store.targets(s, ws, survey_id) == {"indicator:food": 80.0}


def test_course_results_actual_against_planned_nps_and_loyalty_by_hand(db):
    with db.session() as s:
        made = new_class(s, account(s, "teacher"))
        ws, group = made.workspace_id, made.groups[0].id
        survey_id = classroom.start_group_survey(s, ws, group, "course")
        classroom.set_planned(s, ws, group, {"useful": 80, "current": 60})
        add_answers(
            s,
            ws,
            survey_id,
            [
                {"useful_p": 5, "current_p": 3, "useful_e": 1, "nps": 10, "loy_teacher": 5, "loy_related": 2},
                {"useful_p": 4, "current_p": 3, "nps": 9, "loy_teacher": 3, "loy_related": 2},
            ],
        )
        s.commit()
        token = answering.link_state(s, ws, survey_id).link_token
    with db.session() as s:  # the third answer through the group's questionnaire link
        answering.submit_answer(s, token, {"current_p": 2.0, "nps": 6.0, "loy_related": 2.0}, {})
    with db.session() as s:
        got = classroom.group_results(s, ws, group)
    rows = by_code(got)
    # useful: answers 5, 4 → mean 4.5 → (4.5 − 1)/4 × 100 = 87.5; planned 80 → gap +7.5
    assert rows["useful"]["actual"] == pytest.approx(87.5)
    assert (rows["useful"]["planned"], rows["useful"]["n"]) == (80.0, 2)
    assert rows["useful"]["gap"] == pytest.approx(7.5)
    # current: 3, 3, 2 → mean 8/3 → (8/3 − 1)/4 × 100 = 41.67; planned 60 → gap −18.33
    assert rows["current"]["actual"] == pytest.approx(125 / 3)
    assert rows["current"]["gap"] == pytest.approx(125 / 3 - 60)
    assert rows["current"]["n"] == 3
    assert math.isnan(rows["structure"]["actual"]) and math.isnan(rows["structure"]["gap"])
    assert rows["structure"]["n"] == 0
    # the expectation item useful_e (answered 1) is not the actual satisfaction
    assert got.answers == 3
    # recommend 10, 9, 6: two promoters, one detractor of three → 33.3
    assert (got.nps, got.nps_n) == (pytest.approx(100 / 3), 3)
    # loyalty: loy_teacher 5, 3 → 75; loy_related 2, 2, 2 → 25; loy_speak unanswered → (75 + 25)/2
    assert (got.loyalty, got.loyalty_n) == (pytest.approx(50.0), 3)


def test_canteen_indicator_weighs_its_items_equally_not_its_answers(db):
    with db.session() as s:
        made = new_class(s, account(s, "teacher"))
        ws, group = made.workspace_id, made.groups[0].id
        survey_id = classroom.start_group_survey(s, ws, group, "canteen")
        add_answers(s, ws, survey_id, [{"food_taste": 5, "food_variety": 2}, {"food_taste": 3}, {"price_level": 4}])
        got = classroom.group_results(s, ws, group)
    rows = by_code(got)
    # taste 5, 3 → 75; variety 2 → 25; portion and freshness unanswered → food = (75 + 25)/2 = 50
    # (pooling the three answers would give (5 + 2 + 3)/3 → 58.3)
    assert rows["food"]["actual"] == pytest.approx(50.0)
    assert rows["food"]["n"] == 2
    assert rows["price"]["actual"] == pytest.approx(75.0)
    assert (got.answers, got.nps_n, got.loyalty_n) == (3, 0, 0)
    assert math.isnan(got.nps) and math.isnan(got.loyalty)


def test_a_blank_group_adds_relabels_and_removes_indicators_and_the_link_follows(db):
    with db.session() as s:
        made = new_class(s, account(s, "teacher"))
        ws, group = made.workspace_id, made.groups[0].id
        survey_id = classroom.start_group_survey(s, ws, group, "blank")
        token = answering.link_state(s, ws, survey_id).link_token
        codes = classroom.save_indicators(
            s,
            ws,
            group,
            [Indicator("", "<script>alert(1)</script>", "", 70), Indicator("", "", "Wi-Fi", None)],
        )
        assert codes == ["ind", "ind_2"]
        shown = classroom.indicators(s, ws, group)
        assert [(i.label("en"), i.planned) for i in shown] == [("<script>alert(1)</script>", 70.0), ("Wi-Fi", None)]
        defn = classroom.group_definition(s, ws, group)
        top = [n.code for n in defn.nodes if n.parent is None]
        assert top.index("ind_2") < top.index("nps")  # asked before the NPS and loyalty questions
        add_answers(s, ws, survey_id, [{"ind": 4, "ind_2": 2, "nps": 9}, {"ind": 5}])
        s.commit()

        codes = classroom.save_indicators(
            s, ws, group, [Indicator("ind", "座位", "Seats", 90), Indicator("", "菜价", "", 50)]
        )
        s.commit()
        assert codes == ["ind", "ind_3"]
        assert store.targets(s, ws, survey_id) == {"indicator:ind": 90.0, "indicator:ind_3": 50.0}
        current = store.current_version(s, ws, survey_id)
        assert current.number == 2  # answered, then items removed and added: a new version
        linked = answering.questionnaire_for_link(s, token)
        assert (linked.version_id, linked.is_open) == (current.id, True)  # the printed QR code still works
        got = classroom.group_results(s, ws, group)
    rows = by_code(got)
    # ind: answers 4, 5 (version 1) → 4.5 → 87.5; planned 90 → gap −2.5; the new indicator has no answers yet
    assert list(rows) == ["ind", "ind_3"]
    assert (rows["ind"]["label_zh"], rows["ind"]["actual"], rows["ind"]["gap"]) == ("座位", 87.5, -2.5)
    assert math.isnan(rows["ind_3"]["actual"]) and rows["ind_3"]["planned"] == 50.0
    assert got.answers == 2


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        ([Indicator("", "", "", None)], "group.label_empty"),
        ([Indicator("food_taste", "x", "x", None)], "group.indicator_unknown"),
        ([Indicator("", "x", "", 101)], "group.planned_bad"),
        ([Indicator("", "x" * 501, "", None)], "group.label_long"),
    ],
)
def test_wrong_indicator_edits_change_nothing(db, edits, message):
    with db.session() as s:
        made = new_class(s, account(s, "teacher"))
        ws, group = made.workspace_id, made.groups[0].id
        classroom.start_group_survey(s, ws, group, "canteen")
        with pytest.raises(ClassError) as refused:
            classroom.save_indicators(s, ws, group, edits)
        assert refused.value.message == message
        assert len(classroom.indicators(s, ws, group)) == 5


def test_compare_groups_gives_one_row_per_group(db):
    with db.session() as s:
        made = new_class(s, account(s, "teacher"), groups=("A", "B", "C"))
        ws = made.workspace_id
        a = classroom.start_group_survey(s, ws, made.groups[0].id, "course")
        b = classroom.start_group_survey(s, ws, made.groups[1].id, "blank")
        add_answers(s, ws, a, [{"nps": 10}, {"nps": 0}, {"nps": 8}])
        add_answers(s, ws, b, [{"nps": 9}])
        rows = classroom.compare_groups(s, ws)
    assert [(r.name, r.answers) for r in rows] == [("A", 3), ("B", 1), ("C", 0)]
    assert [r.template for r in rows] == ["course", None, None]
    assert rows[0].nps == pytest.approx(0.0) and rows[1].nps == 100.0
    assert rows[2].survey_id is None and rows[2].indicators.empty and math.isnan(rows[2].nps)


# --- peer review --------------------------------------------------------------------------------------


def test_peer_review_rules_and_totals(db):
    with db.session() as s:
        made = new_class(s, account(s, "teacher"), groups=("A", "B", "C"))
        ws = made.workspace_id
        a, b, c = (g.id for g in made.groups)
        ann, bob, cat = student(s, "ann", made, 0), student(s, "bob", made, 1), student(s, "cat", made, 2)
        classroom.set_rubric(s, ws, [Criterion("内容", "Content", 10), Criterion("", "Delivery", 5)])
        assert classroom.rubric(s, ws)[1].name("zh") == "Delivery"

        refusals = [
            ((a, a, {0: 5, 1: 5}, ann), "peer.own_group"),
            ((a, b, {0: 5, 1: 5}, bob), "peer.not_in_group"),  # bob is in B, not A
            ((a, b, {0: 11, 1: 5}, ann), "peer.score_bad"),
            ((a, b, {0: -1, 1: 5}, ann), "peer.score_bad"),
            ((a, b, {0: 5}, ann), "peer.score_bad"),
            ((a, b, {0: 5, 1: 2.5}, ann), "peer.score_bad"),
            ((a, b, {0: 5, 1: 5, 2: 1}, ann), "peer.score_unknown"),
        ]
        for args, message in refusals:
            with pytest.raises(ClassError) as refused:
                classroom.submit_peer_review(s, ws, *args[:3], account_id=args[3])
            assert refused.value.message == message, args

        classroom.submit_peer_review(s, ws, a, b, {0: 4, 1: 5}, account_id=ann)
        classroom.submit_peer_review(s, ws, a, b, {"0": 8, "1": 3}, account_id=ann)  # replaces the first
        classroom.submit_peer_review(s, ws, c, b, {0: 10, 1: 1}, account_id=cat)
        classroom.submit_peer_review(s, ws, b, a, {0: 7, 1: 0}, account_id=bob)
        s.commit()
        assert classroom.reviews_by(s, ws, a) == {b: {0: 8, 1: 3}}
        totals = {x.name: x for x in classroom.peer_review_totals(s, ws)}
    # B got (8 + 3) from A and (10 + 1) from C: total 22 over 2 reviews, criteria means 9 and 2
    assert (totals["B"].reviews, totals["B"].total, totals["B"].mean) == (2, 22, 11.0)
    assert totals["B"].criteria == (9.0, 2.0) and totals["B"].max_total == 15
    assert (totals["A"].reviews, totals["A"].total) == (1, 7)
    assert totals["C"].reviews == 0 and math.isnan(totals["C"].mean)


def test_the_rubric_is_checked_and_locked_once_reviews_are_in(db):
    with db.session() as s:
        made = new_class(s, account(s, "teacher"), groups=("A", "B"))
        ws = made.workspace_id
        assert [c.max for c in classroom.rubric(s, ws)] == [10, 10, 10, 10]  # the default rubric
        for criteria, message in [
            ([], "peer.rubric_empty"),
            ([Criterion("", " ", 10)], "peer.criterion_name_empty"),
            ([Criterion("x", "", 0)], "peer.criterion_max_bad"),
            ([Criterion("x", "", 101)], "peer.criterion_max_bad"),
            ([Criterion("x", "", 2.5)], "peer.criterion_max_bad"),
            ([Criterion(f"c{k}", "", 5) for k in range(classroom.CRITERIA_MAX + 1)], "peer.rubric_long"),
        ]:
            with pytest.raises(ClassError) as refused:
                classroom.set_rubric(s, ws, criteria)
            assert refused.value.message == message
        ann = student(s, "ann", made, 0)
        classroom.set_rubric(s, ws, [Criterion("内容", "Content", 10)])
        classroom.submit_peer_review(s, ws, made.groups[0].id, made.groups[1].id, {0: 9}, account_id=ann)
        classroom.set_rubric(s, ws, [Criterion("内容与分析", "Content and analysis", 10)])  # names may change
        with pytest.raises(ClassError) as refused:
            classroom.set_rubric(s, ws, [Criterion("内容", "Content", 20)])
        assert refused.value.message == "peer.rubric_locked" and refused.value.params == {"count": 1}
        assert classroom.clear_peer_reviews(s, ws) == 1
        classroom.set_rubric(s, ws, [Criterion("内容", "Content", 20)])
        assert classroom.peer_review_totals(s, ws)[1].max_total == 20


# --- user actions: permission, change, audit entry and commit in one transaction --------------------------


def signed_in(s, account_id: int) -> accounts.SignedIn:
    return accounts.signed_in(s.get(tb.Account, account_id))


def log(s) -> list[tuple[str, str, str]]:
    """(action, username, target) of every audit entry, oldest first."""
    return [(e.action, e.username, e.target) for e in reversed(audit.entries(s))]


def written(db) -> dict[str, int]:
    """How many rows the classroom actions could have written: to see that a refused one wrote nothing."""
    with db.session() as s:
        kinds = (tb.AuditEntry, tb.Account, tb.Membership, tb.ClassGroup, tb.PeerReview, tb.Survey, tb.SurveyVersion)
        return {k.__name__: s.query(k).count() for k in kinds} | {
            "join_codes": sorted(r.join_code + str(r.joining_open) + str(r.rubric) for r in s.query(tb.ClassRoom))
        }


@pytest.fixture
def room(db):
    """A class of "teacher" with groups A and B; ann is in A, bob in B; A has a canteen survey. Committed."""
    with db.session() as s:
        teacher = account(s, "teacher")
        made = new_class(s, teacher, groups=("A", "B"))
        ann, bob = student(s, "ann", made, 0), student(s, "bob", made, 1)
        classroom.start_group_survey(s, made.workspace_id, made.groups[0].id, "canteen")
        s.commit()
    return made, {"teacher": teacher, "ann": ann, "bob": bob}


def test_each_teacher_action_commits_its_change_with_an_audit_entry(db, room):
    made, who = room
    ws, (a, b) = made.workspace_id, (g.id for g in made.groups)
    with db.session() as s:
        teacher = signed_in(s, who["teacher"])
        second = classroom.start_class(s, teacher, "Marketing 2", ["X", "Y"])
        classroom.set_joining(s, teacher, ws, False)
        code = classroom.change_join_code(s, teacher, ws)
        assert classroom.save_groups(s, teacher, ws, [(a, "Alpha"), (b, "B"), (None, "C"), (None, "")]) == 2
        classroom.save_rubric(s, teacher, ws, [Criterion("内容", "Content", 10)])
    with db.session() as s:  # every change is committed: a new session sees it
        assert [c.name for c in classroom.classes_of(s, signed_in(s, who["teacher"]))] == ["Marketing 1", "Marketing 2"]
        summary = classroom.class_summary(s, ws)
        assert (summary.joining_open, summary.join_code) == (False, code)
        assert [g.name for g in summary.groups] == ["Alpha", "B", "C"]
        assert classroom.rubric(s, ws) == [Criterion("内容", "Content", 10)]
        assert log(s) == [
            ("class_create", "teacher", "Marketing 2"),
            ("class_joining", "teacher", "Marketing 1"),
            ("class_code", "teacher", "Marketing 1"),
            ("group_rename", "teacher", "Alpha"),
            ("group_add", "teacher", "C"),
            ("rubric_set", "teacher", "Marketing 1"),
        ]
        entries = {e.action: e for e in audit.entries(s)}
        assert entries["class_create"].workspace_id == second.workspace_id
        assert entries["class_create"].detail == {"groups": 2}
        assert entries["class_joining"].detail == {"open": False}
        assert entries["rubric_set"].detail == {"criteria": 1}


def test_each_student_action_commits_its_change_with_an_audit_entry(db, room):
    made, who = room
    ws, (a, b) = made.workspace_id, (g.id for g in made.groups)
    with db.session() as s:
        bob = signed_in(s, who["bob"])
        survey_id = classroom.start_survey(s, bob, ws, b, "blank")
        codes = classroom.save_group_indicators(s, bob, ws, b, [Indicator("", "座位", "Seats", 70)])
        answering.close_for_answers(s, ws, survey_id)
        s.commit()
        state = classroom.reopen_link(s, bob, ws, b)  # reopening the link is audited too
        classroom.review_group(s, signed_in(s, who["ann"]), ws, a, b, {0: 9, 1: 8, 2: 7, 3: 6})
    with db.session() as s:
        assert codes == ["ind"] and state.is_open and answering.link_state(s, ws, survey_id).is_open
        assert classroom.reviews_by(s, ws, a) == {b: {0: 9, 1: 8, 2: 7, 3: 6}}
        assert log(s) == [
            ("group_survey", "bob", "B"),
            ("group_indicators", "bob", "B"),
            ("link_open", "bob", store.get_survey(s, ws, survey_id).title_zh),
            ("peer_review", "ann", "A → B"),
        ]
        entries = {e.action: e for e in audit.entries(s)}
        assert entries["group_survey"].detail == {"template": "blank", "survey_id": survey_id}
        assert entries["group_indicators"].detail == {"indicators": 1}
        assert {e.workspace_id for e in entries.values()} == {ws}
    with db.session() as s:
        assert classroom.clear_reviews(s, signed_in(s, who["teacher"]), ws) == 1
    with db.session() as s:
        assert classroom.review_count(s, ws) == 0
        cleared = audit.entries(s, action="peer_review_clear")
        assert [(e.username, e.target, e.detail) for e in cleared] == [("teacher", "Marketing 1", {"reviews": 1})]


def test_joining_is_audited_and_a_new_account_and_its_joining_are_one_transaction(db, room):
    made, who = room
    b = made.groups[1].id
    with db.session() as s:
        carl = account(s, "carl")
        s.commit()
        assert classroom.join(s, carl, made.join_code.lower(), b) == made.workspace_id
        dana, ws = classroom.join_with_new_account(s, made.join_code, b, username="Dana", password=PASSWORD)
    with db.session() as s:
        assert ws == made.workspace_id
        assert [m.username for m in classroom.members(s, ws) if m.group_id == b] == ["bob", "carl", "dana"]
        assert log(s) == [("class_join", "carl", "B"), ("account_create", "dana", "dana"), ("class_join", "dana", "B")]
        assert s.get(tb.Account, dana).username == "dana"
    before = written(db)
    with db.session() as s:
        with pytest.raises(ClassError) as refused:  # a group of no class: no account is left behind
            classroom.join_with_new_account(s, made.join_code, 10**6, username="eve", password=PASSWORD)
        assert refused.value.message == "join.group_unknown"
        with pytest.raises(accounts.AccountError):  # the username is taken
            classroom.join_with_new_account(s, made.join_code, b, username="carl", password=PASSWORD)
        with pytest.raises(ClassError):  # the teacher cannot join as a student
            classroom.join(s, who["teacher"], made.join_code, b)
    assert written(db) == before


def refused_actions(made, who):
    """(action, expected refusal) of actions that must change nothing: each with a wrong permission or
    precondition. `s` and `as_` (username → SignedIn) are given when called."""
    ws, (a, b) = made.workspace_id, (g.id for g in made.groups)
    return [
        # a student does what only the teacher may
        (lambda s, as_: classroom.set_joining(s, as_("ann"), ws, False), "classes.not_allowed"),
        (lambda s, as_: classroom.change_join_code(s, as_("ann"), ws), "classes.not_allowed"),
        (lambda s, as_: classroom.save_groups(s, as_("ann"), ws, [(None, "Mine")]), "classes.not_allowed"),
        (lambda s, as_: classroom.save_rubric(s, as_("ann"), ws, [Criterion("x", "", 5)]), "classes.not_allowed"),
        (lambda s, as_: classroom.clear_reviews(s, as_("ann"), ws), "classes.not_allowed"),
        (lambda s, as_: classroom.start_class(s, as_("ann"), "Mine", ["A"]), "classes.not_allowed"),
        # another class's teacher
        (lambda s, as_: classroom.set_joining(s, as_("other"), ws, False), "classes.not_allowed"),
        (lambda s, as_: classroom.clear_reviews(s, as_("other"), ws), "classes.not_allowed"),
        # a student of another group, or the teacher, designs or reviews for a group
        (lambda s, as_: classroom.start_survey(s, as_("ann"), ws, b, "blank"), "classes.not_allowed"),
        (lambda s, as_: classroom.start_survey(s, as_("teacher"), ws, b, "blank"), "classes.not_allowed"),
        (lambda s, as_: classroom.save_group_indicators(s, as_("bob"), ws, a, []), "classes.not_allowed"),
        (lambda s, as_: classroom.reopen_link(s, as_("bob"), ws, a), "classes.not_allowed"),
        (
            lambda s, as_: classroom.review_group(s, as_("bob"), ws, a, b, {0: 1, 1: 1, 2: 1, 3: 1}),
            "classes.not_allowed",
        ),
        # preconditions: the group's data is checked after the permission, all or nothing
        (lambda s, as_: classroom.start_survey(s, as_("ann"), ws, a, "course"), "group.survey_exists"),
        (
            lambda s, as_: classroom.save_group_indicators(s, as_("ann"), ws, a, [Indicator("", "", "")]),
            "group.label_empty",
        ),
        (lambda s, as_: classroom.reopen_link(s, as_("bob"), ws, b), "group.no_survey"),
        (lambda s, as_: classroom.review_group(s, as_("ann"), ws, a, a, {0: 1}), "peer.own_group"),
        (lambda s, as_: classroom.review_group(s, as_("ann"), ws, a, b, {0: 11}), "peer.score_bad"),
        (lambda s, as_: classroom.save_rubric(s, as_("teacher"), ws, []), "peer.rubric_empty"),
        (lambda s, as_: classroom.start_class(s, as_("teacher"), "", ["A"]), "classes.name_empty"),
        (
            lambda s, as_: classroom.save_groups(s, as_("teacher"), ws, [(None, "C"), (a, "b")]),
            "classes.group_duplicate",
        ),
        (
            lambda s, as_: classroom.save_groups(s, as_("teacher"), ws, [(a, "Alpha"), (b, "")]),
            "classes.group_name_empty",
        ),
    ]


def test_a_refused_action_writes_nothing_not_even_its_audit_entry(db, room):
    made, who = room
    with db.session() as s:
        who["other"] = account(s, "other")
        new_class(s, who["other"], name="Other class")
        s.commit()
    before = written(db)
    for action, message in refused_actions(made, who):
        with db.session() as s:
            with pytest.raises(ClassError) as refused:
                action(s, lambda name: signed_in(s, who[name]))
            assert refused.value.message == message
        assert written(db) == before, message
    with db.session() as s:
        assert [g.name for g in classroom.class_summary(s, made.workspace_id).groups] == ["A", "B"]
        assert log(s) == []


def test_what_a_group_gave_comes_with_each_reviews_total_and_the_rubrics_best_total(db, room):
    made, who = room
    ws, (a, b) = made.workspace_id, (g.id for g in made.groups)
    with db.session() as s:
        classroom.save_rubric(
            s, signed_in(s, who["teacher"]), ws, [Criterion("内容", "Content", 10), Criterion("", "Delivery", 5)]
        )
        assert classroom.reviews_given(s, ws, a) == classroom.GroupReviews(
            criteria=(Criterion("内容", "Content", 10), Criterion("", "Delivery", 5)),
            scores={},
            totals={},
            max_total=15,
        )
        classroom.review_group(s, signed_in(s, who["ann"]), ws, a, b, {0: 8, 1: 3})
        given = classroom.reviews_given(s, ws, a)
    # 8 + 3 = 11 of at most 10 + 5 = 15
    assert (given.scores, given.totals, given.max_total) == ({b: {0: 8, 1: 3}}, {b: 11}, 15)
    assert classroom.max_total([]) == 0


# --- workspaces -----------------------------------------------------------------------------------------


def test_nothing_reaches_another_class_or_workspace(db, ws):
    with db.session() as s:
        mine = new_class(s, account(s, "teacher"), groups=("A", "B"))
        theirs = new_class(s, account(s, "teacher2"), groups=("X", "Y"))
        me, foreign = mine.workspace_id, theirs.groups[0].id
        ann = student(s, "ann", mine, 0)
        classroom.start_group_survey(s, theirs.workspace_id, foreign, "course")
        attempts = [
            lambda: classroom.group_results(s, me, foreign),
            lambda: classroom.group_info(s, me, foreign),
            lambda: classroom.start_group_survey(s, me, foreign, "blank"),
            lambda: classroom.set_planned(s, me, foreign, {"useful": 50}),
            lambda: classroom.indicators(s, me, foreign),
            lambda: classroom.save_indicators(s, me, foreign, []),
            lambda: classroom.rename_group(s, me, foreign, "Mine now"),
            lambda: classroom.submit_peer_review(s, me, mine.groups[0].id, foreign, {0: 1}, account_id=ann),
            lambda: classroom.reviews_by(s, me, foreign),
            lambda: classroom.class_summary(s, ws),  # an organisation's workspace is no class
            lambda: classroom.compare_groups(s, ws),
            lambda: classroom.group_results(s, me, "1"),  # an id from a URL, not a number
        ]
        for attempt in attempts:
            with pytest.raises(store.NotFound):
                attempt()
        # a group pointing at a survey of another workspace (a tampered row) is refused too
        survey_id = store.create_survey(s, ws, classroom.group_template("blank", "Z")).id
        s.get(tb.ClassGroup, mine.groups[1].id).survey_id = survey_id
        s.flush()
        with pytest.raises(store.NotFound):
            classroom.indicators(s, me, mine.groups[1].id)
        with pytest.raises(store.NotFound):
            classroom.group_results(s, me, mine.groups[1].id)
        assert classroom.group_info(s, theirs.workspace_id, foreign).name == "X"


def test_every_refusal_of_the_classroom_is_translated():
    parts = Path(classroom.__file__).parent.glob("*.py")
    source = "".join(p.read_text(encoding="utf-8") for p in parts)
    ids = set(re.findall(r'ClassError\(\s*"([a-z_.]+)"', source))
    assert len(ids) > 20
    assert sorted(i for i in ids if i not in MESSAGES) == []
