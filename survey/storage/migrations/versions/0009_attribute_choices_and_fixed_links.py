"""attribute choices and links with fixed values

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attribute_choice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("label_zh", sa.String(length=200), nullable=False),
        sa.Column("label_en", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["survey_version.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("version_id", "item_code", "value", name="uq_attribute_choice_value"),
    )
    with op.batch_alter_table("attribute_choice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attribute_choice_version_id"), ["version_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attribute_choice_workspace_id"), ["workspace_id"], unique=False)
    op.create_table(
        "fixed_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["survey_id"], ["survey.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token", name="uq_fixed_link_token"),
    )
    with op.batch_alter_table("fixed_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fixed_link_survey_id"), ["survey_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_fixed_link_workspace_id"), ["workspace_id"], unique=False)


def downgrade() -> None:
    op.drop_table("fixed_link")
    op.drop_table("attribute_choice")
