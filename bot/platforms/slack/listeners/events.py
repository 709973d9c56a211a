"""Events: channel messages and @mentions are captured, reactions log the message they are on,
edits and deletes follow the stored feedback, App Home shows the user's loops."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.errors import SlackApiError

from bot.core.replies import Reply, error_reply
from bot.platforms.slack import send
from bot.platforms.slack.home import publish_home
from bot.platforms.slack.inbound import (
    SLACKBOT,
    SPOKEN,
    as_reply,
    by_person,
    captured,
    permalink,
    team_of,
)
from bot.platforms.slack.parts import SlackParts
from bot.platforms.slack.text import from_slack, strip_mention
from handlers import capture, reaction_picks, settings
from handlers.capture import ChatMessage
from handlers.context import Caller

log = logging.getLogger(__name__)


async def on_message(
    slack: SlackParts, body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
) -> None:
    subtype = event.get("subtype")
    if subtype == "message_changed":
        await edited(slack, event, context)
    elif subtype == "message_deleted":
        await deleted(slack, event, context)
    elif subtype in SPOKEN and by_person(event, context.bot_user_id):
        await captured(slack, body, event, team_of(context), from_slack(event.get("text") or ""))


async def on_mention(
    slack: SlackParts, body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
) -> None:
    if by_person(event, context.bot_user_id):
        text = strip_mention(from_slack(event.get("text") or ""), context.bot_user_id)
        await captured(slack, body, event, team_of(context), text)


async def on_reaction(slack: SlackParts, event: dict[str, Any], context: AsyncBoltContext) -> None:
    if (event.get("item") or {}).get("type") == "message":
        await reacted(slack, event, context)


async def on_home(slack: SlackParts, event: dict[str, Any], context: AsyncBoltContext) -> None:
    if event.get("tab") == "home":
        await publish_home(slack, team_of(context), event["user"], decide_now=True)


async def edited(slack: SlackParts, event: dict[str, Any], context: AsyncBoltContext) -> None:
    message = event.get("message") or {}
    if message.get("bot_id") or not message.get("ts"):
        return
    text = from_slack(message.get("text") or "")
    author = message.get("user") or SLACKBOT
    caller = Caller("slack", team_of(context), author, channel=event["channel"])

    async def decide() -> int:
        return await slack.db(
            capture.message_changed, slack.deps, caller, event["channel"], message["ts"], text
        )

    await slack.work.decide_then(decide, None)


async def deleted(slack: SlackParts, event: dict[str, Any], context: AsyncBoltContext) -> None:
    ts = event.get("deleted_ts") or (event.get("previous_message") or {}).get("ts")
    if not ts:
        return
    user = (event.get("previous_message") or {}).get("user") or SLACKBOT
    caller = Caller("slack", team_of(context), user, channel=event["channel"])

    async def decide() -> int:
        return await slack.db(capture.message_deleted, slack.deps, caller, event["channel"], ts)

    await slack.work.decide_then(decide, None)


async def reacted(slack: SlackParts, event: dict[str, Any], context: AsyncBoltContext) -> None:
    """The capture emoji on a message logs that message (once, however it arrives)."""
    team, user, item = team_of(context), event["user"], event["item"]
    channel, ts = item["channel"], item["ts"]

    async def decide() -> Reply | None:
        caller = await slack.callers.caller(team, user, channel)
        wanted = await slack.db(settings.value, slack.deps, caller, "reaction")
        if event.get("reaction") != str(wanted or "loop").strip(":"):
            return None
        found = await fetch_message(slack, channel, ts)
        if found is None:
            return error_reply(
                "I can't read that message. Invite me to the channel "
                "(`/invite @Loopkeeper`) and react again."
            )
        if found.get("bot_id") or found.get("subtype") == "bot_message":
            return None
        text = from_slack(found.get("text") or "")
        link = permalink(await slack.workspace_url(), channel, ts, found.get("thread_ts"))
        try:
            message = ChatMessage(text, channel, ts, link, "reaction")
            return await slack.db(reaction_picks.reacted, slack.deps, caller, message)
        except Exception as exc:  # noqa: BLE001 - shown to the reactor, or re-raised
            return as_reply(exc, "logging a reacted message", log)

    async def tell(reply: Reply | None) -> None:
        if reply is None:
            return
        if reply.react:
            await send.react(slack.client, channel, ts, reply.react)
        await send.ephemeral(slack.client, channel, user, reply)

    await slack.work.decide_then(decide, tell)


async def fetch_message(slack: SlackParts, channel: str, ts: str) -> dict[str, Any] | None:
    """The message at `ts` in `channel`: from the history, or from its thread."""
    try:
        history = await slack.client.conversations_history(
            channel=channel, latest=ts, oldest=ts, inclusive=True, limit=1
        )
        found = [m for m in history.get("messages", []) if m.get("ts") == ts]
        if found:
            return found[0]
        thread = await slack.client.conversations_replies(
            channel=channel, ts=ts, latest=ts, oldest=ts, inclusive=True, limit=1
        )
        found = [m for m in thread.get("messages", []) if m.get("ts") == ts]
        return found[0] if found else None
    except SlackApiError as exc:
        log.warning("can't read message %s in %s: %s", ts, channel, exc.response.get("error"))
        return None
