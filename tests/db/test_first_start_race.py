"""Several app instances starting at once on an empty database: one migrates and loads the demo, once."""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select

from survey.storage import seed
from survey.storage import tables as t
from survey.storage.db import migrate, open_database

INSTANCES = 4


def start_instances(url: str, *, migrate_too: bool) -> list[BaseException]:
    """What `ui.state.database()` does on each instance's first request, in threads started together."""
    errors: list[BaseException] = []
    ready = threading.Barrier(INSTANCES)

    def instance() -> None:
        try:
            ready.wait()
            db = open_database(url, upgrade=migrate_too)
            try:
                with db.session() as s:
                    seed.ensure_demo(s)
                    s.commit()
            finally:
                db.dispose()
        except BaseException as err:  # reported by the test
            errors.append(err)

    threads = [threading.Thread(target=instance, daemon=True) for _ in range(INSTANCES)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 90
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    stuck = sum(thread.is_alive() for thread in threads)
    return errors + [TimeoutError(f"{stuck} instance(s) still starting after 90 s")] * bool(stuck)


def test_instances_starting_together_load_the_demo_once(database_url):
    postgres = database_url.startswith("postgresql")
    if not postgres:  # SQLite's first migration is one writer's job; the race that matters is the demo
        db = open_database(database_url, upgrade=False)
        migrate(db.engine)
        db.dispose()
    assert start_instances(database_url, migrate_too=postgres) == []
    db = open_database(database_url)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(t.Workspace)) == 1
        assert s.scalar(select(func.count()).select_from(t.Survey)) == 3
        assert s.scalar(select(func.count()).select_from(t.Response)) == 20 + 250 + 235
    db.dispose()
