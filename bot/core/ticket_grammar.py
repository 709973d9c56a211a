"""The ticket commands of `/loop` (PRODUCT.md): link, ticket, ticket new. The ticket words are
read by the handler, which knows which trackers are configured."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.errors import BadInput

USAGE = {
    "link": "link <loop id> <ticket> · link feedback <feedback id> <ticket>",
    "ticket": "ticket <ticket> · ticket new <loop id> [github|linear]",
}

_NUMBER = re.compile(r"#?(\d{1,9})")
# Without `/loop` or `loop` in front, "link" and "ticket" start many plain messages ("Link to
# the ACME dashboard is broken"): such a line is a command only when its words fit one.
_BARE = {
    "link": re.compile(r"(?:feedback\s+)?#?\d{1,9}\s+\S+", re.IGNORECASE),
    "ticket": re.compile(r"new\s+#?\d{1,9}(?:\s+(?:github|linear))?|\S*[-/#]\S*\d", re.IGNORECASE),
}


def bare_command(verb: str, rest: str) -> bool:
    """Whether a line starting with `verb` (no `/loop` before it) is a command, not a message."""
    shape = _BARE.get(verb)
    return shape is None or shape.fullmatch(rest.strip()) is not None


@dataclass(frozen=True)
class LinkTicket:
    """Link loop #number, or feedback `feedback_id`, to the ticket named by `ticket`."""

    ticket: str
    number: int | None = None
    feedback_id: int | None = None


@dataclass(frozen=True)
class ShowTicket:
    ticket: str


@dataclass(frozen=True)
class NewTicket:
    number: int
    system: str | None = None  # github or linear; None: the one configured


def _error(verb: str, problem: str) -> BadInput:
    return BadInput(f"{problem} Usage: `{USAGE[verb]}`")


def _id(verb: str, word: str, what: str) -> int:
    match = _NUMBER.fullmatch(word)
    if not match:
        raise _error(verb, f"I need the {what}'s number, like 12 or #12.")
    return int(match.group(1))


def parse_link(rest: str) -> LinkTicket:
    words = rest.split()
    feedback = bool(words) and words[0].lower() == "feedback"
    words = words[1:] if feedback else words
    if len(words) != 2:
        raise _error("link", "I need a number and a ticket.")
    number = _id("link", words[0], "feedback" if feedback else "loop")
    if feedback:
        return LinkTicket(words[1], feedback_id=number)
    return LinkTicket(words[1], number=number)


def parse_ticket_command(rest: str) -> ShowTicket | NewTicket:
    words = rest.split()
    if not words:
        raise _error("ticket", "Which ticket?")
    if words[0].lower() != "new":
        if len(words) != 1:
            raise _error("ticket", "A ticket is one word: a URL or a key like ENG-123.")
        return ShowTicket(words[0])
    if len(words) not in (2, 3):
        raise _error("ticket", "Which loop should the new ticket keep?")
    system = words[2].lower() if len(words) == 3 else None
    if system not in (None, "github", "linear"):
        raise _error("ticket", f"I can create tickets on github or linear, not “{words[2]}”.")
    return NewTicket(_id("ticket", words[1], "loop"), system)
