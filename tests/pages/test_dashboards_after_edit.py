"""The dashboards keep working after a survey with answers gains a question (a new version nobody answered yet)."""

import os
from dataclasses import replace

import pytest

from survey.design.definition import Node
from survey.storage import store
from survey.storage.db import open_database
from tests.pages.conftest import make_app

DASHBOARDS = ("overview", "gaps", "priorities", "nps", "loyalty", "model", "report")


@pytest.fixture
def every_demo_survey_gained_a_question(app_database) -> list[int]:
    db = open_database(os.environ["DATABASE_URL"])
    ids = []
    with db.session() as s:
        ws = store.default_workspace(s).id
        for summary in store.list_surveys(s, ws):
            defn = store.load_definition(s, ws, store.current_version(s, ws, summary.id).id)
            parent = next(n for n in defn.nodes if n.kind in ("indicator", "dimension"))
            question = Node(
                code="ADDED",
                kind="item",
                label_en="Added later",
                parent=parent.code,
                role="perception",
                scale=defn.scales[0].code,
            )
            assert store.save_definition(s, ws, summary.id, replace(defn, nodes=(*defn.nodes, question))).new_version
            ids.append(summary.id)
        s.commit()
    db.dispose()
    return ids


@pytest.mark.parametrize("page_file", DASHBOARDS)
def test_every_dashboard_renders_after_a_question_is_added_to_an_answered_survey(
    every_demo_survey_gained_a_question, page_file
):
    for survey_id in every_demo_survey_gained_a_question:
        at = make_app("en")
        at.session_state["survey_id"] = survey_id
        at.run()
        at.switch_page(f"pages/{page_file}.py").run()
        assert not at.exception, (survey_id, [e.value for e in at.exception])
        assert at.title
