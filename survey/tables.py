"""The database schema (SQLAlchemy 2 ORM).

Every row a user creates carries `workspace_id`: the organisation or class it
belongs to. A survey has versions; a version owns its scales, indicator tree
and items, so responses stay attached to exactly what was asked. Answers of
one response are stored as one JSON object keyed by item code.

Schema changes go through the migrations in `survey/migrations/`.
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
