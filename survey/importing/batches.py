"""The import batches of a survey: the list the import page shows, and undoing one.

Every import is a batch (file, time, counts, mapping). Undoing removes
exactly its responses and the respondents it created that nothing else
uses, in one transaction that first locks the batch's row (an UPDATE that
changes nothing, as the import locks the survey's).

A batch an import is still writing (state "writing", `survey.importing.writing`)
is in no list and cannot be undone; `discard_unfinished` removes the one a
failed or killed import left behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from survey.importing.sessions import session_of
from survey.importing.writing import ID_LOOKUP_SLICE, free_import_turn
from survey.storage import store
from survey.storage import tables as t
from survey.storage.db import Database


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


def list_batches(target: Database | Session, workspace_id: int, survey_id: int) -> list[BatchSummary]:
    """The survey's import batches, newest first."""
    with session_of(target) as (s, _owned):
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
            .where(b.survey_id == survey_id, b.workspace_id == workspace_id, b.state == store.VISIBLE)
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
    with session_of(target) as (s, owned):
        # lock first (see the module docstring): an UPDATE that changes nothing
        locked = s.execute(
            sa.update(t.ImportBatch.__table__)
            .where(t.ImportBatch.__table__.c.id == batch_id, t.ImportBatch.__table__.c.workspace_id == workspace_id)
            .values(file_name=t.ImportBatch.__table__.c.file_name)
        )
        batch = s.get(t.ImportBatch, batch_id)
        if locked.rowcount == 0 or batch is None or batch.state != store.VISIBLE:
            raise store.NotFound(batch_id)
        removed = _remove_batch(s, batch)
        if owned:
            s.commit()
        return removed


def discard_unfinished(s: Session, survey_id: int, *, keep: int | None = None) -> int:
    """Remove the survey's batches still marked "writing" (but `keep`): what an import that failed or was
    killed left behind. Only call it while holding the survey's import turn (`writing.import_turn`), when no
    other import of the survey can be writing. Returns the responses removed; the caller commits."""
    b = t.ImportBatch
    query = sa.select(b).where(b.survey_id == survey_id, b.state == store.WRITING)
    if keep is not None:
        query = query.where(b.id != keep)
    return sum(_remove_batch(s, batch) for batch in s.scalars(query).all())


def sweep_unfinished(db: Database) -> int:
    """Remove what imports killed mid-way left behind ("writing" batches), in every survey whose import turn
    is free; a survey an import is writing into now (in any process) is left alone. The app calls it when
    it starts, so that the rows of a killed import do not wait for the survey's next import to go.
    Returns the responses removed."""
    with db.session() as s:
        surveys = s.scalars(
            sa.select(t.ImportBatch.survey_id).where(t.ImportBatch.state == store.WRITING).distinct()
        ).all()
    removed = 0
    for survey_id in surveys:
        with free_import_turn(db, survey_id) as free:
            if not free:
                continue
            with db.session() as s:
                removed += discard_unfinished(s, survey_id)
                s.commit()
    return removed


def _remove_batch(s: Session, batch: t.ImportBatch) -> int:
    """Delete the batch, its responses and the respondents only it created; returns the responses removed."""
    batch_id = batch.id
    r, rp = t.Response, t.Respondent
    removed = s.scalar(sa.select(sa.func.count()).select_from(r).where(r.batch_id == batch_id)) or 0
    # Both tests go through the response's respondent_id index only: right after a large import PostgreSQL's
    # statistics do not know the batch's rows yet, and combining with the batch_id index (coalesce keeps the
    # planner off it) took 12 s for 18,000 respondents instead of 0.1 s.
    other = sa.select(r.id).where(r.respondent_id == rp.id, sa.or_(r.batch_id.is_(None), r.batch_id != batch_id))
    own = sa.select(r.id).where(r.respondent_id == rp.id, sa.func.coalesce(r.batch_id, 0) == batch_id)
    orphans = s.scalars(
        sa.select(rp.id).where(
            rp.survey_id == batch.survey_id,
            rp.created_at == batch.created_at,
            own.exists(),
            ~other.exists(),
        )
    ).all()
    s.execute(sa.delete(t.AnswerBlock).where(t.AnswerBlock.batch_id == batch_id))
    s.execute(sa.delete(r).where(r.batch_id == batch_id), execution_options={"synchronize_session": False})
    for start in range(0, len(orphans), ID_LOOKUP_SLICE):
        part = orphans[start : start + ID_LOOKUP_SLICE]
        s.execute(sa.delete(rp).where(rp.id.in_(part)), execution_options={"synchronize_session": False})
    s.execute(sa.delete(t.ImportBatch).where(t.ImportBatch.id == batch_id))
    s.expunge(batch)
    return removed
