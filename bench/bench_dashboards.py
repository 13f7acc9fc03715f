"""Benchmark of the dashboard pages on a large survey (run by hand; the test suite runs it once at a tiny size).

    .venv/bin/python bench/bench_dashboards.py [--rows 100000] [--repeat 3] [--pages overview,gaps,...]
        [--profile] [--results FILE] [--no-record]

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
5. every dashboard page (Overview, Gaps, Priorities, NPS, Loyalty, Model): its first render with empty
   caches and its filter change (one class chosen), signed in as an administrator, in AppTest. The
   baseline of a first render is loading the responses (`store.responses_frame`), of a filter change the
   direct Overview metrics on that class. With --profile, the slowest page's first render is profiled
   and its ten costliest calls (cumulative time) written as one line.

Each measurement appends one line to --results (bench/RESULTS.md).
"""

from __future__ import annotations

import cProfile
import os
import pstats
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import func, insert, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import metrics
from bench.common import REPO, Recorder, arguments, best_of, stamp
from survey import analysis
from survey.access import accounts
from survey.design import templates
from survey.storage import blocks, demo, seed, store
from survey.storage import tables as t
from survey.storage.db import open_database

PAGES = ("overview", "gaps", "priorities", "nps", "loyalty", "model")
USER, PASSWORD = "bench-admin", "a benchmark's password"


BUILD_ROWS = 50_000  # responses stored per transaction while the database is built


def build_database(url: str, rows: int) -> int:
    """A database with the course survey, `rows` responses stored as one import batch (rows and their
    answer blocks, as an import leaves them) and an administrator; returns the survey id."""
    db = open_database(url)
    defn = templates.build("course")
    source = demo.course_responses()
    rng = np.random.default_rng(1)
    picked = source.iloc[rng.integers(0, len(source), rows)].reset_index(drop=True)
    picked = picked.drop(columns=["respondent_id"])
    with db.session() as s:
        ws = store.default_workspace(s).id
        survey = store.create_survey(s, ws, defn)
        version = store.current_version(s, ws, survey.id)
        batch = t.ImportBatch(
            workspace_id=ws, survey_id=survey.id, version_id=version.id, file_name="bench", rows_imported=rows
        )
        s.add(batch)
        accounts.create_account(s, USER, PASSWORD, is_admin=True)
        s.commit()
        now = t.utcnow()
        for start in range(0, rows, BUILD_ROWS):
            records = seed.response_rows(defn, picked.iloc[start : start + BUILD_ROWS])
            last = s.scalar(select(func.max(t.Response.id))) or 0
            s.execute(
                insert(t.Response),
                [
                    {
                        "workspace_id": ws,
                        "survey_id": survey.id,
                        "version_id": version.id,
                        "batch_id": batch.id,
                        "submitted_at": now,
                        "wave": r["wave"],
                        "answers": r["answers"],
                        "attributes": r["attributes"],
                        "meta": {},
                    }
                    for r in records
                ],
            )
            ids = s.scalars(select(t.Response.id).where(t.Response.id > last).order_by(t.Response.id)).all()
            for first in range(0, len(ids), 10_000):
                part = records[first : first + 10_000]
                _times, waves, answers, attributes = blocks.block_of_rows(part)
                blocks.add_block(
                    s.connection(),
                    workspace_id=ws,
                    survey_id=survey.id,
                    version_id=version.id,
                    batch_id=batch.id,
                    response_ids=ids[first : first + 10_000],
                    submitted_at=now,
                    waves=waves,
                    answers=answers,
                    attributes=attributes,
                )
            s.commit()
        survey_id = survey.id
    db.dispose()
    return survey_id


def sign_in(url: str) -> str:
    """A sign-in session of the benchmark's administrator (the dashboards need one)."""
    db = open_database(url)
    with db.session() as s:
        token = accounts.start_session(s, accounts.authenticate(s, USER, PASSWORD).id)
        s.commit()
    db.dispose()
    return token


