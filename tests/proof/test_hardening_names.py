"""Issue 13, item 2: nobody can take over a name. Mentions are read from Slack's raw text (what a
person typed to look like one is not one), a mention's label never names anyone (names come from
the platform's profile), and a name two people share is refused. Signed Slack requests."""

from __future__ import annotations

from handlers import customers
from tests.platforms.slack.helpers import add_acme, feedback, loops, slack_caller
from tests.platforms.slack.test_commands import ack_blocks, all_text
from tests.proof.db import rows
from tests.support import slack_requests as sr

BOB, MALLORY, ALICE = "U0002", "U0666", "U0001"


def names(deps) -> dict[str, str]:  # noqa: ANN001
    return {r["external_id"]: r["name"] for r in rows(deps.engine, "SELECT * FROM chat_user")}


async def meet(slack_app) -> None:  # noqa: ANN001
    """Bob, Mallory and Alice have each used the bot: their profiles are known."""
    for user, name in [(BOB, "bob"), (MALLORY, "mallory"), (ALICE, "alice")]:
        slack_app.fake.add_user(user, name)
        await slack_app.command("list", user=user, user_name=name)


async def test_a_typed_mention_is_text_not_a_person(slack_app) -> None:  # noqa: ANN001
    """Catches: `<@U0002|old-bob>` typed (Slack sends `&lt;@U0002|old-bob&gt;`) read as a real
    mention after unescaping, its label saved as U0002's name."""
    await meet(slack_app)
    await slack_app.command("list &lt;@U0002|old-bob&gt;", user=MALLORY, user_name="mallory")
    add_acme(slack_app.deps)
    await slack_app.command("commit ACME: call back owner &lt;@U0666&gt;", user=ALICE)
    assert names(slack_app.deps)[BOB] == "bob"
    assert all(lp.owner != MALLORY for lp in loops(slack_app.deps))


async def test_a_mentions_label_does_not_rename_anyone(slack_app) -> None:  # noqa: ANN001
    """Catches: after `/loop list <@U0666|bob>`, `commit … owner @bob` going to the attacker,
    who could then cancel it; and `customers import` with owner `bob` doing the same."""
    await meet(slack_app)
    await slack_app.command("list <@U0666|bob>", user=MALLORY, user_name="mallory")
    assert names(slack_app.deps)[MALLORY] == "mallory"
    add_acme(slack_app.deps)
    response = await slack_app.command("commit ACME: send the roadmap owner @bob", user=ALICE)
    assert "Tracking #1" in all_text(ack_blocks(response)[1])
    assert loops(slack_app.deps)[0].owner == BOB
    response = await slack_app.command("cancel 1 mine now", user=MALLORY, user_name="mallory")
    assert "⚠️" in all_text(ack_blocks(response)[1])
    customers.import_rows(
        slack_app.deps, slack_caller(), [{"name": "Globex", "segment": "smb", "owner": "bob"}]
    )
    owners = rows(slack_app.deps.engine, "SELECT owner FROM customer WHERE name = 'Globex'")
    assert owners == [{"owner": BOB}]


async def test_a_name_two_people_share_is_refused(slack_app) -> None:  # noqa: ANN001
    """Catches: `owner @bob` silently picking one of two people whose profile says bob."""
    await meet(slack_app)
    slack_app.fake.add_user("U0003", "bob")
    await slack_app.command("list", user="U0003", user_name="bob")
    add_acme(slack_app.deps)
    response = await slack_app.command("commit ACME: call back owner @bob", user=ALICE)
    assert "More than one person here is called @bob" in all_text(ack_blocks(response)[1])
    assert loops(slack_app.deps) == []


async def test_typed_mentions_stay_text_in_what_is_stored_and_posted(slack_app) -> None:  # noqa: ANN001
    """Catches: typed `&lt;@U999&gt;` stored as `<@U999>` and so posted as a live mention in
    escalations and digests (which render stored text)."""
    from bot.platforms.slack.text import escape

    add_acme(slack_app.deps)
    event = sr.message_event("ACME says &lt;@U999&gt; and &lt;#C1&gt; broke the export")
    assert (await slack_app.event(event)).status_code == 200
    await slack_app.settle()
    (stored,) = feedback(slack_app.deps)
    assert "<@U999>" not in stored.text and "<#C1>" not in stored.text
    assert "<@U999>" not in escape(stored.text) and "@U999" in stored.text
