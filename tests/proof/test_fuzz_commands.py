"""Any text typed after `/loop` gets a reply or a friendly error, never a traceback; any date
phrase gets a due time in the future or a BadInput. Property-based (hypothesis), bounded."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bot.core import dates, due_in_text, grammar
from bot.core.errors import BadInput
from bot.core.replies import Reply
from handlers import commands
from handlers.context import Caller
from tests.conftest import person
from tests.proof.db import rows

FUZZ = settings(
    # PROOF_EXAMPLES=5000 explores deeper by hand; CI keeps the suite fast on 2 cores.
    max_examples=int(os.environ.get("PROOF_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

VERBS = [
    "help",
    "feedback",
    "commit",
    "list",
    "ls",
    "done",
    "told",
    "snooze",
    "reassign",
    "update",
    "cancel",
    "customer",
    "customer add",
    "customer forget",
    "customers",
    "report",
    "settings",
    "/loop",
    "",
]
TOKENS = [
    "ACME",
    "acme.com",
    "Acme Corp",
    "Nobody Inc",
    ":",
    "#1",
    "1",
    "2",
    "#999999999",
    "0",
    "-1",
    "@bob",
    "<@U123>",
    "<@U1|ann>",
    "@",
    "<@>",
    "owner",
    "by",
    "due",
    "aliases",
    "segment",
    "value",
    "1e309",
    "nan",
    "-5",
    "10k",
    "$",
    "tomorrow",
    "Friday",
    "2026-12-01",
    "in 3 days",
    "2020-01-01",
    "next week",
    "noon",
    "25:99",
    "csv",
    "weekly",
    "owners",
    "quiet",
    "escalation",
    "#general",
    "<#C1|general>",
    "digest",
    "cadence",
    "quiet-hours",
    "capture",
    "on",
    "off",
    "`",
    "*",
    "_",
    "~",
    "<!channel>",
    "\n",
    "\t",
    "'; DROP TABLE loop; --",
    "\u202e",
    "😀",
    "ß",
    "İ",
]

TEMPLATES = [
    "feedback ACME: {}",
    "feedback {}",
    "commit ACME: {}",
    "commit acme.com: ship {} by {}",
    "commit ACME: {} owner {}",
    "customer add {}",
    "customer add {} aliases {}, {}",
    "customer {}",
    "list customer {}",
    "list {}",
    "snooze 1 {}",
    "update 1 {}",
    "reassign 1 {}",
    "done #1 {}",
    "told 2 {}",
    "cancel 1 {}",
    "report {}",
    "settings {} {}",
    "customer forget {}",
]
filled = st.builds(
    lambda template, parts: template.format(*parts),
    st.sampled_from(TEMPLATES),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=20)), min_size=3, max_size=3),
)
command_text = st.one_of(
    st.text(max_size=120),
    filled,
    st.builds(
        lambda verb, parts: " ".join([verb, *parts]),
        st.sampled_from(VERBS),
        st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=10),
    ),
)


@pytest.fixture
def world(sqlite_deps):  # noqa: ANN001, ANN201
    """A workspace with a customer and a few loops in every state, for commands to act on."""
    alice = person("alice")
    for line in [
        "customer add ACME aliases acme.com, Acme Corp segment enterprise value 1k owner @alice",
        "commit ACME: ship SSO by Friday",
        "commit ACME: call back",
        "done 2",
        "commit ACME: docs",
        "cancel 3 no longer wanted",
    ]:
        assert not commands.run(sqlite_deps, alice, line).error, line
    return sqlite_deps


CALLERS = [
    person("alice"),
    person("mallory"),
    person("admin"),
    Caller(platform="slack", workspace="T1", user="U123", user_name="bob", tz="Asia/Kolkata"),
    Caller(platform="teams", workspace="tenant", user="29:x", tz="Not/AZone"),
]


@FUZZ
@given(text=command_text, who=st.sampled_from(CALLERS))
def test_any_command_text_gets_a_reply_never_a_traceback(world, text: str, who: Caller) -> None:  # noqa: ANN001
    reply = commands.run(world, who, text)
    event("error reply" if reply.error else "result")
    assert isinstance(reply, Reply)
    assert reply.text.strip(), f"empty reply to {text!r}"
    assert "Traceback" not in reply.plain()


@FUZZ
@given(text=command_text)
def test_the_grammar_reads_a_command_or_says_why_not(text: str) -> None:
    try:
        command = grammar.parse(text)
    except BadInput as exc:
        assert exc.message.strip() and "Usage" in exc.message or "?" in exc.message, exc.message
        return
    assert isinstance(command, grammar.Command.__args__)  # type: ignore[attr-defined]


phrases = st.one_of(
    st.text(max_size=40),
    st.builds(
        lambda parts: " ".join(parts),
        st.lists(
            st.sampled_from(
                [
                    "by",
                    "in",
                    "next",
                    "this",
                    "on",
                    "at",
                    "end of",
                    "the",
                    "week",
                    "month",
                    "friday",
                    "mon",
                    "tomorrow",
                    "today",
                    "eod",
                    "noon",
                    "midnight",
                    "5pm",
                    "12am",
                    "17:30",
                    "25:61",
                    "3",
                    "0",
                    "-2",
                    "99999",
                    "days",
                    "hours",
                    "minutes",
                    "2026-12-01",
                    "2026-02-30",
                    "12/31",
                    "31/12",
                    "dec",
                    "1st",
                    "ago",
                    "yesterday",
                ]
            ),
            max_size=6,
        ),
    ),
)
ZONES = [
    "UTC",
    "Europe/Paris",
    "America/Los_Angeles",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "Australia/Lord_Howe",
]


@FUZZ
@given(
    phrase=phrases,
    zone=st.sampled_from(ZONES),
    now=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)
    ),
)
def test_a_date_phrase_is_a_future_time_or_bad_input(phrase: str, zone: str, now: datetime) -> None:
    try:
        due = dates.parse_due(phrase, now, ZoneInfo(zone))
    except BadInput as exc:
        assert phrase.strip() in exc.message or "date" in exc.message, exc.message
        return
    assert isinstance(due, datetime) and due.tzinfo is not None
    assert due > now, (phrase, now, due)
    assert due - now < timedelta(days=3660), (phrase, due)


@FUZZ
@given(text=st.text(max_size=200))
def test_due_dates_found_in_chat_messages_never_raise(text: str) -> None:
    now = datetime(2026, 11, 24, 9, tzinfo=UTC)
    found = due_in_text.find_due_in_text(text, now, ZoneInfo("Europe/Paris"))
    assert found is None or found > now


@pytest.mark.parametrize(
    "text",
    [
        "customer add Big value 1e309",
        "customer add Nan Co value nan",
        "customer add Inf Co value inf",
        "customer add Neg value -inf",
    ],
)
def test_a_value_that_is_not_a_real_amount_is_refused(sqlite_deps, text: str) -> None:  # noqa: ANN001
    reply = commands.run(sqlite_deps, person("alice"), text)
    assert reply.error and "not a number" in reply.text, reply.text


def test_text_with_a_nul_character_is_stored_not_crashed(deps) -> None:  # noqa: ANN001
    # PostgreSQL text can't hold U+0000 and JSON from a chat platform can carry it: it is
    # stored as U+FFFD there, as it is on SQLite.
    alice = person("alice")
    assert not commands.run(deps, alice, "customer add ACME").error
    for line in [
        "feedback ACME: before\x00after",
        "commit ACME: ship\x00it",
        "customer add Nul\x00Co",
    ]:
        reply = commands.run(deps, alice, line)
        assert not reply.error, reply.text
    stored = (
        rows(deps.engine, "SELECT text FROM feedback")
        + rows(deps.engine, "SELECT what AS text FROM loop")
        + rows(deps.engine, "SELECT name AS text FROM customer WHERE name LIKE 'Nul%'")
    )
    assert [r["text"].replace("\ufffd", "\x00") for r in stored] == [
        "before\x00after",
        "ship\x00it",
        "Nul\x00Co",
    ]


@pytest.mark.parametrize("zone", ["America/Los_Angeles", "Pacific/Kiritimati"])
@pytest.mark.parametrize("phrase", ["9999-12-31 23:59", "dec 31 9999", "in 5000 years"])
def test_a_date_at_the_end_of_the_calendar_is_refused_not_crashed(phrase: str, zone: str) -> None:
    now = datetime(2026, 11, 24, 9, tzinfo=UTC)
    with pytest.raises(BadInput, match="10 years"):
        dates.parse_due(phrase, now, ZoneInfo(zone))
