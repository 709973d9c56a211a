"""Requests shaped as Slack sends them, signed like Slack signs them.

    body = event_body(message_event("ACME wants SSO"))
    headers = signed_headers(SECRET, body)             # X-Slack-Signature, -Request-Timestamp
    httpx.post(url + "/slack/events", content=body, headers=headers)

Bodies are bytes; form bodies (slash commands, interactivity) are url-encoded like Slack's.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
import urllib.parse
from typing import Any

SECRET = "test-signing-secret"
TEAM = "T0001"
APP = "A0001"
BOT_USER = "UBOT"
CHANNEL = "C0001"
USER = "U0001"

_ids = itertools.count(1)


def _next() -> int:
    return next(_ids)


def new_ts() -> str:
    """A fresh message timestamp, like Slack's."""
    return f"{1_790_000_000 + _next()}.{_next():06d}"


def signature(secret: str, body: bytes, timestamp: int | str) -> str:
    base = b"v0:" + str(timestamp).encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(
    secret: str,
    body: bytes,
    timestamp: int | None = None,
    retry_num: int | None = None,
    form: bool | None = None,
) -> dict[str, str]:
    """The headers Slack sends with `body`: a valid signature for `secret` at `timestamp`."""
    stamp = int(time.time()) if timestamp is None else timestamp
    is_form = not body.startswith(b"{") if form is None else form
    headers = {
        "X-Slack-Request-Timestamp": str(stamp),
        "X-Slack-Signature": signature(secret, body, stamp),
        "Content-Type": "application/x-www-form-urlencoded" if is_form else "application/json",
    }
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
        headers["X-Slack-Retry-Reason"] = "http_timeout"
    return headers


# ----- Events API ------------------------------------------------------------------------------
def event_body(
    event: dict[str, Any], team: str = TEAM, event_id: str | None = None, shared: bool = False
) -> bytes:
    """An event_callback envelope around `event` (`shared`: in a Slack Connect channel)."""
    envelope = {
        "token": "legacy-verification-token",
        "team_id": team,
        "api_app_id": APP,
        "event": {**event, "event_ts": event.get("event_ts", event.get("ts", new_ts()))},
        "type": "event_callback",
        "event_id": event_id or f"Ev{_next():08d}",
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team,
                "user_id": BOT_USER,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": shared,
        "event_context": f"4-{_next()}",
    }
    return json.dumps(envelope).encode()


def function_executed_event(
    execution: str, token: str, inputs: dict[str, Any], callback_id: str = "track_commitment"
) -> dict[str, Any]:
    """A workflow step's run (Workflow Builder ran our custom function), carrying `token` as
    its function token."""
    return {
        "type": "function_executed",
        "function": {
            "id": "Fn0001",
            "callback_id": callback_id,
            "title": "Track a customer commitment",
            "type": "app",
            "app_id": APP,
            "input_parameters": [],
            "output_parameters": [],
        },
        "inputs": inputs,
        "function_execution_id": execution,
        "workflow_execution_id": f"Wx{_next():06d}",
        "event_ts": new_ts(),
        "bot_access_token": token,
    }


def url_verification_body(challenge: str) -> bytes:
    return json.dumps(
        {"token": "legacy-verification-token", "challenge": challenge, "type": "url_verification"}
    ).encode()


def message_event(
    text: str,
    user: str = USER,
    channel: str = CHANNEL,
    ts: str | None = None,
    team: str = TEAM,
    **extra: Any,
) -> dict[str, Any]:
    """A user's message in a channel (subscribe: message.channels)."""
    ts = ts or new_ts()
    return {
        "type": "message",
        "channel": channel,
        "user": user,
        "text": text,
        "ts": ts,
        "team": team,
        "channel_type": "channel",
        "client_msg_id": f"cm-{_next()}",
        **extra,
    }


def connect_message_event(
    text: str, user: str, user_team: str | None, thread_ts: str | None = None, **extra: Any
) -> dict[str, Any]:
    """A message in a Slack Connect channel: a person of `user_team` (Slack names their own
    team in `user_team` and `source_team`; None: the event leaves both out)."""
    event = message_event(text, user=user, team=user_team or TEAM, **extra)
    if user_team is not None:
        event.update(user_team=user_team, source_team=user_team)
    if thread_ts is not None:
        event.update(thread_ts=thread_ts)
    return event


