"""Importing response files on SQLite and PostgreSQL, the way the coordinator does it.

Every test runs on both backends (`database_url`), the property tests too
(with few examples each, to keep the suite fast).
"""

from __future__ import annotations

import codecs
import csv
import io
import multiprocessing
import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.exc import IntegrityError

from survey.importing import importer
from survey.importing.batches import sweep_unfinished
from survey.importing.importer import (
    import_file,
    list_batches,
    preview,
    remember_mapping,
    remembered_mapping,
    undo_batch,
)
from survey.importing.mapping import RESPONDENT
from survey.storage import store
from survey.storage import tables as t
from survey.storage.db import open_database
from tests.survey.importing_example import course_survey, csv_file, csv_text, xls_file, xlsx_file

HEADER = [
    "编号",
    "期次",
    "Q1. 教学内容实用",
    "教学内容实用：期望",
    "教学进度合适",
    "推荐可能性",
    "班级",
    "地区",
    "备注",
]
GOOD_ROWS = [
    ["s1", "2025春", "很满意", "5", "满意", "9 - very likely", "1班", "北京", "好"],
    ["s2", "2025春", "４", "不适用", "7", "10分", "1班", "上海", ""],
    ["s3", "2025春", "一般", "Very satisfied", "", "0", "2班", "", "=1+1"],
]
EXPECTED = [  # (id, wave, answers, attributes) as stored
    (
        "s1",
        "2025春",
        {"useful_p": 5.0, "useful_e": 5.0, "pace_p": 6.0, "nps": 9.0},
        {"wave": "2025春", "class": "1班", "region": "北京"},
    ),
    (
        "s2",
        "2025春",
        {"useful_p": 4.0, "useful_e": None, "pace_p": 7.0, "nps": 10.0},
        {"wave": "2025春", "class": "1班", "region": "上海"},
    ),
    (
        "s3",
        "2025春",
        {"useful_p": 3.0, "useful_e": 5.0, "pace_p": None, "nps": 0.0},
        {"wave": "2025春", "class": "2班"},
    ),
]


def new_survey(db, ws) -> int:
    with db.session() as s:
        survey_id = store.create_survey(s, ws, course_survey()).id
        s.commit()
        return survey_id


@pytest.fixture
def sid(db, ws):
    return new_survey(db, ws)


def stored(db, survey_id):
    """(external id, wave, answers, attributes) of the survey's responses, in import order."""
    with db.session() as s:
        rows = s.execute(
            sa.select(t.Respondent.external_id, t.Response.wave, t.Response.answers, t.Response.attributes)
            .outerjoin(t.Respondent, t.Respondent.id == t.Response.respondent_id)
            .where(t.Response.survey_id == survey_id)
            .order_by(t.Response.id)
        ).all()
    return [tuple(r) for r in rows]


def counts(db):
    with db.session() as s:
        return {
            table.__tablename__: s.scalar(sa.select(sa.func.count()).select_from(table))
            for table in (t.Response, t.Respondent, t.ImportBatch, t.ImportMapping)
        }


def rows_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


# --- files as they come ---------------------------------------------------------------------


def test_a_gbk_csv_with_chinese_headers_and_answer_texts_imports(db, ws, sid):
    data = csv_file([HEADER, *GOOD_ROWS], encoding="gbk")
    result = import_file(db, ws, sid, data, "问卷星导出.csv", lang="zh")
    assert result.imported and result.encoding == "gb18030" and result.delimiter == ","
    assert (result.rows_read, result.rows_imported, result.rows_rejected) == (3, 3, 0)
    assert [(p.column, p.message, p.level) for p in result.problems] == [("备注", "imp.column_ignored", "notice")]
    assert stored(db, sid) == EXPECTED
    [batch] = list_batches(db, ws, sid)
    assert (batch.id, batch.file_name, batch.encoding, batch.rows_imported, batch.responses) == (
        result.batch_id,
        "问卷星导出.csv",
        "gb18030",
        3,
        3,
    )
    assert batch.mapping["columns"]["编号"] == RESPONDENT and batch.mapping["policy"] == "all_or_nothing"
    with db.session() as s:
        frame = store.responses_frame(s, ws, sid)
    assert frame["wave"].tolist() == ["2025春"] * 3 and frame["useful_p"].tolist() == [5.0, 4.0, 3.0]


