"""Loops: record a commitment, list, and move a loop through its states."""

from __future__ import annotations

from datetime import datetime

from bot.core import grammar
from bot.core.dates import default_due, describe, parse_due
from bot.core.errors import BadInput
from bot.core.loops import DONE, LIVE_STATES, OPEN, check_transition
from bot.core.replies import Notice, Reply
from handlers.common import Scope, enter, find_customer, find_loop, loop_section, resolve_user
from handlers.context import Caller, Deps
from handlers.planning import replan
from storage.models import Loop
from storage.uow import UnitOfWork

PAGE_SIZE = 20


def commit(
    deps: Deps,
    caller: Caller,
    command: grammar.Commit,
    feedback_id: int | None = None,
    source_key: str | None = None,
    due: datetime | None = None,
) -> Reply:
    """Record a commitment to a customer: what, owner (default the caller) and due date."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        customer = find_customer(uow, scope.workspace.id, command.customer)
        owner = resolve_user(uow, scope, command.owner) if command.owner else caller.user
        if source_key and (existing := uow.loops.by_source(scope.workspace.id, source_key)):
            return Reply(f"Already tracked as #{existing.number}.")
        if due is not None:
            said = ""
        elif command.when:
            due, said = parse_due(command.when, scope.now, scope.zone), ""
        else:
            due = default_due(scope.now, scope.zone)
            said = " (no due date given: 3 working days)"
        loop = Loop(
            workspace_id=scope.workspace.id,
            number=uow.workspaces.next_loop_number(scope.workspace.id),
            customer_id=customer.id,
            feedback_id=feedback_id,
            what=command.what,
            owner=owner,
            created_by=caller.user,
            due_at=due,
            created_at=scope.now,
            source_key=source_key,
        )
        replan(uow, loop, scope.now, deps.settings.zone)
        stored = uow.loops.add(loop)
        if stored is None:  # the same button clicked twice at once: the other click won
            uow.rollback()
            return Reply("Already tracked.")
        uow.events.add(stored, "created", caller.user, scope.now, command.what)
        uow.commit()
    reply = Reply(
        f"Tracking #{stored.number} for {customer.name}: {stored.what} — owner <@{owner}>, "
        f"due {describe(due, scope.zone, scope.now)}{said}.",
        sections=[loop_section(stored, customer.name, scope.zone, scope.now)],
    )
    if owner != caller.user:
        reply.notices.append(
            Notice(
                Reply(
                    f"<@{caller.user}> made you the owner of #{stored.number} for "
                    f"{customer.name}: {stored.what}.",
                    sections=[loop_section(stored, customer.name, scope.zone, scope.now)],
                    ephemeral=False,
                ),
                to_user=owner,
            )
        )
    return reply


def list_loops(deps: Deps, caller: Caller, command: grammar.ListLoops, page: int = 1) -> Reply:
    """Open loops: the caller's, someone's, a customer's, the overdue ones or all."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        ws = scope.workspace.id
        title, owner, customer_id, overdue_at = "Your open loops", None, None, None
        if command.scope == "mine":
            owner = caller.user
        elif command.scope == "user" and command.user:
            owner = resolve_user(uow, scope, command.user)
            title = f"Open loops of <@{owner}>"
        elif command.scope == "customer" and command.customer:
            customer = find_customer(uow, ws, command.customer)
            customer_id, title = customer.id, f"Open loops for {customer.name}"
        elif command.scope == "overdue":
            overdue_at, title = scope.now, "Overdue loops"
        else:
            title = "All open loops"
        loops = uow.loops.listing(
            ws, owner=owner, customer_id=customer_id, overdue_at=overdue_at, states=LIVE_STATES
        )
        names = {
            c.id: c.name for c in uow.customers.by_ids({lp.customer_id for lp in loops}).values()
        }
        uow.commit()
    return _page_of_loops(title, loops, names, scope, page)


