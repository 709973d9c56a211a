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
