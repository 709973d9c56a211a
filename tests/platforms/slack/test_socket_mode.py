"""Socket Mode end to end: `loopkeeper socket` (serve_socket_mode) against a WebSocket on
127.0.0.1 speaking Slack's protocol (tests/support/fake_slack.py): the URL from
apps.connections.open (at SLACK_API_URL, with the app-level token), hello, events, slash
commands, button clicks and view submissions each acknowledged by envelope_id (with Slack's
response payload where one is due), `disconnect` followed by a new connection, and envelopes
Slack delivers again applied once."""

from __future__ import annotations

import asyncio
import json
import urllib.parse
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

from bot.platforms.slack.blocks import reply_blocks
from bot.wiring.socket import serve_socket_mode
from handlers import commands
from handlers.context import Deps
from tests.platforms.slack.helpers import add_acme, feedback, loop_events, loops, slack_caller
from tests.support import slack_requests as sr
from tests.support.fake_slack import FakeSlack
from tests.support.slack_fixtures import slack_deps, until

OWNER = "U0007"


@asynccontextmanager
async def socket_mode(deps: Deps, fake: FakeSlack) -> AsyncIterator[None]:
    """`loopkeeper socket` running (without its scheduler) until the block ends."""
    stop = asyncio.Event()
    running = asyncio.create_task(serve_socket_mode(deps, stop, with_scheduler=False))
    try:
        assert await fake.socket_connected_async()
        yield
    finally:
        stop.set()
        await asyncio.wait_for(running, 15)


def event_payload(event: dict[str, Any]) -> dict[str, Any]:
    return json.loads(sr.event_body(event))


def interactive_payload(body: bytes) -> dict[str, Any]:
    """What Slack puts in an `interactive` envelope: the JSON it would post as `payload=`."""
    return json.loads(urllib.parse.parse_qs(body.decode())["payload"][0])


async def send(fake: FakeSlack, kind: str, payload: dict, retry_attempt: int = 0) -> dict | None:
    """One envelope, and the app's ack of it."""
    envelope = fake.socket_send(kind, payload, retry_attempt)
    return await fake.socket_ack_async(envelope)


async def test_events_and_commands_arrive_over_the_socket(sqlite_url, fake_slack, clock) -> None:  # noqa: ANN001
    deps = slack_deps(sqlite_url, fake_slack, clock)
    add_acme(deps)
    async with socket_mode(deps, fake_slack):
        opened = fake_slack.calls("apps.connections.open")[0]
        assert opened.headers["Authorization"] == "Bearer xapp-test-token"

        event = event_payload(sr.message_event("ACME wants SSO"))
        envelope = fake_slack.socket_send("events_api", event)
        assert await fake_slack.socket_ack_async(envelope) == {"envelope_id": envelope}
        await fake_slack.wait_for_async("reactions.add")
        assert [f.text for f in feedback(deps)] == ["ACME wants SSO"]
        assert await send(fake_slack, "events_api", event, retry_attempt=1) is not None

        form = dict(urllib.parse.parse_qsl(sr.command_body("help").decode()))
        answer = await send(fake_slack, "slash_commands", form)
        assert answer is not None and "feedback" in json.dumps(answer["payload"]["blocks"])
    assert len(feedback(deps)) == 1


async def test_a_button_click_over_the_socket_acts_once_however_often_delivered(
    db_url,  # noqa: ANN001
    fake_slack,  # noqa: ANN001
    clock,  # noqa: ANN001
) -> None:
    """A Snooze choice in an `interactive` envelope, acknowledged by its envelope_id, moves the
    loop and updates the message. Catches a click applied again when Slack delivers the same
    envelope a second time (a second snooze, a second update)."""
    deps = slack_deps(db_url, fake_slack, clock)
    add_acme(deps)
    reply = commands.run(deps, slack_caller(), f"commit ACME: ship SSO by Friday owner <@{OWNER}>")
    message = {"ts": sr.new_ts(), "text": reply.text, "blocks": reply_blocks(reply)}
    snooze, block_id = next(
        (element, block["block_id"])
        for block in message["blocks"]
        for element in block.get("elements", [])
        if element.get("action_id") == "loop_snooze"
    )
    choice = snooze["options"][1]["value"]  # tomorrow 9:00
    click = interactive_payload(
        sr.block_actions_body(
            sr.select("loop_snooze", choice, block_id), user=OWNER, channel="D0007", message=message
        )
    )
    async with socket_mode(deps, fake_slack):
        first = fake_slack.socket_send("interactive", click)
        assert await fake_slack.socket_ack_async(first) == {"envelope_id": first}
        update = (await fake_slack.wait_for_async("chat.update"))[0]
        assert update.params["ts"] == message["ts"] and "snoozed" in update.text
        again = fake_slack.socket_send("interactive", click, retry_attempt=1)
        assert await fake_slack.socket_ack_async(again) == {"envelope_id": again}
    assert loops(deps)[0].snoozed_until.isoformat() == "2026-11-25T09:00:00+00:00"
    assert [e.kind for e in loop_events(deps)] == ["created", "snooze"]
    assert len(fake_slack.calls("chat.update")) == 1


