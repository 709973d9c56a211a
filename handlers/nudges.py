"""What a nudge says: the DM (or escalation post) for one slot, with the loop, its customer,
how late it is, a summary of its history and its buttons."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.dates import describe
from bot.core.policy import AT_DUE, BEFORE_DUE, ESCALATION, OVERDUE, TELL
from bot.core.replies import Field, Reply, Section
from handlers.common import loop_section
from storage.due_loops import HistorySummary
from storage.models import Loop

KIND_LABEL = {
    BEFORE_DUE: "due soon",
    AT_DUE: "due now",
    OVERDUE: "overdue",
    TELL: "tell the customer",
    ESCALATION: "escalation",
}


def nudge_reply(
    kind: str, loop: Loop, customer: str, zone: ZoneInfo, now: datetime, history: HistorySummary
) -> Reply:
    """The DM (or escalation post) for one slot: what is due, for whom, how late, its history,
    and the loop's buttons (Done, Customer told, Snooze, Reassign, Add update)."""
    number, due = loop.number, loop.due_at
    late = span(now - due) if due is not None and now > due else None
    if kind == BEFORE_DUE and due is not None:
        text = f"⏰ Reminder: #{number} for {customer} is due {describe(due, zone, now)}."
    elif kind == AT_DUE and (due is None or now - due < timedelta(hours=1)):
        text = f"⏰ #{number} for {customer} is due now."
    elif kind == AT_DUE:  # sent late (quiet hours, downtime): say how late, not "now"
        text = f"⏰ #{number} for {customer} was due {describe(due, zone, now)}, {late} ago."
    elif kind == TELL:
        text = (
            f"📣 Tell {customer} it shipped: #{number} is done but {customer} hasn't been "
            f"told yet. Press “Customer told” once they know."
        )
    elif kind == ESCALATION:
        reminded = history.counts.get("nudged", 0)  # the number the History line shows
        text = (
            f"🚨 Escalation: #{number} for {customer} is overdue by {late or 'a while'}; "
            f"<@{loop.owner}> has been reminded {_times(reminded, 'time')}."
        )
    else:
        text = f"⚠️ #{number} for {customer} is overdue by {late or 'a moment'}."
    section = loop_section(loop, customer, zone, now)
    section.fields += [
        Field("Age", f"opened {span(now - loop.created_at)} ago"),
        Field("History", history_line(history)),
    ]
    return Reply(text, sections=[section], ephemeral=False)


BRIEF_LOOPS = 10  # loops per brief message: well inside Block Kit's 50 blocks and a Teams card


def brief(replies: Sequence[Reply], escalation: bool = False) -> Reply:
    """One message for several nudges of a sweep to one person (or escalations to one channel):
    a header, then one line per loop with its own buttons. A single nudge reads as it always
    did. Every nudge's key goes with it, so a resumed sweep can tell which loops it reached."""
    if len(replies) == 1:
        return replies[0]
    count = len(replies)
    if escalation:
        text = f"🚨 {count} overdue customer loops were escalated"
    else:
        text = f"📋 {count} customer loops need you today"
    lines = []
    for one in replies:
        section = one.sections[0]
        kept = [f for f in section.fields if f.label in ("Owner", "Due", "Age")]
        lines.append(Section(f"{one.text}\n*{section.text}*", kept, section.buttons))
    keys = " ".join(one.key for one in replies if one.key) or None
    return Reply(text, sections=lines, ephemeral=False, key=keys)


def history_line(history: HistorySummary) -> str:
    counts = history.counts
    parts = []
    updates = counts.get("update", 0)
    if updates:
        latest = f", latest “{_short(history.last_update)}”" if history.last_update else ""
        parts.append(f"{_times(updates, 'update')}{latest}")
    for kind, word in (
        ("nudged", "nudge"),
        ("snooze", "snooze"),
        ("reassign", "reassignment"),
        ("reassigned", "reassignment"),
        ("escalated", "escalation"),
    ):
        if counts.get(kind):
            parts.append(_times(counts[kind], word))
    return " · ".join(parts) if parts else "no updates yet"


def _times(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _short(text: str, size: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def span(delta: timedelta) -> str:
    """A duration the way people say it: '3 days', '5 hours', '20 minutes'."""
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes >= 2 * 24 * 60:
        return f"{minutes // (24 * 60)} days"
    if minutes >= 2 * 60:
        return f"{minutes // 60} hours"
    if minutes >= 60:
        return "1 hour"
    return _times(max(minutes, 1), "minute")
