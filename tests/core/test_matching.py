"""Recognising known customers in free text."""

from __future__ import annotations

import time

from bot.core.matching import CustomerMatcher, alias_key, closest_names


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
    ]
)


def test_whole_words_any_case_any_alias() -> None:
    assert ids(MATCHER, "talked to acme today") == [1]
    assert ids(MATCHER, "ACME CORP called") == [1]
    assert ids(MATCHER, "see acme.com/pricing") == [1]
    assert ids(MATCHER, "Acmeville and acmes are not customers") == []
    assert ids(MATCHER, "initech called") == []  # the alias is two words
    assert ids(MATCHER, "Initech Inc. called") == [3]
    assert ids(MATCHER, "café olé loved it") == [4]


def test_several_customers_in_one_message_each_once() -> None:
    assert ids(MATCHER, "Globex and ACME, then acme corp again and GLOBEX") == [2, 1]


def test_slack_markup_is_not_read_as_words() -> None:
    assert ids(MATCHER, "<@U123|acme> hi <#C1|globex>") == []


def test_alias_keys_ignore_case_and_punctuation() -> None:
    assert alias_key("  Acme,  Corp. ") == "acme corp"
    assert alias_key("!!!") == ""


def test_thousands_of_customers_stay_fast() -> None:
    matcher = CustomerMatcher((i, f"Customer{i} Holdings") for i in range(10_000))
    text = " ".join(["lorem ipsum dolor"] * 100) + " customer9999 holdings"
    started = time.perf_counter()
    for _ in range(20):
        found = ids(matcher, text)
    assert found == [9999]
    # 20 scans of a 300-word message: linear in words, not in aliases (a regex alternation
    # over 10,000 aliases takes seconds here).
    assert time.perf_counter() - started < 1.0


def test_closest_names_for_typos() -> None:
    assert closest_names("Acmee", ["Acme Corp", "Globex", "Initech"])[0] == "Acme Corp"
    assert closest_names("zzzz", ["Acme Corp", "Globex"]) == []
