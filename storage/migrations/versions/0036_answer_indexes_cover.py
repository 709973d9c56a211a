"""loop: the reply loops' partial index holds reply_ts too, so the response report reads it
alone (a covering index) instead of a table row per reply loop

Revision ID: 0036_answers_cover
Revises: 0035
"""

import sqlalchemy as sa
from alembic import op

revision = "0036_answers_cover"
down_revision = "0035"
branch_labels = None
depends_on = None

REPLY_LOOPS = sa.text("reply_ts IS NOT NULL")
COLUMNS = ["workspace_id", "created_at", "customer_id", "state", "due_at", "first_response_at"]


def _asked(columns: list[str]) -> None:
    op.drop_index("ix_loop_asked", table_name="loop")
    op.create_index(
        "ix_loop_asked", "loop", columns, sqlite_where=REPLY_LOOPS, postgresql_where=REPLY_LOOPS
    )


def upgrade() -> None:
    _asked([*COLUMNS, "reply_ts"])


def downgrade() -> None:
    _asked(COLUMNS)
