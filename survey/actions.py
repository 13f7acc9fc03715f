"""Action plans (改进计划): what is done about a gap, and whether it showed at the next wave.

An action names one indicator of a survey by its code (a node or an item), the need it answers (规划需求),
the strategy or measure (需求整合), an owner (an account of the workspace), a due date, a target for the
indicator's satisfaction index (0–100, the figure of the Gaps and Group pages' "actual") and the wave by
which it should show; it keeps the wave it was made in (`baseline_wave`). `check_actions` is the feedback
(反馈机制, domain.md §3 steps 5–7): the indicator's index at the baseline wave and at the check wave, the
change with its test and whether the target was reached.

Each change is one user action: `create_action`, `edit_action`, `set_action_status`, `delete_action` check
the role again in the database (`PERMISSION`; a teacher in their classes, a student only for their own
group's survey), write, write the audit entry ("action_create", "action_edit", "action_status",
"action_delete") and commit; a refusal (`ActionError`, `AccountError`) writes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import metrics
from survey import analysis
from survey.access import accounts, audit
from survey.access.accounts import SignedIn
from survey.characters import bad_character, normal_text, trim
from survey.design.definition import SurveyDefinition
from survey.errors import UserError
from survey.i18n import Term
from survey.storage import store
from survey.storage import tables as t
from survey.storage.db import Database

PERMISSION = "actions.edit"
STATUSES = ("planned", "in_progress", "done", "dropped")
TEXT_MAX = 2000  # characters kept of a need or a strategy
TARGET_RANGE = (0.0, 100.0)
ALPHA = 0.05


class ActionError(UserError):
    """A refused change of an action plan; `message` is a translation id, `params` fill it."""


@dataclass(frozen=True)
class Action:
    """One action as the page shows it (owner and author by name; every text as the user typed it)."""

    id: int
    survey_id: int
    version_id: int | None
    indicator: str
    need: str
    strategy: str
    owner_account_id: int | None
    owner: str
    due_date: date | None
    target_figure: float | None
    baseline_wave: str | None
    check_wave: str | None
    status: str
    created_by: str
    created_at: datetime
    updated_at: datetime


# --- who may change a survey's plan -----------------------------------------------------------------


def _checked(s: Session, who: SignedIn, workspace_id: int, survey_id: int) -> t.Survey:
    """The survey, when `who` may plan actions for it: `PERMISSION` where they work, and a student only for
    their own group's survey (AccountError "account.not_permitted"); ActionError for a survey not found."""
    place = accounts.check_permission(s, who, PERMISSION, workspace_id)
    try:
        survey = store.get_survey(s, workspace_id, survey_id)
    except store.NotFound:
        raise ActionError("actions.not_found") from None
    if place.role == "student":
        group = s.get(t.ClassGroup, place.group_id) if place.group_id else None
        if group is None or group.survey_id != survey_id:
            raise accounts.AccountError("account.not_permitted")
    return survey


def _text(value: str, field_id: str) -> str:
    text = normal_text(trim(value or ""))[:TEXT_MAX]
    bad = bad_character(text)
    if bad is not None:
        raise ActionError("text.bad_character", field=Term(field_id), **bad.params)
    return text


def _fields(s: Session, workspace_id: int, survey: t.Survey, values: dict, *, owner_now: int | None = None) -> dict:
    """The fields of an action as stored, each checked (ActionError naming what to change); the owner it has
    (`owner_now`) may stay even when no longer a member."""
    version = store.current_version(s, workspace_id, survey.id)
    # an indicator with a satisfaction index: a node or perception item of the current version's tree
    codes = set(analysis.analysis_inputs(store.load_definition(s, workspace_id, version.id)).tree["code"])
    indicator = trim(values.get("indicator") or "")
    if indicator not in codes:
        raise ActionError("actions.unknown_indicator", code=indicator)
    strategy = _text(values.get("strategy", ""), "actions.strategy")
    if not strategy:
        raise ActionError("actions.strategy_missing")
    target = values.get("target_figure")
    if target is not None:
        target = float(target)
        if math.isnan(target) or not TARGET_RANGE[0] <= target <= TARGET_RANGE[1]:
            raise ActionError("actions.target_range", low=TARGET_RANGE[0], high=TARGET_RANGE[1])
    owner = values.get("owner_account_id")
    if owner is not None and owner != owner_now and owner not in {a for a, _ in owners(s, workspace_id)}:
        raise ActionError("actions.owner_not_member")
    status = values.get("status", "planned")
    if status not in STATUSES:
        raise ActionError("actions.unknown_status", status=status)
    return {
        "version_id": version.id,
        "indicator": indicator,
        "need": _text(values.get("need", ""), "actions.need"),
        "strategy": strategy,
        "owner_account_id": owner,
        "due_date": values.get("due_date"),
        "target_figure": target,
        "baseline_wave": _text(values.get("baseline_wave") or "", "actions.baseline_wave")[:100] or None,
        "check_wave": _text(values.get("check_wave") or "", "actions.check_wave")[:100] or None,
        "status": status,
    }


