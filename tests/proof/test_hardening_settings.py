"""Issue 13, item 1: one workspace's admin cannot stop reminders for everyone else.

Settings are refused outside finite ranges (through the signed Slack command an admin types),
and values stored before that check existed (written here straight into the table) neither hang,
crash nor slow another workspace's sweep or commands.
"""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import httpx
import pytest
from sqlmodel import select

from bot.wiring.web import create_app
from handlers import commands
from handlers.context import Caller, Deps
from storage.models import Workspace
from tests.followups.helpers import sweep_now
from tests.followups.recording import RecordingDelivery
from tests.platforms.slack.test_commands import ack_blocks, all_text
from tests.proof.db import rows
from tests.support.slack_fixtures import slack_deps

LOUD = Caller(platform="console", workspace="LOUD", user="ann", user_name="ann", is_admin=True)
CALM = Caller(platform="console", workspace="CALM", user="cal", user_name="cal", is_admin=True)


@pytest.mark.parametrize(
    "value",
    ["cadence standard 0.000000000001", "cadence standard inf", "cadence standard 0.0001",
     "cadence standard nan", "cadence standard 1e309", "quiet-days standard nan",
     "quiet-days standard -inf", "quiet-days standard 1e300"],
)  # fmt: skip
async def test_an_admin_cannot_save_a_setting_outside_its_range(slack_app, value: str) -> None:  # noqa: ANN001
    """Catches: `settings cadence standard 0.000000000001` (or inf, nan) being saved, which
    made every later sweep loop forever or crash."""
    slack_app.fake.add_user("U0001", "ann", is_admin=True)
    response = await slack_app.command(f"settings {value}")
    kind, blocks = ack_blocks(response)
    assert response.status_code == 200 and kind == "ephemeral"
    assert "⚠️" in all_text(blocks) and "from 1 to" in all_text(blocks)
    assert rows(slack_app.deps.engine, "SELECT * FROM workspace_setting") == []


def ok(deps: Deps, who: Caller, text: str) -> None:
    reply = commands.run(deps, who, text)
    assert not reply.error, reply.text


def store_raw_settings(deps: Deps, workspace: str, values: dict[str, object]) -> None:
    """Settings as an older release could have saved them, bypassing today's checks."""
    with deps.uow() as uow:
        ws = uow.session.exec(select(Workspace).where(Workspace.external_id == workspace)).one()
        for key, value in values.items():
            uow.settings.set(ws.id, key, value)
        uow.commit()


POISON = {
    "cadence_hours": {"standard": 0.0001, "enterprise": float("inf"), "smb": float("nan"),
                      "default": 1e-12},
    "quiet_days": {"standard": float("nan"), "default": float("inf")},
    "escalate_after": float("inf"),
}  # fmt: skip


SEGMENTS = ["standard", "enterprise", "smb", "other"]


def overdue_loops(deps: Deps, who: Caller) -> None:
    """A loop due tomorrow for a customer of each segment (customers added the first time)."""
    for segment in SEGMENTS:
        commands.run(deps, who, f"customer add Cust {segment} segment {segment}")
        ok(deps, who, f"commit Cust {segment}: thing by tomorrow")


A_WEEK = timedelta(days=7).total_seconds()


def timed(work) -> float:  # noqa: ANN001
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def quickest_sweeps(deps: Deps, rounds: int = 3) -> tuple[float, list[str]]:
    """The quickest of `rounds` sweeps, each a week after the last (the loops stay overdue, so
    each one has the same work), and the texts of the first. The quickest, so one pause of the
    machine (another test's process, a collection) during one sweep does not count as slowness."""
    times, first = [], []
    for round_ in range(rounds):
        deps.clock.advance(seconds=A_WEEK)
        delivery = RecordingDelivery()
        times.append(timed(lambda d=delivery: sweep_now(deps, d)))
        if round_ == 0:
            first = [s.text for s in delivery.sent]
    return min(times), first


def test_a_poisoned_workspace_neither_stops_nor_slows_another_workspaces_sweep(deps) -> None:  # noqa: ANN001
    """Catches: one workspace's stored cadence (1e-12, 0.0001, inf, nan) hanging or crashing the
    sweep for every workspace, or costing seconds per loop. Baseline: the same loops under
    default settings, swept in the same test. Checked: with the shortest cadence let down from an
    hour to a second, the poisoned sweeps took 10 s against 0.04 s and this failed."""
    overdue_loops(deps, LOUD)
    ok(deps, CALM, "customer add Calm Co")
    ok(deps, CALM, "commit Calm Co: first by tomorrow")
    baseline, texts = quickest_sweeps(deps)
    assert any("Calm Co — first" in t for t in texts), texts

    store_raw_settings(deps, "LOUD", POISON)
    ok(deps, CALM, "commit Calm Co: second by tomorrow")
    overdue_loops(deps, LOUD)  # fresh loops planned under the poisoned settings
    poisoned, texts = quickest_sweeps(deps)
    assert any("Calm Co — second" in t for t in texts), texts
    # The later sweeps have twice the loops of the first ones (the first LOUD ones are still
    # overdue): twice the time is fair, a slot walk of seconds per loop is not. A ratio, not a gap
    # in seconds, so a busy machine slowing both alike does not fail it.
    assert poisoned < 3 * baseline + 0.5, (baseline, poisoned)
    # The poisoned workspace still works: its report reads the bad quiet-days as the default.
    report = commands.run(deps, LOUD, "report quiet")
    assert not report.error and "for 30 days" in report.plain(), report.plain()


def test_a_poisoned_workspace_does_not_hold_up_another_workspaces_commands(sqlite_deps) -> None:  # noqa: ANN001
    """Catches: a sweep stuck planning a poisoned workspace holding SQLite's write lock, so
    another workspace's `commit` waited and was lost ("database is locked"). Baseline: the same
    command timed alone."""
    deps = sqlite_deps
    overdue_loops(deps, LOUD)
    ok(deps, CALM, "customer add Calm Co")
    baseline = timed(lambda: ok(deps, CALM, "commit Calm Co: alone"))
    store_raw_settings(deps, "LOUD", {"cadence_hours": {"default": 0.0001}})  # slow, no crash
    overdue_loops(deps, LOUD)
    deps.clock.advance(seconds=A_WEEK)
    sweeper = threading.Thread(target=sweep_now, args=(deps, RecordingDelivery()), daemon=True)
    sweeper.start()
    during = timed(lambda: ok(deps, CALM, "commit Calm Co: during a sweep"))
    sweeper.join(30)
    assert not sweeper.is_alive(), "the sweep never finished"
    assert during - baseline < 1.0, (baseline, during)


async def test_healthz_says_so_when_a_sweep_is_stuck(sqlite_url: str, fake_slack) -> None:  # noqa: ANN001
    """Catches: /healthz answering 200 while one sweep had been stuck for hours (the scheduler
    skips every later run, so nobody was reminded)."""
    deps = slack_deps(sqlite_url, fake_slack)
    app = create_app(deps, with_scheduler=True)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1"
    ) as client:
        assert (await client.get("/healthz")).status_code == 200
        app.state.sweep_watch.running_since = time.monotonic() - 3600  # a sweep stuck an hour
        stuck = await client.get("/healthz")
        assert stuck.status_code == 503 and "sweep" in stuck.json()
        app.state.sweep_watch.running_since = time.monotonic() - 5  # a sweep at work: fine
        assert (await client.get("/healthz")).status_code == 200
    deps.engine.dispose()
