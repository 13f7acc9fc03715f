"""The classroom pages in AppTest: a teacher's class, students joining, a group's survey and results, peer review.

The teacher and student are the demo database's test accounts (tests/pages/conftest.py); classes are made
through the page or, to set a scene, through survey.classroom on the same database.
"""

import dataclasses
import io
from datetime import timedelta

import pytest
from pptx import Presentation
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from survey import answering, classroom
from survey.access import accounts, audit, throttle
from survey.i18n import text
from survey.storage import store
from survey.storage import tables as tb
from survey.storage.db import open_database
from tests.pages.conftest import PASSWORD, ROLE_ACCOUNTS, ROOT, make_app, open_page
from tests.pages.test_dashboard_exports import download
from ui.i18n import plain


@pytest.fixture
def db(app_database):
    database = open_database(app_database)
    yield database
    database.dispose()


@pytest.fixture
def media(monkeypatch) -> list:
    """The media file managers of the AppTest runs, to fetch a download button's file (as in
    test_dashboard_exports.py)."""
    made = []

    class Recording(MediaFileManager):
        def __init__(self, storage):
            super().__init__(storage)
            made.append(self)

    monkeypatch.setattr(app_test_module, "MediaFileManager", Recording)
    return made


def account_id(s, username: str) -> int:
    return s.query(tb.Account.id).filter_by(username=username).scalar()


@pytest.fixture
def scene(db) -> classroom.ClassSummary:
    """A class of the test teacher with groups Red and Blue; the test student is in Red."""
    with db.session() as s:
        made = classroom.create_class(s, account_id(s, ROLE_ACCOUNTS["teacher"]), "Marketing 1", ["Red", "Blue"])
        classroom.join_class(s, account_id(s, ROLE_ACCOUNTS["student"]), made.join_code, made.groups[0].id)
        s.commit()
    return made


def as_student(made: classroom.ClassSummary, page: str, lang: str = "en") -> AppTest:
    at = make_app(lang, "student")
    at.session_state["workspace_id"] = made.workspace_id
    return open_page(at, page)


def as_teacher(made: classroom.ClassSummary | None = None) -> AppTest:
    at = make_app("en", "teacher")
    if made is not None:
        at.session_state["classes_class"] = made.workspace_id
    return open_page(at, "classes")


def table_with(at: AppTest, column_key: str):
    """The first table (not editor) of the page with this column."""
    column = text("en", column_key)
    return next(d.value for d in at.dataframe if column in d.value.columns)


def submit(at: AppTest, form: str, label_key: str) -> AppTest:
    return at.button(key=f"FormSubmitter:{form}-{text('en', label_key)}").click().run()


# --- the teacher ---------------------------------------------------------------------------------------------


def test_a_teacher_creates_a_class_and_shows_its_code_and_qr_code(app_database, db):
    at = as_teacher()
    assert at.info[0].value == text("en", "classes.none")
    at.text_input[0].input("Marketing <b>1</b>")
    at.text_area[0].input("Red\n\nBlue\n")
    submit(at, "new_class", "classes.create")
    assert not at.exception and not at.error
    with db.session() as s:
        room = s.query(tb.ClassRoom).one()
        ws = s.get(tb.Workspace, room.workspace_id)
        groups = [g.name for g in room.groups]
        entry = audit.entries(s, action="class_create")[0]
    assert (ws.name, ws.kind, groups) == ("Marketing <b>1</b>", "class", ["Red", "Blue"])
    assert entry.username == ROLE_ACCOUNTS["teacher"] and entry.workspace_id == ws.id
    # the name is shown as typed: its markup is escaped, never rendered
    assert at.success[0].value == text("en", "classes.created", name=plain("Marketing <b>1</b>"), code=room.join_code)
    code = at.metric[0]
    assert (code.label, code.value) == (text("en", "classes.join_code"), room.join_code)
    assert at.code[0].value == f"http://localhost:8501/join?code={room.join_code}"
    assert at.image[0].captions == [text("en", "classes.qr_caption")]
    assert [m.label for m in at.metric[1:]] == [text("en", "classes.answers_of", group=g) for g in ("Red", "Blue")]
    assert at.data_editor[0].value["name"].tolist() == ["Red", "Blue"]
    at.text_input(key="links_base_url").input("https://class.example.edu/").run()  # the projector's address
    assert at.code[0].value == f"https://class.example.edu/join?code={room.join_code}" and not at.error
    assert text("en", "qr.only_this_computer", env="SURVEY_PUBLIC_URL") not in [w.value for w in at.warning]
    at.switch_page("pages/links.py").run()  # the links page keeps the address set on the class page
    at.switch_page("pages/classes.py").run()
    assert at.code[0].value == f"https://class.example.edu/join?code={room.join_code}"


