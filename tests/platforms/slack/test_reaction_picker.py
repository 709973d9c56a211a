"""The capture emoji on a message that names no customer, through signed Slack requests on both
databases: the reactor picks the customer (a static select; a search past 100 customers) and
the pick logs the message once; in a linked channel the channel's customer is used at once."""

from __future__ import annotations

import json

import pytest

from handlers import commands
from tests.platforms.slack.helpers import acme_app, feedback, slack_caller
from tests.support import slack_requests as sr
from tests.support.slack_fixtures import SlackTestApp


@pytest.fixture
async def app(db_url, fake_slack, clock):  # noqa: ANN001, ANN201
    async for made in acme_app(db_url, fake_slack, clock):
        yield made


async def react_on(app: SlackTestApp, text: str, channel: str = sr.CHANNEL) -> str:
    ts = sr.new_ts()
    app.fake.add_message(channel, ts, text, user="U0002")
    await app.event(sr.reaction_event(channel, ts, reaction="loop"))
    await app.settle()
    return ts


def the_picker(app: SlackTestApp) -> dict:
    [question] = app.fake.calls("chat.postEphemeral")
    assert question.params["user"] == sr.USER and "names no customer" in question.text
    [block] = [b for b in question.blocks if str(b.get("block_id", "")).startswith("pick|")]
    return block


async def pick(app: SlackTestApp, block: dict, customer: str) -> None:
    [static] = [e for e in block["elements"] if e["type"] == "static_select"]
    [value] = [o["value"] for o in static["options"] if o["text"]["text"] == customer]
    action = sr.select(static["action_id"], value, block["block_id"])
    url = app.fake.response_url("pick")
    body = sr.block_actions_body(action, ephemeral=True, response_url=url)
    assert (await app.post(body)).status_code == 200
    await app.settle()


async def test_a_message_naming_nobody_asks_the_reactor_and_the_pick_logs_it_once(app) -> None:  # noqa: ANN001
    """Catches a pick stored twice (a double click, a second pick) or nothing stored."""
    commands.run(app.deps, slack_caller(), "customer add Globex")
    ts = await react_on(app, "the export button does nothing on big files")
    assert feedback(app.deps) == []  # nothing logged before the pick
    block = the_picker(app)
    [static] = block["elements"]  # two customers: no search needed
    assert [o["text"]["text"] for o in static["options"]] == ["Acme Corp", "Globex"]
    await pick(app, block, "Globex")
    await pick(app, block, "Globex")
    await pick(app, block, "Acme Corp")
    stored = feedback(app.deps)
    assert [(f.text, f.source, f.message_ts, f.customer_id) for f in stored] == [
        ("the export button does nothing on big files", "reaction", ts, 2)
    ]
    answers = [c.text for c in app.fake.calls("response_url")]
    assert "Logged" in answers[0] and "Globex" in answers[0]
    assert all("already logged for Globex" in a for a in answers[1:])
    assert app.fake.calls("reactions.add")[0].params["timestamp"] == ts


async def test_past_100_customers_the_picker_searches(app) -> None:  # noqa: ANN001
    for i in range(1, 121):
        commands.run(app.deps, slack_caller(), f"customer add Zeta {i:03d}")
    await react_on(app, "please call me back")
    block = the_picker(app)
    static, search = block["elements"]
    assert len(static["options"]) == 100 and search["type"] == "external_select"
    found = await app.post(
        sr.block_suggestion_body(search["action_id"], block["block_id"], "ta 11")
    )
    names = [o["text"]["text"] for o in json.loads(found.text)["options"]]
    assert names == ["Zeta 110", "Zeta 111", "Zeta 112", "Zeta 113", "Zeta 114", "Zeta 115",
                     "Zeta 116", "Zeta 117", "Zeta 118", "Zeta 119"]  # fmt: skip


async def test_in_a_linked_channel_the_reaction_logs_it_for_that_customer(app) -> None:  # noqa: ANN001
    with app.deps.uow() as uow:
        acme = uow.customers.by_key(1, "Acme Corp")
        uow.channel_links.link(acme.workspace_id, "CSHARED", acme.id, sr.USER, acme.created_at)  # type: ignore[union-attr, arg-type]
        uow.commit()
    await react_on(app, "the export button does nothing", channel="CSHARED")
    assert [(f.customer_id, f.channel) for f in feedback(app.deps)] == [(1, "CSHARED")]
    assert not [c for c in app.fake.calls("chat.postEphemeral") if "names no customer" in c.text]


async def test_a_message_naming_two_customers_is_logged_for_both(app) -> None:  # noqa: ANN001
    commands.run(app.deps, slack_caller(), "customer add Globex")
    await react_on(app, "ACME and Globex both want SSO")
    assert sorted(f.customer_id for f in feedback(app.deps)) == [1, 2]
