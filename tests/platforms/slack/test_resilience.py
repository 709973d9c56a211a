"""Rate limits, a database that is down or slow, and the real HTTP server."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError

from bot.platforms.slack import ack_budget as work_module
from bot.platforms.slack.ack_budget import LATE, AckBudget
from bot.wiring.web import create_app
from tests.platforms.slack.helpers import add_acme, feedback
from tests.support import slack_requests as sr
from tests.support.slack_fixtures import SlackTestApp, UvicornServer, slack_deps

DOWN = {
    "sqlite": "sqlite:////nonexistent-directory/loopkeeper.db",
    "postgres": "postgresql+psycopg://postgres@127.0.0.1:9/loopkeeper",  # nothing listens
}


async def test_a_429_is_retried_after_retry_after_and_nothing_is_dropped(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    slack_app.fake.fail_next("reactions.add", status=429, retry_after=1, times=2)
    await slack_app.event(sr.message_event("ACME wants SSO"))
    await slack_app.settle()
    tries = slack_app.fake.calls("reactions.add")
    assert [c.params.get("_failed") for c in tries] == [429, 429, None]
    assert tries[1].at - tries[0].at >= 0.95 and tries[2].at - tries[1].at >= 0.95


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_a_database_that_is_down_fails_the_request_so_slack_retries(
    backend,
    fake_slack,
    clock,  # noqa: ANN001
) -> None:
    app = SlackTestApp(slack_deps(DOWN[backend], fake_slack, clock), fake_slack)
    try:
        event = await app.event(sr.message_event("ACME wants SSO"))
        assert event.status_code == 503
        command = await app.command("list")
        assert command.status_code == 503
        health = await app.client.get("/healthz")
        assert health.status_code == 503 and health.json()["ok"] is False
        await app.settle()
        assert not fake_slack.calls("reactions.add")
    finally:
        await app.close()


async def test_healthz_checks_the_database(slack_app) -> None:  # noqa: ANN001
    health = await slack_app.client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"ok": True, "database": "ok", "platforms": ["slack"]}


async def test_a_slow_database_still_gets_an_ack_and_the_work_finishes(
    sqlite_url,
    fake_slack,
    clock,  # noqa: ANN001
) -> None:
    deps = slack_deps(sqlite_url, fake_slack, clock)
    add_acme(deps)
    app = SlackTestApp(deps, fake_slack, ack_budget=0.3)
    sa.event.listen(deps.engine, "before_cursor_execute", lambda *a: time.sleep(0.1))
    try:
        started = time.monotonic()
        response = await app.event(sr.message_event("ACME wants SSO"))
        assert response.status_code == 200
        assert time.monotonic() - started < 1.0  # acked at the budget, not after the database
        await fake_slack.wait_for_async("reactions.add", timeout=10)
        assert len(feedback(deps)) == 1
    finally:
        await app.close()


async def test_work_that_fails_after_the_ack_is_tried_again(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(work_module, "LATE_RETRY_DELAYS", (0.01, 0.01))
    attempts, told = [], []

    async def decide() -> str:
        attempts.append(1)
        await asyncio.sleep(0.05)
        if len(attempts) < 3:
            raise OperationalError("INSERT", {}, Exception("database went away"))
        return "stored"

    async def tell(result: str) -> None:
        told.append(result)

    work = AckBudget(budget=0.01)
    assert await work.decide_then(decide, tell) is LATE
    await work.drain()
    assert len(attempts) == 3 and told == ["stored"]


def test_the_real_server_verifies_captures_and_answers(sqlite_url, fake_slack, clock) -> None:  # noqa: ANN001
    deps = slack_deps(sqlite_url, fake_slack, clock)
    add_acme(deps)
    with UvicornServer(create_app(deps)) as server, httpx.Client(base_url=server.url) as http:
        assert http.get("/healthz").json()["ok"] is True
        body = sr.event_body(sr.message_event("ACME wants SSO"))
        assert (
            http.post(
                "/slack/events", content=body, headers=sr.signed_headers("wrong", body)
            ).status_code
            == 401
        )
        ok = http.post("/slack/events", content=body, headers=sr.signed_headers(sr.SECRET, body))
        assert ok.status_code == 200
        again = http.post(
            "/slack/events", content=body, headers=sr.signed_headers(sr.SECRET, body, retry_num=1)
        )
        assert again.status_code == 200
        command = sr.command_body("list all", response_url=fake_slack.response_url())
        answer = http.post(
            "/slack/events", content=command, headers=sr.signed_headers(sr.SECRET, command)
        )
        assert answer.status_code == 200 and answer.json()["response_type"] == "ephemeral"
        fake_slack.wait_for("reactions.add")
    assert len(feedback(deps)) == 1
    assert len(fake_slack.calls("reactions.add")) == 1
