"""Tickets from chat: link one to a loop or a feedback item, show who waits on it, open one."""

from __future__ import annotations

from bot.core import ticket_grammar
from bot.core.errors import BadInput, NotFound
from bot.core.loops import DONE, OPEN
from bot.core.replies import Field, Reply, Section
from bot.core.tickets import DONE as SHIPPED
from bot.core.tickets import EITHER, TicketRef, parse_ticket, system_label
from handlers.common import Scope, enter, find_loop
from handlers.context import Caller, Deps
from handlers.ticket_updates import Applied, ship, ticket_name
from storage.models import Loop
from storage.tickets import Ticket
from storage.uow import UnitOfWork

CREATION_SETTINGS = "GITHUB_TOKEN and GITHUB_REPOSITORY, or LINEAR_API_KEY and LINEAR_TEAM"


def read_ticket(deps: Deps, words: str) -> TicketRef:
    """A ticket named in chat; a bare KEY-123 goes to the tracker configured (Linear or Jira)."""
    return parse_ticket(words, deps.settings.bare_ticket_keys)


def link(deps: Deps, caller: Caller, command: ticket_grammar.LinkTicket) -> Reply:
    """Link loop #n or feedback n to a ticket; when it ships, the customer will be told."""
    ref = read_ticket(deps, command.ticket)
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        ws = scope.workspace.id
        if command.number is not None:
            loop = find_loop(uow, ws, command.number)
            ticket = uow.tickets.get_or_create(ws, ref.system, ref.key, ref.url, scope.now)
            new = uow.tickets.link(ticket, caller.user, scope.now, loop_id=loop.id)
            linked = f"#{loop.number}"
        else:
            feedback = uow.feedback.get(command.feedback_id or 0)
            if feedback is None or feedback.workspace_id != ws or feedback.deleted_at is not None:
                raise NotFound(
                    f"There is no feedback {command.feedback_id}. "
                    "`report feedback` lists feedback with its ids."
                )
            ticket = uow.tickets.get_or_create(ws, ref.system, ref.key, ref.url, scope.now)
            new = uow.tickets.link(ticket, caller.user, scope.now, feedback_id=feedback.id)
            linked = f"feedback {feedback.id}"
        if new and ticket.state == SHIPPED:  # linked after it shipped: tell them now
            ship(uow, ticket, scope.now, deps.settings.zone, Applied())
        uow.commit()
    if not new:
        return Reply(f"{linked} was already linked to {ticket_name(ticket)}.")
    return Reply(
        f"Linked {linked} to {ticket_name(ticket)} ({_tracker(ticket)}). When it ships, "
        "its loops become done and every customer who asked gets a loop to be told."
    )


def _tracker(ticket: Ticket) -> str:
    if ticket.system == EITHER:
        return "Linear or Jira: whichever webhook names it first; write `jira PROJ-42` to choose"
    return system_label(ticket.system)


def show(deps: Deps, caller: Caller, command: ticket_grammar.ShowTicket) -> Reply:
    """Every customer, loop and feedback linked to a ticket, with the value at stake."""
    ref = read_ticket(deps, command.ticket)
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        ticket = uow.tickets.find(scope.workspace.id, ref.key)
        if ticket is None:
            raise NotFound(f"Nothing is linked to {ref.key} yet: `link <loop id> {ref.key}`.")
        sections, values = _linked(uow, ticket)
        uow.commit()
    state = {SHIPPED: "shipped", "reopened": "reopened"}.get(ticket.state, "open")
    at_stake = sum(values.values())
    return Reply(
        f"{ticket_name(ticket)} ({system_label(ticket.system)}, {state}): {len(values)} customer"
        f"{'' if len(values) == 1 else 's'}, {at_stake:,.0f} in annual value at stake."
        + (f"\n{ticket.url}" if ticket.url else ""),
        sections=sections,
    )


def _linked(uow: UnitOfWork, ticket: Ticket) -> tuple[list[Section], dict[int, float]]:
    sections: list[Section] = []
    values: dict[int, float] = {}
    for link in uow.tickets.links(ticket.id):  # type: ignore[arg-type]
        if link.loop_id:
            loop = uow.loops.get(link.loop_id)
            assert loop is not None
            customer_id, text = loop.customer_id, f"#{loop.number} {loop.what}"
            fields = [Field("Owner", f"<@{loop.owner}>"), Field("State", loop.state)]
        else:
            feedback = uow.feedback.get(link.feedback_id)  # type: ignore[arg-type]
            if feedback is None or feedback.deleted_at is not None:
                continue
            customer_id, text = feedback.customer_id, f"feedback {feedback.id}: “{feedback.text}”"
            fields = [Field("Kind", feedback.kind)]
        customer = uow.customers.get(customer_id)
        if customer is None or customer.erased_at is not None:
            continue
        values[customer.id] = customer.value  # type: ignore[index]
        fields.insert(0, Field("Customer", f"{customer.name} ({customer.value:,.0f})"))
        sections.append(Section(text=text, fields=fields))
    return sections, values


def new_ticket(deps: Deps, caller: Caller, command: ticket_grammar.NewTicket) -> Reply:
    """Open a ticket for loop #n on GitHub or Linear, with its customer, what and quotes, and
    link it."""
    maker = _maker(deps, command.system)
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        loop = find_loop(uow, scope.workspace.id, command.number)
        if loop.state not in (OPEN, DONE):
            raise BadInput(f"#{loop.number} is {loop.state}: nothing left to build.")
        title, body = _ticket_text(uow, scope, loop)
        uow.commit()
    created = maker.create(title, body)  # outside the transaction: a slow API holds no lock
    with deps.uow() as uow:
        ws = scope.workspace.id
        ref = created.ref
        ticket = uow.tickets.get_or_create(ws, ref.system, ref.key, ref.url, scope.now)
        ticket.title = created.title
        uow.tickets.save(ticket)
        uow.tickets.link(ticket, caller.user, scope.now, loop_id=loop.id)
        uow.events.add(loop, "update", caller.user, scope.now, f"ticket {ref.key} opened")
        uow.commit()
    where = f"\n{ref.url}" if ref.url else ""
    return Reply(
        f"Opened {ticket_name(ticket)} on {system_label(ref.system)} and linked it to "
        f"#{loop.number}.{where}"
    )


def _maker(deps: Deps, system: str | None):  # noqa: ANN202
    makers = deps.ticket_makers
    if system is None and len(makers) == 1:
        return next(iter(makers.values()))
    if system is None and makers:
        raise BadInput(
            f"Both {' and '.join(makers)} are set up: say which, `ticket new <id> github`."
        )
    if system is None or system not in makers:
        which = system_label(system) if system else "a tracker"
        raise BadInput(f"To open tickets on {which}, set {CREATION_SETTINGS}.")
    return makers[system]


def _ticket_text(uow: UnitOfWork, scope: Scope, loop: Loop) -> tuple[str, str]:
    customer = uow.customers.get(loop.customer_id)
    assert customer is not None
    quotes = [
        f"> {f.text}\n> — {customer.name}" + (f" ({f.permalink})" if f.permalink else "")
        for f in uow.feedback.for_customer(customer.id, limit=20)  # type: ignore[arg-type]
        if f.deleted_at is None and (f.id == loop.feedback_id or f.kind != "praise")
    ][:5]
    body = "\n\n".join(
        [
            f"Promised to **{customer.name}** ({customer.segment}, value {customer.value:,.0f}) "
            f"as loop #{loop.number}: {loop.what}",
            *quotes,
            "When this ships, Loopkeeper asks the account owner to tell the customer.",
        ]
    )
    return f"{loop.what} ({customer.name})", body
