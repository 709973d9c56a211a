"""The Slack app: one Bolt AsyncApp whose listeners serve HTTP mode and Socket Mode alike."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

import aiohttp
from slack_bolt.adapter.starlette.async_handler import (
    to_async_bolt_request,
    to_starlette_response,
)
from slack_bolt.async_app import AsyncApp
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from bot.core.replies import Reply
from bot.platforms.slack.batch import GroupCommit
from bot.platforms.slack.client import web_client
from bot.platforms.slack.delivery import SlackDelivery
from bot.platforms.slack.people import Callers
from bot.platforms.slack.reactions import Reactions
from bot.platforms.slack.redact import install_token_redaction
from bot.platforms.slack.work import ACK_BUDGET_SECONDS, Work, database_error
from handlers import capture
from handlers.capture import Capture
from handlers.context import Deps
from storage.db import is_sqlite

log = logging.getLogger(__name__)
T = TypeVar("T")
DB_THREADS = 8


class SlackBot:
    """The Bolt app and what its listeners share: deps, the Web API client, the ack budget."""

    def __init__(self, deps: Deps, ack_budget: float = ACK_BUDGET_SECONDS) -> None:
        install_token_redaction()
        self.deps = deps
        # SQLite has one writer: one database thread, so requests queue here instead of
        # sleeping in SQLite's busy handler. PostgreSQL takes a few at once.
        self._executor = ThreadPoolExecutor(
            1 if is_sqlite(deps.engine) else DB_THREADS, thread_name_prefix="loopkeeper-db"
        )
        self.client = web_client(deps.settings)
        self.work = Work(ack_budget)
        self.callers = Callers(deps, self.client, self.db)
        # Channel messages arriving together are stored together (one transaction).
        self.captures: GroupCommit[Capture, Reply | None] = GroupCommit(
            partial(capture.capture_messages, deps), self.db
        )
        self.delivery = SlackDelivery(deps, self.client)
        self.app = AsyncApp(
            client=self.client,
            signing_secret=deps.settings.slack_signing_secret,
            # Listeners decide before the response so a database failure fails the request
            # (Slack retries it); they hand Web API calls to `work.later` to ack fast.
            process_before_response=True,
            name="loopkeeper",
        )
        self.app.error(self._on_error)
        from bot.platforms.slack.listeners import register

        register(self)
        self._session: aiohttp.ClientSession | None = None
        self.reactions = Reactions(
            self.client.base_url, self.client.token or "", self.http_session, self.work
        )
        self._identity: dict[str, Any] | None = None
        from bot.platforms.slack.fast import FastPath

        self.fast = FastPath(self, deps.settings.slack_signing_secret)

    async def _auth_test(self) -> dict[str, Any] | None:
        """Who the bot is and where (auth.test), asked once."""
        if self._identity is None:
            try:
                found = await self.client.auth_test()
            except (SlackApiError, aiohttp.ClientError) as exc:
                log.warning("auth.test failed (%s): messages get no permalink", exc)
                return None
            self._identity = dict(found.data) if isinstance(found.data, dict) else {}
        return self._identity

    async def workspace_url(self) -> str | None:
        """The workspace's address (auth.test), which message permalinks start with."""
        found = await self._auth_test() or {}
        return str(found.get("url") or "") or None

    async def bot_user_id(self) -> str | None:
        """The bot's own user id (auth.test): its posts are never captured."""
        found = await self._auth_test() or {}
        return str(found.get("user_id") or "") or None

    async def db(self, use_case: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a (synchronous) handler in the database thread(s), off the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, partial(use_case, *args, **kwargs))

    async def handle(self, request: Request) -> Response:
        """POST /slack/events: events, slash commands, interactivity and shortcuts. A body
        that is not a Slack payload at all (not UTF-8, broken JSON) is a 400, not a 500."""
        incoming = getattr(request.state, "bolt_request", None)  # parsed by shapes already
        if incoming is None:
            try:
                incoming = to_async_bolt_request(request, await request.body())
            except Exception:  # noqa: BLE001 - whatever Bolt can't parse is not from Slack
                return PlainTextResponse("request body is not a Slack payload", status_code=400)
        return to_starlette_response(await self.app.async_dispatch(incoming))

    def http_session(self) -> aiohttp.ClientSession:
        """The one HTTP session (kept-alive connections) every Web API call shares."""
        if self._session is None:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.client.timeout)
            )
        return self._session

    async def start(self) -> None:
        """Share one HTTP session (kept-alive connections) for every Web API call."""
        self.client.session = self.http_session()

    async def stop(self) -> None:
        """Finish what was promised after acks, then close the session."""
        await self.work.drain()
        self._executor.shutdown(wait=False)
        if self._session is not None:
            self.client.session = None
            await self._session.close()
            self._session = None

    async def _on_error(self, error: Exception, body: dict[str, Any]) -> BoltResponse:
        status, text = self._failure(error, body)
        return BoltResponse(status=status, body=text)

    def failed(self, error: Exception, body: dict[str, Any]) -> Response:
        """What a request that failed answers (outside Bolt: the fast path)."""
        status, text = self._failure(error, body)
        return PlainTextResponse(text, status_code=status)

    def _failure(self, error: Exception, body: dict[str, Any]) -> tuple[int, str]:
        kind = body.get("type") or body.get("command") or "request"
        if database_error(error):
            log.error(
                "database unavailable while handling a Slack %s (%s: %s); Slack will retry",
                kind,
                type(error).__name__,
                str(error).splitlines()[0][:200],
            )
            return 503, "database unavailable"
        log.exception("failed to handle a Slack %s", kind, exc_info=error)
        return 500, "internal error"
