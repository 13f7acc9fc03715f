"""A group's live results: actual satisfaction per indicator against the planned one, NPS, loyalty, groups compared."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
from sqlalchemy.orm import Session

from survey import analysis
from survey.classroom.common import class_room, group_of
from survey.classroom.group_survey import group_definition, planned_value, survey_id_of
from survey.design.definition import SurveyDefinition
from survey.storage import store
from survey.storage import tables as t

RESULT_COLUMNS = ["code", "label_zh", "label_en", "actual", "planned", "gap", "n"]


@dataclass(frozen=True)
class GroupResults:
    """A group's live results.

    indicators: DataFrame with RESULT_COLUMNS — code, label_zh, label_en,
        actual (0–100 index, NaN without answers), planned (0–100, NaN when
        not set), gap (actual − planned), n (respondents who answered at
        least one of the indicator's perception items); in the survey's order.
    answers: responses to the group's survey (0 without a survey).
    satisfaction: the overall weighted satisfaction index (0–100).
    nps, nps_n: NPS (−100..100) and the answers to the recommend item.
    loyalty, loyalty_n: the loyalty index (0–100) and its respondents.
    Figures nobody answered are NaN.
    """

    group_id: int
    name: str
    survey_id: int | None
    template: str | None
    answers: int
    indicators: pd.DataFrame
    satisfaction: float
    nps: float
    nps_n: int
    loyalty: float
    loyalty_n: int


def with_every_item(defn: SurveyDefinition, frame: pd.DataFrame) -> pd.DataFrame:
    """The responses with a column for every scored item of `defn` (NaN where it was never answered, e.g.
    an indicator added after the answers came in), as the metrics expect."""
    missing = [n.code for n in defn.scored_items if n.code not in frame.columns]
    if not missing:
        return frame
    return pd.concat([frame, pd.DataFrame(math.nan, index=frame.index, columns=missing)], axis=1)


def group_responses(s: Session, workspace_id: int, group_id: int) -> tuple[SurveyDefinition, pd.DataFrame]:
    """The current definition of the group's survey and all its responses (every version), every item a column."""
    survey_id = survey_id_of(s, workspace_id, group_id)
    defn = group_definition(s, workspace_id, group_id)
    return defn, with_every_item(defn, store.responses_frame(s, workspace_id, survey_id))


def results_of(defn: SurveyDefinition, frame: pd.DataFrame, targets: Mapping[str, float]) -> dict:
    """Per-indicator actual / planned / gap, NPS and loyalty from a definition and its responses.

    `frame` as `store.responses_frame` returns it; `targets` as `store.targets`.
    Returns the fields of `GroupResults` from `answers` on.
    """
    inputs = analysis.analysis_inputs(defn)
    frame = with_every_item(defn, frame)
    answered = not frame.empty
    index = analysis.satisfaction(inputs, frame) if answered else None
    nodes = index.nodes.set_index("code") if index is not None else None
    rows = []
    for code in inputs.units:
        node = defn.node(code)
        actual = float(nodes.at[code, "index"]) if nodes is not None else math.nan
        planned = planned_value(targets, code)
        rows.append(
            {
                "code": code,
                "label_zh": node.label_zh,
                "label_en": node.label_en,
                "actual": actual,
                "planned": math.nan if planned is None else float(planned),
                "gap": analysis.target_gap(actual, planned),
                "n": int(nodes.at[code, "n"]) if nodes is not None else 0,
            }
        )
    nps = nps_n = None
    if inputs.recommend is not None and frame[inputs.recommend].notna().any():
        result = analysis.recommend(inputs, frame)
        nps, nps_n = result.score, result.n
    loyalty = analysis.loyalty(inputs, frame) if answered else None
    return {
        "answers": len(frame),
        "indicators": pd.DataFrame(rows, columns=RESULT_COLUMNS),
        "satisfaction": index.index if index is not None else math.nan,
        "nps": math.nan if nps is None else float(nps),
        "nps_n": int(nps_n or 0),
        "loyalty": loyalty.index if loyalty is not None else math.nan,
        "loyalty_n": loyalty.n if loyalty is not None else 0,
    }


def _empty_results() -> dict:
    return {
        "answers": 0,
        "indicators": pd.DataFrame(columns=RESULT_COLUMNS),
        "satisfaction": math.nan,
        "nps": math.nan,
        "nps_n": 0,
        "loyalty": math.nan,
        "loyalty_n": 0,
    }


def _results(s: Session, workspace_id: int, group: t.ClassGroup) -> GroupResults:
    if group.survey_id is None:
        return GroupResults(group.id, group.name, None, None, **_empty_results())
    defn, frame = group_responses(s, workspace_id, group.id)
    figures = results_of(defn, frame, store.targets(s, workspace_id, group.survey_id))
    return GroupResults(group.id, group.name, group.survey_id, defn.template, **figures)


def group_results(s: Session, workspace_id: int, group_id: int) -> GroupResults:
    """The group's results now: actual vs planned per indicator, NPS, loyalty index, answers."""
    return _results(s, workspace_id, group_of(s, workspace_id, group_id))


def compare_groups(s: Session, workspace_id: int) -> list[GroupResults]:
    """Every group's results, in the class's order (one entry per group, with or without a survey)."""
    room = class_room(s, workspace_id)
    return [_results(s, workspace_id, g) for g in sorted(room.groups, key=lambda g: (g.position, g.id))]
