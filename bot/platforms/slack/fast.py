"""The hottest request, without Bolt's middleware chain: a person's channel message.

A signed `event_callback` carrying a plain `message` (no edit, no delete, no bot) is verified
here (HMAC-SHA256 over `v0:timestamp:body`, compared in constant time, at most 5 minutes old —
what Bolt checks), parsed once and handed straight to the capture. Everything else, and anything
this path is unsure of (a bad or stale signature, an unknown bot user, a payload of the wrong
shape), goes to Bolt unchanged, which answers it exactly as before (401, 400, ...).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from typing import TYPE_CHECKING

from slack_bolt.request.internals import extract_enterprise_id, extract_team_id
from slack_sdk.signature import Clock
from starlette.requests import Request
from starlette.responses import Response

from bot.platforms.slack.listeners.events import SPOKEN, by_person, captured
from bot.platforms.slack.shapes import malformed
from bot.platforms.slack.text import from_slack

if TYPE_CHECKING:
    from bot.platforms.slack.app import SlackBot

log = logging.getLogger(__name__)

MAX_AGE_SECONDS = 60 * 5  # Slack's (and Bolt's) replay window


class FastPath:
    """`await answer(request, body)`: the response for a person's message, or None for Bolt."""

    def __init__(self, bot: SlackBot, signing_secret: str) -> None:
        self.bot = bot
        self._secret = signing_secret.encode()
        self._clock = Clock()

    def signed(self, request: Request, body: bytes) -> bool:
        stamp = request.headers.get("x-slack-request-timestamp", "")
        given = request.headers.get("x-slack-signature", "")
        if not stamp.isdigit() or not given:
            return False
        if abs(self._clock.now() - int(stamp)) > MAX_AGE_SECONDS:
            return False
        expected = hmac.new(self._secret, b"v0:" + stamp.encode() + b":" + body, hashlib.sha256)
        return hmac.compare_digest("v0=" + expected.hexdigest(), given)

    async def answer(self, request: Request, body: bytes) -> Response | None:
        # Cheap look before parsing: only JSON event callbacks about messages come this way.
        if not body.startswith(b"{") or b'"event_callback"' not in body:
            return None
        try:
            payload = json.loads(body)
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
            or not self.signed(request, body)
        ):
            return None
        try:  # where Bolt finds the workspace (authorizations first: shared channels)
            team = extract_team_id(payload) or extract_enterprise_id(payload) or ""
        except (AttributeError, TypeError, KeyError, IndexError):
            return None  # a shape Bolt refuses: it answers
        if not isinstance(team, str):
            return None
        bot_user_id = await self.bot.bot_user_id()
        if bot_user_id is None:  # auth.test failed: Bolt's authorization decides
            return None
        if not by_person(event, bot_user_id):
            return Response(status_code=200)
        try:
            await captured(self.bot, payload, event, team, from_slack(event.get("text") or ""))
        except Exception as exc:  # noqa: BLE001 - the same answers as SlackBot._on_error
            return self.bot.failed(exc, payload)
        return Response(status_code=200)
