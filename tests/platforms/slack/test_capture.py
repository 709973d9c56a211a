"""Capture through signed Events API requests: messages, mentions, reactions, edits, deletes."""

from __future__ import annotations

import pytest

from handlers import commands
from tests.platforms.slack.helpers import add_acme, feedback, loop_events, loops, slack_caller
from tests.support import slack_requests as sr
from tests.support.slack_fixtures import SlackTestApp, slack_deps


@pytest.fixture
async def app(db_url, fake_slack, clock):  # noqa: ANN001, ANN201
    """Both backends: exactly-once is the database's job."""
    app = SlackTestApp(slack_deps(db_url, fake_slack, clock), fake_slack)
    add_acme(app.deps)
    yield app
    await app.close()


async def test_message_naming_a_customer_is_logged_and_marked(app) -> None:  # noqa: ANN001
    event = sr.message_event(
        "ACME asked for SSO &amp; SCIM, see <http://acme.example.com|acme.com>"
    )
    response = await app.event(event)
    assert response.status_code == 200
    stored = feedback(app.deps)
    assert [(f.text, f.source, f.author, f.channel) for f in stored] == [
        ("ACME asked for SSO & SCIM, see acme.com", "mention", sr.USER, sr.CHANNEL)
    ]
    assert stored[0].permalink.endswith(f"/archives/{sr.CHANNEL}/p{event['ts'].replace('.', '')}")
    reaction = (await app.fake.wait_for_async("reactions.add"))[0]
    assert reaction.params["timestamp"] == event["ts"] and reaction.params["name"] == "memo"
    await app.settle()
    assert not app.fake.calls("chat.postEphemeral")  # no promise, no prompt


async def test_slack_retries_never_duplicate(app) -> None:  # noqa: ANN001
    event = sr.message_event("ACME wants an export")
    first = await app.event(event, event_id="Ev1")
    again = await app.event(event, event_id="Ev1", retry_num=1)
    assert first.status_code == again.status_code == 200
    await app.settle()
    assert len(feedback(app.deps)) == 1
    assert len(app.fake.calls("reactions.add")) == 1


async def test_message_and_mention_of_the_same_message_log_once(app) -> None:  # noqa: ANN001
    ts = sr.new_ts()
    await app.event(sr.message_event(f"<@{sr.BOT_USER}> ACME is unhappy with the latency", ts=ts))
    await app.event(sr.mention_event("ACME is unhappy with the latency", ts=ts))
    await app.settle()
    assert len(feedback(app.deps)) == 1


async def test_a_mention_alone_is_captured_without_the_bots_name(app) -> None:  # noqa: ANN001
    await app.event(sr.mention_event("ACME loves the new dashboard"))
    await app.settle()
    assert [f.text for f in feedback(app.deps)] == ["ACME loves the new dashboard"]


async def test_bot_messages_and_our_own_posts_are_never_captured(app) -> None:  # noqa: ANN001
    await app.event(sr.bot_message_event("ACME invoice overdue"))
    await app.event(sr.message_event("ACME says hi", user=sr.BOT_USER))
    await app.event(sr.message_event("ACME via a bot user", bot_id="BOTHER"))
    await app.settle()
    assert feedback(app.deps) == []
    assert not app.fake.calls("reactions.add")


async def test_commitment_language_asks_to_track_and_the_button_makes_one_loop(app) -> None:  # noqa: ANN001
    event = sr.message_event("We'll ship SSO for ACME by Friday")
    await app.event(event)
    prompt = (await app.fake.wait_for_async("chat.postEphemeral"))[0]
    assert prompt.params["user"] == sr.USER and "Track this commitment" in prompt.text
    track = next(e for b in prompt.blocks if b["type"] == "actions" for e in b["elements"])
    assert track["action_id"] == "loop_track"
    assert loops(app.deps) == []  # never a silent loop
    click = sr.block_actions_body(
        sr.button("loop_track", track["value"]),
        ephemeral=True,
        response_url=app.fake.response_url("track"),
    )
    first, second = await app.post(click), await app.post(click)
    assert first.status_code == second.status_code == 200
    await app.settle()
    created = loops(app.deps)
    assert len(created) == 1
    assert created[0].owner == sr.USER and created[0].due_at.weekday() == 4  # Friday
    answers = app.fake.calls("response_url")
    assert answers[0].params["replace_original"] is True and "#1" in answers[0].text


