"""The classroom (实训, domain.md §10): classes, groups, their own surveys, live results and peer review.

A class is a workspace of kind "class" (`tables.ClassRoom` holds its join code,
whether joining is open, and the peer-review rubric). The teacher who creates
it is its member with the role "teacher"; students join with the class's join
code and become members with the role "student" and a group.

Each group designs one survey — its indicator system — from a template
(`GROUP_TEMPLATES`: course satisfaction, canteen loyalty, or blank; the NPS +
loyalty block is added when the template has no recommend or loyalty items),
sets a planned (target) satisfaction per indicator, and hands out the
survey's questionnaire link (`survey.answering`) to classmates.

**Indicators** are what the dashboards' importance–performance analysis calls
units (`analysis.AnalysisInputs.units`): the parents of the perception items —
the 13 indicators of the course template, the 5 dimensions of the canteen
template — or a perception item itself when it hangs at the top (the
indicators a group adds).

**Actual satisfaction** of an indicator is its node index in the weighted
satisfaction index (`metrics.satisfaction_index`, domain.md §4): each
perception item's mean rescaled to 0–100 by (x̄ − min)/(max − min) × 100,
aggregated over the indicator's items with their weights. **Planned**
satisfaction is on the same 0–100 scale (a target of 75 = an average answer
of 4 on a 1–5 scale), stored as the survey's target "indicator:<code>"
(`store.INDICATOR_TARGET`). **Gap** = actual − planned (negative: below
plan), the comparison the textbook exercise asks for. NPS (`metrics.nps`)
and the loyalty index (`metrics.loyalty_index`) come from all the group
survey's responses, of every version.

Every function takes the class's workspace and refuses groups, classes and
surveys of another one (`store.NotFound`), so a changed id in a URL never
reaches another class. Refusals a user can cause raise `ClassError`, whose
`message` is a translation id (``classes.*``, ``group.*``, ``peer.*``,
``join.*``) and `params` fill it. Each function works in the session it is
given; the caller commits.
"""

from __future__ import annotations

import math
import numbers
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import pandas as pd
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from survey import accounts, analysis, answering, store, templates
from survey import tables as t
from survey.accounts import SignedIn
from survey.characters import bad_character, normal_text
from survey.definition import LABEL_MAX, Node, SurveyDefinition
from survey.editing import unused_code, with_nodes
from survey.i18n import Term

# Join codes: no 0/O, 1/I/L, so a code read off a projector is typed right. 31^6 ≈ 890 million codes.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6
NAME_MAX = 100  # characters of a class or group name
GROUPS_MAX = 30
INDICATORS_MAX = 40
CRITERIA_MAX = 12
SCORE_MAX = 100  # the highest "max" a rubric criterion may have

GROUP_TEMPLATES = ("course", "canteen", "blank")
BLANK_TITLE = ("满意度调查", "Satisfaction survey")
NEW_INDICATOR = "ind"  # code stem of the indicators a group adds ("ind", "ind_2", ...)

# The rubric a new class starts with; the teacher edits it (stored with the class, in both languages).
DEFAULT_RUBRIC = (
    {"name_zh": "指标体系设计", "name_en": "Indicator system design", "max": 10},
    {"name_zh": "数据与分析", "name_en": "Data and analysis", "max": 10},
    {"name_zh": "改进建议", "name_en": "Proposals for improvement", "max": 10},
    {"name_zh": "汇报表达", "name_en": "Presentation", "max": 10},
)

RESULT_COLUMNS = ["code", "label_zh", "label_en", "actual", "planned", "gap", "n"]


class ClassError(ValueError):
    """A refused classroom action; `message` is a translation id, `params` fill it."""

    def __init__(self, message: str, **params: object):
        self.message = message
        self.params = params
        super().__init__(message)


@dataclass(frozen=True)
class GroupInfo:
    id: int
    name: str
    position: int
    survey_id: int | None
    students: int


@dataclass(frozen=True)
class ClassSummary:
    """A class as the teacher's page lists it."""

    workspace_id: int
    class_id: int
    name: str
    join_code: str
    joining_open: bool
    groups: tuple[GroupInfo, ...]
    students: int


