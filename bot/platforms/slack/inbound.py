"""What every way in for Slack shares (Bolt's listeners and the fast path for channel messages):
whose message it is, where it comes from, its permalink, and the capture of a person's message."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext

from bot.core.errors import UserError
from bot.core.replies import Reply, error_reply
from bot.platforms.slack import send
from bot.platforms.slack.ack_budget import Late, database_error
from bot.platforms.slack.parts import SlackParts
from handlers.capture import Capture, ChatMessage

log = logging.getLogger(__name__)

# Message subtypes that are people talking (others: joins, topic changes, bots, edits...).
SPOKEN = {None, "thread_broadcast", "file_share", "me_message"}
SLACKBOT = "USLACKBOT"  # who acts when Slack does not say (an edit by an integration)


OOPS = "Something went wrong on my side; nothing was lost. Try again in a minute."


def team_of(context: AsyncBoltContext) -> str:
    """The workspace of the request: it scopes every query."""
    return context.team_id or context.enterprise_id or ""


def org_wide_team(body: dict[str, Any]) -> str | None:
    """The workspace an event of an org-wide (Enterprise Grid) install happened in. Its
    authorization names no team, so Slack's `context_team_id` (else the envelope's `team_id`)
    says which, as Slack documents: the same team its people's commands carry. None otherwise."""
    authorizations = body.get("authorizations")
    if not isinstance(authorizations, list) or not authorizations:
        return None
    first = authorizations[0]
    if not isinstance(first, dict) or first.get("team_id"):
        return None
    for found in (body.get("context_team_id"), body.get("team_id")):
        if isinstance(found, str) and found:
            return found
    return None


async def scope_org_wide_events(
    context: AsyncBoltContext, body: dict[str, Any], next: Callable[[], Awaitable[None]]
) -> None:
    """Bolt middleware: an org-wide install's event is filed under its workspace, not under the
    enterprise (which would split one team's data in two)."""
    if not context.team_id and (team := org_wide_team(body)):
        context["team_id"] = team
    await next()


def permalink(base: str | None, channel: str, ts: str, thread_ts: str | None = None) -> str | None:
    """A message's link, built from the workspace URL (auth.test) as chat.getPermalink does."""
    if not base:
        return None
    link = f"{base.rstrip('/')}/archives/{channel}/p{ts.replace('.', '')}"
    if thread_ts and thread_ts != ts:
        link += f"?thread_ts={thread_ts}&cid={channel}"
    return link


# A signed payload whose values we never wrote (an old app version's button, a hand-made request)
# fails to read with one of these: the clicker is told, nothing changes, never a 500.
DAMAGED = (ValueError, KeyError, IndexError, TypeError, AttributeError)
DAMAGED_TEXT = (
    "That button or form is out of date, so nothing was changed. "
    "`/loop list` shows your loops as they are now."
)


def loop_number(value: object) -> int:
    """A loop number we wrote into a button or form; ValueError for anything else."""
    text = str(value)
    if not text.isdigit() or len(text) > 9:  # never "1e9", "-3", "٣" or a 10,000-digit int
        raise ValueError(f"not a loop number: {text[:20]!r}")
    return int(text)


async def say_damaged(respond: Any, what: str, log: Any) -> None:
    """Tell the clicker their out-of-date click did nothing (ephemeral)."""
    log.info("a %s carried values we never wrote; told the clicker", what)
    if respond is not None:
        await respond(text=DAMAGED_TEXT, response_type="ephemeral", replace_original=False)


def as_reply(exc: Exception, what: str, log: Any) -> Reply:
    """A user's mistake or our bug as an ephemeral reply; a database failure propagates."""
    if isinstance(exc, UserError):
        return error_reply(exc.message, exc.suggestions)
    if database_error(exc):
        raise exc
    log.exception("%s failed", what, exc_info=exc)
    return error_reply(OOPS)


def by_person(message: dict[str, Any], bot_user_id: str | None) -> bool:
    """Bot messages and the bot's own posts are never captured."""
    return (
        bool(message.get("user"))
        and not message.get("bot_id")
        and (message.get("user") != bot_user_id)
    )


async def outsider(
    slack: SlackParts, body: dict[str, Any], event: dict[str, Any], team: str
) -> bool:
    """Whether a message's author is outside the workspace (a customer's person in a Slack
    Connect channel): their team (`user_team`, else `source_team`) is another one. When a
    shared channel's event says neither, users.info's team decides."""
    home = event.get("user_team") or event.get("source_team")
    if isinstance(home, str) and home:
        return home != team
    if body.get("is_ext_shared_channel") is True:
        found = await slack.callers.home_team(team, event["user"])
        return found is not None and found != team
    return False


async def captured(
    slack: SlackParts, body: dict[str, Any], event: dict[str, Any], team: str, text: str
) -> None:
    """A message naming known customers: stored before the ack, reaction and prompt after.
    `team` is the request's workspace (it scopes the capture)."""
    user, channel, ts = event["user"], event["channel"], event["ts"]

    async def decide() -> Reply | None:
        thread = event.get("thread_ts")
        link = permalink(await slack.workspace_url(), channel, ts, thread)
        external = await outsider(slack, body, event, team)
        message = ChatMessage(text, channel, ts, link, "mention", thread, external)
        caller = await slack.callers.caller(team, user, channel)
        return await slack.captures.submit(Capture(caller, message, body.get("event_id")))

    async def tell(reply: Reply | None) -> None:  # queues the Web API calls: after the ack
        if reply is None:
            return
        if reply.react:
            slack.reactions.add(channel, ts, reply.react)
        if reply.sections:  # "Track this commitment?", or why a promise cannot be tracked
            prompt = send.ephemeral(slack.client, channel, user, reply, event.get("thread_ts"))
            slack.work.later(prompt, background=True)

    outcome = await slack.work.before_ack(decide, tell)
    if not isinstance(outcome, Late):
        await tell(outcome)
