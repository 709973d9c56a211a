"""`serve` SIGKILLed in the middle of a burst of Slack events. Slack redelivers every event it
got no 200 for (X-Slack-Retry-Num 1..3); after a restart on the same port every event must be
stored exactly once: nothing lost with the process, nothing doubled by the retries.

Breakage this must catch (tests/mutations): "ack first, store later" (the 200 sent before the
message is stored). Slack never redelivers an event it got a 200 for, so the database is read
right after the kill, before anything is sent again: every acknowledged event must be there."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from tests.conftest import new_postgres_database
from tests.proof.harness import (
    Sent,
    Serve,
    SlackEvent,
    customer_messages,
    fake_slack,
    replay_like_slack,
    seed_customers,
    send_all,
)
from tests.proof.stored import stored_counts, stored_messages
from tests.support.slack_requests import TEAM

EVENTS = 600
KILL_AFTER = 200  # acknowledged events before the kill


async def burst_then_kill(serve: Serve, events: Sequence[SlackEvent]) -> list[Sent]:
    acked = 0

    def count(sent: Sent) -> None:
        nonlocal acked
        acked += sent.status == 200

    async def killer() -> None:
        while acked < KILL_AFTER:
            await asyncio.sleep(0.005)
        serve.kill()  # SIGKILL: no shutdown, no drain, requests in flight are cut

    sending = asyncio.ensure_future(send_all(serve.url, events, concurrency=16, on_sent=count))
    await asyncio.wait_for(killer(), 120)
    return await sending


@pytest.mark.slow
@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_sigkill_mid_burst_then_slack_retries_store_every_event_once(tmp_path, backend) -> None:  # noqa: ANN001
    url = f"sqlite:///{tmp_path / 'lk.db'}" if backend == "sqlite" else new_postgres_database()
    names = seed_customers(url, 50)
    events = customer_messages(EVENTS, names)
    with fake_slack() as api:
        first = Serve(url, api.url).start()
        try:
            sent = asyncio.run(burst_then_kill(first, events))
        finally:
            first.stop()
        acked_before = sum(1 for s in sent if s.status == 200)
        cut = sum(1 for s in sent if s.status == 0)
        assert KILL_AFTER <= acked_before < EVENTS, "the kill must land in the middle"
        assert cut > 0 and all(s.status in (0, 200) for s in sent), {s.status for s in sent}
        # A 200 is a promise: Slack will not send that event again.
        acked = {s.event.ts for s in sent if s.status == 200}
        acked_but_lost = acked - stored_messages(url, TEAM)

        second = Serve(url, api.url, port=first.port).start()
        try:
            rounds = replay_like_slack(second.url, events, sent)
            counts = stored_counts(url, TEAM)
            # Slack may also redeliver an event it did get a 200 for (a slow ack): a no-op.
            acked_events = [e for e in events if e.ts in acked][:KILL_AFTER]
            again = asyncio.run(send_all(second.url, acked_events, retry=1))
            assert all(s.status == 200 for s in again)
        finally:
            second.stop()
    lost = EVENTS - counts["stored"]
    print(
        f"\nSIGKILL of serve ({backend}): {EVENTS} events sent, {acked_before} acked before "
        f"the kill ({len(acked_but_lost)} of them not stored), {cut} cut or refused, retried "
        f"{rounds}; stored {counts['stored']}, duplicated {counts['duplicated']}, lost {lost}; "
        f"then {len(again)} redelivered after a 200"
    )
    assert sorted(acked_but_lost) == [], "acknowledged, then lost with the process"
    assert (counts["stored"], counts["duplicated"], lost) == (EVENTS, 0, 0)
    assert stored_counts(url, TEAM) == counts, "a redelivery after a 200 stored something"