def test_a_teacher_closes_joining_and_changes_the_code(scene, db):
    at = as_teacher(scene)
    assert at.metric[0].value == scene.join_code
    at.button(key="joining").click().run()
    assert text("en", "classes.joining_closed") in [w.value for w in at.warning]
    at.button(key="new_code").click().run()
    with db.session() as s:
        room = s.query(tb.ClassRoom).one()
    assert not room.joining_open and room.join_code != scene.join_code
    assert at.metric[0].value == room.join_code
    assert text("en", "classes.code_changed", code=room.join_code) in [x.value for x in at.success]


def test_a_teacher_only_sees_their_own_classes(scene, db):
    with db.session() as s:
        other = accounts.create_account(s, "other-teacher", PASSWORD)
        theirs = classroom.create_class(s, other.id, "Someone else's class", ["X"])
        s.commit()
        second = classroom.create_class(s, account_id(s, ROLE_ACCOUNTS["teacher"]), "Marketing 2", ["A"])
        s.commit()
    at = as_teacher()
    assert at.selectbox(key="_classes_choice").options == [
        text("en", "classes.option", name="Marketing 1", students=1),
        text("en", "classes.option", name="Marketing 2", students=0),
    ]
    assert at.metric[0].value == second.join_code  # the newest class is shown first
    at.selectbox(key="_classes_choice").set_value(scene.workspace_id).run()
    assert at.metric[0].value == scene.join_code
    assert at.session_state["classes_class"] == scene.workspace_id
    at = make_app("en", "teacher")
    at.session_state["classes_class"] = theirs.workspace_id  # another teacher's class, as if from a URL
    at = open_page(at, "classes")
    assert at.metric[0].value == second.join_code  # falls back to a class of their own


