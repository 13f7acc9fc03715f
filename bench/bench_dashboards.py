"""Benchmark of the Overview dashboard on a large survey (run by hand, not part of the test suite).

    .venv/bin/python bench/bench_dashboards.py [--rows 100000] [--repeat 3]

Builds a SQLite database with the course survey and ROWS responses resampled from its demo responses
(three waves, two classes, 19 groups), then measures:

1. figures: `survey.analysis.overview` on the loaded frame against the same figures computed with
   metrics/ directly (index, NPS, loyalty index of the latest and the previous wave, their tests, the
   item gaps, and each class's and group's tests against the previous wave). Target: within 2×.
2. first render: the Overview page in AppTest with empty caches (loads the responses from the database)
   against loading them with `store.responses_frame` plus the direct metrics of 1. Target: within 2×.
3. filter change: the Overview page after choosing one class (responses cached, figures not) against the
   direct metrics on that class. Target: within 2×.
4. rerun: the Overview page again with the same filters (everything cached).

Each measurement appends one line to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import insert

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import metrics
from bench.bench_metrics import best_of, record
from survey import analysis
from survey.design import templates
from survey.storage import demo, seed, store
from survey.storage import tables as t
from survey.storage.db import open_database


def build_database(path: Path, rows: int) -> int:
    """A database with the course survey and `rows` responses; returns the survey id."""
    db = open_database(f"sqlite:///{path}")
    defn = templates.build("course")
    source = demo.course_responses()
    rng = np.random.default_rng(1)
    picked = source.iloc[rng.integers(0, len(source), rows)].reset_index(drop=True)
    records = seed.response_rows(defn, picked.drop(columns=["respondent_id"]))
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey = store.create_survey(s, ws, defn)
        version = store.current_version(s, ws, survey.id)
        now = t.utcnow()
        s.execute(
            insert(t.Response),
            [
                {
                    "workspace_id": ws,
                    "survey_id": survey.id,
                    "version_id": version.id,
                    "submitted_at": now,
                    "wave": r["wave"],
                    "answers": r["answers"],
                    "attributes": r["attributes"],
                    "meta": {},
                }
                for r in records
            ],
        )
        s.commit()
        survey_id = survey.id
    db.dispose()
    return survey_id


def direct_overview(frame: pd.DataFrame, defn) -> None:
    """The Overview's figures with metrics/ called directly on a ready frame (the baseline)."""
    tree = pd.DataFrame(
        [(n.code, n.parent, n.weight) for n in defn.nodes if n.kind != "item" or n.role == "perception"],
        columns=["code", "parent", "weight"],
    )
    loyalty = [n.code for n in defn.items_with_role("loyalty")]
    pairs = {n.parent: (n.code, n.code[:-2] + "_e") for n in defn.items_with_role("perception")}
    perception = [n.code for n in defn.items_with_role("perception")]
    waves = sorted(frame["wave"].dropna().unique())
    now, before = frame[frame["wave"] == waves[-1]], frame[frame["wave"] == waves[-2]]

    def scores(part):  # per-respondent 0–100 means, for the tests
        return (part[perception] - 1).mean(axis=1) * 25, (part[loyalty] - 1).mean(axis=1) * 25

    for part in (now, before):
        metrics.satisfaction_index(part, tree, scales=(1, 5))
        metrics.loyalty_index(part[loyalty], scales=(1, 5))
    metrics.nps_difference(now["nps"], before["nps"])
    (s1, l1), (s0, l0) = scores(now), scores(before)
    metrics.welch_t_test(s1, s0)
    metrics.welch_t_test(l1, l0)
    metrics.item_gaps(now, pairs)
    for field in ("class", "group"):
        for value in now[field].dropna().unique():
            a, b = now[now[field] == value], before[before[field] == value]
            metrics.nps_difference(a["nps"], b["nps"])
            metrics.satisfaction_index(a, tree, scales=(1, 5))
            metrics.satisfaction_index(b, tree, scales=(1, 5))
            metrics.loyalty_index(a[loyalty], scales=(1, 5))
            metrics.loyalty_index(b[loyalty], scales=(1, 5))
            (sa, la), (sb, lb) = scores(a), scores(b)
            metrics.welch_t_test(sa, sb)
            metrics.welch_t_test(la, lb)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-dash-"))
    path = folder / "bench.db"
    started = time.perf_counter()
    survey_id = build_database(path, args.rows)
    print(f"database with {args.rows} responses built in {time.perf_counter() - started:.1f} s")
    url = f"sqlite:///{path}"
    db = open_database(url)
    with db.session() as s:
        ws = store.default_workspace(s).id
        defn = store.load_definition(s, ws, store.current_version(s, ws, survey_id).id)

        def load():
            return store.responses_frame(s, ws, survey_id)

        frame = load()
        load_time = best_of(load, args.repeat)
    db.dispose()
    inputs = analysis.analysis_inputs(defn)

    # 1. the glue against metrics directly
    direct = best_of(lambda: direct_overview(frame, defn), args.repeat)
    glue = best_of(lambda: analysis.overview(inputs, frame), args.repeat)
    rows = args.rows
    record(f"dash_overview_figures_{rows}", glue, direct, "analysis.overview vs the same metrics calls")

    # 2.–4. the page in AppTest
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["DATABASE_URL"] = url

    def app() -> AppTest:
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=300)
        at.session_state["lang"] = "en"
        at.session_state["survey_id"] = survey_id
        return at

    firsts, changes, reruns = [], [], []
    for _ in range(args.repeat):
        st.cache_data.clear()
        at = app()
        t0 = time.perf_counter()
        at.run()
        firsts.append(time.perf_counter() - t0)
        assert not at.exception, [e.value for e in at.exception]
        widget = at.multiselect(key="_filter_seg_class")
        t0 = time.perf_counter()
        widget.select("Class 2").run()
        changes.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        at.run()
        reruns.append(time.perf_counter() - t0)
    class_2 = frame[frame["class"] == "Class 2"]
    direct_class = best_of(lambda: direct_overview(class_2, defn), args.repeat)
    record(
        f"dash_overview_first_render_{rows}",
        min(firsts),
        load_time + direct,
        "AppTest run, empty caches, vs store.responses_frame + direct metrics",
    )
    record(f"dash_overview_filter_change_{rows}", min(changes), direct_class, "AppTest, one class chosen")
    record(f"dash_overview_rerun_{rows}", min(reruns), direct_class, "AppTest, same filters, all cached")


if __name__ == "__main__":
    main()
