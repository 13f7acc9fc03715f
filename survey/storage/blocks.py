"""The answers of each import, also stored column by column: what the dashboards read fast.

Every response keeps its row (`Response`, answers and attributes as JSON: the
record). An import also writes, in the very transaction of each chunk it
stores, one `AnswerBlock`: the chunk's response ids, times, waves, attributes
and answers as an Arrow IPC stream (lz4-compressed), one typed column each.
`store.responses_frame` decodes the blocks with pyarrow instead of decoding
a JSON object per response, and reads per row only what no block holds
(questionnaire answers, and a batch whose blocks do not add up to its rows).

A batch's blocks never change: undoing the batch deletes them with it
(foreign key ON DELETE CASCADE, and `batches.undo_batch` deletes them
first), so they cannot go stale; a block's rows are counted against the
batch's stored rows on every read, and a batch whose counts differ is read
per row (never silently wrong).

Columns of a block: ``response_id`` (int64), ``submitted_at`` (timestamp
µs), ``wave`` (string), ``a:<code>`` per attribute or comment (string; only
those with some text in the chunk, in the order of their first text) and
``q:<code>`` per scored item (null = missing): int8 when every answer of the chunk is a whole number
from -128 to 127 (scale points, 0–10), float64 otherwise; read as float64.

The stream is not compressed: for 1,000,000 × 30 answers the blocks take 67 MB uncompressed (int8) against
40 MB with lz4, and decode in 0.015 s against 0.06–0.4 s (bench/RESULTS.md, "answer blocks"). Blocks
written with lz4 or zstd (before) read the same, and so do float64 answer columns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from datetime import datetime

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.ipc as ipc
import sqlalchemy as sa

from survey.storage import tables as t

ATTRIBUTE, ANSWER = "a:", "q:"  # column name prefixes in a block
COMPRESSION = None  # see above: reading fast matters more than 40 % of the blocks' size
SMALL = pa.int8()  # the type of a column of whole answers within its range


def encode(
    response_ids: Sequence[int],
    submitted_at: datetime | Sequence[datetime],
    waves: Sequence[str | None],
    answers: Mapping[str, Sequence[float | None]],
    attributes: Mapping[str, Sequence[str | None]],
) -> bytes:
    """One block's bytes: the columns as above, an Arrow IPC stream."""
    n = len(response_ids)
    if isinstance(submitted_at, datetime):
        times = pa.repeat(pa.scalar(submitted_at, type=pa.timestamp("us")), n)
    else:
        times = pa.array(submitted_at, type=pa.timestamp("us"))
    columns = {
        "response_id": pa.array(response_ids, type=pa.int64()),
        "submitted_at": times,
        "wave": pa.array(waves, type=pa.string()),
    }
    texts = []
    for code, values in attributes.items():
        column = pa.array(values, type=pa.string())
        if column.null_count < n:  # a text nobody gave in this chunk has no column (as in the JSON)
            texts.append((pc.index(column.is_valid(), True).as_py(), code, column))
    for _first, code, column in sorted(texts, key=lambda item: item[0]):
        columns[ATTRIBUTE + code] = column
    for code, values in answers.items():
        columns[ANSWER + code] = _answer_column(values)
    table = pa.table(columns)
    sink = pa.BufferOutputStream()
    with ipc.new_stream(sink, table.schema, options=ipc.IpcWriteOptions(compression=COMPRESSION)) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _answer_column(values: Sequence[float | None]) -> pa.Array:
    """The answers of one item: int8 when all are whole numbers that fit, else float64 (exact either way)."""
    column = pa.array(values, type=pa.float64())
    given = column.drop_null()
    if len(given) == 0:
        return column.cast(SMALL)
    low, high = pc.min_max(given).values()
    if -128 <= low.as_py() <= high.as_py() <= 127 and pc.all(pc.equal(given, pc.floor(given))).as_py():
        return column.cast(SMALL)
    return column


def decode(data: bytes) -> pa.Table:
    return ipc.open_stream(pa.py_buffer(data)).read_all()


def add_block(
    connection: sa.Connection,
    *,
    workspace_id: int,
    survey_id: int,
    version_id: int,
    batch_id: int,
    response_ids: Sequence[int],
    submitted_at: datetime | Sequence[datetime],
    waves: Sequence[str | None],
    answers: Mapping[str, Sequence[float | None]],
    attributes: Mapping[str, Sequence[str | None]],
) -> None:
    """Store one block of a batch's rows (in the caller's transaction, the one that stores the rows)."""
    if not response_ids:
        return
    connection.execute(
        sa.insert(t.AnswerBlock.__table__).values(
            workspace_id=workspace_id,
            survey_id=survey_id,
            version_id=version_id,
            batch_id=batch_id,
            n_rows=len(response_ids),
            first_response_id=min(response_ids),
            data=encode(response_ids, submitted_at, waves, answers, attributes),
        )
    )


