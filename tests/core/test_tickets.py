"""Ticket references, webhook signatures and replay windows: pure rules."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core import grammar
from bot.core.errors import BadInput
from bot.core.ticket_grammar import LinkTicket, NewTicket, ShowTicket
from bot.core.tickets import (
    EITHER,
    GITHUB,
    JIRA,
    LINEAR,
    TicketRef,
    bare_key_system,
    fresh,
    hmac_hex,
    parse_ticket,
    signature_ok,
)


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        (
            "https://github.com/Acme/app/issues/12",
            TicketRef(GITHUB, "acme/app#12", "https://github.com/Acme/app/issues/12"),
        ),
        (
            "<https://github.com/acme/app/pull/7/files>",
            TicketRef(GITHUB, "acme/app#7", "https://github.com/acme/app/pull/7/files"),
        ),
        ("acme/app#3", TicketRef(GITHUB, "acme/app#3")),
        (
            "<https://github.com/acme/app/issues/5|acme/app#5>",
            TicketRef(GITHUB, "acme/app#5", "https://github.com/acme/app/issues/5"),
        ),
        (
            "https://linear.app/acme/issue/ENG-123/export-is-slow",
            TicketRef(LINEAR, "ENG-123", "https://linear.app/acme/issue/ENG-123/export-is-slow"),
        ),
        (
            "https://acme.atlassian.net/browse/PROJ-42",
            TicketRef(JIRA, "PROJ-42", "https://acme.atlassian.net/browse/PROJ-42"),
        ),
        ("eng-9", TicketRef(EITHER, "ENG-9")),
        ("jira:ops-1", TicketRef(JIRA, "OPS-1")),
        ("linear ENG-2", TicketRef(LINEAR, "ENG-2")),
    ],
)
def test_ticket_references_are_read(text: str, ref: TicketRef) -> None:
    assert parse_ticket(text) == ref


def test_a_bare_key_goes_to_the_one_tracker_configured() -> None:
    assert parse_ticket("ENG-1", bare_key_system(linear=True, jira=False)).system == LINEAR
    assert parse_ticket("ENG-1", bare_key_system(linear=False, jira=True)).system == JIRA
    assert bare_key_system(linear=True, jira=True) == EITHER == bare_key_system(False, False)


@pytest.mark.parametrize("text", ["", "123", "see the roadmap", "https://example.com/issues/1"])
def test_what_is_not_a_ticket_is_refused_with_the_forms(text: str) -> None:
    with pytest.raises(BadInput, match="A ticket is a GitHub issue"):
        parse_ticket(text)


def test_signatures_are_checked_against_the_raw_body() -> None:
    body = b'{"action":"closed"}'
    good = "sha256=" + hmac_hex("s3cret", body)
    assert signature_ok("s3cret", body, good)
    assert not signature_ok("s3cret", body + b" ", good)
    assert not signature_ok("other", body, good)
    assert not signature_ok("s3cret", body, None)
    assert not signature_ok("s3cret", body, hmac_hex("s3cret", body))  # prefix missing
    assert signature_ok("s3cret", body, hmac_hex("s3cret", body), prefix="")


def test_linear_timestamps_are_fresh_within_a_minute_either_way() -> None:
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    ms = now.timestamp() * 1000
    assert fresh(int(ms - 59_000), now) and fresh(int(ms + 30_000), now)
    assert not fresh(int(ms - 61_000), now)
    assert not fresh("1700000000000", now) and not fresh(None, now) and not fresh(True, now)


def test_the_ticket_commands_parse() -> None:
    url = "https://github.com/acme/app/issues/1"
    assert grammar.parse(f"/loop link #4 {url}") == LinkTicket(url, number=4)
    assert grammar.parse("link feedback 9 ENG-1") == LinkTicket("ENG-1", feedback_id=9)
    assert grammar.parse("ticket ENG-1") == ShowTicket("ENG-1")
    assert grammar.parse("ticket new 3 linear") == NewTicket(3, "linear")
    assert grammar.parse("ticket new #3") == NewTicket(3, None)
    for bad in ("link", "link 4", "link x ENG-1", "ticket", "ticket new", "ticket new 3 jira"):
        with pytest.raises(BadInput, match="Usage"):
            grammar.parse(bad)


def test_plain_messages_starting_with_link_or_ticket_stay_messages() -> None:
    for message in ("Link to the ACME dashboard is broken", "Ticket volume from Globex doubled"):
        assert grammar.command_text(message) is None
    for line in ("link 4 ENG-1", "link feedback 2 acme/app#3", "ticket ENG-1", "ticket new 3"):
        assert grammar.command_text(line) == line
    assert grammar.command_text("/link to nowhere") == "link to nowhere"  # a slash means it