@dataclass(frozen=True)
class JoinTarget:
    """What a join code opens: the class's name and groups (nothing else is told before joining)."""

    workspace_id: int
    name: str
    groups: tuple[tuple[int, str], ...]  # (group id, name)
    joining_open: bool


@dataclass(frozen=True)
class Member:
    account_id: int
    username: str
    display_name: str
    group_id: int | None

    @property
    def name(self) -> str:
        return self.display_name or self.username


@dataclass(frozen=True)
class Criterion:
    """One line of the peer-review rubric: scored as a whole number from 0 to `max`."""

    name_zh: str
    name_en: str
    max: int

    def name(self, lang: str) -> str:
        return (self.name_zh if lang == "zh" else self.name_en) or self.name_zh or self.name_en


@dataclass(frozen=True)
class Indicator:
    """An indicator of a group's survey with its planned satisfaction (0–100, None = not set).

    For `save_indicators`, an empty `code` is a new indicator.
    """

    code: str
    label_zh: str
    label_en: str
    planned: float | None = None

    def label(self, lang: str) -> str:
        return (self.label_zh if lang == "zh" else self.label_en) or self.label_zh or self.label_en or self.code


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


@dataclass(frozen=True)
class PeerTotal:
    """The peer-review scores one group received.

    criteria: per rubric criterion, the mean score over the reviews (NaN
    without reviews); total: the sum of every score of every review; mean:
    total / reviews (NaN without reviews); max_total: the best total one
    review can give.
    """

    group_id: int
    name: str
    reviews: int
    criteria: tuple[float, ...]
    total: int
    mean: float
    max_total: int


# --- classes -----------------------------------------------------------------------------------------


def _class(s: Session, workspace_id: int) -> t.ClassRoom:
    room = s.scalar(select(t.ClassRoom).where(t.ClassRoom.workspace_id == workspace_id))
    if room is None:
        raise store.NotFound(workspace_id)
    return room


def _group(s: Session, workspace_id: int, group_id: int) -> t.ClassGroup:
    is_id = isinstance(group_id, numbers.Integral) and not isinstance(group_id, bool)
    group = s.get(t.ClassGroup, int(group_id)) if is_id else None
    if group is None or group.workspace_id != workspace_id:
        raise store.NotFound(group_id)
    return group


def _clean_name(name: str, empty: str, field_id: str = "field.class_name") -> str:
    name = str(name or "")
    _refuse_bad_character(name, field_id)  # before spaces are joined: \x0b, \x1f and \x85 count as spaces
    name = normal_text(" ".join(name.split()))
    if not name:
        raise ClassError(empty)
    if len(name) > NAME_MAX:
        raise ClassError("classes.name_long", n=NAME_MAX)
    return name


def _refuse_bad_character(value: str, field_id: str, **names: object) -> None:
    bad = bad_character(value)
    if bad is not None:
        raise ClassError("text.bad_character", field=Term(field_id, names), **bad.params)