def test_every_supported_file_format_imports_the_same_responses(db, ws):
    formats = {
        "answers.csv": codecs.BOM_UTF8 + csv_file([HEADER, *GOOD_ROWS]),
        "unicode.txt": csv_file([HEADER, *GOOD_ROWS], encoding="utf-16", delimiter="\t"),
        "excel-de.csv": csv_file([HEADER, *GOOD_ROWS], delimiter=";"),
        "answers.xlsx": xlsx_file([HEADER, *GOOD_ROWS]),
        "answers.xls": xls_file([HEADER, *GOOD_ROWS]),
    }
    for name, data in formats.items():
        survey_id = new_survey(db, ws)
        result = import_file(db, ws, survey_id, data, name)
        assert result.rows_imported == 3, (name, result.problems)
        assert stored(db, survey_id) == EXPECTED, name


# --- problems and policies ----------------------------------------------------------------------

BAD_ROWS = [
    ["s4", "2025春", "6", "", "", "", "", "", ""],  # row 5: off the scale
    ["s5", "2025春", "满意", "很好的课", "", "", "", "", ""],  # row 6: text in a number column
    ["s1", "2025春", "4", "", "", "", "", "", ""],  # row 7: duplicate of row 2
    ["s6", "2025春", "", "4", "", "", "", "", ""],  # row 8: required item missing
]


def test_all_or_nothing_stores_nothing_and_names_every_bad_row(db, ws, sid):
    before = counts(db)
    result = import_file(db, ws, sid, csv_file([HEADER, *GOOD_ROWS, *BAD_ROWS]), "bad.csv", lang="en")
    assert result.batch_id is None and counts(db) == before
    assert [(p.row, p.column, p.value, p.message) for p in result.errors] == [
        (5, "Q1. 教学内容实用", "6", "imp.off_scale"),
        (6, "教学内容实用：期望", "很好的课", "imp.not_a_number"),
        (7, "编号", "s1", "imp.duplicate_in_file"),
        (8, "Q1. 教学内容实用", "", "imp.required_missing"),
    ]
    assert (result.rows_read, result.rows_imported, result.rows_rejected) == (7, 0, 4)
    report = rows_of(result.report_csv("en"))
    assert report[0] == ["Row", "Column", "Value", "Problem and what to do"]
    assert report[2][:3] == ["5", "Q1. 教学内容实用", "6"] and "off the scale 1–5" in report[2][3]


def test_valid_rows_stores_the_rest_and_the_fixed_rejected_rows_import_after(db, ws, sid):
    result = import_file(db, ws, sid, csv_file([HEADER, *GOOD_ROWS, *BAD_ROWS]), "bad.csv", policy="valid_rows")
    assert result.imported and (result.rows_imported, result.rows_rejected) == (3, 4)
    assert stored(db, sid) == EXPECTED
    rejected = rows_of(result.rejected_csv)
    assert rejected[0] == [*HEADER, "导入问题"] and [r[0] for r in rejected[1:]] == ["s4", "s5", "s1", "s6"]
    assert "超出了量表范围" in rejected[1][-1]
    fixed = [rejected[0]] + [["s4", *r[1:2], "5", *r[3:]] for r in rejected[1:2]]
    fixed += [[*r[:3], "满意", *r[4:]] for r in rejected[2:3]]
    fixed += [["s7", *r[1:]] for r in rejected[3:4]] + [[*r[:2], "3", *r[3:]] for r in rejected[4:5]]
    again = import_file(db, ws, sid, csv_file(fixed), "bad-fixed.csv", policy="all_or_nothing")
    assert again.imported and again.rows_imported == 4, again.problems
    assert [p.column for p in again.problems] == ["备注"]  # the problem column itself goes without a notice
    assert [r[0] for r in stored(db, sid)] == ["s1", "s2", "s3", "s4", "s5", "s7", "s6"]


