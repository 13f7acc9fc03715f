"""The database schema (SQLAlchemy 2 ORM).

Every row a user creates carries `workspace_id`: the organisation or class it
belongs to. A survey has versions; a version owns its scales, indicator tree
and items, so responses stay attached to exactly what was asked. Answers of
one response are stored as one JSON object keyed by item code.

Schema changes go through the migrations in `survey/storage/migrations/`.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Workspace(Base):
    __tablename__ = "workspace"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="organisation")  # organisation | class
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Survey(Base):
    __tablename__ = "survey"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"), index=True)
    title_zh: Mapped[str] = mapped_column(String(500), default="")
    title_en: Mapped[str] = mapped_column(String(500), default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    versions: Mapped[list[SurveyVersion]] = relationship(
        back_populates="survey", cascade="all, delete-orphan", order_by="SurveyVersion.number"
    )


class SurveyVersion(Base):
    __tablename__ = "survey_version"
    __table_args__ = (
        UniqueConstraint("survey_id", "number"),
        UniqueConstraint("link_token", name="uq_survey_version_link_token"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    description_zh: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    template: Mapped[str | None] = mapped_column(String(50), nullable=True)
    weight_rules: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The in-app questionnaire: a version is answered through an unguessable link.
    link_token: Mapped[str | None] = mapped_column(String(64), nullable=True)
    accepting_answers: Mapped[bool] = mapped_column(Boolean, default=False)
    one_answer_per_token: Mapped[bool] = mapped_column(Boolean, default=False)

    survey: Mapped[Survey] = relationship(back_populates="versions")
    scales: Mapped[list[Scale]] = relationship(cascade="all, delete-orphan", order_by="Scale.position")
    nodes: Mapped[list[IndicatorNode]] = relationship(cascade="all, delete-orphan", order_by="IndicatorNode.position")
    items: Mapped[list[Item]] = relationship(cascade="all, delete-orphan", order_by="Item.position")


class Scale(Base):
    __tablename__ = "scale"
    __table_args__ = (UniqueConstraint("version_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("survey_version.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    minimum: Mapped[int] = mapped_column(Integer)
    maximum: Mapped[int] = mapped_column(Integer)
    name_zh: Mapped[str] = mapped_column(String(500), default="")
    name_en: Mapped[str] = mapped_column(String(500), default="")
    allow_na: Mapped[bool] = mapped_column(Boolean, default=True)
    # [[value, label_zh, label_en], ...]
    points: Mapped[list] = mapped_column(JSON, default=list)


class IndicatorNode(Base):
    """A dimension (一级指标) or an indicator (二级指标)."""

    __tablename__ = "indicator_node"
    __table_args__ = (UniqueConstraint("version_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("survey_version.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("indicator_node.id", ondelete="CASCADE"), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))  # dimension | indicator
    label_zh: Mapped[str] = mapped_column(String(500), default="")
    label_en: Mapped[str] = mapped_column(String(500), default="")
    weight: Mapped[float] = mapped_column(Float, default=1.0)


class Item(Base):
    """A question item: a leaf of the indicator tree, or a free-standing item."""

    __tablename__ = "item"
    __table_args__ = (UniqueConstraint("version_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("survey_version.id", ondelete="CASCADE"), index=True)
    node_id: Mapped[int | None] = mapped_column(ForeignKey("indicator_node.id", ondelete="CASCADE"), nullable=True)
    scale_id: Mapped[int | None] = mapped_column(ForeignKey("scale.id"), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(20))
    label_zh: Mapped[str] = mapped_column(String(500), default="")
    label_en: Mapped[str] = mapped_column(String(500), default="")
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    required: Mapped[bool] = mapped_column(Boolean, default=False)


class Respondent(Base):
    """Someone who answered: an id from an imported file, or a questionnaire token."""

    __tablename__ = "respondent"
    __table_args__ = (UniqueConstraint("survey_id", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ImportBatch(Base):
    """One file import: undoing it removes exactly its responses."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("survey_version.id", ondelete="CASCADE"))
    file_name: Mapped[str] = mapped_column(String(500), default="")
    source: Mapped[str] = mapped_column(String(50), default="file")  # file | demo | form
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    rows_imported: Mapped[int] = mapped_column(Integer, default=0)
    rows_rejected: Mapped[int] = mapped_column(Integer, default=0)
    mapping: Mapped[dict] = mapped_column(JSON, default=dict)
    encoding: Mapped[str | None] = mapped_column(String(30), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # "writing" while an import stores its rows in short transactions (nobody sees them yet),
    # "visible" from the import's last, short transaction on (survey.importing.writing)
    state: Mapped[str] = mapped_column(String(20), default="visible", server_default="visible")


class ImportMapping(Base):
    """The column mapping and answer-label mapping last used for a survey, offered on the next upload."""

    __tablename__ = "import_mapping"
    __table_args__ = (UniqueConstraint("survey_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    columns: Mapped[dict] = mapped_column(JSON, default=dict)  # file column → item / field, or null to skip
    labels: Mapped[dict] = mapped_column(JSON, default=dict)  # answer text → scale point
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Response(Base):
    """One filled-in questionnaire.

    `answers` maps item code → number (None = missing / not applicable);
    `attributes` maps attribute item code → text (segment fields such as
    wave, region, class, group); `meta` keeps other respondent fields.
    """

    __tablename__ = "response"
    __table_args__ = (
        Index("ix_response_survey_version", "survey_id", "version_id"),
        Index("ix_response_survey_batch", "survey_id", "batch_id"),  # per-row answers, rows per batch
        # one answer per questionnaire token, where the link asks for that
        UniqueConstraint("survey_id", "token", name="uq_response_survey_token"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    version_id: Mapped[int] = mapped_column(ForeignKey("survey_version.id", ondelete="CASCADE"))
    respondent_id: Mapped[int | None] = mapped_column(
        ForeignKey("respondent.id", ondelete="CASCADE"), nullable=True, index=True
    )
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"), nullable=True, index=True
    )
    submitted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    wave: Mapped[str | None] = mapped_column(String(100), nullable=True)
    token: Mapped[str | None] = mapped_column(String(100), nullable=True)
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    attributes: Mapped[dict] = mapped_column(JSON, default=dict)
    meta: Mapped[dict] = mapped_column(JSON, default=dict)


class SurveyTarget(Base):
    """A target a manager set for a figure of a survey (e.g. satisfaction index 80), shown against the actual."""

    __tablename__ = "survey_target"
    __table_args__ = (UniqueConstraint("survey_id", "figure", name="uq_survey_target_figure"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    figure: Mapped[str] = mapped_column(String(100))  # "satisfaction", "nps", "loyalty"
    value: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


# --- accounts, roles and the audit log -------------------------------------------------------


class Account(Base):
    """A staff member or student who signs in. Respondents answering by link have no account.

    `password_hash` is an argon2 hash (survey.access.accounts); the password itself is never stored.
    `failed_sign_ins` and `last_failed_at` slow down repeated wrong passwords.
    """

    __tablename__ = "account"
    __table_args__ = (UniqueConstraint("username", name="uq_account_username"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100))  # stored lower-case
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(300))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Membership(Base):
    """An account's role in one workspace; a student's membership also names their group."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("account_id", "workspace_id", name="uq_membership_account_workspace"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # coordinator | manager | teacher | student
    group_id: Mapped[int | None] = mapped_column(ForeignKey("class_group.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SignInSession(Base):
    """A signed-in browser session; only the SHA-256 of its token is stored. Expires when idle or old."""

    __tablename__ = "sign_in_session"
    __table_args__ = (UniqueConstraint("token_hash", name="uq_sign_in_session_token"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditEntry(Base):
    """Who did what, when: imports, undos, deletes, survey edits, role changes, sign-ins."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    workspace_id: Mapped[int | None] = mapped_column(ForeignKey("workspace.id", ondelete="SET NULL"), nullable=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"), nullable=True)
    username: Mapped[str] = mapped_column(String(100), default="")  # kept when the account is deleted
    action: Mapped[str] = mapped_column(String(50))  # e.g. import, undo_import, delete_survey, role_change
    target: Mapped[str] = mapped_column(String(500), default="")
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


# --- classroom ---------------------------------------------------------------------------------


class ClassRoom(Base):
    """A class: a workspace of kind "class", with a join code students type (or scan) to join."""

    __tablename__ = "class_room"
    __table_args__ = (
        UniqueConstraint("workspace_id", name="uq_class_room_workspace"),
        UniqueConstraint("join_code", name="uq_class_room_join_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"))
    join_code: Mapped[str] = mapped_column(String(20))
    joining_open: Mapped[bool] = mapped_column(Boolean, default=True)
    # peer review rubric set by the teacher: [{"name_zh", "name_en", "max"}, ...]
    rubric: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    groups: Mapped[list[ClassGroup]] = relationship(
        back_populates="class_room", cascade="all, delete-orphan", order_by="ClassGroup.position"
    )


class ClassGroup(Base):
    """A group of students in a class; it designs one survey (its own indicator system)."""

    __tablename__ = "class_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"), index=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("class_room.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    survey_id: Mapped[int | None] = mapped_column(ForeignKey("survey.id", ondelete="SET NULL"), nullable=True)

    class_room: Mapped[ClassRoom] = relationship(back_populates="groups")


class PeerReview(Base):
    """One group's scores for another group's presentation, on the class rubric."""

    __tablename__ = "peer_review"
    __table_args__ = (UniqueConstraint("reviewer_group_id", "reviewed_group_id", name="uq_peer_review_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"), index=True)
    reviewer_group_id: Mapped[int] = mapped_column(ForeignKey("class_group.id", ondelete="CASCADE"))
    reviewed_group_id: Mapped[int] = mapped_column(ForeignKey("class_group.id", ondelete="CASCADE"))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"), nullable=True)
    scores: Mapped[dict] = mapped_column(JSON, default=dict)  # criterion index (str) → score
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


# --- the columnar copy of imported answers (survey.storage.blocks) ----------------------------


class AnswerBlock(Base):
    """The answers of one stored chunk of an import, column by column (Arrow IPC, lz4): what the
    dashboards read instead of one JSON object per response. Written with the chunk's rows, never changed,
    deleted with its batch."""

    __tablename__ = "answer_block"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("survey_version.id", ondelete="CASCADE"))
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)
    n_rows: Mapped[int] = mapped_column(Integer)
    first_response_id: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
