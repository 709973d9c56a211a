"""`/loop tell` and CSAT through signed Slack requests against the fake Web API, on both
databases: the answer goes into the customer's channel (in the loop's thread), the loop closes
as told with the post's permalink in its history, and "How did we do?" counts the first answer
of a person of the customer's team (Slack Connect: the clicker's `team_id` is theirs)."""

from __future__ import annotations

import pytest
from sqlmodel import select

from handlers import commands
from storage.models import Loop
from tests.platforms.slack.helpers import acme_app, feedback, loop_events, loops, slack_caller
from tests.support import slack_requests as sr
from tests.support.slack_fixtures import SlackTestApp

CHANNEL = "CACME"  # the Slack Connect channel shared with Acme
THREAD = "1700000000.000100"  # the customer's question the loop answers
CUSTOMER, CUSTOMER_TEAM = "UEXT1", "TACME"


@pytest.fixture
async def app(db_url, fake_slack, clock):  # noqa: ANN001, ANN201
    async for made in acme_app(db_url, fake_slack, clock):
        yield made


def open_reply_loop(app: SlackTestApp, linked: bool = True) -> int:
    """Loop #1 for Acme, owned by the caller, answering the customer's message THREAD in
    CHANNEL (what a reply loop holds); CHANNEL linked to Acme unless `linked` is False."""
    reply = commands.run(app.deps, slack_caller(), "commit ACME: fix the SSO login by Friday")
    assert not reply.error, reply.text
    with app.deps.uow() as uow:
        loop = uow.session.exec(select(Loop)).one()
        loop.reply_channel, loop.reply_ts = CHANNEL, THREAD
        uow.session.add(loop)
        if linked:
            uow.channel_links.link(
                loop.workspace_id, CHANNEL, loop.customer_id, sr.USER, loop.created_at
            )
        uow.commit()
    return 1


def posts_in(app: SlackTestApp, channel: str) -> list:
    return [c for c in app.fake.calls("chat.postMessage") if c.params.get("channel") == channel]


async def told(
    app: SlackTestApp, text: str = "tell 1 SSO login is fixed, sorry for the wait"
) -> str:
    answer = await app.command(text)
    assert answer.status_code == 200
    await app.settle()
    return answer.text


def csat_button(app: SlackTestApp, score: int) -> tuple[dict, dict]:
    """The CSAT question as posted, and its button for `score`."""
    [question] = [c for c in posts_in(app, CHANNEL) if "How did we do?" in c.text]
    for block in question.blocks:
        for element in block.get("elements", []):
            if element.get("action_id") == "loop_csat" and element["text"]["text"] == str(score):
                message = {
                    "ts": "1700000001.000200",
                    "thread_ts": THREAD,
                    "blocks": question.blocks,
                }
                return sr.button("loop_csat", element["value"], block["block_id"]), message
    raise AssertionError("no CSAT button")


async def test_tell_posts_in_the_thread_closes_the_loop_and_asks_how_we_did(app) -> None:  # noqa: ANN001
    open_reply_loop(app)
    await told(app)
    answer, question = posts_in(app, CHANNEL)
    assert answer.params.get("thread_ts") == THREAD
    assert "SSO login is fixed, sorry for the wait" in answer.text
    assert question.params.get("thread_ts") == THREAD and "How did we do?" in question.text
    buttons = [e for b in question.blocks for e in b.get("elements", [])]
    assert [b["text"]["text"] for b in buttons] == ["1", "2", "3", "4", "5"]
    [loop] = loops(app.deps)
    assert loop.state == "closed" and loop.told_channel == CHANNEL and loop.told_ts
    link = f"{app.fake.base}/archives/{CHANNEL}/p{loop.told_ts.replace('.', '')}"
    assert [(e.kind, e.note) for e in loop_events(app.deps)][-1] == (
        "told",
        f"told in their channel: {link}",
    )


async def test_tell_without_a_linked_channel_points_to_told(app) -> None:  # noqa: ANN001
    open_reply_loop(app, linked=False)
    text = await told(app)
    assert "no linked channel" in text and "told 1 how" in text
    assert not app.fake.calls("chat.postMessage")
    assert loops(app.deps)[0].state == "open"


async def test_tell_default_text_is_the_loop_and_its_done_note(app) -> None:  # noqa: ANN001
    open_reply_loop(app)
    commands.run(app.deps, slack_caller(), "done 1 shipped in 4.2")
    await told(app, "tell #1")
    assert "fix the SSO login — shipped in 4.2" in posts_in(app, CHANNEL)[0].text


