"""What Slack listeners share, built once per process: the deps, the Web API client, the ack
budget, the people cache, grouped capture commits, the delivery and the reaction queue.

Listeners receive it as their first argument (bound in `listeners.register`); nothing here
knows the Bolt app or any listener, so listeners can import it without a circle.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

import aiohttp
from slack_sdk.errors import SlackApiError
from starlette.responses import PlainTextResponse, Response

from bot.core.replies import Reply
from bot.platforms.slack.ack_budget import ACK_BUDGET_SECONDS, AckBudget, database_error
from bot.platforms.slack.batch import GroupCommit
from bot.platforms.slack.client import SlackClient, WebApi, current_token
from bot.platforms.slack.delivery import SlackDelivery
from bot.platforms.slack.oauth import SlackInstalls
from bot.platforms.slack.people import Callers
from bot.platforms.slack.reactions import Reactions
from bot.platforms.slack.redact import install_token_redaction
from handlers import capture
from handlers.capture import Capture
from handlers.context import Deps
from storage.db import is_sqlite

log = logging.getLogger(__name__)
T = TypeVar("T")
DB_THREADS = 8


class SlackParts:
    """Everything a Slack listener reaches: deps, the Web API client, the ack budget, callers."""

    def __init__(self, deps: Deps, ack_budget: float = ACK_BUDGET_SECONDS) -> None:
        install_token_redaction()
        self.deps = deps
        # SQLite has one writer: one database thread, so requests queue here instead of
        # sleeping in SQLite's busy handler. PostgreSQL takes a few at once.
        self._executor = ThreadPoolExecutor(
            1 if is_sqlite(deps.engine) else DB_THREADS, thread_name_prefix="loopkeeper-db"
        )
        # The one Web API caller: Bolt's client, listeners, reactions and the delivery share it
        # (one keep-alive session per event loop, closed by stop()).
        self.web = WebApi(deps.settings)
        self.client = SlackClient(self.web)
        self.work = AckBudget(ack_budget)
        self.callers = Callers(deps, self.client, self.db)
        # Channel messages arriving together are stored together (one transaction).
        self.captures: GroupCommit[Capture, Reply | None] = GroupCommit(
            partial(capture.capture_messages, deps), self.db
        )
        # OAuth installs: a token per workspace, kept in the database (None: SLACK_BOT_TOKEN).
        self.installs = SlackInstalls(deps, self.client) if deps.settings.slack_oauth else None
        token_for = self.installs.token_for if self.installs else None
        # the process's one; its sweeps use it too
        self.delivery = SlackDelivery(deps, self.web, token_for)
        self.reactions = Reactions(self.web, self.work)
        self._identity: dict[str | None, dict[str, Any]] = {}  # by bot token

    async def _auth_test(self) -> dict[str, Any] | None:
        """Who the bot is and where (auth.test), asked once per workspace's token."""
        token = current_token.get()
        if token not in self._identity:
            try:
                found = await self.client.auth_test()
            except (SlackApiError, aiohttp.ClientError) as exc:
                log.warning("auth.test failed (%s): messages get no permalink", exc)
                return None
            self._identity[token] = dict(found.data) if isinstance(found.data, dict) else {}
        return self._identity[token]

    async def event_token(self, payload: dict[str, Any], team: str) -> str | None:
        """The bot token for an event the fast path answers without Bolt: SLACK_BOT_TOKEN's
        (None here), or the install's serving `team`; "" when no install does (Bolt answers)."""
        if self.installs is None:
            return None
        # Only an org-wide install serves the workspace through its org; a workspace's own
        # install inside a Grid org is found by the workspace alone.
        enterprise = None
        first = (payload.get("authorizations") or [None])[0]
        if isinstance(first, dict) and first.get("is_enterprise_install"):
            found = first.get("enterprise_id") or payload.get("enterprise_id")
            enterprise = found if isinstance(found, str) else None
        bot = await self.installs.bot_for(team, enterprise)
        return (bot.bot_token or "") if bot is not None else ""

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

    async def start(self) -> None:
        """Nothing to open ahead: the Web API caller opens its session on first use."""

    async def stop(self) -> None:
        """Finish what was promised after acks, then close the Web API session."""
        await self.work.drain()
        self._executor.shutdown(wait=False)
        await self.web.aclose()

    def failure(self, error: Exception, body: dict[str, Any]) -> tuple[int, str]:
        """The status and text a request that failed answers: 503 when the database is
        unavailable (Slack retries), else 500 with the error logged."""
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

    def failed(self, error: Exception, body: dict[str, Any]) -> Response:
        """What a request that failed answers (outside Bolt: the fast path)."""
        status, text = self.failure(error, body)
        return PlainTextResponse(text, status_code=status)


def sweep_delivery(deps: Deps) -> SlackDelivery:
    """A SlackDelivery of its own (`loopkeeper sweep`): with OAuth installs, each workspace's
    token from the database."""
    if not deps.settings.slack_oauth:
        return SlackDelivery(deps)
    web = WebApi(deps.settings)
    installs = SlackInstalls(deps, SlackClient(web, wait_on_rate_limit=False))
    return SlackDelivery(deps, web, installs.token_for, owns_web=True)