async def test_a_view_submission_over_the_socket_answers_in_its_ack(
    db_url,
    fake_slack,
    clock,  # noqa: ANN001
) -> None:
    """The shortcut opens its modal; a mistake comes back in the ack's response payload
    (`response_action: errors`, the modal stays open); a good submission is stored once."""
    deps = slack_deps(db_url, fake_slack, clock)
    add_acme(deps)
    said = {"ts": sr.new_ts(), "user": "U0002", "text": "They love the new reports"}
    async with socket_mode(deps, fake_slack):
        shortcut = interactive_payload(sr.message_action_body(said))
        assert await send(fake_slack, "interactive", shortcut) is not None
        modal = (await fake_slack.wait_for_async("views.open"))[0].view

        wrong = {"customer": {"value": "Acmee"}, "text": {"value": said["text"]}}
        answer = await send(
            fake_slack, "interactive", interactive_payload(sr.view_submission_body(modal, wrong))
        )
        assert answer is not None and answer["payload"]["response_action"] == "errors"
        assert "Acme Corp" in answer["payload"]["errors"]["customer"]
        assert feedback(deps) == []

        right = {"customer": {"value": "acme"}, "text": {"value": said["text"]}}
        submitted = interactive_payload(sr.view_submission_body(modal, right))
        envelope = fake_slack.socket_send("interactive", submitted)
        assert await fake_slack.socket_ack_async(envelope) == {"envelope_id": envelope}
        await fake_slack.wait_for_async("chat.postEphemeral")
    assert [(f.text, f.source) for f in feedback(deps)] == [(said["text"], "shortcut")]


@pytest.mark.parametrize("reason", ["refresh_requested", "warning"])
async def test_after_a_disconnect_it_reconnects_and_keeps_working_exactly_once(
    reason: str,
    sqlite_url,  # noqa: ANN001
    fake_slack,  # noqa: ANN001
    clock,  # noqa: ANN001
) -> None:
    """Slack's `disconnect` (refresh_requested: the socket then closes; warning: it will soon):
    the app asks apps.connections.open for a new URL (the old one serves no second connection)
    and goes on; an event Slack delivers again on the new connection is applied once. Catches a
    client that reconnects to the URL it had, or not at all."""
    deps = slack_deps(sqlite_url, fake_slack, clock)
    add_acme(deps)
    async with socket_mode(deps, fake_slack):
        event = event_payload(sr.message_event("ACME wants SSO"))
        assert await send(fake_slack, "events_api", event) is not None
        fake_slack.socket_disconnect(reason)
        assert await fake_slack.socket_connected_async(count=2)
        assert len(fake_slack.calls("apps.connections.open")) >= 2
        assert {c.headers["Authorization"] for c in fake_slack.calls("apps.connections.open")} == {
            "Bearer xapp-test-token"
        }
        # The same event again (Slack's retry) and a new one, on the new connection.
        assert await send(fake_slack, "events_api", event, retry_attempt=1) is not None
        later = event_payload(sr.message_event("ACME asks for audit logs"))
        assert await send(fake_slack, "events_api", later) is not None
        form = dict(urllib.parse.parse_qsl(sr.command_body("list all").decode()))
        assert await send(fake_slack, "slash_commands", form) is not None
        await fake_slack.wait_for_async("reactions.add", count=2)
    assert [f.text for f in feedback(deps)] == ["ACME wants SSO", "ACME asks for audit logs"]


async def test_the_workflow_step_runs_over_the_socket(db_url, fake_slack, clock) -> None:  # noqa: ANN001
    deps = slack_deps(db_url, fake_slack, clock)
    add_acme(deps)
    token = fake_slack.function_token("Fx0900")
    inputs = {"customer": "ACME", "what": "send the SOC2 report", "owner": OWNER, "due": "Friday"}
    run = event_payload(sr.function_executed_event("Fx0900", token, inputs))
    async with socket_mode(deps, fake_slack):
        envelope = fake_slack.socket_send("events_api", run)
        assert await fake_slack.socket_ack_async(envelope) == {"envelope_id": envelope}
        await until(lambda: bool(fake_slack.completions("Fx0900")))
    [completion] = fake_slack.completions("Fx0900")
    assert completion.method == "functions.completeSuccess"
    assert completion.headers["Authorization"] == f"Bearer {token}"
    assert json.loads(completion.params["outputs"])["loop_number"] == 1
    assert [(lp.what, lp.owner) for lp in loops(deps)] == [("send the SOC2 report", OWNER)]


async def test_a_disconnect_while_slack_refuses_a_new_url_is_survived(
    sqlite_url,  # noqa: ANN001
    fake_slack,  # noqa: ANN001
    clock,  # noqa: ANN001
) -> None:
    """Slack closes the connection and its first apps.connections.open after that fails: the
    client keeps trying (its connection monitor) until it is connected again, then works."""
    deps = slack_deps(sqlite_url, fake_slack, clock)
    add_acme(deps)
    async with socket_mode(deps, fake_slack):
        fake_slack.fail_next("apps.connections.open", status=500, retry_after=None)
        fake_slack.socket_disconnect("refresh_requested")
        assert await fake_slack.socket_connected_async(timeout=30, count=2)
        assert fake_slack.calls("apps.connections.open")[1].params.get("_failed") == 500
        event = event_payload(sr.message_event("ACME wants SSO"))
        assert await send(fake_slack, "events_api", event) is not None
        await fake_slack.wait_for_async("reactions.add")
    assert [f.text for f in feedback(deps)] == ["ACME wants SSO"]
