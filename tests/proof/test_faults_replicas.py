"""Two `serve` replicas on one PostgreSQL database. Slack delivers each event to one of them and
its retry may land on the other at the same moment: every event is stored exactly once."""

from __future__ import annotations

import asyncio

import pytest

from tests.conftest import new_postgres_database
from tests.proof.harness import Serve, customer_messages, fake_slack, seed_customers, send_all
from tests.proof.stored import stored_counts
from tests.support.slack_requests import TEAM

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

EVENTS = 400


async def both_at_once(first: Serve, second: Serve, events) -> tuple[list, list]:  # noqa: ANN001
    # Half the events go to each replica first; every one is redelivered to the other at once.
    a, b = events[::2], events[1::2]
    return await asyncio.gather(
        send_all(first.url, a + b, concurrency=8),
        send_all(second.url, b + a, concurrency=8, retry=1),
    )


def test_two_replicas_receiving_the_same_events_store_each_once() -> None:
    url = new_postgres_database()
    names = seed_customers(url, 50)
    events = customer_messages(EVENTS, names)
    with fake_slack() as api:
        first, second = Serve(url, api.url).start(), Serve(url, api.url).start()
        try:
            to_first, to_second = asyncio.run(both_at_once(first, second, events))
        finally:
            first.stop()
            second.stop()
        reactions = len(api.answered("reactions.add"))
    statuses = {s.status for s in to_first + to_second}
    counts = stored_counts(url, TEAM)
    lost = EVENTS - counts["stored"]
    print(
        f"\ntwo replicas, one PostgreSQL: {EVENTS} events each sent to both at once "
        f"({len(to_first) + len(to_second)} deliveries, answers {sorted(statuses)}); stored "
        f"{counts['stored']}, duplicated {counts['duplicated']}, lost {lost}; "
        f"{reactions} reactions added"
    )
    assert statuses == {200}
    assert (counts["stored"], counts["duplicated"], lost) == (EVENTS, 0, 0)
    assert reactions == EVENTS, "one reaction per captured message, not one per delivery"
