"""Peer review: the class's rubric, the scores one group gives another, and each group's totals."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from survey import answering
from survey.classroom.common import ClassError, checked_label, class_room, group_of
from survey.storage import tables as t

CRITERIA_MAX = 12


SCORE_MAX = 100  # the highest "max" a rubric criterion may have


# The rubric a new class starts with; the teacher edits it (stored with the class, in both languages).
DEFAULT_RUBRIC = (
    {"name_zh": "指标体系设计", "name_en": "Indicator system design", "max": 10},
    {"name_zh": "数据与分析", "name_en": "Data and analysis", "max": 10},
    {"name_zh": "改进建议", "name_en": "Proposals for improvement", "max": 10},
    {"name_zh": "汇报表达", "name_en": "Presentation", "max": 10},
)


@dataclass(frozen=True)
class Criterion:
    """One line of the peer-review rubric: scored as a whole number from 0 to `max`."""

    name_zh: str
    name_en: str
    max: int

    def name(self, lang: str) -> str:
        return (self.name_zh if lang == "zh" else self.name_en) or self.name_zh or self.name_en


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


def rubric(s: Session, workspace_id: int) -> list[Criterion]:
    return [
        Criterion(str(c.get("name_zh", "")), str(c.get("name_en", "")), int(c.get("max", 0)))
        for c in class_room(s, workspace_id).rubric or []
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
    room = class_room(s, workspace_id)
    clean = []
    for row, c in enumerate(criteria, start=1):
        zh = checked_label(c.name_zh, "field.criterion_name", row=row)
        en = checked_label(c.name_en, "field.criterion_name", row=row)
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
    reviewer = group_of(s, workspace_id, reviewer_group_id)
    reviewed = group_of(s, workspace_id, reviewed_group_id)
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
    reviewer = group_of(s, workspace_id, reviewer_group_id)
    rows = s.scalars(select(t.PeerReview).where(t.PeerReview.reviewer_group_id == reviewer.id)).all()
    return {r.reviewed_group_id: {int(k): int(v) for k, v in (r.scores or {}).items()} for r in rows}


def peer_review_totals(s: Session, workspace_id: int) -> list[PeerTotal]:
    """The scores every group received, in the class's order."""
    room = class_room(s, workspace_id)
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
    class_room(s, workspace_id)
    count = _review_count(s, workspace_id)
    s.execute(delete(t.PeerReview).where(t.PeerReview.workspace_id == workspace_id))
    return count
