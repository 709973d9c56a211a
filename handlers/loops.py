"""Loops: record a commitment, list, and move a loop through its states."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from bot.core import grammar
from bot.core.dates import default_due, describe, parse_due, reading_note
from bot.core.errors import BadInput, NotFound
from bot.core.loops import (
    CHANGED_BY_OTHERS,
    CLOSED,
    DONE,
    LIVE_STATES,
    OPEN,
    cancel,
    check_transition,
)
from bot.core.replies import Notice, Reply
from handlers.common import (
    Scope,
    enter,
    find_customer,
    find_loop,
    loop_section,
    resolve_user,
    undo_button,
)
from handlers.context import Caller, Deps
from handlers.loop_edits import edit_loop
from handlers.planning import replan
from handlers.settings import date_order
from storage.changes import snapshot
from storage.models import Change, Customer, Loop
from storage.uow import UnitOfWork

PAGE_SIZE = 20


@dataclass(frozen=True)
class Promised:
    """One customer a promise was made to, with the feedback it came from (a captured message)
    and the key that makes a second click on its button a no-op."""

    customer_id: int
    feedback_id: int | None = None
    source_key: str | None = None


def commit(
    deps: Deps,
    caller: Caller,
    command: grammar.Commit,
    promised: list[Promised] | None = None,
    due: datetime | None = None,
    message: str | None = None,
) -> Reply:
    """Record a commitment: what, owner (default the caller) and due date, one loop for each
    customer it names ("commit Acme and Globex: …"), so that each of them is told.

    `promised` names the customers when the promise comes from a captured message; `message`
    (the whole message and its link) then goes into each loop's history.
    """
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        ws = scope.workspace.id
        if promised is None:
            promised = [Promised(c.id) for c in _customers_named(uow, ws, command.customer)]  # type: ignore[misc, arg-type]
        owner = resolve_user(uow, scope, command.owner) if command.owner else caller.user
        said, order = "", date_order(uow, ws, scope.locale)
        if due is None and command.when:
            due = parse_due(command.when, scope.now, scope.zone, order)
            said = reading_note(command.when, order)
        elif due is None:
            due = default_due(scope.now, scope.zone)
            said = " (no due date given: 3 working days)"
        opened: list[Loop] = []
        already: list[Loop] = []
        for promise in promised:
            if promise.source_key and (found := uow.loops.by_source(ws, promise.source_key)):
                already.append(found)
                continue
            loop = _new_loop(uow, scope, command, promise, owner, due)
            replan(uow, loop, scope.now, deps.settings.zone)
            stored = uow.loops.add(loop)
            if stored is None:  # the same button clicked twice at once: the other click won
                uow.rollback()
                return Reply("Already tracked.")
            uow.events.add(stored, "created", caller.user, scope.now, message or command.what)
            opened.append(stored)
        names = uow.customers.names_by_id({lp.customer_id for lp in opened + already})
        change = _record_commit(uow, scope, opened)
        uow.commit()
    if not opened:
        return Reply(f"Already tracked as {', '.join(f'#{lp.number}' for lp in already)}.")
    reply = _tracking_reply(caller, scope, opened, already, names, owner, due, said)
    # On the caller's answer only: the owner's notice shares these sections, and the change
    # is not theirs to undo.
    *before, last = reply.sections
    reply.sections = [*before, replace(last, buttons=[*last.buttons, undo_button(change.id)])]  # type: ignore[union-attr, arg-type]
    return reply


def _record_commit(uow: UnitOfWork, scope: Scope, opened: list[Loop]) -> Change | None:
    """A new commitment is a change too: undone, its loops are cancelled (kept in history)."""
    if not opened:
        return None
    return uow.changes.record(
        scope.workspace.id,
        scope.actor.user,
        "commit",
        opened[0].id,  # type: ignore[arg-type]
        opened[0].customer_id,
        "tracking " + listed([f"#{lp.number}" for lp in opened]),
        {"loops": [lp.id for lp in opened]},
        scope.now,
    )


def _customers_named(uow: UnitOfWork, workspace_id: int, named: str) -> list[Customer]:
    """The customer called `named`, or each of several ("Acme and Globex", "Acme, Globex")."""
    try:
        return [find_customer(uow, workspace_id, named)]
    except NotFound as unknown:
        parts = [p.strip() for p in _SEVERAL.split(named) if p.strip()]
        if len(parts) < 2:
            raise
        try:
            found = [find_customer(uow, workspace_id, part) for part in parts]
        except NotFound:
            raise unknown from None
    return list({c.id: c for c in found}.values())


_SEVERAL = re.compile(r"\s*(?:,|&|\band\b|\+)\s*", re.IGNORECASE)


def _new_loop(
    uow: UnitOfWork,
    scope: Scope,
    command: grammar.Commit,
    promise: Promised,
    owner: str,
    due: datetime,
) -> Loop:
    ws = scope.workspace.id
    return Loop(
        workspace_id=ws,
        number=uow.workspaces.next_loop_number(ws),
        customer_id=promise.customer_id,
        feedback_id=promise.feedback_id,
        what=command.what,
        owner=owner,
        created_by=scope.actor.user,
        due_at=due,
        created_at=scope.now,
        source_key=promise.source_key,
    )


def _tracking_reply(
    caller: Caller,
    scope: Scope,
    opened: list[Loop],
    already: list[Loop],
    names: dict[int, str],
    owner: str,
    due: datetime,
    said: str,
) -> Reply:
    """ "Tracking #3 for Acme and #4 for Globex: …", with each loop and a word to the owner."""
    tracked = listed([f"#{lp.number} for {names[lp.customer_id]}" for lp in opened])
    each = " (one loop per customer, so each is told)" if len(opened) > 1 else ""
    before = f" Already tracked: {', '.join(f'#{lp.number}' for lp in already)}." if already else ""
    what = opened[0].what
    sections = [loop_section(lp, names[lp.customer_id], scope.zone, scope.now) for lp in opened]
    reply = Reply(
        f"Tracking {tracked}: {what} — owner <@{owner}>, "
        f"due {describe(due, scope.zone, scope.now)}{said}.{each}{before}",
        sections=sections,
    )
    if owner != caller.user:
        reply.notices.append(
            Notice(
                Reply(
                    f"<@{caller.user}> made you the owner of {tracked}: {what}.",
                    sections=sections,
                    ephemeral=False,
                ),
                to_user=owner,
            )
        )
    return reply


def listed(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


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
        tickets = uow.tickets.labels({lp.id for lp in loops})  # type: ignore[misc]
        linked = {link.customer_id for link, _name in uow.channel_links.all(ws)}  # type: ignore[arg-type]
        uow.commit()
    return _page_of_loops(title, loops, names, scope, page, tickets, linked)


def _page_of_loops(
    title: str,
    loops,  # noqa: ANN001
    names: dict[int, str],
    scope: Scope,
    page: int,
    tickets: dict[int, list[str]] | None = None,
    linked: set[int] = frozenset(),  # type: ignore[assignment]
) -> Reply:
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
            loop_section(
                lp,
                names.get(lp.customer_id, "?"),
                scope.zone,
                scope.now,
                tickets=(tickets or {}).get(lp.id, []),  # type: ignore[arg-type]
                linked=lp.customer_id in linked,
            )
            for lp in shown
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
    field: str | None = None,
) -> Reply | None:
    """done, told, snooze, reassign, update, cancel, reopen or edit (`field`: what, due,
    owner, customer) loop #number, with the permission rules. A change by someone else is told
    to the loop's owner; its author can undo it (an undone update stays in the history).

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
        check_transition(action, loop.state, loop.number, scope.actor, loop.owner, customer.owner)
        before, old_owner = snapshot(loop, LOOP_COLUMNS), loop.owner
        notices: list[Notice] = []
        if action == "edit":
            message, note = edit_loop(uow, scope, loop, field or "", text, user)
            customer = uow.customers.get(loop.customer_id) or customer
        else:
            message = _apply(uow, scope, loop, action, text, user, customer.name)
            note = text or None
            if action == "reassign":
                note = f"to <@{loop.owner}>"
        replan(uow, loop, scope.now, deps.settings.zone)
        uow.loops.save(loop)
        uow.events.add(loop, EVENT_KINDS.get(action, action), caller.user, scope.now, note)
        tickets = uow.tickets.labels({loop.id}).get(loop.id, [])  # type: ignore[arg-type]
        linked = bool(uow.channel_links.for_customer(scope.workspace.id, customer.id))  # type: ignore[arg-type]
        section = loop_section(
            loop, customer.name, scope.zone, scope.now, tickets=tickets, linked=linked
        )
        if action == "update" or before != snapshot(loop, LOOP_COLUMNS):
            done = CHANGED_BY_OTHERS.get(action, "update added")
            summary = f"#{loop.number} {done}" + (f" ({note})" if note else "")
            change = uow.changes.record(
                scope.workspace.id,
                caller.user,
                "loop",
                loop.id,  # type: ignore[arg-type]
                before["customer_id"],
                summary,
                before,
                scope.now,
            )
            section.buttons.append(undo_button(change.id))  # type: ignore[arg-type]
        notices += _owners_told(scope, loop, action, old_owner, customer.name, note)
        uow.commit()
    return Reply(message, sections=[section], notices=notices)