def _action(s: Session, workspace_id: int, action_id: int) -> t.Action:
    row = s.get(t.Action, action_id)
    if row is None or row.workspace_id != workspace_id:
        raise ActionError("actions.not_found")
    return row


# --- the user actions ----------------------------------------------------------------------------------


def create_action(
    db: Database,
    who: SignedIn,
    workspace_id: int,
    survey_id: int,
    *,
    indicator: str,
    strategy: str,
    need: str = "",
    owner_account_id: int | None = None,
    due_date: date | None = None,
    target_figure: float | None = None,
    baseline_wave: str | None = None,
    check_wave: str | None = None,
) -> int:
    """A new action ("planned") on the survey's current version; returns its id. Audited as "action_create"
    with the indicator's code."""
    with db.session() as s:
        survey = _checked(s, who, workspace_id, survey_id)
        values = {
            k: v for k, v in locals().items() if k not in ("db", "who", "s", "survey", "workspace_id", "survey_id")
        }
        row = t.Action(workspace_id=workspace_id, survey_id=survey_id, created_by=who.account_id)
        for key, value in _fields(s, workspace_id, survey, values).items():
            setattr(row, key, value)
        s.add(row)
        s.flush()
        audit.record(s, who.actor, "action_create", workspace_id=workspace_id, target=row.indicator, action_id=row.id)
        s.commit()
        return row.id


EDITABLE = ("indicator", "need", "strategy", "owner_account_id", "due_date", "target_figure", "check_wave")


def edit_action(db: Database, who: SignedIn, workspace_id: int, action_id: int, **changes: object) -> None:
    """Change an action's fields (`EDITABLE`, keyword arguments; the others stay). Audited as "action_edit"
    with the fields changed."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with db.session() as s:
        row = _action(s, workspace_id, action_id)
        survey = _checked(s, who, workspace_id, row.survey_id)
        current = {k: getattr(row, k) for k in (*EDITABLE, "baseline_wave", "status")}
        fields = _fields(s, workspace_id, survey, {**current, **changes}, owner_now=row.owner_account_id)
        fields.pop("version_id")  # the version it was made on stays
        changed = sorted(k for k, v in fields.items() if getattr(row, k) != v)
        if not changed:
            return  # nothing to write, nothing to audit
        for key in changed:
            setattr(row, key, fields[key])
        audit.record(
            s,
            who.actor,
            "action_edit",
            workspace_id=workspace_id,
            target=row.indicator,
            action_id=row.id,
            fields=changed,
        )
        s.commit()


def set_action_status(db: Database, who: SignedIn, workspace_id: int, action_id: int, status: str) -> None:
    """planned → in progress → done (or dropped), audited as "action_status" with the old and new status."""
    if status not in STATUSES:
        raise ActionError("actions.unknown_status", status=status)
    with db.session() as s:
        row = _action(s, workspace_id, action_id)
        _checked(s, who, workspace_id, row.survey_id)
        old, row.status = row.status, status
        audit.record(
            s, who.actor, "action_status", workspace_id=workspace_id, target=row.indicator, action_id=row.id,
            old=old, new=status,
        )  # fmt: skip
        s.commit()


def delete_action(db: Database, who: SignedIn, workspace_id: int, action_id: int) -> None:
    """Remove an action, audited as "action_delete" with what it said (its strategy), so nothing typed is lost
    from the record."""
    with db.session() as s:
        row = _action(s, workspace_id, action_id)
        _checked(s, who, workspace_id, row.survey_id)
        audit.record(
            s, who.actor, "action_delete", workspace_id=workspace_id, target=row.indicator, action_id=row.id,
            strategy=row.strategy, need=row.need,
        )  # fmt: skip
        s.delete(row)
        s.commit()


# --- reading the plan -------------------------------------------------------------------------------


def owners(s: Session, workspace_id: int) -> list[tuple[int, str]]:
    """(account id, name) of the accounts who may own an action here: the workspace's members, by name."""
    rows = s.execute(
        select(t.Account)
        .join(t.Membership, t.Membership.account_id == t.Account.id)
        .where(t.Membership.workspace_id == workspace_id, t.Account.disabled.is_(False))
    ).scalars()
    return sorted(((a.id, accounts.label(a)) for a in rows), key=lambda p: p[1].casefold())


