"""sign-in and join-code throttles, folded audit entries, long join codes

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04

- `throttle`: failures per (kind, key), shared by every app instance (survey.access.throttle).
- `audit_entry.count` and `audit_entry.fold_key`: repeated failed sign-ins from one source are one entry
  with a count; existing entries count 1.
- Join codes shorter than the new length (6 characters, 31^6 codes) are renewed to 12 characters: a short
  code could be guessed; each renewal is written to the audit log ("class_code", by "system"), so the
  teacher sees why the code on their class page changed. Nothing else of the class changes.
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # survey.classroom.JOIN_CODE_ALPHABET at this revision
LENGTH = 12  # survey.classroom.JOIN_CODE_LENGTH at this revision


def upgrade() -> None:
    op.create_table(
        "throttle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("first_failed_at", sa.DateTime(), nullable=False),
        sa.Column("last_failed_at", sa.DateTime(), nullable=False),
        sa.Column("blocked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "key", name="uq_throttle_kind_key"),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("count", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("fold_key", sa.String(length=300), nullable=True))
        batch_op.create_index(batch_op.f("ix_audit_entry_fold_key"), ["fold_key"], unique=False)
    _renew_short_join_codes()


def _renew_short_join_codes() -> None:
    connection = op.get_bind()
    rooms = connection.execute(sa.text("SELECT id, workspace_id, join_code FROM class_room")).all()
    taken = {code for _, _, code in rooms}
    for room_id, workspace_id, code in rooms:
        if len(code) >= LENGTH:
            continue
        new = _new_code(taken)
        taken.add(new)
        connection.execute(
            sa.text("UPDATE class_room SET join_code = :code WHERE id = :id"), {"code": new, "id": room_id}
        )
        name = connection.execute(sa.text("SELECT name FROM workspace WHERE id = :id"), {"id": workspace_id}).scalar()
        entry = sa.text(
            "INSERT INTO audit_entry (at, workspace_id, account_id, username, action, target, detail, count) "
            "VALUES (CURRENT_TIMESTAMP, :ws, NULL, 'system', 'class_code', :target, :detail, 1)"
        ).bindparams(sa.bindparam("detail", type_=sa.JSON))
        connection.execute(
            entry, {"ws": workspace_id, "target": (name or "")[:500], "detail": {"reason": "longer codes"}}
        )


def _new_code(taken: set[str]) -> str:
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if code not in taken:
            return code


def downgrade() -> None:
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_fold_key"))
        batch_op.drop_column("fold_key")
        batch_op.drop_column("count")
    op.drop_table("throttle")
