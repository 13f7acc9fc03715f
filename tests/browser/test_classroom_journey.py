"""A class exercise in Chromium: the teacher creates a class, two students join on their phones (separate
browser contexts) with the QR code's link, their group makes its survey, both answer it, and the teacher's
class page shows the two answers as they arrive, without a reload."""

import re
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from survey.i18n import text
from tests.browser.conftest import choose, sign_in
from ui.classroom import LIVE_SECONDS

PASSWORD = "classroom-pass-1"
PHONE = {"width": 390, "height": 844}
GROUP = "<i>Red</i>"  # markup in a name is shown as typed


def zh(key: str, **params) -> str:
    return text("zh", key, **params)


def student_joins(browser: Browser, join_url: str, username: str, wait_for_app, tmp_path: Path):
    """A student's phone: open the join link, pick the group, make an account; returns (context, page)."""
    phone = browser.new_context(viewport=PHONE, locale="zh-CN", is_mobile=True, has_touch=True)
    page = phone.new_page()
    page.goto(join_url)
    wait_for_app(page, zh("join.intro"))
    main = page.locator('[data-testid="stMain"]')
    choose(page, main.locator('[data-testid="stSelectbox"]').first, GROUP)
    wait_for_app(page)
    form = main.locator('[data-testid="stForm"]').first
    form.get_by_role("textbox", name=zh("signin.username")).fill(username)
    form.get_by_label(zh("join.display_name")).fill(username.title())
    form.get_by_label(zh("signin.password"), exact=True).fill(PASSWORD)
    form.get_by_label(zh("signin.password_again")).fill(PASSWORD)
    form.get_by_role("button", name=zh("join.create_and_join")).click()
    wait_for_app(page, zh("join.open_group"))
    page.screenshot(path=tmp_path / f"{username}-joined.png")
    main.get_by_role("link", name=zh("join.open_group")).click()
    wait_for_app(page, zh("group.start_help"))
    return phone, page


def answer(page: Page, link: str, wait_for_app) -> None:
    """Open the group's questionnaire on the same phone and answer its first three questions."""
    page.goto(link)
    form = page.locator('[data-testid="stMain"]')
    wait_for_app(page, zh("form.next"))  # the course template: one section per dimension
    for group in form.get_by_role("radiogroup").all()[1:4]:  # [0] is the language switch
        group.get_by_text("4 满意").click()
    progress = form.get_by_text(re.compile(r"^第 \d+ / \d+ 部分$"))
    for _ in range(12):  # Next through the sections (the others' questions are not required)
        forward = form.get_by_role("button", name=zh("form.next"))
        if not forward.count():
            break
        before = progress.first.inner_text()
        forward.click()
        expect(progress.first).not_to_have_text(before)  # the next section is shown
        wait_for_app(page)
    form.get_by_role("button", name=zh("form.submit")).click()
    wait_for_app(page, zh("answer.thanks"))


def test_a_teacher_watches_two_students_join_and_answer(
    page: Page, browser: Browser, base_url: str, make_account, wait_for_app, tmp_path: Path
):
    make_account("class-teacher", PASSWORD, role="teacher")
    page.goto("/classes")
    sign_in(page, "class-teacher", PASSWORD)
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("heading", name=zh("classes.title"), exact=True)).to_be_visible()
    form = main.locator('[data-testid="stForm"]')
    form.get_by_label(zh("classes.name")).fill("营销 2301")
    form.get_by_role("textbox", name=zh("classes.groups")).fill(f"{GROUP}\nBlue")
    form.get_by_role("button", name=zh("classes.create")).click()
    wait_for_app(page, zh("classes.joining_open"))
    code = main.locator('[data-testid="stMetric"]').first.locator('[data-testid="stMetricValue"]').inner_text()
    join_url = main.locator('[data-testid="stCode"]').first.inner_text().strip()
    assert join_url == f"{base_url}/join?code={code}"
    expect(main.locator('[data-testid="stImage"] img').first).to_be_visible()  # the QR code
    answers = main.locator('[data-testid="stMetric"]').filter(has_text=zh("classes.answers_of", group=GROUP))
    expect(answers.locator('[data-testid="stMetricValue"]')).to_have_text("0")
    page.screenshot(path=tmp_path / "teacher-class.png")

    phones = []
    try:
        ann_phone, ann = student_joins(browser, join_url, "ann", wait_for_app, tmp_path)
        phones.append(ann_phone)
        bob_phone, bob = student_joins(browser, join_url, "bob", wait_for_app, tmp_path)
        phones.append(bob_phone)

        # Ann's group starts its survey from the course template; both find the link on My group
        group_page = ann.locator('[data-testid="stMain"]')
        group_page.get_by_text(zh("group.template.course"), exact=True).click()
        group_page.get_by_role("button", name=zh("group.create")).click()
        wait_for_app(ann, zh("group.link_open"))
        link = group_page.locator('[data-testid="stCode"]').first.inner_text().strip()
        ann.screenshot(path=tmp_path / "ann-group.png")
        assert link.startswith(f"{base_url}/answer?s=")
        bob.reload()
        wait_for_app(bob, zh("group.link_open"))
        assert bob.locator('[data-testid="stMain"] [data-testid="stCode"]').first.inner_text().strip() == link

        answer(ann, link, wait_for_app)
        answer(bob, link, wait_for_app)
        bob.screenshot(path=tmp_path / "bob-answered.png")
        for phone_page in (ann, bob):
            assert phone_page.locator('[data-testid="stException"]').count() == 0
    finally:
        for phone in phones:
            phone.close()

    # the class page refreshes on its own (st.fragment(run_every=…)): who joined, and both answers, arrive
    # without a click
    expect(main.get_by_text(zh("classes.roster_live", count=2, seconds=LIVE_SECONDS))).to_be_visible(timeout=30_000)
    roster = main.locator('[data-testid="stMarkdownContainer"]').filter(has_text="Ann")
    expect(roster.filter(has_text="Bob")).to_have_count(1)
    expect(answers.locator('[data-testid="stMetricValue"]')).to_have_text("2", timeout=30_000)
    blue = main.locator('[data-testid="stMetric"]').filter(has_text=zh("classes.answers_of", group="Blue"))
    expect(blue.locator('[data-testid="stMetricValue"]')).to_have_text("0")
    answers.scroll_into_view_if_needed()
    page.screenshot(path=tmp_path / "teacher-answers.png")
    assert page.locator('[data-testid="stException"]').count() == 0
