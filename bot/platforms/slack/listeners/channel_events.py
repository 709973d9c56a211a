"""The bot added to a Slack Connect channel (`member_joined_channel` for the bot itself, or
`channel_shared`): when the channel is externally shared and not linked yet, the bot offers to
link it to the customer on the other side."""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.errors import SlackApiError

from bot.core.replies import Reply
from bot.platforms.slack import send
from bot.platforms.slack.inbound import team_of
from bot.platforms.slack.parts import SlackParts
from handlers import channels

log = logging.getLogger(__name__)
_TEAMS_ASKED = 5  # the other organisations named in the offer, at most


async def on_member_joined(
    slack: SlackParts, body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
) -> None:
    if event.get("user") and event.get("user") == context.bot_user_id:
        await offer(slack, body, team_of(context), event["channel"], event.get("inviter"))


async def on_channel_shared(
    slack: SlackParts, body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
) -> None:
    await offer(slack, body, team_of(context), event["channel"], None)


async def offer(
    slack: SlackParts, body: dict[str, Any], team: str, channel: str, inviter: str | None
) -> None:
    """Ask the inviter (or, when Slack does not say who, the channel) which customer this is."""

    async def decide() -> Reply | None:
        other_side = await _other_side(slack, team, channel)
        if other_side is None:
            return None
        caller = await slack.callers.caller(team, inviter or (await slack.bot_user_id()) or "")
        return await slack.db(
            channels.link_offer, slack.deps, caller, channel, other_side, body.get("event_id")
        )

    async def tell(reply: Reply | None) -> None:
        if reply is None:
            return
        if inviter:
            await send.ephemeral(slack.client, channel, inviter, reply)
        else:
            await slack.delivery.post(team, channel, reply)

    await slack.work.decide_then(decide, tell)


async def _other_side(slack: SlackParts, team: str, channel: str) -> list[str] | None:
    """The names and domains of the organisations a channel is shared with (conversations.info
    and team.info); None when it is not shared outside the workspace."""
    try:
        found = (await slack.client.conversations_info(channel=channel)).get("channel") or {}
    except (SlackApiError, aiohttp.ClientError) as exc:
        log.warning("conversations.info for %s failed (%s)", channel, type(exc).__name__)
        return None
    if not found.get("is_ext_shared"):
        return None
    teams = found.get("connected_team_ids") or found.get("shared_team_ids") or []
    names: list[str] = []
    for other in [t for t in teams if isinstance(t, str) and t != team][:_TEAMS_ASKED]:
        try:
            info = (await slack.client.team_info(team=other)).get("team") or {}
        except (SlackApiError, aiohttp.ClientError) as exc:
            log.info("team.info for %s failed (%s)", other, type(exc).__name__)
            continue
        # The name first: the offer says it; the domains only help find the customer.
        names += [str(info.get(k) or "") for k in ("name", "domain", "email_domain")]
    return [n for n in names if n]
