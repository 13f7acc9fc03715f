"""A group's own survey: started from a template, its indicators edited, a planned satisfaction per indicator.

The building blocks (`start_group_survey`, `save_indicators`, `set_planned`) change the caller's session; the
user actions at the end (`start_survey`, `save_group_indicators`, `reopen_link`) each check that the student
designs this group, change, write the audit entry and commit, in one transaction.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey import analysis, answering
from survey.access import audit
from survey.access.accounts import SignedIn
from survey.classroom.common import ClassError, acting_as, checked_label, group_of, one_transaction, permitted
from survey.design import templates
from survey.design.definition import LABEL_MAX, Node, SurveyDefinition
from survey.design.editing import unused_code, with_nodes
from survey.storage import store
from survey.storage import tables as t

INDICATORS_MAX = 40


GROUP_TEMPLATES = ("course", "canteen", "blank")


BLANK_TITLE = ("满意度调查", "Satisfaction survey")


NEW_INDICATOR = "ind"  # code stem of the indicators a group adds ("ind", "ind_2", ...)


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


def group_template(template: str, group_name: str) -> SurveyDefinition:
    """The definition a group starts from, titled with the group's name.

    "course" and "canteen" are `survey.design.templates`' class-exercise templates
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
    group = group_of(s, workspace_id, group_id)
    if group.survey_id is not None:
        raise ClassError("group.survey_exists")
    survey = store.create_survey(s, workspace_id, group_template(template, group.name))
    group.survey_id = survey.id
    s.flush()
    answering.open_for_answers(s, workspace_id, survey.id)
    return survey.id


def survey_id_of(s: Session, workspace_id: int, group_id: int) -> int:
    group = group_of(s, workspace_id, group_id)
    if group.survey_id is None:
        raise ClassError("group.no_survey")
    store.get_survey(s, workspace_id, group.survey_id)  # the survey is the class's too
    return group.survey_id


def group_definition(s: Session, workspace_id: int, group_id: int) -> SurveyDefinition:
    """The current definition of the group's survey."""
    survey_id = survey_id_of(s, workspace_id, group_id)
    return store.load_definition(s, workspace_id, store.current_version(s, workspace_id, survey_id).id)


def indicator_codes(defn: SurveyDefinition) -> list[str]:
    """The indicators of a definition, in its order (see the module's docstring)."""
    return list(analysis.analysis_inputs(defn).units)


def planned_value(targets: Mapping[str, float], code: str) -> float | None:
    return targets.get(store.INDICATOR_TARGET + code)


def indicators(s: Session, workspace_id: int, group_id: int) -> list[Indicator]:
    """The group's indicators with their labels and planned satisfaction."""
    survey_id = survey_id_of(s, workspace_id, group_id)
    defn = group_definition(s, workspace_id, group_id)
    targets = store.targets(s, workspace_id, survey_id)
    out = []
    for code in indicator_codes(defn):
        node = defn.node(code)
        out.append(Indicator(code, node.label_zh, node.label_en, planned_value(targets, code)))
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
    survey_id = survey_id_of(s, workspace_id, group_id)
    codes = set(indicator_codes(group_definition(s, workspace_id, group_id)))
    checked = {}
    for code, value in planned.items():
        if code not in codes:
            raise ClassError("group.indicator_unknown", code=str(code)[:64])
        checked[code] = _check_planned(value)
    for code, value in checked.items():
        store.set_target(s, workspace_id, survey_id, store.INDICATOR_TARGET + code, value)


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
    survey_id = survey_id_of(s, workspace_id, group_id)
    defn = group_definition(s, workspace_id, group_id)
    units = indicator_codes(defn)
    kept = [e for e in edits if e.code]
    unknown = [e.code for e in kept if e.code not in units]
    if unknown:
        raise ClassError("group.indicator_unknown", code=str(unknown[0])[:64])
    if len(edits) > INDICATORS_MAX:
        raise ClassError("group.indicators_many", n=INDICATORS_MAX)
    planned = [_check_planned(e.planned) for e in edits]
    labels = [(checked_label(e.label_zh), checked_label(e.label_en)) for e in edits]
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


# --- what the group's students do -----------------------------------------------------------------------------


def start_survey(s: Session, who: SignedIn, workspace_id: int, group_id: int, template: str) -> int:
    """A student starts their group's survey from `template` (`start_group_survey`), audited "group_survey";
    committed. Returns the survey id. Refused (ClassError): "classes.not_allowed" unless `who` designs this
    group, and `start_group_survey`'s refusals."""
    with one_transaction(s):
        permitted(s, who, workspace_id, "group.design", group_id=group_id)
        survey_id = start_group_survey(s, workspace_id, group_id, template)
        audit.record(
            s,
            acting_as(who),
            "group_survey",
            workspace_id=workspace_id,
            target=group_of(s, workspace_id, group_id).name,
            template=template,
            survey_id=survey_id,
        )
    return survey_id


def save_group_indicators(
    s: Session, who: SignedIn, workspace_id: int, group_id: int, edits: list[Indicator]
) -> list[str]:
    """A student saves their group's indicator table (`save_indicators`), audited "group_indicators";
    committed. Returns the indicator codes in order. Refused: ClassError ("classes.not_allowed" unless `who`
    designs this group, and `save_indicators`' refusals) or DefinitionError; nothing is written then."""
    with one_transaction(s):
        permitted(s, who, workspace_id, "group.design", group_id=group_id)
        codes = save_indicators(s, workspace_id, group_id, edits)
        audit.record(
            s,
            acting_as(who),
            "group_indicators",
            workspace_id=workspace_id,
            target=group_of(s, workspace_id, group_id).name,
            indicators=len(codes),
        )
    return codes


def reopen_link(s: Session, who: SignedIn, workspace_id: int, group_id: int) -> answering.LinkState:
    """A student opens their group's questionnaire link again (`answering.open_for_answers`), audited
    "link_open"; committed. Returns the link's state now."""
    with one_transaction(s):
        permitted(s, who, workspace_id, "group.design", group_id=group_id)
        survey_id = survey_id_of(s, workspace_id, group_id)
        state = answering.open_for_answers(s, workspace_id, survey_id, actor=acting_as(who))
    return state