def test_ids_already_imported_are_refused_but_a_new_wave_is_the_same_respondent(db, ws, sid):
    first = import_file(db, ws, sid, csv_file([HEADER, *GOOD_ROWS]), "wave1.csv")
    again = import_file(db, ws, sid, csv_file([HEADER, *GOOD_ROWS]), "wave1-again.csv")
    assert again.batch_id is None
    assert [(p.row, p.message, p.params) for p in again.errors] == [
        (n, "imp.duplicate_earlier", {"wave": "2025春"}) for n in (2, 3, 4)
    ]
    respondents = counts(db)["respondent"]
    autumn = [[r[0], "2025秋", *r[2:]] for r in GOOD_ROWS]
    second = import_file(db, ws, sid, csv_file([HEADER, *autumn]), "wave2.csv")
    assert first.imported and second.imported and counts(db)["respondent"] == respondents
    assert [(r[0], r[1]) for r in stored(db, sid)] == [(i, w) for w in ("2025春", "2025秋") for i in ("s1", "s2", "s3")]


def test_file_level_problems_store_nothing(db, ws, sid):
    before = counts(db)
    cases = {
        b"": "imp.empty",
        csv_file([HEADER]): "imp.no_rows",
        csv_file([["备注", "useful_e"], ["x", "3"]]): "imp.required_no_column",
        csv_file([["备注"], ["x"]]): "imp.no_items_mapped",
        b"id,useful_p\n" + b"1,3\n" * 1200: "imp.too_large",
    }
    for data, message in cases.items():
        result = import_file(db, ws, sid, data, "x.csv", limit=4000, policy="valid_rows")
        assert result.batch_id is None and message in [p.message for p in result.errors], (message, result.problems)
    twice = import_file(
        db,
        ws,
        sid,
        csv_file([HEADER, *GOOD_ROWS]),
        "x.csv",
        columns={"编号": "useful_p", "Q1. 教学内容实用": "useful_p"},
    )
    assert [p.message for p in twice.errors] == ["imp.mapping_twice"]
    assert counts(db) == before


def test_another_workspaces_survey_and_batches_cannot_be_reached(db, ws, sid):
    with db.session() as s:
        other = t.Workspace(name="Class 2", kind="class")
        s.add(other)
        s.commit()
        other_id = other.id
    data = csv_file([HEADER, *GOOD_ROWS])
    batch_id = import_file(db, ws, sid, data, "x.csv").batch_id
    for attempt in (
        lambda: import_file(db, other_id, sid, data, "x.csv"),
        lambda: preview(db, other_id, sid, data, "x.csv"),
        lambda: undo_batch(db, other_id, batch_id),
        lambda: list_batches(db, other_id, sid),
        lambda: remembered_mapping(db, other_id, sid),
        lambda: remember_mapping(db, other_id, sid, {"a": "useful_p"}),
    ):
        with pytest.raises(store.NotFound):
            attempt()
    assert len(stored(db, sid)) == 3


# --- preview, mapping, undo ---------------------------------------------------------------------------


