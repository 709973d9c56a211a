"""loop: partial indexes for the first-response and CSAT reports (reply loops, CSAT answers)

Revision ID: 0024_answers
Revises: 0023_slack_oauth
"""

import sqlalchemy as sa
from alembic import op

revision = "0024_answers"
down_revision = "0023_slack_oauth"
branch_labels = None
depends_on = None

REPLY_LOOPS = sa.text("reply_ts IS NOT NULL")
ANSWERED = sa.text("csat IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_loop_asked",
        "loop",
        ["workspace_id", "created_at", "customer_id", "state", "due_at", "first_response_at"],
        sqlite_where=REPLY_LOOPS,
        postgresql_where=REPLY_LOOPS,
    )
    op.create_index(
        "ix_loop_csat",
        "loop",
        ["workspace_id", "csat_at", "customer_id", "csat"],
        sqlite_where=ANSWERED,
        postgresql_where=ANSWERED,
    )


def downgrade() -> None:
    op.drop_index("ix_loop_csat", table_name="loop")
    op.drop_index("ix_loop_asked", table_name="loop")
