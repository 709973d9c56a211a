"""The slash command (LOOPKEEPER_COMMAND, default /loop): every subcommand, one handler; long
answers come a page at a time with buttons to the other pages."""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.core.replies import Reply
from bot.platforms.slack import send, telling
from bot.platforms.slack.ack_budget import Late
from bot.platforms.slack.blocks import PAGE_ACTION, PICK_ACTION, messages, pager
from bot.platforms.slack.inbound import DAMAGED, as_reply, loop_number, say_damaged, team_of
from bot.platforms.slack.parts import SlackParts
from bot.platforms.slack.text import from_slack
from handlers import commands

log = logging.getLogger(__name__)


async def on_command(
    slack: SlackParts,
    ack: AsyncAck,
    body: dict[str, Any],
    context: AsyncBoltContext,
    respond: AsyncRespond,
) -> None:
    text = from_slack(body.get("text") or "")
    await run(
        slack, ack, team_of(context), body["user_id"], body.get("channel_id"), text, None, respond
    )


async def on_button(
    slack: SlackParts,
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    context: AsyncBoltContext,
    respond: AsyncRespond,
) -> None:
    """A page button (another page of a list, in place of this one), or a button (or a
    picker's choice) that runs the command in its value (Undo, "Forget Acme", "channel link
    Acme"), answered in a new message. A damaged value
    gets an "out of date" ephemeral, never a 500."""
    try:
        if action["action_id"].startswith(PAGE_ACTION):
            asked = json.loads(action["value"])
            text, page = str(asked["text"]), loop_number(asked["page"])
        elif action["action_id"] == PICK_ACTION:
            text, page = str(action["selected_option"]["value"]), None
        else:
            text, page = str(action["value"]), None
    except DAMAGED:
        await ack()
        await say_damaged(respond, "page button", log)
        return
    channel = (body.get("container") or {}).get("channel_id")
    await run(
        slack,
        ack,
        team_of(context),
        body["user"]["id"],
        channel,
        text,
        page,
        respond,
        button=page is None,
    )


async def run(
    slack: SlackParts,
    ack: AsyncAck,
    team: str,
    user: str,
    channel: str | None,
    text: str,
    page: int | None,
    respond: AsyncRespond,
    button: bool = False,
) -> None:
    """Answer in the ack when the command is done in time, through the response URL if not.
    A page button (`page` given) replaces the page it was on; another `button` is answered
    in a new message to the clicker."""

    async def decide() -> Reply:
        caller = await slack.callers.caller(team, user, channel)
        try:
            reply = await slack.db(commands.run, slack.deps, caller, text, page)
        except Exception as exc:  # noqa: BLE001 - a bug is told; a database failure re-raised
            return as_reply(exc, f"{slack.deps.settings.command} {text!r}", log)
        return await telling.tell(slack, caller, reply)

    async def answer(reply: Reply, skip_first: bool = False) -> None:
        await send.respond_all(
            respond,
            reply,
            replace_original=page is not None,
            skip_first=skip_first,
            tail=None if button else pager(reply, text),
        )
        await send.follow_ups(slack.delivery, team, reply, channel, user)

    # Not retried after a late failure: a command has no key, and Slack does not resend it.
    reply = await slack.work.before_ack(decide, answer, retry_late=False)
    if isinstance(reply, Late) or page is not None or button:
        await ack()
        if not isinstance(reply, Late):
            slack.work.later(answer(reply))
        return
    first_text, first_blocks = messages(reply, tail=pager(reply, text))[0]
    await ack(
        text=first_text,
        blocks=first_blocks,
        response_type="ephemeral" if reply.ephemeral else "in_channel",
    )
    slack.work.later(answer(reply, skip_first=True))
