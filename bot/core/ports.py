"""The ports handlers and the sweeper talk through; each platform implements them.

A Delivery reaches people outside a request (nudges, digests, notices); a SentLookup lets a
sweep resumed after a crash find what it already sent. Only the wiring room names both a port
and the platforms that implement it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from bot.core.replies import Reply


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


def retry_after_seconds(headers: object, default: float = 1.0) -> float:
    """Seconds from a Retry-After header (any case), never under one second; `default` when
    absent or unreadable. The one reading of Retry-After for every platform."""
    items = headers.items() if isinstance(headers, Mapping) or hasattr(headers, "items") else []
    for name, value in items:  # type: ignore[union-attr]
        if str(name).lower() == "retry-after":
            raw = value[0] if isinstance(value, list | tuple) and value else value
            try:
                seconds = float(raw)
            except (TypeError, ValueError):
                break
            if seconds == seconds and seconds != float("inf"):  # not NaN, not infinite
                return max(1.0, seconds)
            break
    return max(1.0, default)


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


@runtime_checkable
class SentLookup(Protocol):
    """What a Delivery can add so a sweep resumed after a crash sends nothing twice."""

    async def find_sent(
        self,
        workspace: str,
        key: str,
        *,
        user: str | None,
        channel: str | None,
        thread: MessageRef | None,
        since: datetime,
    ) -> MessageRef | None:
        """The message carrying `key` (Reply.key) sent to that user or channel since `since`,
        or None when there is none."""
        ...
