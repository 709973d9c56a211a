"""What listeners share: where a request comes from, and permalinks."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext

from bot.core.errors import UserError
from bot.core.replies import Reply, error_reply
from bot.platforms.slack.work import database_error

OOPS = "Something went wrong on my side; nothing was lost. Try again in a minute."


def team_of(context: AsyncBoltContext) -> str:
    """The workspace of the request: it scopes every query."""
    return context.team_id or context.enterprise_id or ""


def permalink(base: str | None, channel: str, ts: str, thread_ts: str | None = None) -> str | None:
    """A message's link, built from the workspace URL (auth.test) as chat.getPermalink does."""
    if not base:
        return None
    link = f"{base.rstrip('/')}/archives/{channel}/p{ts.replace('.', '')}"
    if thread_ts and thread_ts != ts:
        link += f"?thread_ts={thread_ts}&cid={channel}"
    return link


def as_reply(exc: Exception, what: str, log: Any) -> Reply:
    """A user's mistake or our bug as an ephemeral reply; a database failure propagates."""
    if isinstance(exc, UserError):
        return error_reply(exc.message, exc.suggestions)
    if database_error(exc):
        raise exc
    log.exception("%s failed", what, exc_info=exc)
    return error_reply(OOPS)
