"""The column and answer-text mapping remembered for a survey, for its next upload.

An import that stores a batch remembers its mapping; the import page can
also save one. What is remembered is merged (the newest columns win) and
kept to the last `MAPPING_MAX` column names and answer texts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from survey.design.definition import SurveyDefinition
from survey.importing.mapping import propose_columns
from survey.importing.sessions import session_of
from survey.importing.writing import lock_survey
from survey.storage import store
from survey.storage import tables as t
from survey.storage.db import Database

MAPPING_MAX = 500  # remembered column names per survey


@dataclass(frozen=True)
class SavedMapping:
    """The column and answer-text mapping remembered for a survey."""

    columns: dict[str, str | None]
    labels: dict[str, object]
    updated_at: datetime | None


def remembered_mapping(target: Database | Session, workspace_id: int, survey_id: int) -> SavedMapping | None:
    """The mapping last used (or saved) for this survey, or None."""
    with session_of(target) as (s, _owned):
        store.get_survey(s, workspace_id, survey_id)
        return saved_mapping(s, workspace_id, survey_id)


def remember_mapping(
    target: Database | Session,
    workspace_id: int,
    survey_id: int,
    columns: Mapping[str, str | None],
    labels: Mapping[str, object] | None = None,
) -> None:
    """Save a mapping for the survey's next upload (merged into what was remembered; these columns win)."""
    with session_of(target) as (s, owned):
        lock_survey(s, workspace_id, survey_id)
        remember(s, workspace_id, survey_id, columns, labels or {})
        if owned:
            s.commit()


def saved_mapping(s: Session, workspace_id: int, survey_id: int) -> SavedMapping | None:
    """The survey's remembered mapping (in this workspace), read in the caller's session, or None."""
    row = s.scalars(
        sa.select(t.ImportMapping).where(
            t.ImportMapping.survey_id == survey_id, t.ImportMapping.workspace_id == workspace_id
        )
    ).first()
    if row is None:
        return None
    return SavedMapping(dict(row.columns or {}), dict(row.labels or {}), row.updated_at)


def remember(s: Session, workspace_id: int, survey_id: int, columns: Mapping, labels: Mapping) -> None:
    """Merge `columns` and `labels` into what is remembered (these win), keep the last `MAPPING_MAX`; flushed."""
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


def mapping_in_effect(s, workspace_id, survey_id, defn: SurveyDefinition, keys, columns, labels):
    """(columns, labels) an import uses: the caller's, else the remembered ones (columns: then the proposal),
    with one entry for every column key."""
    saved = saved_mapping(s, workspace_id, survey_id) if columns is None or labels is None else None
    if columns is None:
        columns = propose_columns(defn, keys, saved.columns if saved else None)
    columns = {k: columns.get(k) for k in keys}
    if labels is None:
        labels = dict(saved.labels) if saved else {}
    return columns, dict(labels)
