"""Finding known customers in free text: whole words, any case, any alias, many customers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

_WORD = re.compile(r"\w+", re.UNICODE)
# Slack wraps links and mentions in <...>; their insides are not words the speaker said.
_MARKUP = re.compile(r"<[@#!][^>]*>")


def words(text: str) -> list[str]:
    """The words of a text, casefolded (punctuation separates words)."""
    return [w.casefold() for w in _WORD.findall(text)]


def alias_key(alias: str) -> str:
    """The normalised form an alias is stored and matched by: its words joined by one space."""
    return " ".join(words(alias))


@dataclass(frozen=True)
class Mention:
    customer_id: int
    alias: str  # the alias key that matched


class CustomerMatcher:
    """Finds customers named in a text in time linear in its words, whatever the alias count."""

    def __init__(self, aliases: Iterable[tuple[int, str]]) -> None:
        self._by_key: dict[tuple[str, ...], int] = {}
        self._longest = 1
        for customer_id, alias in aliases:
            key = tuple(words(alias))
            if key:
                self._by_key[key] = customer_id
                self._longest = max(self._longest, len(key))

    def __len__(self) -> int:
        return len(self._by_key)

    def find(self, text: str) -> list[Mention]:
        """Customers named in `text`, in order of first mention, each once (longest alias wins)."""
        tokens = words(_MARKUP.sub(" ", text))
        found: list[Mention] = []
        seen: set[int] = set()
        i = 0
        while i < len(tokens):
            step = 1
            for size in range(min(self._longest, len(tokens) - i), 0, -1):
                key = tuple(tokens[i : i + size])
                customer_id = self._by_key.get(key)
                if customer_id is not None:
                    if customer_id not in seen:
                        seen.add(customer_id)
                        found.append(Mention(customer_id, " ".join(key)))
                    step = size
                    break
            i += step
        return found


def closest_names(name: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """The known names most like `name` (fuzzy), best first; empty when nothing is close."""
    choices = list(candidates)
    if not choices:
        return []
    scored = process.extract(
        name, choices, scorer=fuzz.WRatio, processor=lambda s: s.casefold(), limit=limit
    )
    return [choice for choice, score, _ in scored if score >= 50]
