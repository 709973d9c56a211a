"""The console end to end: lines typed as a person would, answers as they are printed."""

from __future__ import annotations

import io

import pytest

from bot.platforms.console import ConsoleSession
from handlers.context import Deps
from tests.conftest import person


class Chat:
    """One console user typing lines; `say` returns what the console printed for the line."""

    def __init__(self, deps: Deps, name: str = "alice", answers: list[str] | None = None) -> None:
        self.out = io.StringIO()
        self.answers = list(answers or [])
        self.session = ConsoleSession(deps, person(name), self.out, self._ask)

    def _ask(self, prompt: str) -> str | None:
        return self.answers.pop(0) if self.answers else None

    def say(self, line: str, *answers: str) -> str:
        self.answers.extend(answers)
        start = self.out.tell()
        self.session.handle(line)
        return self.out.getvalue()[start:]


@pytest.fixture
def chat(sqlite_deps: Deps) -> Chat:
    return Chat(sqlite_deps, "admin")


@pytest.mark.parametrize("line", ["/loop list", "loop list", "list", "Loop list", "LOOP LIST"])
def test_the_command_word_is_optional(chat: Chat, line: str) -> None:
    chat.say("/loop customer add ACME")
    chat.say("/loop commit ACME: ship SSO by Friday")
    shown = chat.say(line)
    assert "Your open loops: 1" in shown and "#1 ACME — ship SSO" in shown
    assert "I don't know" not in shown


def test_a_plain_message_is_still_a_message(chat: Chat) -> None:
    chat.say("/loop customer add ACME")
    assert "Logged" in chat.say("ACME says the loop list page is slow")
    assert "Your open loops" not in chat.say("looping back on this later")


@pytest.mark.parametrize(
    ("when", "suggested"),
    [
        ("by tomorow", "Wed 25 Nov 17:00"),
        ("by Frday", "Fri 27 Nov 17:00"),
        ("by the twelfth of neverember", "Fri 12 Nov 2027 17:00"),
        ("asap", "Tue 24 Nov 17:00"),
    ],
)
def test_an_unreadable_date_is_refused_with_the_closest_reading(
    chat: Chat, when: str, suggested: str
) -> None:
    chat.say("/loop customer add ACME")
    answer = chat.say(f"/loop commit ACME: fix the CSV export {when}")
    assert "⚠️" in answer and "couldn't read" in answer and "Did you mean " + suggested in answer
    assert "none" in chat.say("/loop list all")  # nothing was created


def test_a_by_phrase_that_is_no_date_stays_in_the_promise(chat: Chat) -> None:
    chat.say("/loop customer add ACME")
    answer = chat.say("/loop commit ACME: send the report made by finance")
    assert "Tracking #1 for ACME: send the report made by finance" in answer
    assert "due Fri 27 Nov 17:00 (UTC) (no due date given: 3 working days)" in answer


def test_a_time_zone_in_the_phrase_is_honoured(chat: Chat) -> None:
    chat.say("/loop customer add ACME")
    answer = chat.say("/loop commit ACME: call their CTO by friday 5pm CET")
    assert "due Fri 27 Nov 16:00 (UTC)" in answer  # 17:00 in Berlin


def test_numeric_dates_follow_the_workspace_order_and_are_said_in_words(chat: Chat) -> None:
    chat.say("/loop customer add ACME")
    assert "date_order: mdy" in chat.say("/loop settings")  # the default
    for order, due in [
        ("mdy", "Thu 03 Dec 17:00 (UTC) (12/03 read month first"),
        ("dmy", "Fri 12 Mar 2027 17:00 (UTC) (12/03 read day first"),
    ]:
        assert f"date_order: {order}" in chat.say(f"/loop settings date-order {order}")
        assert f"due {due}" in chat.say("/loop commit ACME: send the roadmap by 12/03")
    refused = chat.say("/loop commit ACME: send the pricing by 12/24")
    assert "not a date read day first" in refused and "24 December 2026" in refused


