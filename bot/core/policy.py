"""The nudge policy: when a loop's next nudge is due, what kind it is, and which slot it fills.

Pure rules, no I/O. A loop's nudges are a list of slots computed from its facts: 24 h before
the due time, at the due time, then one per cadence (a working day by default) while it is
overdue; after N overdue nudges one escalation per level; a done loop whose customer has not
been told gets a gentler "tell them" slot once a working day. Every slot falls in the owner's
working time: quiet hours and weekends (in the owner's zone) push it to the next working
morning. A slot's key names it for good, so storage can refuse to send it twice.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.loops import DONE, OPEN

BEFORE_DUE, AT_DUE, OVERDUE, TELL, ESCALATION = (
    "before_due",
    "at_due",
    "overdue",
    "tell",
    "escalation",
)
OWNER_KINDS = (BEFORE_DUE, AT_DUE, OVERDUE, TELL)
_HHMM = re.compile(r"^\s*([01]?\d|2[0-3]):([0-5]\d)\s*-\s*([01]?\d|2[0-3]):([0-5]\d)\s*$")
# A chain of slots is never walked further back than this (a sweeper that was down for months).
LONGEST_CATCH_UP = timedelta(days=14)
# The cadence settings may ask for: an hour at least (a slot walk stays a few hundred steps),
# a month at most (timedelta arithmetic stays far from overflow).
SHORTEST_CADENCE = timedelta(hours=1)
LONGEST_CADENCE = timedelta(days=30)


@dataclass(frozen=True)
class QuietHours:
    """Local times when nobody is nudged, e.g. 19:00-08:00 (may wrap past midnight)."""

    start: time = time(19, 0)
    end: time = time(8, 0)

    @classmethod
    def parse(cls, text: str) -> QuietHours:
        """`19:00-08:00`; a bad value gives the default rather than nudging at night."""
        match = _HHMM.match(text or "")
        if not match:
            return cls()
        hours = [int(part) for part in match.groups()]
        return cls(time(hours[0], hours[1]), time(hours[2], hours[3]))

    @property
    def wraps(self) -> bool:
        return self.start > self.end

    def contains(self, moment: time) -> bool:
        if self.start == self.end:
            return False
        if self.wraps:
            return moment >= self.start or moment < self.end
        return self.start <= moment < self.end

    @property
    def morning(self) -> time:
        """When a working day starts: the end of the night's quiet hours (08:00 by default)."""
        return self.end if self.wraps or self.start == self.end else time(8, 0)


@dataclass(frozen=True)
class NudgePolicy:
    """A workspace's nudge settings as they apply to one customer segment."""

    quiet: QuietHours = field(default_factory=QuietHours)
    remind_before: timedelta = timedelta(hours=24)
    cadence: timedelta = timedelta(hours=24)  # between overdue nudges
    tell_cadence: timedelta = timedelta(hours=24)  # between "tell the customer" nudges
    escalate_after: int = 2  # overdue nudges before each escalation level
    escalation_levels: int = 1
    weekend: frozenset[int] = frozenset({5, 6})

    @classmethod
    def from_settings(
        cls, settings: Mapping[str, object], segment: str | None = None
    ) -> NudgePolicy:
        """The policy from workspace settings (handlers.settings keys) for `segment`.

        `cadence_hours` maps a segment (or `default`) to hours between overdue nudges; a
        top-value segment can be nudged more often. The "tell" nudge is never more often than
        the overdue one, and never more than once a day.
        """
        table = settings.get("cadence_hours") or {}
        hours = None
        if isinstance(table, Mapping):
            hours = table.get((segment or "").lower(), table.get("default"))
        cadence = timedelta(hours=24)
        if _positive(hours):  # a stored value from before settings were checked is clamped
            cadence = timedelta(hours=min(float(hours), LONGEST_CADENCE / timedelta(hours=1)))
            cadence = max(cadence, SHORTEST_CADENCE)
        quiet = settings.get("quiet_hours")
        return cls(
            quiet=QuietHours.parse(quiet) if isinstance(quiet, str) else QuietHours(),
            cadence=cadence,
            tell_cadence=max(cadence, timedelta(hours=24)),
            escalate_after=_count(settings.get("escalate_after"), 2),
            escalation_levels=_count(settings.get("escalation_levels"), 1),
        )


