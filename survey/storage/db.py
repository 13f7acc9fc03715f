"""The one place that opens database connections.

`DATABASE_URL` chooses the database (PostgreSQL for a multi-user deployment,
e.g. ``postgresql+psycopg://user:pass@host/db``); without it the app uses the
SQLite file ``data/satisfaction.db``. `open_database` brings the schema up to
date through the migrations before anything else touches it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SQLITE = ROOT / "data" / "satisfaction.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK = 7_215_001  # PostgreSQL advisory lock keys of this app
FIRST_START_LOCK = 7_215_002


def database_url() -> str:
    url = os.environ.get("DATABASE_URL", "").strip()
    if url.startswith("postgres://"):  # the form many hosts hand out
        url = "postgresql+psycopg://" + url.removeprefix("postgres://")
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url or f"sqlite:///{DEFAULT_SQLITE}"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to `revision` (all migrations by default)."""
    cfg = _alembic_config()
    if engine.dialect.name != "sqlite":
        with engine.begin() as connection:
            # several app instances starting at once: one migrates, the others wait and find it done
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, revision)
        return
    # SQLite alters a table by copying it and dropping the old one; with foreign keys
    # on, that drop would cascade and delete the rows that point at it (responses!).
    # The pragma only takes effect outside a transaction.
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()  # end the implicit transaction so that the pragma holds
        try:
            with connection.begin():
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, revision)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left rows without their parent: {broken[:5]}")
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


def first_start_lock(s: Session) -> None:
    """Hold, until the session's transaction ends, the lock under which the first start loads its data.

    Two app instances starting on an empty database would otherwise both see it empty. PostgreSQL: a
    transaction-level advisory lock. SQLite: an update that changes nothing still takes the write lock.
    """
    if s.get_bind().dialect.name == "sqlite":
        s.execute(text("UPDATE workspace SET id = id WHERE 1 = 0"))
    else:
        s.execute(text(f"SELECT pg_advisory_xact_lock({FIRST_START_LOCK})"))


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def revisions() -> list[str]:
    """Every migration, oldest first."""
    script = ScriptDirectory.from_config(_alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


class WriteTurns:
    """Short writes go first: a questionnaire answer being stored (`urgent`) makes a long import wait between
    two of its write transactions (`let_urgent_pass`), so that on SQLite, with its single writer, the import
    does not take the lock again before the answer had its turn. Within one process (the app's); answers from
    another process still get the lock through SQLite's busy timeout and their own retries."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._urgent = 0

    @contextmanager
    def urgent(self) -> Iterator[None]:
        with self._changed:
            self._urgent += 1
        try:
            yield
        finally:
            with self._changed:
                self._urgent -= 1
                self._changed.notify_all()

    def let_urgent_pass(self, limit: float = 2.0) -> None:
        """Wait (at most `limit` seconds) until no urgent write is under way."""
        with self._changed:
            self._changed.wait_for(lambda: self._urgent == 0, timeout=limit)


class Database:
    """An engine plus a session factory, migrated on open."""

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.turns = WriteTurns()

    def session(self) -> Session:
        return self.sessions()

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None, *, upgrade: bool = True) -> Database:
    db = Database(url or database_url())
    if upgrade:
        migrate(db.engine)
    return db
