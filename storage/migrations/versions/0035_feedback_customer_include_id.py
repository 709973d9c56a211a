"""ix_feedback_customer carries the feedback id on PostgreSQL

A review picks its most negative quotes by id from the customer's feedback in a quarter; SQLite's
indexes hold the row id already, PostgreSQL's do not, so without it every negative item of the
quarter was read from the table to be sorted.

Revision ID: 0035
Revises: 0034
"""

from alembic import op

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None

COLUMNS = ["workspace_id", "customer_id", "created_at", "kind", "sentiment"]


def _rebuild(include: list[str]) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_feedback_customer", table_name="feedback")
    op.create_index("ix_feedback_customer", "feedback", COLUMNS, postgresql_include=include)


def upgrade() -> None:
    _rebuild(["id"])


def downgrade() -> None:
    _rebuild([])
