"""Importing responses from a CSV or Excel file into a survey: preview, import, undo.

For the import page, in the order the user goes:

1. ``p = preview(db, workspace_id, survey_id, data, file_name, lang=lang)``
   reads and checks the whole file without writing anything. Show
   ``p.problems`` (file-level ones first), ``p.sample``, and let the user
   edit ``p.columns`` (choices: ``survey.importing.mapping.targets(definition)``) and
   the answer texts ``p.answer_texts`` (build ``labels = {text: value or
   None}``). Call `preview` again with the edited ``columns=`` / ``labels=``
   to re-check. ``p.columns`` starts from the mapping remembered for the
   survey, then the automatic proposal.
2. ``r = import_file(db, workspace_id, survey_id, data, file_name,
   columns=p.columns, labels=p.labels, policy="valid_rows" or
   "all_or_nothing", lang=lang, progress=callback)``. ``r.batch_id`` is None
   when nothing was stored; ``r.problems`` say why, ``r.report_csv(lang)``
   and ``r.rejected_csv`` are the downloads. ``import_table`` does the same
   for a table already open (a survey tool's normalized export,
   `survey.importing.sources.importing`).
3. ``list_batches(db, workspace_id, survey_id)`` and ``undo_batch(db,
   workspace_id, batch_id)``.

Policies: ``"all_or_nothing"`` stores nothing when any row has a problem;
``"valid_rows"`` stores the rows without problems and hands back the others
as ``rejected_csv`` (the file's own columns plus a column saying what is
wrong) to fix and upload again. Problems with the file as a whole (it cannot
be read, no column maps to an item, a required item has no column, two
columns map to one item) store nothing under either policy.

Transactions: one import is one database transaction. It starts by
locking the survey's row (an UPDATE that changes nothing: on SQLite this takes
the database's write lock, on PostgreSQL a row lock that only other imports
into the same survey wait for), then reads, checks and stores the file chunk
by chunk, and commits once at the end. A crash, an exception (also from the
progress callback) or a killed process leaves no trace of the batch. Because
imports into one survey take turns, the duplicate check against earlier
imports is always up to date; the unique constraint on respondent (survey,
external id) is the final guard against anything else creating the same
respondent at the same moment: such a clash rolls the import back and it is
tried once more (its duplicate check then sees the other rows); a second
clash gives up with the message ``imp.conflict``.

Respondent ids: a row's key is (respondent id, wave). The same id in another
wave is the same respondent answering again (a panel); the same id in the
same wave (or without waves) is a duplicate, refused whether the first one is
earlier in the file or already in the survey.

Memory: the file is read and stored in chunks of `CHUNK_ROWS` rows, answers
go in as ready-made JSON text through the driver's executemany (statements
compiled from Core ``insert()``); what grows with the file is only the
(id, wave) keys seen, the ids of the respondents created, and the rejected
rows. 1,000,000 rows × 30 items peak at about 500 MB (bench/RESULTS.md).

Every function takes the caller's workspace and raises `store.NotFound` for
a survey or batch of another workspace. `import_file` needs a `Database`
(it owns its transaction); the others take a `Database` (they commit
themselves) or a `Session` (the caller commits).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from survey.design.definition import SurveyDefinition
from survey.i18n import text
from survey.importing.mapping import (
    AnswerText,
    answer_texts,
    column_keys,
    is_plain_number,
    propose_columns,
)
from survey.importing.reading import CHUNK_ROWS, ReadError, Table, open_table
from survey.importing.validation import (
    MAX_PROBLEMS,
    CheckedChunk,
    ImportProblem,
    Validator,
    plan_columns,
    report_csv,
)
from survey.storage import store
from survey.storage import tables as t
from survey.storage.db import Database

POLICIES = ("all_or_nothing", "valid_rows")
ID_LOOKUP_SLICE = 2_000  # ids per duplicate-check query (SQLite allows 32,766 parameters)
DISTINCT_TEXTS = 50  # answer texts listed per column in a preview
MAPPING_MAX = 500  # remembered column names per survey

Progress = Callable[[float, str], None]

# Bulk insert target. Its columns carry no type, so SQLAlchemy does no per-row work on
# them: answers / attributes / meta arrive as JSON text (PostgreSQL casts the text to
# json itself), the timestamp as the dialect stores it (`_timestamp`).
_RESPONSES = sa.table(
    "response",
    sa.column("workspace_id"),
    sa.column("survey_id"),
    sa.column("version_id"),
    sa.column("respondent_id"),
    sa.column("batch_id"),
    sa.column("submitted_at"),  # see _timestamp
    sa.column("wave"),
    sa.column("answers"),
    sa.column("attributes"),
    sa.column("meta"),
)

# --- results ------------------------------------------------------------------------------


class _Problems:
    """The problem list of a preview or an import: its errors, and its CSV download."""

    problems: tuple[ImportProblem, ...]

    @property
    def errors(self) -> tuple[ImportProblem, ...]:
        return tuple(p for p in self.problems if p.level == "error")

    def report_csv(self, lang: str) -> bytes:
        """The problem list as a CSV download in `lang` (see `survey.importing.validation.report_csv`)."""
        return report_csv(self.problems, lang)


@dataclass(frozen=True)
class ImportPreview(_Problems):
    """What a file would import, checked against the survey, nothing written.

    ok: False when the file as a whole cannot be imported (see problems).
    kind: "csv" | "xlsx" | "xls"; encoding ("utf-8", "utf-8-sig", "gb18030",
    "utf-16", ...) and delimiter for text files; sheet for Excel.
    header: the column keys (the header texts, made unique) that `columns`
    uses. sample: the first data rows as text. columns: {column: target or
    None} in effect; proposed: the automatic proposal alone. labels: the
    answer-text map in effect. answer_texts: per item column, its texts that
    are not plain numbers with the proposed value (`AnswerText`).
    rows_read / rows_valid / rows_rejected: counts over the whole file.
    problems: file-level ones first, then per row (at most MAX_PROBLEMS;
    problem_count counts all).
    """

    ok: bool
    kind: str | None
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    header: tuple[str, ...]
    sample: tuple[tuple[str, ...], ...]
    columns: dict[str, str | None]
    proposed: dict[str, str | None]
    labels: dict[str, object]
    answer_texts: tuple[AnswerText, ...]
    rows_read: int
    rows_valid: int
    rows_rejected: int
    problems: tuple[ImportProblem, ...]
    problem_count: int


@dataclass(frozen=True)
class ImportResult(_Problems):
    """The outcome of `import_file`.

    batch_id: the new batch, or None when nothing was stored. rows_read /
    rows_imported / rows_rejected count data rows (blank rows not counted).
    problems: as in `ImportPreview`. rejected_csv: the rejected rows, with
    the file's columns plus one saying what is wrong (UTF-8 with BOM, safe
    to open in a spreadsheet), or None. columns / labels: the mapping used.
    """

    batch_id: int | None
    rows_read: int
    rows_imported: int
    rows_rejected: int
    problems: tuple[ImportProblem, ...]
    problem_count: int
    rejected_csv: bytes | None
    kind: str | None
    encoding: str | None
    delimiter: str | None
    columns: dict[str, str | None]
    labels: dict[str, object]

    @property
    def imported(self) -> bool:
        return self.batch_id is not None


@dataclass(frozen=True)
class BatchSummary:
    """One import as the batch list shows it; `responses` is how many of its rows are still stored."""

    id: int
    file_name: str
    source: str
    created_at: datetime
    version: int
    rows_read: int
    rows_imported: int
    rows_rejected: int
    responses: int
    encoding: str | None
    mapping: dict


@dataclass(frozen=True)
class SavedMapping:
    """The column and answer-text mapping remembered for a survey."""

    columns: dict[str, str | None]
    labels: dict[str, object]
    updated_at: datetime | None


# --- sessions -------------------------------------------------------------------------------


@contextmanager
def _session(target: Database | Session) -> Iterator[tuple[Session, bool]]:
    if isinstance(target, Session):
        yield target, False
        return
    with target.session() as s:
        yield s, True


# --- preview --------------------------------------------------------------------------------


def preview(
    target: Database | Session,
    workspace_id: int,
    survey_id: int,
    data: bytes,
    file_name: str = "",
    *,
    columns: Mapping[str, str | None] | None = None,
    labels: Mapping[str, object] | None = None,
    lang: str = "zh",
    encoding: str | None = None,
    delimiter: str | None = None,
    limit: int | None = None,
    sample_rows: int = 10,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read, map and check a file against the survey's current version without writing anything.

    columns / labels: the user's mapping; None uses the remembered one, then
    the automatic proposal. encoding / delimiter: override detection.
    limit: size limit in bytes (default: `survey.importing.reading.max_bytes()`).
    """
    with _session(target) as (s, _owned):
        defn = store.load_definition(s, workspace_id, store.current_version(s, workspace_id, survey_id).id)
        saved = _saved(s, workspace_id, survey_id)
        try:
            table = open_table(data, file_name, encoding=encoding, delimiter=delimiter, limit=limit)
        except ReadError as err:
            return _empty_preview(ImportProblem(None, None, None, err.message, err.params), labels)
        keys = column_keys(table.header)
        proposed = propose_columns(defn, keys)
        chosen = dict(columns) if columns is not None else propose_columns(defn, keys, saved.columns if saved else None)
        chosen = {k: chosen.get(k) for k in keys}
        labels = dict(labels) if labels is not None else dict(saved.labels if saved else {})
        plan, file_problems = plan_columns(defn, keys, chosen)
        validator = Validator(plan, labels, known=_Known(s, survey_id, None), lang=lang, header=table.header)
        texts: dict[int, Counter] = {c.index: Counter() for c in plan.items}
        sample: list[tuple[str, ...]] = []
        ok = not any(p.level == "error" for p in file_problems)
        try:
            for chunk in table.chunks():
                if len(sample) < sample_rows:
                    sample += [tuple(r) for r in chunk.rows[: sample_rows - len(sample)]]
                _count_texts(chunk.rows, texts)
                validator.check(chunk)
                _report(progress, chunk.fraction, lang, validator.rows_read)
        except ReadError as err:
            file_problems.append(ImportProblem(None, None, None, err.message, err.params))
            ok = False
        if validator.rows_read == 0 and ok:
            file_problems.append(ImportProblem(None, None, None, "imp.no_rows"))
            ok = False
    found_texts: list[AnswerText] = []
    for c in plan.items:
        found_texts += answer_texts(c.column, c.code, c.scale, texts[c.index], labels)
    return ImportPreview(
        ok=ok,
        kind=table.kind,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
        header=tuple(keys),
        sample=tuple(sample),
        columns=chosen,
        proposed=proposed,
        labels=labels,
        answer_texts=tuple(found_texts),
        rows_read=validator.rows_read,
        rows_valid=validator.rows_valid,
        rows_rejected=validator.rows_rejected,
        problems=tuple(file_problems + validator.problems),
        problem_count=len(file_problems) + validator.problem_count,
    )


