"""First-response targets of reply loops: a duration in working time, counted in the owner's
zone, so quiet hours and weekends do not use it up (2 working hours asked at 18:30 on a Friday
are due at 09:30 on Monday)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.errors import BadInput
from bot.core.policy import NudgePolicy, is_working_time, next_working_time

DEFAULT_RESPONSE_TIME = timedelta(hours=2)
SHORTEST, LONGEST = timedelta(minutes=5), timedelta(hours=240)
_DURATION = re.compile(
    r"(?:(\d{1,3})\s*(?:h|hr|hrs|hours?))?\s*(?:(\d{1,4})\s*(?:m|min|mins|minutes?))?",
    re.IGNORECASE,
)


def parse_duration(text: str) -> timedelta:
    """`2h`, `30m`, `1h30m`, `4 hours`, `45 minutes`; BadInput for anything else or out of range."""
    match = _DURATION.fullmatch(text.strip())
    if not match or not any(match.groups()):
        raise BadInput(
            f"“{text[:40]}” is not a response time; say it in hours or minutes, like 2h or 30m."
        )
    hours, minutes = (int(part or 0) for part in match.groups())
    found = timedelta(hours=hours, minutes=minutes)
    if not SHORTEST <= found <= LONGEST:
        raise BadInput("A response time is from 5 minutes to 240 hours of working time.")
    return found


def describe_duration(duration: timedelta) -> str:
    minutes = int(duration.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    return " ".join(part for part in (f"{hours}h" if hours else "", f"{rest}m" if rest else ""))


def response_due(
    asked: datetime, duration: timedelta, zone: ZoneInfo, policy: NudgePolicy
) -> datetime:
    """When an answer to a message sent at `asked` is due: `duration` of the owner's working
    time later (quiet hours and weekends in `zone` do not count)."""
    moment, left = next_working_time(asked, zone, policy), duration
    for _ in range(1000):  # a stretch per working day or less: ten weeks' worth at most
        end = _end_of_stretch(moment, zone, policy)
        if moment + left <= end:
            return moment + left
        left -= end - moment
        moment = next_working_time(end, zone, policy)
    return moment + left


def _end_of_stretch(moment: datetime, zone: ZoneInfo, policy: NudgePolicy) -> datetime:
    """The first instant after `moment` (working time) that is not: the start of quiet hours or
    of a weekend day, whichever comes first (a fortnight on when there is neither)."""
    quiet = policy.quiet
    end = moment
    for _ in range(14):
        local = end.astimezone(zone)
        midnight = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=zone)
        candidates = [midnight]
        if quiet.start != quiet.end:
            start = datetime.combine(local.date(), quiet.start, tzinfo=zone)
            candidates.append(start if start > local else start + timedelta(days=1))
        later = min(candidates).astimezone(UTC)
        end = later if later > end else end + timedelta(minutes=1)  # a DST oddity: move on
        # Midnight into a working day is still working time: carry on to the next boundary.
        if not is_working_time(end, zone, policy):
            return end
    return end


def response_time(minutes_by_segment: object, segment: str | None) -> timedelta:
    """The segment's first-response time from the `response_minutes` setting (a segment or
    `default` to minutes), else DEFAULT_RESPONSE_TIME."""
    if isinstance(minutes_by_segment, dict):
        found = minutes_by_segment.get((segment or "").lower(), minutes_by_segment.get("default"))
        if isinstance(found, int | float) and not isinstance(found, bool) and found > 0:
            return min(max(timedelta(minutes=found), SHORTEST), LONGEST)
    return DEFAULT_RESPONSE_TIME
