"""What a file would import, checked against the survey, nothing written: the import page's first step.

`preview` reads and checks the whole file as the import would (mapping,
answers, duplicates against the stored respondents), keeps the first rows
as a sample and the answer texts of each item column that are not plain
numbers (`DISTINCT_TEXTS` at most), for the user to edit the mapping and
check again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from sqlalchemy.orm import Session

from survey.importing.mapping import AnswerText, answer_texts, column_keys, is_plain_number, propose_columns
from survey.importing.progress import Progress, report_progress
from survey.importing.reading import ReadError, open_table
from survey.importing.remembered import saved_mapping
from survey.importing.results import ImportPreview
from survey.importing.sessions import session_of
from survey.importing.validation import ImportProblem, Validator, plan_columns
from survey.importing.writing import KnownRespondents
from survey.storage import choices, store
from survey.storage.db import Database

DISTINCT_TEXTS = 50  # answer texts listed per column in a preview


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
    with session_of(target) as (s, _owned):
        defn = choices.load_definition(s, workspace_id, store.current_version(s, workspace_id, survey_id).id)
        saved = saved_mapping(s, workspace_id, survey_id)
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
        validator = Validator(plan, labels, known=KnownRespondents(s, survey_id, None), lang=lang, header=table.header)
        texts: dict[int, Counter] = {c.index: Counter() for c in plan.items}
        sample: list[tuple[str, ...]] = []
        ok = not any(p.level == "error" for p in file_problems)
        try:
            for chunk in table.chunks():
                if len(sample) < sample_rows:
                    sample += [tuple(r) for r in chunk.rows[: sample_rows - len(sample)]]
                _count_texts(chunk.rows, texts)
                validator.check(chunk)
                report_progress(progress, chunk.fraction, lang, validator.rows_read)
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
