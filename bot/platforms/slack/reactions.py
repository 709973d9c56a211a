"""Marking captured messages (reactions.add) after the acks.

Every captured channel message earns a reaction, so this is the busiest Web API call. It goes
through the one Web API caller (client.WebApi: the shared session, its retry rule: 429s waited
out for as long as Slack asks, dropped connections tried again), from a queue drained by at most
a few senders that run after the acks: a burst of events is acknowledged first, its reactions
follow. `already_reacted` is success (a retry found it done); anything else is logged.
"""

from __future__ import annotations

import logging
from collections import deque

import aiohttp
from slack_sdk.errors import SlackApiError

from bot.core.ports import RateLimited
from bot.platforms.slack.ack_budget import AFTER_ACK, AckBudget
from bot.platforms.slack.client import WebApi, current_token

log = logging.getLogger(__name__)


class Reactions:
    """`add(channel, ts, name)` queues a reaction; senders started on `work` deliver it."""

    def __init__(self, web: WebApi, work: AckBudget, senders: int = AFTER_ACK) -> None:
        self._web, self._work, self._most = web, work, senders
        # (channel, ts, name, the workspace's token: a sender may drain another request's)
        self._queue: deque[tuple[str, str, str, str | None]] = deque()
        self._senders = 0

    def add(self, channel: str, ts: str, name: str) -> None:
        self._queue.append((channel, ts, name, current_token.get()))
        if self._senders < self._most:
            self._senders += 1
            self._work.later(self._drain())

    @property
    def waiting(self) -> int:
        return len(self._queue)

    async def _drain(self) -> None:
        try:
            while self._queue:
                channel, ts, name, token = self._queue.popleft()
                try:
                    await self.send(channel, ts, name, token)
                except (SlackApiError, RateLimited, aiohttp.ClientError, TimeoutError) as exc:
                    log.warning("reactions.add on %s %s failed: %r", channel, ts, exc)
                except Exception:  # noqa: BLE001 - one bad answer must not stop the others
                    log.exception("reactions.add on %s %s failed", channel, ts)
        finally:
            self._senders -= 1

    async def send(self, channel: str, ts: str, name: str, token: str | None = None) -> None:
        """One reaction; a reaction already there (a retry found it done) is success."""
        form: dict[str, object] = {"channel": channel, "timestamp": ts, "name": name}
        try:
            await self._web.call("reactions.add", form, wait=True, token=token)
        except SlackApiError as exc:
            if exc.response.get("error") != "already_reacted":
                raise
