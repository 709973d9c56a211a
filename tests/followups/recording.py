"""A small Delivery that records what the sweeper sends (a real class, not a mock).

It can be told to answer 429 or fail for some recipients, and it can say whether a message with
a given key was sent (the SentLookup a sweep resumed after a crash uses).
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from dataclasses import dataclass, field
from datetime import datetime

from bot.core.ports import MessageRef, RateLimited
from bot.core.replies import Reply


@dataclass
class Sent:
    kind: str  # dm, post, update, upload
    to: str  # user id, or channel id
    reply: Reply | None
    thread: MessageRef | None
    ref: MessageRef | None
    filename: str | None = None

    @property
    def text(self) -> str:
        return self.reply.plain() if self.reply else (self.filename or "")


@dataclass
class RecordingDelivery:
    platform: str = "console"
    zones: dict[str, str] = field(default_factory=dict)
    rate_limits: dict[str, list[float]] = field(default_factory=dict)  # to -> Retry-After values
    failing: set[str] = field(default_factory=set)
    lookup: bool = True
    delay: float = 0.0
    sent: list[Sent] = field(default_factory=list)
    zone_asks: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._ts = itertools.count(1)
        self._lock = threading.Lock()  # two sweepers in two threads may share one recorder

    async def _deliver(
        self, kind: str, to: str, reply: Reply, thread: MessageRef | None
    ) -> MessageRef:
        if self.delay:
            await asyncio.sleep(self.delay)
        with self._lock:
            waits = self.rate_limits.get(to)
            if waits:
                raise RateLimited(waits.pop(0))
            if to in self.failing:
                raise RuntimeError(f"channel_not_found: {to}")
            channel = "D-" + to if kind == "dm" else to
            ref = MessageRef(channel, f"{next(self._ts)}.000")
            self.sent.append(Sent(kind, to, reply, thread, ref))
        return ref

    async def send_dm(
        self, workspace: str, user: str, reply: Reply, thread: MessageRef | None = None
    ) -> MessageRef:
        return await self._deliver("dm", user, reply, thread)

    async def post(
        self, workspace: str, channel: str, reply: Reply, thread: MessageRef | None = None
    ) -> MessageRef:
        return await self._deliver("post", channel, reply, thread)

    async def update(self, workspace: str, ref: MessageRef, reply: Reply) -> None:
        self.sent.append(Sent("update", ref.channel, reply, None, ref))

    async def upload(
        self,
        workspace: str,
        channel: str,
        filename: str,
        content: bytes,
        title: str,
        thread: MessageRef | None = None,
    ) -> None:
        self.sent.append(Sent("upload", channel, None, thread, None, filename))

    async def user_timezone(self, workspace: str, user: str) -> str | None:
        self.zone_asks.append(user)
        return self.zones.get(user)

    def to(self, who: str) -> list[Sent]:
        return [s for s in self.sent if s.to == who and s.kind in ("dm", "post")]

    def keys(self) -> list[str]:
        return [key for s in self.sent if s.reply is not None for key in s.reply.keys()]


class LookupDelivery(RecordingDelivery):
    """The same recorder, able to say whether a message with a key went out."""

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
        for sent in self.sent:
            if sent.reply is not None and key in sent.reply.keys():
                return sent.ref
        return None