async def test_telling_twice_posts_once(app) -> None:  # noqa: ANN001
    """Catches a tell that posts before checking the loop is still open."""
    open_reply_loop(app)
    await told(app)
    text = await told(app)
    assert "closed already" in text
    assert len([c for c in posts_in(app, CHANNEL) if "SSO login" in c.text]) == 1


async def test_only_the_owner_account_owner_or_an_admin_may_tell(app) -> None:  # noqa: ANN001
    open_reply_loop(app)
    answer = await app.command("tell 1 fixed", user="U0666")
    await app.settle()
    assert "Only #1's owner" in answer.text
    assert not app.fake.calls("chat.postMessage") and loops(app.deps)[0].state == "open"


async def test_a_post_slack_refuses_leaves_the_loop_open_for_another_try(app) -> None:  # noqa: ANN001
    """Catches a claim that is not released when the post fails (the retry would be refused)."""
    open_reply_loop(app)
    app.fake.fail_next("chat.postMessage", status=200, error="not_in_channel")
    text = await told(app)
    assert "couldn't post" in text and "not_in_channel" in text
    assert loops(app.deps)[0].state == "open"
    await told(app)
    assert loops(app.deps)[0].state == "closed"


async def test_csat_counts_the_customers_first_answer_only(app) -> None:  # noqa: ANN001
    """Catches counting our own people's clicks, or a second answer overwriting the first."""
    open_reply_loop(app)
    await told(app)
    button, message = csat_button(app, 4)
    # one of our own people: told privately that it is for the customer, nothing stored
    await app.post(sr.block_actions_body(button, user=sr.USER, channel=CHANNEL, message=message))
    await app.settle()
    ours = app.fake.calls("chat.postEphemeral")[-1]
    assert "for the customer" in ours.text and ours.params["user"] == sr.USER
    assert loops(app.deps)[0].csat is None
    # the customer's person: counted, once, however often they click
    for _ in range(2):
        await app.post(sr.block_actions_body(button, user=CUSTOMER, user_team=CUSTOMER_TEAM,
                                             channel=CHANNEL, message=message))  # fmt: skip
        await app.settle()
    low, _ = csat_button(app, 1)
    await app.post(sr.block_actions_body(low, user="UEXT2", user_team=CUSTOMER_TEAM,
                                         channel=CHANNEL, message=message))  # fmt: skip
    await app.settle()
    [loop] = loops(app.deps)
    assert (loop.csat, loop.csat_by) == (4, CUSTOMER)
    rated = [f for f in feedback(app.deps) if f.source == "csat"]
    assert [(f.kind, f.author) for f in rated] == [("praise", CUSTOMER)]
    last = app.fake.calls("chat.postEphemeral")[-1]
    assert "already" in last.text and last.params.get("thread_ts") == THREAD


async def test_csat_can_be_turned_off(app) -> None:  # noqa: ANN001
    app.fake.add_user("U0005", "olga", is_admin=True)
    answer = await app.command("settings csat off", user="U0005")
    assert "csat: off" in answer.text
    open_reply_loop(app)
    await told(app)
    assert [("How did we do?" in c.text) for c in posts_in(app, CHANNEL)] == [False]


async def test_the_tell_button_opens_a_dialog_prefilled_and_posts_what_was_edited(app) -> None:  # noqa: ANN001
    """Catches the button missing on a linked customer's loop, a dialog without the loop's
    text, and the edited text not being what is posted."""
    open_reply_loop(app)
    listed = commands.run(app.deps, slack_caller(), "list all")
    assert "Tell the customer" in [b.label for b in listed.sections[0].buttons]
    button = sr.button("loop_tell", "1", "a:1:0")
    await app.post(sr.block_actions_body(button, ephemeral=True))
    await app.settle()
    [opened] = app.fake.calls("views.open")
    prefilled = opened.view["blocks"][0]["element"]["initial_value"]
    assert prefilled == "fix the SSO login"
    submitted = sr.view_submission_body(opened.view, {"tell": {"text": "SSO login is fixed!"}})
    assert (await app.post(submitted)).status_code == 200
    await app.settle()
    [answer, _question] = posts_in(app, CHANNEL)
    assert "SSO login is fixed!" in answer.text and answer.params.get("thread_ts") == THREAD
    assert loops(app.deps)[0].state == "closed"
    assert "has been told" in app.fake.calls("chat.postEphemeral")[-1].text
