"""What every benchmark shares: timing, the machine's description, its command-line options and the
results file each line is written to.

A benchmark line reads
    NAME: project 1.234 s, baseline 0.987 s, ratio 1.25 (Linux x86_64, 2 cores, Python 3.11.7, 2026-12-04, note)
and is appended to `--results` (bench/RESULTS.md unless told otherwise; the test suite's smoke run points
it at a temporary file, so that running the suite never writes bench/RESULTS.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "RESULTS.md"

# A well-formed result line (the smoke test checks every line a benchmark writes against it).
LINE = re.compile(
    r"^[a-z0-9_]+: project (p99 )?[0-9.]+ (s|MB peak), baseline (p99 )?([0-9.]+ (s|MB)|n/a)(, ratio ([0-9.]+|n/a))?.*"
    r" \([^()]*\d+ cores, Python [0-9.]+, \d{4}-\d{2}-\d{2}.*\)$"
)


def arguments(doc: str, *, rows: int) -> argparse.ArgumentParser:
    """The options every benchmark takes: --rows (its size), --repeat, --results, --no-record."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=rows, help=f"responses (default {rows:,})")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement, the best is kept")
    parser.add_argument("--results", type=Path, default=RESULTS, help="file the lines are appended to")
    parser.add_argument("--no-record", action="store_true", help="print the lines, do not append them")
    return parser


class Recorder:
    """Appends result lines to one file (or only prints them)."""

    def __init__(self, path: Path | None):
        self.path = path

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Recorder:
        return cls(None if args.no_record else args.results)

    def line(self, line: str) -> str:
        print(line, flush=True)
        if self.path is not None:
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(line + "\n")
        return line

    def timing(self, name: str, project: float, baseline: float | None, note: str = "") -> str:
        base = f"{baseline:.3f} s" if baseline is not None else "n/a"
        ratio = f"{project / baseline:.2f}" if baseline else "n/a"
        extra = f", {note}" if note else ""
        return self.line(f"{name}: project {project:.3f} s, baseline {base}, ratio {ratio} ({stamp()}{extra})")


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def machine() -> str:
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def stamp() -> str:
    """The machine and today's date, as every line ends."""
    return f"{machine()}, {dt.date.today().isoformat()}"
