"""Customer channels: link a chat channel to a customer, unlink it, list the links."""

from __future__ import annotations

from bot.core.channel_grammar import LinkChannel
from bot.core.errors import BadInput, NotAllowed
from bot.core.replies import Reply, Section, counted
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
