"""How replies reach people outside a request: nudges, digests, notices to other users.

Each platform provides a Delivery; the sweeper and the web layer pick one by the workspace's
platform (`slack`, `teams`, `console`).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from bot.core.replies import Reply

if TYPE_CHECKING:
    from handlers.context import Deps


@dataclass(frozen=True)
class MessageRef:
    """Where a sent message lives, so later nudges can update it or thread under it."""

    channel: str
    ts: str


class RateLimited(Exception):
    """The platform said slow down; try this recipient again after `retry_after` seconds."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited, retry after {retry_after}s")
        self.retry_after = retry_after


class Delivery(Protocol):
    platform: str

    async def send_dm(
        self, workspace: str, user: str, reply: Reply, thread: MessageRef | None = None
    ) -> MessageRef:
        """DM `user` (the platform's user id); under `thread` when given."""
        ...

    async def post(
        self, workspace: str, channel: str, reply: Reply, thread: MessageRef | None = None
    ) -> MessageRef:
        """Post in a channel (escalations, digests)."""
        ...

    async def update(self, workspace: str, ref: MessageRef, reply: Reply) -> None:
        """Replace a message the bot sent earlier."""
        ...

    async def upload(
        self,
        workspace: str,
        channel: str,
        filename: str,
        content: bytes,
        title: str,
        thread: MessageRef | None = None,
    ) -> None:
        """Upload a file (the digest's chart, a CSV export) to a channel."""
        ...

    async def user_timezone(self, workspace: str, user: str) -> str | None:
        """The user's IANA time zone from their profile, or None when unknown."""
        ...


def deliveries_for(deps: Deps) -> dict[str, Delivery]:
    """One Delivery per platform this install can reach (console always)."""
    from bot.platforms.console import ConsoleDelivery

    found: dict[str, Delivery] = {"console": ConsoleDelivery()}
    if deps.settings.slack_bot_token:
        from bot.platforms.slack.delivery import SlackDelivery

        found["slack"] = SlackDelivery(deps)
    if deps.settings.teams_configured:
        from bot.platforms.teams.delivery import TeamsDelivery

        found["teams"] = TeamsDelivery(deps)
    return found


async def close_deliveries(deliveries: Iterable[object]) -> None:
    """Close what deliveries hold open (HTTP sessions) once a sweep or a server is over."""
    for delivery in deliveries:
        close = getattr(delivery, "aclose", None) or getattr(delivery, "close", None)
        if close is not None:
            result = close()
            if inspect.isawaitable(result):
                await result
