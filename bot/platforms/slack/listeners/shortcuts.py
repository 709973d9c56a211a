"""The message shortcut "Log customer feedback": a modal prefilled from the message, whose
submission logs the feedback (mistakes are shown in the modal, nothing is lost)."""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.errors import SlackApiError

from bot.core import grammar
from bot.core.errors import NotFound, UserError
from bot.core.replies import Reply
from bot.platforms.slack import send
from bot.platforms.slack.ack_budget import Late
from bot.platforms.slack.blocks import feedback_modal, input_value
from bot.platforms.slack.inbound import permalink, team_of
from bot.platforms.slack.parts import SlackParts
from bot.platforms.slack.text import from_slack
from handlers import capture
from handlers.capture import ChatMessage

log = logging.getLogger(__name__)

SHORTCUT = "log_feedback"


async def on_shortcut(
    slack: SlackParts, ack: AsyncAck, body: dict[str, Any], context: AsyncBoltContext
) -> None:
    await ack()
    await open_modal(slack, body, context)


async def on_submitted(
    slack: SlackParts,
    ack: AsyncAck,
    body: dict[str, Any],
    view: dict[str, Any],
    context: AsyncBoltContext,
) -> None:
    await submitted(slack, ack, body, view, context)


async def open_modal(slack: SlackParts, body: dict[str, Any], context: AsyncBoltContext) -> None:
    message = body.get("message") or {}
    team, user = team_of(context), body["user"]["id"]
    channel, ts = (body.get("channel") or {}).get("id") or "", message.get("ts") or ""
    text = from_slack(message.get("text") or "")

    async def decide() -> str:
        caller = await slack.callers.caller(team, user, channel)
        names = await slack.db(capture.customers_named, slack.deps, caller, text)
        return names[0] if len(names) == 1 else ""

    async def tell(customer: str) -> None:
        link = await _permalink(slack, context, channel, ts, message.get("thread_ts"))
        metadata = {"channel": channel, "ts": ts, "permalink": link}
        await slack.client.views_open(
            trigger_id=body["trigger_id"], view=feedback_modal(text, customer, link, metadata)
        )

    await slack.work.decide_then(decide, tell)


async def _permalink(
    slack: SlackParts, context: AsyncBoltContext, channel: str, ts: str, thread_ts: str | None
) -> str | None:
    try:
        found = await slack.client.chat_getPermalink(channel=channel, message_ts=ts)
        return found.get("permalink")
    except SlackApiError as exc:
        log.info("chat.getPermalink failed (%s); building the link", exc.response.get("error"))
        return permalink(await slack.workspace_url(), channel, ts, thread_ts)


async def submitted(
    slack: SlackParts,
    ack: AsyncAck,
    body: dict[str, Any],
    view: dict[str, Any],
    context: AsyncBoltContext,
) -> None:
    try:  # what we put there; anything else is logged without its message's place
        metadata = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        metadata = None
    metadata = metadata if isinstance(metadata, dict) else {}
    customer, text = input_value(view, "customer").strip(), input_value(view, "text").strip()
    errors = {}
    if not customer:
        errors["customer"] = "Which customer said it?"
    if not text:
        errors["text"] = "What did they say?"
    if errors:
        await ack(response_action="errors", errors=errors)
        return
    team, user = team_of(context), body["user"]["id"]
    channel, ts = metadata.get("channel") or "", metadata.get("ts") or ""
    message = ChatMessage(text, channel, ts, metadata.get("permalink"), "shortcut")

    async def decide() -> Reply | dict[str, str]:
        caller = await slack.callers.caller(team, user, channel)
        try:
            return await slack.db(
                capture.log_feedback,
                slack.deps,
                caller,
                grammar.LogFeedback(customer, text),
                "shortcut",
                message,
            )
        except NotFound as exc:
            return {"customer": exc.message[:150]}
        except UserError as exc:
            return {"text": exc.message[:150]}

    async def tell(outcome: Reply | dict[str, str]) -> None:
        if isinstance(outcome, dict):  # too late for the modal: tell the user instead
            outcome = Reply(
                "I couldn't log that feedback: " + " ".join(outcome.values()), error=True
            )
        elif outcome.react and channel and ts:
            await send.react(slack.client, channel, ts, outcome.react)
        if channel:
            await send.ephemeral(slack.client, channel, user, outcome)

    outcome = await slack.work.before_ack(decide, tell)
    if isinstance(outcome, dict):
        await ack(response_action="errors", errors=outcome)
        return
    await ack()
    if not isinstance(outcome, Late):
        slack.work.later(tell(outcome))
