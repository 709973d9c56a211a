"""Teams test rig: fake Bot Framework over https (own CA), the bot served by uvicorn, a client
that posts activities with Bot Framework-style tokens."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from bot.core.clock import FixedClock
from bot.platforms.teams import auth
from handlers.context import Deps
from storage.db import make_engine
from tests.conftest import make_settings
from tests.support.fake_teams import FakeBotFramework, ServerThread, Teams, TeamsUser, TestCA


@pytest.fixture(scope="session")
def teams_ca(tmp_path_factory: pytest.TempPathFactory) -> TestCA:
    return TestCA(tmp_path_factory.mktemp("teams-ca"))


@pytest.fixture(scope="session")
def _bot_framework(teams_ca: TestCA) -> Iterator[FakeBotFramework]:
    fake = FakeBotFramework(teams_ca).start()
    yield fake
    fake.stop()


@pytest.fixture
def bot_framework(
    _bot_framework: FakeBotFramework, teams_ca: TestCA, monkeypatch: pytest.MonkeyPatch
) -> FakeBotFramework:
    """The fake Bot Framework, trusted through SSL_CERT_FILE/REQUESTS_CA_BUNDLE, emptied."""
    monkeypatch.setenv("SSL_CERT_FILE", str(teams_ca.ca_file))
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(teams_ca.ca_file))
    _bot_framework.reset()
    auth._tokens.clear()  # each test starts without a cached app token
    return _bot_framework


def teams_app(deps: Deps) -> Any:
    """The web app `loopkeeper serve` runs (bot.wiring.web), or just our routes until it exists."""
    try:
        from bot.wiring.web import create_app
    except ImportError:
        from starlette.applications import Starlette

        from bot.platforms.teams.http import teams_routes

        return Starlette(routes=teams_routes(deps))
    return create_app(deps)


@pytest.fixture
def teams_deps(
    sqlite_url: str, clock: FixedClock, bot_framework: FakeBotFramework
) -> Iterator[Deps]:
    engine = make_engine(sqlite_url)
    yield Deps(
        engine=engine, settings=make_settings(sqlite_url, **bot_framework.env()), clock=clock
    )
    engine.dispose()


class TeamsClient:
    """Posts activities to the bot like Bot Framework does, with a signed token."""

    def __init__(self, url: str, bot_framework: FakeBotFramework) -> None:
        self.url = url + "/api/messages"
        self.bf = bot_framework
        self.teams = Teams(bot_framework.service_url)
        self.http = httpx.Client(timeout=30)

    def post(
        self, activity: dict[str, Any], token: str | None = "sign", **token_options: Any
    ) -> httpx.Response:
        headers = {}
        if token == "sign":
            token = self.bf.key.token(activity["serviceUrl"], **token_options)
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return self.http.post(self.url, json=activity, headers=headers)

    def say(self, user: TeamsUser, text: str, **options: Any) -> httpx.Response:
        """A 1:1 message; fails the test unless the bot accepted it."""
        response = self.post(self.teams.personal(user, text, **options))
        assert response.status_code == 200, response.text
        return response

    def close(self) -> None:
        self.http.close()


def serve(deps: Deps, bot_framework: FakeBotFramework) -> Iterator[TeamsClient]:
    server = ServerThread(teams_app(deps)).start()
    client = TeamsClient(server.url, bot_framework)
    yield client
    client.close()
    server.stop()


@pytest.fixture
def teams(teams_deps: Deps, bot_framework: FakeBotFramework) -> Iterator[TeamsClient]:
    """The bot on 127.0.0.1 (SQLite), and a client posting activities to it."""
    yield from serve(teams_deps, bot_framework)


@pytest.fixture
def teams_on_both(
    db_url: str, clock: FixedClock, bot_framework: FakeBotFramework
) -> Iterator[tuple[TeamsClient, Deps]]:
    """The bot on SQLite and on PostgreSQL (Teams ids are long: the columns must hold them)."""
    engine = make_engine(db_url)
    deps = Deps(engine=engine, settings=make_settings(db_url, **bot_framework.env()), clock=clock)
    for client in serve(deps, bot_framework):
        yield client, deps
    engine.dispose()


@pytest.fixture
def dana() -> TeamsUser:
    return TeamsUser("Dana Scully")


@pytest.fixture
def fox() -> TeamsUser:
    return TeamsUser("Fox Mulder")
