"""`loopkeeper sweep` SIGKILLed half-way through sending nudges to Slack, as a real process over
real HTTP. After its leases run out the next sweep resumes; asking Slack what it already sent
(the key in each message's metadata), it sends every nudge exactly once.

Breakages this must catch (tests/mutations): the history read without include_all_metadata
(Slack then returns no metadata, the key is never found and in-flight nudges go out twice);
a lease shorter than a send (a sweep a minute after the kill would take over slots that may
still be on their way). So the
test asks that the kill left slots `sending`, that a sweep inside the lease sends nothing, and
that the resumed sweep read the history."""

from __future__ import annotations

import json
import os
import signal
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from bot.wiring.sweeper import LEASE
from tests.conftest import new_postgres_database
from tests.proof.db import rows
from tests.proof.harness import fake_slack, seed_loops, sweep_process, sweep_until_quiet
from tests.support.fake_slack import FakeSlack

LOOPS, OWNERS = 600, 40
AT = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)  # Wednesday: every loop's 24-hours-before nudge


def nudge_keys(api: FakeSlack) -> Counter[str]:
    """How many DMs carried each nudge's key (answered calls only: a 429 or 500 sent nothing).
    A brief (one DM for several of an owner's loops) carries their keys separated by spaces."""
    keys: Counter[str] = Counter()
    for call in api.answered("chat.postMessage"):
        metadata = call.params.get("metadata")
        if isinstance(metadata, str):
            metadata = json.loads(metadata)
        keys.update((metadata or {}).get("event_payload", {}).get("key", "?").split())
    return keys


def nudge_statuses(url: str) -> Counter[str]:
    from storage.db import make_engine

    engine = make_engine(url)
    try:
        return Counter(row["status"] for row in rows(engine, "SELECT status FROM nudge"))
    finally:
        engine.dispose()


def settled(count, quiet: float = 0.5) -> int:  # noqa: ANN001
    """`count()` once it has stopped changing for `quiet` seconds."""
    last = count()
    while True:
        time.sleep(quiet)
        now = count()
        if now == last:
            return now
        last = now


@pytest.mark.slow
@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_sigkill_mid_sweep_then_resume_sends_every_nudge_once(tmp_path, backend) -> None:  # noqa: ANN001
    url = f"sqlite:///{tmp_path / 'lk.db'}" if backend == "sqlite" else new_postgres_database()
    seed_loops(url, LOOPS, OWNERS)
    with fake_slack() as api:
        api.clock = lambda: AT  # Slack's message timestamps follow the sweep's clock
        child = sweep_process(url, api.url, AT)
        deadline = time.monotonic() + 120
        while sum(nudge_keys(api).values()) < LOOPS // 4:
            assert child.poll() is None, "the sweep ended before the kill: " + child.stderr.read()
            assert time.monotonic() < deadline
            time.sleep(0.001)
        os.killpg(child.pid, signal.SIGKILL)
        child.wait(30)
        # Requests the sweep sent just before it died may still be answered: count once settled.
        dms_before_kill = settled(lambda: len(api.answered("chat.postMessage")))
        before_kill = sum(nudge_keys(api).values())  # nudges that reached Slack
        interrupted = nudge_statuses(url)
        assert before_kill < LOOPS, "the kill must land in the middle"
        # Slots in flight at the kill: a later sweep cannot know whether they reached Slack.
        assert interrupted["sending"] > 0, interrupted

        # A minute later, well within the lease, nobody touches the killed sweep's slots.
        inside = sweep_until_quiet(url, api.url, AT + timedelta(minutes=1), LEASE, most=1)
        assert inside == [0] and len(api.answered("chat.postMessage")) == dms_before_kill
        assert nudge_statuses(url)["sending"] == interrupted["sending"]
        # After it they resume, asking Slack first what already went out.
        later = sweep_until_quiet(
            url, api.url, AT + LEASE + timedelta(minutes=1), step=timedelta(minutes=1)
        )
        keys = nudge_keys(api)
        reads = api.answered("conversations.history") + api.answered("conversations.replies")
    doubled = {key: n for key, n in keys.items() if n > 1}
    missing = LOOPS - len(keys)
    print(
        f"\nSIGKILL of a sweep ({backend}): {LOOPS} nudges due to {OWNERS} owners, "
        f"{before_kill} in {dms_before_kill} DMs sent before the kill (slots then: "
        f"{dict(interrupted)}), resumed "
        f"sweeps sent {later}; {len(keys)} distinct nudges received, {len(doubled)} twice, "
        f"{missing} missing; slots now {dict(nudge_statuses(url))}"
    )
    assert doubled == {} and missing == 0
    assert nudge_statuses(url) == Counter({"sent": LOOPS})
    assert reads, "the resumed sweep never looked at what was sent before the kill"
    assert sum(later) == LOOPS - before_kill, "each nudge that reached Slack is not sent again"