def direct_overview(frame: pd.DataFrame, defn) -> None:
    """The Overview's figures with metrics/ called directly on a ready frame (the baseline)."""
    tree = pd.DataFrame(
        [(n.code, n.parent, n.weight) for n in defn.nodes if n.kind != "item" or n.role == "perception"],
        columns=["code", "parent", "weight"],
    )
    loyalty = [n.code for n in defn.items_with_role("loyalty")]
    pairs = {n.parent: (n.code, n.code[:-2] + "_e") for n in defn.items_with_role("perception")}
    waves = sorted(frame["wave"].dropna().unique())
    now, before = frame[frame["wave"] == waves[-1]], frame[frame["wave"] == waves[-2]]

    flat = pd.DataFrame({"code": loyalty, "parent": pd.Series([None] * len(loyalty), dtype=object), "weight": 1.0})

    def tests(a, b):  # the index differences themselves, as the Overview tests them
        metrics.index_difference_test(a, b, tree, scales=(1, 5))
        metrics.index_difference_test(a, b, flat, scales=(1, 5))

    for part in (now, before):
        metrics.satisfaction_index(part, tree, scales=(1, 5))
        metrics.loyalty_index(part[loyalty], scales=(1, 5))
    metrics.nps_difference(now["nps"], before["nps"])
    tests(now, before)
    metrics.item_gaps(now, pairs)
    for field in ("class", "group"):
        for value in now[field].dropna().unique():
            a, b = now[now[field] == value], before[before[field] == value]
            metrics.nps_difference(a["nps"], b["nps"])
            metrics.satisfaction_index(a, tree, scales=(1, 5))
            metrics.satisfaction_index(b, tree, scales=(1, 5))
            metrics.loyalty_index(a[loyalty], scales=(1, 5))
            metrics.loyalty_index(b[loyalty], scales=(1, 5))
            if min(len(a), len(b)) >= 30:  # smaller groups are not tested
                tests(a, b)


