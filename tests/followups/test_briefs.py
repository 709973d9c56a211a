"""One brief per owner per sweep: an owner's due nudges in one DM, escalations of one sweep in one
post per channel (or per account owner), never a loop dropped past what one message holds."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from handlers.nudges import BRIEF_LOOPS
from tests.followups.helpers import acme, admin, bob, nudge_rows, run, run_until, sweep_now
from tests.followups.recording import LookupDelivery, RecordingDelivery

MONDAY_9 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def promise(deps, count: int, who=bob, due: str = "Monday 9am") -> None:  # noqa: ANN001
    for i in range(count):
        run(deps, who, f"commit ACME: task {i} by {due}")


def test_four_loops_due_the_same_morning_reach_their_owner_as_one_brief(deps) -> None:  # noqa: ANN001
    """Breakage caught: one DM per loop (the brief not built), a loop left out of the brief, or a
    loop's buttons missing from its line."""
    acme(deps)
    promise(deps, 4)
    deps.clock.set(MONDAY_9)
    delivery = RecordingDelivery()
    lines = sweep_now(deps, delivery)
    assert len(lines) == 4  # each loop's nudge is reported
    (brief,) = delivery.to("bob")
    assert brief.reply.text == "📋 4 customer loops need you today"
    assert [s.text.splitlines()[-1] for s in brief.reply.sections] == [
        f"*#{n} Acme Corp — task {n - 1}*" for n in (1, 2, 3, 4)
    ]
    for section in brief.reply.sections:
        assert "due now" in section.text
        assert [b.label for b in section.buttons] == [
            "Done", "Customer told", "Snooze", "Reassign", "Add update",
        ]  # fmt: skip
    slots = [f"loopkeeper-nudge:{n.loop_id}:{n.slot}" for n in nudge_rows(deps)]
    assert sorted(brief.reply.keys()) == sorted(slots) and len(slots) == 4
    assert sweep_now(deps, delivery) == []  # a second sweep sends nothing


def test_a_single_due_loop_reads_as_it_always_did(deps) -> None:  # noqa: ANN001
    acme(deps)
    promise(deps, 1)
    deps.clock.set(MONDAY_9)
    delivery = RecordingDelivery()
    sweep_now(deps, delivery)
    (nudge,) = delivery.to("bob")
    assert nudge.reply.text == "⏰ #1 for Acme Corp is due now."
    assert "History:" in nudge.reply.plain()


def test_past_what_one_message_holds_the_rest_follow_and_none_is_dropped(deps) -> None:  # noqa: ANN001
    """Breakage caught: a brief cut at BRIEF_LOOPS that drops the loops beyond it."""
    acme(deps)
    count = BRIEF_LOOPS * 2 + 3
    promise(deps, count)
    deps.clock.set(MONDAY_9)
    delivery = LookupDelivery()
    assert len(sweep_now(deps, delivery)) == count
    briefs = delivery.to("bob")
    assert [len(b.reply.sections) for b in briefs] == [BRIEF_LOOPS, BRIEF_LOOPS, 3]
    keys = Counter(delivery.keys())
    assert len(keys) == count and set(keys.values()) == {1}  # every loop once, in one brief
    assert {n.status for n in nudge_rows(deps)} == {"sent"}


def test_escalations_of_one_sweep_are_one_post_per_channel(deps) -> None:  # noqa: ANN001
    """Breakage caught: one escalation post per loop in the escalation channel."""
    acme(deps)
    run(deps, admin, "settings escalation #escalations")
    promise(deps, 3, due="Friday 5pm")  # Fri 27 Nov
    delivery = LookupDelivery()
    run_until(deps, delivery, datetime(2026, 12, 1, 12, 0, tzinfo=UTC))
    (post,) = delivery.to("escalations")
    assert post.reply.text == "🚨 3 overdue customer loops were escalated"
    assert len(post.reply.sections) == 3
    assert all("has been reminded" in s.text for s in post.reply.sections)
    for nudge in delivery.to("bob"):  # and bob's own nudges came as briefs, one per sweep
        assert len(nudge.reply.sections) == 3


def test_teams_and_the_console_render_a_brief_with_each_loops_actions_on_its_line(deps) -> None:  # noqa: ANN001
    """Breakage caught: a brief rendered as one block whose buttons act on one loop only."""
    import io

    from bot.platforms.console import render
    from bot.platforms.teams.cards import reply_card

    acme(deps)
    promise(deps, 3)
    deps.clock.set(MONDAY_9)
    delivery = RecordingDelivery()
    sweep_now(deps, delivery)
    (shown,) = delivery.to("bob")
    card = reply_card(shown.reply, {})
    containers = [b for b in card["body"] if b.get("type") == "Container"]
    assert len(containers) == 3
    for number, container in enumerate(containers, start=1):
        (actions,) = [i for i in container["items"] if i["type"] == "ActionSet"]
        submits = [a for a in actions["actions"] if a["type"] == "Action.Submit"]
        # this line's buttons act on this line's loop, and the card knows it holds several
        assert {a["data"]["loop"] for a in submits} == {str(number)}
        assert {a["data"]["card"] for a in submits} == {"many"}
    out = io.StringIO()
    buttons = render(shown.reply, out)
    assert len(buttons) == 15 and "[1] Done" in out.getvalue() and "[11] Done" in out.getvalue()
