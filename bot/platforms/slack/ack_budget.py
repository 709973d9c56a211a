"""Slack's 3-second ack: decide within a budget, tell people after the ack.

A request first does what must not be lost (the database work, keyed so a retry is a no-op).
If that finishes within the budget, its outcome decides the response: a database failure fails
the request (5xx) so Slack retries it. If the database is slow, the request is acknowledged
anyway and the work finishes afterwards, retried here when the database fails late.
Web API calls (reactions, ephemeral messages, views) always run after the ack.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import sqlalchemy.exc

log = logging.getLogger(__name__)

T = TypeVar("T")
ACK_BUDGET_SECONDS = 2.0
LATE_RETRY_DELAYS = (1.0, 5.0, 30.0)
AFTER_ACK = 8  # Web API exchanges in flight after acks


class Late:
    """The work did not finish within the budget: ack now, the rest happens afterwards."""

    def __repr__(self) -> str:
        return "LATE"


LATE = Late()


def database_error(exc: BaseException) -> bool:
    """The database failed (down, timed out, locked): the request should be retried."""
    return isinstance(exc, sqlalchemy.exc.SQLAlchemyError)


class AckBudget:
    """Runs each request's decision within the ack budget and everything else after it."""

    def __init__(self, budget: float = ACK_BUDGET_SECONDS, after_ack: int = AFTER_ACK) -> None:
        self.budget = budget
        self._tasks: set[asyncio.Future[Any]] = set()
        # Web API calls after acks wait their turn: a burst of events is acknowledged first.
        self._after_ack = asyncio.Semaphore(after_ack)

    async def before_ack(
        self,
        decide: Callable[[], Awaitable[T]],
        late: Callable[[T], Awaitable[None]] | None = None,
        retry_late: bool = True,
    ) -> T | Late:
        """The decision, or LATE when it takes longer than the budget.

        An error within the budget propagates (the request fails). When late, `late` gets the
        result once it is there; `retry_late` decisions are idempotent and tried again if the
        database fails after the ack.
        """
        task = asyncio.ensure_future(decide())
        done, _ = await asyncio.wait({task}, timeout=self.budget)
        if task in done:
            return task.result()
        self.later(self._finish_late(task, decide, late, retry_late))
        return LATE

    async def decide_then(
        self,
        decide: Callable[[], Awaitable[T]],
        tell: Callable[[T], Awaitable[None]] | None,
        retry_late: bool = True,
        background: bool = False,
    ) -> T | Late:
        """Decide within the budget, then `tell` (Web API calls) after the ack, in time or late."""
        outcome = await self.before_ack(decide, tell, retry_late)
        if not isinstance(outcome, Late) and tell is not None:
            self.later(tell(outcome), background)
        return outcome

    async def _finish_late(
        self,
        task: asyncio.Future[T],
        decide: Callable[[], Awaitable[T]],
        late: Callable[[T], Awaitable[None]] | None,
        retry_late: bool,
    ) -> None:
        delays = list(LATE_RETRY_DELAYS) if retry_late else []
        while True:
            try:
                result = await task
                break
            except Exception as exc:
                if not database_error(exc) or not delays:
                    raise
                delay = delays.pop(0)
                log.warning(
                    "database failed after the ack (%s); trying again in %ss",
                    type(exc).__name__,
                    delay,
                )
                await asyncio.sleep(delay)
                task = asyncio.ensure_future(decide())
        if late is not None:
            await late(result)

    def later(self, work: Awaitable[Any], background: bool = False) -> None:
        """Run after the ack; failures are logged with their traceback, never swallowed.

        `background` work (marking captured messages) takes turns, at most AFTER_ACK at once, so
        a burst of events is acknowledged first; what someone waits for (a modal to open, an
        answer) does not queue behind it.
        """
        task = asyncio.ensure_future(self._logged(work, background))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _logged(self, work: Awaitable[Any], background: bool) -> None:
        try:
            if background:
                async with self._after_ack:
                    await work
            else:
                await work
        except Exception:
            log.exception("work after the ack failed")

    @property
    def pending(self) -> int:
        return len(self._tasks)

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait for the work after acks (shutdown, tests); what is still running is logged."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._tasks:
            left = deadline - loop.time()
            if left <= 0:
                log.warning("%d replies still being sent at shutdown", len(self._tasks))
                return
            await asyncio.wait(set(self._tasks), timeout=left)
