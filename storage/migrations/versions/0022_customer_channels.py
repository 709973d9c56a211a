"""customer channels: channel_link, and on loop the reply thread, first response, tell and CSAT

Revision ID: 0022_channels
Revises: 0015
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.models

revision = "0022_channels"
down_revision = "0015"
branch_labels = None
depends_on = None

_TEXT = sqlmodel.sql.sqltypes.AutoString
_LOOP_COLUMNS = (
    ("reply_channel", _TEXT(length=200)),
    ("reply_ts", _TEXT(length=200)),
    ("first_response_at", storage.models.UTCDateTime()),
    ("told_channel", _TEXT(length=200)),
    ("told_ts", _TEXT(length=200)),
    ("csat", sa.Integer()),
    ("csat_by", _TEXT(length=64)),
    ("csat_at", storage.models.UTCDateTime()),
)


def upgrade() -> None:
    op.create_table(
        "channel_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("channel", _TEXT(length=200), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("linked_by", _TEXT(length=64), nullable=False),
        sa.Column("linked_at", storage.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"]),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("workspace_id", "channel", name="uq_channel_link"),
    )
    op.create_index("ix_channel_link_customer", "channel_link", ["workspace_id", "customer_id"])
    with op.batch_alter_table("loop") as table:
        for name, column_type in _LOOP_COLUMNS:
            table.add_column(sa.Column(name, column_type, nullable=True))
    op.create_index("ix_loop_reply", "loop", ["workspace_id", "reply_channel", "reply_ts"])


def downgrade() -> None:
    op.drop_index("ix_loop_reply", table_name="loop")
    with op.batch_alter_table("loop") as table:
        for name, _ in reversed(_LOOP_COLUMNS):
            table.drop_column(name)
    op.drop_index("ix_channel_link_customer", table_name="channel_link")
    op.drop_table("channel_link")
