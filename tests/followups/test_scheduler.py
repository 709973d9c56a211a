"""The scheduler only triggers sweeps: started on the server's event loop, it sends what the
database says is due, at once and then every LOOPKEEPER_SWEEP_SECONDS, and stops cleanly."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from apscheduler.events import EVENT_JOB_EXECUTED

from bot.wiring.scheduler import chat_deliveries, start
from handlers.context import Deps
from tests.conftest import make_settings
from tests.followups.helpers import acme, bob, run
from tests.followups.recording import RecordingDelivery


async def wait_until(check, seconds: float = 10.0) -> None:  # noqa: ANN001
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("timed out")


async def test_sweeps_run_at_start_and_then_every_interval(sqlite_deps) -> None:  # noqa: ANN001
    deps = Deps(
        sqlite_deps.engine,
        make_settings(sqlite_deps.settings.database_url, LOOPKEEPER_SWEEP_SECONDS="1"),
        sqlite_deps.clock,
    )
    acme(deps)
    run(deps, bob, "commit ACME: ship SSO by today 5pm")
    deps.clock.set(datetime(2026, 11, 24, 17, 0, tzinfo=UTC))
    delivery = RecordingDelivery()
    scheduler = start(deps, {"console": delivery})
    sweeps: list[int] = []  # sweeps finished, counted as the scheduler reports them
    scheduler.add_listener(lambda event: sweeps.append(1), EVENT_JOB_EXECUTED)
    try:
        await wait_until(lambda: len(delivery.sent) == 1)  # the first sweep runs at once
        run(deps, bob, "commit ACME: call back by today 5:30pm")
        deps.clock.set(datetime(2026, 11, 24, 17, 30, tzinfo=UTC))
        await wait_until(lambda: len(delivery.sent) == 2)  # the next one, a second later
        after = len(sweeps)
        await wait_until(lambda: len(sweeps) >= after + 2)  # two more full sweeps, however long
        assert len(delivery.sent) == 2  # nothing is sent twice however often it sweeps
    finally:
        scheduler.shutdown()
    assert [s.reply.text.split(" for")[0] for s in delivery.sent] == ["⏰ #1", "⏰ #2"]


def test_a_server_does_not_sweep_for_the_console(sqlite_deps) -> None:  # noqa: ANN001
    assert "console" not in chat_deliveries(sqlite_deps)
