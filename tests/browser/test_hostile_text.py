"""Everything a user typed is shown as text, never run and never read as Markdown: a survey whose title,
description, labels, scale points and comments, and a class and group whose names, hold Markdown images and
links, bare web and e-mail addresses, an icon shortcode, HTML and script, shown on every page that shows
them (the anonymous questionnaire, the design pages, every dashboard, the class and group pages). No page
asks another host for anything (a Markdown image would be a tracking pixel) or shows a link the product did
not make, no script runs, and the typed characters are on the screen.
"""

import re
from dataclasses import replace
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, expect

from survey import answering, classroom
from survey.design import templates
from survey.design.definition import Node, ScalePoint
from survey.i18n import text
from survey.storage import demo, store
from survey.storage import tables as tb
from survey.storage.db import open_database
from tests.browser.conftest import ADMIN, choose, sign_in
from ui.i18n import WORD_JOINER

OTHER_HOST = "198.51.100.7"  # TEST-NET-2: nothing answers there, and nothing should ask
SCRIPT = "<script>window.__hostile = 1</script>"
IMAGE = '<img src=x onerror="window.__hostile = 2">'
HOSTILE = (
    f"![](http://{OTHER_HOST}/px.png) [x](http://{OTHER_HOST}/p) <img src=http://{OTHER_HOST}/i> {SCRIPT}"
    f" http://{OTHER_HOST}/a www.example.org a@example.org :material/home: **b**"
)
NAMED = f"![](http://{OTHER_HOST}/n.png) [n](http://{OTHER_HOST}/n) <b>a@example.org</b>"  # names: 100 at most
TITLE = f"Hostile {HOSTILE}"
CLASS = f"Class {NAMED}"
GROUP = f"Group {NAMED}"
PASSWORD = "hostile-text-pass-1"
MAIN = '[data-testid="stMain"]'
SIDEBAR = '[data-testid="stSidebar"]'


def shown(typed: str) -> str:
    """What the screen shows of typed text: the characters as typed, an invisible WORD JOINER after each
    ":" and "@" and in "www." (`ui.i18n.plain`: so they make no link, icon or emoji)."""
    return re.sub(r"(?<=[:@])|(?<=www)(?=\.)", WORD_JOINER, typed)


def zh(key: str, **params) -> str:
    return text("zh", key, **params)


def hostile_definition():
    """The course survey with HOSTILE in its titles, description, every label and scale point, and a
    comment question."""
    defn = templates.build("course")
    nodes = [replace(n, label_zh=f"{n.code} {HOSTILE}", label_en=f"{n.code} {HOSTILE}") for n in defn.nodes]
    nodes.append(Node("remark", "item", f"备注 {HOSTILE}", f"Remark {HOSTILE}", role="comment"))
    scales = [
        replace(sc, points=tuple(ScalePoint(p.value, f"{p.label_zh} {HOSTILE}", p.label_en) for p in sc.points))
        for sc in defn.scales
    ]
    return replace(
        defn,
        title_zh=TITLE,
        title_en=TITLE,
        description_zh=f"说明 {HOSTILE}\n第二行 {HOSTILE}",
        nodes=tuple(nodes),
        scales=tuple(scales),
    )


def response_rows(defn) -> list[dict]:
    """The demo answers to the course survey, the class segment and the comments holding HOSTILE."""
    scored = [n.code for n in defn.scored_items]
    rows = []
    for record in demo.course_responses().to_dict("records"):
        answers = {c: float(record[c]) for c in scored if c in record and record[c] == record[c]}
        attributes = {"class": f"{record['class']} {HOSTILE}", "group": record["group"], "remark": HOSTILE}
        rows.append({"answers": answers, "attributes": attributes, "wave": record["wave"]})
    return rows


