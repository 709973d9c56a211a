"""A chat message as a platform saw it, and one capture of it: what the capture path and the
customer-channel rules both read."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.context import Caller


@dataclass(frozen=True)
class ChatMessage:
    """A message as the platform saw it."""

    text: str
    channel: str
    message_ts: str
    permalink: str | None = None
    source: str = "mention"  # mention, reaction, teams, console
    thread_ts: str | None = None  # the thread it was posted in (None: top level)
    external: bool = False  # its author is outside the workspace (a customer's person)

    @property
    def in_thread(self) -> bool:
        return self.thread_ts is not None and self.thread_ts != self.message_ts


@dataclass(frozen=True)
class Capture:
    """One chat message to capture: who said it, the message, the platform's event id."""

    caller: Caller
    message: ChatMessage
    event_key: str | None = None