def test_preview_checks_everything_writes_nothing_and_the_mapping_is_remembered(db, ws, sid):
    header = ["Nr.", "Q-a", "Q-b", "期次"]
    data = csv_file([header, ["r1", "超级满意", "3", "w1"], ["r2", "还行", "", "w1"]])
    before = counts(db)
    first = preview(db, ws, sid, data, "tool.csv", lang="zh")
    assert not first.ok and first.columns == {"Nr.": None, "Q-a": None, "Q-b": None, "期次": "wave"}
    assert "imp.no_items_mapped" in [p.message for p in first.errors]
    columns = {**first.columns, "Nr.": RESPONDENT, "Q-a": "useful_p", "Q-b": "useful_e"}
    second = preview(db, ws, sid, data, "tool.csv", columns=columns)
    assert [(a.column, a.text, a.proposed, a.known) for a in second.answer_texts] == [
        ("Q-a", "超级满意", None, False),
        ("Q-a", "还行", None, False),
    ]
    assert (second.rows_valid, second.rows_rejected) == (0, 2)
    labels = {"超级满意": 5, "还行": 3}
    third = preview(db, ws, sid, data, "tool.csv", columns=columns, labels=labels)
    assert third.errors == () and third.rows_valid == 2 and third.sample[0] == ("r1", "超级满意", "3", "w1")
    assert counts(db) == before
    result = import_file(db, ws, sid, data, "tool.csv", columns=third.columns, labels=third.labels)
    assert [r[2]["useful_p"] for r in stored(db, sid)] == [5.0, 3.0]
    saved = remembered_mapping(db, ws, sid)
    assert saved.columns == columns and saved.labels == labels and result.columns == columns
    next_time = preview(db, ws, sid, csv_file([header, ["r3", "还行", "4", "w2"]]), "tool2.csv")
    assert next_time.columns == columns and next_time.labels == labels and next_time.errors == ()
    remember_mapping(db, ws, sid, {"Q-c": "pace_p"}, {"棒": 5})
    saved = remembered_mapping(db, ws, sid)
    assert saved.columns == {**columns, "Q-c": "pace_p"} and saved.labels == {**labels, "棒": 5}


def test_undo_removes_exactly_its_batch_and_the_respondents_only_it_created(db, ws, sid):
    with db.session() as s:  # a personal questionnaire link made before the import
        s.add(t.Respondent(workspace_id=ws, survey_id=sid, external_id="p1"))
        s.commit()
    a = import_file(db, ws, sid, csv_file([HEADER, *GOOD_ROWS, ["p1", "2025春", "3"]]), "a.csv").batch_id
    b_rows = [["s1", "2025秋", "5"], ["s9", "2025秋", "2"]]
    b = import_file(db, ws, sid, csv_file([HEADER, *b_rows]), "b.csv").batch_id
    assert a and b and counts(db)["respondent"] == 5  # p1, s1, s2, s3, s9
    assert undo_batch(db, ws, a) == 4
    assert [(r[0], r[1]) for r in stored(db, sid)] == [("s1", "2025秋"), ("s9", "2025秋")]
    with db.session() as s:
        left = set(s.scalars(sa.select(t.Respondent.external_id).where(t.Respondent.survey_id == sid)))
    assert left == {"p1", "s1", "s9"}  # s2, s3 were a's alone; s1 still answers in b; p1 came before
    assert [x.id for x in list_batches(db, ws, sid)] == [b]
    with db.session() as s:
        assert undo_batch(s, ws, b) == 2
        s.rollback()  # with a session, nothing happens until the caller commits
    assert len(stored(db, sid)) == 2
    undo_batch(db, ws, b)
    assert stored(db, sid) == [] and counts(db)["respondent"] == 2  # p1, and s1 (created by a, undone earlier)
    with pytest.raises(store.NotFound):
        undo_batch(db, ws, b)


# --- transactions ---------------------------------------------------------------------------------


def big_file(n: int, prefix: str = "r", wave: str = "w") -> bytes:
    rows = [["编号", "期次", "useful_p", "useful_e", "nps"]]
    rows += [[f"{prefix}{i}", wave, str(1 + i % 5), str(1 + (i * 7) % 5), str(i % 11)] for i in range(n)]
    return csv_file(rows)


