"""Staff build a small indicator tree with the tree editor in Chromium at 1440×900, in Chinese (typed key by
key, as an input method sends it), see it in the preview, then read it in English: no traceback, no
Streamlit dialog, no raw "None", and the save feedback in sight beside the form."""

import uuid

import pytest
from playwright.sync_api import Page, expect

from survey import surveys
from survey.i18n import text
from survey.storage import choices, store
from survey.storage.db import open_database
from tests.browser.conftest import choose

pytestmark = pytest.mark.usefixtures("admin_signed_in")


@pytest.fixture
def blank_survey(app_database_url):
    """(id, Chinese title, English title) of a new blank survey (the 5-point scale, no nodes)."""
    suffix = uuid.uuid4().hex[:6]
    title_zh, title_en = f"树编辑器 {suffix}", f"Tree editor {suffix}"
    db = open_database(app_database_url)
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey_id = store.create_survey(s, ws, surveys.new_definition("", title_zh, title_en)).id
        s.commit()
    db.dispose()
    return survey_id, title_zh, title_en


def stored(app_database_url, survey_id):
    db = open_database(app_database_url)
    with db.session() as s:
        ws = store.default_workspace(s).id
        defn = choices.load_definition(s, ws, store.current_version(s, ws, survey_id).id)
    db.dispose()
    return defn


def clean(page: Page) -> None:
    main = page.locator('[data-testid="stMain"]')
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[role="dialog"]').count() == 0
    assert "None" not in main.inner_text()


def click(page: Page, wait_for_app, name: str, done: str) -> None:
    page.locator('[data-testid="stMain"]').get_by_role("button", name=name, exact=True).click()
    wait_for_app(page, done)


def test_a_tree_built_in_chinese_is_previewed_and_read_in_english(
    page: Page, wait_for_app, blank_survey, app_database_url
):
    survey_id, title_zh, title_en = blank_survey
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto("/designer")
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    choose(
        page,
        main.locator('[data-testid="stSelectbox"]').filter(has_text=text("zh", "common.survey")),
        f"{title_zh} · v1",
    )
    wait_for_app(page, text("zh", "designer.tree.empty"))

    click(
        page, wait_for_app, text("zh", "designer.tree.add_dimension"), text("zh", "designer.tree.add_child.dimension")
    )
    click(
        page,
        wait_for_app,
        text("zh", "designer.tree.add_child.dimension"),
        text("zh", "designer.tree.add_child.indicator"),
    )
    click(page, wait_for_app, text("zh", "designer.tree.add_child.indicator"), text("zh", "kind.item") + "：")
    form = main.locator('[data-testid="stForm"]').first
    label = form.get_by_label(text("zh", "common.label_zh"))
    label.fill("")
    label.press_sequentially("线上办理")  # key by key: nothing may be lost while typing
    code = form.get_by_label(text("zh", "common.code"))
    code.fill("")
    code.press_sequentially("online_app")
    choose(
        page,
        form.locator('[data-testid="stSelectbox"]').filter(has_text=text("zh", "designer.tree.role")),
        text("zh", "role.importance"),
    )
    choose(
        page,
        form.locator('[data-testid="stSelectbox"]').filter(has_text=text("zh", "designer.tree.scale")),
        "5级满意度量表 (1–5)",
    )
    form.get_by_role("button", name=text("zh", "designer.tree.apply")).click()
    applied = text("zh", "designer.tree.applied", label="线上办理")
    wait_for_app(page, applied)
    expect(main.get_by_text(applied)).to_be_in_viewport()  # the feedback is beside the form, not out of sight
    clean(page)
    item = stored(app_database_url, survey_id).node("online_app")
    assert (item.label_zh, item.role, item.scale) == ("线上办理", "importance", "sat5")
    assert item.parent is not None

    page.locator('[data-testid="stSidebarNav"]').get_by_text(text("zh", "nav.preview")).click()
    wait_for_app(page, "线上办理")
    expect(main.get_by_text(text("zh", "designer.tree.new.dimension"))).to_be_visible()
    clean(page)

    page.locator('[data-testid="stSidebar"]').get_by_text("English").click()
    wait_for_app(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text(text("en", "nav.designer")).click()
    wait_for_app(page, text("en", "designer.tree.add_dimension"))
    expect(main.get_by_text(text("en", "designer.tree.new.indicator")).first).to_be_visible()
    clean(page)
