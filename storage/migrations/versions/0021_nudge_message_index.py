"""nudge(channel, message_ts): find the loops a sent brief carried, to redraw it

Revision ID: 0021
Revises: 0020
"""

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_nudge_message", "nudge", ["channel", "message_ts"])


def downgrade() -> None:
    op.drop_index("ix_nudge_message", table_name="nudge")
