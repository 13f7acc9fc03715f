"""Survey storage: what the pages do to surveys, versions and responses.

Every function takes the caller's workspace and refuses rows of another one
(`NotFound`), so a changed id in a URL never reaches someone else's data.
Each function works inside the session it is given; the caller commits, so
that one user action is one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd
from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.orm import Session

from survey.characters import normal_text, trim
from survey.design.definition import (
    CODE_MAX,
    TEXT_ROLES,
    DefinitionError,
    Node,
    Scale,
    ScalePoint,
    SurveyDefinition,
    WeightRule,
    checked,
    title_problems,
)
from survey.storage import blocks
from survey.storage import tables as t

DEFAULT_WORKSPACE = "Default workspace"
WRITING, VISIBLE = "writing", "visible"  # ImportBatch.state: an import still storing its rows, or done


def visible_responses() -> ColumnElement[bool]:
    """The responses everyone may see: not those of an import still writing its rows in short transactions
    (they appear all at once with the import's last transaction, or never when it fails)."""
    unfinished = select(t.ImportBatch.id).where(t.ImportBatch.state == WRITING)
    return or_(t.Response.batch_id.is_(None), t.Response.batch_id.not_in(unfinished))


class NotFound(LookupError):
    """The survey or version does not exist in this workspace."""


@dataclass(frozen=True)
class SurveySummary:
    id: int
    title_zh: str
    title_en: str
    archived: bool
    version: int
    versions: int
    responses: int
    template: str | None
    created_at: datetime
    updated_at: datetime

    def title(self, lang: str) -> str:
        return (self.title_zh if lang == "zh" else self.title_en) or self.title_zh or self.title_en


@dataclass(frozen=True)
class SaveResult:
    version_id: int
    version: int
    new_version: bool


# --- workspaces -----------------------------------------------------------


def default_workspace(s: Session) -> t.Workspace:
    ws = s.scalars(select(t.Workspace).order_by(t.Workspace.id).limit(1)).first()
    if ws is None:
        ws = t.Workspace(name=DEFAULT_WORKSPACE, kind="organisation")
        s.add(ws)
        s.flush()
    return ws


# --- surveys --------------------------------------------------------------


def get_survey(s: Session, workspace_id: int, survey_id: int) -> t.Survey:
    survey = s.get(t.Survey, survey_id)
    if survey is None or survey.workspace_id != workspace_id:
        raise NotFound(survey_id)
    return survey


def current_version(s: Session, workspace_id: int, survey_id: int) -> t.SurveyVersion:
    get_survey(s, workspace_id, survey_id)
    version = s.scalars(
        select(t.SurveyVersion).where(t.SurveyVersion.survey_id == survey_id).order_by(t.SurveyVersion.number.desc())
    ).first()
    if version is None:
        raise NotFound(survey_id)
    return version


def get_version(s: Session, workspace_id: int, version_id: int) -> t.SurveyVersion:
    version = s.get(t.SurveyVersion, version_id)
    if version is None or version.workspace_id != workspace_id:
        raise NotFound(version_id)
    return version


def list_versions(s: Session, workspace_id: int, survey_id: int) -> list[tuple[int, int, int]]:
    """(version id, number, responses) of each version, oldest first."""
    get_survey(s, workspace_id, survey_id)
    counts = dict(
        s.execute(
            select(t.Response.version_id, func.count())
            .where(t.Response.survey_id == survey_id, visible_responses())
            .group_by(t.Response.version_id)
        ).all()
    )
    rows = s.execute(
        select(t.SurveyVersion.id, t.SurveyVersion.number)
        .where(t.SurveyVersion.survey_id == survey_id)
        .order_by(t.SurveyVersion.number)
    ).all()
    return [(vid, number, counts.get(vid, 0)) for vid, number in rows]


def list_surveys(s: Session, workspace_id: int, *, include_archived: bool = True) -> list[SurveySummary]:
    query = select(t.Survey).where(t.Survey.workspace_id == workspace_id).order_by(t.Survey.id)
    if not include_archived:
        query = query.where(t.Survey.archived.is_(False))
    surveys = s.scalars(query).all()
    counts = dict(
        s.execute(
            select(t.Response.survey_id, func.count())
            .where(t.Response.workspace_id == workspace_id, visible_responses())
            .group_by(t.Response.survey_id)
        ).all()
    )
    summaries = []
    for survey in surveys:
        versions = survey.versions
        latest = versions[-1] if versions else None
        summaries.append(
            SurveySummary(
                id=survey.id,
                title_zh=survey.title_zh,
                title_en=survey.title_en,
                archived=survey.archived,
                version=latest.number if latest else 0,
                versions=len(versions),
                responses=counts.get(survey.id, 0),
                template=latest.template if latest else None,
                created_at=survey.created_at,
                updated_at=survey.updated_at,
            )
        )
    return summaries


def create_survey(s: Session, workspace_id: int, defn: SurveyDefinition) -> t.Survey:
    defn = checked(defn)
    survey = t.Survey(workspace_id=workspace_id, title_zh=defn.title_zh, title_en=defn.title_en)
    s.add(survey)
    s.flush()
    _write_version(s, survey, defn, number=1)
    return survey


def rename_survey(s: Session, workspace_id: int, survey_id: int, title_zh: str, title_en: str) -> None:
    """New titles (trimmed, NFC); DefinitionError naming what is wrong with them."""
    title_zh, title_en = normal_text(trim(title_zh)), normal_text(trim(title_en))
    found = title_problems(title_zh, title_en)
    if found:
        raise DefinitionError(found)
    survey = get_survey(s, workspace_id, survey_id)
    survey.title_zh, survey.title_en = title_zh, title_en


def set_archived(s: Session, workspace_id: int, survey_id: int, archived: bool) -> None:
    get_survey(s, workspace_id, survey_id).archived = archived


def duplicate_survey(s: Session, workspace_id: int, survey_id: int) -> t.Survey:
    """A new survey with the current definition of this one and no responses."""
    survey = get_survey(s, workspace_id, survey_id)
    defn = load_definition(s, workspace_id, current_version(s, workspace_id, survey_id).id)
    copy = create_survey(s, workspace_id, defn)
    set_model_paths(s, workspace_id, copy.id, defn.model_paths)
    copy.title_zh = f"{survey.title_zh}（副本）" if survey.title_zh else ""
    copy.title_en = f"{survey.title_en} (copy)" if survey.title_en else ""
    return copy


def response_count(
    s: Session, workspace_id: int, survey_id: int, version_id: int | None = None, *, unfinished: bool = False
) -> int:
    """The survey's (or one version's) responses; with `unfinished` also those of an import still writing."""
    get_survey(s, workspace_id, survey_id)
    query = select(func.count()).select_from(t.Response).where(t.Response.survey_id == survey_id)
    if not unfinished:
        query = query.where(visible_responses())
    if version_id is not None:
        query = query.where(t.Response.version_id == version_id)
    return s.scalar(query) or 0


def delete_survey(s: Session, workspace_id: int, survey_id: int) -> int:
    """Delete a survey with all its versions and responses; returns the responses removed."""
    survey = get_survey(s, workspace_id, survey_id)
    removed = response_count(s, workspace_id, survey_id, unfinished=True)
    # the comments' themes and follow-ups go with the survey (the Surveys page's confirmation names them)
    tag_ids = select(t.CommentTag.id).where(t.CommentTag.survey_id == survey_id)
    s.execute(delete(t.CommentTagging).where(t.CommentTagging.tag_id.in_(tag_ids)))
    s.execute(delete(t.CommentTag).where(t.CommentTag.survey_id == survey_id))
    s.execute(delete(t.FollowUp).where(t.FollowUp.survey_id == survey_id))
    s.execute(delete(t.AnswerBlock).where(t.AnswerBlock.survey_id == survey_id))
    s.execute(delete(t.Response).where(t.Response.survey_id == survey_id))
    s.execute(delete(t.SurveyTarget).where(t.SurveyTarget.survey_id == survey_id))
    s.execute(delete(t.Action).where(t.Action.survey_id == survey_id))  # its action plan (asked on the page)
    s.execute(delete(t.ImportBatch).where(t.ImportBatch.survey_id == survey_id))
    s.execute(delete(t.Respondent).where(t.Respondent.survey_id == survey_id))
    version_ids = select(t.SurveyVersion.id).where(t.SurveyVersion.survey_id == survey_id)
    s.execute(delete(t.Item).where(t.Item.version_id.in_(version_ids)))
    # children before parents: indicators, then dimensions
    s.execute(
        delete(t.IndicatorNode).where(
            t.IndicatorNode.version_id.in_(version_ids), t.IndicatorNode.parent_id.is_not(None)
        )
    )
    s.execute(delete(t.IndicatorNode).where(t.IndicatorNode.version_id.in_(version_ids)))
    s.execute(delete(t.Scale).where(t.Scale.version_id.in_(version_ids)))
    s.execute(delete(t.SurveyVersion).where(t.SurveyVersion.survey_id == survey_id))
    s.expunge(survey)
    s.execute(delete(t.Survey).where(t.Survey.id == survey_id))
    return removed


# --- definitions and versions ---------------------------------------------


def structure(defn: SurveyDefinition) -> tuple:
    """What responses depend on: item codes, the tree's shape, roles and scale ranges.

    Labels, weights, the required flag and scales no item uses are not part of
    it: fixing a typo, re-weighting or adding a scale does not change what an
    answer means.
    """
    used = {n.scale for n in defn.nodes if n.scale}
    scales = tuple(sorted((sc.code, sc.minimum, sc.maximum) for sc in defn.scales if sc.code in used))
    nodes = tuple(sorted((n.code, n.kind, n.parent or "", n.role or "", n.scale or "") for n in defn.nodes))
    return scales, nodes


def save_definition(s: Session, workspace_id: int, survey_id: int, defn: SurveyDefinition) -> SaveResult:
    """Store an edited definition.

    When the current version already has responses and the edit changes its
    structure, a new version is created and the old one, with its responses,
    stays as it was. Otherwise the current version is updated in place.
    """
    defn = checked(defn)
    survey = get_survey(s, workspace_id, survey_id)
    version = current_version(s, workspace_id, survey_id)
    survey.title_zh, survey.title_en = defn.title_zh, defn.title_en
    survey.updated_at = t.utcnow()
    old = load_definition(s, workspace_id, version.id)
    answered = response_count(s, workspace_id, survey_id, version.id, unfinished=True) > 0
    if answered and structure(old) != structure(defn):
        new = _write_version(s, survey, defn, number=version.number + 1)
        return SaveResult(new.id, new.number, True)
    _clear_version(s, version)
    _fill_version(s, version, defn)
    return SaveResult(version.id, version.number, False)


def _write_version(s: Session, survey: t.Survey, defn: SurveyDefinition, *, number: int) -> t.SurveyVersion:
    version = t.SurveyVersion(workspace_id=survey.workspace_id, survey_id=survey.id, number=number)
    s.add(version)
    s.flush()
    _fill_version(s, version, defn)
    return version


def _clear_version(s: Session, version: t.SurveyVersion) -> None:
    s.execute(delete(t.Item).where(t.Item.version_id == version.id))
    s.execute(
        delete(t.IndicatorNode).where(t.IndicatorNode.version_id == version.id, t.IndicatorNode.parent_id.is_not(None))
    )
    s.execute(delete(t.IndicatorNode).where(t.IndicatorNode.version_id == version.id))
    s.execute(delete(t.Scale).where(t.Scale.version_id == version.id))
    s.expire(version)


def _fill_version(s: Session, version: t.SurveyVersion, defn: SurveyDefinition) -> None:
    ws = version.workspace_id
    version.description_zh, version.description_en = defn.description_zh, defn.description_en
    version.template = defn.template
    version.weight_rules = [
        {"group": r.group, "method": r.method, "members": list(r.members), "matrix": [list(row) for row in r.matrix]}
        for r in defn.weight_rules
    ]
    scale_rows = {}
    for pos, sc in enumerate(defn.scales):
        row = t.Scale(
            workspace_id=ws,
            version_id=version.id,
            position=pos,
            code=sc.code,
            kind=sc.kind,
            minimum=sc.minimum,
            maximum=sc.maximum,
            name_zh=sc.name_zh,
            name_en=sc.name_en,
            allow_na=sc.allow_na,
            points=[[p.value, p.label_zh, p.label_en] for p in sc.points],
        )
        s.add(row)
        scale_rows[sc.code] = row
    s.flush()
    node_rows: dict[str, t.IndicatorNode] = {}
    groups = [n for n in defn.nodes if n.kind != "item"]
    # dimensions first so that indicators find their parent's id
    for pos, n in sorted(enumerate(groups), key=lambda pair: pair[1].kind != "dimension"):
        row = t.IndicatorNode(
            workspace_id=ws,
            version_id=version.id,
            parent_id=node_rows[n.parent].id if n.parent else None,
            position=pos,
            code=n.code,
            kind=n.kind,
            label_zh=n.label_zh,
            label_en=n.label_en,
            weight=n.weight,
        )
        s.add(row)
        s.flush()
        node_rows[n.code] = row
    for pos, n in enumerate(defn.items):
        s.add(
            t.Item(
                workspace_id=ws,
                version_id=version.id,
                node_id=node_rows[n.parent].id if n.parent else None,
                scale_id=scale_rows[n.scale].id if n.scale else None,
                position=pos,
                code=n.code,
                role=n.role,
                label_zh=n.label_zh,
                label_en=n.label_en,
                weight=n.weight,
                required=n.required,
            )
        )
    s.flush()
    s.expire(version)


def load_definition(s: Session, workspace_id: int, version_id: int) -> SurveyDefinition:
    version = get_version(s, workspace_id, version_id)
    survey = s.get(t.Survey, version.survey_id)
    scales = s.scalars(select(t.Scale).where(t.Scale.version_id == version_id).order_by(t.Scale.position)).all()
    groups = s.scalars(
        select(t.IndicatorNode).where(t.IndicatorNode.version_id == version_id).order_by(t.IndicatorNode.position)
    ).all()
    items = s.scalars(select(t.Item).where(t.Item.version_id == version_id).order_by(t.Item.position)).all()
    group_code = {g.id: g.code for g in groups}
    scale_code = {sc.id: sc.code for sc in scales}
    nodes = [
        Node(
            code=g.code,
            kind=g.kind,
            label_zh=g.label_zh,
            label_en=g.label_en,
            parent=group_code.get(g.parent_id),
            weight=g.weight,
        )
        for g in groups
    ]
    nodes += [
        Node(
            code=i.code,
            kind="item",
            label_zh=i.label_zh,
            label_en=i.label_en,
            parent=group_code.get(i.node_id),
            role=i.role,
            scale=scale_code.get(i.scale_id),
            weight=i.weight,
            required=i.required,
        )
        for i in items
    ]
    return SurveyDefinition(
        title_zh=survey.title_zh,
        title_en=survey.title_en,
        model_paths=model_paths(s, workspace_id, survey.id),
        scales=tuple(
            Scale(
                code=sc.code,
                kind=sc.kind,
                minimum=sc.minimum,
                maximum=sc.maximum,
                points=tuple(ScalePoint(int(v), zh, en) for v, zh, en in sc.points),
                name_zh=sc.name_zh,
                name_en=sc.name_en,
                allow_na=sc.allow_na,
            )
            for sc in scales
        ),
        nodes=_tree_order(nodes),
        weight_rules=tuple(
            WeightRule(
                group=r["group"],
                method=r["method"],
                members=tuple(r.get("members", ())),
                matrix=tuple(tuple(float(v) for v in row) for row in r.get("matrix", ())),
            )
            for r in (version.weight_rules or [])
        ),
        description_zh=version.description_zh,
        description_en=version.description_en,
        template=version.template,
    )


def _tree_order(nodes: list[Node]) -> tuple[Node, ...]:
    """Nodes in reading order: each dimension, then its indicators and items, depth first."""
    children: dict[str | None, list[Node]] = {}
    for n in nodes:
        children.setdefault(n.parent, []).append(n)
    ordered: list[Node] = []

    def walk(parent: str | None) -> None:
        for n in children.get(parent, []):
            ordered.append(n)
            walk(n.code)

    walk(None)
    return tuple(ordered)


# --- responses ------------------------------------------------------------


def add_responses(
    s: Session,
    workspace_id: int,
    version_id: int,
    rows: Iterable[dict],
    *,
    batch: t.ImportBatch | None = None,
) -> int:
    """Store responses to one version; each row has `answers` and optionally
    `attributes`, `wave`, `meta`, `submitted_at` and `respondent` (an external id)."""
    version = get_version(s, workspace_id, version_id)
    count = 0
    rows = list(rows)
    made = []
    for row in rows:
        respondent_id = None
        if row.get("respondent") is not None:
            respondent_id = _respondent_id(s, workspace_id, version.survey_id, str(row["respondent"]))
        response = t.Response(
            workspace_id=workspace_id,
            survey_id=version.survey_id,
            version_id=version_id,
            respondent_id=respondent_id,
            batch_id=batch.id if batch is not None else None,
            submitted_at=row.get("submitted_at") or t.utcnow(),
            wave=row.get("wave"),
            answers=row.get("answers", {}),
            attributes=row.get("attributes", {}),
            meta=row.get("meta", {}),
        )
        s.add(response)
        made.append(response)
        count += 1
    s.flush()
    columns = blocks.block_of_rows([{**row, "submitted_at": r.submitted_at} for row, r in zip(rows, made)])
    if batch is not None and columns is not None:  # a batch's answers also column by column
        times, waves, answers, attributes = columns
        blocks.add_block(
            s.connection(),
            workspace_id=workspace_id,
            survey_id=version.survey_id,
            version_id=version_id,
            batch_id=batch.id,
            response_ids=[r.id for r in made],
            submitted_at=times,
            waves=waves,
            answers=answers,
            attributes=attributes,
        )
    return count


def _respondent_id(s: Session, workspace_id: int, survey_id: int, external_id: str) -> int:
    found = s.scalar(
        select(t.Respondent.id).where(t.Respondent.survey_id == survey_id, t.Respondent.external_id == external_id)
    )
    if found is not None:
        return found
    respondent = t.Respondent(workspace_id=workspace_id, survey_id=survey_id, external_id=external_id)
    s.add(respondent)
    s.flush()
    return respondent.id


def responses_frame(
    s: Session, workspace_id: int, survey_id: int, version_ids: list[int] | None = None
) -> pd.DataFrame:
    """All responses of a survey as one table: one row per response.

    Columns: response_id, version (number), wave, submitted_at, then one column
    per text item answered (attributes and comments: text, from the response's
    `attributes`) and one per scored item code (float; NaN = missing). Items of
    the same code in different versions share a column, and every scored item
    of every version has its column, also one nobody answered yet (an item
    added after the answers came in); a text item never gets a float column.

    Imported answers come from their columnar blocks (`survey.storage.blocks`), the rest (questionnaire
    answers, a batch without whole blocks) from each response's JSON; the table is the same either way.
    """
    get_survey(s, workspace_id, survey_id)
    table, covered, first_seen = blocks.survey_blocks(s, survey_id, version_ids)
    query = (
        select(
            t.Response.id,
            t.SurveyVersion.number,
            t.Response.wave,
            t.Response.submitted_at,
            t.Response.attributes,
            t.Response.answers,
        )
        .join(t.SurveyVersion, t.SurveyVersion.id == t.Response.version_id)
        .where(t.Response.survey_id == survey_id, visible_responses())
        .order_by(t.Response.id)
    )
    if version_ids is not None:
        query = query.where(t.Response.version_id.in_(version_ids))
    if covered:  # two look-ups along (survey, batch): the answers of no batch, and batches without whole blocks
        others = s.scalars(
            select(t.ImportBatch.id).where(
                t.ImportBatch.survey_id == survey_id,
                t.ImportBatch.state == VISIBLE,
                t.ImportBatch.id.not_in(covered),
            )
        ).all()
        rows = s.execute(query.where(t.Response.batch_id.is_(None))).all()
        if others:
            rows += s.execute(query.where(t.Response.batch_id.in_(others))).all()
            rows.sort(key=lambda r: r[0])
    else:
        rows = s.execute(query).all()
    if table is None:
        base, attributes, answers = _frame_of_rows(rows)
    else:
        base, attributes, answers = _frame_of_blocks(table, first_seen, rows)
    attributes = attributes.drop(columns=[c for c in attributes.columns if c in base.columns], errors="ignore")
    codes = s.scalars(
        select(t.Item.code)
        .join(t.SurveyVersion, t.SurveyVersion.id == t.Item.version_id)
        .where(t.SurveyVersion.survey_id == survey_id, t.Item.role.not_in(TEXT_ROLES))
        .distinct()
    ).all()
    unanswered = sorted(set(codes) - set(answers.columns))
    if unanswered:
        answers = pd.concat([answers, pd.DataFrame(np.nan, index=base.index, columns=unanswered)], axis=1)
    return pd.concat([base, attributes, answers], axis=1)


_BASE = ["response_id", "version", "wave", "submitted_at"]


def _frame_of_rows(rows: list) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(base, attributes, answers) of responses read with their JSON, one row each."""
    base = pd.DataFrame([(r[0], r[1], r[2], r[3]) for r in rows], columns=_BASE)
    attributes = pd.DataFrame.from_records([r[4] or {} for r in rows], index=base.index)
    answers = pd.DataFrame.from_records([r[5] or {} for r in rows], index=base.index).astype("float64")
    return base, attributes, answers


def _frame_of_blocks(table, first_seen: dict[str, int], rows: list) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(base, attributes, answers) of the decoded blocks plus the responses read per row, in response order,
    with the dtypes and the column order `_frame_of_rows` gives (text "str", a column of no text at all
    object; columns in the order the responses first have them)."""
    frame = table.to_pandas(split_blocks=True, self_destruct=True)  # each column freed once converted
    del table
    base = frame[_BASE]
    texts = {c.removeprefix(blocks.ATTRIBUTE): c for c in frame.columns if c.startswith(blocks.ATTRIBUTE)}
    scored = {c.removeprefix(blocks.ANSWER): c for c in frame.columns if c.startswith(blocks.ANSWER)}
    attributes = frame[list(texts.values())].set_axis(list(texts), axis=1)
    answers = frame[list(scored.values())].set_axis(list(scored), axis=1)
    # (first response id, place among that response's keys) of each column
    text_first = {code: (first_seen[name], k) for k, (code, name) in enumerate(texts.items())}
    scored_first = {code: (first_seen[name], k) for k, (code, name) in enumerate(scored.items())}
    if rows:
        more_base, more_attributes, more_answers = _frame_of_rows(rows)
        for first, column in ((text_first, 4), (scored_first, 5)):
            for r in rows:
                for k, code in enumerate(r[column] or {}):
                    first[code] = min((r[0], k), first.get(code, (r[0], k)))
        base = pd.concat([base, more_base], ignore_index=True)
        attributes = pd.concat([attributes, more_attributes], ignore_index=True)
        answers = pd.concat([answers, more_answers], ignore_index=True).astype("float64")
        if not base["response_id"].is_monotonic_increasing:
            order = np.argsort(base["response_id"].to_numpy(), kind="stable")
            base, attributes, answers = (f.iloc[order].reset_index(drop=True) for f in (base, attributes, answers))
        base = base.astype({"response_id": "int64", "version": "int64"})
    attributes = attributes[sorted(attributes.columns, key=text_first.__getitem__)]  # in order of first appearance
    answers = answers[sorted(answers.columns, key=scored_first.__getitem__)]
    base = base.assign(wave=_as_text(base["wave"]))
    attributes = attributes.assign(**{c: _as_text(attributes[c]) for c in attributes.columns})
    return base, attributes, answers


def _as_text(column: pd.Series) -> pd.Series:
    """A text column as the JSON way gives it: "str" with NaN where missing, or object None when all missing."""
    if column.isna().all():
        return pd.Series([None] * len(column), index=column.index, dtype=object)
    return column if column.dtype == "str" else column.astype("str")


def data_version(s: Session, workspace_id: int, survey_id: int) -> tuple[int, int]:
    """(number of responses, highest response id) of a survey: changes whenever responses are added or
    removed, so the dashboards key their caches on it (never on a timestamp)."""
    get_survey(s, workspace_id, survey_id)
    count, last = s.execute(
        select(func.count(), func.max(t.Response.id)).where(t.Response.survey_id == survey_id, visible_responses())
    ).one()
    return int(count or 0), int(last or 0)


# --- the path model drawn between a survey's dimensions ---------------------------------------


def model_paths(s: Session, workspace_id: int, survey_id: int) -> tuple[tuple[str, str], ...]:
    """The (from, to) dimension pairs drawn for a survey's path model; () when none was drawn."""
    paths = s.scalar(
        select(t.SurveyModel.paths).where(
            t.SurveyModel.workspace_id == workspace_id, t.SurveyModel.survey_id == survey_id
        )
    )
    return tuple((str(a), str(b)) for a, b in (paths or []))


def set_model_paths(s: Session, workspace_id: int, survey_id: int, paths) -> None:
    """Keep `paths` ((from, to) pairs, checked by the caller) as the survey's path model; empty removes it."""
    get_survey(s, workspace_id, survey_id)
    row = s.scalar(select(t.SurveyModel).where(t.SurveyModel.survey_id == survey_id))
    pairs = [[a, b] for a, b in paths]
    if not pairs:
        if row is not None:
            s.delete(row)
        return
    if row is None:
        s.add(t.SurveyModel(workspace_id=workspace_id, survey_id=survey_id, paths=pairs))
    else:
        row.paths = pairs


# --- targets --------------------------------------------------------------

TARGET_FIGURES = {"satisfaction": (0.0, 100.0), "nps": (-100.0, 100.0), "loyalty": (0.0, 100.0)}
# The planned (target) satisfaction of one indicator (classroom groups, survey.classroom): figure
# "indicator:<code>", on the 0–100 index scale of the satisfaction index (an indicator answered 4 on
# average on a 1–5 scale has the index 75), whatever the indicator's answer scale.
INDICATOR_TARGET = "indicator:"
INDICATOR_TARGET_RANGE = (0.0, 100.0)


def target_range(figure: str) -> tuple[float, float]:
    """The range a target of `figure` must lie in; ValueError for a figure that takes no target."""
    if figure in TARGET_FIGURES:
        return TARGET_FIGURES[figure]
    code = figure.removeprefix(INDICATOR_TARGET) if isinstance(figure, str) else ""
    if figure != code and 0 < len(code) <= CODE_MAX and all(ch.isalnum() or ch in "_-." for ch in code):
        return INDICATOR_TARGET_RANGE
    raise ValueError(
        f"unknown figure {str(figure)[:80]!r}: use one of {', '.join(TARGET_FIGURES)} or {INDICATOR_TARGET}<code>"
    )


def targets(s: Session, workspace_id: int, survey_id: int) -> dict[str, float]:
    """The targets set for a survey's figures, by figure name (indicator targets as "indicator:<code>")."""
    get_survey(s, workspace_id, survey_id)
    rows = s.execute(
        select(t.SurveyTarget.figure, t.SurveyTarget.value).where(t.SurveyTarget.survey_id == survey_id)
    ).all()
    return {figure: value for figure, value in rows}


def set_target(s: Session, workspace_id: int, survey_id: int, figure: str, value: float | None) -> None:
    """Set (or, with None, remove) the target of one figure; a value outside the figure's range is refused."""
    get_survey(s, workspace_id, survey_id)
    low, high = target_range(figure)
    row = s.scalars(
        select(t.SurveyTarget).where(t.SurveyTarget.survey_id == survey_id, t.SurveyTarget.figure == figure)
    ).first()
    if value is None:
        if row is not None:
            s.delete(row)
        return
    if not low <= float(value) <= high:
        raise ValueError(f"the target of {figure} must lie between {low:g} and {high:g}")
    if row is None:
        s.add(t.SurveyTarget(workspace_id=workspace_id, survey_id=survey_id, figure=figure, value=float(value)))
    else:
        row.value = float(value)
    s.flush()