def main() -> None:
    parser = arguments(__doc__, rows=100_000)
    parser.add_argument("--pages", default=",".join(PAGES), help="dashboard pages, comma-separated")
    parser.add_argument("--profile", action="store_true", help="profile the slowest page's first render")
    parser.add_argument(
        "--postgresql", action="store_true", help="on a throwaway PostgreSQL 15 server (lines end in _postgresql)"
    )
    parser.add_argument(
        "--in-memory-baseline",
        action="store_true",
        help="first render against the direct metrics on a frame already in memory (without loading it)",
    )
    args = parser.parse_args()
    out = Recorder.from_args(args)
    pages = [p for p in args.pages.split(",") if p]
    unknown = set(pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown page(s) {', '.join(sorted(unknown))}: choose among {', '.join(PAGES)}")

    folder = Path(tempfile.mkdtemp(prefix="bench-dash-"))
    cluster = None
    if args.postgresql:
        sys.path.insert(0, str(REPO))
        from tests.conftest import _start_postgres

        cluster = _start_postgres()
        with cluster.connect() as connection:
            connection.execute('CREATE DATABASE "bench"')
        url = cluster.url("bench")
    else:
        url = f"sqlite:///{folder / 'bench.db'}"
    try:
        run(args, pages, out, url)
    finally:
        if cluster is not None:
            cluster.stop()


def run(args, pages: list[str], out: Recorder, url: str) -> None:
    started = time.perf_counter()
    survey_id = build_database(url, args.rows)
    print(f"database with {args.rows} responses built in {time.perf_counter() - started:.1f} s")
    where = "_postgresql" if url.startswith("postgresql") else ""
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
    rows = args.rows

    # 1. the glue against metrics directly
    direct = best_of(lambda: direct_overview(frame, defn), args.repeat)
    glue = best_of(lambda: analysis.overview(inputs, frame), args.repeat)
    out.timing(f"dash_overview_figures_{rows}{where}", glue, direct, "analysis.overview vs the same metrics calls")

    # 2.–5. the pages in AppTest
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["DATABASE_URL"] = url
    token = sign_in(url)

    def app() -> AppTest:
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=600)
        at.session_state["lang"] = "en"
        at.session_state["auth_token"] = token
        at.session_state["survey_id"] = survey_id
        return at

    def shown(at: AppTest, page: str) -> None:
        problems = [e.value for e in at.exception] + [e.value for e in at.error]
        assert not problems, f"{page}: {problems}"

    def first_render(page: str):
        """The page's first render with empty caches, ready to run (the landing page already shown, so that
        a profile holds this page's work alone)."""
        st.cache_data.clear()
        at = app()
        at.run()
        st.cache_data.clear()
        return lambda: at.switch_page(f"pages/{page}.py").run()

    class_2 = frame[frame["class"] == "Class 2"]
    direct_class = best_of(lambda: direct_overview(class_2, defn), args.repeat)
    slowest = ("", 0.0)
    for page in pages:
        firsts, changes, reruns = [], [], []
        for _ in range(args.repeat):
            st.cache_data.clear()
            at = app()
            at.run()
            st.cache_data.clear()
            t0 = time.perf_counter()
            at.switch_page(f"pages/{page}.py").run()
            firsts.append(time.perf_counter() - t0)
            shown(at, page)
            widget = at.multiselect(key="_filter_seg_class")
            t0 = time.perf_counter()
            widget.select("Class 2").run()
            changes.append(time.perf_counter() - t0)
            shown(at, page)
            t0 = time.perf_counter()
            at.run()
            reruns.append(time.perf_counter() - t0)
        if min(firsts) > slowest[1]:
            slowest = (page, min(firsts))
        if args.in_memory_baseline and page == "overview":
            first_baseline, note = direct, "AppTest, empty caches, vs the direct metrics on a frame in memory"
        elif page == "overview":
            first_baseline = load_time + direct
            note = "AppTest, empty caches, vs store.responses_frame + direct metrics"
        else:
            first_baseline, note = load_time, "AppTest, empty caches, vs store.responses_frame alone"
        memory = f", peak RSS {peak_rss_mb():.0f} MB of this process, the baseline's frame included"
        out.timing(f"dash_{page}_first_render_{rows}{where}", min(firsts), first_baseline, note + memory)
        out.timing(f"dash_{page}_filter_change_{rows}{where}", min(changes), direct_class, "AppTest, one class chosen")
        out.timing(f"dash_{page}_rerun_{rows}{where}", min(reruns), direct_class, "AppTest, same filters, all cached")

    if args.profile and slowest[0]:
        profile(slowest[0], first_render, out, rows)


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def profile(page: str, first_render, out: Recorder, rows: int) -> None:
    """One line: the ten calls of the slowest page's first render with the most cumulative time."""
    # AppTest runs the page in a thread of its own: profile every thread started meanwhile
    profilers: list[cProfile.Profile] = []

    def start(frame, event, arg) -> None:
        sys.setprofile(None)
        profiler = cProfile.Profile()
        profiler.enable()
        profilers.append(profiler)

    render = first_render(page)
    threading.setprofile(start)
    try:
        render()
    finally:
        threading.setprofile(None)
    stats = pstats.Stats(*profilers)
    project_files = ("/survey/", "/metrics/", "/ui/", "/pages/")
    top = []
    for (file, _line, name), (_, _, _, cumulative, _) in sorted(
        stats.stats.items(), key=lambda kv: kv[1][3], reverse=True
    ):
        if any(part in file for part in project_files) and name not in ("<module>",):
            short = file.split(str(REPO) + "/", 1)[-1]
            top.append(f"{short}:{name} {cumulative:.2f} s")
        if len(top) == 10:
            break
    total = stats.total_tt
    out.line(
        f"profile_dash_{page}_first_render_{rows}: project {total:.3f} s, baseline n/a "
        f"({stamp()}, cumulative: {'; '.join(top)})"
    )


if __name__ == "__main__":
    main()
