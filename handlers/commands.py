"""The `/loop` command: read the text, run the one use case it names, return its Reply."""

from __future__ import annotations

import logging

from bot.core import channel_grammar, grammar, inputs, ticket_grammar
from bot.core.errors import UserError
from bot.core.replies import Reply, error_reply
from handlers import (
    capture,
    channels,
    customer_edits,
    customers,
    feedback_changes,
    loops,
    reports,
    reviews,
    settings,
    telling,
    tickets,
    undo,
)
from handlers.context import Caller, Deps

log = logging.getLogger(__name__)


def run(deps: Deps, caller: Caller, text: str, page: int | None = None) -> Reply:
    """Run one command line; a UserError becomes a friendly ephemeral reply, never a traceback.

    `page` asks for another page of a paged answer (a list, a timeline): a "next page" button.
    """
    try:
        inputs.check_command(text)  # before parsing: reading a command grows faster than it
        return dispatch(deps, caller, grammar.parse(text, deps.settings.command), page)
    except UserError as exc:
        return error_reply(exc.message, exc.suggestions)


def dispatch(
    deps: Deps, caller: Caller, command: grammar.Command, page: int | None = None
) -> Reply:
    """Call the handler for one parsed command (UserErrors propagate)."""
    match command:
        case grammar.Help(topic):
            return Reply(grammar.help_text(deps.settings.command, topic))
        case grammar.LogFeedback():
            return capture.log_feedback(deps, caller, command, source="command")
        case grammar.Commit():
            return loops.commit(deps, caller, command)
        case grammar.ListLoops():
            return loops.list_loops(deps, caller, command, page or 1)
        case grammar.Tell():
            return telling.tell_command(deps, caller, command)
        case grammar.LoopAction(action, number, text, user):
            return loops.act(deps, caller, action, number, text, user)  # type: ignore[return-value]
        case grammar.AddCustomer():
            return customers.add(deps, caller, command)
        case grammar.ShowCustomer(name, asked):
            return customers.timeline(deps, caller, name, page or asked)
        case grammar.ForgetCustomer(name, confirmed):
            return customers.forget(deps, caller, name, confirmed)
        case grammar.EditLoop(number, field, text, user):
            return loops.act(deps, caller, "edit", number, text, user, field=field)  # type: ignore[return-value]
        case grammar.Undo(change):
            return undo.undo(deps, caller, change)
        case grammar.EditCustomer():
            return customer_edits.edit(deps, caller, command)
        case grammar.ChangeFeedback():
            return feedback_changes.change_feedback(deps, caller, command)
        case grammar.ListCustomers():
            return customers.list_customers(deps, caller)
        case grammar.Report():
            return reports.report(deps, caller, command)
        case grammar.Review(name, quarter):
            return reviews.review_in_chat(deps, caller, name, quarter)
        case grammar.CustomerStatus(name, status, reason):
            return reviews.set_status(deps, caller, name, status, reason)
        case grammar.ChangeSettings():
            return settings.change(deps, caller, command)
        case ticket_grammar.LinkTicket():
            return tickets.link(deps, caller, command)
        case ticket_grammar.ShowTicket():
            return tickets.show(deps, caller, command)
        case ticket_grammar.NewTicket():
            return tickets.new_ticket(deps, caller, command)
        case channel_grammar.LinkChannel():
            return channels.link(deps, caller, command)
        case channel_grammar.ListChannels():
            return channels.list_channels(deps, caller)
    raise AssertionError(f"unhandled command {command!r}")
