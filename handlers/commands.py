"""The `/loop` command: read the text, run the one use case it names, return its Reply."""

from __future__ import annotations

import logging

from bot.core import grammar, inputs
from bot.core.errors import UserError
from bot.core.replies import Reply, error_reply
from handlers import capture, customers, loops, reports, settings
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
        case grammar.LoopAction(action, number, text, user):
            return loops.act(deps, caller, action, number, text, user)
        case grammar.AddCustomer():
            return customers.add(deps, caller, command)
        case grammar.ShowCustomer(name, asked):
            return customers.timeline(deps, caller, name, page or asked)
        case grammar.ForgetCustomer(name):
            return customers.forget(deps, caller, name)
        case grammar.ListCustomers():
            return customers.list_customers(deps, caller)
        case grammar.Report():
            return reports.report(deps, caller, command)
        case grammar.ChangeSettings():
            return settings.change(deps, caller, command)
    raise AssertionError(f"unhandled command {command!r}")
