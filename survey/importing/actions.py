"""The import page's user actions, each one transaction that checks, writes and audits: import a file
(a plain CSV / Excel file or a survey tool's normalized export) and undo an import.

`import_responses` checks that the signed-in account may import into the workspace
(`accounts.check_permission`, AccountError "account.not_permitted"), then runs the importer
(`importer.import_file` or `sources.importing.import_export`) with the audit entry "import" written
inside the import's own transaction: the batch and its entry are stored together or not at all.
`undo_import` removes a batch (`batches.undo_batch`) and writes "undo_import" in the same
transaction. A refused action writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.orm import Session

from survey.access import accounts, audit
from survey.access.accounts import SignedIn
from survey.importing import importer
from survey.importing.batches import undo_batch
from survey.importing.importer import ImportResult, Progress
from survey.importing.sources.importing import import_export
from survey.importing.sources.model import NormalizedExport
from survey.storage import tables as t
from survey.storage.db import Database

CONSENT_KEY = "contact_consent"  # Response.meta: the respondents agreed to be contacted (survey.comments reads it)

PLAIN = "csv"  # the tool name of a plain CSV / Excel file in the audit entry (the page's reader name)


def import_responses(
    db: Database,
    who: SignedIn,
    workspace_id: int,
    survey_id: int,
    file_name: str,
    *,
    data: bytes | None = None,
    export: NormalizedExport | None = None,
    keep_personal: bool = False,
    contact_consent: bool = False,
    columns: Mapping[str, str | None] | None = None,
    labels: Mapping[str, object] | None = None,
    policy: str = "all_or_nothing",
    lang: str = "zh",
    progress: Progress | None = None,
) -> ImportResult:
    """Import `data` (a plain file's bytes) or `export` (a survey tool's normalized export) into the survey
    as one batch, audited as "import" with the batch and the tool, in the import's transaction.

    contact_consent (with `keep_personal`): the respondents agreed to be contacted about their answers;
    each response of the batch says so in its meta (`survey.comments.CONSENT_KEY`), and the Follow-up
    page shows their e-mail and name (`survey.comments.contact_of`). Without it they stay "anonymous"."""
    if (data is None) == (export is None):
        raise ValueError("give either the file's bytes (data) or a normalized export (export)")
    with db.session() as s:
        accounts.check_permission(s, who, "responses.import", workspace_id)

    consent = bool(contact_consent and keep_personal and export is not None)

    def record(s: Session, batch_id: int) -> None:
        tool = export.tool if export is not None else PLAIN
        if consent:
            mark_contact_consent(s, batch_id)
        audit.record(
            s,
            who.actor,
            "import",
            workspace_id=workspace_id,
            target=file_name,
            batch=batch_id,
            tool=tool,
            contact_consent=consent or None,
        )

    options = dict(columns=columns, labels=labels, policy=policy, lang=lang, progress=progress, before_commit=record)
    if export is None:
        return importer.import_file(db, workspace_id, survey_id, data, file_name, **options)
    return import_export(db, workspace_id, survey_id, export, file_name, keep_personal=keep_personal, **options)


def mark_contact_consent(s: Session, batch_id: int) -> None:
    """Say in the meta of each response of the batch that the respondent agreed to be contacted."""
    rows = s.execute(sa.select(t.Response.id, t.Response.meta).where(t.Response.batch_id == batch_id)).all()
    for start in range(0, len(rows), 1000):
        part = rows[start : start + 1000]
        s.execute(sa.update(t.Response), [{"id": i, "meta": {**(m or {}), CONSENT_KEY: True}} for i, m in part])


def undo_import(db: Database, who: SignedIn, workspace_id: int, batch_id: int, *, target: str) -> int:
    """Remove an import's batch (exactly its responses, `batches.undo_batch`), audited as "undo_import"
    under `target` (the batch as the page names it); returns the responses removed."""
    with db.session() as s:
        accounts.check_permission(s, who, "batches.undo", workspace_id)
        removed = undo_batch(s, workspace_id, batch_id)
        audit.record(s, who.actor, "undo_import", workspace_id=workspace_id, target=target, responses=removed)
        s.commit()
        return removed
