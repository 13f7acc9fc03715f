"""The columnar answer blocks: the dashboards' table read from them is exactly the one read from each
response's JSON, through imports, questionnaire answers, a new version, undo and a stale block."""

from __future__ import annotations

import pandas as pd
import pytest
import sqlalchemy as sa

from survey import answering
from survey.importing.importer import import_file, undo_batch
from survey.storage import blocks, store
from survey.storage import tables as t
from tests.survey.importing_example import course_survey, csv_file

HEADER = ["编号", "期次", "useful_p", "useful_e", "nps", "班级", "地区"]


def rows(n: int, prefix: str, wave: str) -> list[list[str]]:
    # the region appears only from row 5 on, the class is missing in every third row; some answers missing
    return [
        [
            f"{prefix}{i}",
            wave,
            str(1 + i % 5),
            "" if i % 4 == 0 else str(1 + (i * 7) % 5),
            str(i % 11),
            "" if i % 3 == 0 else f"{i % 2 + 1}班",
            "北京" if i >= 5 and i % 2 else "",
        ]
        for i in range(n)
    ]


def by_json(s, ws, survey_id, monkeypatch) -> pd.DataFrame:
    with monkeypatch.context() as m:
        m.setattr(blocks, "survey_blocks", lambda *args: (None, [], {}))
        return store.responses_frame(s, ws, survey_id)


def block_count(s, survey_id) -> int:
    return s.scalar(sa.select(sa.func.count()).select_from(t.AnswerBlock).where(t.AnswerBlock.survey_id == survey_id))


def test_the_table_from_blocks_is_the_table_from_json_through_everything_a_user_does(db, ws, monkeypatch):
    with db.session() as s:
        survey_id = store.create_survey(s, ws, course_survey()).id
        token = answering.open_for_answers(s, ws, survey_id).link_token
        s.commit()
    first = import_file(db, ws, survey_id, csv_file([HEADER, *rows(30, "a", "2025春")]), "a.csv", chunk_rows=7)
    answering.send_answer(db, token, {"useful_p": 2, "nps": 10}, {"class": "问卷", "region": "上海"})
    # a file without waves, regions or the expectation item: other columns in its blocks
    plain = [[r[0], r[2], r[4], r[5]] for r in rows(12, "b", "")]
    import_file(db, ws, survey_id, csv_file([["编号", "useful_p", "nps", "班级"], *plain]), "b.csv", chunk_rows=5)
    with db.session() as s:
        assert block_count(s, survey_id) == 5 + 3
        fast = store.responses_frame(s, ws, survey_id)
        pd.testing.assert_frame_equal(fast, by_json(s, ws, survey_id, monkeypatch))
        assert len(fast) == 43 and list(fast.columns[:6]) == [
            "response_id",
            "version",
            "wave",
            "submitted_at",
            "class",
            "region",
        ]
        assert fast["class"].dtype == "str" and fast["nps"].dtype == "float64"
        only_first = store.responses_frame(s, ws, survey_id, [store.current_version(s, ws, survey_id).id])
        assert len(only_first) == 43
    undo_batch(db, ws, first.batch_id)
    with db.session() as s:
        assert block_count(s, survey_id) == 3
        fast = store.responses_frame(s, ws, survey_id)
        pd.testing.assert_frame_equal(fast, by_json(s, ws, survey_id, monkeypatch))
        assert len(fast) == 13 and fast["wave"].isna().all() and fast["wave"].dtype == object


def test_a_block_that_no_longer_adds_up_is_never_read(db, ws, monkeypatch):
    with db.session() as s:
        survey_id = store.create_survey(s, ws, course_survey()).id
        s.commit()
    import_file(db, ws, survey_id, csv_file([HEADER, *rows(20, "a", "w")]), "a.csv")
    with db.session() as s:  # a response removed behind the blocks' back (no action of the app does this)
        gone = s.scalar(sa.select(sa.func.min(t.Response.id)).where(t.Response.survey_id == survey_id))
        s.execute(sa.delete(t.Response).where(t.Response.id == gone))
        s.commit()
        fast = store.responses_frame(s, ws, survey_id)
        assert len(fast) == 19 and gone not in set(fast["response_id"])
        pd.testing.assert_frame_equal(fast, by_json(s, ws, survey_id, monkeypatch))


@pytest.mark.parametrize("demo", [True])
def test_the_demo_surveys_read_the_same_from_blocks(db, ws, monkeypatch, demo):
    from survey.storage import seed

    with db.session() as s:
        seed.load_demo(s, ws)
        s.commit()
        for summary in store.list_surveys(s, ws):
            assert block_count(s, summary.id) >= 1
            pd.testing.assert_frame_equal(
                store.responses_frame(s, ws, summary.id), by_json(s, ws, summary.id, monkeypatch)
            )
