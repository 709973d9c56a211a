"""`undo`: take back your own last change to a loop, a customer or feedback, within minutes."""

from __future__ import annotations

from bot.core.errors import Conflict, NotAllowed, NotFound
from bot.core.loops import OPEN, cancel, check_undo
from bot.core.replies import Reply, Section
from handlers.common import Scope, enter, loop_section
from handlers.context import Caller, Deps
from handlers.planning import replan
from storage.changes import restore
from storage.models import Change
from storage.uow import UnitOfWork


def undo(deps: Deps, caller: Caller, change_id: int | None = None) -> Reply:
    """Undo the caller's change `change_id` (an Undo button) or their newest one (`undo`).

    Refused when it is older than the undo window, made by someone else, already undone, or
    when the same thing was changed again since (that later change would be lost)."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        ws = scope.workspace.id
        change = (
            uow.changes.get(ws, change_id)
            if change_id is not None
            else uow.changes.last_of(ws, caller.user)
        )
        if change is None:
            raise NotFound("You have no change to undo.")
        if change.actor != caller.user:
            raise NotAllowed(f"Only <@{change.actor}> can undo their own change.")
        if change.undone_at is not None:
            raise Conflict(f"Already undone: {change.summary}")
        check_undo(change.at, scope.now)
        later = uow.changes.later_on_target(change)
        if later is not None:
            raise Conflict(
                f"It was changed again since by <@{later.actor}> ({later.summary}); "
                "undo that first, or change it by hand."
            )
        section = _put_back(uow, deps, scope, change)
        if not uow.changes.before(change).get("added"):  # an undone add took its records along
            uow.changes.mark_undone(change, scope.now)
        uow.commit()
    return Reply(f"Undone: {change.summary}", sections=[section] if section else [])


def _put_back(uow: UnitOfWork, deps: Deps, scope: Scope, change: Change) -> Section | None:
    before = uow.changes.before(change)
    if change.target == "commit":
        return _cancel_commitment(uow, deps, scope, change, before["loops"])
    if before.get("logged"):  # feedback just logged: taken back out
        logged = uow.feedback.get(change.target_id)
        if logged is not None:
            uow.changes.delete_feedback(logged)
        return None
    if change.target == "loop":
        loop = uow.loops.get(change.target_id)
        if loop is None:
            raise NotFound("That loop is gone.")
        restore(loop, before)
        replan(uow, loop, scope.now, deps.settings.zone)
        uow.loops.save(loop)
        uow.events.add(loop, "undo", scope.actor.user, scope.now, f"undid: {change.summary}")
        names = uow.customers.names_by_id({loop.customer_id})
        return loop_section(loop, names.get(loop.customer_id, "?"), scope.zone, scope.now)
    if change.target == "customer":
        customer = uow.customers.get(change.target_id)
        if customer is None or customer.erased_at is not None:
            raise NotFound("That customer is gone.")
        if before.get("added"):
            if not uow.customers.remove_unused(customer):
                raise Conflict(
                    f"{customer.name} has feedback or loops by now; "
                    f"`customer forget {customer.name}` erases it instead."
                )
            return None
        aliases = before.pop("aliases", None)
        restore(customer, before)
        uow.customers.save(customer)
        if aliases is not None:
            uow.customers.set_aliases(customer, aliases)
        return None
    if "deleted" in before:
        uow.changes.restore_feedback(before["deleted"], before.get("links", {}))
        return None
    feedback = uow.feedback.get(change.target_id)
    if feedback is None:
        raise NotFound("That feedback is gone.")
    restore(feedback, before)
    uow.feedback.save(feedback)
    return None


def _cancel_commitment(
    uow: UnitOfWork, deps: Deps, scope: Scope, change: Change, loop_ids: list[int]
) -> Section | None:
    """A commitment undone: its loops are cancelled, unless one has moved on since."""
    loops = [lp for lp in (uow.loops.get(i) for i in loop_ids) if lp is not None]
    moved = [lp for lp in loops if lp.state != OPEN]
    if moved:
        raise Conflict(
            f"#{moved[0].number} is {moved[0].state} already; cancel the loops by hand instead."
        )
    for loop in loops:
        cancel(loop, scope.now, "undone by the one who recorded it")
        replan(uow, loop, scope.now, deps.settings.zone)
        uow.loops.save(loop)
        uow.events.add(loop, "cancel", scope.actor.user, scope.now, f"undid: {change.summary}")
    return None
