"""A manager in Chromium uploads population margins on the Weighting page, saves the scheme, switches weighting
on in the Overview's sidebar and sees the NPS card change to the weighted NPS that the functions compute."""

import pytest
from playwright.sync_api import Page, expect

import metrics
from survey import weighting
from survey.i18n import text
from survey.storage import store
from survey.storage.db import open_database
from tests.browser.conftest import ADMIN, choose, running_app, sign_in

COURSE = "课程满意度调查（示例）"
MARGINS_CSV = b"attribute,category,target\nclass,Class 1,0.2\nclass,Class 2,0.8\n"
NAME = "班级 20/80"


def nps_card(page: Page) -> str:
    card = page.locator('[data-testid="stMain"] [data-testid="stMetric"]').filter(has_text=text("zh", "card.nps"))
    return card.locator('[data-testid="stMetricValue"]').inner_text().strip()


def expected_nps(url: str) -> tuple[str, str]:
    """(unweighted, weighted) NPS of the course survey's last wave, as the cards write them."""
    db = open_database(url)
    try:
        with db.session() as s:
            ws = store.default_workspace(s).id
            survey = next(x for x in store.list_surveys(s, ws) if x.title_zh == COURSE)
            frame = store.responses_frame(s, ws, survey.id)
    finally:
        db.dispose()
    now = frame["wave"] == "2026-09"
    w = weighting.scheme_weights(frame, weighting.margins_from_csv(MARGINS_CSV)).weights
    plain, weighted = metrics.nps(frame.loc[now, "nps"]), metrics.nps(frame.loc[now, "nps"], weights=w[now])
    return f"{plain.score:.1f}", f"{weighted.score:.1f}"


@pytest.fixture
def course_url(tmp_path) -> str:
    """The demo surveys as the app loads them on first start, and the administrator: this journey's own
    database (other journeys answer the course survey, some without a class, which a scheme on the class
    rightly refuses to weight)."""
    from survey.access import accounts
    from survey.storage import seed

    url = f"sqlite:///{tmp_path / 'weighting.db'}"
    db = open_database(url)
    with db.session() as s:
        seed.ensure_demo(s)
        accounts.create_account(s, ADMIN[0], ADMIN[1], is_admin=True)
        s.commit()
    db.dispose()
    return url


def test_upload_margins_switch_weighting_on_and_see_the_weighted_nps(page: Page, wait_for_app, tmp_path, course_url):
    main, sidebar = page.locator('[data-testid="stMain"]'), page.locator('[data-testid="stSidebar"]')
    with running_app(tmp_path, course_url) as base:
        page.goto(f"{base}/")
        sign_in(page, *ADMIN)
        wait_for_app(page)
        page.locator('[data-testid="stSidebarNav"]').get_by_text(text("zh", "nav.weighting"), exact=True).click()
        wait_for_app(page)
        choose(
            page,
            main.locator('[data-testid="stSelectbox"]').filter(has_text=text("zh", "common.survey")),
            COURSE + " · v1",
        )
        wait_for_app(page)
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
            files=[{"name": "margins.csv", "mimeType": "text/csv", "buffer": MARGINS_CSV}]
        )
        wait_for_app(page, text("zh", "wt.uploaded", count=1))
        effective = main.locator('[data-testid="stMetric"]').filter(has_text=text("zh", "wt.effective_n"))
        expect(effective).to_be_visible()
        main.get_by_label(text("zh", "wt.name")).fill(NAME)
        main.get_by_role("button", name=text("zh", "wt.save")).click()
        wait_for_app(page, text("zh", "wt.saved", name=NAME))
        page.locator('[data-testid="stSidebarNav"]').get_by_text(text("zh", "nav.overview"), exact=True).click()
        wait_for_app(page)
        plain, weighted = expected_nps(course_url)
        assert plain != weighted
        expect(main.locator('[data-testid="stMetric"]').filter(has_text=text("zh", "card.nps"))).to_be_visible()
        assert nps_card(page) == plain
        choose(page, sidebar.locator('[data-testid="stSelectbox"]').filter(has_text=text("zh", "wt.switch")), NAME)
        wait_for_app(page, text("zh", "wt.caption", name=NAME))
        assert nps_card(page) == weighted
        assert page.locator('[data-testid="stException"]').count() == 0
