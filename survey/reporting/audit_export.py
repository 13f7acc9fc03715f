"""The audit log as a table (the Audit log page shows it, one page at a time) and as CSV / Excel files of
every entry a selection holds, through the formula-neutralising writers of `survey.reporting.exports`: a
target typed as ``=HYPERLINK(...)`` (a username tried at sign-in, a survey's title) opens as text."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from survey.access.audit import Entry
from survey.i18n import text
from survey.reporting import exports


def action_name(lang: str, action: str) -> str:
    return text(lang, f"audit.action.{action}")


def audit_table(entries: Sequence[Entry], lang: str) -> pd.DataFrame:
    """One row per entry, newest first: time (UTC), user, action (in `lang`), count (how many events the
    entry folds), workspace, object, details; every text as stored."""
    columns = ("audit.at", "audit.who", "audit.action", "audit.count", "signin.workspace", "audit.target")
    header = [text(lang, c) for c in (*columns, "audit.detail")]
    rows = [
        [
            e.at,
            e.username,
            action_name(lang, e.action),
            e.count,
            e.workspace,
            e.target,
            ", ".join(f"{k}={v}" for k, v in e.detail.items()),
        ]
        for e in entries
    ]
    frame = pd.DataFrame(rows, columns=header)
    frame[header[3]] = frame[header[3]].astype("int64")
    return frame


def audit_csv(entries: Sequence[Entry], lang: str) -> bytes:
    """The entries as CSV (UTF-8 with BOM), formula-like text neutralised (`exports.table_csv`)."""
    return exports.table_csv(_for_file(audit_table(entries, lang)))


def audit_xlsx(entries: Sequence[Entry], lang: str) -> bytes:
    """The entries as an Excel workbook, every text cell stored as text (`exports.table_xlsx`)."""
    return exports.table_xlsx(_for_file(audit_table(entries, lang)), sheet=text(lang, "audit.title"))


def _for_file(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    first = out.columns[0]
    out[first] = [at.isoformat(sep=" ", timespec="seconds") for at in out[first]]
    return out
