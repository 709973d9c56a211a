"""The Slack app manifest: the command, the shortcut, the events, interactivity, App Home and
exactly the scopes the listeners use."""

from __future__ import annotations

from typing import Any

import yaml

from bot.platforms.slack.listeners.shortcuts import SHORTCUT
from bot.platforms.slack.listeners.workflows import TRACK_STEP
from bot.settings import Settings

# Each scope, and what needs it.
BOT_SCOPES = {
    "app_mentions:read": "app_mention events",
    "channels:read": "whether a channel the bot joins is shared with another organisation",
    "groups:read": "the same for private channels",
    "channels:history": "messages in public channels, and reading a reacted message",
    "groups:history": "messages in private channels the bot was invited to",
    "chat:write": "replies, prompts, nudges, digests",
    "commands": "the slash command and the message shortcut",
    "files:write": "CSV exports and digest charts",
    "im:history": "checking whether a nudge went out before a restart",
    "im:write": "opening DMs for nudges",
    "reactions:read": "the capture emoji",
    "reactions:write": "marking captured messages",
    "team:read": "the other organisation's name and domain, to offer its customer",
    "users:read": "time zones and admin flags from profiles",
}
# With OAuth installs: an uninstall, or revoked tokens, remove the workspace's tokens.
INSTALL_EVENTS = ["app_uninstalled", "tokens_revoked"]
BOT_EVENTS = [
    "app_home_opened",
    "app_mention",
    "channel_shared",
    "function_executed",  # the workflow step ran
    "member_joined_channel",
    "message.channels",
    "message.groups",
    "reaction_added",
]


def _parameter(name: str, kind: str, title: str, description: str) -> dict[str, str]:
    return {"type": kind, "name": name, "title": title, "description": description}


def workflow_steps(settings: Settings) -> dict[str, Any]:
    """The Workflow Builder step "Track a customer commitment": what `/loop commit` takes in,
    the loop's number and link out (Slack's shape: `properties` and `required`)."""
    add = f"{settings.command} customer add"
    inputs = [
        _parameter("customer", "string", "Customer", f"The customer's name or alias ({add})"),
        _parameter("what", "string", "What was promised", "What to deliver to the customer"),
        _parameter(
            "owner", "slack#/types/user_id", "Owner", "Who keeps the promise (nudged until done)"
        ),
        _parameter(
            "due",
            "string",
            "Due",
            "By when: Friday, in 3 days, 2026-12-01, or a timestamp. Empty: 3 working days",
        ),
    ]
    outputs = [
        _parameter("loop_number", "integer", "Loop number", "The loop's number (#12 is 12)"),
        _parameter("loop_link", "string", "Loop link", "Opens Loopkeeper's Home with the loop"),
    ]
    return {
        TRACK_STEP: {
            "title": "Track a customer commitment",
            "description": "Record a promise to a customer; its owner is nudged until it is "
            "done and the customer told",
            "input_parameters": {
                "properties": {p["name"]: p for p in inputs},
                "required": ["customer", "what", "owner"],
            },
            "output_parameters": {
                "properties": {p["name"]: p for p in outputs},
                "required": ["loop_number", "loop_link"],
            },
        }
    }


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
        # the customer search of the reaction picker (past 100 customers)
        interactivity["message_menu_options_url"] = events_url
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
            # Slack lists an app's workflow steps in Workflow Builder only when it is org-ready;
            # a single workspace installs an org-ready app as any other.
            "org_deploy_enabled": True,
            "socket_mode_enabled": events_url is None,
            "token_rotation_enabled": oauth,
            "function_runtime": "remote",  # the step runs here, not on Slack's infrastructure
        },
        "functions": workflow_steps(settings),
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
