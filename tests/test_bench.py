"""Every benchmark still runs: each script in bench/, at a tiny size, finishes and writes well-formed lines
to a temporary results file (never to bench/RESULTS.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.common import LINE, RESULTS

ROOT = Path(__file__).resolve().parents[1]

# script → (tiny arguments, the result names it must write)
RUNS = {
    "bench_metrics.py": (
        ["--rows", "2000", "--pls-rows", "500", "--resamples", "10", "--plspm-python", "/nonexistent/python"],
        ["overview_2000x30", "pls_250x27", "pls_500x27", "pls_quality_250x27", "pls_bootstrap_10_500x27"],
    ),
    "bench_analysis.py": (["--rows", "2000"], ["rake_2000", "crosstab_2000"]),
    "bench_import.py": (["--rows", "300", "--memory-rows", "600"], ["import_300x30", "import_memory_600x30"]),
    "bench_sources.py": (["--rows", "300"], ["import_qualtrics_300x30"]),
    "bench_responses_frame.py": (["--rows", "300"], ["responses_frame_300x30"]),
    "bench_submit_during_import.py": (["--rows", "3000", "--submissions", "8"], ["submit_during_import"]),
    "bench_dashboards.py": (
        ["--rows", "400", "--profile"],
        [
            "dash_overview_figures_400",
            *[
                f"dash_{page}_{what}_400"
                for page in ("overview", "gaps", "priorities", "nps", "loyalty", "model")
                for what in ("first_render", "filter_change", "rerun")
            ],
        ],
    ),
}


@pytest.mark.parametrize("script", sorted(RUNS))
def test_each_benchmark_runs_at_a_tiny_size_and_writes_well_formed_lines(script, tmp_path):
    arguments, names = RUNS[script]
    results = tmp_path / "RESULTS.md"
    before = RESULTS.read_bytes()
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), "--repeat", "1", "--results", str(results), *arguments],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = results.read_text(encoding="utf-8").splitlines()
    bad = [line for line in lines if not LINE.match(line)]
    assert not bad, bad
    written = [line.split(":", 1)[0] for line in lines]
    assert [n for n in names if n not in written] == [], written
    if script == "bench_dashboards.py":  # the slowest page's profile names the project's own calls
        profile = next(line for line in lines if line.startswith("profile_dash_"))
        assert "cumulative: " in profile and ("survey/" in profile or "ui/" in profile)
    assert RESULTS.read_bytes() == before, "a benchmark's smoke run wrote bench/RESULTS.md"
