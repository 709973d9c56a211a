"""`loopkeeper serve` and `loopkeeper socket` sweep for the chat platforms they serve: with their
scheduler on, a due loop's nudge reaches its owner on Slack and on Teams.

Breakage this must catch (tests/mutations): the servers' scheduler sweeping for no platform
(`chat_deliveries` returning {}): every other scheduler test drives `start` with a delivery of
its own, and the console is the only platform checked to be left out."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from bot.core.clock import FixedClock
from bot.wiring.socket import serve_socket_mode
from bot.wiring.web import create_app
from handlers import commands
from handlers.context import Caller, Deps
from tests.platforms.teams.conftest import (  # noqa: F401 - the Teams rig's fixtures
    TeamsClient,
    _bot_framework,
    bot_framework,
    teams_ca,
)
from tests.support.fake_slack import FakeSlack
from tests.support.fake_teams import FakeBotFramework, TeamsUser
from tests.support.slack_fixtures import UvicornServer, slack_deps
from tests.support.waiting import wait_until

DUE = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)  # "by today 5pm" from START


def commit_on_slack(deps: Deps, owner: str) -> None:
    slack_user = Caller(platform="slack", workspace="T0001", user=owner, channel="C0001")
    for line in ("customer add ACME", f"commit ACME: call back owner <@{owner}> by today 5pm"):
        reply = commands.run(deps, slack_user, line)
        assert not reply.error, reply.text


def test_serve_with_its_scheduler_nudges_owners_on_slack_and_on_teams(
    sqlite_url: str,
    clock: FixedClock,
    fake_slack: FakeSlack,
    bot_framework: FakeBotFramework,  # noqa: F811
) -> None:
    deps = slack_deps(
        sqlite_url, fake_slack, clock, LOOPKEEPER_SWEEP_SECONDS="1", **bot_framework.env()
    )
    assert deps.settings.slack_configured and deps.settings.teams_configured
    fake_slack.clock = clock.now
    commit_on_slack(deps, "UBOB")
    dana = TeamsUser("Dana Scully")
    with UvicornServer(create_app(deps, with_scheduler=True)) as server:
        teams = TeamsClient(server.url, bot_framework)
        try:
            teams.say(dana, "customer add Initech")  # her 1:1 chat: where her nudges go
            teams.say(dana, "commit Initech: send the contract by today 5pm")
        finally:
            teams.close()
        replies = len(bot_framework.posts())  # the answers to her two commands
        assert fake_slack.calls("chat.postMessage") == []  # nothing is due before 17:00
        clock.set(DUE)
        wait_until(
            lambda: fake_slack.answered("chat.postMessage") and len(bot_framework.posts()) > replies
        )
    (slack_nudge,) = fake_slack.answered("chat.postMessage")
    assert slack_nudge.params["channel"] == "DBOB" and "#1 for ACME" in slack_nudge.text
    (teams_nudge,) = bot_framework.posts()[replies:]
    assert teams_nudge.path.endswith("/activities") and "for Initech" in teams_nudge.text
    deps.engine.dispose()


async def test_socket_mode_with_its_scheduler_nudges_owners_on_slack(
    sqlite_url: str, clock: FixedClock, fake_slack: FakeSlack
) -> None:
    deps = slack_deps(sqlite_url, fake_slack, clock, LOOPKEEPER_SWEEP_SECONDS="1")
    fake_slack.clock = clock.now
    commit_on_slack(deps, "UBOB")
    stop = asyncio.Event()
    running = asyncio.create_task(serve_socket_mode(deps, stop))  # the scheduler is on
    try:
        assert await fake_slack.socket_connected_async()
        assert fake_slack.calls("chat.postMessage") == []  # not due yet
        clock.set(DUE)
        (nudge,) = await fake_slack.wait_for_async("chat.postMessage", timeout=10)
    finally:
        stop.set()
        await asyncio.wait_for(running, 15)
    assert nudge.params["channel"] == "DBOB" and "#1 for ACME" in nudge.text
    deps.engine.dispose()
