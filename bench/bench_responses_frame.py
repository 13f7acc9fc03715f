"""Benchmark of reading a survey's answers for the dashboards (run by hand; the test suite runs it once at a
tiny size).

    .venv/bin/python bench/bench_responses_frame.py [--rows 1000000] [--repeat 3] [--results FILE] [--no-record]

responses_frame_1000000x30: `store.responses_frame` (what every dashboard loads first) of a survey whose
ROWS responses × 30 items came in through `importer.import_file` (so they are stored as an import leaves
them: rows plus answer blocks) in a fresh SQLite file, against a baseline measured in the same run: reading
the same table from a Parquet file with pyarrow into pandas (`pyarrow.parquet.read_table(...).to_pandas()`).
Target: within 3×. The line also gives the reading process's peak resident memory.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_import import ITEMS, csv_bytes, fresh_survey
from bench.common import Recorder, arguments, best_of
from survey.importing import importer
from survey.storage import store


def main() -> None:
    args = arguments(__doc__, rows=1_000_000).parse_args()
    out = Recorder.from_args(args)
    folder = Path(tempfile.mkdtemp(prefix="bench-frame-"))
    db, ws, survey_id = fresh_survey(f"sqlite:///{folder / 'frame.db'}")
    started = time.perf_counter()
    result = importer.import_file(db, ws, survey_id, csv_bytes(args.rows), "bench.csv")
    assert result.rows_imported == args.rows, result.problems[:3]
    print(f"{args.rows} responses imported in {time.perf_counter() - started:.1f} s", flush=True)

    with db.session() as s:

        def load():
            return store.responses_frame(s, ws, survey_id)

        frame = load()
        project = best_of(load, args.repeat)
    db.dispose()
    assert len(frame) == args.rows
    parquet = folder / "frame.parquet"
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), parquet)
    del frame

    def baseline_read():
        return pq.read_table(parquet).to_pandas()

    baseline = best_of(baseline_read, args.repeat)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.timing(
        f"responses_frame_{args.rows}x{ITEMS}",
        project,
        baseline,
        f"SQLite, imported rows with their answer blocks, baseline = the same table from Parquet with pyarrow, "
        f"peak RSS {peak:.0f} MB",
    )


if __name__ == "__main__":
    main()
