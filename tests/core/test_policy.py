"""The nudge policy over calendars: working days, quiet hours, time zones with DST changes,
snoozes, cadence per segment, escalation and the gentler "tell the customer" nudge."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.policy import (
    AT_DUE,
    BEFORE_DUE,
    ESCALATION,
    OVERDUE,
    TELL,
    LoopFacts,
    NudgePolicy,
    QuietHours,
    is_working_time,
    next_working_time,
    plan,
)

UTC_ZONE = ZoneInfo("UTC")
PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")
DEFAULT = NudgePolicy()


def at(zone: ZoneInfo, *parts: int) -> datetime:
    """A local time in `zone`, as aware UTC."""
    return datetime(*parts, tzinfo=zone).astimezone(UTC)


def sent(facts: LoopFacts, nudge) -> LoopFacts:  # noqa: ANN001
    """The facts after the sweeper sent `nudge` (what the storage side records)."""
    if nudge.kind == ESCALATION:
        return replace(facts, escalation_level=facts.escalation_level + 1)
    return replace(
        facts,
        last_nudge_at=nudge.slot_time,
        overdue_nudges=facts.overdue_nudges + (nudge.kind == OVERDUE),
    )


def walk(
    facts: LoopFacts,
    zone: ZoneInfo,
    start: datetime,
    end: datetime,
    policy: NudgePolicy = DEFAULT,
    every: timedelta = timedelta(minutes=15),
    change=None,
) -> list[tuple[datetime, str]]:  # noqa: ANN001
    """A sweeper ticking every 15 minutes from `start` to `end`: (when sent, kind) in order.

    `change(now, facts)` may return new facts (a user acting) before each tick.
    """
    out, now = [], start
    while now <= end:
        if change is not None:
            facts = change(now, facts) or facts
        nudge = plan(facts, zone, policy, now)
        while nudge is not None and nudge.at <= now:
            out.append((now, nudge.kind))
            facts = sent(facts, nudge)
            nudge = plan(facts, zone, policy, now)
        now += every
    return out


def local(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%a %d %b %H:%M")


# ---- one loop walked through days without sleeping ------------------------------------------


def test_a_loop_is_reminded_before_due_at_due_then_each_working_day_and_escalated_once() -> None:
    created = at(UTC_ZONE, 2026, 11, 24, 9, 0)  # Tuesday
    facts = LoopFacts("open", created, due_at=at(UTC_ZONE, 2026, 11, 27, 17, 0))  # Friday 17:00
    nudges = walk(facts, UTC_ZONE, created, created + timedelta(days=9))
    assert [(local(when, UTC_ZONE), kind) for when, kind in nudges] == [
        ("Thu 26 Nov 17:00", BEFORE_DUE),
        ("Fri 27 Nov 17:00", AT_DUE),
        ("Mon 30 Nov 08:00", OVERDUE),  # Saturday 17:00 is the weekend: next working morning
        ("Tue 01 Dec 08:00", OVERDUE),
        ("Tue 01 Dec 08:00", ESCALATION),  # after 2 overdue nudges, once
        ("Wed 02 Dec 08:00", OVERDUE),  # and nudging goes on
        ("Thu 03 Dec 08:00", OVERDUE),
    ]


def test_quiet_hours_push_to_the_next_working_morning_in_the_owners_zone() -> None:
    created = at(PARIS, 2026, 11, 23, 9, 0)  # Monday
    facts = LoopFacts("open", created, due_at=at(PARIS, 2026, 11, 25, 21, 30))  # Wed 21:30
    nudges = walk(facts, PARIS, created, created + timedelta(days=3))
    assert [(local(when, PARIS), kind) for when, kind in nudges] == [
        ("Wed 25 Nov 08:00", BEFORE_DUE),  # Tue 21:30 is quiet
        ("Thu 26 Nov 08:00", AT_DUE),  # Wed 21:30 is quiet
    ]
    for when, _kind in nudges:
        assert is_working_time(when, PARIS, DEFAULT)


def test_a_reminder_that_would_land_after_the_due_time_is_dropped() -> None:
    created = at(UTC_ZONE, 2026, 11, 27, 10, 0)  # Friday
    due = at(UTC_ZONE, 2026, 11, 30, 7, 30)  # Monday 07:30, before the working day starts
    nudges = walk(
        LoopFacts("open", created, due_at=due),
        UTC_ZONE,
        created,
        created + timedelta(days=3, hours=2),
    )
    assert [(local(w, UTC_ZONE), k) for w, k in nudges] == [("Mon 30 Nov 08:00", AT_DUE)]


def test_a_loop_made_less_than_a_day_before_its_due_time_gets_no_early_reminder() -> None:
    created = at(UTC_ZONE, 2026, 11, 24, 9, 0)
    facts = LoopFacts("open", created, due_at=at(UTC_ZONE, 2026, 11, 24, 17, 0))
    first = plan(facts, UTC_ZONE, DEFAULT, created)
    assert first is not None and first.kind == AT_DUE
    assert local(first.at, UTC_ZONE) == "Tue 24 Nov 17:00"


# ---- daylight-saving changes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "friday", "monday_utc"),
    [
        # Europe/Paris leaves summer time on Sunday 25 October 2026.
        ("Europe/Paris", (2026, 10, 23), datetime(2026, 10, 26, 7, 0, tzinfo=UTC)),
        # America/New_York on Sunday 1 November 2026.
        ("America/New_York", (2026, 10, 30), datetime(2026, 11, 2, 13, 0, tzinfo=UTC)),
        # ... and springs forward on Sunday 8 March 2026.
        ("America/New_York", (2026, 3, 6), datetime(2026, 3, 9, 12, 0, tzinfo=UTC)),
    ],
)
def test_the_next_working_morning_across_a_dst_change_is_08_00_local(
    zone: str, friday: tuple[int, int, int], monday_utc: datetime
) -> None:
    tz = ZoneInfo(zone)
    last = at(tz, *friday, 8, 0)
    facts = LoopFacts(
        "open",
        last - timedelta(days=5),
        due_at=last - timedelta(days=1),
        last_nudge_at=last,
        overdue_nudges=0,
    )
    nudge = plan(facts, tz, DEFAULT, last)
    assert nudge is not None and nudge.kind == OVERDUE
    assert nudge.at == monday_utc
    assert nudge.at.astimezone(tz).hour == 8


def test_a_day_later_is_the_same_local_hour_when_dst_ends_on_a_working_day() -> None:
    cairo = ZoneInfo("Africa/Cairo")  # summer time ends at midnight after Thursday 29 Oct 2026
    last = at(cairo, 2026, 10, 29, 10, 0)
    facts = LoopFacts(
        "open", last - timedelta(days=5), due_at=last - timedelta(days=1), last_nudge_at=last
    )
    nudge = plan(facts, cairo, DEFAULT, last)
    assert nudge is not None
    assert nudge.at.astimezone(cairo).strftime("%a %H:%M") == "Fri 10:00"
    assert nudge.at - last == timedelta(hours=25)


def test_quiet_hours_during_the_night_the_clocks_go_back() -> None:
    # 02:30 happens twice in Paris on 25 Oct 2026; both are quiet and on a Sunday.
    first = datetime(2026, 10, 25, 2, 30, fold=0, tzinfo=PARIS).astimezone(UTC)
    second = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=PARIS).astimezone(UTC)
    assert second - first == timedelta(hours=1)
    for moment in (first, second):
        assert next_working_time(moment, PARIS, DEFAULT) == at(PARIS, 2026, 10, 26, 8, 0)


def test_a_morning_that_does_not_exist_still_gives_a_working_time() -> None:
    # Quiet until 02:30 on the night New York springs forward (02:00 -> 03:00), on a weekday
    # weekend policy so the Sunday counts as a working day.
    policy = NudgePolicy(quiet=QuietHours.parse("22:00-02:30"), weekend=frozenset())
    moment = at(NEW_YORK, 2026, 3, 8, 1, 0)
    after = next_working_time(moment, NEW_YORK, policy)
    assert after > moment
    assert is_working_time(after, NEW_YORK, policy)
    assert after.astimezone(NEW_YORK).strftime("%d %H:%M") == "08 03:30"


# ---- snooze, cadence, done-but-not-told ------------------------------------------------------


def test_snooze_moves_the_next_nudge_and_a_weekend_snooze_ends_on_monday_morning() -> None:
    created = at(UTC_ZONE, 2026, 11, 20, 9, 0)
    facts = LoopFacts(
        "open",
        created,
        due_at=at(UTC_ZONE, 2026, 11, 23, 17, 0),
        last_nudge_at=at(UTC_ZONE, 2026, 11, 24, 8, 0),
        overdue_nudges=1,
    )
    tuesday = at(UTC_ZONE, 2026, 11, 24, 10, 0)
    snoozed = replace(facts, snoozed_until=at(UTC_ZONE, 2026, 11, 26, 15, 0))  # Thursday 15:00
    nudge = plan(snoozed, UTC_ZONE, DEFAULT, tuesday)
    assert nudge is not None and local(nudge.at, UTC_ZONE) == "Thu 26 Nov 15:00"
    assert nudge.kind == OVERDUE
    weekend = replace(facts, snoozed_until=at(UTC_ZONE, 2026, 11, 28, 12, 0))  # Saturday
    nudge = plan(weekend, UTC_ZONE, DEFAULT, tuesday)
    assert nudge is not None and local(nudge.at, UTC_ZONE) == "Mon 30 Nov 08:00"
    short = replace(facts, snoozed_until=at(UTC_ZONE, 2026, 11, 24, 12, 0))  # before the next
    nudge = plan(short, UTC_ZONE, DEFAULT, tuesday)
    assert nudge is not None and local(nudge.at, UTC_ZONE) == "Wed 25 Nov 08:00"


def test_a_snoozed_loop_is_not_escalated_until_the_snooze_ends() -> None:
    last = at(UTC_ZONE, 2026, 11, 24, 8, 0)
    facts = LoopFacts(
        "open",
        last - timedelta(days=9),
        due_at=last - timedelta(days=3),
        last_nudge_at=last,
        overdue_nudges=2,
        snoozed_until=at(UTC_ZONE, 2026, 11, 25, 9, 0),
    )
    nudge = plan(facts, UTC_ZONE, DEFAULT, last + timedelta(minutes=5))
    assert nudge is not None and nudge.kind == ESCALATION
    assert local(nudge.at, UTC_ZONE) == "Wed 25 Nov 09:00"


def test_a_top_value_segment_is_nudged_more_often_but_never_at_night() -> None:
    settings_ = {"cadence_hours": {"enterprise": 4}, "quiet_hours": "19:00-08:00"}
    policy = NudgePolicy.from_settings(settings_, "Enterprise")
    assert NudgePolicy.from_settings(settings_, "smb").cadence == timedelta(hours=24)
    created = at(UTC_ZONE, 2026, 11, 23, 9, 0)
    facts = LoopFacts("open", created, due_at=at(UTC_ZONE, 2026, 11, 24, 17, 0))
    nudges = walk(facts, UTC_ZONE, created, at(UTC_ZONE, 2026, 11, 25, 18, 0), policy)
    assert [(local(w, UTC_ZONE), k) for w, k in nudges] == [
        ("Mon 23 Nov 17:00", BEFORE_DUE),
        ("Tue 24 Nov 17:00", AT_DUE),
        ("Wed 25 Nov 08:00", OVERDUE),  # 21:00 is quiet
        ("Wed 25 Nov 12:00", OVERDUE),
        ("Wed 25 Nov 12:00", ESCALATION),
        ("Wed 25 Nov 16:00", OVERDUE),
    ]


def test_done_but_not_told_gets_a_gentler_nudge_once_a_working_day() -> None:
    done = at(UTC_ZONE, 2026, 11, 25, 10, 0)  # Wednesday
    facts = LoopFacts(
        "done",
        done - timedelta(days=2),
        due_at=done + timedelta(days=1),
        done_at=done,
        overdue_nudges=5,
    )
    nudges = walk(
        facts,
        UTC_ZONE,
        done,
        done + timedelta(days=6),
        NudgePolicy.from_settings({"cadence_hours": {"default": 2}}),
    )
    assert [(local(w, UTC_ZONE), k) for w, k in nudges] == [
        ("Thu 26 Nov 10:00", TELL),
        ("Fri 27 Nov 10:00", TELL),
        ("Mon 30 Nov 08:00", TELL),
        ("Tue 01 Dec 08:00", TELL),
    ]  # never escalated: the work is delivered


@pytest.mark.parametrize("state", ["closed", "cancelled"])
def test_closed_and_cancelled_loops_are_never_nudged(state: str) -> None:
    created = at(UTC_ZONE, 2026, 11, 24, 9, 0)
    facts = LoopFacts(state, created, due_at=created + timedelta(hours=1), overdue_nudges=9)
    assert plan(facts, UTC_ZONE, DEFAULT, created + timedelta(days=3)) is None


def test_a_loop_without_due_date_is_not_nudged() -> None:
    created = at(UTC_ZONE, 2026, 11, 24, 9, 0)
    assert plan(LoopFacts("open", created), UTC_ZONE, DEFAULT, created) is None


def test_after_downtime_only_the_latest_missed_slot_is_sent() -> None:
    created = at(UTC_ZONE, 2026, 11, 23, 9, 0)
    facts = LoopFacts("open", created, due_at=at(UTC_ZONE, 2026, 11, 24, 17, 0))
    thursday = at(UTC_ZONE, 2026, 11, 26, 11, 0)  # the sweeper was down since Monday
    nudge = plan(facts, UTC_ZONE, DEFAULT, thursday)
    assert nudge is not None and nudge.kind == OVERDUE
    assert local(nudge.slot_time, UTC_ZONE) == "Wed 25 Nov 17:00"  # not the reminders before
    assert nudge.at <= thursday  # due now
    again = plan(sent(facts, nudge), UTC_ZONE, DEFAULT, thursday)
    assert again is not None and local(again.at, UTC_ZONE) == "Thu 26 Nov 17:00"


def test_a_slot_missed_until_quiet_hours_waits_for_the_morning() -> None:
    facts = LoopFacts(
        "open", at(UTC_ZONE, 2026, 11, 20, 9, 0), due_at=at(UTC_ZONE, 2026, 11, 27, 18, 30)
    )
    evening = at(UTC_ZONE, 2026, 11, 27, 19, 5)  # Friday, just after quiet hours began
    nudge = plan(facts, UTC_ZONE, DEFAULT, evening)
    assert nudge is not None and nudge.kind == AT_DUE
    assert local(nudge.at, UTC_ZONE) == "Mon 30 Nov 08:00"


def test_settings_are_read_with_safe_fallbacks() -> None:
    policy = NudgePolicy.from_settings(
        {"quiet_hours": "nonsense", "cadence_hours": {"a": -1}, "escalate_after": 3}, "a"
    )
    assert policy.quiet == QuietHours() and policy.cadence == timedelta(hours=24)
    assert policy.escalate_after == 3
    assert QuietHours.parse("22:00-06:30").contains(datetime(2026, 1, 1, 6, 0).time())
    assert not QuietHours.parse("12:00-13:00").contains(datetime(2026, 1, 1, 13, 0).time())


def test_several_escalation_levels_each_once() -> None:
    policy = NudgePolicy(escalate_after=1, escalation_levels=2)
    created = at(UTC_ZONE, 2026, 11, 23, 9, 0)
    facts = LoopFacts("open", created, due_at=at(UTC_ZONE, 2026, 11, 23, 17, 0))
    kinds = [k for _w, k in walk(facts, UTC_ZONE, created, created + timedelta(days=6), policy)]
    assert kinds.count(ESCALATION) == 2
    assert kinds[:5] == [AT_DUE, OVERDUE, ESCALATION, OVERDUE, ESCALATION]


# ---- properties over random calendars ------------------------------------------------------

ZONES = [
    "UTC",
    "Europe/Paris",
    "America/New_York",
    "Asia/Tokyo",
    "Australia/Sydney",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Pacific/Auckland",
]


@settings(max_examples=60, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    start=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 1)),
    due_hours=st.integers(min_value=1, max_value=24 * 10),
    cadence=st.sampled_from([None, 2, 4, 24, 48]),
    quiet=st.sampled_from(["19:00-08:00", "22:00-06:00", "18:30-09:15"]),
    done_after=st.one_of(st.none(), st.integers(min_value=1, max_value=24 * 12)),
)
def test_walks_never_nudge_in_quiet_time_never_repeat_a_slot_and_escalate_once(
    zone: str,
    start: datetime,
    due_hours: int,
    cadence: int | None,
    quiet: str,
    done_after: int | None,
) -> None:
    tz = ZoneInfo(zone)
    created = start.replace(tzinfo=UTC)
    policy = NudgePolicy.from_settings(
        {"quiet_hours": quiet, "cadence_hours": {"default": cadence} if cadence else {}}
    )
    facts = LoopFacts("open", created, due_at=created + timedelta(hours=due_hours))
    slots: list[str] = []
    kinds: list[str] = []
    now, end = created, created + timedelta(days=16)
    while now <= end:
        if (
            done_after is not None
            and facts.state == "open"
            and now >= created + timedelta(hours=done_after)
        ):
            facts = replace(facts, state="done", done_at=now)
        nudge = plan(facts, tz, policy, now)
        while nudge is not None and nudge.at <= now:
            assert is_working_time(now, tz, policy), (local(now, tz), nudge)
            slots.append(nudge.slot)
            kinds.append(nudge.kind)
            facts = sent(facts, nudge)
            nudge = plan(facts, tz, policy, now)
        if nudge is not None:
            assert nudge.at > now
            assert is_working_time(nudge.at, tz, policy)
        now += timedelta(minutes=30)
    assert len(slots) == len(set(slots))
    assert kinds.count(ESCALATION) <= 1
    if ESCALATION in kinds:
        assert kinds[: kinds.index(ESCALATION)].count(OVERDUE) >= 2
    if done_after is None and due_hours < 24 * 5:
        assert ESCALATION in kinds  # two weeks overdue: certainly escalated


# ---- digest schedule -------------------------------------------------------------------------


def test_the_weekly_digest_falls_on_its_day_and_hour_in_the_workspace_zone() -> None:
    from bot.core.policy import digest_period, last_digest_time

    tuesday = at(PARIS, 2026, 11, 24, 10, 0)
    monday = last_digest_time("mon 09:00", tuesday, PARIS)
    assert local(monday, PARIS) == "Mon 23 Nov 09:00"
    assert digest_period(monday, PARIS) == "2026-W48"
    just_before = at(PARIS, 2026, 11, 30, 8, 59)
    assert local(last_digest_time("monday 09:00", just_before, PARIS), PARIS) == "Mon 23 Nov 09:00"
    assert local(last_digest_time("fri 16:30", tuesday, PARIS), PARIS) == "Fri 20 Nov 16:30"
    assert last_digest_time("whenever", tuesday, PARIS) == monday  # unreadable: the default
    # Across the October DST change the hour stays 09:00 local.
    after_dst = last_digest_time("mon 09:00", at(PARIS, 2026, 10, 27, 12, 0), PARIS)
    assert after_dst == datetime(2026, 10, 26, 8, 0, tzinfo=UTC)
