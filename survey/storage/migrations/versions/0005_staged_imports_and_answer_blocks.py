"""staged imports (import_batch.state) and columnar answer blocks

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

Existing imports get their answer blocks here, built from their responses' JSON (which stays as it is):
a batch whose rows do not fit the columns keeps being read per row.
"""

import json
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

BLOCK_ROWS = 20_000


def upgrade() -> None:
    op.add_column("import_batch", sa.Column("state", sa.String(length=20), server_default="visible", nullable=False))
    op.create_index("ix_response_survey_batch", "response", ["survey_id", "batch_id"], unique=False)
    op.create_table(
        "answer_block",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("n_rows", sa.Integer(), nullable=False),
        sa.Column("first_response_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batch.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["survey_id"], ["survey.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["version_id"], ["survey_version.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_answer_block_batch_id"), "answer_block", ["batch_id"], unique=False)
    op.create_index(op.f("ix_answer_block_survey_id"), "answer_block", ["survey_id"], unique=False)
    op.create_index(op.f("ix_answer_block_workspace_id"), "answer_block", ["workspace_id"], unique=False)
    _blocks_of_existing_imports(op.get_bind())


def _blocks_of_existing_imports(connection: sa.Connection) -> None:
    from survey.storage import blocks  # the block format (blocks.encode) of this revision

    batches = connection.execute(sa.text("SELECT id, workspace_id, survey_id FROM import_batch ORDER BY id")).all()
    for batch_id, workspace_id, survey_id in batches:
        rows = connection.execute(
            sa.text(
                "SELECT id, version_id, submitted_at, wave, answers, attributes FROM response "
                "WHERE batch_id = :b ORDER BY id"
            ),
            {"b": batch_id},
        ).all()
        by_version: dict[int, list] = {}
        for row in rows:
            by_version.setdefault(row[1], []).append(row)
        for version_id, found in by_version.items():
            for start in range(0, len(found), BLOCK_ROWS):
                part = found[start : start + BLOCK_ROWS]
                columns = blocks.block_of_rows(
                    [
                        {
                            "submitted_at": _time(r[2]),
                            "wave": r[3],
                            "answers": _json(r[4]),
                            "attributes": _json(r[5]),
                        }
                        for r in part
                    ]
                )
                if columns is None:
                    continue  # read per row, as before
                ids = [r[0] for r in part]
                connection.execute(
                    sa.text(
                        "INSERT INTO answer_block (workspace_id, survey_id, version_id, batch_id, n_rows, "
                        "first_response_id, data) VALUES (:w, :s, :v, :b, :n, :first, :data)"
                    ).bindparams(sa.bindparam("data", type_=sa.LargeBinary())),
                    {
                        "w": workspace_id,
                        "s": survey_id,
                        "v": version_id,
                        "b": batch_id,
                        "n": len(ids),
                        "first": ids[0],
                        "data": blocks.encode(ids, *columns),
                    },
                )


def _json(value):
    return json.loads(value) if isinstance(value, str) else (value or {})


def _time(value):
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def downgrade() -> None:
    op.drop_index(op.f("ix_answer_block_workspace_id"), table_name="answer_block")
    op.drop_index(op.f("ix_answer_block_survey_id"), table_name="answer_block")
    op.drop_index(op.f("ix_answer_block_batch_id"), table_name="answer_block")
    op.drop_table("answer_block")
    op.drop_index("ix_response_survey_batch", table_name="response")
    with op.batch_alter_table("import_batch") as batch:
        batch.drop_column("state")
