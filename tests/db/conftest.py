"""Fixtures of the storage tests: a migrated database on SQLite and PostgreSQL, and its workspace."""

import pytest

from survey.storage import store
from survey.storage.db import open_database


@pytest.fixture
def db(database_url):
    """The app's database (migrated) on a fresh SQLite file or PostgreSQL database."""
    database = open_database(database_url)
    yield database
    database.dispose()


@pytest.fixture
def ws(db) -> int:
    """The id of the default workspace."""
    with db.session() as s:
        workspace = store.default_workspace(s)
        s.commit()
        return workspace.id
