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

Transactions: an import is visible all at once or not at all, but it is
not one long transaction (on SQLite that would hold the only write lock for
the whole file, and a questionnaire answer submitted meanwhile would wait
and fail). It first waits for the survey's import turn
(`writing.import_turn`: imports into one survey take turns, across threads
and processes), removes what a killed import left, stores its batch marked
"writing" and then each chunk of rows in a short transaction of its own;
nothing reads a "writing" batch's rows (`store.visible_responses`). The last
transaction locks the survey's row, marks the batch "visible" and writes
the audit entry: from that commit on, every row of the file is seen. An
exception (also from the progress callback) removes the rows stored so far;
a killed process leaves a "writing" batch nobody sees, removed by the next
import into the survey. Because imports into one survey take turns, the
duplicate check against earlier imports is always up to date; the unique
constraint on respondent (survey, external id) is the final guard against
anything else creating the same respondent at the same moment: such a clash
removes the import's rows and it is tried once more (its duplicate check
then sees the other rows); a second clash gives up with the message
``imp.conflict``.

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

This module holds the import itself; every name above imports from here.
Beside it: `preview`, the results (`results`), the batch writer
(`writing`), the batch list and undo (`batches`), the remembered mapping
(`remembered`), progress messages (`progress`); reading a file is
`reading`, the mapping `mapping`, the checks `validation`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from survey.importing.batches import BatchSummary, discard_unfinished, list_batches, undo_batch
from survey.importing.mapping import column_keys
from survey.importing.preview import preview
from survey.importing.progress import Progress, report_progress
from survey.importing.reading import CHUNK_ROWS, ReadError, Table, open_table
from survey.importing.remembered import SavedMapping, mapping_in_effect, remember, remember_mapping, remembered_mapping
from survey.importing.results import ImportPreview, ImportResult, refused
from survey.importing.validation import MAX_PROBLEMS, CheckedChunk, ImportProblem, Validator, plan_columns
from survey.importing.writing import KnownRespondents, import_turn, lock_survey, store_chunk
from survey.storage import choices, store
from survey.storage import tables as t
from survey.storage.db import Database

POLICIES = ("all_or_nothing", "valid_rows")
WRITE_ROWS = 2_500  # rows per write transaction (SQLite: how long a questionnaire answer may wait for the lock)


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
        return refused([ImportProblem(None, None, None, err.message, err.params)], columns, labels)
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
                return refused([problem], columns, labels, table)
        except OperationalError as err:
            if "locked" in str(err).lower() or "busy" in str(err).lower():
                return refused([ImportProblem(None, None, None, "imp.busy")], columns, labels, table)
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
    batch_id = None
    with import_turn(db, survey_id), db.session() as s:
        try:
            discard_unfinished(s, survey_id)  # what an import killed earlier left behind
            version = store.current_version(s, workspace_id, survey_id)
            defn = choices.load_definition(s, workspace_id, version.id)
            keys = column_keys(table.header)
            columns, labels = mapping_in_effect(s, workspace_id, survey_id, defn, keys, columns, labels)
            plan, file_problems = plan_columns(defn, keys, columns)
            if any(p.level == "error" for p in file_problems):
                s.commit()
                return refused(file_problems, columns, labels, table)
            batch = _new_batch(s, workspace_id, survey_id, version.id, file_name, table, now)
            batch_id = batch.id
            s.commit()
            known = KnownRespondents(s, survey_id, batch.id)
            validator = Validator(plan, labels, known=known, lang=lang, header=table.header)

            def write(checked: CheckedChunk) -> None:
                for part in checked.slices(WRITE_ROWS):
                    store_chunk(s, workspace_id, survey_id, version.id, batch.id, now, part, known)
                    s.commit()  # short transactions: an answer submitted meanwhile waits for one at most
                    db.turns.let_urgent_pass()  # and goes before the next

            try:
                storing = _check_and_store(table, validator, write, policy, lang, progress, chunk_rows)
            except ReadError as err:
                _discard(s, survey_id)
                problem = ImportProblem(None, None, None, err.message, err.params)
                return refused([*file_problems, problem, *validator.problems], columns, labels, table, validator)
            problems = file_problems + validator.problems
            if validator.rows_read == 0:
                _discard(s, survey_id)
                problem = ImportProblem(None, None, None, "imp.no_rows")
                return refused([*problems, problem], columns, labels, table, validator)
            if not storing or validator.rows_valid == 0:
                _discard(s, survey_id)
                return refused(problems, columns, labels, table, validator)
            lock_survey(s, workspace_id, survey_id)
            _close_batch(batch, validator, columns, labels, policy, table)
            batch.state = store.VISIBLE  # every row at once, with the audit entry
            remember(s, workspace_id, survey_id, columns, labels)
            if before_commit is not None:
                before_commit(s, batch.id)
            s.commit()
        except BaseException:
            s.rollback()
            if batch_id is not None:
                _discard(s, survey_id, quietly=True)
            raise
    report_progress(progress, 1.0, lang, validator.rows_read, done=True)
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


def _discard(s: Session, survey_id: int, *, quietly: bool = False) -> None:
    """Remove the rows this import has stored so far (it still holds the survey's import turn).

    `quietly` (on the way out of an exception): a failure here is left for the next import into the survey
    to clean up (its rows were never visible), and the first exception is the one raised.
    """
    s.rollback()
    try:
        discard_unfinished(s, survey_id)
        s.commit()
    except Exception:
        s.rollback()
        if not quietly:
            raise


def _new_batch(
    s: Session, workspace_id: int, survey_id: int, version_id: int, file_name: str, table: Table, now: datetime
) -> t.ImportBatch:
    """The batch row (counts and mapping come at the end), flushed so that its id exists."""
    batch = t.ImportBatch(
        workspace_id=workspace_id,
        survey_id=survey_id,
        version_id=version_id,
        file_name=(file_name or "")[:500],
        source="file",
        encoding=table.encoding,
        mapping={},
        created_at=now,
        state=store.WRITING,
    )
    s.add(batch)
    s.flush()
    return batch


def _check_and_store(
    table: Table,
    validator: Validator,
    write: Callable[[CheckedChunk], None],
    policy: str,
    lang: str,
    progress: Progress | None,
    chunk_rows: int,
) -> bool:
    """Check the file chunk by chunk and `write` each chunk's good rows; False once "all_or_nothing" met a bad row
    (the rest is still checked, for the report, but not stored). ReadError when the file breaks off."""
    storing = True
    for chunk in table.chunks(chunk_rows):
        checked = validator.check(chunk)
        if policy == "all_or_nothing" and validator.rows_rejected:
            storing = False
        if storing and checked.rows:
            write(checked)
        report_progress(progress, chunk.fraction * 0.99, lang, validator.rows_read)
    return storing


def _close_batch(
    batch: t.ImportBatch, validator: Validator, columns: dict, labels: dict, policy: str, table: Table
) -> None:
    """The batch's counts and the mapping it was imported with."""
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


__all__ = [
    "MAX_PROBLEMS",
    "POLICIES",
    "Progress",
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