def _page_of_loops(title: str, loops, names: dict[int, str], scope: Scope, page: int) -> Reply:  # noqa: ANN001
    # Overdue first, then by due date: the order the storage query already gives, overdue lifted.
    ordered = sorted(
        loops, key=lambda lp: not (lp.due_at and lp.due_at < scope.now and lp.state == OPEN)
    )
    if not ordered:
        return Reply(f"{title}: none. 🎉")
    pages = max(1, -(-len(ordered) // PAGE_SIZE))
    page = min(max(page, 1), pages)
    shown = ordered[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    overdue = sum(1 for lp in ordered if lp.state == OPEN and lp.due_at and lp.due_at < scope.now)
    footer = f"Page {page} of {pages}." if pages > 1 else None
    return Reply(
        f"{title}: {len(ordered)} ({overdue} overdue)",
        sections=[
            loop_section(lp, names.get(lp.customer_id, "?"), scope.zone, scope.now) for lp in shown
        ],
        footer=footer,
        page=page,
        pages=pages,
    )


def act(
    deps: Deps,
    caller: Caller,
    action: str,
    number: int,
    text: str = "",
    user: grammar.UserRef | None = None,
    click_key: str | None = None,
) -> Reply | None:
    """done, told, snooze, reassign, update or cancel loop #number, with the permission rules.

    `click_key` (a button click's message + user + value) makes a repeated click a no-op:
    None is returned then.
    """
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        if click_key and not uow.events.first_time(scope.workspace.id, click_key, scope.now):
            return None
        loop = find_loop(uow, scope.workspace.id, number)
        customer = uow.customers.get(loop.customer_id)
        assert customer is not None
        target = check_transition(
            action, loop.state, loop.number, scope.actor, loop.owner, customer.owner
        )
        notices: list[Notice] = []
        note = text or None
        message = _apply(uow, scope, loop, action, target, text, user, notices, customer.name)
        replan(uow, loop, scope.now, deps.settings.zone)
        uow.loops.save(loop)
        uow.events.add(
            loop,
            "reassigned" if action == "reassign" else action,
            caller.user,
            scope.now,
            note if action != "reassign" else f"to <@{loop.owner}>",
        )
        uow.commit()
    reply = Reply(message, sections=[loop_section(loop, customer.name, scope.zone, scope.now)])
    reply.notices = notices
    return reply


def _apply(
    uow: UnitOfWork,
    scope: Scope,
    loop: Loop,
    action: str,
    target: str | None,
    text: str,
    user: grammar.UserRef | None,
    notices: list[Notice],
    customer_name: str,
) -> str:
    now, number = scope.now, loop.number
    if action == "done":
        loop.state, loop.done_at = DONE, now
        return (
            f"#{number} is done. It closes when {customer_name} has been told: "
            f"`told {number} [how]`."
        )
    if action == "told":
        if loop.done_at is None:
            loop.done_at = now
        loop.state, loop.closed_at = target, now  # type: ignore[assignment]
        return f"#{number} is closed: {customer_name} has been told. Loop closed. ✅"
    if action == "cancel":
        loop.state, loop.cancelled_at, loop.cancel_reason = target, now, text  # type: ignore[assignment]
        return f"#{number} is cancelled: {text}"
    if action == "snooze":
        until = parse_due(text, now, scope.zone)
        loop.snoozed_until = until
        return f"#{number} snoozed until {describe(until, scope.zone, now)}."
    if action == "reassign":
        if user is None:
            raise BadInput("Who should own it? Name them as @user.")
        new_owner = resolve_user(uow, scope, user)
        if new_owner == loop.owner:
            return f"#{number} is already owned by <@{new_owner}>."
        old_owner, loop.owner = loop.owner, new_owner
        loop.overdue_nudges, loop.nudge_channel, loop.nudge_ts = 0, None, None
        notices.append(
            Notice(
                Reply(
                    f"<@{scope.actor.user}> handed you #{number} for {customer_name}: {loop.what}"
                    f" (from <@{old_owner}>).",
                    ephemeral=False,
                    sections=[loop_section(loop, customer_name, scope.zone, now)],
                ),
                to_user=new_owner,
            )
        )
        return f"#{number} now belongs to <@{new_owner}>."
    # update
    return f"Update added to #{number}."


def home(deps: Deps, caller: Caller) -> Reply:
    """The caller's open loops, overdue first, with their buttons (Slack's App Home)."""
    return list_loops(deps, caller, grammar.ListLoops("mine"))
