"""indexes that answer a customer's review from index ranges alone

ix_feedback_customer gains kind and sentiment, so a customer's feedback in a quarter (per kind,
negative, per week) and every customer's feedback in the health period are read from the index
without touching the rows. Three loop indexes per customer, each led by the time a review asks
about: created_at (promises made, per week; with reply_ts, its reply loops for the first
response), due_at (due and kept on time) and closed_at (closed, open and overdue at a moment,
days to close).

Revision ID: 0034
Revises: 0024_answers
"""

from alembic import op

revision = "0034"
down_revision = "0024_answers"
branch_labels = None
depends_on = None

LOOP_INDEXES = {
    "ix_loop_customer_created": "workspace_id customer_id created_at reply_ts",
    "ix_loop_customer_due": "workspace_id customer_id due_at state done_at created_at",
    "ix_loop_customer_closed": "workspace_id customer_id closed_at created_at state due_at done_at",
}


def upgrade() -> None:
    op.drop_index("ix_feedback_customer", table_name="feedback")
    op.create_index(
        "ix_feedback_customer",
        "feedback",
        ["workspace_id", "customer_id", "created_at", "kind", "sentiment"],
    )
    for name, columns in LOOP_INDEXES.items():
        op.create_index(name, "loop", columns.split())


def downgrade() -> None:
    for name in LOOP_INDEXES:
        op.drop_index(name, table_name="loop")
    op.drop_index("ix_feedback_customer", table_name="feedback")
    op.create_index(
        "ix_feedback_customer", "feedback", ["workspace_id", "customer_id", "created_at"]
    )
