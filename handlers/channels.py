"""Customer channels: link a chat channel to a customer, unlink it, list the links."""

from __future__ import annotations

from bot.core.channel_grammar import LinkChannel
from bot.core.errors import BadInput, NotAllowed
from bot.core.replies import Button, Picker, Reply, Section, counted
from handlers.capture import matcher_for
from handlers.common import Scope, enter, find_customer, looked_up
from handlers.context import Caller, Deps
from storage.models import Customer
from storage.uow import UnitOfWork

NO_LINKS = (
    "No channel is linked to a customer yet. In a customer's shared channel: "
    "`channel link <customer>`."
)


def link(deps: Deps, caller: Caller, command: LinkChannel) -> Reply:
    """`channel link <customer>` / `channel unlink` in the channel itself (admins and the
    customer's account owner)."""
    if not caller.channel:
        raise BadInput("Run `channel link <customer>` in the customer's shared channel itself.")
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        ws = scope.workspace.id
        current = uow.channel_links.for_channel(ws, caller.channel)
        was = uow.customers.get(current.customer_id) if current else None
        if command.customer is None:
            if was is None:
                raise BadInput("This channel is not linked to a customer. `channels` lists links.")
            _check_rights(scope, was, "unlink")
            uow.channel_links.unlink(ws, caller.channel)
            uow.commit()
            return Reply(f"This channel is no longer {was.name}'s. Messages here are ours again.")
        customer = find_customer(uow, ws, command.customer)
        _check_rights(scope, customer, "link")
        if was is not None and was.id != customer.id:
            _check_rights(scope, was, "unlink")
        reply = linked(uow, scope, caller.channel, customer)
        uow.commit()
    return reply


def linked(uow: UnitOfWork, scope: Scope, channel: str, customer: Customer) -> Reply:
    """Link `channel` to `customer` (rights already checked) and say what that means."""
    uow.channel_links.link(scope.workspace.id, channel, customer.id, scope.actor.user, scope.now)
    owner = customer.owner or scope.actor.user
    return Reply(
        f"🔗 This channel is now {customer.name}'s. What their people say here is their "
        f"feedback, and their questions, requests and problems open reply loops for <@{owner}>. "
        "The first reply in a message's thread closes its loop."
    )


def _check_rights(scope: Scope, customer: Customer, verb: str) -> None:
    if scope.actor.is_admin or (customer.owner and customer.owner == scope.actor.user):
        return
    owner = f"<@{customer.owner}> (the account owner)" if customer.owner else "the account owner"
    raise NotAllowed(f"Only an admin or {owner} can {verb} {customer.name}'s channel.")


def list_channels(deps: Deps, caller: Caller) -> Reply:
    """`channels`: every link of the workspace, by customer."""
    links, scope = looked_up(deps, caller, lambda uow, ws: uow.channel_links.all(ws))
    sections = [
        Section(
            f"{name} — <#{link.channel}>, linked by <@{link.linked_by}> "
            f"on {link.linked_at.astimezone(scope.zone).date().isoformat()}"
        )
        for link, name in links
    ]
    if sections:
        return Reply(f"{counted(len(links), 'linked channel')}:", sections=sections)
    return Reply(NO_LINKS)


def link_offer(
    deps: Deps, caller: Caller, channel: str, other_side: list[str], event_key: str | None
) -> Reply | None:
    """The offer to link a shared channel the bot was just added to: a button for each
    customer whose name, alias or domain the other organisation's names (`other_side`) match,
    and a picker of every customer. None when the channel is linked already or the event was
    seen before."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        ws = scope.workspace.id
        if event_key and not uow.events.first_time(ws, event_key[:255], scope.now):
            return None
        if uow.channel_links.for_channel(ws, channel) is not None:
            uow.commit()
            return None
        matcher = matcher_for(uow, ws)
        matched = {m.customer_id for name in other_side for m in matcher.find(_words(name))}
        customers = [c for c in uow.customers.all(ws) if c.erased_at is None]
        uow.commit()
    who = other_side[0] if other_side else "another organisation"  # its name, not domains
    if not customers:
        return Reply(
            f"This channel is shared with {who}. Add the customer (`customer add <name> aliases "
            "<their domain>`), then `channel link <customer>` here."
        )
    buttons = [
        Button(f"Link to {c.name}", "run", f"channel link {c.name}", "primary")
        for c in customers
        if c.id in matched
    ][:3]
    choices = tuple((c.name, f"channel link {c.name}") for c in sorted(customers, key=_by_name))
    return Reply(
        f"This channel is shared with {who}. Link it to a customer? What their people say here "
        "becomes their feedback, and their questions wait for our answer.",
        sections=[
            Section(
                "Which customer is it?", buttons=buttons, picker=Picker("Pick a customer", choices)
            )
        ],
    )


def _words(name: str) -> str:
    """A team's name or domain as words an alias can match ("acme-corp" as "acme corp")."""
    return name.replace("-", " ")


def _by_name(customer: Customer) -> str:
    return customer.name.casefold()
