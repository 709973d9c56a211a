"""Slack OAuth installs: slack_sdk's installation, bot and state tables (tokens sealed, so their
columns are wide), and workspace.enterprise_id / uninstalled_at

Revision ID: 0023_slack_oauth
Revises: 0022_channels
"""

import sqlalchemy as sa
from alembic import op

import storage.models

revision = "0023_slack_oauth"
down_revision = "0022_channels"
branch_labels = None
depends_on = None

# A sealed token (Fernet, base64) is about twice as long as the token itself.
SEALED = sa.String(1000)


def _install_columns() -> list[sa.Column]:
    """The columns slack_sdk's SQLAlchemyInstallationStore reads and writes in both tables."""
    return [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("client_id", sa.String(32), nullable=False),
        sa.Column("app_id", sa.String(32), nullable=False),
        sa.Column("enterprise_id", sa.String(32)),
        sa.Column("enterprise_name", sa.String(200)),
        sa.Column("team_id", sa.String(32)),
        sa.Column("team_name", sa.String(200)),
        sa.Column("bot_token", SEALED),
        sa.Column("bot_id", sa.String(32)),
        sa.Column("bot_user_id", sa.String(32)),
        sa.Column("bot_scopes", sa.String(1000)),
        sa.Column("bot_refresh_token", SEALED),
        sa.Column("bot_token_expires_at", sa.DateTime),
        sa.Column("is_enterprise_install", sa.Boolean, nullable=False, default=False),
        sa.Column("installed_at", sa.DateTime, nullable=False, server_default=sa.func.now()),
    ]


def upgrade() -> None:
    op.create_table(
        "slack_installations",
        *_install_columns(),
        sa.Column("enterprise_url", sa.String(200)),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("user_token", SEALED),
        sa.Column("user_scopes", sa.String(1000)),
        sa.Column("user_refresh_token", SEALED),
        sa.Column("user_token_expires_at", sa.DateTime),
        sa.Column("incoming_webhook_url", sa.String(200)),
        sa.Column("incoming_webhook_channel", sa.String(200)),
        sa.Column("incoming_webhook_channel_id", sa.String(200)),
        sa.Column("incoming_webhook_configuration_url", sa.String(200)),
        sa.Column("token_type", sa.String(32)),
    )
    op.create_index(
        "slack_installations_idx",
        "slack_installations",
        ["client_id", "enterprise_id", "team_id", "user_id", "installed_at"],
    )
    op.create_table("slack_bots", *_install_columns())
    op.create_index(
        "slack_bots_idx", "slack_bots", ["client_id", "enterprise_id", "team_id", "installed_at"]
    )
    op.create_index("ix_slack_bots_team", "slack_bots", ["team_id", "installed_at"])
    op.create_table(
        "slack_oauth_states",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("state", sa.String(200), nullable=False),
        sa.Column("expire_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_slack_oauth_states_state", "slack_oauth_states", ["state"])
    with op.batch_alter_table("workspace") as table:
        table.add_column(sa.Column("enterprise_id", sa.String(64), nullable=True))
        table.add_column(sa.Column("uninstalled_at", storage.models.UTCDateTime(), nullable=True))
        table.create_index("ix_workspace_enterprise_id", ["enterprise_id"])


def downgrade() -> None:
    with op.batch_alter_table("workspace") as table:
        table.drop_index("ix_workspace_enterprise_id")
        table.drop_column("uninstalled_at")
        table.drop_column("enterprise_id")
    op.drop_table("slack_oauth_states")
    op.drop_table("slack_bots")
    op.drop_table("slack_installations")
