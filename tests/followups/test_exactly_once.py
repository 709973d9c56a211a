"""Each nudge slot is sent once: two sweepers at the same moment on one database, a sweeper
that stops half-way (its slots resumed after the lease), a sweeper whose lease ran out."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter

import pytest

from bot.wiring.sweeper import LEASE, sweep
from handlers import sweep as followups
from handlers.context import Deps
from storage.db import make_engine
from tests.conftest import make_settings
from tests.followups.helpers import acme, alice, nudge_rows, run, sweep_now
from tests.followups.recording import LookupDelivery, RecordingDelivery

OWNERS = 12


def many_loops(deps: Deps, count: int) -> None:
    acme(deps)
    for number in range(count):
        run(deps, alice, f"commit ACME: task {number} owner @user{number % OWNERS} by Thursday 5pm")


def twins(deps: Deps) -> tuple[Deps, Deps]:
    """Two sweepers: the same database and clock, each with its own connections."""
    url = deps.settings.database_url
    return tuple(
        Deps(make_engine(url), make_settings(url), deps.clock)  # type: ignore[return-value]
        for _ in range(2)
    )


def sweep_together(sweepers: tuple[Deps, Deps], delivery: RecordingDelivery) -> list[list[str]]:
    """Both sweepers at once (threads released together); the lines each printed."""
    start = threading.Barrier(len(sweepers))
    lines: list[list[str]] = [[] for _ in sweepers]

    def one(index: int) -> None:
        start.wait()
        lines[index] = asyncio.run(sweep(sweepers[index], {"console": delivery}))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(sweepers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return lines


@pytest.mark.slow
def test_two_sweepers_at_the_same_moment_send_each_slot_once(deps, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr("bot.wiring.sweeper.BATCH", 4)  # small claims, so the two interleave
    many_loops(deps, 40)
    delivery = LookupDelivery(delay=0.002)  # slow enough that both sweepers overlap
    sweepers = twins(deps)
    lines, by_sweeper = [], [0, 0]
    for _ in range(7 * 24 // 3):  # every three hours through to the following Tuesday
        for index, printed in enumerate(sweep_together(sweepers, delivery)):
            lines += printed
            by_sweeper[index] += len(printed)
        deps.clock.advance(hours=3)
    assert min(by_sweeper) > 10, by_sweeper  # both did a share of the work
    keys = delivery.keys()
    assert len(keys) == len(set(keys)), [k for k, n in Counter(keys).items() if n > 1]
    assert len(lines) == len(keys)
    # Every loop got its reminder, its at-due nudge, two overdue nudges and an escalation.
    per_loop = Counter(key.split(":")[1] for key in keys)
    assert len(per_loop) == 40 and set(per_loop.values()) == {5}
    assert sum("escalation" in line for line in lines) == 40
    assert {row.status for row in nudge_rows(deps)} == {"sent"}
    for extra in sweepers:
        extra.engine.dispose()


def claim_all(deps: Deps) -> list[followups.Outgoing]:
    return followups.claim_due(deps, ["console"], deps.clock.now(), LEASE, 100).messages


def test_a_sweep_that_stopped_half_way_is_resumed_after_its_lease(sqlite_deps) -> None:  # noqa: ANN001
    deps = sqlite_deps
    many_loops(deps, 8)
    deps.clock.advance(days=2, hours=8)  # Thursday 17:00: all due
    held = claim_all(deps)
    assert len(held) == 8
    # The sweeper marked four as being sent; two of those reached the platform; then it died.
    now = deps.clock.now()
    assert followups.settle(deps, now, sending=held[:4]) == {m.nudge_id for m in held[:4]}
    delivery = LookupDelivery()
    for item in held[:2]:
        asyncio.run(delivery.send_dm(item.workspace, item.to_user or "", item.reply))
    deps.clock.advance(minutes=1)
    assert sweep_now(deps, delivery) == []  # within the lease nobody else touches them
    deps.clock.advance(seconds=LEASE.total_seconds())
    lines = sweep_now(deps, delivery)
    assert len(lines) == 6  # the two never sent and the four never tried
    assert sorted(Counter(delivery.keys()).values()) == [1] * 8
    assert {row.status for row in nudge_rows(deps)} == {"sent"}


def test_without_a_way_to_look_a_maybe_sent_nudge_is_not_sent_twice(sqlite_deps) -> None:  # noqa: ANN001
    deps = sqlite_deps
    many_loops(deps, 4)
    deps.clock.advance(days=2, hours=8)
    held = claim_all(deps)
    followups.settle(deps, deps.clock.now(), sending=held[:1])  # tried, then the process died
    deps.clock.advance(seconds=LEASE.total_seconds() + 60)
    delivery = RecordingDelivery()  # cannot say what it sent before
    assert len(sweep_now(deps, delivery)) == 3  # at most once: the maybe-sent one is not resent
    assert held[0].reply.key not in delivery.keys()
    assert {row.status for row in nudge_rows(deps)} == {"sent"}  # nothing left stuck


def test_a_sweeper_whose_lease_ran_out_cannot_send_anymore(sqlite_deps) -> None:  # noqa: ANN001
    deps = sqlite_deps
    many_loops(deps, 2)
    deps.clock.advance(days=2, hours=8)
    late = claim_all(deps)  # this sweeper stalls (a long GC pause, a frozen VM)
    deps.clock.advance(seconds=LEASE.total_seconds() + 1)
    delivery = RecordingDelivery()
    assert len(sweep_now(deps, delivery)) == 2  # another sweeper took over and sent them
    assert followups.settle(deps, deps.clock.now(), sending=late) == set()  # fenced off
    assert len(delivery.sent) == 2
