"""Pytest fixtures for Slack tests (registered from tests/conftest.py's pytest_plugins).

- `fake_slack`: a FakeSlack Web API on 127.0.0.1 (tests/support/fake_slack.py).
- `slack_deps(url, fake, clock)`: Deps whose settings point Slack at the fake.
- `SlackTestApp`: the real ASGI app (bot.wiring.web.create_app) with signed-request helpers, driven
  in-process through httpx's ASGI transport; `slack_app` is one on SQLite.
- `UvicornServer`: the same app served by uvicorn on 127.0.0.1 in a thread (real HTTP).
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import uvicorn

from bot.core.clock import Clock, FixedClock
from handlers.context import Deps
from storage.db import make_engine
from tests.conftest import START, make_settings
from tests.support import slack_requests as sr
from tests.support.fake_slack import FakeSlack


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    try:
        yield fake
    finally:
        fake.stop()


def slack_deps(url: str, fake: FakeSlack, clock: Clock | None = None, **env: str) -> Deps:
    """Deps for `url` with Slack configured against the fake Web API."""
    settings = make_settings(
        url,
        SLACK_BOT_TOKEN=fake.token or "xoxb-test-token",
        SLACK_SIGNING_SECRET=sr.SECRET,
        SLACK_APP_TOKEN=fake.app_token or "xapp-test-token",
        SLACK_API_URL=fake.url,
        **env,
    )
    return Deps(engine=make_engine(url), settings=settings, clock=clock or FixedClock(START))


class SlackTestApp:
    """bot.wiring.web.create_app(deps) with Slack on, posted to like Slack posts (signed)."""

    def __init__(self, deps: Deps, fake: FakeSlack, ack_budget: float = 2.0) -> None:
        from bot.wiring.web import create_app

        self.deps, self.fake = deps, fake
        self.asgi = create_app(deps, ack_budget=ack_budget)
        self.bot = self.asgi.state.slack
        self.client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.asgi), base_url="http://127.0.0.1"
        )

    async def post(
        self,
        body: bytes,
        *,
        secret: str = sr.SECRET,
        timestamp: int | None = None,
        retry_num: int | None = None,
    ) -> httpx.Response:
        headers = sr.signed_headers(secret, body, timestamp=timestamp, retry_num=retry_num)
        return await self.client.post("/slack/events", content=body, headers=headers)

    async def event(
        self,
        event: dict[str, Any],
        event_id: str | None = None,
        retry_num: int | None = None,
        shared: bool = False,
    ) -> httpx.Response:
        body = sr.event_body(event, event_id=event_id, shared=shared)
        return await self.post(body, retry_num=retry_num)

    async def command(self, text: str, user: str = sr.USER, **kw: Any) -> httpx.Response:
        kw.setdefault("response_url", self.fake.response_url("cmd"))
        return await self.post(sr.command_body(text, user=user, **kw))

    async def settle(self) -> None:
        """Wait until the work after acks (Web API calls) is done."""
        await self.bot.parts.work.drain()

    async def close(self) -> None:
        await self.bot.stop()  # waits for the work after acks, closes the Web API session
        await self.client.aclose()
        self.deps.engine.dispose()


@pytest.fixture
def slack_app_url(sqlite_url: str) -> str:
    """The database `slack_app` runs on: SQLite; a test module may override this fixture
    (with `db_url`, to run on both backends)."""
    return sqlite_url


@pytest.fixture
async def slack_app(
    slack_app_url: str, fake_slack: FakeSlack, clock: FixedClock
) -> AsyncIterator[SlackTestApp]:
    """The Slack app against the fake Web API (on SQLite unless slack_app_url says else)."""
    app = SlackTestApp(slack_deps(slack_app_url, fake_slack, clock), fake_slack)
    try:
        yield app
    finally:
        await app.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class UvicornServer:
    """An ASGI app served by uvicorn on 127.0.0.1 from a thread (lifespan included)."""

    def __init__(self, app: Any) -> None:
        self.port = free_port()
        self.server = uvicorn.Server(
            uvicorn.Config(
                app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on"
            )
        )
        self.thread = threading.Thread(target=self.server.run, name="uvicorn", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> UvicornServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(15)


async def until(condition: Any, timeout: float = 5.0) -> None:
    """Wait (without blocking the loop) until condition() is true; fail after `timeout`."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)