def list_actions(
    s: Session,
    workspace_id: int,
    survey_id: int | None = None,
    *,
    statuses: Sequence[str] = (),
    owner_account_id: int | None = None,
    indicator: str | None = None,
) -> list[Action]:
    """The workspace's actions (of one survey), oldest first; empty filters keep all."""
    owner = t.Account.__table__.alias("owner")
    author = t.Account.__table__.alias("author")
    q = (
        select(t.Action, owner.c.username, owner.c.display_name, author.c.username, author.c.display_name)
        .outerjoin(owner, owner.c.id == t.Action.owner_account_id)
        .outerjoin(author, author.c.id == t.Action.created_by)
        .where(t.Action.workspace_id == workspace_id)
        .order_by(t.Action.id)
    )
    if survey_id is not None:
        q = q.where(t.Action.survey_id == survey_id)
    if statuses:
        q = q.where(t.Action.status.in_(list(statuses)))
    if owner_account_id is not None:
        q = q.where(t.Action.owner_account_id == owner_account_id)
    if indicator:
        q = q.where(t.Action.indicator == indicator)
    return [
        Action(
            a.id,
            a.survey_id,
            a.version_id,
            a.indicator,
            a.need,
            a.strategy,
            a.owner_account_id,
            (o_name or o_user or ""),
            a.due_date,
            a.target_figure,
            a.baseline_wave,
            a.check_wave,
            a.status,
            (c_name or c_user or ""),
            a.created_at,
            a.updated_at,
        )  # fmt: skip
        for a, o_user, o_name, c_user, c_name in s.execute(q).all()
    ]


def action_count(s: Session, workspace_id: int, survey_id: int) -> int:
    """How many actions a survey's plan holds (the Surveys page names them before deleting the survey)."""
    return int(
        s.scalar(select(func.count()).where(t.Action.workspace_id == workspace_id, t.Action.survey_id == survey_id))
        or 0
    )


# --- the check at the next wave ---------------------------------------------------------------------

OUTCOMES = ("reached", "missed", "changed", "not_yet", "no_answers", "gone")


@dataclass(frozen=True)
class ActionCheck:
    """One action checked against the responses.

    before, after: the indicator's satisfaction index (0–100) in `before_wave` (the action's baseline wave;
    without one, the wave before `after_wave`) and in `after_wave` (the action's check wave when it set
    one, else the latest wave after the baseline); NaN when not there.
    change = after − before; p_value: `metrics.index_difference_test` of exactly that difference (the
    Overview cards' test: linearised Welch, relabelling below 30 respondents), p_adjusted: Holm's
    adjustment over the actions checked at the same wave, significant: p_adjusted < 0.05.
    outcome: "reached" (after ≥ target), "missed" (after < target), "changed" (no target set: the change
    alone), "not_yet" (the wave to check is not in the data), "no_answers" (nobody answered the
    indicator in a wave compared), "gone" (the survey's current version has no such code).
    """

    action: Action
    label_zh: str
    label_en: str
    before_wave: str | None
    after_wave: str | None
    before: float
    after: float
    change: float
    p_value: float
    p_adjusted: float
    test: str
    n_before: int
    n_after: int
    outcome: str

    @property
    def significant(self) -> bool:
        return bool(self.p_adjusted < ALPHA)

    def label(self, lang: str) -> str:
        return (
            (self.label_zh if lang == "zh" else self.label_en)
            or self.label_zh
            or self.label_en
            or self.action.indicator
        )


def subtree(tree: pd.DataFrame, code: str) -> pd.DataFrame:
    """The rows of `code` and every node and item under it, `code` the root (parent None): its index is the
    indicator's index in the whole tree."""
    children: dict = {}
    for c, p in zip(tree["code"], tree["parent"]):
        children.setdefault(p, []).append(c)
    keep, todo = set(), [code]
    while todo:
        c = todo.pop()
        keep.add(c)
        todo += children.get(c, [])
    part = tree[tree["code"].isin(keep)][["code", "parent", "weight"]].copy()
    part["parent"] = part["parent"].astype(object).where(part["code"] != code, None)
    return part.reset_index(drop=True)


