"""PostgreSQL stopped and started again while Slack events keep arriving. While it is down every
event is answered 5xx (so Slack retries it) and /healthz says so; when it is back the same
`serve` process recovers by itself; after Slack's retries every event is stored exactly once.

A dedicated PostgreSQL server: stopping the shared one would break other tests running now."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import aiohttp
import pytest

from tests.proof.harness import (
    Sent,
    Serve,
    customer_messages,
    fake_slack,
    replay_like_slack,
    seed_customers,
    send_all,
)
from tests.proof.stored import stored_counts
from tests.support.postgres import LocalPostgres, no_postgres, wait_for
from tests.support.slack_requests import TEAM

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

RATE = 100  # events a second, steady
EVENTS = 900  # 9 seconds of traffic
DOWN_AT, UP_AT = 2.5, 5.5  # seconds into the run


@pytest.fixture
def own_postgres() -> Iterator[LocalPostgres]:
    server = LocalPostgres()
    try:
        wait_for(server.start())
    except Exception as exc:  # noqa: BLE001 - no binaries here: say so, as the shared one does
        server.cleanup()
        no_postgres(f"no PostgreSQL server could be started: {exc}")
    yield server
    server.cleanup()


async def health(url: str) -> int:
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(url + "/healthz", timeout=aiohttp.ClientTimeout(5)) as answer:
                return answer.status
    except (TimeoutError, aiohttp.ClientError):
        return 0


async def run_with_outage(serve: Serve, server: LocalPostgres, events) -> tuple[list[Sent], dict]:  # noqa: ANN001
    seen: dict[str, object] = {}

    async def outage() -> None:
        await asyncio.sleep(DOWN_AT)
        await asyncio.to_thread(server.stop, "fast")
        await asyncio.sleep(0.5)
        seen["health while down"] = await health(serve.url)
        await asyncio.sleep(UP_AT - DOWN_AT - 0.5)
        await asyncio.to_thread(server.resume)
        back = time.perf_counter()
        while await health(serve.url) != 200:
            await asyncio.sleep(0.05)
        seen["recovered in s"] = round(time.perf_counter() - back, 2)

    sent, _ = await asyncio.gather(send_all(serve.url, events, concurrency=8, rate=RATE), outage())
    return sent, seen


def test_database_down_means_5xx_then_recovery_and_nothing_lost(tmp_path, own_postgres) -> None:  # noqa: ANN001
    url = own_postgres.url
    names = seed_customers(url, 50)
    events = customer_messages(EVENTS, names)
    with fake_slack() as api:
        serve = Serve(url, api.url).start()
        try:
            sent, seen = asyncio.run(run_with_outage(serve, own_postgres, events))
            statuses = sorted({s.status for s in sent})
            failed = [s for s in sent if s.status != 200]
            rounds = replay_like_slack(serve.url, events, sent)
            assert serve.process is not None and serve.process.poll() is None, "never restarted"
        finally:
            serve.stop()
    counts = stored_counts(url, TEAM)
    lost = EVENTS - counts["stored"]
    late_ok = sum(1 for s in sent if s.status == 200 and s.at > UP_AT + seen["recovered in s"])
    print(
        f"\nPostgreSQL down {UP_AT - DOWN_AT:.0f} s under {RATE} events/s: {EVENTS} sent, "
        f"{len(failed)} answered {sorted({s.status for s in failed})} while it was down, "
        f"/healthz {seen['health while down']} while down, recovered "
        f"{seen['recovered in s']} s after it came back ({late_ok} acked after); Slack "
        f"retries {rounds}; stored {counts['stored']}, duplicated {counts['duplicated']}, "
        f"lost {lost}"
    )
    assert seen["health while down"] == 503
    assert failed and all(500 <= s.status < 600 for s in failed), statuses
    assert late_ok > 0, "the same process takes events again once the database is back"
    assert (counts["stored"], counts["duplicated"], lost) == (EVENTS, 0, 0)
