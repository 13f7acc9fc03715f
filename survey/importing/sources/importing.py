"""A normalized export into a survey: the importer's one path, fed with the plain CSV.

`propose_columns(defn, export, remembered)` is `survey.importing.mapping.propose_columns`
over the plain CSV's header, plus one step the importer cannot take on its
own: a matrix row whose "question - row" label matches nothing is tried by
its row text alone (the survey's item is usually labelled by the row), when
no other item of the export has that row text.

`import_export(db, workspace_id, survey_id, export, file_name)` hands the
plain CSV's table (`NormalizedExport.plain_table(fields=True)`, with the
respondent fields: a survey's ``channel`` attribute takes the tool's channel;
the fields mapped nowhere else are kept in the response's meta; personal data
only when the caller asks to keep it) to
`survey.importing.importer.import_table`: same mapping, validation, report and single
transaction as the import page. `in_file_terms(problem, export)` names a
problem's row and column as they are in the tool's file (an item's or a
respondent field's own columns).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace

from sqlalchemy.orm import Session

from survey.design.definition import SurveyDefinition
from survey.importing import importer
from survey.importing import mapping as column_mapping
from survey.importing.importer import ImportResult
from survey.importing.mapping import META_PREFIX
from survey.importing.sources.model import ID_COLUMN, Item, NormalizedExport
from survey.importing.validation import ImportProblem
from survey.storage import choices, store
from survey.storage.db import Database


def plain_header(export: NormalizedExport, *, fields: bool = True) -> list[str]:
    """The column keys of `export.to_plain_csv(fields=fields)` as the importer names them."""
    names = [f.name for f in export.fields] if fields else []
    return column_mapping.column_keys([ID_COLUMN, *(i.label for i in export.items), *names])


def propose_columns(
    defn: SurveyDefinition,
    export: NormalizedExport,
    remembered: Mapping[str, str | None] | None = None,
    *,
    fields: bool = True,
) -> dict[str, str | None]:
    """{plain CSV column: survey target or None}; see the module docstring."""
    header = plain_header(export, fields=fields)
    found = column_mapping.propose_columns(defn, header, remembered)
    taken = {t for t in found.values() if t}
    rows = Counter(i.row for i in export.items if i.row)
    keys = header[1 : 1 + len(export.items)]
    open_rows = {
        key: item.row
        for key, item in zip(keys, export.items)
        if found.get(key) is None and item.row and rows[item.row] == 1 and not (remembered and key in remembered)
    }
    if open_rows:
        by_row = column_mapping.propose_columns(defn, list(open_rows.values()))
        for key, row in open_rows.items():
            target = by_row.get(row)
            if target and target not in taken:
                found[key] = target
                taken.add(target)
    return found


def import_export(
    db: Database,
    workspace_id: int,
    survey_id: int,
    export: NormalizedExport,
    file_name: str,
    *,
    columns: Mapping[str, str | None] | None = None,
    labels: Mapping[str, object] | None = None,
    policy: str = "all_or_nothing",
    lang: str = "zh",
    progress: importer.Progress | None = None,
    before_commit: Callable[[Session, int], None] | None = None,
    keep_personal: bool = False,
) -> ImportResult:
    """Import a normalized export as one batch (see the module docstring); columns None = proposed.

    Respondent fields that the mapping sends nowhere else (start and end time, duration, channel,
    language …) are kept with each response (`Response.meta`); personal data (IP address, e-mail,
    names …) only with `keep_personal`, and otherwise never reaches the database. Neither is ever
    shown on a dashboard or written to an export. progress and before_commit as in
    `survey.importing.importer.import_table`.
    """
    if columns is None:
        with db.session() as s:
            version = store.current_version(s, workspace_id, survey_id)
            defn = choices.load_definition(s, workspace_id, version.id)
        saved = importer.remembered_mapping(db, workspace_id, survey_id)
        columns = propose_columns(defn, export, saved.columns if saved else None)
    columns = dict(columns)
    kept = []
    for f in export.fields:
        if f.personal and not keep_personal:
            columns.pop(f.name, None)  # not even a column of the table the importer reads
            continue
        if not columns.get(f.name):
            columns[f.name] = META_PREFIX + f.name
        kept.append(f)
    table = replace(export, fields=tuple(kept)).plain_table(fields=True)
    return importer.import_table(
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
        before_commit=before_commit,
    )


def in_file_terms(problem: ImportProblem, export: NormalizedExport) -> ImportProblem:
    """The problem with the row and column of the tool's own file instead of the plain CSV's."""
    row = problem.row
    if row is not None and 2 <= row < 2 + len(export.row_numbers):
        row = export.row_numbers[row - 2]
    column = problem.column
    for named in (*export.items, *export.fields):
        if (named.label if isinstance(named, Item) else named.name) == column:
            column = " + ".join(named.columns)
            break
    if column == ID_COLUMN and export.respondent_column:
        column = export.respondent_column
    return replace(problem, row=row, column=column)