def test_progress_is_reported_and_an_error_in_the_middle_leaves_nothing(db, ws, sid):
    seen = []
    result = import_file(
        db, ws, sid, big_file(3000), "big.csv", progress=lambda f, m: seen.append((f, m)), chunk_rows=1000, lang="en"
    )
    assert result.rows_imported == 3000 and len(stored(db, sid)) == 3000
    assert [f for f, _ in seen] == sorted(f for f, _ in seen) and seen[-1] == (1.0, "Import finished: 3,000 rows.")
    assert len(seen) == 4 and seen[0][1] == "Read and checked 1,000 rows…"
    before = counts(db)

    def crash(fraction, message):
        raise RuntimeError("the page went away")

    with pytest.raises(RuntimeError):
        import_file(db, ws, sid, big_file(3000, "x"), "big.csv", progress=crash, chunk_rows=1000)
    assert counts(db) == before


def test_a_clash_with_the_unique_constraint_is_retried_once_then_reported(db, ws, sid, monkeypatch):
    real_store = importer.store_chunk
    calls = []

    def clashing_store(*args, **kwargs):
        calls.append(1)
        if len(calls) <= clashes:
            raise IntegrityError("INSERT", {}, Exception("unique"))
        return real_store(*args, **kwargs)

    monkeypatch.setattr(importer, "store_chunk", clashing_store)
    clashes = 1
    assert import_file(db, ws, sid, csv_file([HEADER, *GOOD_ROWS]), "x.csv").rows_imported == 3
    calls.clear()
    clashes = 2
    before = counts(db)
    autumn = [[r[0], "2025秋", *r[2:]] for r in GOOD_ROWS]
    result = import_file(db, ws, sid, csv_file([HEADER, *autumn]), "y.csv")
    assert result.batch_id is None and [p.message for p in result.errors] == ["imp.conflict"]
    assert counts(db) == before


def overlapping_files(k: int, shared: int = 20, own: int = 30) -> list[bytes]:
    files = []
    for n in range(k):
        rows = [["编号", "useful_p"]] + [[f"shared{i}", str(1 + i % 5)] for i in range(shared)]
        rows += [[f"own{n}-{i}", str(1 + i % 5)] for i in range(own)]
        files.append(csv_file(rows))
    return files


def check_concurrent_outcome(db, sid, results, k, shared=20, own=30):
    ids = [r[0] for r in stored(db, sid)]
    assert len(ids) == len(set(ids)) == shared + k * own  # nothing lost, nothing twice
    assert sum(r[0] for r in results) == shared + k * own
    assert sum(r[1] for r in results) == (k - 1) * shared
    with db.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(t.Respondent)) == shared + k * own


def test_imports_running_at_once_in_threads_lose_and_duplicate_nothing(db, ws, sid):
    files = overlapping_files(4)

    def run(data):
        result = import_file(db, ws, sid, data, "t.csv", policy="valid_rows", chunk_rows=10)
        return result.rows_imported, result.rows_rejected

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(run, files))
    check_concurrent_outcome(db, sid, results, 4)


def _import_in_process(url, ws, sid, data):
    db = open_database(url, upgrade=False)
    try:
        result = import_file(db, ws, sid, data, "p.csv", policy="valid_rows", chunk_rows=10)
        return result.rows_imported, result.rows_rejected
    finally:
        db.dispose()


def test_imports_running_at_once_in_processes_lose_and_duplicate_nothing(db, database_url, ws, sid):
    files = overlapping_files(3)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(3, mp_context=context) as pool:
        futures = [pool.submit(_import_in_process, database_url, ws, sid, data) for data in files]
        results = [f.result(timeout=120) for f in futures]
    check_concurrent_outcome(db, sid, results, 3)


def _import_until_killed(url, ws, sid, data, pipe):
    db = open_database(url, upgrade=False)

    def progress(fraction, message):
        pipe.send(fraction)  # the first chunk is stored (uncommitted) by now
        time.sleep(600)  # wait here to be killed

    import_file(db, ws, sid, data, "big.csv", policy="valid_rows", chunk_rows=500, progress=progress)


