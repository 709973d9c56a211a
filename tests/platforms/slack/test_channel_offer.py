"""The offer to link a Slack Connect channel the bot was added to, through signed events and
clicks against the fake Web API (conversations.info, team.info), on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from tests.platforms.slack.helpers import add_acme
from tests.support import slack_requests as sr
from tests.support.slack_fixtures import SlackTestApp, slack_deps

SHARED, INTERNAL, OTHER_TEAM, OWNER = "C0SHARED", "C0INTERN", "T0EXT", "U0ANN"


def joined(channel: str, inviter: str | None = OWNER) -> dict:
    event = {"type": "member_joined_channel", "user": sr.BOT_USER, "channel": channel}
    event.update(channel_type="C", team=sr.TEAM, event_ts=sr.new_ts())
    return {**event, "inviter": inviter} if inviter else event


@pytest.fixture
async def app(db_url, fake_slack, clock):  # noqa: ANN001, ANN201
    app = SlackTestApp(slack_deps(db_url, fake_slack, clock), fake_slack)
    add_acme(app.deps, owner=OWNER)
    fake_slack.add_user(OWNER, "ann")
    fake_slack.add_channel(SHARED, "acme-shared", shared_with=(OTHER_TEAM,))
    fake_slack.add_channel(INTERNAL, "sales")
    fake_slack.add_team(OTHER_TEAM, "Acme Corporation", "acme-corporation", "acme.com")
    yield app
    await app.close()


def offered(app: SlackTestApp) -> list[dict]:
    """The elements of every offer made so far (ephemeral or posted)."""
    calls = app.fake.calls("chat.postEphemeral") + app.fake.calls("chat.postMessage")
    return [
        element
        for call in calls
        for block in call.blocks
        if block["type"] == "actions"
        for element in block["elements"]
    ]


async def test_the_inviter_is_offered_the_matching_customer_once(app) -> None:  # noqa: ANN001
    """Catches an offer for an internal channel, a second offer on Slack's retry, and a
    click on the offered button that does not link."""
    await app.event(joined(INTERNAL))
    await app.event(joined(SHARED), event_id="EvJ")
    await app.event(joined(SHARED), event_id="EvJ", retry_num=1)
    await app.settle()
    [prompt] = app.fake.calls("chat.postEphemeral")
    assert prompt.params["user"] == OWNER and prompt.params["channel"] == SHARED
    assert "This channel is shared with Acme Corporation. Link it" in prompt.text
    button, picker = offered(app)
    assert (button["action_id"], button["value"]) == ("loop_run", "channel link Acme Corp")
    assert picker["action_id"] == "loop_run_pick"
    assert [o["value"] for o in picker["options"]] == ["channel link Acme Corp"]
    click = sr.block_actions_body(
        sr.button("loop_run", button["value"]), user=OWNER, channel=SHARED, ephemeral=True
    )
    assert (await app.post(click)).status_code == 200
    await app.settle()
    with app.deps.uow() as uow:
        assert uow.channel_links.for_channel(1, SHARED).customer_id == 1
    await app.event(joined(SHARED))  # added again later: linked already, no offer
    await app.settle()
    assert len(app.fake.calls("chat.postEphemeral")) == 1


async def test_a_shared_channel_without_an_inviter_is_asked_in_the_channel(app) -> None:  # noqa: ANN001
    event = {"type": "channel_shared", "connected_team_id": OTHER_TEAM, "channel": SHARED}
    await app.event({**event, "event_ts": sr.new_ts()})
    await app.settle()
    [post] = app.fake.calls("chat.postMessage")
    assert post.params["channel"] == SHARED and "Link it to a customer?" in post.text


async def test_picking_a_customer_needs_the_right_to_link(app) -> None:  # noqa: ANN001
    """Catches the picker linking for anyone (the rights check skipped)."""
    app.fake.add_user("U0BOB", "bob")
    pick = sr.block_actions_body(
        sr.select("loop_run_pick", "channel link Acme Corp"),
        user="U0BOB",
        channel=SHARED,
        ephemeral=True,
        response_url=app.fake.response_url("pick"),
    )
    assert (await app.post(pick)).status_code == 200
    await app.settle()
    [answer] = app.fake.calls("response_url")
    assert "Only an admin or" in json.dumps(answer.params)
    with app.deps.uow() as uow:
        assert uow.channel_links.for_channel(1, SHARED) is None
