"""SlackDelivery, as the sweeper uses it: DMs, posts, updates, files, 429s, finding a nudge."""

from __future__ import annotations

from datetime import timedelta

import pytest
from slack_sdk.errors import SlackApiError

from bot.core.ports import MessageRef, RateLimited
from bot.core.replies import Attachment, Button, Reply, Section
from bot.platforms.slack.delivery import SlackDelivery
from tests.support.slack_fixtures import slack_deps

NUDGE = Reply(
    "⏰ #3 is due tomorrow",
    ephemeral=False,
    key="loopkeeper-nudge:3:due",
    sections=[Section("#3 ACME — ship SSO", buttons=[Button("Done", "done", "3")])],
)


@pytest.fixture
def delivery(sqlite_url, fake_slack, clock):  # noqa: ANN001, ANN201
    return SlackDelivery(slack_deps(sqlite_url, fake_slack, clock))


async def test_send_dm_opens_the_conversation_and_posts_blocks(delivery, fake_slack) -> None:  # noqa: ANN001
    """Breakage it must catch (tests/mutations): a MessageRef whose ts is not the message Slack
    stored (threads and updates would then point nowhere)."""
    ref = await delivery.send_dm("T0001", "U0007", NUDGE)
    assert fake_slack.calls("conversations.open")[0].params["users"] == "U0007"
    post = fake_slack.calls("chat.postMessage")[0]
    # The ref names the message Slack stored (its ts comes from Slack's answer, not from us).
    (stored,) = fake_slack.messages["D0007"]
    assert ref == MessageRef("D0007", stored["ts"])
    assert post.params["channel"] == "D0007"
    assert post.blocks[-1]["elements"][0]["action_id"] == "loop_done"
    assert post.headers["Authorization"] == "Bearer xoxb-test-token"
    await delivery.send_dm("T0001", "U0007", NUDGE, thread=ref)
    assert len(fake_slack.calls("conversations.open")) == 1  # remembered
    assert fake_slack.calls("chat.postMessage")[1].params["thread_ts"] == ref.ts


async def test_a_429_is_handed_to_the_sweeper(delivery, fake_slack) -> None:  # noqa: ANN001
    fake_slack.fail_next("chat.postMessage", status=429, retry_after=7)
    with pytest.raises(RateLimited) as raised:
        await delivery.post("T0001", "C0001", NUDGE)
    assert raised.value.retry_after == 7
    assert len(fake_slack.calls("chat.postMessage")) == 1  # not retried here


async def test_update_replaces_a_message(delivery, fake_slack) -> None:  # noqa: ANN001
    await delivery.update("T0001", MessageRef("D0007", "1.000001"), Reply("#3 is done"))
    update = fake_slack.calls("chat.update")[0]
    assert (update.params["channel"], update.params["ts"]) == ("D0007", "1.000001")
    assert "#3 is done" in update.text


async def test_files_go_up_in_three_steps(delivery, fake_slack) -> None:  # noqa: ANN001
    reply = Reply(
        "Weekly digest",
        ephemeral=False,
        attachments=[
            Attachment("weekly.csv", b"week_start,feedback\n2026-11-23,4\n", "Weekly", "text/csv")
        ],
    )
    await delivery.post("T0001", "C0001", reply)
    asked = fake_slack.calls("files.getUploadURLExternal")[0]
    assert asked.params["filename"] == "weekly.csv"
    (uploaded,) = fake_slack.uploads.values()
    assert uploaded == b"week_start,feedback\n2026-11-23,4\n"
    done = fake_slack.calls("files.completeUploadExternal")[0]
    assert done.params["channel_id"] == "C0001"


async def test_user_timezone_comes_from_the_profile(delivery, fake_slack) -> None:  # noqa: ANN001
    fake_slack.add_user("U0009", "kenji", tz="Asia/Tokyo")
    assert await delivery.user_timezone("T0001", "U0009") == "Asia/Tokyo"


async def test_find_sent_finds_a_nudge_by_its_key(delivery, fake_slack, clock) -> None:  # noqa: ANN001
    fake_slack.clock = clock.now
    since = clock.now() - timedelta(minutes=1)
    assert (
        await delivery.find_sent(
            "T0001", NUDGE.key, user="U0007", channel=None, thread=None, since=since
        )
        is None
    )
    sent = await delivery.send_dm("T0001", "U0007", NUDGE)
    found = await delivery.find_sent(
        "T0001", NUDGE.key, user="U0007", channel=None, thread=None, since=since
    )
    assert found == sent
    other = await delivery.find_sent(
        "T0001", "loopkeeper-nudge:4:due", user="U0007", channel=None, thread=None, since=since
    )
    assert other is None


async def test_an_error_answer_raises_with_slacks_error_and_never_the_token(
    delivery, fake_slack
) -> None:  # noqa: ANN001
    fake_slack.fail_next("chat.postMessage", status=200, error="channel_not_found")
    with pytest.raises(SlackApiError) as raised:
        await delivery.post("T0001", "C0404", NUDGE)
    assert raised.value.response["error"] == "channel_not_found"
    fake_slack.fail_next("chat.postMessage", status=500)
    with pytest.raises(SlackApiError) as failed:
        await delivery.post("T0001", "C0001", NUDGE)
    assert failed.value.response.status_code == 500
    assert "xoxb" not in str(raised.value) + str(failed.value)
    await delivery.aclose()
