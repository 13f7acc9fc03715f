"""weighting schemes

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "weighting_scheme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("margins", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["survey_id"], ["survey.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("survey_id", "name", name="uq_weighting_scheme_name"),
    )
    with op.batch_alter_table("weighting_scheme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_weighting_scheme_survey_id"), ["survey_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_weighting_scheme_workspace_id"), ["workspace_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("weighting_scheme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_weighting_scheme_workspace_id"))
        batch_op.drop_index(batch_op.f("ix_weighting_scheme_survey_id"))
    op.drop_table("weighting_scheme")
