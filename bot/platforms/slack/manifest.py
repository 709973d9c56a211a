"""The Slack app manifest: the command, the shortcut, the events, interactivity, App Home and
exactly the scopes the listeners use."""

from __future__ import annotations

from typing import Any

import yaml

from bot.platforms.slack.listeners.shortcuts import SHORTCUT
from bot.settings import Settings

# Each scope, and what needs it.
BOT_SCOPES = {
    "app_mentions:read": "app_mention events",
    "channels:history": "messages in public channels, and reading a reacted message",
    "groups:history": "messages in private channels the bot was invited to",
    "chat:write": "replies, prompts, nudges, digests",
    "commands": "the slash command and the message shortcut",
    "files:write": "CSV exports and digest charts",
    "im:history": "checking whether a nudge went out before a restart",
    "im:write": "opening DMs for nudges",
    "reactions:read": "the capture emoji",
    "reactions:write": "marking captured messages",
    "users:read": "time zones and admin flags from profiles",
}
# With OAuth installs: an uninstall, or revoked tokens, remove the workspace's tokens.
INSTALL_EVENTS = ["app_uninstalled", "tokens_revoked"]
BOT_EVENTS = [
    "app_home_opened",
    "app_mention",
    "message.channels",
    "message.groups",
    "reaction_added",
]


def manifest(settings: Settings, url: str | None, oauth: bool = False) -> dict[str, Any]:
    """The manifest as data: HTTP mode at `url` (…/slack/events), or Socket Mode without it.
    `oauth` (with `url`): distributed through OAuth installs, org-wide on Enterprise Grid, its
    tokens rotating, Slack sending installers back to …/slack/oauth_redirect."""
    events_url = f"{url.rstrip('/')}/slack/events" if url else None
    command: dict[str, Any] = {
        "command": settings.command,
        "description": "Close the loop with customers: log feedback, track commitments",
        "usage_hint": "help | feedback <customer>: <text> | commit <customer>: <what> by <when>",
        "should_escape": True,  # users arrive as <@U123|name>, channels as <#C123|name>
    }
    subscriptions: dict[str, Any] = {"bot_events": BOT_EVENTS + (INSTALL_EVENTS if oauth else [])}
    interactivity: dict[str, Any] = {"is_enabled": True}
    if events_url:
        command["url"] = events_url
        subscriptions["request_url"] = events_url
        interactivity["request_url"] = events_url
    return {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {
            "name": "Loopkeeper",
            "description": "Closes the customer feedback loop: captures what customers say "
            "and nudges until every promise is kept and the customer told.",
            "background_color": "#2c5364",
        },
        "features": {
            "app_home": {
                "home_tab_enabled": True,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": True,
            },
            "bot_user": {"display_name": "Loopkeeper", "always_online": True},
            "shortcuts": [
                {
                    "name": "Log customer feedback",
                    "type": "message",
                    "callback_id": SHORTCUT,
                    "description": "Log this message as feedback from a customer",
                }
            ],
            "slash_commands": [command],
        },
        "oauth_config": _oauth_config(url, oauth),
        "settings": {
            "event_subscriptions": subscriptions,
            "interactivity": interactivity,
            "org_deploy_enabled": oauth,
            "socket_mode_enabled": events_url is None,
            "token_rotation_enabled": oauth,
        },
    }


def _oauth_config(url: str | None, oauth: bool) -> dict[str, Any]:
    config: dict[str, Any] = {"scopes": {"bot": sorted(BOT_SCOPES)}}
    if oauth and url:
        config["redirect_urls"] = [f"{url.rstrip('/')}/slack/oauth_redirect"]
    return config


def manifest_yaml(settings: Settings, url: str | None, oauth: bool = False) -> str:
    """The manifest as YAML, ready to paste at api.slack.com/apps → Create New App."""
    head = (
        "# Loopkeeper's Slack app manifest: api.slack.com/apps → Create New App → "
        "From a manifest.\n"
    )
    return head + yaml.safe_dump(
        manifest(settings, url, oauth), sort_keys=False, allow_unicode=True
    )