def _count_texts(rows: list[list[str]], texts: dict[int, Counter]) -> None:
    for index, counter in texts.items():
        if len(counter) >= DISTINCT_TEXTS:
            continue
        column = Counter(r[index] if index < len(r) else "" for r in rows)
        for value, count in column.items():
            if value.strip() and not is_plain_number(value) and (value in counter or len(counter) < DISTINCT_TEXTS):
                counter[value] += count


def _empty_preview(problem: ImportProblem, labels) -> ImportPreview:
    return ImportPreview(
        ok=False,
        kind=None,
        encoding=None,
        delimiter=None,
        sheet=None,
        header=(),
        sample=(),
        columns={},
        proposed={},
        labels=dict(labels or {}),
        answer_texts=(),
        rows_read=0,
        rows_valid=0,
        rows_rejected=0,
        problems=(problem,),
        problem_count=1,
    )


# --- import ---------------------------------------------------------------------------------


def import_file(
    db: Database,
    workspace_id: int,
    survey_id: int,
    data: bytes,
    file_name: str,
    *,
    columns: Mapping[str, str | None] | None = None,
    labels: Mapping[str, object] | None = None,
    policy: str = "all_or_nothing",
    lang: str = "zh",
    encoding: str | None = None,
    delimiter: str | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
    chunk_rows: int = CHUNK_ROWS,
    before_commit: Callable[[Session, int], None] | None = None,
) -> ImportResult:
    """Import a file into the survey's current version as one batch, in one transaction.

    Arguments as in `preview`; policy: "all_or_nothing" or "valid_rows"
    (module docstring); lang: the language of `rejected_csv` and of the
    progress messages; progress(fraction 0–1, message) is called after each
    chunk; before_commit as in `import_table`. On success the mapping is remembered for the survey. Problems the
    user can fix come back in the result (never as exceptions); NotFound
    for another workspace's survey, ValueError for an unknown policy.
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown import policy {policy!r}: use one of {', '.join(POLICIES)}")
    with db.session() as s:  # another workspace's survey is NotFound, whatever the file
        store.get_survey(s, workspace_id, survey_id)
    try:
        table = open_table(data, file_name, encoding=encoding, delimiter=delimiter, limit=limit)
    except ReadError as err:
        return _refused([ImportProblem(None, None, None, err.message, err.params)], columns, labels)
    return import_table(
        db,
        workspace_id,
        survey_id,
        table,
        file_name,
        columns=columns,
        labels=labels,
        policy=policy,
        lang=lang,
        progress=progress,
        chunk_rows=chunk_rows,
        before_commit=before_commit,
    )


def import_table(
    db: Database,
    workspace_id: int,
    survey_id: int,
    table: Table,
    file_name: str,
    *,
    columns: Mapping[str, str | None] | None = None,
    labels: Mapping[str, object] | None = None,
    policy: str = "all_or_nothing",
    lang: str = "zh",
    progress: Progress | None = None,
    chunk_rows: int = CHUNK_ROWS,
    before_commit: Callable[[Session, int], None] | None = None,
) -> ImportResult:
    """`import_file` for a table already open: a `survey.importing.reading.Table`, or any object with its `kind`,
    `encoding`, `delimiter`, `sheet`, `header` and `chunks(size)` (a survey tool's normalized export
    comes this way, `survey.importing.sources.model.PlainTable`, without being written as CSV and read again).

    before_commit(session, batch id) runs inside the import's transaction just before it commits
    (the audit log's entry, written with the batch or not at all).
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown import policy {policy!r}: use one of {', '.join(POLICIES)}")
    with db.session() as s:  # another workspace's survey is NotFound, whatever the file
        store.get_survey(s, workspace_id, survey_id)
    for attempt in (1, 2):
        try:
            return _import_once(
                db,
                workspace_id,
                survey_id,
                table,
                file_name,
                columns,
                labels,
                policy,
                lang,
                progress,
                chunk_rows,
                before_commit,
            )
        except IntegrityError:
            if attempt == 2:
                problem = ImportProblem(None, None, None, "imp.conflict")
                return _refused([problem], columns, labels, table)
        except OperationalError as err:
            if "locked" in str(err).lower() or "busy" in str(err).lower():
                return _refused([ImportProblem(None, None, None, "imp.busy")], columns, labels, table)
            raise
    raise AssertionError("unreachable")  # pragma: no cover


def _import_once(
    db: Database,
    workspace_id: int,
    survey_id: int,
    table: Table,
    file_name: str,
    columns: Mapping[str, str | None] | None,
    labels: Mapping[str, object] | None,
    policy: str,
    lang: str,
    progress: Progress | None,
    chunk_rows: int,
    before_commit: Callable[[Session, int], None] | None = None,
) -> ImportResult:
    now = t.utcnow()
    with db.session() as s:
        try:
            _lock_survey(s, workspace_id, survey_id)
            version = store.current_version(s, workspace_id, survey_id)
            defn = store.load_definition(s, workspace_id, version.id)
            keys = column_keys(table.header)
            columns, labels = _mapping_in_effect(s, workspace_id, survey_id, defn, keys, columns, labels)
            plan, file_problems = plan_columns(defn, keys, columns)
            if any(p.level == "error" for p in file_problems):
                s.rollback()
                return _refused(file_problems, columns, labels, table)
            batch = t.ImportBatch(
                workspace_id=workspace_id,
                survey_id=survey_id,
                version_id=version.id,
                file_name=(file_name or "")[:500],
                source="file",
                encoding=table.encoding,
                mapping={},
                created_at=now,
            )
            s.add(batch)
            s.flush()
            known = _Known(s, survey_id, batch.id)
            validator = Validator(plan, labels, known=known, lang=lang, header=table.header)
            storing = True
            try:
                for chunk in table.chunks(chunk_rows):
                    checked = validator.check(chunk)
                    if policy == "all_or_nothing" and validator.rows_rejected:
                        storing = False
                    if storing and checked.rows:
                        _store(s, workspace_id, survey_id, version.id, batch.id, now, checked, known)
                    _report(progress, chunk.fraction * 0.99, lang, validator.rows_read)
            except ReadError as err:
                s.rollback()
                problem = ImportProblem(None, None, None, err.message, err.params)
                return _refused([*file_problems, problem, *validator.problems], columns, labels, table, validator)
            problems = file_problems + validator.problems
            if validator.rows_read == 0:
                s.rollback()
                problem = ImportProblem(None, None, None, "imp.no_rows")
                return _refused([*problems, problem], columns, labels, table, validator)
            if not storing or validator.rows_valid == 0:
                s.rollback()
                return _refused(problems, columns, labels, table, validator)
            batch.rows_read = validator.rows_read
            batch.rows_imported = validator.rows_valid
            batch.rows_rejected = validator.rows_rejected
            batch.mapping = {
                "columns": columns,
                "labels": labels,
                "policy": policy,
                "kind": table.kind,
                "delimiter": table.delimiter,
                "sheet": table.sheet,
            }
            _remember(s, workspace_id, survey_id, columns, labels)
            if before_commit is not None:
                before_commit(s, batch.id)
            s.commit()
        except BaseException:
            s.rollback()
            raise
    _report(progress, 1.0, lang, validator.rows_read, done=True)
    return ImportResult(
        batch_id=batch.id,
        rows_read=validator.rows_read,
        rows_imported=validator.rows_valid,
        rows_rejected=validator.rows_rejected,
        problems=tuple(problems),
        problem_count=len(file_problems) + validator.problem_count,
        rejected_csv=validator.rejected_csv(),
        kind=table.kind,
        encoding=table.encoding,
        delimiter=table.delimiter,
        columns=dict(columns),
        labels=dict(labels),
    )


def _lock_survey(s: Session, workspace_id: int, survey_id: int) -> None:
    """Take the survey's row lock for this transaction (an UPDATE that changes nothing); NotFound if not ours."""
    survey = t.Survey.__table__
    result = s.execute(
        sa.update(survey)
        .where(survey.c.id == survey_id, survey.c.workspace_id == workspace_id)
        .values(updated_at=survey.c.updated_at)
    )
    if result.rowcount == 0:
        raise store.NotFound(survey_id)


def _mapping_in_effect(s, workspace_id, survey_id, defn: SurveyDefinition, keys, columns, labels):
    saved = _saved(s, workspace_id, survey_id) if columns is None or labels is None else None
    if columns is None:
        columns = propose_columns(defn, keys, saved.columns if saved else None)
    columns = {k: columns.get(k) for k in keys}
    if labels is None:
        labels = dict(saved.labels) if saved else {}
    return columns, dict(labels)


def _refused(problems, columns, labels, table: Table | None = None, validator: Validator | None = None) -> ImportResult:
    problems = list(problems)
    return ImportResult(
        batch_id=None,
        rows_read=validator.rows_read if validator else 0,
        rows_imported=0,
        rows_rejected=validator.rows_rejected if validator else 0,
        problems=tuple(problems),
        problem_count=len(problems) + (validator.problem_count - len(validator.problems) if validator else 0),
        rejected_csv=validator.rejected_csv() if validator else None,
        kind=table.kind if table else None,
        encoding=table.encoding if table else None,
        delimiter=table.delimiter if table else None,
        columns=dict(columns or {}),
        labels=dict(labels or {}),
    )


def _report(progress: Progress | None, fraction: float, lang: str, rows: int, *, done: bool = False) -> None:
    if progress is not None:
        key = "imp.progress_done" if done else "imp.progress"
        progress(min(max(fraction, 0.0), 1.0), text(lang, key, rows=f"{rows:,}"))


class _Known:
    """The duplicate check against the database: {external id: waves it already has responses for}.

    Responses of the running batch do not count (the file's own duplicates
    are found by the validator). Respondents the batch created are kept in
    `created`; the database is asked only about other ids, and not at all
    when the survey had no respondents when the import began. After a call,
    `respondent_ids` holds the stored respondents of the ids asked about,
    for `_store` to reuse.
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


def _store(
    s: Session,
    workspace_id: int,
    survey_id: int,
    version_id: int,
    batch_id: int,
    now: datetime,
    checked: CheckedChunk,
    known: _Known,
) -> None:
    """Insert one chunk's rows: new respondents first (ids back through RETURNING), then the responses."""
    connection = s.connection()
    ids = known.respondent_ids
    new = {x for x in checked.respondents if x is not None and x not in ids}
    if new:
        made = _insert_respondents(connection, workspace_id, survey_id, sorted(new), now)
        ids.update(made)
        known.created.update(made)
    stamp = _timestamp(connection, now)
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
    connection.exec_driver_sql(_insert_sql(connection.dialect), rows)


def _insert_respondents(
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
    stamp = _timestamp(connection, now)
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


def _insert_sql(dialect: sa.Dialect) -> str:
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


def _timestamp(connection: sa.Connection, now: datetime) -> object:
    """`now` as the untyped bulk insert passes it: SQLite's text form (as SQLAlchemy's DateTime writes it)."""
    if connection.dialect.name == "sqlite":
        return now.strftime("%Y-%m-%d %H:%M:%S.%f")
    return now


# --- batches --------------------------------------------------------------------------------


def list_batches(target: Database | Session, workspace_id: int, survey_id: int) -> list[BatchSummary]:
    """The survey's import batches, newest first."""
    with _session(target) as (s, _owned):
        store.get_survey(s, workspace_id, survey_id)
        b = t.ImportBatch
        counts = (
            sa.select(t.Response.batch_id, sa.func.count().label("n"))
            .where(t.Response.survey_id == survey_id)
            .group_by(t.Response.batch_id)
            .subquery()
        )
        rows = s.execute(
            sa.select(b, t.SurveyVersion.number, sa.func.coalesce(counts.c.n, 0))
            .join(t.SurveyVersion, t.SurveyVersion.id == b.version_id)
            .outerjoin(counts, counts.c.batch_id == b.id)
            .where(b.survey_id == survey_id, b.workspace_id == workspace_id)
            .order_by(b.id.desc())
        ).all()
        return [
            BatchSummary(
                id=batch.id,
                file_name=batch.file_name,
                source=batch.source,
                created_at=batch.created_at,
                version=number,
                rows_read=batch.rows_read,
                rows_imported=batch.rows_imported,
                rows_rejected=batch.rows_rejected,
                responses=int(n),
                encoding=batch.encoding,
                mapping=dict(batch.mapping or {}),
            )
            for batch, number, n in rows
        ]


def undo_batch(target: Database | Session, workspace_id: int, batch_id: int) -> int:
    """Remove a batch: exactly its responses, and the respondents it created that nothing else uses.

    A respondent counts as created by the batch when its creation time is
    the batch's (the importer writes both with one timestamp); one that
    existed before (another import's, or a personal questionnaire link) or
    that still has other responses stays. Returns the responses removed.
    With a Database it commits; with a Session the caller does.
    """
    with _session(target) as (s, owned):
        # lock first (see the module docstring): an UPDATE that changes nothing
        locked = s.execute(
            sa.update(t.ImportBatch.__table__)
            .where(t.ImportBatch.__table__.c.id == batch_id, t.ImportBatch.__table__.c.workspace_id == workspace_id)
            .values(file_name=t.ImportBatch.__table__.c.file_name)
        )
        batch = s.get(t.ImportBatch, batch_id)
        if locked.rowcount == 0 or batch is None:
            raise store.NotFound(batch_id)
        r, rp = t.Response, t.Respondent
        removed = s.scalar(sa.select(sa.func.count()).select_from(r).where(r.batch_id == batch_id)) or 0
        other = sa.select(r.id).where(r.respondent_id == rp.id, sa.or_(r.batch_id.is_(None), r.batch_id != batch_id))
        created = sa.select(r.respondent_id).where(r.batch_id == batch_id, r.respondent_id.is_not(None))
        orphans = s.scalars(
            sa.select(rp.id).where(
                rp.survey_id == batch.survey_id,
                rp.id.in_(created),
                rp.created_at == batch.created_at,
                ~other.exists(),
            )
        ).all()
        s.execute(sa.delete(r).where(r.batch_id == batch_id), execution_options={"synchronize_session": False})
        for start in range(0, len(orphans), ID_LOOKUP_SLICE):
            part = orphans[start : start + ID_LOOKUP_SLICE]
            s.execute(sa.delete(rp).where(rp.id.in_(part)), execution_options={"synchronize_session": False})
        s.execute(sa.delete(t.ImportBatch).where(t.ImportBatch.id == batch_id))
        s.expunge(batch)
        if owned:
            s.commit()
        return removed


# --- remembered mapping ---------------------------------------------------------------------


def remembered_mapping(target: Database | Session, workspace_id: int, survey_id: int) -> SavedMapping | None:
    """The mapping last used (or saved) for this survey, or None."""
    with _session(target) as (s, _owned):
        store.get_survey(s, workspace_id, survey_id)
        return _saved(s, workspace_id, survey_id)


def remember_mapping(
    target: Database | Session,
    workspace_id: int,
    survey_id: int,
    columns: Mapping[str, str | None],
    labels: Mapping[str, object] | None = None,
) -> None:
    """Save a mapping for the survey's next upload (merged into what was remembered; these columns win)."""
    with _session(target) as (s, owned):
        _lock_survey(s, workspace_id, survey_id)
        _remember(s, workspace_id, survey_id, columns, labels or {})
        if owned:
            s.commit()


def _saved(s: Session, workspace_id: int, survey_id: int) -> SavedMapping | None:
    row = s.scalars(
        sa.select(t.ImportMapping).where(
            t.ImportMapping.survey_id == survey_id, t.ImportMapping.workspace_id == workspace_id
        )
    ).first()
    if row is None:
        return None
    return SavedMapping(dict(row.columns or {}), dict(row.labels or {}), row.updated_at)


def _remember(s: Session, workspace_id: int, survey_id: int, columns: Mapping, labels: Mapping) -> None:
    row = s.scalars(sa.select(t.ImportMapping).where(t.ImportMapping.survey_id == survey_id)).first()
    if row is None:
        row = t.ImportMapping(workspace_id=workspace_id, survey_id=survey_id, columns={}, labels={})
        s.add(row)
    merged_columns = {**(row.columns or {}), **dict(columns)}
    merged_labels = {**(row.labels or {}), **dict(labels)}
    row.columns = dict(list(merged_columns.items())[-MAPPING_MAX:])
    row.labels = dict(list(merged_labels.items())[-MAPPING_MAX:])
    row.updated_at = t.utcnow()
    s.flush()


__all__ = [
    "MAX_PROBLEMS",
    "POLICIES",
    "BatchSummary",
    "ImportPreview",
    "ImportProblem",
    "ImportResult",
    "SavedMapping",
    "import_file",
    "import_table",
    "list_batches",
    "preview",
    "remember_mapping",
    "remembered_mapping",
    "undo_batch",
]
