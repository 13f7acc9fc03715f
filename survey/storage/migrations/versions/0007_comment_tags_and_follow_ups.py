"""comment tags and detractor follow-ups

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "comment_tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["account.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["survey_id"], ["survey.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("survey_id", "name", name="uq_comment_tag_name"),
    )
    with op.batch_alter_table("comment_tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comment_tag_survey_id"), ["survey_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_comment_tag_workspace_id"), ["workspace_id"], unique=False)

    op.create_table(
        "comment_tagging",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=100), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("tagged_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["response_id"], ["response.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tag_id"], ["comment_tag.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tagged_by"], ["account.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("response_id", "item_code", "tag_id", name="uq_comment_tagging"),
    )
    with op.batch_alter_table("comment_tagging", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comment_tagging_response_id"), ["response_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_comment_tagging_tag_id"), ["tag_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_comment_tagging_workspace_id"), ["workspace_id"], unique=False)

    op.create_table(
        "follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("handled_by", sa.Integer(), nullable=True),
        sa.Column("handled_by_name", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["handled_by"], ["account.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["response_id"], ["response.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["survey_id"], ["survey.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("response_id", name="uq_follow_up_response"),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_up_survey_id"), ["survey_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_follow_up_workspace_id"), ["workspace_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_workspace_id"))
        batch_op.drop_index(batch_op.f("ix_follow_up_survey_id"))
    op.drop_table("follow_up")
    with op.batch_alter_table("comment_tagging", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comment_tagging_workspace_id"))
        batch_op.drop_index(batch_op.f("ix_comment_tagging_tag_id"))
        batch_op.drop_index(batch_op.f("ix_comment_tagging_response_id"))
    op.drop_table("comment_tagging")
    with op.batch_alter_table("comment_tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comment_tag_workspace_id"))
        batch_op.drop_index(batch_op.f("ix_comment_tag_survey_id"))
    op.drop_table("comment_tag")