def test_a_killed_import_leaves_the_database_exactly_as_before(db, database_url, ws, sid):
    import_file(db, ws, sid, csv_file([HEADER, *GOOD_ROWS]), "before.csv")
    before, rows_before = counts(db), stored(db, sid)
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=_import_until_killed, args=(database_url, ws, sid, big_file(2000), child))
    process.start()
    try:
        assert parent.poll(120), "the import never reported progress"
        assert 0 < parent.recv() < 1
        if database_url.startswith("sqlite"):  # it has written: the uncommitted pages sit in the WAL
            wal = database_url.removeprefix("sqlite:///") + "-wal"
            assert os.path.getsize(wal) > 0
        assert sweep_unfinished(db) == 0  # an app starting meanwhile leaves the running import alone
        with db.session() as s:
            assert s.scalar(sa.select(sa.func.count()).where(t.ImportBatch.state == store.WRITING)) == 1
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.join(30)
    assert process.exitcode == -signal.SIGKILL
    with db.session() as s:  # its rows were stored as "writing": nobody sees them
        assert store.data_version(s, ws, sid)[0] == len(rows_before) == len(store.responses_frame(s, ws, sid))
        assert [b.file_name for b in list_batches(s, ws, sid)] == ["before.csv"]
    sweep_unfinished(db)  # the app's next start removes what the killed import left
    assert counts(db) == before
    after = import_file(db, ws, sid, big_file(600), "after.csv")  # the lock is gone too, and the leftovers
    assert after.rows_imported == 600
    assert counts(db) == {**before, "response": 603, "respondent": 603, "import_batch": 2}
    assert stored(db, sid)[:3] == rows_before


# --- property: any file imports completely and correctly, or is refused with a message ----------------

GOOD5 = {"1": 1.0, "5": 5.0, "很满意": 5.0, "Very dissatisfied": 1.0, "4分": 4.0, "３": 3.0, "不适用": None, "": None}
BAD5 = ["0", "6", "4.5", "=1+1", "great", "x" * 300, "a\x00b", "1e3"]
GOOD10 = {"0": 0.0, "10": 10.0, "9 - very likely": 9.0, "": None, "N/A": None}
BAD10 = ["11", "-1", "=A1", "很好"]
GOOD_TEXT = {"1班": "1班", "": None, " 2班 ": "2班", "'+86": "+86"}
BAD_TEXT = ["=1+1", "y" * 250, "b\x00"]
COLUMNS = ["编号", "期次", "useful_p", "useful_e", "nps", "班级"]

row = st.tuples(
    st.sampled_from(["r1", "r2", "r3", "r4", "r5", "r6"]),
    st.sampled_from(["w1", "w2"]),
    st.sampled_from([*GOOD5, *BAD5]),
    st.sampled_from([*GOOD5, *BAD5]),
    st.sampled_from([*GOOD10, *BAD10]),
    st.sampled_from([*GOOD_TEXT, *BAD_TEXT]),
)


