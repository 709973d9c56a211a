"""Events: channel messages and @mentions are captured, reactions log the message they are on,
edits and deletes follow the stored feedback, App Home shows the user's loops."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.errors import SlackApiError

from bot.core import grammar
from bot.core.replies import Reply, error_reply
from bot.platforms.slack import send
from bot.platforms.slack.blocks import home_view
from bot.platforms.slack.listeners.common import as_reply, permalink, team_of
from bot.platforms.slack.text import from_slack, strip_mention
from bot.platforms.slack.work import Late
from handlers import capture, loops, settings
from handlers.capture import Capture, ChatMessage
from handlers.context import Caller

if TYPE_CHECKING:
    from bot.platforms.slack.app import SlackBot

log = logging.getLogger(__name__)

# Message subtypes that are people talking (others: joins, topic changes, bots, edits...).
SPOKEN = {None, "thread_broadcast", "file_share", "me_message"}
SLACKBOT = "USLACKBOT"  # who acts when Slack does not say (an edit by an integration)


def register(bot: SlackBot) -> None:
    app = bot.app

    @app.event("message")
    async def on_message(
        body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        subtype = event.get("subtype")
        if subtype == "message_changed":
            await edited(bot, event, context)
        elif subtype == "message_deleted":
            await deleted(bot, event, context)
        elif subtype in SPOKEN and by_person(event, context.bot_user_id):
            await captured(bot, body, event, team_of(context), from_slack(event.get("text") or ""))

    @app.event("app_mention")
    async def on_mention(
        body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        if by_person(event, context.bot_user_id):
            text = strip_mention(from_slack(event.get("text") or ""), context.bot_user_id)
            await captured(bot, body, event, team_of(context), text)

    @app.event("reaction_added")
    async def on_reaction(event: dict[str, Any], context: AsyncBoltContext) -> None:
        if (event.get("item") or {}).get("type") == "message":
            await reacted(bot, event, context)

    @app.event("app_home_opened")
    async def on_home(event: dict[str, Any], context: AsyncBoltContext) -> None:
        if event.get("tab") == "home":
            await publish_home(bot, team_of(context), event["user"], decide_now=True)


def by_person(message: dict[str, Any], bot_user_id: str | None) -> bool:
    """Bot messages and the bot's own posts are never captured."""
    return (
        bool(message.get("user"))
        and not message.get("bot_id")
        and (message.get("user") != bot_user_id)
    )


async def captured(
    bot: SlackBot, body: dict[str, Any], event: dict[str, Any], team: str, text: str
) -> None:
    """A message naming known customers: stored before the ack, reaction and prompt after.
    `team` is the request's workspace (it scopes the capture)."""
    user, channel, ts = event["user"], event["channel"], event["ts"]

    async def decide() -> Reply | None:
        link = permalink(await bot.workspace_url(), channel, ts, event.get("thread_ts"))
        message = ChatMessage(text, channel, ts, link, "mention")
        caller = await bot.callers.caller(team, user, channel)
        return await bot.captures.submit(Capture(caller, message, body.get("event_id")))

    async def tell(reply: Reply | None) -> None:  # queues the Web API calls: after the ack
        if reply is None:
            return
        if reply.react:
            bot.reactions.add(channel, ts, reply.react)
        if reply.sections:  # "Track this commitment?", or why a promise cannot be tracked
            prompt = send.ephemeral(bot.client, channel, user, reply, event.get("thread_ts"))
            bot.work.later(prompt, background=True)

    outcome = await bot.work.before_ack(decide, tell)
    if not isinstance(outcome, Late):
        await tell(outcome)


async def edited(bot: SlackBot, event: dict[str, Any], context: AsyncBoltContext) -> None:
    message = event.get("message") or {}
    if message.get("bot_id") or not message.get("ts"):
        return
    text = from_slack(message.get("text") or "")
    author = message.get("user") or SLACKBOT
    caller = Caller("slack", team_of(context), author, channel=event["channel"])

    async def decide() -> int:
        return await bot.db(
            capture.message_changed, bot.deps, caller, event["channel"], message["ts"], text
        )

    await bot.work.decide_then(decide, None)


async def deleted(bot: SlackBot, event: dict[str, Any], context: AsyncBoltContext) -> None:
    ts = event.get("deleted_ts") or (event.get("previous_message") or {}).get("ts")
    if not ts:
        return
    user = (event.get("previous_message") or {}).get("user") or SLACKBOT
    caller = Caller("slack", team_of(context), user, channel=event["channel"])

    async def decide() -> int:
        return await bot.db(capture.message_deleted, bot.deps, caller, event["channel"], ts)

    await bot.work.decide_then(decide, None)


async def reacted(bot: SlackBot, event: dict[str, Any], context: AsyncBoltContext) -> None:
    """The capture emoji on a message logs that message (once, however it arrives)."""
    team, user, item = team_of(context), event["user"], event["item"]
    channel, ts = item["channel"], item["ts"]

    async def decide() -> Reply | None:
        caller = await bot.callers.caller(team, user, channel)
        wanted = await bot.db(settings.value, bot.deps, caller, "reaction")
        if event.get("reaction") != str(wanted or "loop").strip(":"):
            return None
        found = await fetch_message(bot, channel, ts)
        if found is None:
            return error_reply(
                "I can't read that message. Invite me to the channel "
                "(`/invite @Loopkeeper`) and react again."
            )
        if found.get("bot_id") or found.get("subtype") == "bot_message":
            return None
        text = from_slack(found.get("text") or "")
        link = permalink(await bot.workspace_url(), channel, ts, found.get("thread_ts"))
        try:
            return await bot.db(
                capture.log_feedback,
                bot.deps,
                caller,
                grammar.LogFeedback(None, text),
                "reaction",
                ChatMessage(text, channel, ts, link, "reaction"),
            )
        except Exception as exc:  # noqa: BLE001 - shown to the reactor, or re-raised
            return as_reply(exc, "logging a reacted message", log)

    async def tell(reply: Reply | None) -> None:
        if reply is None:
            return
        if reply.react:
            await send.react(bot.client, channel, ts, reply.react)
        await send.ephemeral(bot.client, channel, user, reply)

    await bot.work.decide_then(decide, tell)


async def fetch_message(bot: SlackBot, channel: str, ts: str) -> dict[str, Any] | None:
    """The message at `ts` in `channel`: from the history, or from its thread."""
    try:
        history = await bot.client.conversations_history(
            channel=channel, latest=ts, oldest=ts, inclusive=True, limit=1
        )
        found = [m for m in history.get("messages", []) if m.get("ts") == ts]
        if found:
            return found[0]
        thread = await bot.client.conversations_replies(
            channel=channel, ts=ts, latest=ts, oldest=ts, inclusive=True, limit=1
        )
        found = [m for m in thread.get("messages", []) if m.get("ts") == ts]
        return found[0] if found else None
    except SlackApiError as exc:
        log.warning("can't read message %s in %s: %s", ts, channel, exc.response.get("error"))
        return None


async def publish_home(
    bot: SlackBot, team: str, user: str, status: str | None = None, decide_now: bool = False
) -> None:
    """Show the user's open loops on their App Home tab (overdue first)."""

    async def decide() -> Reply:
        caller = await bot.callers.caller(team, user)
        return await bot.db(loops.home, bot.deps, caller)

    async def tell(reply: Reply) -> None:
        await bot.client.views_publish(user_id=user, view=home_view(reply, status))

    if decide_now:
        await bot.work.decide_then(decide, tell)
    else:
        await tell(await decide())
