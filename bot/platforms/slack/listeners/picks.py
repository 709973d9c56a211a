"""The customer picked for a reacted message that named none (the capture emoji's question):
the pick logs the message, once, and the question is replaced by the answer; past 100
customers Slack asks for the options as the reactor types (block_suggestion)."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.core.replies import Reply, error_reply
from bot.platforms.slack import send
from bot.platforms.slack.blocks import PICKED, plain
from bot.platforms.slack.inbound import DAMAGED, as_reply, permalink, say_damaged, team_of
from bot.platforms.slack.listeners.events import fetch_message
from bot.platforms.slack.parts import SlackParts
from bot.platforms.slack.text import from_slack
from handlers import reaction_picks
from handlers.capture import ChatMessage

log = logging.getLogger(__name__)
PICK = f"loop_{reaction_picks.PICK_ACTION}"


async def on_pick(
    slack: SlackParts,
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    context: AsyncBoltContext,
    respond: AsyncRespond,
) -> None:
    await ack()
    try:
        customer_id = int(action["selected_option"]["value"])
        channel, ts = str(action["block_id"]).removeprefix(PICKED).split("|", 1)
    except DAMAGED:
        await say_damaged(respond, "customer picker", log)
        return
    team, user = team_of(context), body["user"]["id"]

    async def decide() -> Reply:
        found = await fetch_message(slack, channel, ts)
        if found is None:
            return error_reply("I can't read that message any more; nothing was logged.")
        text = from_slack(found.get("text") or "")
        link = permalink(await slack.workspace_url(), channel, ts, found.get("thread_ts"))
        caller = await slack.callers.caller(team, user, channel)
        message = ChatMessage(text, channel, ts, link, "reaction")
        try:
            return await slack.db(reaction_picks.picked, slack.deps, caller, customer_id, message)
        except Exception as exc:  # noqa: BLE001 - shown to the reactor, or re-raised
            return as_reply(exc, "logging a picked customer's message", log)

    async def tell(reply: Reply) -> None:
        if reply.react:
            await send.react(slack.client, channel, ts, reply.react)
        await send.respond_all(respond, reply, replace_original=True)

    await slack.work.decide_then(decide, tell)


async def on_pick_search(
    slack: SlackParts, ack: AsyncAck, body: dict[str, Any], context: AsyncBoltContext
) -> None:
    """The customers whose name holds what the reactor typed."""
    caller = await slack.callers.caller(team_of(context), body["user"]["id"], None)
    found = await slack.db(reaction_picks.search, slack.deps, caller, str(body.get("value") or ""))
    await ack(options=[{"text": plain(name), "value": value} for name, value in found])
