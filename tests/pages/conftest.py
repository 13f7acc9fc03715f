"""AppTest fixtures: the app on its own SQLite file with the demo surveys loaded.

The demo database has one account per role (`ROLE_ACCOUNTS`, password
`PASSWORD`), each with that role in the demo workspace (the administrator is
an account flag). `make_app(lang, role)` signs the app's session in as that
account; `role=None` leaves it signed out.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from survey.access import accounts
from survey.storage import seed
from survey.storage import tables as tb
from survey.storage.db import open_database

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
ROLE_ACCOUNTS = {role: f"test-{role}" for role in ("administrator", "coordinator", "manager", "teacher", "student")}


@pytest.fixture(scope="session")
def demo_database_file(tmp_path_factory) -> Path:
    """A database as the app makes it on first start, built once and copied per test."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = open_database(f"sqlite:///{path}")
    with db.session() as s:
        seed.ensure_demo(s)
        demo = s.query(tb.Workspace).order_by(tb.Workspace.id).first()
        for role, username in ROLE_ACCOUNTS.items():
            account = accounts.create_account(s, username, PASSWORD, is_admin=role == "administrator")
            if role != "administrator":
                accounts.set_role(s, account.id, demo.id, role)
        s.commit()
    db.dispose()
    return path


@pytest.fixture
def app_database(demo_database_file, tmp_path, monkeypatch) -> str:
    path = tmp_path / "app.db"
    shutil.copy(demo_database_file, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def sign_in_token(username: str) -> str:
    """A sign-in session for an account of the app's database (DATABASE_URL)."""
    db = open_database(os.environ["DATABASE_URL"])
    try:
        with db.session() as s:
            account_id = s.query(tb.Account.id).filter_by(username=username).scalar()
            token = accounts.start_session(s, account_id)
            s.commit()
    finally:
        db.dispose()
    return token


def make_app(lang: str = "en", role: str | None = "administrator", *, username: str | None = None) -> AppTest:
    """The app, not yet run, signed in as the test account of `role` (or `username`)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["lang"] = lang
    if username or role:
        at.session_state["auth_token"] = sign_in_token(username or ROLE_ACCOUNTS[role])
    return at


@pytest.fixture
def app(app_database) -> AppTest:
    """The app in English, not yet run."""
    return make_app("en")


def open_page(at: AppTest, page: str) -> AppTest:
    if not at._tree or not len(at.main.children):  # first run
        at.run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at
