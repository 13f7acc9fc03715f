"""Benchmark of the response import (run by hand; the test suite runs it once at a tiny size).

    .venv/bin/python bench/bench_import.py [--rows 100000] [--memory-rows 1000000] [--repeat 3]
        [--skip-memory] [--results FILE] [--no-record]

1. import_100000x30: `survey.importing.importer.import_file` (read, map, validate, store in one transaction) of a
   CSV with a respondent id, a wave and 30 items on a 1–5 scale into a fresh SQLite database, against a
   baseline measured in the same run: `pandas.read_csv` + `DataFrame.to_sql` of the same bytes into a
   fresh SQLite file (no validation, no JSON). Target: within 1.5×.
2. import_memory_1000000x30: peak memory (VmHWM of a child process that reads the file from disk and
   imports it) for a 1,000,000-row file; the budget is about 1 GB. Reported as "project MB peak, baseline
   MB" where the baseline is the same child's peak right after reading the file's bytes (before importing).

Each benchmark appends one line to --results (bench/RESULTS.md):
    NAME: project T s, baseline T s, ratio R (machine, date)
Timings are the best of `--repeat` runs.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Recorder, arguments, stamp
from survey.design.definition import Node, Scale, ScalePoint, SurveyDefinition
from survey.importing import importer
from survey.storage import store
from survey.storage.db import open_database

ITEMS = 30


def definition(items: int = ITEMS) -> SurveyDefinition:
    ends = (ScalePoint(1, "很不满意", "Very dissatisfied"), ScalePoint(5, "很满意", "Very satisfied"))
    scale = Scale("s5", "5", 1, 5, ends)
    nodes = [Node("dim", "dimension", "维度", "Dimension")]
    nodes += [
        Node(f"q{i}", "item", f"题目{i}", f"Item {i}", parent="dim", role="perception", scale="s5")
        for i in range(1, items + 1)
    ]
    nodes.append(Node("wave", "item", "调查批次", "Wave", role="attribute"))
    return SurveyDefinition("导入基准", "Import benchmark", scales=(scale,), nodes=tuple(nodes))


def csv_bytes(rows: int, items: int = ITEMS, seed: int = 0) -> bytes:
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(rng.integers(1, 6, size=(rows, items)), columns=[f"q{i}" for i in range(1, items + 1)])
    frame.insert(0, "respondent_id", [f"r{i}" for i in range(rows)])
    frame.insert(1, "wave", rng.choice(["2025-1", "2025-2", "2026-1"], rows))
    return frame.to_csv(index=False).encode("utf-8")


def fresh_survey(url: str):
    db = open_database(url)
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey_id = store.create_survey(s, ws, definition()).id
        s.commit()
    return db, ws, survey_id


def time_project(data: bytes, folder: Path, n: int) -> float:
    db, ws, survey_id = fresh_survey(f"sqlite:///{folder / f'project{n}.db'}")
    start = time.perf_counter()
    result = importer.import_file(db, ws, survey_id, data, "bench.csv", policy="all_or_nothing")
    elapsed = time.perf_counter() - start
    assert result.batch_id is not None and result.rows_rejected == 0, result.problems[:3]
    db.dispose()
    return elapsed


def time_baseline(data: bytes, folder: Path, n: int) -> float:
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{folder / f'baseline{n}.db'}")
    start = time.perf_counter()
    frame = pd.read_csv(io.BytesIO(data))
    frame.to_sql("responses", engine, index=False)
    elapsed = time.perf_counter() - start
    engine.dispose()
    return elapsed


def speed(rows: int, repeat: int, out: Recorder) -> None:
    data = csv_bytes(rows)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project = min(time_project(data, folder, n) for n in range(repeat))
        baseline = min(time_baseline(data, folder, n) for n in range(repeat))
    out.line(
        f"import_{rows}x{ITEMS}: project {project:.3f} s, baseline {baseline:.3f} s, ratio {project / baseline:.2f} "
        f"({stamp()}, baseline = pandas.read_csv + DataFrame.to_sql into SQLite, "
        f"{len(data) / 1e6:.1f} MB CSV)"
    )


def write_csv(path: Path, rows: int, block: int = 100_000) -> None:
    """A large benchmark file written block by block (so that building it needs little memory)."""
    with open(path, "wb") as f:
        for start in range(0, rows, block):
            part = csv_bytes(min(block, rows - start), seed=start).decode()
            lines = part.splitlines(keepends=True)
            header, body = lines[0], lines[1:]
            body = [line.replace("r", f"r{start}_", 1) for line in body]  # ids unique across blocks
            f.write(((header if start == 0 else "") + "".join(body)).encode())


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM; unlike ru_maxrss it does not carry the parent's over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_memory(path: str) -> None:
    """In a child process: read the file, import it, print peak memory before and after as JSON."""
    data = Path(path).read_bytes()
    rows = data.count(b"\n") - 1
    before = peak_mb()
    with tempfile.TemporaryDirectory() as tmp:
        db, ws, survey_id = fresh_survey(f"sqlite:///{Path(tmp) / 'memory.db'}")
        start = time.perf_counter()
        result = importer.import_file(db, ws, survey_id, data, "bench.csv", policy="valid_rows")
        elapsed = time.perf_counter() - start
        assert result.rows_imported == rows, (result.rows_imported, result.problems[:3])
        db.dispose()
    after = peak_mb()
    print(json.dumps({"before_mb": before, "after_mb": after, "seconds": elapsed, "bytes": len(data)}))


def memory(rows: int, out: Recorder) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.csv"
        write_csv(path, rows)
        printed = subprocess.run(
            [sys.executable, __file__, "--child-memory", str(path)], capture_output=True, text=True, check=True
        ).stdout
    found = json.loads(printed.strip().splitlines()[-1])
    out.line(
        f"import_memory_{rows}x{ITEMS}: project {found['after_mb']:.0f} MB peak, baseline {found['before_mb']:.0f} MB "
        f"(interpreter + modules + file bytes, before the import), import took {found['seconds']:.1f} s "
        f"({stamp()}, {found['bytes'] / 1e6:.0f} MB CSV, peak RSS (VmHWM) of a child process)"
    )


def main() -> None:
    parser = arguments(__doc__, rows=100_000)
    parser.add_argument("--memory-rows", type=int, default=1_000_000)
    parser.add_argument("--child-memory", help=argparse.SUPPRESS)
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    if args.child_memory:
        child_memory(args.child_memory)
        return
    out = Recorder.from_args(args)
    speed(args.rows, args.repeat, out)
    if not args.skip_memory:
        memory(args.memory_rows, out)


if __name__ == "__main__":
    main()
