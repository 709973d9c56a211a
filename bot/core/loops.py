"""The loop state machine and who may move it.

open → done (delivered) → closed (the customer has been told); open|done → cancelled.
Telling the customer about an open loop delivers and closes it at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.core.errors import Conflict, NotAllowed

OPEN, DONE, CLOSED, CANCELLED = "open", "done", "closed", "cancelled"
LIVE_STATES = (OPEN, DONE)  # not yet closed or cancelled
NOT_CANCELLED = (OPEN, DONE, CLOSED)
STATES = (OPEN, DONE, CLOSED, CANCELLED)
# Kinds of a loop's history events that are touchpoints of its customer, and what a customer's
# timeline shows of its loops.
TOUCH_KINDS = ("created", "update", "done", "told")
TIMELINE_KINDS = (*TOUCH_KINDS, "cancel", "edit", "reopen", "undo")

# action -> (states it may start from, state it leads to)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "done": ((OPEN,), DONE),
    "told": ((OPEN, DONE), CLOSED),
    "cancel": ((OPEN, DONE), CANCELLED),
    "snooze": ((OPEN, DONE), None),
    "reassign": ((OPEN, DONE), None),
    "update": ((OPEN, DONE), None),
    "edit": ((OPEN, DONE), None),
    "reopen": ((DONE, CLOSED, CANCELLED), OPEN),
}
# Actions only the owner, the account owner or an admin may take.
GUARDED = {"done", "told", "cancel", "reassign", "snooze", "edit", "reopen"}
# Your own last change may be undone for this long (PRODUCT.md: `/loop undo`).
UNDO_WINDOW = timedelta(minutes=10)
# What a change by someone else is called in the DM to the loop's owner.
CHANGED_BY_OTHERS = {
    "done": "marked done",
    "told": "closed",
    "cancel": "cancelled",
    "snooze": "snoozed",
    "reassign": "reassigned",
    "edit": "edited",
    "reopen": "reopened",
}


@dataclass(frozen=True)
class Actor:
    user: str
    is_admin: bool = False


def may_manage(actor: Actor, loop_owner: str, account_owner: str | None) -> bool:
    """Only the loop's owner, the customer's account owner or an admin may close, reassign,
    snooze or cancel a loop."""
    return (
        actor.is_admin
        or actor.user == loop_owner
        or (account_owner is not None and actor.user == account_owner)
    )


def check_transition(
    action: str,
    state: str,
    number: int,
    actor: Actor,
    loop_owner: str,
    account_owner: str | None,
) -> str | None:
    """The state `action` leads to (None: state unchanged); raises a UserError if not allowed."""
    allowed_from, target = TRANSITIONS[action]
    if state not in allowed_from:
        raise Conflict(_why_not(action, state, number))
    if action in GUARDED and not may_manage(actor, loop_owner, account_owner):
        raise NotAllowed(
            f"Only <@{loop_owner}> (the owner), the customer's account owner or an admin "
            f"can {_VERBS[action]} #{number}."
        )
    return target


_VERBS = {
    "done": "mark done",
    "told": "close",
    "cancel": "cancel",
    "reassign": "reassign",
    "snooze": "snooze",
    "edit": "edit",
    "reopen": "reopen",
}


class _Cancellable(Protocol):
    state: str
    cancelled_at: datetime | None
    cancel_reason: str | None


def cancel(loop: _Cancellable, now: datetime, reason: str) -> None:
    """Cancel a loop: by hand (`cancel`), a ticket reopened before it shipped, an undone
    commitment, a customer's question withdrawn. The reason shows on the customer's timeline;
    `reopen` clears it and the time."""
    loop.state, loop.cancelled_at, loop.cancel_reason = CANCELLED, now, reason


def check_undo(changed_at: datetime, now: datetime) -> None:
    """Raises Conflict when a change is too old to undo (UNDO_WINDOW)."""
    if now - changed_at > UNDO_WINDOW:
        minutes = int((now - changed_at).total_seconds() // 60)
        raise Conflict(
            f"That change was {minutes} minutes ago; undo works for "
            f"{int(UNDO_WINDOW.total_seconds() // 60)} minutes. Change it back by hand instead."
        )


def _why_not(action: str, state: str, number: int) -> str:
    if action == "reopen":
        return f"#{number} is still {state}; only a done, closed or cancelled loop can be reopened."
    if state == DONE and action == "done":
        return f"#{number} is already done; `told {number}` closes it once the customer knows."
    if state == CLOSED:
        return f"#{number} is already closed (the customer was told)."
    if state == CANCELLED:
        return f"#{number} was cancelled."
    return f"#{number} is {state}; it can't be {action}."


def state_label(state: str, overdue: bool = False) -> str:
    if state == OPEN and overdue:
        return "overdue"
    return {
        OPEN: "open",
        DONE: "done, customer not told yet",
        CLOSED: "closed",
        CANCELLED: "cancelled",
    }[state]
