"""Console choices (issue 15): a card's buttons keep their numbers, a stale number does nothing
and says what it was, Snooze asks until when, Undo and confirmations are numbered choices."""

from __future__ import annotations

import io
import re

import pytest

from bot.platforms.console import run_console
from handlers.context import Deps
from tests.platforms.test_console import Chat


@pytest.fixture
def chat(sqlite_deps: Deps) -> Chat:
    chat = Chat(sqlite_deps, "admin")
    chat.say("/loop customer add ACME")
    return chat


def numbers(shown: str) -> dict[str, int]:
    """Button label -> the number printed for it."""
    return {label: int(n) for n, label in re.findall(r"\[(\d+)\] ([\w ]+?)(?=  |\n|$)", shown)}


def test_pressing_the_same_number_twice_does_not_press_the_next_button(chat: Chat) -> None:
    card = numbers(chat.say("/loop commit ACME: ship SSO by Friday"))
    assert card["Done"] == 1 and card["Customer told"] == 2
    done = chat.say("1")
    assert "#1 is done" in done
    after = numbers(done)
    assert after["Customer told"] == 2 and after["Snooze"] == card["Snooze"]  # same numbers
    again = chat.say("1")
    assert "[1] was “Done” on #1; it is no longer offered" in again and "nothing was done" in again
    assert "Customer told" not in again
    assert "State: done, customer not told yet" in chat.say("/loop list")


def test_snooze_asks_until_when_and_an_empty_answer_snoozes_nothing(chat: Chat) -> None:
    card = numbers(chat.say("/loop commit ACME: ship SSO by Friday"))
    asked = chat.say(str(card["Snooze"]), "")
    assert "until when?" in asked and "not snoozed" in asked
    snoozed = chat.say(str(card["Snooze"]), "2h")
    assert "#1 snoozed until Tue 24 Nov 11:00 (UTC)." in snoozed


def test_undo_is_a_choice_that_can_be_pressed_once(chat: Chat) -> None:
    chat.say("/loop commit ACME: ship SSO by Friday")
    done = chat.say("1")
    undo = numbers(done)["Undo"]
    assert "Undone: #1 marked done" in chat.say(str(undo))
    assert "no longer offered" in chat.say(str(undo))
    assert "State: open" in chat.say("/loop list")


def test_forget_is_confirmed_with_a_numbered_choice(chat: Chat) -> None:
    asked = chat.say("/loop customer forget ACME")
    assert "Nothing is erased until you confirm" in asked
    assert "Forgot ACME" in chat.say(str(numbers(asked)["Forget ACME"]))


def test_the_first_console_user_becomes_admin_once(sqlite_deps: Deps) -> None:
    first, second = io.StringIO(), io.StringIO()
    run_console(sqlite_deps, "zoe", "general", io.StringIO("/loop settings\n"), first)
    assert "You (@zoe) are the admin of this local workspace" in first.getvalue()
    assert "digest_schedule" in first.getvalue()  # the settings were shown, not refused
    run_console(sqlite_deps, "yann", "general", io.StringIO("/loop settings\n"), second)
    assert "admin of this local workspace" not in second.getvalue()
    assert "LOOPKEEPER_ADMINS" in second.getvalue()  # refused, with how to become one
