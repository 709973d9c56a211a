"""Sweeps on SQLite and PostgreSQL with a recording delivery: a loop walked through days of
nudges, weekends, quiet hours, a snooze, escalation and closing, with the clock moved by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from handlers import loops
from tests.followups.helpers import (
    acme,
    admin,
    alice,
    bob,
    history_kinds,
    loop_row,
    nudge_rows,
    run,
    run_until,
    sweep_now,
)
from tests.followups.recording import LookupDelivery, RecordingDelivery


def day(d: int, hour: int, minute: int = 0) -> datetime:
    """A moment in Nov/Dec 2026, UTC (START is Tuesday 24 Nov 09:00)."""
    month, d = (11, d) if d >= 20 else (12, d)
    return datetime(2026, month, d, hour, minute, tzinfo=UTC)


def test_a_loop_is_nudged_escalated_snoozed_and_told_until_closed(deps) -> None:  # noqa: ANN001
    acme(deps)
    run(deps, bob, "commit ACME: ship SSO by Friday")  # Fri 27 Nov 17:00
    delivery = LookupDelivery()
    lines = run_until(deps, delivery, day(1, 12))
    assert lines == [
        "Thu 26 Nov 17:00 nudge #1 to @bob (due soon, Acme Corp: ship SSO)",
        "Fri 27 Nov 17:00 nudge #1 to @bob (due now, Acme Corp: ship SSO)",
        "Mon 30 Nov 08:00 nudge #1 to @bob (overdue, Acme Corp: ship SSO)",
        "Tue 01 Dec 08:00 nudge #1 to @bob (overdue, Acme Corp: ship SSO)",
        "Tue 01 Dec 08:00 escalation #1 to @alice, Acme Corp's account owner (Acme Corp: ship SSO)",
    ]
    first, *later = delivery.to("bob")
    assert first.thread is None and all(s.thread == first.ref for s in later)  # one thread
    assert "⏰ Reminder: #1 for Acme Corp is due Fri 27 Nov 17:00" in first.text
    overdue = later[-1]
    assert "overdue by 3 days" in overdue.text and "History: 3 nudges" in overdue.text
    labels = [b.label for s in overdue.reply.sections for b in s.buttons]
    assert labels == ["Done", "Customer told", "Snooze", "Reassign", "Add update"]
    (escalation,) = delivery.to("alice")
    # The escalation's count and its History line read the same history: they agree.
    assert "<@bob> has been reminded 4 times" in escalation.text
    assert "History: 4 nudges" in escalation.text

    run(deps, bob, "snooze 1 thursday 3pm")  # Tue 12:00: nothing Wednesday
    lines = run_until(deps, delivery, day(3, 16))
    assert lines == ["Thu 03 Dec 15:00 nudge #1 to @bob (overdue, Acme Corp: ship SSO)"]

    run(deps, bob, "done 1 shipped to prod")  # Thu 17:00: the customer still has to be told
    lines = run_until(deps, delivery, day(7, 12))
    assert lines == [
        "Fri 04 Dec 17:00 nudge #1 to @bob (tell the customer, Acme Corp: ship SSO)",
        "Mon 07 Dec 08:00 nudge #1 to @bob (tell the customer, Acme Corp: ship SSO)",
    ]
    assert "Tell Acme Corp it shipped" in delivery.to("bob")[-1].text
    assert [b.label for b in delivery.to("bob")[-1].reply.sections[0].buttons][0] == "Customer told"

    run(deps, bob, "told 1 emailed them")
    assert run_until(deps, delivery, day(10, 12)) == []
    assert loop_row(deps).next_nudge_at is None
    kinds = history_kinds(deps)
    assert kinds.count("nudged") == 7 and kinds.count("escalated") == 1
    slots = [n.slot for n in nudge_rows(deps)]
    assert len(slots) == len(set(slots)) == 8
    assert {n.status for n in nudge_rows(deps)} == {"sent"}


def test_quiet_hours_and_weekends_follow_the_owners_profile_zone(deps) -> None:  # noqa: ANN001
    acme(deps)
    run(deps, bob, "commit ACME: ship SSO by 2026-11-26 17:00")  # read in UTC: 17:00 UTC
    delivery = RecordingDelivery(zones={"bob": "Asia/Tokyo"})
    lines = run_until(deps, delivery, day(30, 2), step=timedelta(minutes=30))
    # 17:00 UTC is 02:00 in Tokyo: each nudge waits for 08:00 there (23:00 UTC), weekends off.
    assert lines == [
        "Wed 25 Nov 23:00 nudge #1 to @bob (due soon, Acme Corp: ship SSO)",
        "Thu 26 Nov 23:00 nudge #1 to @bob (due now, Acme Corp: ship SSO)",
        "Sun 29 Nov 23:00 nudge #1 to @bob (overdue, Acme Corp: ship SSO)",  # Monday in Tokyo
    ]
    # The at-due nudge waited out the night in Tokyo, so it says when it was due, not "now".
    at_due = delivery.to("bob")[1].text
    assert "was due Fri 27 Nov 02:00 (Asia/Tokyo), 6 hours ago" in at_due, at_due
    # The profile is read when a nudge is due and the cached zone is over a day old: not on
    # each of the 220 sweeps, but again on later days.
    assert 2 <= len(delivery.zone_asks) <= 5


def test_a_top_value_segment_is_nudged_every_four_working_hours(sqlite_deps) -> None:  # noqa: ANN001
    deps = sqlite_deps
    acme(deps)
    run(deps, admin, "settings cadence enterprise 4")
    run(deps, admin, "settings escalation #cs-escalations")
    run(deps, bob, "commit ACME: ship SSO by today 5pm")
    delivery = RecordingDelivery()
    lines = run_until(deps, delivery, day(25, 17))
    assert lines == [
        "Tue 24 Nov 17:00 nudge #1 to @bob (due now, Acme Corp: ship SSO)",
        "Wed 25 Nov 08:00 nudge #1 to @bob (overdue, Acme Corp: ship SSO)",
        "Wed 25 Nov 12:00 nudge #1 to @bob (overdue, Acme Corp: ship SSO)",
        "Wed 25 Nov 12:00 escalation #1 to #cs-escalations (Acme Corp: ship SSO)",
        "Wed 25 Nov 16:00 nudge #1 to @bob (overdue, Acme Corp: ship SSO)",
    ]
    (post,) = delivery.to("cs-escalations")
    assert post.kind == "post" and "Escalation: #1 for Acme Corp" in post.text


def test_reassigning_starts_a_new_thread_for_the_new_owner(sqlite_deps) -> None:  # noqa: ANN001
    deps = sqlite_deps
    acme(deps)
    run(deps, bob, "commit ACME: ship SSO by Friday")
    delivery = RecordingDelivery()
    run_until(deps, delivery, day(27, 18))
    run(deps, bob, "reassign 1 @carol")
    lines = run_until(deps, delivery, day(30, 9))
    assert lines == ["Mon 30 Nov 08:00 nudge #1 to @carol (overdue, Acme Corp: ship SSO)"]
    (to_carol,) = delivery.to("carol")
    assert to_carol.thread is None  # her own first message, not bob's thread


def test_without_anywhere_to_escalate_the_level_is_spent_once(sqlite_deps) -> None:  # noqa: ANN001
    deps = sqlite_deps
    acme(deps)
    run(deps, alice, "commit ACME: ship SSO by Friday")  # alice owns it and the account
    delivery = RecordingDelivery()
    lines = run_until(deps, delivery, day(2, 9))
    assert not any("escalation" in line for line in lines)
    assert loop_row(deps).escalation_level == 1
    assert sum("overdue" in line for line in lines) == 3  # and nudging went on


def test_a_rate_limited_owner_waits_while_others_are_nudged(sqlite_deps) -> None:  # noqa: ANN001
    deps = sqlite_deps
    acme(deps)
    for who in ("bob", "carol", "dave"):
        run(deps, alice, f"commit ACME: call {who} back owner @{who} by today 11am")
    deps.clock.set(day(24, 11))
    delivery = RecordingDelivery(rate_limits={"bob": [0.2, 0.2], "carol": [600.0]})
    lines = sweep_now(deps, delivery)
    # bob waited out two short 429s within the sweep; carol's long one waits for a later sweep.
    assert sorted(line.split(" (")[0] for line in lines) == [
        "nudge #1 to @bob",
        "nudge #3 to @dave",
    ]
    assert sweep_now(deps, delivery) == []  # still inside carol's Retry-After
    deps.clock.advance(minutes=11)
    assert [line.split(" (")[0] for line in sweep_now(deps, delivery)] == ["nudge #2 to @carol"]
    assert sorted(s.to for s in delivery.sent) == ["bob", "carol", "dave"]


def test_a_failing_send_blocks_no_one_and_is_retried_later(sqlite_deps) -> None:  # noqa: ANN001
    deps = sqlite_deps
    acme(deps)
    run(deps, alice, "commit ACME: call bob owner @bob by today 11am")
    run(deps, alice, "commit ACME: call carol owner @carol by today 11am")
    deps.clock.set(day(24, 11))
    delivery = RecordingDelivery(failing={"bob"})
    assert [line.split(" (")[0] for line in sweep_now(deps, delivery)] == ["nudge #2 to @carol"]
    delivery.failing.clear()
    assert sweep_now(deps, delivery) == []  # not hammered: retried after a pause
    deps.clock.advance(minutes=6)
    assert [line.split(" (")[0] for line in sweep_now(deps, delivery)] == ["nudge #1 to @bob"]
    assert [s.to for s in delivery.sent] == ["carol", "bob"]
    assert sweep_now(deps, delivery) == []


def test_buttons_in_a_nudge_act_on_the_loop(sqlite_deps) -> None:  # noqa: ANN001
    deps = sqlite_deps
    acme(deps)
    run(deps, bob, "commit ACME: ship SSO by today 5pm")
    delivery = RecordingDelivery()
    deps.clock.set(day(24, 17))
    sweep_now(deps, delivery)
    (nudge,) = delivery.sent
    done = next(b for b in nudge.reply.sections[0].buttons if b.label == "Done")
    reply = loops.act(deps, bob, done.action, int(done.value))
    assert "#1 is done" in reply.text
    assert "tell the customer" in run_until(deps, delivery, day(25, 18))[0]


def test_the_weekly_digest_is_posted_once_per_week_with_its_chart(sqlite_deps) -> None:  # noqa: ANN001
    deps = sqlite_deps
    acme(deps)
    run(deps, admin, "settings digest #cs-weekly monday 09:00")
    run(deps, bob, "commit ACME: ship SSO by Friday")
    delivery = RecordingDelivery(failing={"cs-weekly"})
    deps.clock.set(day(30, 8, 59))
    assert not any("digest" in line for line in sweep_now(deps, delivery))
    deps.clock.set(day(30, 9, 0))
    assert sweep_now(deps, delivery) == []  # the post failed: nothing claimed for good
    delivery.failing.clear()
    deps.clock.set(day(30, 9, 1))
    lines = [line for line in sweep_now(deps, delivery) if "digest" in line]
    assert lines == ["digest 2026-W49 to #cs-weekly"]
    (post,) = delivery.to("cs-weekly")
    uploads = [s for s in delivery.sent if s.kind == "upload"]
    assert uploads and uploads[0].to == "cs-weekly" and uploads[0].thread == post.ref
    assert uploads[0].filename.endswith(".png")
    deps.clock.set(day(30, 15, 0))
    assert not any("digest" in line for line in sweep_now(deps, delivery))  # once per week
    deps.clock.set(day(7, 9, 0))
    assert "digest 2026-W50 to #cs-weekly" in sweep_now(deps, delivery)


def test_a_digest_missed_by_more_than_a_day_waits_for_next_week(sqlite_deps) -> None:  # noqa: ANN001
    deps = sqlite_deps
    run(deps, admin, "settings digest #cs-weekly monday 09:00")
    delivery = RecordingDelivery()
    deps.clock.set(day(2, 9, 0))  # Wednesday: a server that was down since Monday
    assert sweep_now(deps, delivery) == []
    deps.clock.set(day(7, 9, 0))
    assert sweep_now(deps, delivery) == ["digest 2026-W50 to #cs-weekly"]


def test_a_slot_that_keeps_failing_is_given_up_and_the_next_one_planned(sqlite_deps) -> None:  # noqa: ANN001
    deps = sqlite_deps
    acme(deps)
    run(deps, alice, "commit ACME: call bob owner @bob by today 11am")
    delivery = RecordingDelivery(failing={"bob"})  # a deactivated account, say
    run_until(deps, delivery, day(24, 15), step=timedelta(minutes=5))
    assert delivery.sent == []
    assert history_kinds(deps).count("nudge_failed") == 1  # given up after a few hours of tries
    rows = nudge_rows(deps)
    assert [(r.status, r.attempts) for r in rows] == [("failed", 8)]
    assert loop_row(deps).next_nudge_at == day(25, 11)  # the next slot, a working day later
    delivery.failing.clear()
    deps.clock.set(day(25, 10))
    assert run_until(deps, delivery, day(25, 12)) == [
        "Wed 25 Nov 11:00 nudge #1 to @bob (overdue, Acme Corp: call bob)"
    ]