def _positive(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value > 0
    )


def _count(value: object, default: int) -> int:
    return min(int(value), 100) if _positive(value) else default  # type: ignore[arg-type]


@dataclass(frozen=True)
class LoopFacts:
    """What the policy needs to know about a loop (all times aware)."""

    state: str
    created_at: datetime
    due_at: datetime | None = None
    done_at: datetime | None = None
    snoozed_until: datetime | None = None
    last_nudge_at: datetime | None = None  # the slot time of the last nudge sent to the owner
    overdue_nudges: int = 0  # overdue nudges sent to the current owner
    escalation_level: int = 0  # escalation levels already done


@dataclass(frozen=True)
class PlannedNudge:
    """The next nudge: send it at `at`; `slot` is its key (never sent twice), `slot_time` the
    moment it stands for (it may be earlier than `at` after a snooze or quiet hours)."""

    at: datetime
    kind: str
    slot_time: datetime
    level: int = 0  # escalations: the level this one is

    @property
    def slot(self) -> str:
        if self.kind == ESCALATION:
            return f"{ESCALATION}:{self.level}"
        return slot_key(self.kind, self.slot_time)


def is_working_time(moment: datetime, zone: ZoneInfo, policy: NudgePolicy) -> bool:
    local = moment.astimezone(zone)
    return local.weekday() not in policy.weekend and not policy.quiet.contains(local.time())


def next_working_time(moment: datetime, zone: ZoneInfo, policy: NudgePolicy) -> datetime:
    """`moment` itself when it is working time for the owner, else the next working morning."""
    candidate = moment.astimezone(UTC)
    quiet = policy.quiet
    for _ in range(16):  # a week of quiet days at most, plus the nights between
        if is_working_time(candidate, zone, policy):
            return candidate
        local = candidate.astimezone(zone)
        day, clock = local.date(), local.time()
        if local.weekday() in policy.weekend:
            target = datetime.combine(day + timedelta(days=1), quiet.morning, tzinfo=zone)
        elif quiet.wraps and clock >= quiet.start:
            target = datetime.combine(day + timedelta(days=1), quiet.end, tzinfo=zone)
        else:
            target = datetime.combine(day, quiet.end, tzinfo=zone)
        target = target.astimezone(UTC)
        # A morning that does not exist (a DST gap) lands just after it; never go backwards.
        candidate = target if target > candidate else candidate + timedelta(hours=1)
    return candidate


def wall_clock_add(moment: datetime, delta: timedelta, zone: ZoneInfo) -> datetime:
    """`moment` + `delta` on the owner's wall clock: a day later is the same local hour, DST or
    not."""
    local = moment.astimezone(zone).replace(tzinfo=None) + delta
    return local.replace(tzinfo=zone).astimezone(UTC)


def slot_key(kind: str, moment: datetime) -> str:
    return f"{kind}@{moment.astimezone(UTC):%Y-%m-%dT%H:%MZ}"


def plan(
    facts: LoopFacts, zone: ZoneInfo, policy: NudgePolicy, now: datetime
) -> PlannedNudge | None:
    """The loop's next nudge, or None when nothing is planned (closed, cancelled, no due date).

    A slot already due (`at` <= now) is sent now; when several were missed (a sweeper was down)
    only the latest is sent. Nothing is sent in the owner's quiet hours or while snoozed.
    """
    if facts.state not in (OPEN, DONE):
        return None
    horizon, floor = now, None
    if facts.snoozed_until is not None and facts.snoozed_until > now:
        floor = next_working_time(facts.snoozed_until, zone, policy)
        horizon = floor
    escalation = _escalation(facts, policy)
    if escalation is not None:
        return _when(escalation, floor, now, zone, policy)
    due_slot, next_slot = _slots_around(facts, zone, policy, horizon)
    if due_slot is not None:
        return _when(due_slot, floor, now, zone, policy)
    return next_slot


