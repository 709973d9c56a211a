"""Slack's part of `tell`: post the answer in the customer's channel (in its thread), with the
post's permalink (chat.getPermalink) for the loop's history; then the CSAT question."""

from __future__ import annotations

import logging

import aiohttp
from slack_sdk.errors import SlackApiError

from bot.core.ports import MessageRef
from bot.core.replies import Reply, error_reply
from bot.platforms.slack.inbound import as_reply, permalink
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
