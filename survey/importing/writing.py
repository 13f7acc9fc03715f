"""The batch writer: one import's rows go into the database chunk by chunk, each chunk a short transaction.

`import_turn` makes imports into one survey take turns (across threads and
processes, held for the whole import and let go when its process dies);
the batch is stored as "writing" (`store.WRITING`: no dashboard, count or
list sees its rows) and made visible in the import's last, short
transaction (`lock_survey`, then the state "visible"), so a questionnaire
answer submitted meanwhile waits for one chunk at most, never for the whole
file (SQLite has one writer at a time). `KnownRespondents` is the duplicate check against the database
and remembers the respondents the batch created; `store_chunk` inserts one
checked chunk: new respondents first, then the responses, as ready-made JSON
text through the driver's executemany (statements compiled from Core
``insert()``), which keeps a large import's time and memory low
(bench/RESULTS.md).
"""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from survey.importing.validation import CheckedChunk
from survey.storage import blocks, store
from survey.storage import tables as t
from survey.storage.db import Database

ID_LOOKUP_SLICE = 2_000  # ids per duplicate-check query (SQLite allows 32,766 parameters)

# Bulk insert target. Its columns carry no type, so SQLAlchemy does no per-row work on
# them: answers / attributes / meta arrive as JSON text (PostgreSQL casts the text to
# json itself), the timestamp as the dialect stores it (`timestamp`).
_RESPONSES = sa.table(
    "response",
    sa.column("workspace_id"),
    sa.column("survey_id"),
    sa.column("version_id"),
    sa.column("respondent_id"),
    sa.column("batch_id"),
    sa.column("submitted_at"),  # see timestamp
    sa.column("wave"),
    sa.column("answers"),
    sa.column("attributes"),
    sa.column("meta"),
)


IMPORT_LOCK = 7_215_003  # PostgreSQL advisory lock key (with the survey id) of an import's turn
_TURNS: dict[tuple[str, int], threading.Lock] = {}  # in-memory SQLite: one process, so a lock per survey
_TURNS_GUARD = threading.Lock()


@contextmanager
def import_turn(db: Database, survey_id: int) -> Iterator[None]:
    """Wait for, and hold while the block runs, the survey's import turn: one import per survey at a time.

    PostgreSQL: a session advisory lock on a connection of its own. SQLite file: an exclusive `flock` on
    ``<database>.locks/import-<survey id>`` (per open file, so threads take turns too). Both end with
    the process, so a killed import never blocks the next one.
    """
    with _turn(db, survey_id, wait=True):
        yield


@contextmanager
def free_import_turn(db: Database, survey_id: int) -> Iterator[bool]:
    """The survey's import turn if nobody holds it (True, held while the block runs), else False at once:
    an import is running (in this process or another one)."""
    with _turn(db, survey_id, wait=False) as got:
        yield got


