"""Benchmark of importing a survey tool's export (run by hand; the test suite runs it once at a tiny size).

    .venv/bin/python bench/bench_sources.py [--rows 100000] [--repeat 3] [--results FILE] [--no-record]

import_qualtrics_100000x30: a Qualtrics "choice text" CSV export as it comes out of the tool (three header
rows, the 17 fixed columns with IP address, names, e-mail and location, two 10-row matrix questions and 10
single questions answered "Very dissatisfied" … "Very satisfied"), through the whole import: read and
recognise it, normalize it (`survey.importing.sources.normalize`) and store it
(`survey.importing.sources.importing.import_export`:
mapping, validation, one transaction) into a fresh SQLite database. Baseline, measured in the same run: the
plain CSV import (`survey.importing.importer.import_file`) of the same answers as numbers (respondent id + 30 columns)
into the same survey. Target: within 1.5×. Both imports are checked to store the same numbers.

Appends one line to --results (bench/RESULTS.md):
    NAME: project T s, baseline T s, ratio R (machine, date, ...)
Timings are the best of `--repeat` runs.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Recorder, arguments, stamp
from survey.design.definition import Node, Scale, ScalePoint, SurveyDefinition
from survey.importing import importer
from survey.importing.sources import normalize
from survey.importing.sources.importing import import_export
from survey.storage import store
from survey.storage.db import open_database

ITEMS = 30
LABELS = ("Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied")
FIXED = (
    "StartDate",
    "EndDate",
    "Status",
    "IPAddress",
    "Progress",
    "Duration (in seconds)",
    "Finished",
    "RecordedDate",
    "ResponseId",
    "RecipientLastName",
    "RecipientFirstName",
    "RecipientEmail",
    "ExternalReference",
    "LocationLatitude",
    "LocationLongitude",
    "DistributionChannel",
    "UserLanguage",
)
MATRICES = (("Q1", "How satisfied are you with the course"), ("Q2", "How satisfied are you with the teacher"))
ROWS_PER_MATRIX = 10


def questions() -> list[tuple[str, str, str]]:
    """(column id, question text as Qualtrics writes it, item code) for the 30 items."""
    found = []
    for qid, text in MATRICES:
        found += [(f"{qid}_{r}", f"{text} - Aspect {r}", f"{qid.lower()}_{r}") for r in range(1, ROWS_PER_MATRIX + 1)]
    single = ITEMS - len(found)
    found += [(f"Q{n}", f"How satisfied are you with service {n}?", f"q{n}") for n in range(3, 3 + single)]
    return found


def definition() -> SurveyDefinition:
    """One survey both files import into: items coded as the plain CSV's columns, labelled as the export's."""
    points = tuple(ScalePoint(v, "", label) for v, label in enumerate(LABELS, start=1))
    scale = Scale("sat5", "5", 1, 5, points)
    nodes = [Node("dim", "dimension", "维度", "Dimension")]
    nodes += [
        Node(code, "item", "", text, parent="dim", role="perception", scale="sat5") for _qid, text, code in questions()
    ]
    return SurveyDefinition("工具导出基准", "Tool export benchmark", scales=(scale,), nodes=tuple(nodes))


def answers(rows: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(1, 6, size=(rows, ITEMS))


def qualtrics_bytes(values: np.ndarray) -> bytes:
    """The export as Qualtrics writes it (choice text, UTF-8 with BOM, CRLF)."""
    ids = [*FIXED, *(q[0] for q in questions())]
    texts = [*FIXED, *(q[1] for q in questions())]
    imports = [json.dumps({"ImportId": f"QID{n}"}) for n in range(len(ids))]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([ids, texts, imports])
    for r, row in enumerate(values.tolist()):
        fixed = [
            "2026-03-02 09:00:00",
            "2026-03-02 09:06:10",
            "IP Address",
            f"192.0.2.{r % 250}",
            "100",
            "370",
            "True",
            "2026-03-02 09:06:11",
            f"R_{r:010d}",
            f"Last{r}",
            f"First{r}",
            f"r{r}@example.org",
            "",
            "52.52",
            "13.40",
            "anonymous",
            "EN",
        ]
        writer.writerow([*fixed, *(LABELS[v - 1] for v in row)])
    return out.getvalue().encode("utf-8-sig")


def plain_bytes(values: np.ndarray) -> bytes:
    """The same answers as a plain CSV: the respondent id, then one column of numbers per item code."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["respondent_id", *(q[2] for q in questions())])
    writer.writerows([f"R_{r:010d}", *row] for r, row in enumerate(values.tolist()))
    return out.getvalue().encode("utf-8")


def fresh_survey(path: Path):
    db = open_database(f"sqlite:///{path}")
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey_id = store.create_survey(s, ws, definition()).id
        s.commit()
    return db, ws, survey_id


def stored_sums(db, ws, survey_id) -> list[float]:
    with db.session() as s:
        frame = store.responses_frame(s, ws, survey_id)
    return [float(frame[q[2]].sum()) for q in questions()]


def time_project(data: bytes, folder: Path, n: int) -> tuple[float, list[float]]:
    db, ws, survey_id = fresh_survey(folder / f"project{n}.db")
    start = time.perf_counter()
    export = normalize(data, "qualtrics_export.csv")
    result = import_export(db, ws, survey_id, export, "qualtrics_export.csv")
    elapsed = time.perf_counter() - start
    assert export.tool == "qualtrics" and result.rows_rejected == 0, result.problems[:3]
    assert result.imported and result.rows_imported == len(export.respondent_ids), result.problems[:3]
    sums = stored_sums(db, ws, survey_id)
    db.dispose()
    return elapsed, sums


def time_baseline(data: bytes, folder: Path, n: int) -> tuple[float, list[float]]:
    db, ws, survey_id = fresh_survey(folder / f"baseline{n}.db")
    start = time.perf_counter()
    result = importer.import_file(db, ws, survey_id, data, "plain.csv")
    elapsed = time.perf_counter() - start
    assert result.imported and result.rows_rejected == 0, result.problems[:3]
    sums = stored_sums(db, ws, survey_id)
    db.dispose()
    return elapsed, sums


def main() -> None:
    args = arguments(__doc__, rows=100_000).parse_args()
    out = Recorder.from_args(args)
    values = answers(args.rows)
    export, plain = qualtrics_bytes(values), plain_bytes(values)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        projects, baselines = [], []
        for n in range(args.repeat):  # interleaved, so that both see the same machine
            projects.append(time_project(export, folder, n))
            baselines.append(time_baseline(plain, folder, n))
    project, project_sums = min(projects)
    baseline, baseline_sums = min(baselines)
    assert project_sums == baseline_sums == [float(s) for s in values.sum(axis=0)], "the imports stored other numbers"
    out.line(
        f"import_qualtrics_{args.rows}x{ITEMS}: project {project:.3f} s, baseline {baseline:.3f} s, "
        f"ratio {project / baseline:.2f} ({stamp()}, project = normalize + "
        f"import_export of a {len(export) / 1e6:.1f} MB Qualtrics text export into SQLite, baseline = "
        f"importer.import_file of the same numbers as a {len(plain) / 1e6:.1f} MB plain CSV)"
    )


if __name__ == "__main__":
    main()