def hostile_world(url: str, student_id: int) -> str:
    """The hostile survey with answers, open for answers (returns its link token); a hostile class whose
    hostile group (the student in it) has started its survey, the administrator its teacher."""
    db = open_database(url)
    try:
        with db.session() as s:
            ws = store.default_workspace(s).id
            defn = hostile_definition()
            survey = store.create_survey(s, ws, defn)
            store.add_responses(s, ws, store.current_version(s, ws, survey.id).id, response_rows(defn))
            token = answering.open_for_answers(s, ws, survey.id).link_token
            admin = s.query(tb.Account.id).filter(tb.Account.username == ADMIN[0]).scalar()
            room = classroom.create_class(s, admin, CLASS, [GROUP, "Blue"])
            group_id = next(g for g, name in classroom.class_for_code(s, room.join_code).groups if name == GROUP)
            classroom.join_class(s, student_id, room.join_code, group_id)
            classroom.start_group_survey(s, room.workspace_id, group_id, "course")
            s.commit()
            return token
    finally:
        db.dispose()


class Watch:
    """Every request the page makes, and what each visited page holds that the product did not make."""

    def __init__(self, page: Page):
        self.page = page
        self.requests: list[str] = []
        self.found: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))

    def check(self, where: str) -> None:
        hrefs = self.page.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
        self.found += [f"{where}: link {h}" for h in hrefs if urlsplit(h).hostname not in ("127.0.0.1", None)]
        images = self.page.locator("img").evaluate_all("imgs => imgs.map(i => i.getAttribute('src') || '')")
        self.found += [f"{where}: image {src}" for src in images if OTHER_HOST in src or src == "x"]
        if self.page.evaluate("window.__hostile") is not None:
            self.found.append(f"{where}: a script ran")
        self.found += [f"{where}: request {u}" for u in self.requests if urlsplit(u).hostname != "127.0.0.1"]
        self.requests.clear()


def open_page(page: Page, wait_for_app, key: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_text(zh(key), exact=True).click()
    wait_for_app(page)


def test_typed_text_is_shown_as_typed_on_every_page(
    page: Page, browser: Browser, base_url, app_database_url, make_account, wait_for_app
):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    student = make_account("hostile-student", PASSWORD)
    token = hostile_world(app_database_url, student)
    watch = Watch(page)
    main = page.locator(MAIN)

    page.goto(f"/answer?s={token}")  # the questionnaire a classmate answers, signed out
    wait_for_app(page)  # the first of the questionnaire's sections
    expect(main.get_by_role("heading", name=shown(TITLE))).to_be_visible()  # the title as typed, tags and all
    expect(main.get_by_text(shown(f"说明 {HOSTILE}"))).to_be_visible()
    expect(main.get_by_text(shown(f"很不满意 {HOSTILE}")).first).to_be_visible()  # a scale point, a radio option
    watch.check("answer")

    page.goto("/")
    sign_in(page, *ADMIN)
    open_page(page, wait_for_app, "nav.designer")
    choose(page, main.locator('[data-testid="stSelectbox"]').first, TITLE)
    wait_for_app(page)
    watch.check("designer")
    for key in (
        "nav.preview",
        "nav.surveys",
        "nav.overview",
        "nav.gaps",
        "nav.nps",
        "nav.crosstabs",
        "nav.comments",
        "nav.follow_up",
    ):
        open_page(page, wait_for_app, key)
        watch.check(key)
        if key == "nav.nps":  # a table's own toolbar: search and full screen, never its unneutralised CSV
            table = main.locator('[data-testid="stDataFrame"]').first
            table.hover()
            toolbar = main.locator('[data-testid="stElementToolbarButton"]')
            expect(toolbar.locator('button[aria-label^="Search"]').first).to_be_visible()
            expect(toolbar.locator('button[aria-label^="Download as CSV"]').first).to_be_hidden()
            expect(main.get_by_role("button", name=zh("export.csv")).first).to_be_visible()  # ours
    open_page(page, wait_for_app, "nav.classes")
    watch.check("nav.classes")
    expect(main.get_by_text(shown(GROUP)).first).to_be_visible()

    phone = browser.new_context(base_url=base_url, locale="zh-CN")
    try:
        student_page = phone.new_page()
        student_watch = Watch(student_page)
        student_page.goto("/group")
        sign_in(student_page, "hostile-student", PASSWORD)
        wait_for_app(student_page)
        expect(student_page.locator(MAIN).get_by_text(shown(GROUP)).first).to_be_visible()
        student_watch.check("group")
    finally:
        phone.close()
    assert dialogs == []
    found = list(dict.fromkeys(watch.found + student_watch.found))
    assert found == [], "\n".join(found)