def _when(
    slot: PlannedNudge, floor: datetime | None, now: datetime, zone: ZoneInfo, policy: NudgePolicy
) -> PlannedNudge:
    at = max(slot.at, floor) if floor is not None else slot.at
    if at <= now and not is_working_time(now, zone, policy):
        at = next_working_time(now, zone, policy)
    return replace(slot, at=at)


def _escalation(facts: LoopFacts, policy: NudgePolicy) -> PlannedNudge | None:
    level = facts.escalation_level + 1
    if (
        facts.state != OPEN
        or level > policy.escalation_levels
        or facts.overdue_nudges < policy.escalate_after * level
    ):
        return None
    at = facts.last_nudge_at or facts.created_at
    return PlannedNudge(at, ESCALATION, at, level)


def _slots_around(
    facts: LoopFacts, zone: ZoneInfo, policy: NudgePolicy, horizon: datetime
) -> tuple[PlannedNudge | None, PlannedNudge | None]:
    """(the latest slot not yet sent that is due by `horizon`, the first one after it)."""
    marker = max(facts.created_at, facts.last_nudge_at or facts.created_at)
    due: PlannedNudge | None = None
    for slot in slots(facts, zone, policy, horizon):
        if slot.slot_time <= marker:
            continue
        if slot.slot_time > horizon:
            return due, slot
        due = slot
    return due, None


def slots(facts: LoopFacts, zone: ZoneInfo, policy: NudgePolicy, horizon: datetime):  # noqa: ANN202
    """The loop's slots in time order, up to the first one after `horizon`."""
    work = lambda moment: next_working_time(moment, zone, policy)  # noqa: E731
    if facts.state == OPEN:
        if facts.due_at is None:
            return
        at_due = work(facts.due_at)
        before = work(wall_clock_add(facts.due_at, -policy.remind_before, zone))
        if before < at_due:
            yield _slot(BEFORE_DUE, before)
        yield _slot(AT_DUE, at_due)
        last = facts.last_nudge_at
        start, kind, step = (last if last and last >= at_due else at_due), OVERDUE, policy.cadence
    else:
        done = facts.done_at or facts.created_at
        last = facts.last_nudge_at
        start, kind, step = (last if last and last >= done else done), TELL, policy.tell_cadence
    start = max(start, horizon - LONGEST_CATCH_UP)
    step = max(step, SHORTEST_CADENCE)  # a zero or tiny step would walk forever
    moment = start
    while True:
        later = work(wall_clock_add(moment, step, zone))
        moment = later if later > moment else moment + step  # a DST fold never walks back
        yield _slot(kind, moment)
        if moment > horizon:
            return


def _slot(kind: str, moment: datetime) -> PlannedNudge:
    return PlannedNudge(moment, kind, moment)


# ---- digests ---------------------------------------------------------------------------------

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SCHEDULE = re.compile(r"^\s*([a-z]{3})[a-z]*\s+([01]?\d|2[0-3]):([0-5]\d)\s*$", re.IGNORECASE)
DEFAULT_DIGEST_SCHEDULE = "mon 09:00"


def last_digest_time(schedule: str, now: datetime, zone: ZoneInfo) -> datetime:
    """The latest scheduled digest moment at or before `now` (`mon 09:00` in the workspace's
    zone, DST included); a schedule that can't be read means the default."""
    match = _SCHEDULE.match(schedule or "")
    if not match or match.group(1).lower() not in _DAYS:
        match = _SCHEDULE.match(DEFAULT_DIGEST_SCHEDULE)
        assert match
    weekday = _DAYS.index(match.group(1).lower())
    at = time(int(match.group(2)), int(match.group(3)))
    local = now.astimezone(zone)
    day = local.date() - timedelta(days=(local.weekday() - weekday) % 7)
    moment = datetime.combine(day, at, tzinfo=zone).astimezone(UTC)
    if moment > now:
        moment = datetime.combine(day - timedelta(days=7), at, tzinfo=zone).astimezone(UTC)
    return moment


def digest_period(moment: datetime, zone: ZoneInfo) -> str:
    """The ISO week a digest belongs to, e.g. `2026-W48`: one digest per period."""
    year, week, _ = moment.astimezone(zone).isocalendar()
    return f"{year}-W{week:02d}"
