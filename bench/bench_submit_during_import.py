"""Benchmark of questionnaire answers submitted while a large import runs (run by hand; the test suite runs
it once at a tiny size).

    .venv/bin/python bench/bench_submit_during_import.py [--rows 1000000] [--submissions 200] [--threads 4]
        [--results FILE] [--no-record]

submit_during_import: `importer.import_file` of ROWS responses × 30 items into a SQLite file while
SUBMISSIONS questionnaire answers (`answering.send_answer`, the respondent page's call) are sent from
THREADS threads, spread evenly over the import (answer n is sent once the import has read n / SUBMISSIONS of
the file, by its progress callback, plus a random delay of up to 1 s). Reports the 99th percentile of the
time from sending to the answer being stored (what a respondent waits for), how many were lost (not stored
although confirmed, or stored twice) and how many were refused (`answer.busy`: not stored, the respondent
is told to send again). Baseline: the same submissions' p99 with no import running. Targets: p99 ≤ 2 s,
lost 0, refused 0.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_import import csv_bytes, fresh_survey
from bench.common import Recorder, arguments, stamp
from survey import answering
from survey.importing import importer
from survey.storage import tables as t


def submissions(db, token: str, count: int, threads: int, due) -> tuple[list[float], int, list[int]]:
    """Send `count` answers from `threads` threads, answer n once `due(n)` is true: (times, refused, ids)."""
    times, ids, refused = [], [], [0]
    lock = threading.Lock()
    # progress comes right after a write: a random delay lands each answer anywhere in the write cycle
    delays = np.random.default_rng(7).uniform(0.0, 1.0, count)

    def send(n: int) -> None:
        while not due(n):
            time.sleep(0.01)
        time.sleep(delays[n])
        begun = time.perf_counter()
        try:
            response_id = answering.send_answer(db, token, {"q1": 1 + n % 5, "q2": 3}, {"wave": f"answer {n}"})
        except answering.AnswerRefused:
            with lock:
                refused[0] += 1
            return
        with lock:
            times.append(time.perf_counter() - begun)
            ids.append(response_id)

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(send, range(count)))
    return times, refused[0], ids


def main() -> None:
    parser = arguments(__doc__, rows=1_000_000)
    parser.add_argument("--submissions", type=int, default=200, help="answers sent during the import")
    parser.add_argument("--threads", type=int, default=4, help="threads sending them")
    args = parser.parse_args()
    out = Recorder.from_args(args)
    folder = Path(tempfile.mkdtemp(prefix="bench-submit-"))
    db, ws, survey_id = fresh_survey(f"sqlite:///{folder / 'submit.db'}")
    with db.session() as s:
        token = answering.open_for_answers(s, ws, survey_id).link_token
        s.commit()
    data = csv_bytes(args.rows)

    quiet, _, _ = submissions(db, token, 20, args.threads, lambda n: True)  # the baseline: nothing else running
    read = [0.0]  # the import's progress (fraction of the file read)
    result_box = {}

    def run_import():
        t0 = time.perf_counter()
        result_box["result"] = importer.import_file(
            db, ws, survey_id, data, "bench.csv", progress=lambda fraction, _message: read.__setitem__(0, fraction)
        )
        result_box["took"] = time.perf_counter() - t0

    worker = threading.Thread(target=run_import)
    worker.start()
    count = args.submissions
    times, refused, ids = submissions(
        db, token, count, args.threads, lambda n: read[0] >= 0.99 * n / count or not worker.is_alive()
    )
    worker.join()
    result = result_box["result"]
    with db.session() as s:
        r = t.Response
        stored = s.scalars(sa.select(r.id).where(r.survey_id == survey_id, r.batch_id.is_(None))).all()
        imported = s.scalar(sa.select(sa.func.count()).select_from(r).where(r.batch_id == result.batch_id))
    lost = len(set(ids) - set(stored)) + (len(stored) - len(set(stored))) + (len(stored) - len(ids) - 20)
    p99 = float(np.percentile(times, 99)) if times else float("nan")
    base = float(np.percentile(quiet, 99))
    complete = "complete" if imported == args.rows == result.rows_imported else f"INCOMPLETE {imported}"
    out.line(
        f"submit_during_import: project p99 {p99:.3f} s, baseline p99 {base:.3f} s, lost {lost}, refused {refused}, "
        f"({stamp()}, SQLite, {args.submissions} answers from {args.threads} threads over a {args.rows:,}-row "
        f"import of {result_box['took']:.1f} s, max {max(times, default=0):.3f} s, batch {complete})"
    )
    db.dispose()


if __name__ == "__main__":
    main()
