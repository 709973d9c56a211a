"""tickets: engineering tickets linked to loops and feedback, applied webhook deliveries

Revision ID: 0019
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

import storage.models

revision = "0019"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ticket",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), sa.ForeignKey("workspace.id"), nullable=False),
        sa.Column("system", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("updated_at", storage.models.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("workspace_id", "key", name="uq_ticket_key"),
    )
    op.create_index("ix_ticket_key", "ticket", ["key"])
    op.create_table(
        "ticket_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), sa.ForeignKey("workspace.id"), nullable=False),
        sa.Column("ticket_id", sa.Integer(), sa.ForeignKey("ticket.id"), nullable=False),
        sa.Column("loop_id", sa.Integer(), sa.ForeignKey("loop.id"), nullable=True),
        sa.Column("feedback_id", sa.Integer(), sa.ForeignKey("feedback.id"), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("done_by_ticket", sa.Boolean(), nullable=False),
        sa.Column("made_by_ticket", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ticket_id", "loop_id", name="uq_ticket_loop"),
        sa.UniqueConstraint("ticket_id", "feedback_id", name="uq_ticket_feedback"),
    )
    op.create_index("ix_ticket_link_loop", "ticket_link", ["loop_id"])
    op.create_index("ix_ticket_link_feedback", "ticket_link", ["feedback_id"])
    op.create_table(
        "ticket_delivery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("delivery_id", sa.String(length=255), nullable=False),
        sa.Column("received_at", storage.models.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source", "delivery_id", name="uq_ticket_delivery"),
    )


def downgrade() -> None:
    op.drop_table("ticket_delivery")
    op.drop_index("ix_ticket_link_feedback", table_name="ticket_link")
    op.drop_index("ix_ticket_link_loop", table_name="ticket_link")
    op.drop_table("ticket_link")
    op.drop_index("ix_ticket_key", table_name="ticket")
    op.drop_table("ticket")
