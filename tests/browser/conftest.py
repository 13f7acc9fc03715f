"""Browser tests: the real app in a Streamlit server, driven by Playwright in Debian's chromium.

app_server                session   starts `streamlit run app.py` on a free loopback port with a
                                    fresh SQLite database; yields the base URL
running_app(folder, database_url, **env)  the same as a context manager, for a second server with
                                    other environment variables (yields its base URL, stops it after)
is_healthy(base_url)                the server answers /_stcore/health with 200
base_url                  session   = app_server, so `page.goto("/")` opens the app
browser_type_launch_args  session   Debian's /usr/bin/chromium, headless, no network side-traffic
browser_context_args      session   viewport 1400x900, locale zh-CN
wait_for_app              function  the function below: wait until Streamlit has finished running
app_database_url          session   the server's database (accounts `ADMIN` etc. made before it starts)
make_account              function  make_account(username, password, *, role=None, workspace_id=None,
                                    is_admin=False) -> account id, in the server's database
admin_signed_in           function  `page` signed in as the administrator (cookie set)
sign_in(page, username, password)   fill the sign-in form and wait until the session cookie is there

Every test in this folder is marked `browser`. No browser is ever downloaded: never run
`playwright install`; ./dev.sh test installs Debian's chromium.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
SERVER_START_TIMEOUT = 60.0
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]

ADMIN = ("admin", "browser-admin-pass")

# The app is busy on first load (migrations, demo data): give assertions some room.
expect.set_options(timeout=15_000)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _one_browser_test_at_a_time(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Under pytest-xdist one browser test runs at a time across the workers (a lock file in the run's
    common temporary folder): two Chromium journeys at once on a 2-core machine slow each other into
    time-outs. The other worker goes on with its other tests' files meanwhile."""
    import fcntl

    lock = tmp_path_factory.getbasetemp().parent / "browser-tests.lock"
    with open(lock, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(held, fcntl.LOCK_UN)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop_group(proc: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        if proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="session")
def app_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A fresh database as the app makes it on first start, plus the administrator `ADMIN`."""
    from survey.access import accounts
    from survey.storage import seed
    from survey.storage.db import open_database

    url = f"sqlite:///{tmp_path_factory.mktemp('app_db') / 'app.db'}"
    db = open_database(url)
    with db.session() as s:
        seed.ensure_demo(s)
        accounts.create_account(s, ADMIN[0], ADMIN[1], is_admin=True)
        s.commit()
    db.dispose()
    return url


@pytest.fixture
def make_account(app_database_url: str):
    """make_account(username, password, *, role=None, workspace_id=None, is_admin=False) -> account id."""
    from survey.access import accounts
    from survey.storage import tables as tb
    from survey.storage.db import open_database

    def make(username: str, password: str, *, role=None, workspace_id=None, is_admin=False) -> int:
        db = open_database(app_database_url)
        try:
            with db.session() as s:
                account = accounts.create_account(s, username, password, is_admin=is_admin)
                if role is not None:
                    if workspace_id is None:
                        workspace_id = s.query(tb.Workspace.id).order_by(tb.Workspace.id).first()[0]
                    accounts.set_role(s, account.id, workspace_id, role)
                s.commit()
                return account.id
        finally:
            db.dispose()

    return make


@contextmanager
def running_app(folder: Path, database_url: str, **extra_env: str) -> Iterator[str]:
    """`streamlit run app.py` on a free loopback port against `database_url`, with `extra_env` added to its
    environment (e.g. RENDER_TIMEOUT_S="0.001"); yields its base URL once `/_stcore/health` answers, stops its
    whole process group on the way out. Its output goes to `folder`/streamlit.log."""
    if not (REPO_ROOT / "app.py").is_file():
        pytest.fail(f"{REPO_ROOT / 'app.py'} does not exist: nothing to test in the browser", pytrace=False)
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": database_url, **extra_env}
    log_path = folder / "streamlit.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.headless=true",
                f"--server.port={port}",
                "--server.address=127.0.0.1",
                "--browser.gatherUsageStats=false",
                "--server.fileWatcherType=none",
            ],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, stopped as a whole
        )

    def output() -> str:
        return log_path.read_text(errors="replace")[-6000:]

    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while not is_healthy(base_url):
            if proc.poll() is not None:
                pytest.fail(
                    f"streamlit exited with {proc.returncode} before serving; its output:\n{output()}", pytrace=False
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"streamlit not healthy after {SERVER_START_TIMEOUT:.0f} s; its output:\n{output()}", pytrace=False
                )
            time.sleep(0.25)
        yield base_url
    finally:
        _stop_group(proc)


def is_healthy(base_url: str) -> bool:
    """True when the server at `base_url` answers `/_stcore/health` with 200."""
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory, app_database_url: str):
    """Run the app (`streamlit run app.py`) for the whole session; yields its base URL."""
    with running_app(tmp_path_factory.mktemp("app_server"), app_database_url) as base_url:  # fresh database
        yield base_url


@pytest.fixture(scope="session")
def base_url(app_server: str) -> str:
    return app_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.isfile(executable):
        pytest.fail(
            "Debian's chromium is missing (/usr/bin/chromium): run ./dev.sh test, which installs it "
            "(apt-get install chromium). Never `playwright install`.",
            pytrace=False,
        )
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1400, "height": 900}, "locale": "zh-CN"}


_APP = '[data-testid="stApp"]'
_CONNECTED = f'{_APP}[data-test-connection-state="CONNECTED"]'
_SCRIPT_DONE = f'{_APP}[data-test-script-state="notRunning"], {_APP}[data-test-script-state="compilationError"]'


def wait_for_app(page: Page, text: str | None = None, *, timeout: float = 60_000, settle_ms: int = 200) -> None:
    """Wait until Streamlit is connected and its script run is over (and `text` is shown, if given).

    Call it after `page.goto(...)` and after every interaction that makes the app rerun.
    `settle_ms` lets a rerun that the last interaction triggered begin before the check.
    """
    if settle_ms:
        page.wait_for_timeout(settle_ms)
    page.locator(_CONNECTED).wait_for(state="attached", timeout=timeout)
    page.locator(_SCRIPT_DONE).first.wait_for(state="attached", timeout=timeout)
    if text is not None:
        page.get_by_text(text).first.wait_for(state="visible", timeout=timeout)
        # The text shows while the run that draws it is still going: wait for that run's end too, so that
        # the next click lands on this run's widgets, not on the stale ones of the run before.
        page.wait_for_timeout(settle_ms or 100)
        page.locator(_SCRIPT_DONE).first.wait_for(state="attached", timeout=timeout)


@pytest.fixture(name="wait_for_app")
def wait_for_app_fixture():
    """The `wait_for_app(page, text=None, *, timeout=60_000)` helper, for tests to call."""
    return wait_for_app


def choose(page: Page, selectbox, option: str) -> None:
    """Pick an option of a Streamlit selectbox, opening it again if the first click came mid-animation."""
    combobox = selectbox.get_by_role("combobox")
    expect(combobox).to_be_visible()
    for _ in range(5):
        combobox.click()
        try:
            page.get_by_role("option", name=option).click(timeout=3000)
            return
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
    raise AssertionError(f"could not choose {option!r}")


def sign_in(page: Page, username: str, password: str) -> None:
    """Sign in on the page shown (the sign-in form), then wait for the session cookie."""
    from survey.i18n import text
    from ui.auth import COOKIE

    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    form = main.locator('[data-testid="stForm"]')
    lang = "en" if form.get_by_text(text("en", "signin.username")).count() else "zh"
    form.get_by_label(text(lang, "signin.username")).fill(username)
    form.get_by_label(text(lang, "signin.password"), exact=True).fill(password)
    form.get_by_role("button", name=text(lang, "signin.submit")).click()
    for _ in range(100):
        if any(c["name"] == COOKIE for c in page.context.cookies()):
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError(f"{username} is not signed in: " + main.inner_text()[:500])
    wait_for_app(page)


@pytest.fixture
def admin_signed_in(page: Page, base_url: str) -> Page:
    """The test's `page`, signed in as the administrator; later `page.goto(...)` stay signed in."""
    page.goto("/")
    sign_in(page, *ADMIN)
    return page
