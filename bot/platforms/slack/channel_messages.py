"""The hottest request, without Bolt's middleware chain: a person's channel message.

A signed `event_callback` carrying a plain `message` (no edit, no delete, no bot) is verified
here (HMAC-SHA256 over `v0:timestamp:body`, compared in constant time, at most 5 minutes old —
what Bolt checks), parsed once and handed straight to the capture. Everything else, and anything
this path is unsure of (a bad or stale signature, an unknown bot user, a payload of the wrong
shape), goes to Bolt unchanged, which answers it exactly as before (401, 400, ...).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.signature import SignatureVerifier
from starlette.requests import Request
from starlette.responses import Response

from bot.platforms.bodies import parse_json
from bot.platforms.slack.client import current_token
from bot.platforms.slack.inbound import SPOKEN, by_person, captured, org_wide_team
from bot.platforms.slack.parts import SlackParts
from bot.platforms.slack.payload_checks import malformed
from bot.platforms.slack.text import from_slack

log = logging.getLogger(__name__)


class FastPath:
    """`await answer(request, body)`: the response for a person's message, or None for Bolt."""

    def __init__(self, slack: SlackParts, signing_secret: str) -> None:
        self.slack = slack
        self._verifier = SignatureVerifier(signing_secret)  # what Bolt checks, 5-minute window

    def signed(self, request: Request, body: bytes) -> bool:
        stamp = request.headers.get("x-slack-request-timestamp", "")
        given = request.headers.get("x-slack-signature", "")
        if not stamp.isdigit() or not given:  # the verifier reads the stamp as a number
            return False
        return self._verifier.is_valid(body, stamp, given)

    async def answer(self, request: Request, body: bytes) -> Response | None:
        # Cheap look before parsing: only JSON event callbacks about messages come this way.
        if not body.startswith(b"{") or b'"event_callback"' not in body:
            return None
        if not self.signed(request, body):  # authenticated before anything is parsed
            return None
        try:
            payload = parse_json(body)
        except ValueError:
            return None
        if not isinstance(payload, dict):
            return None
        event = payload.get("event")
        if (
            payload.get("type") != "event_callback"
            or not isinstance(event, dict)
            or event.get("type") != "message"
            or malformed(payload) is not None  # (subtype is a string or absent after this)
            or event.get("subtype") not in SPOKEN
        ):
            return None
        team = event_workspace(payload)
        if team is None:
            return None  # a shape Bolt refuses: it answers
        token = await self.slack.event_token(payload, team)
        if token == "":
            return None  # no install serves this workspace: Bolt's authorization answers
        reset = current_token.set(token or current_token.get())
        try:
            return await self._capture(payload, event, team)
        finally:
            current_token.reset(reset)

    async def _capture(
        self, payload: dict[str, Any], event: dict[str, Any], team: str
    ) -> Response | None:
        bot_user_id = await self.slack.bot_user_id()
        if bot_user_id is None:  # auth.test failed: Bolt's authorization decides
            return None
        if not by_person(event, bot_user_id):
            return Response(status_code=200)
        try:
            await captured(self.slack, payload, event, team, from_slack(event.get("text") or ""))
        except Exception as exc:  # noqa: BLE001 - the same answers as SlackBot._on_error
            return self.slack.failed(exc, payload)
        return Response(status_code=200)


def event_workspace(payload: dict[str, Any]) -> str | None:
    """The workspace an event callback belongs to, found where Bolt finds it (the first
    authorization before the top level: a shared channel's message names the other side's team
    at the top), the team else the enterprise. None for a shape Slack never sends."""
    if org_wide := org_wide_team(payload):  # checked first: Bolt's middleware does the same
        return org_wide
    first = (payload.get("authorizations") or [None])[0]
    if isinstance(first, dict) and first.get("is_enterprise_install") and not first.get("team_id"):
        return None  # an org-wide event naming no workspace: Bolt's middleware finds it
    try:
        team = _first_id(payload, "team", "team_id")
        found = team or _first_id(payload, "enterprise", "enterprise_id") or ""
    except (AttributeError, TypeError, KeyError, IndexError):
        return None
    return found if isinstance(found, str) else None


def _first_id(payload: dict[str, Any], named: str, key: str) -> object:
    holder = payload.get(named)
    if isinstance(holder, str):
        return holder
    if isinstance(holder, dict) and "id" in holder:
        return holder["id"]
    authorizations = payload.get("authorizations")
    if authorizations is not None and len(authorizations) > 0:
        return _first_id(authorizations[0], named, key)
    if key in payload:
        return payload[key]
    if isinstance(payload.get("event"), dict):
        return _first_id(payload["event"], named, key)
    return None
