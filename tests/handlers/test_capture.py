"""Capture: messages naming customers become feedback, once; commitments become loops on a click."""

from __future__ import annotations

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
