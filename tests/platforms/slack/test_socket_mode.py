"""Socket Mode: the same listeners, reached over the WebSocket that apps.connections.open
hands out (at SLACK_API_URL), acknowledged per envelope."""

from __future__ import annotations

import asyncio
import json
import urllib.parse

from bot.wiring.socket import serve_socket_mode
from tests.platforms.slack.helpers import add_acme, feedback
from tests.support import slack_requests as sr
from tests.support.slack_fixtures import slack_deps


async def test_events_and_commands_arrive_over_the_socket(sqlite_url, fake_slack, clock) -> None:  # noqa: ANN001
    deps = slack_deps(sqlite_url, fake_slack, clock)
    add_acme(deps)
    stop = asyncio.Event()
    running = asyncio.create_task(serve_socket_mode(deps, stop, with_scheduler=False))
    try:
        assert await fake_slack.socket_connected_async()
        opened = fake_slack.calls("apps.connections.open")[0]
        assert opened.headers["Authorization"] == "Bearer xapp-test-token"

        event = json.loads(sr.event_body(sr.message_event("ACME wants SSO")))
        envelope = fake_slack.socket_send("events_api", event)
        assert await fake_slack.socket_ack_async(envelope) == {"envelope_id": envelope}
        await fake_slack.wait_for_async("reactions.add")
        assert [f.text for f in feedback(deps)] == ["ACME wants SSO"]
        again = fake_slack.socket_send("events_api", event, retry_attempt=1)
        assert await fake_slack.socket_ack_async(again) is not None

        form = dict(urllib.parse.parse_qsl(sr.command_body("help").decode()))
        command = fake_slack.socket_send("slash_commands", form)
        answer = await fake_slack.socket_ack_async(command)
        assert answer is not None and "feedback" in json.dumps(answer["payload"]["blocks"])
    finally:
        stop.set()
        await asyncio.wait_for(running, 15)
    assert len(feedback(deps)) == 1
