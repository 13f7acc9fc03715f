"""An administrator in Chromium creates an action from the Overview's worst gap, imports the second wave, and sees
the action's before / after on the Action plan page and its outcome on the Overview.

The journey runs its own app on its own database (one survey, one wave): the second wave it imports would
change the figures the other journeys check on the shared server."""

import pytest
from playwright.sync_api import Page, expect

from survey.access import accounts
from survey.i18n import text
from survey.storage import store
from survey.storage.db import open_database
from tests.browser.conftest import ADMIN, running_app, sign_in
from tests.db.test_store import small_survey

TITLE = "食堂满意度"
N = 30  # respondents a wave: the index difference is tested by Welch's t


@pytest.fixture
def canteen_url(tmp_path) -> str:
    """The canteen survey (small_survey) with wave 2026-03 answered: taste 3 of 5 expected 5, price 3."""
    url = f"sqlite:///{tmp_path / 'canteen.db'}"
    db = open_database(url)
    with db.session() as s:
        ws = store.default_workspace(s).id  # a workspace: the app loads no demo surveys into it
        survey = store.create_survey(s, ws, small_survey())
        version = store.current_version(s, ws, survey.id).id
        rows = [
            {"wave": "2026-03", "answers": {"taste_p": 2.0 + k % 3, "taste_e": 5.0, "price_p": 3.0}} for k in range(N)
        ]
        store.add_responses(s, ws, version, rows)
        accounts.create_account(s, ADMIN[0], ADMIN[1], is_admin=True)
        s.commit()
    db.dispose()
    return url


def second_wave() -> bytes:
    """Wave 2026-06 as a CSV with the item codes as headers: taste now 4 or 5."""
    lines = ["taste_p,taste_e,price_p,wave"] + [f"{4 + k % 2},5,3,2026-06" for k in range(N)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_from_the_worst_gap_to_an_action_checked_at_the_next_wave(page: Page, wait_for_app, tmp_path, canteen_url):
    with running_app(tmp_path, canteen_url) as base:
        page.goto(f"{base}/overview")
        sign_in(page, *ADMIN)
        main, sidebar = page.locator('[data-testid="stMain"]'), page.locator('[data-testid="stSidebar"]')
        expect(sidebar.get_by_role("combobox", name=text("zh", "common.survey"))).to_have_value(
            f"{TITLE} · " + text("zh", "dash.responses_short", count=N)
        )  # the only survey
        wait_for_app(page, text("zh", "overview.worst_gaps"))

        # the worst gap → the Action plan page, its form open on that indicator
        main.get_by_text(text("zh", "actions.create_for", indicator="口味")).click()
        wait_for_app(page, text("zh", "actions.new"))
        form = main.locator('[data-testid="stForm"]')
        expect(form.get_by_role("combobox", name=text("zh", "actions.indicator"))).to_have_value("口味")
        form.get_by_label(text("zh", "actions.strategy")).fill("请新厨师，换菜单")
        form.get_by_label(text("zh", "actions.target_figure")).fill("70")
        form.get_by_role("button", name=text("zh", "actions.create")).click()
        wait_for_app(page, text("zh", "actions.change_one"))  # saved: the plan lists it (a canvas table)

        # the second wave, imported
        nav = page.locator('[data-testid="stSidebarNav"]')  # the same session: the survey chosen stays
        nav.get_by_text(text("zh", "nav.import"), exact=True).click()
        wait_for_app(page)
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
            files=[{"name": "第二批.csv", "mimeType": "text/csv", "buffer": second_wave()}]
        )
        wait_for_app(page, text("zh", "impage.all_good", rows=N))
        main.get_by_role("button", name=text("zh", "impage.import"), exact=True).click()
        wait_for_app(page, text("zh", "imp.result_imported", imported=N, rejected=0, read=N))

        # the plan: 口味 before 50.0 (mean 3 of 1–5), after 87.5 (mean 4.5), target 70 reached
        nav.get_by_text(text("zh", "nav.actions"), exact=True).click()
        wait_for_app(page, "口味: 50.0 → 87.5")
        # the Overview: the action is due this wave, with its outcome
        nav.get_by_text(text("zh", "nav.overview"), exact=True).click()
        wait_for_app(page, text("zh", "actions.due_title"))
        due = main.locator("li").filter(has_text="请新厨师，换菜单")
        expect(due).to_contain_text("50.0 → 87.5")
        expect(due).to_contain_text(text("zh", "actions.outcome.reached"))
        assert page.locator('[data-testid="stException"]').count() == 0
