"""Reply loops go through the same engine as every loop: nudged at the first-response due time
(in the owner's working hours), then while overdue; answered, they go quiet. Both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.followups.helpers import acme, run, run_until, sweep_now
from tests.followups.recording import RecordingDelivery
from tests.platforms.test_console import Chat

FRIDAY_1830 = datetime(2026, 11, 27, 18, 30, tzinfo=UTC)
MONDAY_0930 = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)


def test_a_question_asked_friday_evening_is_nudged_monday_and_stops_once_answered(deps) -> None:  # noqa: ANN001
    """Breakage caught: a due time counted in wall-clock hours (a nudge on Friday night or the
    weekend), a reply loop the engine never nudges, and nudges that go on after the answer."""
    acme(deps)
    deps.clock.set(FRIDAY_1830)
    chat = Chat(deps, "admin")
    run(deps, chat.session.caller, "channel link Acme Corp")
    assert "due Mon 30 Nov 09:30" in chat.say("guest jane: Why is the invoice export failing?")
    delivery = RecordingDelivery()
    weekend = run_until(deps, delivery, MONDAY_0930 - timedelta(minutes=1), timedelta(hours=3))
    assert weekend == []  # the first-response clock stopped at 19:00 on Friday
    deps.clock.set(MONDAY_0930)
    sweep_now(deps, delivery)
    (nudge,) = delivery.to("alice")  # the account owner
    assert nudge.reply.text == "⏰ #1 for Acme Corp is due now."
    deps.clock.advance(minutes=20)
    assert "#1 answered" in chat.say("thread #1: It is fixed, please try again.")
    later = run_until(deps, delivery, MONDAY_0930 + timedelta(days=3), timedelta(hours=6))
    assert later == [] and len(delivery.to("alice")) == 1
