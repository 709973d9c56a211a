"""First-response due times over the owner's calendar: quiet hours, weekends, zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.errors import BadInput
from bot.core.policy import NudgePolicy, QuietHours
from bot.core.response_time import describe_duration, parse_duration, response_due

BERLIN = ZoneInfo("Europe/Berlin")
POLICY = NudgePolicy()  # quiet 19:00-08:00, weekends off


def local(*parts: int, zone: ZoneInfo = BERLIN) -> datetime:
    return datetime(*parts, tzinfo=zone)


@pytest.mark.parametrize(
    ("asked", "duration", "due"),
    [
        # Tuesday 10:00: two working hours later is noon the same day.
        (local(2026, 11, 24, 10, 0), timedelta(hours=2), local(2026, 11, 24, 12, 0)),
        # Tuesday 18:00: one hour before quiet hours, the other the next morning.
        (local(2026, 11, 24, 18, 0), timedelta(hours=2), local(2026, 11, 25, 9, 0)),
        # Tuesday 23:00 (quiet): the clock starts at 08:00 on Wednesday.
        (local(2026, 11, 24, 23, 0), timedelta(hours=2), local(2026, 11, 25, 10, 0)),
        # Friday 18:30: half an hour on Friday, the rest on Monday morning.
        (local(2026, 11, 27, 18, 30), timedelta(hours=2), local(2026, 11, 30, 9, 30)),
        # Saturday noon: nothing counts until Monday 08:00.
        (local(2026, 11, 28, 12, 0), timedelta(minutes=30), local(2026, 11, 30, 8, 30)),
        # 24 working hours (11 a day) from Monday 08:00: Wednesday 10:00.
        (local(2026, 11, 30, 8, 0), timedelta(hours=24), local(2026, 12, 2, 10, 0)),
    ],
)
def test_the_response_clock_runs_only_in_working_time(
    asked: datetime, duration: timedelta, due: datetime
) -> None:
    assert response_due(asked.astimezone(UTC), duration, BERLIN, POLICY) == due


def test_the_owners_zone_decides_what_is_night() -> None:
    """17:00 UTC on a Tuesday is 09:00 in Los Angeles but 18:00 in Berlin."""
    asked = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)
    la = ZoneInfo("America/Los_Angeles")
    assert response_due(asked, timedelta(hours=2), la, POLICY) == local(
        2026, 11, 24, 11, 0, zone=la
    )
    assert response_due(asked, timedelta(hours=2), BERLIN, POLICY) == local(2026, 11, 25, 9, 0)


def test_quiet_hours_set_by_the_workspace_count() -> None:
    policy = NudgePolicy(quiet=QuietHours.parse("12:00-13:00"), weekend=frozenset())
    asked = local(2026, 11, 28, 11, 30)  # a Saturday, but this team works weekends
    assert response_due(asked, timedelta(hours=1), BERLIN, policy) == local(2026, 11, 28, 13, 30)


@pytest.mark.parametrize(
    ("text", "minutes"), [("2h", 120), ("30m", 30), ("1h30m", 90), ("4 hours", 240), ("45 min", 45)]
)
def test_response_times_are_read_in_hours_and_minutes(text: str, minutes: int) -> None:
    assert parse_duration(text) == timedelta(minutes=minutes)
    assert parse_duration(describe_duration(timedelta(minutes=minutes))) == timedelta(
        minutes=minutes
    )


@pytest.mark.parametrize("text", ["", "soon", "2 days", "1m", "999h", "-2h"])
def test_a_response_time_that_cannot_be_read_is_refused(text: str) -> None:
    with pytest.raises(BadInput):
        parse_duration(text)
