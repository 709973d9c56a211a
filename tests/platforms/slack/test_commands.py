"""The slash command: signed form posts, Block Kit answers, profiles, pagination, escaping."""

from __future__ import annotations

import json

from tests.platforms.slack.helpers import add_acme, loops
from tests.support import slack_requests as sr


def ack_blocks(response) -> tuple[str, list[dict]]:  # noqa: ANN001
    body = response.json()
    return body.get("response_type", ""), body.get("blocks", [])


def all_text(blocks: list[dict]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


async def test_help_is_answered_in_the_ack(slack_app) -> None:  # noqa: ANN001
    response = await slack_app.command("help")
    assert response.status_code == 200
    kind, blocks = ack_blocks(response)
    assert kind == "ephemeral"
    assert "feedback &lt;customer&gt;: &lt;text&gt;" in all_text(blocks)  # shown verbatim


async def test_commit_reads_due_dates_in_the_users_time_zone(slack_app) -> None:  # noqa: ANN001
    slack_app.fake.add_user("U0009", "kenji", tz="Asia/Tokyo")
    add_acme(slack_app.deps)
    response = await slack_app.command("commit ACME: ship SSO by tomorrow 10am", user="U0009")
    assert response.status_code == 200
    _, blocks = ack_blocks(response)
    assert "Tracking #1 for Acme Corp" in all_text(blocks)
    due = loops(slack_app.deps)[0].due_at
    assert due.isoformat() == "2026-11-25T01:00:00+00:00"  # 10:00 in Tokyo
    await slack_app.command("list", user="U0009")
    assert len(slack_app.fake.calls("users.info")) == 1  # the profile is read once


async def test_a_misspelt_date_is_refused_with_the_closest_reading_and_nothing_made(
    slack_app,  # noqa: ANN001
) -> None:
    add_acme(slack_app.deps)
    response = await slack_app.command("commit ACME: fix the CSV export by tomorow")
    _, blocks = ack_blocks(response)
    assert "⚠️" in all_text(blocks) and "couldn't read “tomorow”" in all_text(blocks)
    assert "Did you mean Wed 25 Nov 17:00 (UTC)" in all_text(blocks)
    assert loops(slack_app.deps) == []


async def test_a_zone_in_the_date_and_a_duration_snooze_are_honoured(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    await slack_app.command("commit ACME: call their CTO by friday 5pm PST")
    assert loops(slack_app.deps)[0].due_at.isoformat() == "2026-11-28T01:00:00+00:00"
    response = await slack_app.command("snooze 1 2h")
    assert "#1 snoozed until Tue 24 Nov 11:00 (UTC)" in all_text(ack_blocks(response)[1])


async def test_owner_named_as_slack_sends_it_gets_the_loop_and_a_dm(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    response = await slack_app.command("commit ACME: call back owner <@U0007|bea>")
    assert response.status_code == 200
    assert loops(slack_app.deps)[0].owner == "U0007"
    opened = await slack_app.fake.wait_for_async("conversations.open")
    assert opened[0].params["users"] == "U0007"
    dm = (await slack_app.fake.wait_for_async("chat.postMessage"))[0]
    assert dm.params["channel"] == "D0007" and "made you the owner of #1" in dm.text


async def test_unknown_customer_is_a_friendly_error(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    response = await slack_app.command("feedback Acmee: too slow")
    _, blocks = ack_blocks(response)
    assert "⚠️" in all_text(blocks) and "Acme Corp" in all_text(blocks)
    assert "customer add" in all_text(blocks)


async def test_long_lists_come_a_page_at_a_time_within_slacks_limit(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    for number in range(1, 31):
        reply = await slack_app.command(f"commit ACME: thing {number} by 2026-12-{number:02d}")
        assert reply.status_code == 200
    _, blocks = ack_blocks(await slack_app.command("list all"))
    assert len(blocks) <= 50
    assert "#1 Acme Corp — thing 1" in all_text(blocks) and "#21 " not in all_text(blocks)
    next_page = next(e for b in blocks if b.get("block_id") == "pager" for e in b["elements"])
    assert next_page["text"]["text"] == "Page 2 ›"
    click = sr.block_actions_body(
        sr.button(next_page["action_id"], next_page["value"]),
        ephemeral=True,
        response_url=slack_app.fake.response_url("p"),
    )
    assert (await slack_app.post(click)).status_code == 200
    page_two = (await slack_app.fake.wait_for_async("response_url"))[-1]
    assert page_two.params["replace_original"] is True
    assert "#21 Acme Corp — thing 21" in page_two.text and "#30 " in page_two.text
    assert "‹ Page 1" in page_two.text and "#1 Acme" not in page_two.text


def test_a_reply_over_fifty_blocks_is_split_into_messages() -> None:
    from bot.core.replies import Button, Reply, Section
    from bot.platforms.slack.blocks import messages

    reply = Reply(
        "Many",
        sections=[
            Section(f"#{n} item", buttons=[Button("Done", "done", str(n))]) for n in range(1, 41)
        ],
    )
    chunks = messages(reply)
    assert [len(blocks) for _, blocks in chunks] == [49, 32]
    for _, blocks in chunks:  # a loop's buttons stay with it
        assert blocks[0]["type"] != "actions"


async def test_customer_words_are_shown_verbatim_not_as_markup(slack_app) -> None:  # noqa: ANN001
    # Slack escapes what people type: "<!channel>" arrives as "&lt;!channel&gt;".
    response = await slack_app.command(
        "customer add Evil &lt;!channel&gt; &amp; Co aliases evilco segment smb"
    )
    _, blocks = ack_blocks(response)
    text = all_text(blocks)
    assert "Evil &lt;!channel&gt; &amp; Co" in text
    assert "<!channel>" not in text


async def test_a_report_with_rows_is_rendered_readably(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    response = await slack_app.command("customers")
    _, blocks = ack_blocks(response)
    assert "*Acme Corp*" in all_text(blocks) and "segment enterprise" in all_text(blocks)


async def test_the_configured_command_name_is_the_one_served(
    sqlite_url,
    fake_slack,
    clock,  # noqa: ANN001
) -> None:
    from tests.support.slack_fixtures import SlackTestApp, slack_deps

    app = SlackTestApp(
        slack_deps(sqlite_url, fake_slack, clock, LOOPKEEPER_COMMAND="/cs"), fake_slack
    )
    try:
        ours = await app.post(sr.command_body("help", command="/cs"))
        assert ours.status_code == 200 and "/cs feedback" in ours.text
        other = await app.post(sr.command_body("help", command="/loop"))
        assert other.status_code == 404
    finally:
        await app.close()


async def test_a_csv_export_is_uploaded_to_the_askers_dm(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    response = await slack_app.command("report loops csv")
    assert response.status_code == 200
    await slack_app.settle()
    asked = slack_app.fake.calls("files.getUploadURLExternal")[0]
    assert asked.params["filename"].endswith(".csv")
    (content,) = slack_app.fake.uploads.values()
    assert content.startswith(b"id,customer,what,owner,state,due")
    done = slack_app.fake.calls("files.completeUploadExternal")[0]
    assert done.params["channel_id"] == "D0001"  # the asker's DM: the answer was ephemeral


async def test_slack_admins_may_change_settings(slack_app) -> None:  # noqa: ANN001
    slack_app.fake.add_user("U0005", "olga", is_owner=True)
    refused = await slack_app.command("settings reaction eyes")
    assert "Only admins" in refused.text
    changed = await slack_app.command("settings reaction eyes", user="U0005")
    assert "reaction: eyes" in changed.text
