"""Editing a loop after the fact: its what, due date, owner or customer."""

from __future__ import annotations

from bot.core import grammar
from bot.core.dates import describe, parse_due, reading_note
from bot.core.errors import BadInput
from handlers.common import Scope, find_customer, resolve_user
from handlers.settings import date_order
from storage.models import Loop
from storage.uow import UnitOfWork


def edit_loop(
    uow: UnitOfWork,
    scope: Scope,
    loop: Loop,
    field: str,
    text: str,
    user: grammar.UserRef | None,
) -> tuple[str, str]:
    """Change one field of the loop; the reply's words and the history's note ("due: Fri 27
    Nov 17:00 → Mon 30 Nov 17:00")."""
    number, now, zone = loop.number, scope.now, scope.zone
    if field == "what":
        old, loop.what = loop.what, text
        return f"#{number} now reads: {text}", f"what: “{old}” → “{text}”"
    if field == "due":
        order = date_order(uow, scope.workspace.id, scope.locale)
        due = parse_due(text, now, zone, order)
        old = describe(loop.due_at, zone, now) if loop.due_at else "no due date"
        loop.due_at, loop.overdue_nudges, loop.snoozed_until = due, 0, None
        new = describe(due, zone, now)
        return f"#{number} is now due {new}{reading_note(text, order)}.", f"due: {old} → {new}"
    if field == "owner":
        if user is None:
            raise BadInput("Name the new owner as @user.")
        old_owner, loop.owner = loop.owner, resolve_user(uow, scope, user)
        loop.overdue_nudges, loop.nudge_channel, loop.nudge_ts = 0, None, None
        return (
            f"#{number} now belongs to <@{loop.owner}>.",
            f"owner: <@{old_owner}> → <@{loop.owner}>",
        )
    if field == "customer":
        customer = find_customer(uow, scope.workspace.id, text)
        old_name = uow.customers.names_by_id({loop.customer_id}).get(loop.customer_id, "?")
        loop.customer_id = customer.id  # type: ignore[assignment]
        return f"#{number} is now for {customer.name}.", f"customer: {old_name} → {customer.name}"
    raise BadInput(f"I can't edit “{field}”; edit what, due, owner or customer.")
