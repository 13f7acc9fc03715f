"""What a preview and an import hand back: `ImportPreview`, `ImportResult`, and the result of an import refused.

Both carry their problems (file-level ones first, then per row), their
errors, and the problem list as a CSV download in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from survey.importing.mapping import AnswerText
from survey.importing.reading import Table
from survey.importing.validation import ImportProblem, Validator, report_csv


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


def refused(problems, columns, labels, table: Table | None = None, validator: Validator | None = None) -> ImportResult:
    """An import that stored nothing: its problems, and what was read and checked before it stopped."""
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
