"""Two `serve` replicas on one PostgreSQL database. Slack delivers each event to one of them and
its retry may land on the other at the same moment: every event is stored exactly once.

Breakage this must catch (tests/mutations): the unique keys on processed events and captured
messages dropped, with a look-then-insert in their place. A look-then-insert holds when the
copies arrive one after the other, so each event's two copies leave together, one to each
replica, and the test asks that some of them really overlapped on the server side."""

from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest

from tests.conftest import new_postgres_database
from tests.proof.harness import Serve, SlackEvent, customer_messages, fake_slack, seed_customers
from tests.proof.stored import stored_counts
from tests.support.slack_requests import TEAM

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

EVENTS = 400
PAIRS_AT_ONCE = 8


async def both_at_once(
    first: Serve, second: Serve, events: list[SlackEvent]
) -> list[tuple[int, int, float, float]]:
    """Each event to both replicas at the same moment (the second copy as Slack's retry):
    per event (status from the first, status from the second, seconds between their answers,
    seconds the slower of the two took)."""
    prepared = []
    for event in events:
        body = event.body()
        prepared.append((body, event.headers(body), event.headers(body, retry=1)))
    queue: asyncio.Queue = asyncio.Queue()
    for item in prepared:
        queue.put_nowait(item)
    results: list[tuple[int, int, float, float]] = []
    connector = aiohttp.TCPConnector(limit=2 * PAIRS_AT_ONCE)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, float]:
            async with session.post(url + "/slack/events", data=body, headers=headers) as answer:
                await answer.read()
                return answer.status, time.perf_counter()

        async def pairs() -> None:
            while not queue.empty():
                body, headers, retry_headers = queue.get_nowait()
                started = time.perf_counter()
                (a, a_at), (b, b_at) = await asyncio.gather(
                    post(first.url, body, headers), post(second.url, body, retry_headers)
                )
                results.append((a, b, abs(a_at - b_at), max(a_at, b_at) - started))

        await asyncio.gather(*(pairs() for _ in range(PAIRS_AT_ONCE)))
    return results


def test_two_replicas_receiving_the_same_events_store_each_once() -> None:
    url = new_postgres_database()
    names = seed_customers(url, 50)
    events = customer_messages(EVENTS, names)
    with fake_slack() as api:
        first, second = Serve(url, api.url).start(), Serve(url, api.url).start()
        try:
            answered = asyncio.run(both_at_once(first, second, events))
        finally:
            first.stop()
            second.stop()
        reactions = len(api.answered("reactions.add"))
    statuses = {status for a, b, _, _ in answered for status in (a, b)}
    gaps = sorted(gap for _, _, gap, _ in answered)
    took = sorted(slower for _, _, _, slower in answered)
    counts = stored_counts(url, TEAM)
    lost = EVENTS - counts["stored"]
    gap_ms, pair_ms = gaps[len(gaps) // 2] * 1000, took[len(took) // 2] * 1000
    print(
        f"\ntwo replicas, one PostgreSQL: {EVENTS} events, each sent to both at the same moment "
        f"({2 * len(answered)} deliveries, answers {sorted(statuses)}, median gap between the "
        f"two answers {gap_ms:.1f} ms, a pair's {pair_ms:.1f} ms); stored {counts['stored']}, "
        f"duplicated {counts['duplicated']}, lost {lost}; {reactions} reactions added"
    )
    assert len(answered) == EVENTS and statuses == {200}
    # The copies met: in most pairs the two answers came closer together than one request
    # lasts, so the replicas handled them side by side, not one after the other.
    assert gaps[len(gaps) // 2] < 0.5 * took[len(took) // 2], (gaps, took)
    assert (counts["stored"], counts["duplicated"], lost) == (EVENTS, 0, 0)
    assert reactions == EVENTS, "one reaction per captured message, not one per delivery"
