"""The follow-up engine's entry points used by other handlers.

`replan` is called after every change to a loop so the database always says when its next
nudge is due (the sweep reads `next_nudge_at`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.core.loops import CANCELLED, CLOSED, DONE, OPEN
from storage.models import Loop

REMIND_BEFORE = timedelta(hours=24)


def replan(loop: Loop, now: datetime) -> None:
    """Set the loop's next nudge time from its state, due date and snooze."""
    if loop.state in (CLOSED, CANCELLED):
        loop.next_nudge_at = None
        return
    if loop.snoozed_until and loop.snoozed_until > now:
        loop.next_nudge_at = loop.snoozed_until
        return
    if loop.state == DONE:
        loop.next_nudge_at = now + timedelta(days=1)
        return
    if loop.state == OPEN and loop.due_at is not None:
        loop.next_nudge_at = max(now, loop.due_at - REMIND_BEFORE)
