"""The customer-channel commands, and plain messages that only start like them."""

from __future__ import annotations

import pytest

from bot.core import grammar
from bot.core.channel_grammar import LinkChannel, ListChannels
from bot.core.errors import BadInput


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("/loop channel link Acme Corp", LinkChannel("Acme Corp")),
        ("channel link Acme", LinkChannel("Acme")),
        ("loop channel unlink", LinkChannel(None)),
        ("channels", ListChannels()),
    ],
)
def test_channel_commands_are_read(line: str, command: object) -> None:
    assert grammar.parse(line) == command


@pytest.mark.parametrize(
    "line", ["channel is quiet today", "channels are busy", "channel unlink it"]
)
def test_a_message_that_only_starts_with_channel_is_a_message(line: str) -> None:
    assert grammar.command_text(line) is None


@pytest.mark.parametrize("line", ["/loop channel link", "/loop channel drop", "/loop channels all"])
def test_a_channel_command_without_what_it_needs_says_how(line: str) -> None:
    with pytest.raises(BadInput, match="Usage"):
        grammar.parse(line)


def test_help_says_how_to_speak_as_a_customer_in_the_console() -> None:
    shown = grammar.help_text()
    assert "channel link <customer>" in shown and "guest <name>: <text>" in shown