@contextmanager
def _turn(db: Database, survey_id: int, *, wait: bool) -> Iterator[bool]:
    engine = db.engine
    if engine.dialect.name != "sqlite":
        with engine.connect() as connection:
            take = "pg_advisory_lock" if wait else "pg_try_advisory_lock"
            got = connection.exec_driver_sql(f"SELECT {take}({IMPORT_LOCK}, {int(survey_id)})").scalar() is not False
            connection.commit()
            try:
                yield got
            finally:
                if got:
                    connection.exec_driver_sql(f"SELECT pg_advisory_unlock({IMPORT_LOCK}, {int(survey_id)})")
                    connection.commit()
        return
    path = engine.url.database or ""
    if not path or path == ":memory:":
        with _TURNS_GUARD:
            turn = _TURNS.setdefault((str(engine.url), survey_id), threading.Lock())
        got = turn.acquire(blocking=wait)
        try:
            yield got
        finally:
            if got:
                turn.release()
        return
    folder = Path(path).with_name(Path(path).name + ".locks")
    folder.mkdir(exist_ok=True)
    with open(folder / f"import-{int(survey_id)}", "a+b") as lock_file:
        try:
            fcntl.flock(lock_file.fileno(), fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(lock_file.fileno(), fcntl.LOCK_UN)


def lock_survey(s: Session, workspace_id: int, survey_id: int) -> None:
    """Take the survey's row lock for this transaction (an UPDATE that changes nothing); NotFound if not ours."""
    survey = t.Survey.__table__
    result = s.execute(
        sa.update(survey)
        .where(survey.c.id == survey_id, survey.c.workspace_id == workspace_id)
        .values(updated_at=survey.c.updated_at)
    )
    if result.rowcount == 0:
        raise store.NotFound(survey_id)


class KnownRespondents:
    """The duplicate check against the database: {external id: waves it already has responses for}.

    Responses of the running batch do not count (the file's own duplicates
    are found by the validator). Respondents the batch created are kept in
    `created`; the database is asked only about other ids, and not at all
    when the survey had no respondents when the import began. After a call,
    `respondent_ids` holds the stored respondents of the ids asked about,
    for `store_chunk` to reuse.
    """

    def __init__(self, s: Session, survey_id: int, batch_id: int | None):
        self.s = s
        self.survey_id = survey_id
        self.batch_id = batch_id
        self.created: dict[str, int] = {}
        self.respondent_ids: dict[str, int] = {}
        self.any_before = (
            s.scalar(sa.select(t.Respondent.id).where(t.Respondent.survey_id == survey_id).limit(1)) is not None
        )

    def __call__(self, ids: list[str]) -> dict[str, set]:
        created = self.created
        self.respondent_ids = {x: created[x] for x in ids if x in created}
        found: dict[str, set] = {}
        if not self.any_before:
            return found
        ask = [x for x in ids if x not in created]
        rp, r = t.Respondent, t.Response
        joined = r.respondent_id == rp.id
        if self.batch_id is not None:
            joined = sa.and_(joined, sa.or_(r.batch_id.is_(None), r.batch_id != self.batch_id))
        for start in range(0, len(ask), ID_LOOKUP_SLICE):
            part = ask[start : start + ID_LOOKUP_SLICE]
            rows = self.s.execute(
                sa.select(rp.external_id, rp.id, r.id, r.wave)
                .outerjoin(r, joined)
                .where(rp.survey_id == self.survey_id, rp.external_id.in_(part))
            )
            for external_id, respondent_id, response_id, wave in rows:
                self.respondent_ids[external_id] = respondent_id
                waves = found.setdefault(external_id, set())
                if response_id is not None:
                    waves.add(wave)
        return found


def store_chunk(
    s: Session,
    workspace_id: int,
    survey_id: int,
    version_id: int,
    batch_id: int,
    now: datetime,
    checked: CheckedChunk,
    known: KnownRespondents,
) -> None:
    """Insert one chunk's rows: new respondents first (ids read back), then the responses, then the chunk's
    answer block (`survey.storage.blocks`) with the responses' ids, read back in insertion order."""
    connection = s.connection()
    ids = known.respondent_ids
    new = {x for x in checked.respondents if x is not None and x not in ids}
    if new:
        made = insert_respondents(connection, workspace_id, survey_id, sorted(new), now)
        ids.update(made)
        known.created.update(made)
    stamp = timestamp(connection, now)
    rows = [
        (
            workspace_id,
            survey_id,
            version_id,
            ids[x] if x is not None else None,
            batch_id,
            stamp,
            wave,
            answers,
            attributes,
            meta,
        )
        for x, wave, answers, attributes, meta in zip(
            checked.respondents, checked.waves, checked.answers, checked.attributes, checked.meta
        )
    ]
    r = t.Response.__table__
    last = connection.execute(sa.select(sa.func.max(r.c.id)).where(r.c.batch_id == batch_id)).scalar() or 0
    connection.exec_driver_sql(insert_sql(connection.dialect), rows)
    response_ids = (
        connection.execute(sa.select(r.c.id).where(r.c.batch_id == batch_id, r.c.id > last).order_by(r.c.id))
        .scalars()
        .all()
    )
    if len(response_ids) != len(rows):
        raise RuntimeError("new responses could not be read back")
    blocks.add_block(
        connection,
        workspace_id=workspace_id,
        survey_id=survey_id,
        version_id=version_id,
        batch_id=batch_id,
        response_ids=response_ids,
        submitted_at=now,
        waves=checked.waves,
        answers=checked.answer_columns,
        attributes=checked.attribute_columns,
    )


def insert_respondents(
    connection: sa.Connection, workspace_id: int, survey_id: int, external_ids: list[str], now: datetime
) -> dict[str, int]:
    """Insert new respondents with the driver's executemany; returns {external id: respondent id}.

    Their ids are read back as the rows above the highest id before the
    insert: ids only grow (SQLite's rowid, PostgreSQL's sequence), and a row
    another transaction added meanwhile is told apart by its survey and
    external id (two rows with one survey and external id cannot exist).
    """
    rp = t.Respondent.__table__
    last = connection.execute(sa.select(sa.func.max(rp.c.id))).scalar() or 0
    stamp = timestamp(connection, now)
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    connection.exec_driver_sql(
        f"INSERT INTO respondent (workspace_id, survey_id, external_id, created_at) "
        f"VALUES ({marker}, {marker}, {marker}, {marker})",
        [(workspace_id, survey_id, x, stamp) for x in external_ids],
    )
    wanted = set(external_ids)
    rows = connection.execute(sa.select(rp.c.external_id, rp.c.id).where(rp.c.id > last, rp.c.survey_id == survey_id))
    made = {external_id: rid for external_id, rid in rows if external_id in wanted}
    if len(made) != len(wanted):
        raise RuntimeError("new respondents could not be read back")
    return made


_RESPONSE_COLUMNS = tuple(c.name for c in _RESPONSES.columns)  # the order of each row's values


def insert_sql(dialect: sa.Dialect) -> str:
    """The response INSERT with positional parameters, for the driver's own executemany.

    Rows go to the DB-API driver directly: SQLAlchemy's per-row parameter
    processing took about 40 % of a large import. The statement is compiled
    from a Core `insert()` and only its parameter markers are rewritten.
    """
    compiled = sa.insert(_RESPONSES).compile(dialect=dialect, column_keys=list(_RESPONSE_COLUMNS))
    sql = str(compiled)
    if dialect.paramstyle == "qmark":
        order = list(compiled.positiontup or [])
    else:
        order = sorted(_RESPONSE_COLUMNS, key=lambda name: sql.index(f"%({name})s"))
        for name in _RESPONSE_COLUMNS:
            sql = sql.replace(f"%({name})s", "%s")
    if order != list(_RESPONSE_COLUMNS):
        raise RuntimeError(f"unexpected parameter order {order}")
    return sql


def timestamp(connection: sa.Connection, now: datetime) -> object:
    """`now` as the untyped bulk insert passes it: SQLite's text form (as SQLAlchemy's DateTime writes it)."""
    if connection.dialect.name == "sqlite":
        return now.strftime("%Y-%m-%d %H:%M:%S.%f")
    return now
