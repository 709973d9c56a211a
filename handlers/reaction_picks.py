"""The capture emoji (default :loop:) on a message: it logs the message for the customers it
names, or in a linked channel for that channel's customer; when neither says who, the reactor
picks the customer from a list (searchable past 100 customers) and the pick logs it, once."""

from __future__ import annotations

from bot.core import grammar
from bot.core.replies import Picker, Reply, Section
from handlers.capture import CAPTURED_REACTION, ChatMessage, log_feedback, matcher_for
from handlers.common import enter
from handlers.context import Caller, Deps
from storage.models import Customer

PICK_ACTION = "pick_customer"
LISTED = 100  # a static select's most options: past this many customers, a search


def reacted(deps: Deps, caller: Caller, message: ChatMessage) -> Reply:
    """Log the reacted message for who it is about, or ask the reactor which customer."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        ws = scope.workspace.id
        named = list(dict.fromkeys(m.customer_id for m in matcher_for(uow, ws).find(message.text)))
        link = uow.channel_links.for_channel(ws, message.channel) if not named else None  # type: ignore[arg-type]
        customers = [] if named or link else _pickable(uow.customers.all(ws))  # type: ignore[arg-type]
        uow.commit()
    if link is not None:
        named = [link.customer_id]
    if named:
        return _logged(deps, caller, message, named)
    if not customers:
        return Reply("There are no customers yet: `customer add <name>` first, then react again.")
    choices = tuple((c.name, str(c.id)) for c in customers[:LISTED])
    about = f"{message.channel}|{message.message_ts}"
    picker = Picker("Pick a customer", choices, PICK_ACTION, about, len(customers) > LISTED)
    return Reply(
        "This message names no customer. Whose feedback is it? Pick one and I'll log it.",
        sections=[Section(_quote(message.text), picker=picker)],
    )


def _pickable(customers: object) -> list[Customer]:
    found = [c for c in customers if c.erased_at is None]  # type: ignore[attr-defined]
    return sorted(found, key=lambda c: c.name.casefold())


def _quote(text: str) -> str:
    return "“" + (text if len(text) <= 200 else text[:199] + "…") + "”"


def _logged(deps: Deps, caller: Caller, message: ChatMessage, customer_ids: list[int]) -> Reply:
    """The message logged for each customer (once each, however the reaction arrives)."""
    command = grammar.LogFeedback(None, message.text)
    replies = [
        log_feedback(deps, caller, command, "reaction", message, customer_id=cid)
        for cid in customer_ids
    ]
    if len(replies) == 1:
        return replies[0]
    return Reply(
        "\n".join(r.text for r in replies),
        sections=[s for r in replies for s in r.sections],
        react=CAPTURED_REACTION,
    )


def picked(deps: Deps, caller: Caller, customer_id: int, message: ChatMessage) -> Reply:
    """The reactor's pick: the message logged for that customer, unless it is logged already
    (a second pick, a double click)."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        ws = scope.workspace.id
        already = uow.feedback.for_message(ws, message.channel, message.message_ts)  # type: ignore[arg-type]
        names = uow.customers.names_by_id({f.customer_id for f in already})
        uow.commit()
    if already:
        return Reply(f"That message is already logged for {', '.join(sorted(names.values()))}.")
    return _logged(deps, caller, message, [customer_id])


def search(deps: Deps, caller: Caller, typed: str) -> list[tuple[str, str]]:
    """The customers whose name holds what the reactor typed (the first 100, by name)."""
    wanted = typed.strip().casefold()
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        customers = _pickable(uow.customers.all(scope.workspace.id))  # type: ignore[arg-type]
        uow.commit()
    found = [c for c in customers if wanted in c.name.casefold()]
    return [(c.name, str(c.id)) for c in found[:LISTED]]
