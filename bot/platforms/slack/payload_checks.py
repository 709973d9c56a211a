"""Requests Slack never sends are refused cleanly: too large (413), not UTF-8 or not parseable
(400), a timestamp that is not a number (401). A signed payload without what Slack always sends
(the fields the listeners read) was not made by Slack: a listener failing on it answers 400 (the
sender's mistake), not 500."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.adapter.starlette.async_handler import to_async_bolt_request
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from bot.platforms.bodies import BodyTooLarge, read_capped

log = logging.getLogger(__name__)

# Per payload kind: dotted path -> the type found there; a trailing "?" means it may be absent.
_USER = {"user": dict, "user.id": str}
SHAPES: dict[str, dict[str, Any]] = {
    "message": {
        "channel": str,
        "ts": str,
        "user?": str,
        "text?": str,
        "thread_ts?": str,
        "subtype?": str,
        "user_team?": str,
        "source_team?": str,
    },
    "message_changed": {
        "channel": str,
        "message?": dict,
        "message.ts?": str,
        "message.text?": str,
        "message.user?": str,
    },
    "message_deleted": {
        "channel": str,
        "deleted_ts?": str,
        "previous_message?": dict,
        "previous_message.ts?": str,
        "previous_message.user?": str,
    },
    "app_mention": {"channel": str, "ts": str, "user": str, "text?": str},
    "reaction_added": {
        "user": str,
        "reaction?": str,
        "item?": dict,
        "item.type?": str,
        "item.channel?": str,
        "item.ts?": str,
    },
    "app_home_opened": {"user": str, "tab?": str},
    "member_joined_channel": {"user": str, "channel": str, "inviter?": str},
    "channel_shared": {"channel": str, "connected_team_id?": str},
    "block_actions": {
        **_USER,
        "actions": list,
        "container?": dict,
        "message?": dict,
        "view?": dict,
        "channel?": dict,
        "trigger_id?": str,
    },
    "view_submission": {
        **_USER,
        "view": dict,
        "view.type": str,
        "view.callback_id?": str,
        "view.private_metadata?": str,
        "view.state": dict,
        "view.state.values": dict,
    },
    "message_action": {
        **_USER,
        "trigger_id": str,
        "message?": dict,
        "channel?": dict,
        "message.text?": str,
        "message.ts?": str,
    },
    "command": {"user_id": str, "command": str, "text?": str, "channel_id?": str},
}
_ACTION = {
    "action_id": str,
    "value?": str,
    "block_id?": str,
    "selected_user?": str,
    "selected_option?": dict,
    "selected_option.value?": str,
}


def _find(node: Any, path: str) -> tuple[bool, Any]:
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return False, None
        node = node[part]
    return True, node


def _check(node: Any, shape: dict[str, Any], where: str) -> str | None:
    for key, kind in shape.items():
        path, optional = key.rstrip("?"), key.endswith("?")
        present, value = _find(node, path)
        if not present or value is None:
            if optional:
                continue
            return f"{where}{path} is missing"
        if not isinstance(value, kind):
            return f"{where}{path} is not a {kind.__name__}"
    return None


def malformed(payload: Any) -> str | None:
    """What is wrong with a payload's shape, or None when it has what the listeners read."""
    if not isinstance(payload, dict):
        return "the payload is not an object"
    if payload.get("type") == "event_callback":
        event = payload.get("event")
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            return "event is missing"
        envelope = _check(payload, {"event_id?": str, "team_id?": str}, "")
        if envelope:
            return envelope
        subtype, kind = event.get("subtype"), event["type"]
        if kind == "message" and isinstance(subtype, str) and subtype in SHAPES:
            kind = subtype
        return _check(event, SHAPES.get(kind, {}), "event.")
    if "command" in payload:
        return _check(payload, SHAPES["command"], "")
    kind = payload.get("type")
    # Bolt itself reads these of any interactive payload, before any listener of ours.
    for key in ("view", "message", "channel", "container", "user", "team", "enterprise"):
        if key in payload and payload[key] is not None and not isinstance(payload[key], dict):
            return f"{key} is not an object"
    if "view" in payload and not isinstance((payload["view"] or {}).get("type"), str):
        return "view.type is missing"
    shape = SHAPES.get("message_action" if kind == "shortcut" else str(kind))
    problem = _check(payload, shape, "") if shape else None
    if problem is None and kind == "block_actions":
        for action in payload["actions"]:
            problem = problem or (
                _check(action, _ACTION, "action.")
                if isinstance(action, dict)
                else "an action is not an object"
            )
    return problem


def refuse_what_slack_never_sends(
    handle: Callable[[Request], Awaitable[Response]],
    fast: Callable[[Request, bytes], Awaitable[Response | None]] | None = None,
) -> Callable[[Request], Awaitable[Response]]:
    """Wrap POST /slack/events: refuse what can't be Slack's before Bolt parses it (Bolt parses
    before it checks the signature, and raises on malformed bodies). `fast` answers the requests
    it knows (a person's channel message) without Bolt; None hands the request on."""

    async def checked(request: Request) -> Response:
        stamp = request.headers.get("x-slack-request-timestamp", "").strip()
        if stamp and not stamp.lstrip("-").isdigit():  # Bolt's check would raise on it: a 500
            return PlainTextResponse("invalid request", status_code=401)
        try:
            body = await read_capped(request)  # kept by the request: the handler reads it again
        except BodyTooLarge:
            return PlainTextResponse("request body too large", status_code=413)
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return PlainTextResponse("request body is not UTF-8", status_code=400)
        if fast is not None and (answered := await fast(request, body)) is not None:
            return answered
        try:  # Bolt's own parsing, which would raise (a 500) on malformed JSON
            incoming = to_async_bolt_request(request, body)
        except Exception:  # noqa: BLE001 - whatever fails to parse is not a Slack request
            return PlainTextResponse("request body is not a Slack payload", status_code=400)
        parsed = incoming.body
        request.state.bolt_request = incoming  # parsed once: SlackBot.handle dispatches it
        try:
            response = await handle(request)
        except Exception:
            if malformed(parsed) is None:
                raise
            response = PlainTextResponse(status_code=500)
        if response.status_code >= 500 and (problem := malformed(parsed)):
            log.warning("refused a Slack request whose payload is malformed: %s", problem)
            return PlainTextResponse(f"not a Slack payload: {problem}", status_code=400)
        return response

    return checked
