"""One ticket linked to loops and feedback of five customers ships: five owners are nudged by
the next sweeps, and each loop closes only when its customer has been told."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlmodel import select

from handlers import commands
from storage.models import Loop
from tests.conftest import person
from tests.followups.helpers import run_until
from tests.followups.recording import RecordingDelivery
from tests.support import tracker_webhooks as tw

CUSTOMERS = ["Acme", "Globex", "Initech", "Umbrella", "Hooli"]
OWNERS = ["ann", "ben", "cat", "dan", "eve"]


def run(deps, who: str, text: str) -> str:  # noqa: ANN001
    reply = commands.run(deps, person(who), text)
    assert not reply.error, reply.text
    return reply.plain()


def test_five_customers_told_one_by_one(db_url, clock) -> None:  # noqa: ANN001
    deps = tw.tracker_deps(db_url, clock)
    for name, owner in zip(CUSTOMERS, OWNERS, strict=True):
        run(deps, owner, f"customer add {name} value 10k owner @{owner}")
    run(deps, "ann", "commit Acme: stream the CSV export")  # #1, linked as a loop
    run(deps, "ben", "commit Globex: stream the CSV export")  # #2, linked as a loop
    for n, name in enumerate(CUSTOMERS, start=1):
        run(deps, "zoe", f"feedback {name}: the CSV export times out")  # feedback 1..5
        run(deps, "zoe", f"link feedback {n} acme/app#12")
    run(deps, "ann", "link 1 acme/app#12")
    run(deps, "ann", "link 2 acme/app#12")
    assert "5 customers, 50,000 in annual value at stake" in run(deps, "ann", "ticket acme/app#12")

    raw, headers = tw.signed("github", tw.github_issue(12))

    async def ship() -> dict:
        async with tw.client(deps) as http:
            return (await http.post("/webhooks/github", content=raw, headers=headers)).json()

    assert asyncio.run(ship())["tell_loops"] == 3  # Acme and Globex had loops of their own
    delivery = RecordingDelivery()
    lines = run_until(deps, delivery, clock.now() + timedelta(days=2))
    nudged = {line.split(" to @")[1].split(" ")[0] for line in lines}
    assert nudged == set(OWNERS), lines
    assert all("tell the customer" in line for line in lines)
    with deps.uow() as uow:
        loops = {lp.number: lp for lp in uow.session.exec(select(Loop))}
    assert {lp.state for lp in loops.values()} == {"done"}  # shipped, nobody told yet
    assert sorted(lp.what for lp in loops.values() if lp.number > 2) == [
        "Tell Hooli: Faster CSV export shipped",
        "Tell Initech: Faster CSV export shipped",
        "Tell Umbrella: Faster CSV export shipped",
    ]

    for number, lp in loops.items():
        if number != 5:
            run(deps, lp.owner, f"told {number} emailed them")
    delivery.sent.clear()
    later = run_until(deps, delivery, clock.now() + timedelta(days=2))
    last = loops[5].owner
    assert later and {line.split(" to @")[1].split(" ")[0] for line in later} == {last}
    run(deps, last, "told 5 called them")
    with deps.uow() as uow:
        assert {lp.state for lp in uow.session.exec(select(Loop))} == {"closed"}
    assert run_until(deps, delivery, clock.now() + timedelta(days=3)) == []
    deps.engine.dispose()
