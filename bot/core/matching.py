"""Finding known customers in free text: whole words, any alias, many customers.

Most aliases match in any case. Two kinds are strict, because in chat they are mostly not
the customer: a one-word alias of three letters or fewer matches only as written ("UH", not
"uh, I think…"), and a one-word alias that is also an everyday English word matches only
when written as a name, capitalised ("Acme", "ACME", not "the acme of performance").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.core.everyday_words import EVERYDAY_WORDS

_WORD = re.compile(r"\w+", re.UNICODE)
# Slack wraps links and mentions in <...>; their insides are not words the speaker said.
_MARKUP = re.compile(r"<[@#!][^>]*>")
SHORT = 3  # letters: a one-word alias this short matches only as written

ANY_CASE, AS_WRITTEN, AS_NAME = "any case", "as written", "as a name"


def words(text: str) -> list[str]:
    """The words of a text, casefolded (punctuation separates words)."""
    return [w.casefold() for w in _WORD.findall(text)]


def alias_key(alias: str) -> str:
    """The normalised form an alias is stored and matched by: its words joined by one space."""
    return " ".join(words(alias))


def alias_rule(alias: str) -> str:
    """How an alias must be written in chat to name its customer (see the module's words)."""
    written = _WORD.findall(alias)
    if len(written) != 1:
        return ANY_CASE  # "Acme Corp", "acme.com": several words are a name in any case
    if len(written[0]) <= SHORT:
        return AS_WRITTEN
    if written[0].casefold() in EVERYDAY_WORDS:
        return AS_NAME
    return ANY_CASE


def strict_aliases(aliases: Iterable[str]) -> list[str]:
    """The strict aliases among these, each with why: '“UH” only as written (3 letters or
    fewer)', '“Summit” only capitalised (an everyday word)'."""
    why = {
        AS_WRITTEN: f"only as written ({SHORT} letters or fewer)",
        AS_NAME: "only capitalised, as a name (it is an everyday word)",
    }
    return [f"“{a}” {why[rule]}" for a in aliases if (rule := alias_rule(a)) in why]


@dataclass(frozen=True)
class Mention:
    customer_id: int
    alias: str  # the alias key that matched


@dataclass(frozen=True)
class _Alias:
    customer_id: int
    rule: str
    written: tuple[str, ...]

    def allows(self, said: list[str]) -> bool:
        if self.rule == AS_WRITTEN:
            return tuple(said) == self.written
        if self.rule == AS_NAME:
            return said[0][:1].isupper()
        return True


class CustomerMatcher:
    """Finds customers named in a text in time linear in its words, whatever the alias count:
    each word is looked up in one dict, for each alias length up to the longest."""

    def __init__(self, aliases: Iterable[tuple[int, str]]) -> None:
        self._by_key: dict[tuple[str, ...], _Alias] = {}
        self._longest = 1
        for customer_id, alias in aliases:
            written = tuple(_WORD.findall(alias))
            key = tuple(w.casefold() for w in written)
            if key:
                self._by_key[key] = _Alias(customer_id, alias_rule(alias), written)
                self._longest = max(self._longest, len(key))

    def __len__(self) -> int:
        return len(self._by_key)

    def find(self, text: str) -> list[Mention]:
        """Customers named in `text`, in order of first mention, each once (longest alias wins).

        Possessives and punctuation ("ACME's", "Acme Corp.") and a plural of the last word
        ("two Globexes") still name the customer.
        """
        said = _WORD.findall(_MARKUP.sub(" ", text))
        folded = [w.casefold() for w in said]
        found: list[Mention] = []
        seen: set[int] = set()
        i = 0
        while i < len(folded):
            step = 1
            for size in range(min(self._longest, len(folded) - i), 0, -1):
                hit = self._lookup(folded[i : i + size], said[i : i + size])
                if hit is not None:
                    key, alias = hit
                    if alias.customer_id not in seen:
                        seen.add(alias.customer_id)
                        found.append(Mention(alias.customer_id, " ".join(key)))
                    step = size
                    break
            i += step
        return found

    def _lookup(self, folded: list[str], said: list[str]) -> tuple[tuple[str, ...], _Alias] | None:
        key = tuple(folded)
        alias = self._by_key.get(key)
        if alias is None and len(key[-1]) > 4 and key[-1].endswith("s"):  # a plural
            for cut in (1, 2) if key[-1].endswith("es") else (1,):
                key = (*folded[:-1], folded[-1][:-cut])
                if (alias := self._by_key.get(key)) is not None:
                    break
            if alias is not None and alias.rule == AS_WRITTEN:
                return None
        if alias is None or not alias.allows(said):
            return None
        return key, alias


def closest_names(name: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """The known names most like `name` (fuzzy), best first; empty when nothing is close."""
    choices = list(candidates)
    if not choices:
        return []
    scored = process.extract(
        name, choices, scorer=fuzz.WRatio, processor=lambda s: s.casefold(), limit=limit
    )
    return [choice for choice, score, _ in scored if score >= 50]
