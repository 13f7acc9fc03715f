"""A `Database` or a `Session`: the importing functions' `target`, and who commits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from survey.storage.db import Database


@contextmanager
def session_of(target: Database | Session) -> Iterator[tuple[Session, bool]]:
    """(session, owned): a new session of a Database (owned: the function commits), or the caller's Session."""
    if isinstance(target, Session):
        yield target, False
        return
    with target.session() as s:
        yield s, True
