"""The customer-channel commands of `/loop` (PRODUCT.md "Customer channels"): channel link,
channel unlink, channels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.errors import BadInput

USAGE = {
    "channel": "channel link <customer> · channel unlink (in the customer's shared channel)",
    "channels": "channels (every channel linked to a customer)",
}

# Without `/loop` in front, "channel …" starts plain messages too ("channel is quiet today"):
# such a line is a command only when its words fit one.
_BARE = {
    "channel": re.compile(r"link\s+\S.*|unlink", re.IGNORECASE),
    "channels": re.compile(r""),
}


def bare_command(verb: str, rest: str) -> bool:
    """Whether a line starting with `verb` (no `/loop` before it) is a command, not a message."""
    shape = _BARE.get(verb)
    return shape is None or shape.fullmatch(rest.strip()) is not None


@dataclass(frozen=True)
class LinkChannel:
    """Link the channel the command was typed in to `customer`; None: unlink it."""

    customer: str | None


@dataclass(frozen=True)
class ListChannels:
    pass


def parse_channel(rest: str) -> LinkChannel:
    action, _, customer = rest.strip().partition(" ")
    action, customer = action.lower(), customer.strip()
    if action == "link" and customer:
        return LinkChannel(customer)
    if action == "unlink" and not customer:
        return LinkChannel(None)
    problem = "Which customer?" if action == "link" else "Link or unlink?"
    raise BadInput(f"{problem} Usage: `{USAGE['channel']}`")


def parse_channels(rest: str) -> ListChannels:
    if rest.strip():
        raise BadInput(f"`channels` takes nothing more. Usage: `{USAGE['channels']}`")
    return ListChannels()
