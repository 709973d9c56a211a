"""A burst of chat messages is captured in one transaction, each message once."""

from __future__ import annotations

from sqlmodel import select

from handlers import capture, commands
from handlers.capture import Capture, ChatMessage
from handlers.context import Caller
from storage.models import Feedback

ann = Caller(platform="slack", workspace="T1", user="U1", channel="C1")
bob = Caller(platform="slack", workspace="T1", user="U2", channel="C1")
other_team = Caller(platform="slack", workspace="T2", user="U9", channel="C1")


def message(text: str, ts: str, channel: str = "C1") -> ChatMessage:
    return ChatMessage(text, channel, ts, None, "mention")


def test_a_burst_stores_each_message_once_and_answers_each(deps) -> None:  # noqa: ANN001
    """Breakage it must catch (tests/mutations): a Track button that no longer names the
    message it came from."""
    assert not commands.run(deps, ann, "customer add Acme Corp aliases ACME").error
    assert not commands.run(deps, ann, "customer add Globex").error
    assert not commands.run(deps, other_team, "customer add Initech").error
    burst = [
        Capture(ann, message("ACME wants SSO", "1.1"), "Ev1"),
        Capture(bob, message("Globex and ACME are unhappy", "1.2"), "Ev2"),
        Capture(ann, message("ACME wants SSO", "1.1"), "Ev1"),  # a retry in the same burst
        Capture(ann, message("ACME wants SSO", "1.1"), "Ev3"),  # the app_mention of 1.1
        Capture(bob, message("nothing to see", "1.3"), "Ev4"),
        Capture(other_team, message("ACME and Initech", "1.4"), "Ev5"),  # T2 knows no ACME
        Capture(ann, message("We'll send Globex the fix by Friday", "1.5")),
    ]
    replies = capture.capture_messages(deps, burst)
    texts = [r.text if r else None for r in replies]
    assert texts == [
        "📝 Logged request feedback for Acme Corp.",
        "📝 Logged risk feedback for Globex, Acme Corp.",
        None,
        None,
        None,
        "📝 Logged other feedback for Initech.",
        "📝 Logged other feedback for Globex.",
    ]
    assert replies[6] is not None
    (track,) = [b for section in replies[6].sections for b in section.buttons]
    assert track.label == "Track this commitment" and track.value.endswith("|C1|1.5")
    with deps.uow() as uow:
        rows = uow.session.exec(select(Feedback.message_ts, Feedback.author)).all()
    assert sorted(rows) == [
        ("1.1", "U1"),
        ("1.2", "U2"),
        ("1.2", "U2"),
        ("1.4", "U9"),
        ("1.5", "U1"),
    ]
    again = capture.capture_messages(deps, burst[:2])  # Slack's retries, later
    assert again == [None, None]
