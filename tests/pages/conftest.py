"""AppTest fixtures: the app on its own SQLite file with the demo surveys loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from survey import seed
from survey.db import open_database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo_database_file(tmp_path_factory) -> Path:
    """A database as the app makes it on first start, built once and copied per test."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = open_database(f"sqlite:///{path}")
    with db.session() as s:
        seed.ensure_demo(s)
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


def make_app(lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["lang"] = lang
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
