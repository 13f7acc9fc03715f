"""staged imports (import_batch.state) and columnar answer blocks

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("import_batch", sa.Column("state", sa.String(length=20), server_default="visible", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("import_batch") as batch:
        batch.drop_column("state")
