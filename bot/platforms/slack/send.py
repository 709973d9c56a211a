"""Replies on their way out: ephemeral messages, reactions, response URLs, notices, files."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.ports import MessageRef
from bot.core.replies import Reply
from bot.platforms.slack.blocks import Block, messages
from bot.platforms.slack.client import patiently
from bot.platforms.slack.delivery import SlackDelivery

log = logging.getLogger(__name__)

Respond = Callable[..., Awaitable[Any]]
# chat.postEphemeral's answers when the bot is not in the conversation.
NOT_THERE = {"channel_not_found", "not_in_channel", "user_not_in_channel", "is_archived"}


async def react(client: AsyncWebClient, channel: str, ts: str, name: str) -> None:
    """Mark a message (a retry may find the reaction already there: fine)."""
    try:
        await client.reactions_add(channel=channel, timestamp=ts, name=name)
    except SlackApiError as exc:
        if exc.response.get("error") != "already_reacted":
            raise


async def ephemeral(
    client: AsyncWebClient, channel: str, user: str, reply: Reply, thread_ts: str | None = None
) -> None:
    """Show a reply to one person in a channel, in as many messages as its blocks need; in a
    DM when the bot can't post there (not a member of the channel)."""
    for index, (text, blocks) in enumerate(messages(reply)):
        try:
            await client.chat_postEphemeral(
                channel=channel, user=user, text=text, blocks=blocks, thread_ts=thread_ts
            )
        except SlackApiError as exc:
            if index or exc.response.get("error") not in NOT_THERE:
                raise
            log.info(
                "can't answer in %s (%s): answering in a DM", channel, exc.response.get("error")
            )
            opened = await client.conversations_open(users=user)
            for dm_text, dm_blocks in messages(reply):
                await client.chat_postMessage(
                    channel=opened["channel"]["id"], text=dm_text, blocks=dm_blocks
                )
            return


async def respond_all(
    respond: Respond,
    reply: Reply,
    replace_original: bool = False,
    skip_first: bool = False,
    tail: list[Block] | None = None,
) -> None:
    """Answer through the response URL (slash commands, ephemeral buttons)."""
    kind = "ephemeral" if reply.ephemeral else "in_channel"
    for index, (text, blocks) in enumerate(messages(reply, tail=tail)):
        if index == 0 and skip_first:
            continue
        await respond(
            text=text,
            blocks=blocks,
            response_type=kind,
            replace_original=replace_original and index == 0,
        )


async def follow_ups(
    delivery: SlackDelivery, team: str, reply: Reply, channel: str | None, user: str
) -> None:
    """What a reply causes elsewhere: notices to other people, and its files."""
    for notice in reply.notices:
        if notice.to_user:
            await patiently(partial(delivery.send_dm, team, notice.to_user, notice.reply), "DM")
        elif notice.to_channel:
            thread = MessageRef(notice.to_channel, notice.thread) if notice.thread else None
            post = partial(delivery.post, team, notice.to_channel, notice.reply, thread)
            await patiently(post, "post")
    if reply.attachments:
        # An ephemeral answer's files go to the asker's DM: a channel upload would be public.
        where = (
            channel
            if channel and not reply.ephemeral
            else await patiently(partial(delivery.dm_channel, team, user), "DM")
        )
        for a in reply.attachments:
            upload = partial(delivery.upload, team, where, a.filename, a.content, a.title)
            await patiently(upload, "upload")
