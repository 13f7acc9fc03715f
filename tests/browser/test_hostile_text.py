"""Labels and free text containing HTML or script are shown as text, never run: designer, questionnaire, dashboards."""

from dataclasses import replace

from playwright.sync_api import Page, expect

from survey import answering
from survey.design import templates
from survey.i18n import text
from survey.storage import store
from survey.storage.db import open_database
from tests.browser.conftest import ADMIN, sign_in

SCRIPT = "<script>window.__hostile = 1</script>"
IMAGE = '<img src=x onerror="window.__hostile = 2">'
TITLE = f"Hostile {SCRIPT}"


def hostile_survey(url: str) -> str:
    """A survey whose title and first labels are HTML, open for answers, with a hostile text attribute answer."""
    defn = templates.build("canteen")
    nodes = list(defn.nodes)
    nodes[0] = replace(nodes[0], label_zh=f"维度 {IMAGE}", label_en=f"Dimension {IMAGE}")
    first_item = next(i for i, n in enumerate(nodes) if n.kind == "item")
    nodes[first_item] = replace(nodes[first_item], label_zh=f"题目 {SCRIPT}", label_en=f"Item {SCRIPT}")
    defn = replace(defn, title_zh=TITLE, title_en=TITLE, nodes=tuple(nodes))
    db = open_database(url)
    try:
        with db.session() as s:
            ws = store.default_workspace(s).id
            survey = store.create_survey(s, ws, defn)
            state = answering.open_for_answers(s, ws, survey.id)
            s.commit()
            return state.link_token
    finally:
        db.dispose()


def test_html_in_labels_is_shown_as_text_and_never_runs(page: Page, base_url, app_database_url, wait_for_app):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    token = hostile_survey(app_database_url)

    page.goto(f"/answer?s={token}")  # the respondent's questionnaire
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_text(SCRIPT).first).to_be_visible()  # the tag as characters on the screen
    assert page.evaluate("window.__hostile") is None

    page.goto("/")
    sign_in(page, *ADMIN)
    for path in ("/designer", "/preview"):
        page.goto(path)
        wait_for_app(page)
        side = page.locator('[data-testid="stSidebar"]')
        box = main.locator('[data-testid="stSelectbox"]').first
        box.get_by_role("combobox").click()
        page.get_by_role("option", name=TITLE).click()
        wait_for_app(page)
        expect(main.get_by_text(IMAGE).first).to_be_attached()  # (the designer shows it in a data grid)
        assert page.evaluate("window.__hostile") is None, path
        assert side.count() == 1
    assert dialogs == []
    assert main.locator("img[src=x]").count() == 0
    assert text("zh", "designer.title")  # the page titles exist in both languages