def test_snooze_for_two_hours_means_two_hours_from_now(chat: Chat) -> None:
    chat.say("/loop customer add ACME")
    shown = chat.say("/loop commit ACME: ship SSO by Friday")
    assert "[3] Snooze" in shown
    assert "#1 snoozed until Tue 24 Nov 11:00 (UTC)." in chat.say("3", "2h")  # the button
    assert "#1 snoozed until Tue 24 Nov 10:30 (UTC)." in chat.say("/loop snooze 1 90 min")
    assert "Did you mean Fri 27 Nov" in chat.say("/loop snooze 1 frday")


def test_a_duration_after_an_owner_is_the_due_date(chat: Chat) -> None:
    chat.say("/loop customer add ACME")
    answer = chat.say("/loop commit ACME: migrate the data owner @bob in 2 weeks")
    assert "Tracking #1 for ACME: migrate the data — owner @bob, due Tue 08 Dec 17:00" in answer


@pytest.fixture
def two_customers(chat: Chat) -> Chat:
    """A console chat that knows Acme Corp (alias ACME) and Globex."""
    chat.say("/loop customer add Acme Corp aliases ACME")
    chat.say("/loop customer add Globex")
    return chat


def test_a_promise_to_two_customers_is_tracked_for_each(two_customers: Chat) -> None:
    chat = two_customers
    shown = chat.say("ACME and Globex both hit the rate limit bug, we will ship a fix next week")
    assert "Logged problem feedback for Acme Corp, Globex." in shown
    assert "promise to Acme Corp and Globex (one loop each): “ship a fix”, due Mon 30 Nov" in shown
    assert "[1] Track this commitment" in shown
    tracked = chat.say("1")
    assert "Tracking #1 for Acme Corp and #2 for Globex: ship a fix" in tracked
    listing = chat.say("loop list")
    assert "#1 Acme Corp — ship a fix" in listing and "#2 Globex — ship a fix" in listing


def test_a_promise_with_a_misspelt_date_is_not_tracked_on_a_guess(chat: Chat) -> None:
    chat.say("/loop customer add ACME")
    shown = chat.say("uh, we'll fix the CSV export for ACME by tomorow")
    assert "couldn't read “by tomorow”" in shown and "Did you mean Wed 25 Nov 17:00" in shown
    assert "`commit ACME: fix the CSV export for ACME by tomorrow`" in shown
    assert "Track this commitment" not in shown


def test_adding_a_customer_says_which_aliases_are_strict_and_why(chat: Chat) -> None:
    answer = chat.say("/loop customer add Acme Corp aliases ACME, acme.com, AC")
    assert "I'll notice it in chat as: Acme Corp, ACME, acme.com, AC." in answer
    assert "“ACME” only capitalised, as a name (it is an everyday word)" in answer
    assert "“AC” only as written (3 letters or fewer)" in answer
    assert "Acme Corp”" not in answer and "acme.com”" not in answer


@pytest.mark.parametrize(
    ("line", "logged"),
    [
        ("uh, I think the staging build is broken", False),
        ("UH asked for HIPAA paperwork", True),
        ("we reached the acme of performance", False),
        ("ACME's export is slow", True),
        ("the acme corp renewal is at risk", True),
    ],
)
def test_customer_names_are_heard_as_people_write_them(chat: Chat, line: str, logged: bool) -> None:
    chat.say("/loop customer add Acme Corp aliases ACME, acme.com")
    chat.say("/loop customer add UH Health aliases UH")
    assert ("Logged" in chat.say(line)) is logged


def test_a_commitment_to_two_customers_opens_a_loop_for_each(two_customers: Chat) -> None:
    chat = two_customers
    answer = chat.say("/loop commit ACME and Globex: ship the rate limit fix by Friday")
    assert "Tracking #1 for Acme Corp and #2 for Globex: ship the rate limit fix" in answer
    assert "one loop per customer, so each is told" in answer
    unknown = chat.say("/loop commit ACME and Initech: ship it")
    assert "I don't know a customer called “ACME and Initech”" in unknown


def test_help_shows_the_date_forms_and_the_date_order_setting(chat: Chat) -> None:
    shown = chat.say("loop help")
    assert "2h, tomorrow 5pm CET" in shown and "date-order mdy|dmy" in shown