def _group_names(names: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Group names trimmed, empty lines dropped; duplicates and too many groups refused."""
    clean = [_clean_name(n, "classes.group_name_empty", "field.group_name") for n in names if str(n or "").strip()]
    seen = {n.casefold() for n in taken}
    for name in clean:
        if name.casefold() in seen:
            raise ClassError("classes.group_duplicate", name=name)
        seen.add(name.casefold())
    if len(seen) > GROUPS_MAX:
        raise ClassError("classes.groups_many", n=GROUPS_MAX)
    return clean


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def _unused_join_code(s: Session) -> str:
    while True:
        code = new_join_code()
        if s.scalar(select(t.ClassRoom.id).where(t.ClassRoom.join_code == code)) is None:
            return code


def normal_code(code: str | None) -> str:
    """A join code as typed, upper-case, without spaces and dashes ("abc-d2e" → "ABCD2E")."""
    return "".join(ch for ch in str(code or "").upper() if not ch.isspace() and ch != "-")[:40]


def create_class(s: Session, teacher_account_id: int, name: str, group_names: Iterable[str]) -> ClassSummary:
    """A new class: its workspace (kind "class"), a join code, the groups and the teacher's membership."""
    name = _clean_name(name, "classes.name_empty")
    groups = _group_names(group_names)
    if not groups:
        raise ClassError("classes.groups_empty")
    ws = accounts.create_workspace(s, name, kind="class")
    room = t.ClassRoom(
        workspace_id=ws.id, join_code=_unused_join_code(s), joining_open=True, rubric=[dict(c) for c in DEFAULT_RUBRIC]
    )
    s.add(room)
    s.flush()
    for position, group in enumerate(groups):
        s.add(t.ClassGroup(workspace_id=ws.id, class_id=room.id, position=position, name=group))
    accounts.set_role(s, teacher_account_id, ws.id, "teacher")
    s.flush()
    return class_summary(s, ws.id)


def class_summary(s: Session, workspace_id: int) -> ClassSummary:
    room = _class(s, workspace_id)
    ws = s.get(t.Workspace, workspace_id)
    counts = dict(
        s.execute(
            select(t.Membership.group_id, func.count())
            .where(t.Membership.workspace_id == workspace_id, t.Membership.role == "student")
            .group_by(t.Membership.group_id)
        ).all()
    )
    groups = tuple(
        GroupInfo(g.id, g.name, g.position, g.survey_id, counts.get(g.id, 0))
        for g in sorted(room.groups, key=lambda g: (g.position, g.id))
    )
    return ClassSummary(
        workspace_id=workspace_id,
        class_id=room.id,
        name=ws.name,
        join_code=room.join_code,
        joining_open=room.joining_open,
        groups=groups,
        students=sum(counts.values()),
    )


def classes_of(s: Session, who: SignedIn) -> list[ClassSummary]:
    """The classes `who` may manage (teacher there, or administrator), oldest first."""
    found = []
    for place in accounts.places(s, who):
        if place.kind == "class" and place.may("classes.manage"):
            try:
                found.append(class_summary(s, place.workspace_id))
            except store.NotFound:  # a class workspace made by hand, without its class row
                continue
    return found


def group_info(s: Session, workspace_id: int, group_id: int) -> GroupInfo:
    group = _group(s, workspace_id, group_id)
    students = s.scalar(
        select(func.count())
        .select_from(t.Membership)
        .where(t.Membership.workspace_id == workspace_id, t.Membership.group_id == group.id)
    )
    return GroupInfo(group.id, group.name, group.position, group.survey_id, int(students or 0))


def regenerate_code(s: Session, workspace_id: int) -> str:
    """A new join code for the class; the old one stops working."""
    room = _class(s, workspace_id)
    room.join_code = _unused_join_code(s)
    s.flush()
    return room.join_code


def set_joining_open(s: Session, workspace_id: int, joining_open: bool) -> None:
    _class(s, workspace_id).joining_open = bool(joining_open)
    s.flush()


def add_group(s: Session, workspace_id: int, name: str) -> int:
    room = _class(s, workspace_id)
    names = _group_names([name], [g.name for g in room.groups])
    if not names:
        raise ClassError("classes.group_name_empty")
    position = max((g.position for g in room.groups), default=-1) + 1
    group = t.ClassGroup(workspace_id=workspace_id, class_id=room.id, position=position, name=names[0])
    s.add(group)
    s.flush()
    return group.id


def rename_group(s: Session, workspace_id: int, group_id: int, name: str) -> None:
    group = _group(s, workspace_id, group_id)
    others = [g.name for g in _class(s, workspace_id).groups if g.id != group.id]
    names = _group_names([name], others)
    if not names:
        raise ClassError("classes.group_name_empty")
    group.name = names[0]
    s.flush()


def members(s: Session, workspace_id: int) -> list[Member]:
    """The class's students, by name."""
    _class(s, workspace_id)
    rows = s.execute(
        select(t.Account.id, t.Account.username, t.Account.display_name, t.Membership.group_id)
        .join(t.Membership, t.Membership.account_id == t.Account.id)
        .where(t.Membership.workspace_id == workspace_id, t.Membership.role == "student")
        .order_by(t.Account.display_name, t.Account.username)
    ).all()
    return [Member(*row) for row in rows]


# --- joining ---------------------------------------------------------------------------------------------


def class_for_code(s: Session, code: str | None) -> JoinTarget:
    """The class a join code opens (case, spaces and dashes ignored); ClassError "join.code_unknown"."""
    wanted = normal_code(code)
    if len(wanted) != JOIN_CODE_LENGTH or any(ch not in JOIN_CODE_ALPHABET for ch in wanted):
        raise ClassError("join.code_unknown")
    room = s.scalar(select(t.ClassRoom).where(t.ClassRoom.join_code == wanted))
    if room is None:
        raise ClassError("join.code_unknown")
    groups = tuple((g.id, g.name) for g in sorted(room.groups, key=lambda g: (g.position, g.id)))
    return JoinTarget(room.workspace_id, s.get(t.Workspace, room.workspace_id).name, groups, room.joining_open)


def join_class(s: Session, account_id: int, code: str | None, group_id: int) -> int:
    """Make the account a student of the class in one of its groups; returns the class's workspace id.

    Refused (ClassError): an unknown code, joining closed, a group of another
    class, an account with another role in the class. A student who joins
    again moves to the group chosen.
    """
    target = class_for_code(s, code)
    if not target.joining_open:
        raise ClassError("join.closed")
    if group_id not in {g for g, _ in target.groups}:
        raise ClassError("join.group_unknown")
    group_id = int(group_id)
    role = s.scalar(
        select(t.Membership.role).where(
            t.Membership.account_id == account_id, t.Membership.workspace_id == target.workspace_id
        )
    )
    if role is not None and role != "student":
        raise ClassError("join.other_role")
    accounts.set_role(s, account_id, target.workspace_id, "student", group_id)
    return target.workspace_id


# --- a group's survey -------------------------------------------------------------------------------------


def group_template(template: str, group_name: str) -> SurveyDefinition:
    """The definition a group starts from, titled with the group's name.

    "course" and "canteen" are `survey.templates`' class-exercise templates
    (both have NPS and loyalty items already); "blank" is a 5-point
    satisfaction scale and no indicators yet. The NPS + loyalty block
    (`templates.add_nps_loyalty_block`) is added when the start lacks a
    recommend or a loyalty item.
    """
    if template == "blank":
        defn = SurveyDefinition(
            title_zh=BLANK_TITLE[0], title_en=BLANK_TITLE[1], scales=(templates.standard_scale("5"),)
        )
    elif template in GROUP_TEMPLATES:
        defn = templates.build(template)
    else:
        raise ValueError(f"unknown group template {template!r}: use one of {', '.join(GROUP_TEMPLATES)}")
    if not defn.items_with_role("recommend") or not defn.items_with_role("loyalty"):
        defn = templates.add_nps_loyalty_block(defn)
    return replace(
        defn,
        title_zh=f"{group_name}：{defn.title_zh}"[:LABEL_MAX],
        title_en=f"{group_name}: {defn.title_en}"[:LABEL_MAX],
        template=None if template == "blank" else template,
    )


def start_group_survey(s: Session, workspace_id: int, group_id: int, template: str) -> int:
    """Create the group's survey from `template` and open its questionnaire link; returns the survey id."""
    group = _group(s, workspace_id, group_id)
    if group.survey_id is not None:
        raise ClassError("group.survey_exists")
    survey = store.create_survey(s, workspace_id, group_template(template, group.name))
    group.survey_id = survey.id
    s.flush()
    answering.open_for_answers(s, workspace_id, survey.id)
    return survey.id


def _survey_id(s: Session, workspace_id: int, group_id: int) -> int:
    group = _group(s, workspace_id, group_id)
    if group.survey_id is None:
        raise ClassError("group.no_survey")
    store.get_survey(s, workspace_id, group.survey_id)  # the survey is the class's too
    return group.survey_id


def group_definition(s: Session, workspace_id: int, group_id: int) -> SurveyDefinition:
    """The current definition of the group's survey."""
    survey_id = _survey_id(s, workspace_id, group_id)
    return store.load_definition(s, workspace_id, store.current_version(s, workspace_id, survey_id).id)


def indicator_codes(defn: SurveyDefinition) -> list[str]:
    """The indicators of a definition, in its order (see the module's docstring)."""
    return list(analysis.analysis_inputs(defn).units)


def _planned(targets: Mapping[str, float], code: str) -> float | None:
    return targets.get(store.INDICATOR_TARGET + code)


def indicators(s: Session, workspace_id: int, group_id: int) -> list[Indicator]:
    """The group's indicators with their labels and planned satisfaction."""
    survey_id = _survey_id(s, workspace_id, group_id)
    defn = group_definition(s, workspace_id, group_id)
    targets = store.targets(s, workspace_id, survey_id)
    out = []
    for code in indicator_codes(defn):
        node = defn.node(code)
        out.append(Indicator(code, node.label_zh, node.label_en, _planned(targets, code)))
    return out


def _check_planned(value: float | None) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    low, high = store.INDICATOR_TARGET_RANGE
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not low <= number <= high:
        raise ClassError("group.planned_bad", low=f"{low:g}", high=f"{high:g}")
    return number


def set_planned(s: Session, workspace_id: int, group_id: int, planned: Mapping[str, float | None]) -> None:
    """Set (None: clear) the planned satisfaction (0–100) of some of the group's indicators."""
    survey_id = _survey_id(s, workspace_id, group_id)
    codes = set(indicator_codes(group_definition(s, workspace_id, group_id)))
    checked = {}
    for code, value in planned.items():
        if code not in codes:
            raise ClassError("group.indicator_unknown", code=str(code)[:64])
        checked[code] = _check_planned(value)
    for code, value in checked.items():
        store.set_target(s, workspace_id, survey_id, store.INDICATOR_TARGET + code, value)


def _label(value: str | None, field_id: str = "field.indicator_label", **names: object) -> str:
    label = str(value or "")
    _refuse_bad_character(label, field_id, **names)
    label = normal_text(" ".join(label.split()))
    if len(label) > LABEL_MAX:
        raise ClassError("group.label_long", n=LABEL_MAX)
    return label


def _perception_scale(defn: SurveyDefinition) -> tuple[SurveyDefinition, str]:
    """The code of the 5-point satisfaction scale of the definition, adding it when missing."""
    standard = templates.standard_scale("5")
    if any(sc == standard for sc in defn.scales):
        return defn, standard.code
    code = unused_code(defn, standard.code)
    return replace(defn, scales=(*defn.scales, replace(standard, code=code))), code


def _codes_ever(s: Session, survey_id: int) -> set[str]:
    """Every item and node code of every version of the survey."""
    versions = select(t.SurveyVersion.id).where(t.SurveyVersion.survey_id == survey_id)
    items = s.scalars(select(t.Item.code).where(t.Item.version_id.in_(versions)))
    nodes = s.scalars(select(t.IndicatorNode.code).where(t.IndicatorNode.version_id.in_(versions)))
    return set(items) | set(nodes)


def save_indicators(s: Session, workspace_id: int, group_id: int, edits: list[Indicator]) -> list[str]:
    """The group's indicator table as edited: labels, planned satisfaction, new and removed indicators.

    An edit with a code keeps (and relabels) that indicator; one without a
    code adds an indicator — a perception item on a 5-point satisfaction
    scale, at the top of the tree, before the NPS and loyalty questions, under a
    code no version of the survey used before; an
    indicator left out is removed with everything under it (and its planned
    satisfaction). When the survey has answers, adding or removing makes a
    new version (`store.save_definition`) and the questionnaire link moves to
    it. Returns the indicator codes in order.
    """
    survey_id = _survey_id(s, workspace_id, group_id)
    defn = group_definition(s, workspace_id, group_id)
    units = indicator_codes(defn)
    kept = [e for e in edits if e.code]
    unknown = [e.code for e in kept if e.code not in units]
    if unknown:
        raise ClassError("group.indicator_unknown", code=str(unknown[0])[:64])
    if len(edits) > INDICATORS_MAX:
        raise ClassError("group.indicators_many", n=INDICATORS_MAX)
    planned = [_check_planned(e.planned) for e in edits]
    labels = [(_label(e.label_zh), _label(e.label_en)) for e in edits]
    if any(not (zh or en) for zh, en in labels):
        raise ClassError("group.label_empty")

    removed = [u for u in units if u not in {e.code for e in kept}]
    dropped = {c for u in removed for c in (u, *(n.code for n in defn.descendants(u)))}
    relabel = {e.code: label for e, label in zip(edits, labels) if e.code}
    nodes = [
        replace(n, label_zh=relabel[n.code][0], label_en=relabel[n.code][1]) if n.code in relabel else n
        for n in defn.nodes
        if n.code not in dropped
    ]
    codes = [e.code for e in edits]
    new = [k for k, e in enumerate(edits) if not e.code]
    if new:
        defn, scale = _perception_scale(defn)
        at = next(
            (k for k, n in enumerate(nodes) if n.parent is None and n.kind == "item" and n.role != "perception"),
            len(nodes),
        )
        added = []
        # never a code of an earlier version: its old answers would pass for answers to the new indicator
        earlier = tuple(Node(code, "item") for code in _codes_ever(s, survey_id))
        for k in new:
            code = unused_code(replace(defn, nodes=(*nodes, *added, *earlier)), NEW_INDICATOR)
            codes[k] = code
            zh, en = labels[k]
            added.append(Node(code, "item", zh, en, role="perception", scale=scale))
        nodes[at:at] = added
    state = answering.link_state(s, workspace_id, survey_id)
    store.save_definition(s, workspace_id, survey_id, with_nodes(defn, tuple(nodes)))
    if state.is_open:
        answering.open_for_answers(s, workspace_id, survey_id)  # moves the link to a new version
    for code in removed:
        store.set_target(s, workspace_id, survey_id, store.INDICATOR_TARGET + code, None)
    for code, value in zip(codes, planned):
        store.set_target(s, workspace_id, survey_id, store.INDICATOR_TARGET + code, value)
    return indicator_codes(group_definition(s, workspace_id, group_id))


# --- results ---------------------------------------------------------------------------------------------


def with_every_item(defn: SurveyDefinition, frame: pd.DataFrame) -> pd.DataFrame:
    """The responses with a column for every scored item of `defn` (NaN where it was never answered, e.g.
    an indicator added after the answers came in), as the metrics expect."""
    missing = [n.code for n in defn.scored_items if n.code not in frame.columns]
    if not missing:
        return frame
    return pd.concat([frame, pd.DataFrame(math.nan, index=frame.index, columns=missing)], axis=1)


def group_responses(s: Session, workspace_id: int, group_id: int) -> tuple[SurveyDefinition, pd.DataFrame]:
    """The current definition of the group's survey and all its responses (every version), every item a column."""
    survey_id = _survey_id(s, workspace_id, group_id)
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
        planned = _planned(targets, code)
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
    return _results(s, workspace_id, _group(s, workspace_id, group_id))


def compare_groups(s: Session, workspace_id: int) -> list[GroupResults]:
    """Every group's results, in the class's order (one entry per group, with or without a survey)."""
    room = _class(s, workspace_id)
    return [_results(s, workspace_id, g) for g in sorted(room.groups, key=lambda g: (g.position, g.id))]


# --- peer review --------------------------------------------------------------------------------------------


def rubric(s: Session, workspace_id: int) -> list[Criterion]:
    return [
        Criterion(str(c.get("name_zh", "")), str(c.get("name_en", "")), int(c.get("max", 0)))
        for c in _class(s, workspace_id).rubric or []
    ]


def _review_count(s: Session, workspace_id: int) -> int:
    return int(
        s.scalar(select(func.count()).select_from(t.PeerReview).where(t.PeerReview.workspace_id == workspace_id))
    )


def set_rubric(s: Session, workspace_id: int, criteria: list[Criterion]) -> None:
    """The class's rubric: 1–`CRITERIA_MAX` criteria, each named (in either language), max 1–`SCORE_MAX`.

    Once reviews are in, only the names may change (ClassError
    "peer.rubric_locked"): clear the reviews first to change the criteria.
    """
    room = _class(s, workspace_id)
    clean = []
    for row, c in enumerate(criteria, start=1):
        zh, en = _label(c.name_zh, "field.criterion_name", row=row), _label(c.name_en, "field.criterion_name", row=row)
        if not (zh or en):
            raise ClassError("peer.criterion_name_empty", row=row)
        top = answering.whole_number(c.max)
        if top is None or not 1 <= top <= SCORE_MAX:
            raise ClassError("peer.criterion_max_bad", row=row, n=SCORE_MAX)
        clean.append({"name_zh": zh, "name_en": en, "max": top})
    if not clean:
        raise ClassError("peer.rubric_empty")
    if len(clean) > CRITERIA_MAX:
        raise ClassError("peer.rubric_long", n=CRITERIA_MAX)
    old = [c.max for c in rubric(s, workspace_id)]
    reviews = _review_count(s, workspace_id)
    if reviews and old != [c["max"] for c in clean]:
        raise ClassError("peer.rubric_locked", count=reviews)
    room.rubric = clean
    s.flush()


def submit_peer_review(
    s: Session,
    workspace_id: int,
    reviewer_group_id: int,
    reviewed_group_id: int,
    scores: Mapping[int | str, object],
    account_id: int,
) -> None:
    """Store (or replace) a group's scores for another group's presentation.

    `scores` maps each criterion's index (0, 1, … as int or str) to a whole
    number from 0 to its max. Refused (ClassError): reviewing one's own
    group, an account that is not a student of the reviewing group, a
    missing, extra or out-of-range score.
    """
    reviewer = _group(s, workspace_id, reviewer_group_id)
    reviewed = _group(s, workspace_id, reviewed_group_id)
    if reviewer.id == reviewed.id:
        raise ClassError("peer.own_group")
    membership = s.scalar(
        select(t.Membership).where(t.Membership.account_id == account_id, t.Membership.workspace_id == workspace_id)
    )
    if membership is None or membership.role != "student" or membership.group_id != reviewer.id:
        raise ClassError("peer.not_in_group")
    criteria = rubric(s, workspace_id)
    if not criteria:
        raise ClassError("peer.no_rubric")
    given = {str(k): v for k, v in scores.items()}
    if set(given) - {str(i) for i in range(len(criteria))}:
        raise ClassError("peer.score_unknown")
    clean = {}
    for i, c in enumerate(criteria):
        score = answering.whole_number(given.get(str(i)))
        if score is None or not 0 <= score <= c.max:
            raise ClassError("peer.score_bad", row=i + 1, max=c.max)
        clean[str(i)] = score
    row = s.scalar(
        select(t.PeerReview).where(
            t.PeerReview.reviewer_group_id == reviewer.id, t.PeerReview.reviewed_group_id == reviewed.id
        )
    )
    if row is None:
        row = t.PeerReview(workspace_id=workspace_id, reviewer_group_id=reviewer.id, reviewed_group_id=reviewed.id)
        s.add(row)
    row.scores = clean
    row.account_id = account_id
    row.updated_at = t.utcnow()
    s.flush()


def reviews_by(s: Session, workspace_id: int, reviewer_group_id: int) -> dict[int, dict[int, int]]:
    """What a group submitted: reviewed group id → {criterion index: score}."""
    reviewer = _group(s, workspace_id, reviewer_group_id)
    rows = s.scalars(select(t.PeerReview).where(t.PeerReview.reviewer_group_id == reviewer.id)).all()
    return {r.reviewed_group_id: {int(k): int(v) for k, v in (r.scores or {}).items()} for r in rows}


def peer_review_totals(s: Session, workspace_id: int) -> list[PeerTotal]:
    """The scores every group received, in the class's order."""
    room = _class(s, workspace_id)
    criteria = rubric(s, workspace_id)
    received: dict[int, list[dict]] = {}
    for r in s.scalars(select(t.PeerReview).where(t.PeerReview.workspace_id == workspace_id)):
        received.setdefault(r.reviewed_group_id, []).append(r.scores or {})
    out = []
    for g in sorted(room.groups, key=lambda g: (g.position, g.id)):
        reviews = received.get(g.id, [])
        sums = [sum(int(r.get(str(i), 0)) for r in reviews) for i in range(len(criteria))]
        total = sum(sums)
        out.append(
            PeerTotal(
                group_id=g.id,
                name=g.name,
                reviews=len(reviews),
                criteria=tuple(x / len(reviews) if reviews else math.nan for x in sums),
                total=total,
                mean=total / len(reviews) if reviews else math.nan,
                max_total=sum(c.max for c in criteria),
            )
        )
    return out


def clear_peer_reviews(s: Session, workspace_id: int) -> int:
    """Delete every review of the class (to change the rubric); returns how many were deleted."""
    _class(s, workspace_id)
    count = _review_count(s, workspace_id)
    s.execute(delete(t.PeerReview).where(t.PeerReview.workspace_id == workspace_id))
    return count