def bot_message_event(
    text: str, channel: str = CHANNEL, bot_id: str = "BOTHER", user: str | None = None
) -> dict[str, Any]:
    event = {
        "type": "message",
        "subtype": "bot_message",
        "channel": channel,
        "text": text,
        "ts": new_ts(),
        "bot_id": bot_id,
        "channel_type": "channel",
    }
    if user:
        event.update(user=user)
        event.pop("subtype")
    return event


def mention_event(
    text: str, user: str = USER, channel: str = CHANNEL, ts: str | None = None
) -> dict[str, Any]:
    return {
        "type": "app_mention",
        "channel": channel,
        "user": user,
        "text": f"<@{BOT_USER}> {text}",
        "ts": ts or new_ts(),
        "team": TEAM,
    }


def edited_event(
    channel: str, ts: str, new_text: str, user: str = USER, old_text: str = ""
) -> dict[str, Any]:
    return {
        "type": "message",
        "subtype": "message_changed",
        "hidden": True,
        "channel": channel,
        "ts": new_ts(),
        "channel_type": "channel",
        "message": {
            "type": "message",
            "user": user,
            "text": new_text,
            "ts": ts,
            "edited": {"user": user, "ts": new_ts()},
        },
        "previous_message": {"type": "message", "user": user, "text": old_text, "ts": ts},
    }


def deleted_event(channel: str, ts: str, user: str = USER) -> dict[str, Any]:
    return {
        "type": "message",
        "subtype": "message_deleted",
        "hidden": True,
        "channel": channel,
        "ts": new_ts(),
        "deleted_ts": ts,
        "channel_type": "channel",
        "previous_message": {"type": "message", "user": user, "text": "…", "ts": ts},
    }


def reaction_event(
    channel: str, ts: str, reaction: str = "loop", user: str = USER, item_user: str = "U0002"
) -> dict[str, Any]:
    return {
        "type": "reaction_added",
        "user": user,
        "reaction": reaction,
        "item_user": item_user,
        "item": {"type": "message", "channel": channel, "ts": ts},
        "event_ts": new_ts(),
    }


def home_opened_event(user: str = USER) -> dict[str, Any]:
    return {
        "type": "app_home_opened",
        "user": user,
        "channel": "D" + user,
        "tab": "home",
        "event_ts": new_ts(),
    }


# ----- Slash commands and interactivity (form posts) ------------------------------------------
def command_body(
    text: str,
    user: str = USER,
    user_name: str = "ann",
    channel: str = CHANNEL,
    command: str = "/loop",
    team: str = TEAM,
    response_url: str = "http://127.0.0.1:9/response/cmd",
) -> bytes:
    form = {
        "token": "legacy-verification-token",
        "team_id": team,
        "team_domain": "acme",
        "channel_id": channel,
        "channel_name": "general",
        "user_id": user,
        "user_name": user_name,
        "command": command,
        "text": text,
        "api_app_id": APP,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": f"{_next()}.trigger",
    }
    return urllib.parse.urlencode(form).encode()


def _payload(payload: dict[str, Any]) -> bytes:
    return urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()


def _user(user: str, team: str) -> dict[str, Any]:
    return {"id": user, "username": user.lower(), "name": user.lower(), "team_id": team}


def button(action_id: str, value: str, block_id: str = "b") -> dict[str, Any]:
    return {
        "type": "button",
        "action_id": action_id,
        "block_id": block_id,
        "value": value,
        "text": {"type": "plain_text", "text": action_id},
        "action_ts": new_ts(),
    }


def select(action_id: str, value: str, block_id: str = "b") -> dict[str, Any]:
    return {
        "type": "static_select",
        "action_id": action_id,
        "block_id": block_id,
        "selected_option": {"text": {"type": "plain_text", "text": value}, "value": value},
        "action_ts": new_ts(),
    }


