"""Probing join codes through page loads (/join?code=…) in Chromium against a real `streamlit run` on
127.0.0.1. Every load here is a fresh browser (no cookie, a new Streamlit session: more than a reload), and
still the wrong codes add up, by the client's address, in the database, until a load is told to wait."""

import pytest
from playwright.sync_api import Browser

from survey.access import throttle
from survey.i18n import text
from survey.storage.tables import utcnow

LOCAL = "127.0.0.1"  # a browser on the server's machine (Streamlit hides the loopback address; ui.client)


def zh(key: str, **params) -> str:
    return text("zh", key, **params)


@pytest.fixture
def server_db(app_database_url):
    """The server's database, without join throttles before and after this test (the server is shared)."""
    from survey.storage import tables as tb
    from survey.storage.db import open_database

    db = open_database(app_database_url)

    def forget_join_throttles():
        with db.session() as s:
            s.query(tb.Throttle).filter(tb.Throttle.kind.in_([throttle.JOIN_SOURCE, throttle.JOIN_GLOBAL])).delete()
            s.commit()

    forget_join_throttles()
    yield db
    forget_join_throttles()
    db.dispose()


def failures(db) -> int:
    from survey.storage import tables as tb

    with db.session() as s:
        row = s.query(tb.Throttle).filter_by(kind=throttle.JOIN_SOURCE, key=LOCAL).one_or_none()
        return row.failures if row else 0


def test_join_codes_probed_by_loading_the_page_again_and_again_are_slowed(
    browser: Browser, base_url: str, server_db, wait_for_app
):
    free = throttle.RULES[throttle.JOIN_SOURCE].free
    with server_db.session() as s:  # earlier probing from this machine: all but one of the free wrong codes
        for _ in range(free - 1):
            throttle.record_failure(s, throttle.JOIN_SOURCE, LOCAL, utcnow())
        s.commit()
    unknown, wait_marker = zh("join.code_unknown", n=12), zh("join.too_many", seconds="\0").split("\0")[0]
    outcomes = []
    for k in range(5):  # bounded: the waits double (2 s, 4 s, 8 s …) while a page load takes a second or more
        context = browser.new_context(locale="zh-CN")
        try:
            page = context.new_page()
            page.goto(f"{base_url}/join?code=GUESS{k:07d}")
            wait_for_app(page)
            main = page.locator('[data-testid="stMain"]')
            main.get_by_text(unknown).or_(main.get_by_text(wait_marker)).first.wait_for()
            outcomes.append("wait" if main.get_by_text(wait_marker).count() else "unknown")
        finally:
            context.close()
        if outcomes[-1] == "wait":
            break
    assert outcomes[0] == "unknown" and outcomes[-1] == "wait", outcomes  # slowed, whatever the session
    assert failures(server_db) == free - 1 + outcomes.count("unknown")  # each load's wrong code was counted