# Every column a change may touch: what `undo` puts back.
LOOP_COLUMNS = (
    "what",
    "owner",
    "customer_id",
    "state",
    "due_at",
    "done_at",
    "closed_at",
    "cancelled_at",
    "cancel_reason",
    "snoozed_until",
    "overdue_nudges",
    "escalation_level",
    "nudge_channel",
    "nudge_ts",
)
EVENT_KINDS = {"reassign": "reassigned"}


def _owners_told(
    scope: Scope, loop: Loop, action: str, old_owner: str, customer_name: str, note: str | None
) -> list[Notice]:
    """A DM to each owner who did not make the change themselves: who did what, and why; the
    new owner of a loop handed over gets its card."""
    actor, told = scope.actor.user, []
    if action in CHANGED_BY_OTHERS and old_owner != actor:
        why = f" — “{note}”" if note else ""
        told.append(
            (
                old_owner,
                f"<@{actor}> {CHANGED_BY_OTHERS[action]} your loop #{loop.number} for "
                f"{customer_name}: {loop.what}{why}",
            )
        )
    if loop.owner not in (old_owner, actor):
        told.append(
            (
                loop.owner,
                f"<@{actor}> handed you #{loop.number} for {customer_name}: {loop.what}"
                f" (from <@{old_owner}>).",
            )
        )
    card = loop_section(loop, customer_name, scope.zone, scope.now)
    return [
        Notice(Reply(text, ephemeral=False, sections=[card]), to_user=user) for user, text in told
    ]


