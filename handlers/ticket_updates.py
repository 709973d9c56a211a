"""A ticket shipped or came back: its loops become done (or open again), and every customer
who asked without a loop of their own gets a "tell them" loop for their account owner."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.core.dates import default_due
from bot.core.loops import CANCELLED, DONE, OPEN, cancel
from bot.core.tickets import DONE as SHIPPED
from bot.core.tickets import TicketChange, same_ticket
from handlers.context import Deps
from handlers.planning import replan
from storage.models import Customer, Feedback, Loop
from storage.tickets import Ticket, TicketLink
from storage.uow import UnitOfWork

ACTOR = "ticket"  # the history's actor for what a ticket's webhook changed


@dataclass
class Applied:
    """What one webhook changed, summed over the workspaces that link the ticket."""

    tickets: int = 0
    done: list[int] = field(default_factory=list)  # loop ids made done
    told_loops: list[int] = field(default_factory=list)  # "tell them" loops opened
    reopened: list[int] = field(default_factory=list)
    duplicate: bool = False


def apply_change(deps: Deps, change: TicketChange, source: str, delivery_id: str) -> Applied:
    """Apply what a tracker's webhook says to every workspace's copy of the ticket, once per
    delivery; an unknown ticket changes nothing."""
    applied = Applied()
    with deps.uow() as uow:
        now = deps.clock.now()
        if not uow.tickets.first_delivery(source, delivery_id, now):
            return Applied(duplicate=True)
        for ticket in uow.tickets.named_by_webhook(change.ref.system, change.ref.key):
            if not same_ticket(ticket.system, change.ref.system):
                continue
            applied.tickets += 1
            _apply_to(uow, deps, ticket, change, now, applied)
        uow.commit()
    return applied


def _apply_to(
    uow: UnitOfWork,
    deps: Deps,
    ticket: Ticket,
    change: TicketChange,
    now: datetime,
    applied: Applied,
) -> None:
    was = ticket.state
    ticket.system = change.ref.system
    ticket.title = change.title or ticket.title
    ticket.url = change.ref.url or ticket.url
    ticket.state, ticket.updated_at = change.status, now
    uow.tickets.save(ticket)
    if change.status == SHIPPED and was != SHIPPED:
        ship(uow, ticket, now, deps.settings.zone, applied)
    elif change.status != SHIPPED and was == SHIPPED:
        unship(uow, ticket, now, deps.settings.zone, applied)


def ticket_name(ticket: Ticket) -> str:
    return f"{ticket.key} “{ticket.title}”" if ticket.title else ticket.key


def ship(uow: UnitOfWork, ticket: Ticket, now: datetime, zone: ZoneInfo, applied: Applied) -> None:
    """The ticket is done: its open loops become done, and each customer whose linked feedback
    has no linked loop gets a "Tell <customer>" loop, done and waiting for the telling."""
    links = uow.tickets.links(ticket.id)  # type: ignore[arg-type]
    covered: set[int] = set()
    for link in links:
        loop = uow.loops.get(link.loop_id) if link.loop_id else None
        if loop is None:
            continue
        covered.add(loop.customer_id)
        came_back = loop.state == CANCELLED and link.made_by_ticket
        if loop.state != OPEN and not came_back:
            continue
        loop.state, loop.done_at = DONE, now
        loop.cancelled_at, loop.cancel_reason = None, None
        _settle(uow, loop, link, now, zone, "done", f"{ticket_name(ticket)} shipped", True)
        applied.done.append(loop.id)  # type: ignore[arg-type]
    for customer_id, feedback in _askers(uow, links, covered).items():
        customer = uow.customers.get(customer_id)
        if customer is None or customer.erased_at is not None:  # forgotten: nobody to tell
            continue
        applied.told_loops.append(_tell_loop(uow, ticket, customer, feedback, now, zone))


def unship(
    uow: UnitOfWork, ticket: Ticket, now: datetime, zone: ZoneInfo, applied: Applied
) -> None:
    """The ticket was reopened (or not shipped after all): what it made done is open again, the
    "tell them" loops it made are cancelled; loops already told stay closed."""
    for link in uow.tickets.links(ticket.id):  # type: ignore[arg-type]
        loop = uow.loops.get(link.loop_id) if link.loop_id and link.done_by_ticket else None
        if loop is None or loop.state != DONE:
            continue
        note = f"{ticket_name(ticket)} was reopened: not shipped after all"
        if link.made_by_ticket:
            cancel(loop, now, note)
            _settle(uow, loop, link, now, zone, "cancel", note, False)
        else:
            loop.state, loop.done_at = OPEN, None
            _settle(uow, loop, link, now, zone, "reopened", note, False)
        applied.reopened.append(loop.id)  # type: ignore[arg-type]


def _settle(
    uow: UnitOfWork,
    loop: Loop,
    link: TicketLink,
    now: datetime,
    zone: ZoneInfo,
    kind: str,
    note: str,
    done_by_ticket: bool,
) -> None:
    replan(uow, loop, now, zone)
    uow.loops.save(loop)
    uow.events.add(loop, kind, ACTOR, now, note)
    link.done_by_ticket = done_by_ticket
    uow.tickets.save(link)


def _askers(
    uow: UnitOfWork, links: list[TicketLink] | tuple, covered: set[int]
) -> dict[int, Feedback]:
    """Each customer with linked feedback and no linked loop, with their latest such feedback."""
    asked: dict[int, Feedback] = {}
    for link in links:
        feedback = uow.feedback.get(link.feedback_id) if link.feedback_id else None
        if feedback is None or feedback.deleted_at is not None:
            continue
        if feedback.customer_id in covered:
            continue
        known = asked.get(feedback.customer_id)
        if known is None or feedback.created_at > known.created_at:
            asked[feedback.customer_id] = feedback
    return asked


def _tell_loop(
    uow: UnitOfWork,
    ticket: Ticket,
    customer: Customer,
    feedback: Feedback,
    now: datetime,
    zone: ZoneInfo,
) -> int:
    customer_id = customer.id
    owner = customer.owner or feedback.author
    loop = Loop(
        workspace_id=ticket.workspace_id,
        number=uow.workspaces.next_loop_number(ticket.workspace_id),
        customer_id=customer_id,
        feedback_id=feedback.id,
        what=f"Tell {customer.name}: {ticket.title or ticket.key} shipped",
        owner=owner,
        created_by=ACTOR,
        state=DONE,
        due_at=default_due(now, zone),
        created_at=now,
        done_at=now,
        source_key=f"ticket:{ticket.id}:customer:{customer_id}",
    )
    replan(uow, loop, now, zone)
    stored = uow.loops.add(loop)
    if stored is None:  # made before, and its customer since edited: that one stands
        made = uow.loops.by_source(ticket.workspace_id, str(loop.source_key))
        assert made is not None
        return made.id  # type: ignore[return-value]
    quote = feedback.text if len(feedback.text) <= 200 else feedback.text[:199] + "…"
    note = f"{ticket_name(ticket)} shipped; {customer.name} asked: “{quote}”"
    uow.events.add(stored, "created", ACTOR, now, note)
    uow.tickets.link(
        ticket, ACTOR, now, loop_id=stored.id, done_by_ticket=True, made_by_ticket=True
    )
    return stored.id  # type: ignore[return-value]
