"""APScheduler only triggers: a sweep every LOOPKEEPER_SWEEP_SECONDS (nudges, escalations and
the digests whose time has come). What is due lives in the database, so a restart, a second
replica or a cron `loopkeeper sweep` change nothing about what gets sent, or how often."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.core.clock import SystemClock
from bot.core.ports import Delivery
from bot.wiring.bootstrap import chat_deliveries, close_deliveries
from bot.wiring.sweeper import sweep
from handlers.context import Deps

log = logging.getLogger(__name__)


@dataclass
class SweepWatch:
    """Since when the running sweep has been running, so /healthz can tell a stuck one (a stuck
    sweep makes the scheduler skip every later run: nobody is nudged, silently)."""

    running_since: float | None = None  # time.monotonic() when it started; None when idle

    def stuck_for(self) -> float:
        """Seconds the current sweep has been running (0 when none is)."""
        return 0.0 if self.running_since is None else time.monotonic() - self.running_since


def stuck_after(deps: Deps) -> float:
    """How long a sweep may run before the server says it is unhealthy."""
    return max(300.0, 10.0 * deps.settings.sweep_seconds)


async def run_sweep(
    deps: Deps, deliveries: dict[str, Delivery], watch: SweepWatch | None = None
) -> list[str]:
    """One scheduled sweep; a failure is logged and the next sweep resumes what was left."""
    if watch is not None:
        watch.running_since = time.monotonic()
    try:
        lines = await sweep(deps, deliveries)
    except Exception:  # noqa: BLE001 - leases run out and the next sweep picks it up
        log.exception("sweep failed; the next one resumes what was left")
        return []
    finally:
        if watch is not None:
            watch.running_since = None
    if lines:  # the lines quote customers and loops: only their count at INFO
        log.info("sweep sent %d messages", len(lines))
    for line in lines:
        log.debug("sent %s", line)
    return lines


def start(
    deps: Deps,
    deliveries: dict[str, Delivery] | None = None,
    watch: SweepWatch | None = None,
) -> AsyncIOScheduler:
    """Start sweeping on the running event loop, at once and then every sweep_seconds.

    One sweep at a time (a slow one is not overtaken); missed runs collapse into one.
    Returns the started scheduler; call `.shutdown()` when the server stops.
    """
    scheduler = AsyncIOScheduler(timezone=UTC)
    scheduler.add_job(
        run_sweep,
        IntervalTrigger(seconds=deps.settings.sweep_seconds, timezone=UTC),
        args=[deps, deliveries if deliveries is not None else chat_deliveries(deps), watch],
        id="sweep",
        name="follow-up sweep",
        max_instances=1,
        coalesce=True,
        misfire_grace_time=None,
        next_run_time=SystemClock().now(),  # APScheduler keeps real time; the sweep asks deps
    )
    scheduler.start()
    log.info("sweeping for nudges and digests every %ss", deps.settings.sweep_seconds)
    return scheduler


async def stop(scheduler: AsyncIOScheduler) -> None:
    """Stop sweeping and close what the sweeps' deliveries hold open (their HTTP sessions)."""
    job = scheduler.get_job("sweep")
    deliveries: dict[str, Delivery] = job.args[1] if job is not None else {}
    scheduler.shutdown()
    await close_deliveries(deliveries.values())
