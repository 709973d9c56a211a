"""Slack's part of `tell`: post the answer in the customer's channel (in its thread), with the
post's permalink (chat.getPermalink) for the loop's history; then the CSAT question."""

from __future__ import annotations

import json
import logging
from typing import Any

import aiohttp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError

from bot.core.ports import MessageRef
from bot.core.replies import Reply, error_reply
from bot.platforms.slack import send
from bot.platforms.slack.blocks import input_value, tell_modal
from bot.platforms.slack.inbound import (
    DAMAGED,
    DAMAGED_TEXT,
    as_reply,
    loop_number,
    permalink,
    say_damaged,
    team_of,
)
from bot.platforms.slack.parts import SlackParts
from handlers import telling
from handlers.context import Caller

log = logging.getLogger(__name__)


async def tell(slack: SlackParts, caller: Caller, reply: Reply) -> Reply:
    """Post a prepared tell (`reply.to_customer`); a post Slack refuses is said plainly and the
    loop stays open."""
    post = reply.to_customer
    if post is None:
        return reply

    async def link(ref: MessageRef) -> str | None:
        try:
            found = await slack.client.chat_getPermalink(channel=ref.channel, message_ts=ref.ts)
            return str(found.get("permalink") or "") or None
        except (SlackApiError, aiohttp.ClientError) as exc:
            log.info("chat.getPermalink failed (%s): building the link", exc)
            return permalink(await slack.workspace_url(), ref.channel, ref.ts, post.thread)

    try:
        return await telling.deliver(slack.deps, caller, reply, slack.delivery, slack.db, link)
    except SlackApiError as exc:
        error = exc.response.get("error")
        log.info("tell #%s: posting in %s failed (%s)", post.number, post.channel, error)
        return error_reply(
            f"I couldn't post in <#{post.channel}> ({error}), so #{post.number} stays open. "
            "Invite me there (`/invite @Loopkeeper`) and try again."
        )
    except Exception as exc:  # noqa: BLE001 - told to the teller, or re-raised
        return as_reply(exc, f"tell #{post.number}", log)


async def on_tell_button(
    slack: SlackParts, ack: AsyncAck, body: dict[str, Any], action: dict[str, Any],
    context: AsyncBoltContext, respond: AsyncRespond,
) -> None:  # fmt: skip
    """Tell the customer: the dialog opens with the text prefilled (or why it can't)."""
    await ack()
    team, user = team_of(context), body["user"]["id"]
    channel = (body.get("container") or {}).get("channel_id")
    try:
        number = loop_number(action["value"])
    except DAMAGED:
        await say_damaged(respond, "Tell the customer button", log)
        return
    caller = await slack.callers.caller(team, user, channel)
    try:
        text = await slack.db(telling.draft, slack.deps, caller, number)
    except Exception as exc:  # noqa: BLE001 - told to the clicker, or re-raised
        await send.respond_all(respond, as_reply(exc, f"tell #{number}", log))
        return
    metadata = {"number": number, "channel": channel}
    view = tell_modal(number, text, metadata)
    slack.work.later(slack.client.views_open(trigger_id=body["trigger_id"], view=view))


async def on_tell_submitted(
    slack: SlackParts, ack: AsyncAck, body: dict[str, Any], view: dict[str, Any],
    context: AsyncBoltContext,
) -> None:  # fmt: skip
    """The dialog sent: posted in the customer's channel, the outcome told to the sender."""
    text = input_value(view, "tell", "text").strip()
    if not text:
        await ack(response_action="errors", errors={"tell": "Write what the customer reads."})
        return
    try:
        metadata = json.loads(view.get("private_metadata") or "{}")
        number, channel = loop_number(metadata["number"]), metadata.get("channel")
    except DAMAGED:
        await ack(response_action="errors", errors={"tell": DAMAGED_TEXT[:150]})
        return
    await ack()
    team, user = team_of(context), body["user"]["id"]

    async def told() -> None:
        caller = await slack.callers.caller(team, user, channel)
        try:
            prepared = await slack.db(telling.prepare, slack.deps, caller, number, text)
        except Exception as exc:  # noqa: BLE001 - told to the sender, or re-raised
            prepared = as_reply(exc, f"tell #{number}", log)
        reply = await tell(slack, caller, prepared)
        if channel:
            await send.ephemeral(slack.client, channel, user, reply)
        else:
            await slack.delivery.send_dm(team, user, reply)
        await send.follow_ups(slack.delivery, team, reply, channel, user)

    slack.work.later(told())