def block_of_rows(rows: Sequence[Mapping]) -> tuple[list, list, dict, dict] | None:
    """(times, waves, answers, attributes) columns of response rows as `store.add_responses` takes them
    (dicts with `answers`, `attributes`, `wave`, `submitted_at`), or None when a value does not fit a column
    (a text that is no string, a number that is none): those rows are then read from their JSON only."""
    answers: dict[str, list] = {}
    attributes: dict[str, list] = {}
    n = len(rows)
    for i, row in enumerate(rows):
        for code, value in (row.get("answers") or {}).items():
            if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
                return None
            answers.setdefault(code, [None] * n)[i] = value
        for code, value in (row.get("attributes") or {}).items():
            if not isinstance(value, str):
                return None
            attributes.setdefault(code, [None] * n)[i] = value
    times = [row.get("submitted_at") for row in rows]
    waves = [row.get("wave") for row in rows]
    return times, waves, answers, attributes


def _count(engine: sa.Engine, query) -> list:
    with engine.connect() as connection:
        return connection.execute(query).all()


def survey_blocks(
    s, survey_id: int, version_ids: list[int] | None
) -> tuple[pa.Table | None, list[int], dict[str, int]]:
    """The visible blocks of a survey that add up to their batch's stored rows, as one Arrow table (with a
    ``version`` column: the version's number), the ids of the batches they cover, and for each text and
    answer column the first response id that has it (the JSON way orders columns by first appearance)."""
    b, ib = t.AnswerBlock, t.ImportBatch
    query = (
        sa.select(b.batch_id, t.SurveyVersion.number, b.n_rows, b.data, b.first_response_id, b.id)
        .join(ib, ib.id == b.batch_id)
        .join(t.SurveyVersion, t.SurveyVersion.id == b.version_id)
        .where(b.survey_id == survey_id, ib.state == "visible")
    )
    if version_ids is not None:
        query = query.where(b.version_id.in_(version_ids))
    r = t.Response
    counting = (
        sa.select(r.batch_id, sa.func.count())
        .where(r.survey_id == survey_id, r.batch_id.is_not(None))
        .group_by(r.batch_id)
    )
    bind = s.get_bind()
    apart = isinstance(bind, sa.Engine) and (bind.url.database or ":memory:") != ":memory:"
    with ThreadPoolExecutor(1) if apart else nullcontext() as pool:
        # the rows each batch has stored, counted on a connection of its own while the blocks are read
        counted = pool.submit(_count, bind, counting) if apart else None
        # ordered here, not in SQL: SQLite's sorter would copy every block's bytes (0.08 s per 1,000,000 answers)
        found = sorted(s.execute(query).all(), key=lambda row: (row[4], row[5]))
        stored = dict(counted.result() if apart else s.execute(counting).all())
    if not found:
        return None, [], {}
    held: dict[int, int] = {}
    for batch_id, _number, n_rows, *_ in found:
        held[batch_id] = held.get(batch_id, 0) + n_rows
    covered = [batch_id for batch_id, n in held.items() if stored.get(batch_id, 0) == n]
    if not covered:
        return None, [], {}
    keep = set(covered)
    tables, numbers = [], []
    first_seen: dict[str, int] = {}
    for batch_id, number, _n_rows, data, first_id, _id in found:
        if batch_id in keep:
            table = decode(data)
            for name in table.schema.names:
                if name.startswith(ANSWER) and name not in first_seen:
                    first_seen[name] = first_id
            tables.append(table)
            numbers.append(number)
    # int8 and float64 answers of one item in different blocks: float64, as every answer column is read
    table = pa.concat_tables(tables, promote_options="permissive")
    ids = table.column("response_id")
    for k, name in enumerate(table.column_names):
        if name.startswith(ANSWER) and table.schema.field(k).type != pa.float64():
            table = table.set_column(k, name, table.column(k).cast(pa.float64()))
        elif name.startswith(ATTRIBUTE):
            first_seen[name] = pc.min(ids.filter(table.column(k).is_valid())).as_py()
    version = np.repeat(np.array(numbers, dtype=np.int64), [len(x) for x in tables])
    return table.add_column(1, "version", pa.array(version)), covered, first_seen
