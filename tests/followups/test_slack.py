"""Sweeps against the fake Slack Web API on 127.0.0.1: DMs with buttons threaded per loop, a 429
that slows one owner only, and a `loopkeeper sweep` process killed mid-way (SIGKILL) whose
slots a later run sends exactly once."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiohttp import web

from bot.wiring.sweeper import LEASE, sweep_once
from handlers import commands
from handlers.context import Caller, Deps
from tests.followups.helpers import nudge_rows
from tests.support.fake_slack import FakeSlack
from tests.support.slack_fixtures import slack_deps

TEAM = "T0001"
THURSDAY = datetime(2026, 11, 26, 17, 0, tzinfo=UTC)


def slack_user(user: str) -> Caller:
    return Caller(platform="slack", workspace=TEAM, user=user, channel="C0001")


def say(deps: Deps, user: str, text: str) -> None:
    reply = commands.run(deps, slack_user(user), text)
    assert not reply.error, reply.text


def loops_for(deps: Deps, owners: list[str], per_owner: int, when: str = "by Thursday 5pm") -> None:
    say(deps, "UALICE", "customer add Acme Corp aliases ACME owner <@UALICE>")
    for index in range(per_owner):
        for owner in owners:
            say(deps, "UALICE", f"commit ACME: task {index} for {owner} owner <@{owner}> {when}")


def posts(fake: FakeSlack, answered: bool = True) -> list[Any]:
    return fake.answered("chat.postMessage") if answered else fake.calls("chat.postMessage")


def key_of(call: Any) -> str:
    metadata = call.params.get("metadata")
    metadata = json.loads(metadata) if isinstance(metadata, str) else metadata
    return (metadata or {}).get("event_payload", {}).get("key", "")


@pytest.fixture
def slack(sqlite_url: str, fake_slack: FakeSlack, clock) -> Deps:  # noqa: ANN001
    fake_slack.clock = clock.now  # message timestamps follow the test's clock
    return slack_deps(sqlite_url, fake_slack, clock)


def test_nudges_are_slack_dms_with_buttons_threaded_per_loop(
    slack: Deps, fake_slack: FakeSlack
) -> None:
    fake_slack.add_user("UBOB", "bob", tz="America/New_York")
    loops_for(slack, ["UBOB"], 1)  # due Thursday 17:00 UTC: noon in New York
    slack.clock.set(datetime(2026, 11, 25, 17, 0, tzinfo=UTC))
    assert sweep_once(slack) == ["nudge #1 to @UBOB (due soon, Acme Corp: task 0 for UBOB)"]
    slack.clock.set(THURSDAY)
    assert sweep_once(slack) == ["nudge #1 to @UBOB (due now, Acme Corp: task 0 for UBOB)"]
    first, second = posts(fake_slack)
    assert first.params["channel"] == second.params["channel"] == "DBOB"  # conversations.open
    parent = fake_slack.messages["DBOB"][0]["ts"]
    assert "thread_ts" not in first.params and second.params["thread_ts"] == parent
    actions = [
        e.get("action_id")
        for b in first.blocks
        for e in b.get("elements", [])
        if isinstance(e, dict)
    ]
    assert {"loop_done", "loop_told", "loop_snooze", "loop_update"} <= set(actions)
    assert "Reminder: #1 for Acme Corp" in first.text
    assert key_of(first) and key_of(first) != key_of(second)
    assert [c.params["user"] for c in fake_slack.calls("users.info")] == ["UBOB"]  # cached
    # Friday 17:00 UTC is noon in New York; the overdue nudge waits for Monday 08:00 there.
    slack.clock.set(datetime(2026, 11, 30, 12, 59, tzinfo=UTC))
    assert sweep_once(slack) == []
    slack.clock.set(datetime(2026, 11, 30, 13, 0, tzinfo=UTC))
    assert sweep_once(slack) == ["nudge #1 to @UBOB (overdue, Acme Corp: task 0 for UBOB)"]


def test_a_dm_is_opened_once_per_person_not_once_per_sweep(
    slack: Deps, fake_slack: FakeSlack
) -> None:
    fake_slack.add_user("UBOB", "bob")
    loops_for(slack, ["UBOB"], 1)
    slack.clock.set(datetime(2026, 11, 25, 17, 0, tzinfo=UTC))
    assert len(sweep_once(slack)) == 1
    say(slack, "UALICE", "commit ACME: send the contract owner <@UBOB> by Thursday 5pm")
    slack.clock.set(THURSDAY)
    lines = sweep_once(slack)  # a new process would do the same: the channel is stored
    assert "nudge #2 to @UBOB (due now, Acme Corp: send the contract)" in lines
    assert [c.params["users"] for c in fake_slack.calls("conversations.open")] == ["UBOB"]
    assert {p.params["channel"] for p in posts(fake_slack)} == {"DBOB"}


def test_a_429_from_slack_slows_only_that_owner(slack: Deps, fake_slack: FakeSlack) -> None:
    owners = [f"UOWNER{i}" for i in range(6)]
    loops_for(slack, owners, 2)
    slack.clock.set(THURSDAY)
    fake_slack.fail_next("chat.postMessage", status=429, retry_after=1, times=1)
    started = time.monotonic()
    lines = sweep_once(slack)
    took = time.monotonic() - started
    assert len(lines) == 12  # every loop nudged, each owner's two in one brief
    ok = posts(fake_slack)
    assert len(ok) == 6 and len(posts(fake_slack, answered=False)) == 7  # one answered 429
    assert sorted(Counter(k for c in ok for k in key_of(c).split()).values()) == [1] * 12
    limited = next(c for c in fake_slack.calls("chat.postMessage") if c.params.get("_failed"))
    retried = [c for c in ok if c.params["channel"] == limited.params["channel"]]
    others = [c for c in ok if c.params["channel"] != limited.params["channel"]]
    assert min(c.at for c in retried) - limited.at >= 0.9  # waited out its Retry-After
    assert max(c.at for c in others) < limited.at + 0.9  # while the others went on
    assert took < 10


class SlowSlack(FakeSlack):
    """Posts a message at once but answers chat.postMessage only after `delay` seconds, the
    way a slow network looks to the sender."""

    delay = 0.3

    async def _api(self, request: web.Request) -> web.Response:
        answer = await super()._api(request)
        if request.match_info["method"] == "chat.postMessage":
            await asyncio.sleep(self.delay)
        return answer


def sweep_process(deps: Deps, fake: FakeSlack, at: datetime) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": deps.settings.database_url,
        "SLACK_BOT_TOKEN": fake.token or "",
        "SLACK_API_URL": fake.url,
        "LOOPKEEPER_TIMEZONE": "UTC",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("SLACK_SIGNING_SECRET", None)
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "sweep", "--at", at.isoformat()],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
    )


@pytest.mark.slow
def test_a_sweep_killed_mid_way_is_finished_by_the_next_with_nothing_lost_or_doubled(
    db_url: str, clock
) -> None:  # noqa: ANN001
    fake = SlowSlack().start()
    try:
        deps = slack_deps(db_url, fake, clock)
        fake.clock = clock.now
        owners = [f"UOWNER{i}" for i in range(8)]
        loops_for(deps, owners, 25)  # three briefs each (10, 10, 5), one after the other
        total = 8 * 25
        clock.set(THURSDAY)
        first = sweep_process(deps, fake, THURSDAY)
        deadline = time.monotonic() + 60
        while len(posts(fake, answered=False)) < 10:  # some sent, more on the way
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the sweep never got going"
            time.sleep(0.005)
        os.kill(first.pid, signal.SIGKILL)
        first.wait(10)
        reached = len({k for c in posts(fake, answered=False) for k in key_of(c).split()})
        assert 10 <= reached < total  # killed half-way, with briefs in flight

        later = THURSDAY + LEASE + timedelta(minutes=1)
        clock.set(later)
        second = sweep_process(deps, fake, later)
        out, err = second.communicate(timeout=120)
        assert second.returncode == 0, err
        printed = [line for line in out.splitlines() if line.startswith("nudge")]
        assert len(printed) == total - reached  # what the first run never got to
        assert fake.calls("conversations.history")  # it looked for what was in flight

        keys = Counter(k for c in posts(fake, answered=False) for k in key_of(c).split())
        assert len(keys) == total and set(keys.values()) == {1}, keys  # each slot exactly once
        assert {row.status for row in nudge_rows(deps)} == {"sent"}  # nothing left stuck
        deps.engine.dispose()
    finally:
        fake.stop()
