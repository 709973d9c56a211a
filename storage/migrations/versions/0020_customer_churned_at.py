"""customer.churned_at: when a customer was marked churned (segments' churn and retained value)

Revision ID: 0020
Revises: 0019
"""

import sqlalchemy as sa
from alembic import op

import storage.models

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customer") as table:
        table.add_column(sa.Column("churned_at", storage.models.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("customer") as table:
        table.drop_column("churned_at")
