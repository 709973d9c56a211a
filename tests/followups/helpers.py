"""Shared steps for sweep tests: set up a customer, run sweeps while the clock moves."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from sqlmodel import select

from bot.core.clock import FixedClock
from bot.core.ports import Delivery
from bot.wiring.sweeper import sweep
from handlers import commands
from handlers.context import Deps
from storage.models import Loop, LoopEvent, Nudge
from tests.conftest import person

alice, bob, carol, admin = person("alice"), person("bob"), person("carol"), person("admin")


def run(deps: Deps, who, text: str):  # noqa: ANN001, ANN201
    reply = commands.run(deps, who, text)
    assert not reply.error, reply.text
    return reply


def acme(deps: Deps, segment: str = "enterprise") -> None:
    run(
        deps,
        alice,
        f"customer add Acme Corp aliases ACME segment {segment} value 120k owner @alice",
    )


def sweep_now(deps: Deps, delivery: Delivery) -> list[str]:
    return asyncio.run(sweep(deps, {delivery.platform: delivery}))


def run_until(
    deps: Deps, delivery: Delivery, end: datetime, step: timedelta = timedelta(hours=1)
) -> list[str]:
    """A sweep every `step` until `end`: 'Tue 01 Dec 08:00 <line>' for each message sent."""
    clock = deps.clock
    assert isinstance(clock, FixedClock)
    out = []
    while clock.now() <= end:
        for line in sweep_now(deps, delivery):
            out.append(f"{clock.now():%a %d %b %H:%M} {line}")
        clock.advance(seconds=step.total_seconds())
    return out


def loop_row(deps: Deps, number: int = 1) -> Loop:
    with deps.uow() as uow:
        found = uow.session.exec(select(Loop).where(Loop.number == number)).one()
        uow.session.expunge(found)
        return found


def nudge_rows(deps: Deps) -> list[Nudge]:
    with deps.uow() as uow:
        rows = list(uow.session.exec(select(Nudge).order_by(Nudge.id)).all())
        for row in rows:
            uow.session.expunge(row)
        return rows


def history_kinds(deps: Deps, number: int = 1) -> list[str]:
    with deps.uow() as uow:
        loop = uow.session.exec(select(Loop).where(Loop.number == number)).one()
        return [
            e.kind
            for e in uow.session.exec(
                select(LoopEvent).where(LoopEvent.loop_id == loop.id).order_by(LoopEvent.id)
            ).all()
        ]
