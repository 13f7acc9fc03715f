"""The database schema (SQLAlchemy 2 ORM).

Every row a user creates carries `workspace_id`: the organisation or class it
belongs to. A survey has versions; a version owns its scales, indicator tree
and items, so responses stay attached to exactly what was asked. Answers of
one response are stored as one JSON object keyed by item code.

Schema changes go through the migrations in `survey/storage/migrations/`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
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


class SurveyModel(Base):
    """The path model a user drew between a survey's dimensions (from → to), fitted on the Model page instead
    of the ECSI / ACSI model its dimension codes would give; one per survey, for every version."""

    __tablename__ = "survey_model"
    __table_args__ = (UniqueConstraint("survey_id", name="uq_survey_model_survey"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    paths: Mapped[list] = mapped_column(JSON, default=list)  # [[from dimension code, to dimension code], ...]
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


# --- accounts, roles and the audit log -------------------------------------------------------


class Account(Base):
    """A staff member or student who signs in. Respondents answering by link have no account.

    `password_hash` is an argon2 hash (survey.access.accounts); the password itself is never stored.
    `failed_sign_ins` and `last_failed_at` are no longer read (kept for old databases): wrong passwords are
    counted per account and client address in `Throttle`.
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
    # repeated events folded into one entry (failed sign-ins from one source): how many, and what they share
    count: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    fold_key: Mapped[str | None] = mapped_column(String(300), nullable=True, index=True)


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


# --- comments: themes and detractor follow-up ------------------------------------------------


class CommentTag(Base):
    """A theme of a survey's codebook (e.g. "workload", "teaching pace") that comments are tagged with."""

    __tablename__ = "comment_tag"
    __table_args__ = (UniqueConstraint("survey_id", "name", name="uq_comment_tag_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CommentTagging(Base):
    """One comment (a response's answer to a comment item) tagged with one theme."""

    __tablename__ = "comment_tagging"
    __table_args__ = (UniqueConstraint("response_id", "item_code", "tag_id", name="uq_comment_tagging"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"), index=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("response.id", ondelete="CASCADE"), index=True)
    item_code: Mapped[str] = mapped_column(String(100))
    tag_id: Mapped[int] = mapped_column(ForeignKey("comment_tag.id", ondelete="CASCADE"), index=True)
    tagged_by: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FollowUp(Base):
    """The follow-up of one low-scoring response: its status (open, contacted, resolved), a note, who handled it."""

    __tablename__ = "follow_up"
    __table_args__ = (UniqueConstraint("response_id", name="uq_follow_up_response"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("response.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | contacted | resolved
    note: Mapped[str] = mapped_column(Text, default="")
    handled_by: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"), nullable=True)
    handled_by_name: Mapped[str] = mapped_column(String(100), default="")  # kept when the account is deleted
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


# --- respondent attributes' choices and links with fixed values ---------------------------------


class AttributeChoice(Base):
    """One answer offered for a respondent attribute of a version (`survey.storage.choices`): the value
    stored with a response and its labels; an attribute without rows is answered in free text."""

    __tablename__ = "attribute_choice"
    __table_args__ = (UniqueConstraint("version_id", "item_code", "value", name="uq_attribute_choice_value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("survey_version.id", ondelete="CASCADE"), index=True)
    item_code: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer, default=0)
    value: Mapped[str] = mapped_column(String(200))
    label_zh: Mapped[str] = mapped_column(String(200), default="")
    label_en: Mapped[str] = mapped_column(String(200), default="")


class FixedLink(Base):
    """A questionnaire link that fills some respondent attributes itself (class=一班, group=1), hidden from
    the respondent: the values are kept here under the link's own token, so a respondent cannot alter them."""

    __tablename__ = "fixed_link"
    __table_args__ = (UniqueConstraint("token", name="uq_fixed_link_token"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    token: Mapped[str] = mapped_column(String(64))
    values: Mapped[dict] = mapped_column(JSON, default=dict)  # attribute item code → value
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# --- the columnar copy of imported answers (survey.storage.blocks) ----------------------------


class AnswerBlock(Base):
    """The answers of one stored chunk of an import, column by column (Arrow IPC): what the
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


# --- weighting ---------------------------------------------------------------------------------


class WeightingScheme(Base):
    """Population margins a survey's responses are raked to (survey.weighting), chosen on the dashboards.

    `margins` maps an attribute code to {category: population total or share}.
    """

    __tablename__ = "weighting_scheme"
    __table_args__ = (UniqueConstraint("survey_id", "name", name="uq_weighting_scheme_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    margins: Mapped[dict] = mapped_column(JSON, default=dict)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Throttle(Base):
    """Failures that slow down sign-ins and join codes (survey.access.throttle), shared by every app instance.

    `kind` is what is counted: "account+source" (one username tried from one client address), "source" (one
    address, any account), "global" (every failed sign-in), "join+source", "join-global" (wrong join codes);
    `key` names it (e.g. "ana|203.0.113.9"). `blocked_until`: no attempt of that kind is looked at before then
    (for the global kinds: attempts are slowed down until then, never refused).
    """

    __tablename__ = "throttle"
    __table_args__ = (UniqueConstraint("kind", "key", name="uq_throttle_kind_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(300))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    first_failed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_failed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    blocked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


# --- action plans ------------------------------------------------------------------------------


class Action(Base):
    """An improvement action for one indicator of a survey (改进计划): the need it answers, the strategy, an
    owner, a due date, a target for the indicator's satisfaction index (0–100) and the wave by which it
    should show (`check_wave`), checked against the wave it was made in (`baseline_wave`). It names its
    indicator by code, so it follows the survey into later versions."""

    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    version_id: Mapped[int | None] = mapped_column(ForeignKey("survey_version.id", ondelete="SET NULL"), nullable=True)
    indicator: Mapped[str] = mapped_column(String(64))  # node or item code
    need: Mapped[str] = mapped_column(Text, default="")
    strategy: Mapped[str] = mapped_column(Text, default="")
    owner_account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"), nullable=True)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    target_figure: Mapped[float | None] = mapped_column(Float, nullable=True)
    baseline_wave: Mapped[str | None] = mapped_column(String(100), nullable=True)
    check_wave: Mapped[str | None] = mapped_column(String(100), nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="planned")  # planned | in_progress | done | dropped
    created_by: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
