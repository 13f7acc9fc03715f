"""The demo surveys loaded on first start.

- the textbook customer experience table (domain.md §3) with responses whose
  means are exactly the textbook's numbers;
- the ECSI mobile-phone survey with its 250 real responses (data/);
- a course-satisfaction survey with generated responses over three waves.

Each demo's responses come in as an import batch (source "demo"), so they can
be undone like any other import.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.design import templates
from survey.design.definition import Node, SurveyDefinition
from survey.storage import demo, store
from survey.storage import tables as t
from survey.storage.db import Database, first_start_lock

DATA = Path(__file__).resolve().parents[2] / "data"
ECSI_CSV = DATA / "ecsi_mobile_satisfaction.csv"


def response_rows(defn: SurveyDefinition, frame: pd.DataFrame) -> list[dict]:
    """Rows for `store.add_responses` from a table with one column per item code.

    Text items (attributes, comments) are stored as text; a `wave` attribute also fills the
    response's wave; `respondent_id`, when present, names the respondent.
    """
    numbers = [n.code for n in defn.scored_items if n.code in frame.columns]
    texts = [n.code for n in defn.text_items if n.code in frame.columns]
    rows = []
    for record in frame.to_dict("records"):
        answers = {c: (None if pd.isna(record[c]) else float(record[c])) for c in numbers}
        attributes = {c: str(record[c]) for c in texts if not pd.isna(record[c])}
        row = {"answers": answers, "attributes": attributes, "wave": attributes.get("wave")}
        if "respondent_id" in frame.columns and not pd.isna(record["respondent_id"]):
            row["respondent"] = str(record["respondent_id"])
        rows.append(row)
    return rows


def load_survey(s: Session, workspace_id: int, defn: SurveyDefinition, frame: pd.DataFrame, name: str) -> t.Survey:
    survey = store.create_survey(s, workspace_id, defn)
    version = store.current_version(s, workspace_id, survey.id)
    rows = response_rows(defn, frame)
    batch = t.ImportBatch(
        workspace_id=workspace_id,
        survey_id=survey.id,
        version_id=version.id,
        file_name=name,
        source="demo",
        rows_read=len(rows),
        rows_imported=len(rows),
    )
    s.add(batch)
    s.flush()
    store.add_responses(s, workspace_id, version.id, rows, batch=batch)
    return survey


def ecsi_definition() -> SurveyDefinition:
    defn = templates.build("ecsi", include_complaints=False)
    gender = Node(code="gender", kind="item", label_zh="性别", label_en="Gender", role="attribute")
    return replace(
        defn,
        title_zh="ECSI 手机用户满意度（示例数据）",
        title_en="ECSI mobile phone satisfaction (demo data)",
        nodes=(*defn.nodes, gender),
    )


def load_demo(s: Session, workspace_id: int) -> None:
    experience = replace(
        templates.build("experience_table"),
        title_zh="客户体验表（教材案例）",
        title_en="Customer experience table (textbook case)",
    )
    load_survey(s, workspace_id, experience, demo.experience_table_responses(), "demo: experience table")
    load_survey(s, workspace_id, ecsi_definition(), demo.ecsi_responses(ECSI_CSV), ECSI_CSV.name)
    course = replace(
        templates.build("course"),
        title_zh="课程满意度调查（示例）",
        title_en="Course satisfaction survey (demo)",
    )
    load_survey(s, workspace_id, course, demo.course_responses(), "demo: course satisfaction")


def ensure_demo(s: Session) -> bool:
    """On the very first start (no workspace yet) create one and load the demo surveys.

    Returns True when the demo was loaded. A database that already has a
    workspace is left alone, so surveys a user deleted do not come back.
    """
    first_start_lock(s)  # another instance starting now waits here, then finds the demo loaded
    if s.scalar(select(t.Workspace.id).limit(1)) is not None:
        return False
    ws = store.default_workspace(s)
    load_demo(s, ws.id)
    return True


def load_demo_on_first_start(db: Database) -> bool:
    """`ensure_demo` in a transaction of its own, committed: what the app does when it opens its database."""
    with db.session() as s:
        loaded = ensure_demo(s)
        s.commit()
        return loaded
