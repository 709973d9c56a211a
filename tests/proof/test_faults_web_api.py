"""The Slack Web API answering 429 (with Retry-After) and 500 in bursts, while events arrive and
while a sweep sends nudges. Events are still acknowledged and stored once; 429s are waited out;
every nudge arrives exactly once, however many sweeps it takes. On SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import new_postgres_database
from tests.proof.harness import (
    Serve,
    customer_messages,
    fake_slack,
    seed_customers,
    seed_loops,
    send_all,
    sweep_until_quiet,
)
from tests.proof.stored import stored_counts
from tests.proof.test_faults_sweep import nudge_keys, nudge_statuses
from tests.support.fake_slack import FakeSlack
from tests.support.slack_requests import TEAM

pytestmark = pytest.mark.slow
BACKENDS = pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)


def database(tmp_path, backend: str) -> str:  # noqa: ANN001
    return f"sqlite:///{tmp_path / 'lk.db'}" if backend == "sqlite" else new_postgres_database()


class Bursts(threading.Thread):
    """Every `every` calls of `method`, the next `length` fail: 429 (Retry-After 1 s) and 500
    in turn. Stops injecting when the calls stop, so no failure is left waiting for later."""

    def __init__(self, api: FakeSlack, method: str, every: int = 40, length: int = 4) -> None:
        super().__init__(daemon=True)
        self.api, self.method, self.every, self.length = api, method, every, length
        self.stop, self.injected = threading.Event(), Counter()

    def run(self) -> None:
        mark, status = 0, 429
        while not self.stop.wait(0.005):
            calls = len(self.api.calls(self.method))
            if calls - mark >= self.every:
                self.api.fail_next(
                    self.method, status, retry_after=1 if status == 429 else None, times=self.length
                )
                self.injected[status] += self.length
                mark, status = calls, 500 if status == 429 else 429

    def failures(self) -> Counter[int]:
        """The failures actually answered, by status."""
        return Counter(
            int(c.params["_failed"]) for c in self.api.calls(self.method) if c.params.get("_failed")
        )


@BACKENDS
def test_events_are_acked_and_stored_once_while_reactions_fail_in_bursts(tmp_path, backend) -> None:  # noqa: ANN001
    url = database(tmp_path, backend)
    events = customer_messages(400, seed_customers(url, 50))
    with fake_slack() as api:
        bursts = Bursts(api, "reactions.add")
        bursts.start()
        serve = Serve(url, api.url).start()
        try:
            sent = asyncio.run(send_all(serve.url, events, concurrency=8, rate=150))
            deadline = time.monotonic() + 30  # reactions go after the ack; 429s wait 1 s
            failed = bursts.failures()
            while len(api.answered("reactions.add")) + failed[500] < len(events):
                assert time.monotonic() < deadline, (len(api.answered("reactions.add")), failed)
                time.sleep(0.1)
                failed = bursts.failures()
        finally:
            bursts.stop.set()
            serve.stop()
        reactions = len(api.answered("reactions.add"))
    counts = stored_counts(url, TEAM)
    statuses = Counter(s.status for s in sent)
    print(
        f"\nWeb API bursts while {len(events)} events arrive: acks {dict(statuses)}; "
        f"reactions.add answered {dict(failed)} in bursts; {reactions} reactions added "
        f"({failed[500]} lost to a 500, none to a 429); stored {counts['stored']}, "
        f"duplicated {counts['duplicated']}, lost {len(events) - counts['stored']}"
    )
    assert failed[429] > 0 and failed[500] > 0
    assert statuses == Counter({200: len(events)})
    assert (counts["stored"], counts["duplicated"]) == (len(events), 0)
    # Every 429 was waited out and tried again; a 500 costs the reaction, never the feedback.
    assert reactions == len(events) - failed[500]


def waiting(url: str) -> int:
    """Slots a failed try left for a retry."""
    return sum(n for status, n in nudge_statuses(url).items() if status in ("claimed", "sending"))


@BACKENDS
def test_every_nudge_arrives_once_while_the_web_api_fails_in_bursts(tmp_path, backend) -> None:  # noqa: ANN001
    url = database(tmp_path, backend)
    loops = 300
    seed_loops(url, loops, owners=100)  # 3 loops each: one brief DM per owner
    at = datetime(2026, 11, 25, 17, 5, tzinfo=UTC)  # the nudges' slot is 17:00; quiet from 19:00
    with fake_slack() as api:
        api.clock = lambda: at
        bursts = Bursts(api, "chat.postMessage", every=20)
        bursts.start()
        try:
            # A failed send is retried 5 minutes later (then 10): sweep every 11 minutes, and on
            # while a slot waits for its retry (a sweep whose tries all failed sent nothing).
            sweeps = sweep_until_quiet(
                url, api.url, at, step=timedelta(minutes=11), pending=lambda: waiting(url)
            )
        finally:
            bursts.stop.set()
        keys, failed = nudge_keys(api), bursts.failures()
    doubled = {key: n for key, n in keys.items() if n > 1}
    print(
        f"\nWeb API bursts during sweeps: {loops} nudges due; chat.postMessage answered "
        f"{dict(failed)} in bursts; sweeps sent {sweeps}; {len(keys)} distinct nudges "
        f"received, {len(doubled)} twice, {loops - len(keys)} missing; "
        f"slots {dict(nudge_statuses(url))}"
    )
    assert failed[429] > 0 and failed[500] > 0
    assert doubled == {} and len(keys) == loops
    assert nudge_statuses(url) == Counter({"sent": loops})