def test_the_teacher_compares_groups_live_and_sees_peer_review_totals(scene, db, media):
    with db.session() as s:
        ws = scene.workspace_id
        red, blue = (g.id for g in scene.groups)
        survey_id = classroom.start_group_survey(s, ws, red, "canteen")
        classroom.set_planned(s, ws, red, {"food": 80})
        version = store.current_version(s, ws, survey_id).id
        store.add_responses(s, ws, version, [{"answers": {"food_taste": 5, "nps": 10}}, {"answers": {"food_taste": 4}}])
        bob = accounts.create_account(s, "bob", PASSWORD)
        classroom.join_class(s, bob.id, scene.join_code, blue)
        classroom.submit_peer_review(s, ws, blue, red, {0: 8, 1: 7, 2: 6, 3: 9}, account_id=bob.id)
        s.commit()
    at = as_teacher(scene)
    assert [(m.label, m.value) for m in at.metric[1:3]] == [
        (text("en", "classes.answers_of", group="Red"), "2"),
        (text("en", "classes.answers_of", group="Blue"), "0"),
    ]
    figures = table_with(at, "classes.col.answers")
    assert figures[text("en", "classes.col.answers")].tolist() == [2, 0]
    assert figures[text("en", "classes.col.nps")].iloc[0] == 100.0
    rows = table_with(at, "classes.col.indicator").set_index(text("en", "classes.col.indicator"))
    # food: taste 5, 4 → 4.5 → (4.5 − 1)/4 × 100 = 87.5 against a plan of 80
    assert rows.loc["Food", text("en", "classes.col.actual")] == 87.5
    assert rows.loc["Food", text("en", "classes.col.gap")] == 7.5
    assert len(at.get("vega_lite_chart")) == 1
    totals = table_with(at, "classes.col.reviews").set_index(text("en", "classes.col.group"))
    assert totals.loc["Red", text("en", "classes.col.total")] == 30
    assert totals.loc["Blue", text("en", "classes.col.reviews")] == 0
    pptx = [b for b in at.get("download_button") if b.proto.label.endswith("(PPTX)")]
    assert [b.proto.disabled for b in pptx] == [False, True]  # Blue has no answers to present
    data, name = download(media, pptx[0])
    assert name.startswith("Red-") and name.endswith(".pptx")
    slides = Presentation(io.BytesIO(data)).slides
    texts = [" ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame) for slide in slides]
    assert "Red: Canteen customer loyalty survey" in texts[0] and "Marketing 1" in texts[0]
    assert text("en", "card.satisfaction") in texts[1]  # the key figures
    # then actual vs planned and the NPS answers; no gaps (the canteen has no expectation items), no loyalty
    # (nobody answered those questions yet)
    assert [t.split(" ")[0] for t in texts[2:]] == [text("en", "group.results").split(" ")[0], "NPS"]


def test_a_teacher_edits_the_rubric_and_a_locked_rubric_is_explained(scene, db):
    at = as_teacher(scene)
    at.session_state[f"_rubric_{scene.workspace_id}_0"] = {
        "edited_rows": {0: {"max": 20}},
        "added_rows": [{"name_zh": "创意", "name_en": "Creativity", "max": 5}],
        "deleted_rows": [3],
    }
    at.run()
    at.button(key="save_rubric").click().run()
    assert at.success[0].value == text("en", "classes.rubric_saved")
    with db.session() as s:
        assert [(c.name_en, c.max) for c in classroom.rubric(s, scene.workspace_id)] == [
            ("Indicator system design", 20),
            ("Data and analysis", 10),
            ("Proposals for improvement", 10),
            ("Creativity", 5),
        ]
        red, blue = (g.id for g in scene.groups)
        student = account_id(s, ROLE_ACCOUNTS["student"])
        classroom.submit_peer_review(s, scene.workspace_id, red, blue, {0: 1, 1: 2, 2: 3, 3: 4}, account_id=student)
        s.commit()
    at.run()
    at.session_state[f"_rubric_{scene.workspace_id}_1"] = {
        "edited_rows": {3: {"max": 10}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.button(key="save_rubric").click().run()
    assert at.error[0].value == text("en", "peer.rubric_locked", count=1)
    at.button(key="clear_reviews").click().run()
    assert at.success[0].value == text("en", "classes.reviews_cleared", count=1)
    with db.session() as s:
        assert classroom.peer_review_totals(s, scene.workspace_id)[1].reviews == 0


def test_a_teacher_adds_and_renames_groups(scene, db):
    at = as_teacher(scene)
    at.session_state[f"_groups_{scene.workspace_id}_0"] = {
        "edited_rows": {1: {"name": "Navy"}},
        "added_rows": [{"name": "Green"}],
        "deleted_rows": [],
    }
    at.run()
    at.button(key="save_groups").click().run()
    assert at.success[0].value == text("en", "classes.groups_saved")
    with db.session() as s:
        assert [g.name for g in classroom.class_summary(s, scene.workspace_id).groups] == ["Red", "Navy", "Green"]
    at.session_state[f"_groups_{scene.workspace_id}_1"] = {
        "edited_rows": {1: {"name": "red"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.button(key="save_groups").click().run()
    assert at.error[0].value == text("en", "classes.group_duplicate", name="red")


# --- joining ------------------------------------------------------------------------------------------------------


def joining(code: str) -> AppTest:
    at = make_app("en", role=None)
    at.query_params["code"] = code
    at.run()
    at.switch_page("pages/join.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_student_joins_from_the_qr_link_with_a_new_account(scene, db):
    at = joining(scene.join_code.lower())
    assert at.text_input(key="_join_code").value == scene.join_code.lower()
    assert at.subheader[0].value == "Marketing 1"
    at.selectbox(key="_join_group").set_value(scene.groups[1].id).run()
    at.text_input[1].input("ann")
    at.text_input[2].input("Ann Li")
    at.text_input[3].input(PASSWORD)
    at.text_input[4].input(PASSWORD)
    submit(at, "join_new", "join.create_and_join")
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.success[0].value == text("en", "join.welcome", name="Marketing 1", group="Blue")
    assert at.session_state["auth_token"] and at.session_state["workspace_id"] == scene.workspace_id
    with db.session() as s:
        ann = s.query(tb.Account).filter_by(username="ann").one()
        assert (ann.display_name, accounts.memberships(s, ann.id)) == ("Ann Li", {scene.workspace_id: "student"})
        assert [m.group_id for m in classroom.members(s, scene.workspace_id) if m.username == "ann"] == [
            scene.groups[1].id
        ]


def test_a_wrong_code_or_closed_joining_is_refused_and_no_account_is_left(scene, db):
    at = joining("NOPE99")
    assert at.error[0].value == text("en", "join.code_unknown", n=classroom.JOIN_CODE_LENGTH)
    assert not at.selectbox
    at = joining(scene.join_code)
    at.selectbox(key="_join_group").set_value(scene.groups[0].id).run()
    with db.session() as s:
        classroom.set_joining_open(s, scene.workspace_id, False)
        s.commit()
    for k, value in enumerate(["cat", "", PASSWORD, PASSWORD], start=1):
        at.text_input[k].input(value)
    submit(at, "join_new", "join.create_and_join")
    assert text("en", "join.closed") in [e.value for e in at.error]
    with db.session() as s:
        assert s.query(tb.Account).filter_by(username="cat").count() == 0


def test_a_student_with_an_account_signs_in_to_join(db, scene):
    with db.session() as s:
        accounts.create_account(s, "dan", PASSWORD)
        s.commit()
    at = joining(scene.join_code)
    at.selectbox(key="_join_group").set_value(scene.groups[0].id).run()
    at.text_input(key="_join_old_username").input("dan")
    at.text_input(key="_join_old_password").input("wrong password")
    submit(at, "join_existing", "join.sign_in_and_join")
    assert text("en", "account.wrong_password") in [e.value for e in at.error]
    at.text_input(key="_join_old_password").input(PASSWORD)
    submit(at, "join_existing", "join.sign_in_and_join")
    assert at.success[0].value == text("en", "join.welcome", name="Marketing 1", group="Red")
    with db.session() as s:
        assert accounts.memberships(s, account_id(s, "dan")) == {scene.workspace_id: "student"}


# --- the student's group ------------------------------------------------------------------------------------------


def test_a_student_outside_any_group_is_sent_to_join(app_database):
    at = open_page(make_app("en", "student"), "group")
    assert at.info[0].value == text("en", "group.no_group")


def test_a_group_starts_its_survey_sets_planned_satisfaction_and_sees_its_results(scene, db):
    at = as_student(scene, "group")
    at.radio(key="group_template").set_value("blank").run()
    at.button(key="create_survey").click().run()
    assert at.success[0].value == text("en", "group.created")
    with db.session() as s:
        survey_id = classroom.group_info(s, scene.workspace_id, scene.groups[0].id).survey_id
        token = answering.link_state(s, scene.workspace_id, survey_id).link_token
    assert at.code[0].value == f"http://localhost:8501/answer?s={token}"

    new = f"_indicators_{survey_id}_{at.session_state['_group_edit']}_new"  # one block per indicator, a form
    at.text_input(key=f"{new}_zh").input("<img src=x onerror=alert(1)>")
    at.text_input(key=f"{new}_en").input("Seats")
    at.number_input(key=f"{new}_planned").set_value(70)
    at.button(key="save_indicators").click().run()
    assert at.success[0].value == text("en", "group.saved", count=1)
    planned = [x for x in at.number_input if x.key.endswith("_0_planned")]
    assert [x.label for x in planned] == [text("en", "group.col.planned")] and planned[0].value == 70
    with db.session() as s:
        answering.submit_answer(s, token, {"ind": 4.0, "nps": 9.0}, {})
    at.run()
    assert [m.value for m in at.metric[:3]] == ["1", "75.0", "100.0"]
    table = table_with(at, "classes.col.indicator")
    # ind answered 4 on 1–5 → 75; planned 70 → gap +5
    assert table.iloc[0].tolist() == ["Seats", 75.0, 70.0, 5.0, 1]
    assert len(at.get("vega_lite_chart")) == 1
    with db.session() as s:
        assert [a.target for a in audit.entries(s, action="group_survey")] == ["Red"]


def test_a_student_reopens_the_groups_questionnaire_link_and_the_audit_log_says_who(scene, db):
    ws = scene.workspace_id
    with db.session() as s:
        survey_id = classroom.start_group_survey(s, ws, scene.groups[0].id, "blank")
        answering.close_for_answers(s, ws, survey_id)
        s.commit()
    at = as_student(scene, "group")
    assert text("en", "group.link_closed") in [w.value for w in at.warning]
    at.button(key="reopen").click().run()
    assert not at.exception and at.success[0].value == text("en", "group.link_open")
    with db.session() as s:
        assert answering.link_state(s, ws, survey_id).is_open
        entries = audit.entries(s, action="link_open")
    assert [(e.username, e.workspace_id) for e in entries] == [(ROLE_ACCOUNTS["student"], ws)]


def test_the_group_page_shows_html_labels_as_text_in_chinese(scene, db):
    with db.session() as s:
        classroom.start_group_survey(s, scene.workspace_id, scene.groups[0].id, "blank")
        classroom.rename_group(s, scene.workspace_id, scene.groups[0].id, "<script>x</script>")
        s.commit()
    at = as_student(scene, "group", "zh")
    assert at.subheader[0].value == text("zh", "group.heading", group=plain("<script>x</script>"), name="Marketing 1")
    assert not any("<script>" in m.value for m in at.markdown)


# --- peer review -----------------------------------------------------------------------------------------------------


def test_a_student_scores_the_other_group_not_their_own(scene, db):
    at = as_student(scene, "peer_review")
    labels = [e.label for e in at.expander]
    assert labels == [text("en", "peer.review_of", group="Blue")]  # not Red, their own
    blue = scene.groups[1].id
    for k, score in enumerate([8, 7, 6, 9]):
        at.number_input(key=f"score_{blue}_{k}").set_value(score)
    submit(at, f"review_{blue}", "peer.submit")
    assert at.success[0].value == text("en", "peer.saved", group="Blue")
    assert table_with(at, "classes.col.group").iloc[0].tolist() == ["Blue", 8, 7, 6, 9, 30]
    with db.session() as s:
        assert classroom.reviews_by(s, scene.workspace_id, scene.groups[0].id) == {blue: {0: 8, 1: 7, 2: 6, 3: 9}}


def test_a_missing_score_is_refused(scene, db):
    at = as_student(scene, "peer_review")
    blue = scene.groups[1].id
    at.number_input(key=f"score_{blue}_0").set_value(5)
    submit(at, f"review_{blue}", "peer.submit")
    assert at.error[0].value == text("en", "peer.score_bad", row=2, max=10)
    with db.session() as s:
        assert classroom.reviews_by(s, scene.workspace_id, scene.groups[0].id) == {}


def test_a_signed_in_student_joins_another_class_with_one_click(scene, db):
    with db.session() as s:
        other = classroom.create_class(s, account_id(s, ROLE_ACCOUNTS["teacher"]), "Marketing 2", ["Green"])
        s.commit()
    at = make_app("en", "student")
    at.query_params["code"] = other.join_code
    at = open_page(at, "join")
    assert at.caption[-1].value == text("en", "join.as", name=ROLE_ACCOUNTS["student"].replace("-", r"\-"))
    assert not at.get("tab")  # no account forms for someone signed in
    at.selectbox(key="_join_group").set_value(other.groups[0].id).run()
    at.button(key="join_signed_in").click().run()
    assert at.success[0].value == text("en", "join.welcome", name="Marketing 2", group="Green")
    assert at.session_state["workspace_id"] == other.workspace_id
    with db.session() as s:
        assert accounts.memberships(s, account_id(s, ROLE_ACCOUNTS["student"]))[other.workspace_id] == "student"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_guessing_codes_through_page_loads_is_slowed_down_whatever_the_browser_session(scene, monkeypatch, lang):
    """Each guess a fresh page load (/join?code=…, a new browser session, as a reload makes): the count is
    kept by address in the database, so after the free wrong codes even the right one must wait."""
    rule = throttle.RULES[throttle.JOIN_SOURCE]  # 10 free, then 2 s, …: here 2 free, then 5 min (fewer loads)
    two_free = dataclasses.replace(rule, free=2, first_wait=timedelta(minutes=5))
    monkeypatch.setitem(throttle.RULES, throttle.JOIN_SOURCE, two_free)

    def load(code: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "pages" / "join.py"), default_timeout=60)
        at.session_state["lang"] = lang
        at.query_params["code"] = code
        return at.run()

    for guess in ("GUESS0000002", "GUESS0000003"):
        assert load(guess).error[0].value == text(lang, "join.code_unknown", n=classroom.JOIN_CODE_LENGTH)
    at = load(scene.join_code)
    waits = {text(lang, "join.too_many", seconds=n) for n in range(240, 301)}  # the page loads take a while
    assert len(at.error) == 1 and at.error[0].value in waits
    assert not at.selectbox


def test_the_teacher_opens_a_groups_survey_on_the_dashboards(scene, db):
    with db.session() as s:
        red = scene.groups[0].id
        survey_id = classroom.start_group_survey(s, scene.workspace_id, red, "course")
        s.commit()
    at = as_teacher(scene)
    at.button(key=f"dash_{red}").click().run()
    assert not at.exception
    assert at.session_state["workspace_id"] == scene.workspace_id and at.session_state["survey_id"] == survey_id
    assert at.title[0].value == text("en", "overview.title")
    picker = at.sidebar.selectbox(key="_filter_survey")
    assert "Red" in picker.format_func(picker.value)  # the group's survey, in the class's workspace
