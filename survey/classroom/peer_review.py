"""Peer review: the class's rubric, the scores one group gives another, and each group's totals.

The building blocks (`set_rubric`, `submit_peer_review`, `clear_peer_reviews`) change the caller's session;
the user actions at the end (`save_rubric`, `clear_reviews` by the teacher, `review_group` by a student)
each check, change, write the audit entry and commit, in one transaction.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from survey import answering
from survey.access import audit
from survey.access.accounts import SignedIn
from survey.classroom.common import (
    ClassError,
    acting_as,
    checked_label,
    class_name,
    class_room,
    group_of,
    one_transaction,
    permitted,
)
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


@dataclass(frozen=True)
class GroupReviews:
    """What one group submitted, on the class's rubric.

    scores: reviewed group id → {criterion index: score}; totals: reviewed group id → the sum of the scores
    the group gave it; max_total: the best total one review can give (the sum of the criteria's maxima).
    """

    criteria: tuple[Criterion, ...]
    scores: dict[int, dict[int, int]]
    totals: dict[int, int]
    max_total: int


def max_total(criteria: list[Criterion] | tuple[Criterion, ...]) -> int:
    """The best total one review can give: the sum of the criteria's maxima (4 criteria of 10 → 40)."""
    return sum(c.max for c in criteria)


def rubric(s: Session, workspace_id: int) -> list[Criterion]:
    return [
        Criterion(str(c.get("name_zh", "")), str(c.get("name_en", "")), int(c.get("max", 0)))
        for c in class_room(s, workspace_id).rubric or []
    ]


def review_count(s: Session, workspace_id: int) -> int:
    """How many reviews the class's groups have submitted (one per reviewing and reviewed group)."""
    return _review_count(s, workspace_id)


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


def reviews_given(s: Session, workspace_id: int, reviewer_group_id: int) -> GroupReviews:
    """What a group submitted (`reviews_by`) with each review's total and the rubric's best total."""
    criteria = tuple(rubric(s, workspace_id))
    scores = reviews_by(s, workspace_id, reviewer_group_id)
    return GroupReviews(
        criteria=criteria,
        scores=scores,
        totals={group: sum(given.values()) for group, given in scores.items()},
        max_total=max_total(criteria),
    )


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
                max_total=max_total(criteria),
            )
        )
    return out


def clear_peer_reviews(s: Session, workspace_id: int) -> int:
    """Delete every review of the class (to change the rubric); returns how many were deleted."""
    class_room(s, workspace_id)
    count = _review_count(s, workspace_id)
    s.execute(delete(t.PeerReview).where(t.PeerReview.workspace_id == workspace_id))
    return count


# --- what the teacher and the students do ---------------------------------------------------------------------


def save_rubric(s: Session, who: SignedIn, workspace_id: int, criteria: list[Criterion]) -> None:
    """The teacher sets the class's rubric (`set_rubric`), audited "rubric_set"; committed."""
    with one_transaction(s):
        permitted(s, who, workspace_id, "classes.manage")
        set_rubric(s, workspace_id, criteria)
        audit.record(
            s,
            acting_as(who),
            "rubric_set",
            workspace_id=workspace_id,
            target=class_name(s, workspace_id),
            criteria=len(criteria),
        )


def clear_reviews(s: Session, who: SignedIn, workspace_id: int) -> int:
    """The teacher deletes every review of the class (`clear_peer_reviews`), audited "peer_review_clear";
    committed. Returns how many were deleted."""
    with one_transaction(s):
        permitted(s, who, workspace_id, "classes.manage")
        cleared = clear_peer_reviews(s, workspace_id)
        audit.record(
            s,
            acting_as(who),
            "peer_review_clear",
            workspace_id=workspace_id,
            target=class_name(s, workspace_id),
            reviews=cleared,
        )
    return cleared


def review_group(
    s: Session,
    who: SignedIn,
    workspace_id: int,
    reviewer_group_id: int,
    reviewed_group_id: int,
    scores: Mapping[int | str, object],
) -> None:
    """A student submits (or changes) their group's scores for another group (`submit_peer_review`), audited
    "peer_review" as "<reviewing group> → <reviewed group>"; committed. Refused (ClassError):
    "classes.not_allowed" unless `who` reviews for this group, and `submit_peer_review`'s refusals."""
    with one_transaction(s):
        permitted(s, who, workspace_id, "peer.review", group_id=reviewer_group_id)
        submit_peer_review(s, workspace_id, reviewer_group_id, reviewed_group_id, scores, account_id=who.account_id)
        names = (group_of(s, workspace_id, reviewer_group_id).name, group_of(s, workspace_id, reviewed_group_id).name)
        audit.record(s, acting_as(who), "peer_review", workspace_id=workspace_id, target=" → ".join(names))
