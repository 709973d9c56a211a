"""Marking captured messages (reactions.add) after the acks, as lean as a Web API call gets.

Every captured channel message earns a reaction, so this is the busiest Web API call. It goes
through one shared aiohttp session straight to SLACK_API_URL (no SDK request building per call),
from a queue drained by at most a few senders that run after the acks: a burst of events is
acknowledged first, its reactions follow. Slack's answers are honoured as the SDK client does:
a 429 waits its Retry-After and is sent again (nothing dropped), a dropped connection is tried
again twice, `already_reacted` is success (a retry found it done), anything else is logged.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable

import aiohttp

from bot.platforms.slack.client import RATE_LIMIT_RETRIES, retry_after
from bot.platforms.slack.work import AFTER_ACK, Work

log = logging.getLogger(__name__)

CONNECTION_RETRIES = 2


class ReactionFailed(Exception):
    """Slack refused a reaction (not a 429: those are waited out)."""


class Reactions:
    """`add(channel, ts, name)` queues a reaction; senders started on `work` deliver it."""

    def __init__(
        self,
        base_url: str,
        token: str,
        session: Callable[[], aiohttp.ClientSession],
        work: Work,
        senders: int = AFTER_ACK,
    ) -> None:
        self.url = base_url.rstrip("/") + "/reactions.add"
        self._headers = {"Authorization": f"Bearer {token}"}
        self._session, self._work, self._most = session, work, senders
        self._queue: deque[tuple[str, str, str]] = deque()
        self._senders = 0

    def add(self, channel: str, ts: str, name: str) -> None:
        self._queue.append((channel, ts, name))
        if self._senders < self._most:
            self._senders += 1
            self._work.later(self._drain())

    @property
    def waiting(self) -> int:
        return len(self._queue)

    async def _drain(self) -> None:
        try:
            while self._queue:
                channel, ts, name = self._queue.popleft()
                try:
                    await self.send(channel, ts, name)
                except (ReactionFailed, aiohttp.ClientError, TimeoutError) as exc:
                    log.warning("reactions.add on %s %s failed: %r", channel, ts, exc)
                except Exception:  # noqa: BLE001 - one bad answer must not stop the others
                    log.exception("reactions.add on %s %s failed", channel, ts)
        finally:
            self._senders -= 1

    async def send(self, channel: str, ts: str, name: str) -> None:
        """One reaction, with Slack's 429s waited out and dropped connections tried again."""
        form = {"channel": channel, "timestamp": ts, "name": name}
        waits = reconnects = 0
        while True:
            try:
                async with self._session().post(self.url, data=form, headers=self._headers) as r:
                    if r.status == 429 and waits < RATE_LIMIT_RETRIES:
                        waits += 1
                        wait = retry_after(r.headers)
                        log.info("Slack rate limit on reactions.add: retrying in %.1fs", wait)
                        await asyncio.sleep(wait)
                        continue
                    answer = await r.json(content_type=None) if r.status < 500 else None
                    status = r.status
            except aiohttp.ClientConnectionError:
                if reconnects >= CONNECTION_RETRIES:
                    raise
                reconnects += 1
                continue
            if isinstance(answer, dict) and (
                answer.get("ok") or answer.get("error") == "already_reacted"
            ):
                return
            error = answer.get("error") if isinstance(answer, dict) else None
            raise ReactionFailed(f"HTTP {status}, {error or 'no answer'}")
