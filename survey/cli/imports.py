"""The command line: read a survey tool's export, and import it into a survey.

    python -m survey normalize FILE -o OUT.csv [--format auto|wjx|tencent|qualtrics|surveymonkey|
                                   google-forms|ms-forms|limesurvey|csv] [--report REPORT.json]
                                   [--codebook CODES.json] [--fields] [--keep-personal] [--lang zh|en]
    python -m survey import FILE --survey ID [--database URL] [--format ...] [--codebook CODES.json]
                                [--policy all_or_nothing|valid_rows] [--report-csv PROBLEMS.csv]
                                [--rejected REJECTED.csv] [--keep-personal] [--lang zh|en]

`normalize` writes one row per respondent in the file's order: ``respondent_id``
(the file's own id, or the row number where it has none), then one column
per item headed by its label, closed answers as numbers, open text as text,
missing answers empty (UTF-8 with BOM); ``--fields`` adds the respondent
fields (times, duration, channel, language), ``--keep-personal`` also the
personal data (IP, e-mail, names …), which is otherwise left out. The report
(JSON) names the tool, the header rows, the columns left out and why, each
item's kind and scale, and the answers left unscored (``unresolved``: a code
off the scale). A codebook (JSON: ``{"*": {"6": null}, "Q2_1": {"9": 3}}``,
keyed by column, question, matrix or ``*``) says what such answers mean.

`import` stores the file as one batch exactly as the import page does (same
mapping — remembered, else proposed —, validation, report and transaction),
through `survey.importing.sources.importing.import_export`, and prints the problems
with the rows and columns of the tool's own file. Respondent fields (times,
duration, channel, language) are kept with each response; personal data only
with ``--keep-personal`` (never shown on a dashboard or in an export).

Exit status: 0 on success; 1 when the file cannot be read, the survey does
not exist, or (import) any row was refused or nothing was stored; 2 for a
wrong command line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from survey.characters import printable
from survey.i18n import LANGUAGES, text
from survey.importing.reading import ReadError
from survey.importing.sources import AUTO, TOOLS, NormalizedExport, SourceError, normalize

SHOWN_PROBLEMS = 200


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        codebook = _codebook(args.codebook) if args.codebook else None
        data = Path(args.file).read_bytes()
        export = normalize(
            data,
            Path(args.file).name,
            tool=args.format,
            keep_personal=getattr(args, "keep_personal", False),
            codebook=codebook,
        )
    except (ReadError, SourceError) as err:
        _say(text(args.lang, err.message, **err.params), error=True)
        return 1
    except OSError as err:
        _say(f"{args.file}: {err.strerror}", error=True)
        return 1
    _summary(export, args.lang)
    if args.command == "normalize":
        return _normalize(args, export)
    return _import(args, export)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m survey", description="Survey tool exports: read and import.")
    commands = parser.add_subparsers(dest="command", required=True)
    normalize_cmd = commands.add_parser("normalize", help="write one row per respondent, one column per item")
    import_cmd = commands.add_parser("import", help="import the file into a survey, as the import page does")
    for command in (normalize_cmd, import_cmd):
        command.add_argument("file", help="the tool's export (.csv, .xlsx, .xls)")
        command.add_argument("--format", default=AUTO, choices=(AUTO, *TOOLS), help="the tool (default: recognise)")
        command.add_argument("--codebook", help='JSON: what answer codes mean, e.g. {"*": {"6": null}}')
        command.add_argument("--lang", default="zh", choices=LANGUAGES, help="language of the messages")
    normalize_cmd.add_argument("-o", "--output", required=True, help="the CSV to write")
    normalize_cmd.add_argument("--report", help="also write the report (JSON)")
    normalize_cmd.add_argument("--fields", action="store_true", help="add the respondent fields after the items")
    normalize_cmd.add_argument("--keep-personal", action="store_true", help="keep IP addresses, e-mail, names …")
    import_cmd.add_argument("--survey", required=True, type=int, help="the survey's id")
    import_cmd.add_argument("--database", help="database URL (default: DATABASE_URL, else data/satisfaction.db)")
    import_cmd.add_argument("--policy", default="all_or_nothing", choices=("all_or_nothing", "valid_rows"))
    import_cmd.add_argument("--report-csv", help="write the list of problems (CSV)")
    import_cmd.add_argument("--rejected", help="write the refused rows (CSV), with valid_rows")
    import_cmd.add_argument(
        "--keep-personal", action="store_true", help="store IP addresses, e-mail, names … with each response"
    )
    return parser


def _codebook(path: str) -> dict[str, dict[str, float | None]]:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as err:
        raise SourceError("src.codebook_bad", path=path, problem=str(err)[:200]) from None
    ok = isinstance(raw, dict) and all(
        isinstance(codes, dict)
        and all(v is None or (isinstance(v, int | float) and not isinstance(v, bool)) for v in codes.values())
        for codes in raw.values()
    )
    if not ok:
        raise SourceError("src.codebook_bad", path=path, problem="{column: {answer: number or null}}")
    return {str(k): {str(c): v for c, v in codes.items()} for k, codes in raw.items()}


def _say(message: str, *, error: bool = False) -> None:
    # printable: a file's text could otherwise send escape sequences to the terminal
    print(printable(message), file=sys.stderr if error else sys.stdout)


def _summary(export: NormalizedExport, lang: str) -> None:
    tool = text(lang, f"src.tool.{export.tool.replace('-', '_')}")
    _say(
        text(
            lang,
            "src.cli.detected",
            tool=tool,
            confidence=f"{export.confidence:.2f}",
            header_rows=export.header_rows,
            rows=len(export.respondent_ids),
            items=len(export.items),
        )
    )
    for dropped in export.dropped:
        _say(text(lang, "src.cli.dropped", column=dropped.column, reason=text(lang, f"src.reason.{dropped.reason}")))
    for note in export.notes:
        _say(text(lang, note))
    for u in export.unresolved:
        rows = ", ".join(str(r) for r in u.rows)
        message = text(
            lang,
            "src.cli.unresolved",
            item=u.item,
            column=u.column,
            answer=u.text,
            shown=u.shown,
            count=u.count,
            rows=rows,
        )
        _say(message, error=True)
    if export.unresolved:
        _say(text(lang, "src.cli.unresolved_help"), error=True)


def _normalize(args: argparse.Namespace, export: NormalizedExport) -> int:
    Path(args.output).write_bytes(export.to_plain_csv(fields=args.fields))
    _say(text(args.lang, "src.cli.written", path=args.output))
    if args.report:
        report = json.dumps(export.report(args.lang), ensure_ascii=False, indent=2)
        Path(args.report).write_text(report + "\n", encoding="utf-8")
        _say(text(args.lang, "src.cli.written", path=args.report))
    return 0


def _import(args: argparse.Namespace, export: NormalizedExport) -> int:
    from survey.access import audit
    from survey.importing.sources.importing import import_export, in_file_terms
    from survey.storage import tables as tb
    from survey.storage.db import open_database

    db = open_database(args.database)
    try:
        with db.session() as s:  # whoever runs the command runs the server: any workspace's survey
            survey = s.get(tb.Survey, args.survey)
            if survey is None:
                _say(text(args.lang, "src.cli.survey_missing", survey=args.survey), error=True)
                return 1
            workspace_id = survey.workspace_id

        def record(s, batch_id: int) -> None:  # the audit entry, in the import's own transaction
            audit.record(
                s,
                audit.SYSTEM,
                "import",
                workspace_id=workspace_id,
                target=Path(args.file).name,
                batch=batch_id,
                tool=export.tool,
                via="command line",
            )

        result = import_export(
            db,
            workspace_id,
            args.survey,
            export,
            Path(args.file).name,
            policy=args.policy,
            lang=args.lang,
            before_commit=record,
            keep_personal=args.keep_personal,
        )
    finally:
        db.dispose()
    problems = [in_file_terms(p, export) for p in result.problems]
    if result.imported:
        _say(
            text(
                args.lang,
                "src.cli.imported",
                imported=result.rows_imported,
                read=result.rows_read,
                batch=result.batch_id,
            )
        )
    else:
        _say(text(args.lang, "src.cli.nothing_imported"), error=True)
    if result.rows_rejected:
        _say(text(args.lang, "src.cli.rejected", rows=result.rows_rejected), error=True)
    _print_problems(problems, result.problem_count, args.lang)
    if args.report_csv:
        Path(args.report_csv).write_bytes(result.report_csv(args.lang))
    if args.rejected and result.rejected_csv:
        Path(args.rejected).write_bytes(result.rejected_csv)
    return 0 if result.imported and not result.rows_rejected else 1


def _print_problems(problems, count: int, lang: str) -> None:
    for p in problems[:SHOWN_PROBLEMS]:
        message = p.text(lang)
        if p.row is None:
            line = text(lang, "src.cli.file_problem", problem=message)
        else:
            line = text(lang, "src.cli.problem", row=p.row, column=p.column or "", problem=message)
        _say(line, error=p.level == "error")
    if count > min(len(problems), SHOWN_PROBLEMS):
        _say(text(lang, "src.cli.more_problems", count=count - min(len(problems), SHOWN_PROBLEMS)), error=True)


if __name__ == "__main__":
    sys.exit(main())