def expected_rows(rows, kept):
    """The rows the importer must store, as `stored()` gives them, and whether any row must be refused."""
    seen, good, refused = set(), [], False
    for rid, wave, useful, expect, nps, cls in rows:
        key = (rid, wave if "期次" in kept else None)
        dup = key in seen
        seen.add(key)
        cells = {"useful_p": useful, "useful_e": expect, "nps": nps, "班级": cls}
        ok = not dup and GOOD5.get(useful) is not None
        ok = ok and all(
            cells[c] in (GOOD10 if c == "nps" else GOOD_TEXT if c == "班级" else GOOD5) for c in cells if c in kept
        )
        if not ok:
            refused = True
            continue
        answers = {c: (GOOD10 if c == "nps" else GOOD5)[cells[c]] for c in ("useful_p", "useful_e", "nps") if c in kept}
        attributes = {}
        if "期次" in kept:
            attributes["wave"] = wave
        if "班级" in kept and GOOD_TEXT[cls] is not None:
            attributes["class"] = GOOD_TEXT[cls]
        good.append((rid, wave if "期次" in kept else None, answers, attributes))
    return good, refused


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    rows=st.lists(row, min_size=1, max_size=8),
    dropped=st.sets(st.sampled_from(["期次", "useful_e", "nps", "班级", "useful_p"]), max_size=2),
    order=st.randoms(use_true_random=False),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
    delimiter=st.sampled_from([",", ";", "\t"]),
    policy=st.sampled_from(["all_or_nothing", "valid_rows"]),
)
def test_generated_files_import_exactly_or_are_refused_with_a_message(
    database_url, db, ws, rows, dropped, order, encoding, delimiter, policy
):
    survey_id = new_survey(db, ws)
    kept = [c for c in COLUMNS if c not in dropped]
    order.shuffle(kept)
    table = [kept] + [[dict(zip(COLUMNS, r))[c] for c in kept] for r in rows]
    data = csv_text(table, delimiter).encode(encoding)
    before = counts(db)
    result = import_file(db, ws, survey_id, data, "generated.csv", policy=policy)
    good, refused = expected_rows(rows, kept)
    if "useful_p" not in kept:  # a required item without a column: the file is refused
        assert result.batch_id is None and [p.message for p in result.errors] == ["imp.required_no_column"]
    elif policy == "all_or_nothing" and refused or not good:
        assert result.batch_id is None and result.errors
    else:
        assert result.imported and result.rows_imported == len(good)
        assert stored(db, survey_id) == good
        assert result.rows_rejected == len(rows) - len(good)
        return
    assert counts(db) == before and all(p.text("zh") and p.text("en") for p in result.problems)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=600),
        st.builds(
            lambda good, cut, junk: good[:cut] + junk,
            st.just(csv_file([HEADER, *GOOD_ROWS])),
            st.integers(0, 400),
            st.binary(max_size=40),
        ),
    )
)
def test_random_bytes_never_crash_and_never_half_import(database_url, db, ws, sid, data):
    before = counts(db)
    result = import_file(db, ws, sid, data, "random.bin", policy="valid_rows")
    after = counts(db)
    if result.imported:
        assert after["response"] == before["response"] + result.rows_imported > before["response"]
        undo_batch(db, ws, result.batch_id)
    else:
        assert after == before and result.errors
    assert counts(db)["response"] == before["response"]


# --- the import page's actions (survey.importing.actions): checked, audited, one transaction each ------


def test_an_import_and_its_undo_are_audited_with_the_batch_and_a_refused_one_writes_nothing(db, ws, sid):
    from survey.access import accounts, audit
    from survey.access.accounts import AccountError
    from survey.importing import actions

    with db.session() as s:
        people = {}
        for name, role in (("lin", "coordinator"), ("mo", "manager")):
            made = accounts.create_account(s, name, "long-enough-password")
            accounts.set_role(s, made.id, ws, role)
            people[name] = accounts.signed_in(made)
        s.commit()

    def log():
        with db.session() as s:
            return [(e.username, e.action, e.target, e.detail) for e in reversed(audit.entries(s))]

    data = csv_file([HEADER, *GOOD_ROWS])
    with pytest.raises(AccountError, match="not_permitted"):  # a manager reads, never imports
        actions.import_responses(db, people["mo"], ws, sid, "wave1.csv", data=data)
    assert stored(db, sid) == [] and log() == []

    result = actions.import_responses(db, people["lin"], ws, sid, "wave1.csv", data=data, policy="valid_rows")
    assert result.rows_imported == 3
    assert log() == [("lin", "import", "wave1.csv", {"batch": result.batch_id, "tool": "csv"})]
    with pytest.raises(AccountError, match="not_permitted"):
        actions.undo_import(db, people["mo"], ws, result.batch_id, target="#1")
    assert len(stored(db, sid)) == 3 and len(log()) == 1

    assert actions.undo_import(db, people["lin"], ws, result.batch_id, target="#1 · wave1.csv") == 3
    assert stored(db, sid) == []
    assert log()[-1] == ("lin", "undo_import", "#1 · wave1.csv", {"responses": 3})
