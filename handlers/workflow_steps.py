"""A workflow step ("Track a customer commitment"): the commitment `/loop commit` records, made
by a workflow run instead of a person, once per run however often the run is delivered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core import grammar
from bot.core.dates import describe
from bot.core.errors import BadInput, NotFound
from bot.core.inputs import MAX_COMMAND_CHARS
from bot.core.matching import closest_names
from bot.core.replies import Reply
from handlers import loops
from handlers.common import enter
from handlers.context import Caller, Deps
from handlers.loops import Promised
from storage.models import Customer
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class Tracked:
    """The step's outcome: the loop's number (None while another delivery of the same run is
    still making it), and what recording it answered (None when the run was seen before)."""

    number: int | None
    reply: Reply | None = None


def track_commitment(
    deps: Deps, caller: Caller, command: grammar.Commit, due_at: datetime | None, run: str
) -> Tracked:
    """Record the commitment a workflow run asks for, once per `run` (the run's id): a run
    delivered again gets the loop made the first time. `command.when` is the due date in words
    or `due_at` a timestamp (neither: 3 working days). UserErrors say which input to fix."""
    what, named = command.what.strip(), command.customer.strip()
    if not named:
        raise BadInput("The step's Customer input is empty: map it to the customer's name.")
    if not what:
        raise BadInput(
            "The step's What input is empty: map it to what was promised to the customer."
        )
    if len(what) > MAX_COMMAND_CHARS:
        raise BadInput(
            f"The step's What input is {len(what):,} characters long; a promise fits in "
            f"{MAX_COMMAND_CHARS:,}. Map a shorter text (a summary, or the request's title)."
        )
    if command.owner is None or not command.owner.id:
        raise BadInput("The step's Owner input is empty: pick who keeps the promise.")
    key = f"workflow:{run}"
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        found = uow.loops.by_source(scope.workspace.id, key)
        if found is not None:
            return Tracked(found.number)
        customer = _customer(uow, scope.workspace.id, named, deps.settings.command)
        uow.commit()
    if due_at is not None and due_at <= scope.now:
        shown = describe(due_at, scope.zone, scope.now, with_year=True)
        raise BadInput(f"The step's Due input is {shown}, which has already passed.")
    command = grammar.Commit(customer.name, what, command.owner, command.when)
    promised = [Promised(customer.id, source_key=key)]
    reply = loops.commit(deps, caller, command, promised, due_at)
    with deps.uow() as uow:
        made = uow.loops.by_source(scope.workspace.id, key)
    return Tracked(made.number if made else None, reply)


def _customer(uow: UnitOfWork, workspace_id: int, name: str, command: str) -> Customer:
    """The customer the step names, or an error a workflow author can act on."""
    customer = uow.customers.by_key(workspace_id, name)
    if customer is not None and customer.erased_at is None:
        return customer
    close = closest_names(name, uow.customers.names(workspace_id))
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    raise NotFound(f"No customer called “{name}”.{hint} Add customers with {command} customer add.")
