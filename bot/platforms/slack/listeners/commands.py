"""The slash command (LOOPKEEPER_COMMAND, default /loop): every subcommand, one handler; long
answers come a page at a time with buttons to the other pages."""

from __future__ import annotations

import json
import logging
import re
from typing import TYPE_CHECKING, Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.core.replies import Reply
from bot.platforms.slack import send
from bot.platforms.slack.blocks import PAGE_ACTION, messages, pager
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
        text = from_slack(body.get("text") or "")
        await run(
            bot, ack, team_of(context), body["user_id"], body.get("channel_id"), text, None, respond
        )

    @bot.app.action(re.compile(f"^{PAGE_ACTION}_"))
    async def on_page(
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        context: AsyncBoltContext,
        respond: AsyncRespond,
    ) -> None:
        asked = json.loads(action["value"])
        channel = (body.get("container") or {}).get("channel_id")
        await run(
            bot,
            ack,
            team_of(context),
            body["user"]["id"],
            channel,
            asked["text"],
            int(asked["page"]),
            respond,
        )


async def run(
    bot: SlackBot,
    ack: AsyncAck,
    team: str,
    user: str,
    channel: str | None,
    text: str,
    page: int | None,
    respond: AsyncRespond,
) -> None:
    """Answer in the ack when the command is done in time, through the response URL if not.
    A page button (`page` given) replaces the page it was on."""

    async def decide() -> Reply:
        caller = await bot.callers.caller(team, user, channel)
        try:
            return await bot.db(commands.run, bot.deps, caller, text, page)
        except Exception as exc:  # noqa: BLE001 - a bug is told; a database failure re-raised
            return as_reply(exc, f"{bot.deps.settings.command} {text!r}", log)

    async def answer(reply: Reply, skip_first: bool = False) -> None:
        await send.respond_all(
            respond,
            reply,
            replace_original=page is not None,
            skip_first=skip_first,
            tail=pager(reply, text),
        )
        await send.follow_ups(bot.delivery, team, reply, channel, user)

    # Not retried after a late failure: a command has no key, and Slack does not resend it.
    reply = await bot.work.before_ack(decide, answer, retry_late=False)
    if isinstance(reply, Late) or page is not None:
        await ack()
        if not isinstance(reply, Late):
            bot.work.later(answer(reply))
        return
    first_text, first_blocks = messages(reply, tail=pager(reply, text))[0]
    await ack(
        text=first_text,
        blocks=first_blocks,
        response_type="ephemeral" if reply.ephemeral else "in_channel",
    )
    bot.work.later(answer(reply, skip_first=True))
