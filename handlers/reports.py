"""Reports (being written: issue 6)."""

from __future__ import annotations

from bot.core import grammar
from bot.core.errors import BadInput
from bot.core.replies import Reply
from handlers.context import Caller, Deps


def report(deps: Deps, caller: Caller, command: grammar.Report) -> Reply:
    raise BadInput("Reports are not available yet.")
