"""How much one person may type: the bounds that keep one message or one customer from costing
everyone else seconds of CPU or a database error.

Matching a message against aliases costs its words times the longest alias's words, and reading
a command grows faster than its length, so both are capped before any work is done.
"""

from __future__ import annotations

import re

from bot.core.errors import BadInput
from bot.core.matching import words

MAX_COMMAND_CHARS = 2_000  # a `/loop` line; longer text belongs in a message
MAX_ALIAS_WORDS = 8  # "Acme Corporation International Holdings Europe" is five
MAX_ALIAS_CHARS = 100  # the name is an alias too
MAX_ALIASES = 50  # per customer
_SEGMENT = re.compile(r"[\w-]{1,64}")


def check_command(text: str) -> None:
    """BadInput when a command line is too long to read."""
    if len(text) > MAX_COMMAND_CHARS:
        raise BadInput(
            f"That command is {len(text):,} characters long; a command may be at most "
            f"{MAX_COMMAND_CHARS:,}. Shorten it, or say the long part in a message."
        )


def alias_fits(alias: str) -> bool:
    """Whether an alias (or a customer's name) is within the bounds matching can afford."""
    return len(alias) <= MAX_ALIAS_CHARS and len(words(alias)) <= MAX_ALIAS_WORDS


def check_aliases(name: str, aliases: list[str]) -> None:
    """BadInput naming the first name or alias that is too long, or when there are too many."""
    if len(aliases) > MAX_ALIASES:
        raise BadInput(f"A customer may have at most {MAX_ALIASES} aliases.")
    for alias in [name, *aliases]:
        if not alias_fits(alias):
            raise BadInput(
                f"“{alias[:40]}…” is too long to recognise in chat: a name or alias is at most "
                f"{MAX_ALIAS_WORDS} words and {MAX_ALIAS_CHARS} characters."
            )


def check_segment(segment: str) -> None:
    """BadInput unless a segment is one word, as chat and CSV import both require."""
    if not _SEGMENT.fullmatch(segment):
        raise BadInput(f"The segment “{segment[:40]}” is not one word, like enterprise or smb.")
