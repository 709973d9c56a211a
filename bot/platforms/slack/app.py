"""The Slack app: one Bolt AsyncApp whose listeners serve HTTP mode and Socket Mode alike, and
the fast path for the busiest request (a person's channel message)."""

from __future__ import annotations

from typing import Any

from slack_bolt.adapter.starlette.async_handler import (
    AsyncSlackRequestHandler,
    to_async_bolt_request,
    to_starlette_response,
)
from slack_bolt.async_app import AsyncApp
from slack_bolt.response import BoltResponse
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from bot.platforms.slack.ack_budget import ACK_BUDGET_SECONDS
from bot.platforms.slack.channel_messages import FastPath
from bot.platforms.slack.listeners import register
from bot.platforms.slack.manifest import BOT_SCOPES
from bot.platforms.slack.parts import SlackParts
from bot.platforms.slack.replays import ReplayGuard
from handlers.context import Deps


class SlackBot:
    """The Bolt app, its listeners' shared parts, and the fast path, for one process."""

    def __init__(self, deps: Deps, ack_budget: float = ACK_BUDGET_SECONDS) -> None:
        self.parts = SlackParts(deps, ack_budget)
        installs = self.parts.installs  # OAuth installs, or None: one SLACK_BOT_TOKEN
        self.app = AsyncApp(
            client=self.parts.client,
            signing_secret=deps.settings.slack_signing_secret,
            # Listeners decide before the response so a database failure fails the request
            # (Slack retries it); they hand Web API calls to `work.later` to ack fast.
            process_before_response=True,
            name="loopkeeper",
            **(installs.app_options(sorted(BOT_SCOPES)) if installs else {}),
        )
        self.app.error(self._on_error)
        register(self.app, self.parts)
        if installs is not None:
            installs.register(self.app)
        self.fast = FastPath(self.parts, deps.settings.slack_signing_secret)
        self.replays = ReplayGuard()

    async def handle(self, request: Request) -> Response:
        """POST /slack/events: events, slash commands, interactivity and shortcuts. A body
        that is not a Slack payload at all (not UTF-8, broken JSON) is a 400, not a 500."""
        incoming = getattr(request.state, "bolt_request", None)  # parsed by shapes already
        body = await request.body()
        if incoming is None:
            try:
                incoming = to_async_bolt_request(request, body)
            except Exception:  # noqa: BLE001 - whatever Bolt can't parse is not from Slack
                return PlainTextResponse("request body is not a Slack payload", status_code=400)
        stamp = request.headers.get("x-slack-request-timestamp", "")
        signature = request.headers.get("x-slack-signature", "")
        signed = self.fast.signed(request, body)
        if signed and not self.replays.first_time(stamp, signature):
            return Response(status_code=200)  # a replay of a request already applied
        response = to_starlette_response(await self.app.async_dispatch(incoming))
        if signed and response.status_code >= 500:
            self.replays.forget(stamp, signature)  # Slack retries it: let it in
        return response

    async def oauth(self, request: Request) -> Response:
        """GET /slack/install (the "Add to Slack" page) and GET /slack/oauth_redirect (Slack
        sends the installer back: the state is checked once, the code exchanged for tokens)."""
        return await AsyncSlackRequestHandler(self.app).handle(request)

    async def start(self) -> None:
        await self.parts.start()

    async def stop(self) -> None:
        """Finish what was promised after acks, then close the session."""
        await self.parts.stop()

    async def _on_error(self, error: Exception, body: dict[str, Any]) -> BoltResponse:
        status, text = self.parts.failure(error, body)
        return BoltResponse(status=status, body=text)