def _wave(frame: pd.DataFrame, wave: str | None) -> pd.DataFrame:
    if wave is None:
        return frame.iloc[0:0]
    return frame[(frame["wave"] == wave).to_numpy(dtype=bool, na_value=False)]


def _after_wave(action: Action, waves: list[str]) -> str | None:
    if action.check_wave:
        return action.check_wave if action.check_wave in waves else None
    later = [w for w in waves if action.baseline_wave is None or w > action.baseline_wave]
    return later[-1] if later else None


def action_checks(defn: SurveyDefinition, frame: pd.DataFrame, actions: Sequence[Action]) -> list[ActionCheck]:
    """Each action checked on `frame` (every response of the survey, `store.responses_frame`) under the
    survey's current definition `defn` (see `ActionCheck`)."""
    inputs = analysis.analysis_inputs(defn)
    waves = analysis.waves_in(frame)
    rows = []
    for action in actions:
        node = defn.node(action.indicator)
        zh, en = (node.label_zh, node.label_en) if node else ("", "")
        found = node is not None and action.indicator in set(inputs.tree["code"])
        after_wave = _after_wave(action, waves)
        before_wave = action.baseline_wave
        if before_wave is None and after_wave is not None and waves.index(after_wave) > 0:
            before_wave = waves[waves.index(after_wave) - 1]  # no baseline kept: the wave before
        values = dict(before=math.nan, after=math.nan, change=math.nan, p_value=math.nan, test="")
        n_before = n_after = 0
        if not found:
            outcome = "gone"
        else:
            tree = subtree(inputs.tree, action.indicator)
            a, b = _wave(frame, after_wave), _wave(frame, before_wave)
            values["before"], n_before = _index(b, tree, inputs.scales)
            values["after"], n_after = _index(a, tree, inputs.scales)
            if after_wave is None:
                outcome = "not_yet"
            elif not (n_before and n_after):
                outcome = "no_answers"
            else:
                test = metrics.index_difference_test(a, b, tree, scales=inputs.scales)
                values.update(change=test.difference, p_value=test.p_value, test=f"index_{test.method}")
                if action.target_figure is None:
                    outcome = "changed"
                else:
                    outcome = "reached" if values["after"] >= action.target_figure else "missed"
        waves_compared = {"before_wave": before_wave, "after_wave": after_wave}
        rows.append(
            {"action": action, "label_zh": zh, "label_en": en, **waves_compared, **values}
            | {"n_before": n_before, "n_after": n_after, "outcome": outcome}
        )
    adjusted = _holm_by_wave(rows)
    return [ActionCheck(**row, p_adjusted=p) for row, p in zip(rows, adjusted)]


def _index(frame: pd.DataFrame, tree: pd.DataFrame, scales) -> tuple[float, int]:
    if frame.empty:
        return math.nan, 0
    result = metrics.satisfaction_index(frame, tree, scales=scales)
    return (float(result.index), int(result.n)) if result.n else (math.nan, 0)


def _holm_by_wave(rows: list[dict]) -> list[float]:
    """The tests of the actions checked at one wave are one family: Holm-adjusted, so that a plan of many
    actions does not make a false "significant" likelier than 5 %."""
    adjusted = [math.nan] * len(rows)
    for wave in {r["after_wave"] for r in rows}:
        family = [i for i, r in enumerate(rows) if r["after_wave"] == wave and not math.isnan(r["p_value"])]
        if family:
            for i, p in zip(family, metrics.holm([rows[i]["p_value"] for i in family])):
                adjusted[i] = float(p)
    return adjusted


def check_actions(
    s: Session, workspace_id: int, survey_id: int, actions: Sequence[Action] | None = None
) -> list[ActionCheck]:
    """The survey's actions (or those given) checked on all its responses under its current definition
    (`action_checks`)."""
    if actions is None:
        actions = list_actions(s, workspace_id, survey_id)
    if not actions:
        return []  # no plan: nothing to load
    version = store.current_version(s, workspace_id, survey_id)
    defn = store.load_definition(s, workspace_id, version.id)
    frame = store.responses_frame(s, workspace_id, survey_id)
    return action_checks(defn, frame, actions)


def due_at(checks: Sequence[ActionCheck], wave: str | None) -> list[ActionCheck]:
    """The actions checked at `wave` (the Overview's "actions due this wave"), dropped ones left out."""
    if wave is None:
        return []
    return [c for c in checks if c.after_wave == wave and c.action.status != "dropped" and c.outcome != "gone"]
