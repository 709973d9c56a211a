"""Issue 13, item 3 on Slack: a body sent before anyone is authenticated is read as a stream
and cut off at a few megabytes, and no nesting of JSON is a 500 (Teams:
tests/platforms/teams/test_hardening.py). Real HTTP to uvicorn on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.wiring.web import create_app
from tests.support import slack_requests as sr
from tests.support.fake_teams import ServerThread
from tests.support.raw_http import MOST_TAKEN, send_chunked
from tests.support.slack_fixtures import slack_deps


@pytest.fixture
def slack_server(sqlite_url: str, fake_slack) -> Iterator[str]:  # noqa: ANN001
    deps = slack_deps(sqlite_url, fake_slack)
    server = ServerThread(create_app(deps)).start()
    yield server.url
    server.stop()
    deps.engine.dispose()


def test_a_chunked_slack_body_is_cut_off_at_the_cap(slack_server: str) -> None:
    """Catches: the whole chunked body read into memory before the 413 (256 MB took the
    server from 96 to 609 MB)."""
    headers = {"X-Slack-Request-Timestamp": "1", "X-Slack-Signature": "v0=00"}
    status, sent = send_chunked(slack_server + "/slack/events", headers)
    assert status == 413
    assert sent < MOST_TAKEN, f"the server read {sent} MB"


async def test_deeply_nested_slack_json_is_a_400_not_a_500(slack_app) -> None:  # noqa: ANN001
    """Catches: a signed event whose JSON nests 100,000 deep answering 500 with a traceback."""
    body = b'{"type": "event_callback", "event": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    response = await slack_app.post(body)
    assert response.status_code == 400
    event = sr.event_body(sr.message_event("ACME " + "[" * 200))  # text is fine, not nesting
    assert (await slack_app.post(event)).status_code == 200