async def test_a_promise_to_two_customers_tracks_one_loop_each_titled_with_the_promise(app) -> None:  # noqa: ANN001
    commands.run(app.deps, slack_caller(), "customer add Globex")
    event = sr.message_event(
        "ACME and Globex both hit the rate limit bug, we will ship a fix next week"
    )
    await app.event(event)
    prompt = (await app.fake.wait_for_async("chat.postEphemeral"))[0]
    assert "promise to Acme Corp and Globex (one loop each): “ship a fix”" in prompt.text
    track = next(e for b in prompt.blocks if b["type"] == "actions" for e in b["elements"])
    click = sr.block_actions_body(
        sr.button("loop_track", track["value"]),
        ephemeral=True,
        response_url=app.fake.response_url("track"),
    )
    assert (await app.post(click)).status_code == 200
    await app.settle()
    created = loops(app.deps)
    assert [(lp.what, lp.customer_id) for lp in created] == [
        ("ship a fix", feedback(app.deps)[0].customer_id),
        ("ship a fix", feedback(app.deps)[1].customer_id),
    ]
    answer = app.fake.calls("response_url")[0].text
    assert "Tracking #1 for Acme Corp and #2 for Globex: ship a fix" in answer
    history = [e.note for e in loop_events(app.deps)]
    assert all(event["text"] in note and "/archives/" in note for note in history)


async def test_a_promise_with_a_misspelt_date_says_so_and_offers_no_button(app) -> None:  # noqa: ANN001
    await app.event(sr.message_event("We'll ship SSO for ACME by tomorow"))
    prompt = (await app.fake.wait_for_async("chat.postEphemeral"))[0]
    assert "couldn't read “by tomorow”" in prompt.text and "Did you mean Wed 25 Nov" in prompt.text
    assert not [b for b in prompt.blocks if b["type"] == "actions"]
    assert loops(app.deps) == []


async def test_edits_update_and_deletes_mark_stored_feedback(app) -> None:  # noqa: ANN001
    event = sr.message_event("ACME wants dark mode")
    await app.event(event)
    await app.event(sr.edited_event(sr.CHANNEL, event["ts"], "ACME wants dark mode &amp; more"))
    assert [f.text for f in feedback(app.deps)] == ["ACME wants dark mode & more"]
    assert feedback(app.deps)[0].edited_at is not None
    await app.event(sr.deleted_event(sr.CHANNEL, event["ts"]))
    assert feedback(app.deps)[0].deleted_at is not None


async def test_capture_emoji_logs_the_message_it_is_on_once(app) -> None:  # noqa: ANN001
    ts = sr.new_ts()
    app.fake.add_message(sr.CHANNEL, ts, "ACME churn risk: budget cut", user="U0002")
    await app.event(sr.reaction_event(sr.CHANNEL, ts, reaction="thumbsup"))
    await app.settle()
    assert feedback(app.deps) == []  # not our emoji
    await app.event(sr.reaction_event(sr.CHANNEL, ts, reaction="loop"))
    await app.settle()
    stored = feedback(app.deps)
    assert [(f.text, f.source, f.message_ts) for f in stored] == [
        ("ACME churn risk: budget cut", "reaction", ts)
    ]
    # The same message arriving as an event too: still one feedback.
    await app.event(sr.message_event("ACME churn risk: budget cut", ts=ts, user="U0002"))
    await app.event(sr.reaction_event(sr.CHANNEL, ts, reaction="loop", user="U0003"))
    await app.settle()
    assert len(feedback(app.deps)) == 1


async def test_the_capture_emoji_is_a_workspace_setting(app) -> None:  # noqa: ANN001
    app.fake.add_user("U0005", "olga", is_admin=True)
    answer = await app.command("settings reaction eyes", user="U0005")
    assert "reaction: eyes" in answer.text
    ts = sr.new_ts()
    app.fake.add_message(sr.CHANNEL, ts, "ACME wants a sandbox", user="U0002")
    await app.event(sr.reaction_event(sr.CHANNEL, ts, reaction="loop"))
    await app.settle()
    assert feedback(app.deps) == []
    await app.event(sr.reaction_event(sr.CHANNEL, ts, reaction="eyes"))
    await app.settle()
    assert [f.source for f in feedback(app.deps)] == ["reaction"]
