"""Customer channels through signed Slack requests, on SQLite and PostgreSQL: Slack Connect
payloads (`is_ext_shared_channel`, `user_team`, `source_team`) against the fake Web API."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.platforms.slack.helpers import add_acme, feedback, loop_events, loops
from tests.platforms.slack.test_commands import ack_blocks, all_text
from tests.support import slack_requests as sr
from tests.support.slack_fixtures import SlackTestApp, slack_deps

GUEST, GUEST_TEAM, OWNER = "U0EXT1", "T0EXT", "U0ANN"


@pytest.fixture
async def app(db_url, fake_slack, clock):  # noqa: ANN001, ANN201
    app = SlackTestApp(slack_deps(db_url, fake_slack, clock), fake_slack)
    add_acme(app.deps, owner=OWNER)
    fake_slack.add_user(OWNER, "ann")
    fake_slack.add_user(GUEST, "jane", team=GUEST_TEAM)
    response = await app.command("channel link Acme Corp", user=OWNER)
    assert "now Acme Corp's" in all_text(ack_blocks(response)[1])
    yield app
    await app.close()


async def test_a_guests_question_is_the_customers_and_waits_for_our_first_reply(
    app,
    clock,  # noqa: ANN001
) -> None:
    """Catches the customer's words dropped (they name no customer), a retry stored twice,
    and a reply in the thread not closing the reply loop."""
    question = sr.connect_message_event("Can you export the usage report?", GUEST, GUEST_TEAM)
    first = await app.event(question, event_id="EvQ", shared=True)
    again = await app.event(question, event_id="EvQ", retry_num=1, shared=True)
    assert first.status_code == again.status_code == 200
    await app.settle()
    assert [(f.customer_id, f.source, f.kind, f.author) for f in feedback(app.deps)] == [
        (1, "channel", "question", GUEST)
    ]
    [loop] = loops(app.deps)
    assert (loop.what, loop.owner, loop.reply_ts) == (
        "Reply to Acme Corp: Can you export the usage report?",
        OWNER,
        question["ts"],
    )
    assert loop.due_at - loop.created_at == timedelta(hours=2)  # Tuesday 09:00 UTC
    clock.advance(minutes=25)
    reply = sr.connect_message_event("Yes, under Reports.", OWNER, sr.TEAM, question["ts"])
    await app.event(reply, shared=True)
    await app.event(sr.connect_message_event("Later: CSV too", OWNER, sr.TEAM, question["ts"]))
    await app.settle()
    [loop] = loops(app.deps)
    assert loop.state == "closed" and loop.first_response_at - loop.created_at == timedelta(
        minutes=25
    )
    told = [e for e in loop_events(app.deps) if e.kind == "told"]
    assert len(told) == 1 and told[0].actor == OWNER
    assert f"p{reply['ts'].replace('.', '')}" in told[0].note  # the answer's permalink


async def test_our_people_and_praise_open_nothing(app) -> None:  # noqa: ANN001
    """Catches our own message counted as the customer's (user_team equals ours) and praise
    opening a reply loop."""
    await app.event(sr.connect_message_event("Any questions, ping me", OWNER, sr.TEAM), shared=True)
    await app.event(
        sr.connect_message_event("Thanks, the new dashboard is great!", GUEST, GUEST_TEAM),
        shared=True,
    )
    await app.settle()
    assert [(f.author, f.kind) for f in feedback(app.deps)] == [(GUEST, "praise")]
    assert loops(app.deps) == []


async def test_without_user_team_the_guests_profile_says_whose_they_are(app) -> None:  # noqa: ANN001
    """A shared channel's event without user_team/source_team: users.info's team decides."""
    await app.event(sr.connect_message_event("The export is broken", GUEST, None), shared=True)
    await app.event(sr.connect_message_event("Looking into it", OWNER, None), shared=True)
    await app.settle()
    assert [(f.author, f.source) for f in feedback(app.deps)] == [(GUEST, "channel")]
    assert [lp.what for lp in loops(app.deps)] == ["Reply to Acme Corp: The export is broken"]


async def test_a_deleted_question_stops_waiting_for_an_answer(app) -> None:  # noqa: ANN001
    """The customer deletes a question nobody answered: its reply loop is cancelled (no more
    nudges for a question that is gone), its feedback kept as deleted. A deleted question we
    had already answered keeps its closed loop. Catches the reply loop left open, or an
    answered one reopened or cancelled."""
    first = sr.connect_message_event("Can you export the usage report?", GUEST, GUEST_TEAM)
    second = sr.connect_message_event("Is SSO on the roadmap?", GUEST, GUEST_TEAM)
    await app.event(first, shared=True)
    await app.event(second, shared=True)
    await app.event(sr.connect_message_event("Yes, Q1.", OWNER, sr.TEAM, second["ts"]), shared=True)
    await app.settle()
    for question in (first, second):
        await app.event(sr.deleted_event(question["channel"], question["ts"], GUEST), shared=True)
    await app.settle()
    states = {lp.reply_ts: (lp.state, lp.next_nudge_at) for lp in loops(app.deps)}
    assert states[first["ts"]] == ("cancelled", None)
    assert states[second["ts"]][0] == "closed"
    cancelled = [e.note for e in loop_events(app.deps) if e.kind == "cancel"]
    assert cancelled == ["the customer deleted their message"]
    assert all(f.deleted_at is not None for f in feedback(app.deps))


async def test_only_admins_and_the_account_owner_may_link(app) -> None:  # noqa: ANN001
    """Catches a link or unlink by anyone (the rights check skipped)."""
    app.fake.add_user("U0BOB", "bob")
    denied = all_text(ack_blocks(await app.command("channel unlink", user="U0BOB"))[1])
    assert "Only an admin or" in denied
    listed = all_text(ack_blocks(await app.command("channels", user="U0BOB"))[1])
    assert f"Acme Corp — <#{sr.CHANNEL}>" in listed
    app.fake.add_user("U0ADM", "root", is_admin=True)
    unlinked = all_text(ack_blocks(await app.command("channel unlink", user="U0ADM"))[1])
    assert "no longer Acme Corp's" in unlinked
    await app.event(sr.connect_message_event("Is SSO ready?", GUEST, GUEST_TEAM), shared=True)
    await app.settle()
    assert feedback(app.deps) == [] and loops(app.deps) == []  # not a customer channel now