def _apply(
    uow: UnitOfWork,
    scope: Scope,
    loop: Loop,
    action: str,
    text: str,
    user: grammar.UserRef | None,
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
        if loop.reply_ts is not None and loop.first_response_at is None:
            loop.first_response_at = now  # telling the customer answers their question
        loop.state, loop.closed_at = CLOSED, now
        return f"#{number} is closed: {customer_name} has been told. Loop closed. ✅"
    if action == "cancel":
        cancel(loop, now, text)
        return f"#{number} is cancelled: {text}"
    if action == "reopen":
        loop.state, loop.done_at, loop.closed_at = OPEN, None, None
        loop.cancelled_at, loop.cancel_reason, loop.overdue_nudges = None, None, 0
        return f"#{number} is open again" + (f": {text}" if text else ".")
    if action == "snooze":
        order = date_order(uow, scope.workspace.id, scope.locale)
        until = parse_due(text, now, scope.zone, order)
        loop.snoozed_until = until
        return (
            f"#{number} snoozed until {describe(until, scope.zone, now)}"
            f"{reading_note(text, order)}."
        )
    if action == "reassign":
        if user is None:
            raise BadInput("Who should own it? Name them as @user.")
        new_owner = resolve_user(uow, scope, user)
        if new_owner == loop.owner:
            return f"#{number} is already owned by <@{new_owner}>."
        loop.owner = new_owner
        loop.overdue_nudges, loop.nudge_channel, loop.nudge_ts = 0, None, None
        return f"#{number} now belongs to <@{new_owner}>."
    # update
    return f"Update added to #{number}."


def home(deps: Deps, caller: Caller) -> Reply:
    """The caller's open loops, overdue first, with their buttons (Slack's App Home)."""
    return list_loops(deps, caller, grammar.ListLoops("mine"))