def user_select(action_id: str, user: str, block_id: str) -> dict[str, Any]:
    return {
        "type": "users_select",
        "action_id": action_id,
        "block_id": block_id,
        "selected_user": user,
        "action_ts": new_ts(),
    }


def block_actions_body(
    action: dict[str, Any],
    user: str = USER,
    team: str = TEAM,
    channel: str | None = CHANNEL,
    message: dict[str, Any] | None = None,
    ephemeral: bool = False,
    home_view: dict[str, Any] | None = None,
    response_url: str | None = "http://127.0.0.1:9/response/act",
    user_team: str | None = None,
) -> bytes:
    """A click: on a message (`message` holds its blocks; `ephemeral` for /loop replies) or on
    the App Home (`home_view`). `user_team`: the clicker's own team when it is another one (a
    customer's person in a Slack Connect channel)."""
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": _user(user, user_team or team),
        "api_app_id": APP,
        "token": "legacy-verification-token",
        "trigger_id": f"{_next()}.trigger",
        "team": {"id": team, "domain": "acme"},
        "enterprise": None,
        "is_enterprise_install": False,
        "state": {"values": {}},
        "actions": [action],
    }
    if home_view is not None:
        payload["container"] = {"type": "view", "view_id": home_view["id"]}
        payload["view"] = home_view
    else:
        ts = (message or {}).get("ts") or new_ts()
        payload["container"] = {
            "type": "message",
            "message_ts": ts,
            "channel_id": channel,
            "is_ephemeral": ephemeral,
        }
        payload["channel"] = {"id": channel, "name": "general"}
        if not ephemeral:
            payload["message"] = {
                "type": "message",
                "user": BOT_USER,
                "bot_id": "BBOT",
                "ts": ts,
                "text": "",
                **(message or {}),
            }
        if response_url:
            payload["response_url"] = response_url
    return _payload(payload)


def view_submission_body(
    view: dict[str, Any],
    values: dict[str, dict[str, str]],
    user: str = USER,
    team: str = TEAM,
    view_id: str | None = None,
) -> bytes:
    """A modal submitted with `values` as {block_id: {action_id: typed text}}."""
    state = {
        block: {
            action: {"type": "plain_text_input", "value": value}
            for action, value in actions.items()
        }
        for block, actions in values.items()
    }
    submitted = {
        **view,
        "id": view_id or view.get("id") or f"V{_next():05d}",
        "team_id": team,
        "state": {"values": state},
        "hash": f"h{_next()}",
    }
    payload = {
        "type": "view_submission",
        "team": {"id": team, "domain": "acme"},
        "user": _user(user, team),
        "api_app_id": APP,
        "token": "legacy-verification-token",
        "trigger_id": f"{_next()}.trigger",
        "view": submitted,
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }
    return _payload(payload)


def message_action_body(
    message: dict[str, Any],
    callback_id: str = "log_feedback",
    user: str = USER,
    channel: str = CHANNEL,
    team: str = TEAM,
) -> bytes:
    """The message shortcut ("Log customer feedback") run on `message`."""
    payload = {
        "type": "message_action",
        "token": "legacy-verification-token",
        "action_ts": new_ts(),
        "team": {"id": team, "domain": "acme"},
        "user": _user(user, team),
        "channel": {"id": channel, "name": "general"},
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": callback_id,
        "trigger_id": f"{_next()}.trigger",
        "response_url": "http://127.0.0.1:9/response/shortcut",
        "message_ts": message["ts"],
        "message": {"type": "message", **message},
    }
    return _payload(payload)


def block_suggestion_body(
    action_id: str, block_id: str, value: str, user: str = USER, team: str = TEAM
) -> bytes:
    """What Slack sends while a person types in an external select (it wants options back)."""
    payload = {
        "type": "block_suggestion",
        "user": _user(user, team),
        "team": {"id": team, "domain": "acme"},
        "api_app_id": APP,
        "token": "legacy-verification-token",
        "action_id": action_id,
        "block_id": block_id,
        "value": value,
        "container": {"type": "message", "message_ts": new_ts(), "is_ephemeral": True},
        "channel": {"id": CHANNEL, "name": "general"},
    }
    return _payload(payload)
