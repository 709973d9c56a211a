"""changes people made, with what they replaced, so `undo` can put it back

Revision ID: 0015
Revises: 0021
Create Date: 2026-12-01 11:20:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.models

revision = "0015"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("target", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("summary", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("before", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("undone_at", storage.models.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"]),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_change_actor", "change", ["workspace_id", "actor", "at"])
    op.create_index("ix_change_target", "change", ["target", "target_id", "at"])
    op.create_index("ix_change_customer", "change", ["customer_id"])


def downgrade() -> None:
    op.drop_index("ix_change_customer", table_name="change")
    op.drop_index("ix_change_target", table_name="change")
    op.drop_index("ix_change_actor", table_name="change")
    op.drop_table("change")
