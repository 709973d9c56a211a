"""Capture: messages naming customers become feedback, once; commitments become loops on a click."""

from __future__ import annotations

import pytest

from bot.core.errors import BadInput
from handlers import capture, commands
from handlers.capture import ChatMessage
from tests.conftest import person

alice, bob = person("alice"), person("bob")


def add_customers(deps) -> None:  # noqa: ANN001
    for line in (
        "customer add Acme Corp aliases ACME, acme.com segment enterprise value 120k",
        "customer add Globex segment smb value 5000",
    ):
        assert not commands.run(deps, alice, line).error


def message(text: str, ts: str = "100.1", channel: str = "general") -> ChatMessage:
    return ChatMessage(text, channel, ts, f"https://chat.example.com/{ts}", "mention")


def test_a_message_naming_customers_is_logged_for_each(deps) -> None:  # noqa: ANN001
    add_customers(deps)
    reply = capture.capture_message(deps, bob, message("ACME and globex both say exports fail"))
    assert reply is not None and reply.react
    assert "Acme Corp" in reply.text and "Globex" in reply.text and "problem" in reply.text
    timeline = commands.run(deps, bob, "customer acme.com").plain()
    assert "exports fail" in timeline and "https://chat.example.com/100.1" in timeline
    assert "@bob" in timeline or "<@bob>" in timeline


def test_the_same_message_twice_is_logged_once(deps) -> None:  # noqa: ANN001
    add_customers(deps)
    assert capture.capture_message(deps, bob, message("ACME is unhappy")) is not None
    assert capture.capture_message(deps, bob, message("ACME is unhappy")) is None
    assert (
        capture.capture_message(deps, bob, message("ACME is unhappy", ts="100.2"), event_key="Ev1")
        is not None
    )
    assert (
        capture.capture_message(deps, bob, message("ACME is unhappy", ts="100.3"), event_key="Ev1")
        is None
    )  # a redelivered event
    assert "2 feedback" in commands.run(deps, bob, "customer ACME").text


def test_messages_without_customers_or_in_muted_channels_are_ignored(deps) -> None:  # noqa: ANN001
    add_customers(deps)
    assert capture.capture_message(deps, bob, message("lunch anyone?")) is None
    assert not commands.run(deps, person("admin"), "settings capture #random off").error
    assert capture.capture_message(deps, bob, message("ACME!", channel="random")) is None
    assert capture.capture_message(deps, bob, message("ACME!", channel="general")) is not None


def test_new_customers_are_recognised_at_once(deps) -> None:  # noqa: ANN001
    add_customers(deps)
    assert capture.capture_message(deps, bob, message("Initech wants SSO", "1")) is None
    commands.run(deps, alice, "customer add Initech")
    assert capture.capture_message(deps, bob, message("Initech wants SSO", "2")) is not None


def test_commitment_language_offers_a_button_that_tracks_once(deps) -> None:  # noqa: ANN001
    add_customers(deps)
    reply = capture.capture_message(
        deps, bob, message("Told ACME we'll ship the CSV export by Friday")
    )
    assert reply is not None
    [button] = [b for s in reply.sections for b in s.buttons]
    assert button.action == "track" and "Track" in button.label
    assert commands.run(deps, bob, "list").text.endswith("none. 🎉")  # never a silent loop
    tracked = capture.track_commitment(deps, alice, button.value)
    assert "#1" in tracked.text and "<@bob>" in tracked.text  # the speaker owns it
    assert "Fri 27 Nov 17:00" in tracked.text
    again = capture.track_commitment(deps, alice, button.value)
    assert "#1" in again.text and "Already" in again.text
    assert "#2" not in commands.run(deps, bob, "list all").plain()


def test_edits_update_and_deletes_mark_feedback(deps) -> None:  # noqa: ANN001
    add_customers(deps)
    capture.capture_message(deps, bob, message("ACME says it is slow"))
    assert capture.message_changed(deps, bob, "general", "100.1", "ACME says it is fast") == 1
    timeline = commands.run(deps, bob, "customer ACME").plain()
    assert "it is fast" in timeline and "it is slow" not in timeline
    assert capture.message_deleted(deps, bob, "general", "100.1") == 1
    assert "[deleted]" in commands.run(deps, bob, "customer ACME").plain()


def test_feedback_command_and_unknown_customers(deps) -> None:  # noqa: ANN001
    add_customers(deps)
    ok = commands.run(deps, bob, "feedback ACME: loves the new dashboard")
    assert not ok.error and "praise" in ok.text
    found = commands.run(deps, bob, "feedback Globex wants an API")
    assert not found.error and "Globex" in found.text
    unknown = commands.run(deps, bob, "feedback Globexx: hi")
    assert unknown.error and "Globex" in unknown.text and "customer add" in unknown.text
    nobody = commands.run(deps, bob, "feedback someone wants an API")
    assert nobody.error and "Which customer" in nobody.text


def test_a_promise_to_two_customers_opens_a_loop_for_each(sqlite_deps) -> None:  # noqa: ANN001
    add_customers(sqlite_deps)
    said = "Acme and Globex both hit the rate limit bug, we will ship a fix next week"
    reply = capture.capture_message(sqlite_deps, bob, message(said))
    assert reply is not None
    [prompt] = reply.sections
    assert "promise to Acme Corp and Globex (one loop each): “ship a fix”" in prompt.text
    assert "due Mon 30 Nov 17:00 (UTC)" in prompt.text
    tracked = capture.track_commitment(sqlite_deps, alice, prompt.buttons[0].value)
    assert "Tracking #1 for Acme Corp and #2 for Globex: ship a fix" in tracked.text
    assert "each is told" in tracked.text
    assert [s.text for s in tracked.sections] == [
        "#1 Acme Corp — ship a fix",
        "#2 Globex — ship a fix",
    ]
    again = capture.track_commitment(sqlite_deps, alice, prompt.buttons[0].value)
    assert again.text == "Already tracked as #1, #2."
    # Each customer's timeline keeps the whole message and its link.
    timeline = commands.run(sqlite_deps, bob, "customer Globex").plain()
    assert said in timeline and "https://chat.example.com/100.1" in timeline


def test_the_loop_title_is_the_promise_without_date_words_or_filler(sqlite_deps) -> None:  # noqa: ANN001
    add_customers(sqlite_deps)
    said = "uh, @ACME we'll fix the CSV export by Friday, sorry about that!"
    reply = capture.capture_message(sqlite_deps, bob, message(said))
    assert reply is not None and "“fix the CSV export”, due Fri 27 Nov" in reply.sections[0].text
    tracked = capture.track_commitment(sqlite_deps, alice, reply.sections[0].buttons[0].value)
    assert "Tracking #1 for Acme Corp: fix the CSV export — owner <@bob>" in tracked.text


def test_a_promise_with_an_unreadable_date_is_not_offered_for_tracking(sqlite_deps) -> None:  # noqa: ANN001
    add_customers(sqlite_deps)
    reply = capture.capture_message(sqlite_deps, bob, message("we'll send ACME the fix by tomorow"))
    assert reply is not None and "Logged" in reply.text
    [prompt] = reply.sections
    assert not prompt.buttons
    assert "couldn't read “by tomorow”" in prompt.text and "Wed 25 Nov 17:00" in prompt.text
    assert "`commit Acme Corp: send ACME the fix by tomorrow`" in prompt.text
    # A button on that message (from an older prompt) makes nothing either.
    with pytest.raises(BadInput, match="Did you mean"):
        capture.track_commitment(sqlite_deps, alice, "1|general|100.1")
    assert "none" in commands.run(sqlite_deps, alice, "list all").text
