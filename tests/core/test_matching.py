"""Recognising known customers in free text."""

from __future__ import annotations

import pytest

from bot.core.matching import (
    AS_NAME,
    AS_WRITTEN,
    CustomerMatcher,
    alias_key,
    alias_rule,
    closest_names,
    strict_aliases,
)


def ids(matcher: CustomerMatcher, text: str) -> list[int]:
    return [m.customer_id for m in matcher.find(text)]


MATCHER = CustomerMatcher(
    [
        (1, "ACME"),
        (1, "Acme Corp"),
        (1, "acme.com"),
        (2, "Globex"),
        (3, "Initech Inc"),
        (4, "Café Olé"),
        (5, "UH"),
        (6, "Summit"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("talked to Acme today", [1]),
        ("ACME CORP called", [1]),
        ("the acme corp renewal", [1]),  # several words: any case
        ("see acme.com/pricing", [1]),
        ("ACME's export is slow", [1]),  # possessive
        ("ACME’s export is slow", [1]),
        ("Called Acme Corp. about it", [1]),
        ("both Globexes are live", [2]),  # plural
        ("globex wants SSO", [2]),  # not an everyday word: any case
        ("Initech Inc. called", [3]),
        ("initech called", []),  # the alias is two words
        ("café olé loved it", [4]),
        ("UH asked for a refund", [5]),
        ("uh, I think the staging build is broken", []),  # short: only as written
        ("Uh, not sure", []),
        ("Summit wants the API", [6]),
        ("see you at the summit", []),  # an everyday word: only as a name
        ("we reached the acme of performance", []),
        ("Acmeville and Summitry are not customers", []),
    ],
)
def test_aliases_match_as_people_write_names(text: str, expected: list[int]) -> None:
    assert ids(MATCHER, text) == expected


def test_several_customers_in_one_message_each_once() -> None:
    assert ids(MATCHER, "Globex and ACME, then acme corp again and GLOBEX") == [2, 1]


def test_slack_markup_is_not_read_as_words() -> None:
    assert ids(MATCHER, "<@U123|acme> hi <#C1|globex>") == []


def test_alias_keys_ignore_case_and_punctuation() -> None:
    assert alias_key("  Acme,  Corp. ") == "acme corp"
    assert alias_key("!!!") == ""


@pytest.mark.parametrize(
    ("alias", "rule"),
    [("UH", AS_WRITTEN), ("Box", AS_WRITTEN), ("Acme", AS_NAME), ("summit", AS_NAME)],
)
def test_short_and_everyday_one_word_aliases_are_strict(alias: str, rule: str) -> None:
    assert alias_rule(alias) == rule


def test_strict_aliases_say_why() -> None:
    assert strict_aliases(["UH", "Acme", "Globex", "Acme Corp", "acme.com"]) == [
        "“UH” only as written (3 letters or fewer)",
        "“Acme” only capitalised, as a name (it is an everyday word)",
    ]


class CountingDict(dict):
    lookups = 0

    def get(self, key, default=None):  # noqa: ANN001, ANN201
        CountingDict.lookups += 1
        return super().get(key, default)


def lookups(alias_count: int) -> int:
    """Dict lookups to find the last of `alias_count` customers at the end of 300 words."""
    matcher = CustomerMatcher((i, f"Customer{i} Holdings") for i in range(alias_count))
    matcher._by_key = CountingDict(matcher._by_key)
    CountingDict.lookups = 0
    text = " ".join(["lorem ipsum dolor"] * 100) + f" customer{alias_count - 1} holdings"
    assert ids(matcher, text) == [alias_count - 1]
    return CountingDict.lookups


def test_the_work_per_message_does_not_grow_with_the_number_of_aliases() -> None:
    # 302 words × the longest alias (2 words) × (a word, and its plural when it ends in s)
    assert lookups(10) == lookups(10_000) <= 302 * 2 * 2


def test_closest_names_for_typos() -> None:
    assert closest_names("Acmee", ["Acme Corp", "Globex", "Initech"])[0] == "Acme Corp"
    assert closest_names("zzzz", ["Acme Corp", "Globex"]) == []
