"""Correcting feedback: delete it (it leaves every report and the digest), change its kind or
its customer. The author, the customer's account owner or an admin may."""

from __future__ import annotations

from bot.core import grammar
from bot.core.errors import Conflict, NotAllowed, NotFound
from bot.core.replies import Reply, Section
from handlers.common import Scope, enter, find_customer, undo_button
from handlers.context import Caller, Deps
from storage.changes import snapshot
from storage.models import Customer, Feedback
from storage.uow import UnitOfWork


def change_feedback(deps: Deps, caller: Caller, command: grammar.ChangeFeedback) -> Reply:
    """`feedback delete <id>`, `feedback <id> kind <kind>`, `feedback <id> customer <name>`."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        feedback, customer = _feedback_to_change(uow, scope, command.feedback_id)
        fid = command.feedback_id
        if command.field == "delete":
            before: dict[str, object] = {"deleted": snapshot(feedback)}
            before["links"] = uow.changes.delete_feedback(feedback)
            summary = f"deleted feedback {fid} for {customer.name}"
        elif command.field == "kind" and feedback.kind == command.text:
            return Reply(f"Feedback {fid} is already {command.text}.")
        elif command.field == "kind":
            before = snapshot(feedback, ("kind",))
            summary = f"feedback {fid} is now {command.text} (was {feedback.kind})"
            feedback.kind = command.text
            uow.feedback.save(feedback)
        else:
            moved_to = find_customer(uow, scope.workspace.id, command.text)
            _check_not_logged(uow, feedback, moved_to)
            before = snapshot(feedback, ("customer_id",))
            summary = f"feedback {fid} is now for {moved_to.name} (was {customer.name})"
            feedback.customer_id = moved_to.id  # type: ignore[assignment]
            uow.feedback.save(feedback)
        change = uow.changes.record(
            scope.workspace.id,
            caller.user,
            "feedback",
            fid,
            customer.id,
            summary,
            before,
            scope.now,
        )
        uow.commit()
    shown = Section(f"“{_short(feedback.text)}”", buttons=[undo_button(change.id)])  # type: ignore[arg-type]
    return Reply(summary[0].upper() + summary[1:] + ".", sections=[shown])


def _feedback_to_change(
    uow: UnitOfWork, scope: Scope, feedback_id: int
) -> tuple[Feedback, Customer]:
    feedback = uow.feedback.get(feedback_id)
    customer = uow.customers.get(feedback.customer_id) if feedback else None
    if (
        feedback is None
        or customer is None
        or feedback.workspace_id != scope.workspace.id
        or customer.erased_at is not None
    ):
        raise NotFound(
            f"There is no feedback {feedback_id}. A customer's timeline shows each one's id: "
            "`customer <name>`."
        )
    actor = scope.actor
    if not (actor.is_admin or actor.user in (feedback.author, customer.owner)):
        raise NotAllowed(
            f"Only <@{feedback.author}> (who logged it), {customer.name}'s account owner or an "
            f"admin can change feedback {feedback_id}."
        )
    return feedback, customer


def _check_not_logged(uow: UnitOfWork, feedback: Feedback, customer: Customer) -> None:
    """One message is one customer's feedback once: moving it onto a copy is refused."""
    if feedback.channel and feedback.message_ts:
        found = uow.feedback.for_message(
            feedback.workspace_id, feedback.channel, feedback.message_ts
        )
        if any(f.customer_id == customer.id for f in found):
            raise Conflict(f"That message is already logged for {customer.name}.")


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
