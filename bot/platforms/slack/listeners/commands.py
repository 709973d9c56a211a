"""The slash command (LOOPKEEPER_COMMAND, default /loop): every subcommand, one handler."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.core.replies import Reply
from bot.platforms.slack import send
from bot.platforms.slack.blocks import messages
from bot.platforms.slack.listeners.common import as_reply, team_of
from bot.platforms.slack.text import from_slack
from bot.platforms.slack.work import Late
from handlers import commands

if TYPE_CHECKING:
    from bot.platforms.slack.app import SlackBot

log = logging.getLogger(__name__)


def register(bot: SlackBot) -> None:
    @bot.app.command(bot.deps.settings.command)
    async def on_command(
        ack: AsyncAck, body: dict[str, Any], context: AsyncBoltContext, respond: AsyncRespond
    ) -> None:
        await run(bot, ack, body, context, respond)


async def run(
    bot: SlackBot,
    ack: AsyncAck,
    body: dict[str, Any],
    context: AsyncBoltContext,
    respond: AsyncRespond,
) -> None:
    """Answer in the ack when the command is done in time; through the response URL if not."""
    team, user, channel = team_of(context), body["user_id"], body.get("channel_id")
    text = from_slack(body.get("text") or "")

    async def decide() -> Reply:
        caller = await bot.callers.caller(team, user, channel, body.get("team_domain") or "")
        try:
            return await bot.db(commands.run, bot.deps, caller, text)
        except Exception as exc:  # noqa: BLE001 - a bug is told; a database failure re-raised
            return as_reply(exc, f"{bot.deps.settings.command} {text!r}", log)

    async def late(reply: Reply) -> None:
        await send.respond_all(respond, reply)
        await send.follow_ups(bot.delivery, team, reply, channel, user)

    # Not retried after a late failure: a command has no key, and Slack does not resend it.
    reply = await bot.work.before_ack(decide, late, retry_late=False)
    if isinstance(reply, Late):
        await ack()
        return
    text_first, blocks_first = messages(reply)[0]
    await ack(
        text=text_first,
        blocks=blocks_first,
        response_type="ephemeral" if reply.ephemeral else "in_channel",
    )

    async def rest() -> None:
        await send.respond_all(respond, reply, skip_first=True)
        await send.follow_ups(bot.delivery, team, reply, channel, user)

    bot.work.later(rest())
