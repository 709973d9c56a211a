"""What chat reports and the weekly digest say above their tables: the period a report looks
at, the trend against the period before, feedback by kind and sentiment weighted by customer
value, and numbers written the way people read them."""

from __future__ import annotations

import gc
import math
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from bot.core.replies import Field, Section
from storage.reports import FeedbackStats, LoopStats, Period
from storage.touchpoints import Quiet
from storage.uow import UnitOfWork

A = TypeVar("A")
B = TypeVar("B")

PERIOD_DAYS = 30  # owners, customers, segments and the chat exports look this far back


@dataclass(frozen=True)
class Frame:
    """Where and when a report looks: the workspace, now, its period and the one before."""

    workspace_id: int
    now: datetime
    zone: ZoneInfo
    period: Period
    previous: Period
    chat: bool  # build chat's summaries too (the CLI wants only the table)
    everything: bool = False  # loops and feedback: all of them, not only the period's
    rows: int | None = None  # how many table rows are wanted (None: all)
    # opens another unit of work, for what a report reads at the same time on its own connection
    beside: Callable[[], UnitOfWork] | None = None

    @property
    def days(self) -> int:
        return (self.period.end - self.period.start).days

    @property
    def span(self) -> str:
        start, end = self.period.start.astimezone(self.zone), self.now.astimezone(self.zone)
        return f"last {self.days} days ({start:%d %b} – {end:%d %b %Y})"


def frame(workspace_id: int, now: datetime, zone: ZoneInfo, chat: bool, days: int = PERIOD_DAYS,
          everything: bool = False, rows: int | None = None,
          beside: Callable[[], UnitOfWork] | None = None) -> Frame:  # fmt: skip
    """The last `days` days up to and including now, and the `days` days before them."""
    period = Period(now - timedelta(days=days), now + timedelta(microseconds=1))
    previous = Period(period.start - timedelta(days=days), period.start)
    return Frame(workspace_id, now, zone, period, previous, chat, everything, rows, beside)


def side_by_side(
    uow: UnitOfWork,
    beside: Callable[[], UnitOfWork] | None,
    aside: Callable[[UnitOfWork], A],
    here: Callable[[UnitOfWork], B],
) -> tuple[A, B]:
    """`aside` read in a unit of work of its own (`beside` opens one, on another connection)
    while `here` reads in `uow`: a person waits for both, and each is mostly the database's
    work (SQLite and psycopg let go of Python's lock while they read). `aside` must hand back
    plain values, not `uow`'s objects. Without `beside`, one after the other."""
    if beside is None:
        return aside(uow), here(uow)

    def read() -> A:
        with beside() as other:
            return aside(other)

    with ThreadPoolExecutor(max_workers=1) as pool:
        later = pool.submit(read)
        found = here(uow)
        return later.result(), found


@contextmanager
def no_collection() -> Iterator[None]:
    """Python's cyclic garbage collector paused while every customer's row is made: each is
    new and lives until the table is returned, so a collection would free nothing and walk the
    whole heap each time (about a fifth of the time for 10,000 customers). Anything left over
    is collected as usual afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


# ---- sections ----------------------------------------------------------------------------


def loop_trend(uow: UnitOfWork, f: Frame) -> Section:
    """Loops in the period against the one before: opened, closed, closure and on-time rates,
    days to close (median and p90), and what is open now."""
    reports, ws = uow.reports, f.workspace_id
    now = reports.loop_stats(ws, "all", f.period, f.now).get(None) or LoopStats()
    past = frozenset({"closed", "opened", "due"})  # what is open now is not the past's
    before = reports.loop_stats(ws, "all", f.previous, f.now, past).get(None) or LoopStats()
    days_now = reports.days_to_close(ws, "all", f.period).get(None, {})
    days_before = reports.days_to_close(ws, "all", f.previous).get(None, {})
    return Section(
        f"Loops, the last {f.days} days against the {f.days} before",
        fields=[
            Field("Opened", f"{now.opened} ({change(now.opened, before.opened)})"),
            Field("Closed", f"{now.closed} ({change(now.closed, before.closed)})"),
            Field("Closure rate", rate_change(now.closure_rate, before.closure_rate)),
            Field("On-time rate", rate_change(now.on_time_rate, before.on_time_rate)),
            Field("Days to close, median / p90",
                  f"{_days_text(days_now)} (before: {_days_text(days_before)})"),
            Field("Open now", f"{now.open} ({now.overdue} overdue)"),
        ],
    )  # fmt: skip


def feedback_summary(uow: UnitOfWork, f: Frame) -> list[Section]:
    """Feedback in the period against the one before, then by kind and by sentiment, each as a
    share of items and a share of customer value (a complaint from a big customer weighs more)."""
    kinds = uow.reports.feedback_stats(f.workspace_id, "kind", f.period)
    before = uow.reports.feedback_stats(f.workspace_id, "all", f.previous).get(None)
    before = before or FeedbackStats()
    total = FeedbackStats(
        sum(s.count for s in kinds.values()),
        sum(s.negative for s in kinds.values()),
        sum(s.positive for s in kinds.values()),
        sum(s.value for s in kinds.values()),
        sum(s.negative_value for s in kinds.values()),
    )
    trend = Section(
        f"Feedback, the last {f.days} days against the {f.days} before",
        fields=[
            Field("Feedback", f"{total.count} ({change(total.count, before.count)})"),
            Field("Negative", f"{total.negative} ({change(total.negative, before.negative)})"),
            Field("Negative, weighted by value", rate_change(
                _part(total.negative_value, total.value), _part(before.negative_value,
                                                                before.value))),
        ],
    )  # fmt: skip
    if not total.count:
        return [trend]
    by_kind = Section(
        "Feedback by kind (share of items · share weighted by customer value)",
        fields=[
            Field(str(kind), f"{s.count} ({share(s.count, total.count)} of items · "
                             f"{share(s.value, total.value)} by value)")
            for kind, s in sorted(kinds.items(), key=lambda kv: (-kv[1].value, -kv[1].count))
        ],
    )  # fmt: skip
    neutral = total.count - total.negative - total.positive
    mood = Section(
        f"Sentiment: {share(total.negative, total.count)} negative "
        f"({share(total.negative_value, total.value)} weighted by value), "
        f"{share(neutral, total.count)} neutral, {share(total.positive, total.count)} positive."
    )
    return [trend, by_kind, mood]


def concerns(uow: UnitOfWork, f: Frame) -> list[Section]:
    """The complaints that weigh most: negative feedback × the customer's annual value."""
    top = uow.reports.top_concerns(f.workspace_id, f.period)
    if not top:
        return []
    return [Section(
        "Complaints that weigh most (negative feedback × annual value)",
        fields=[Field(name, f"{n} negative · value {money(value)}") for name, value, n in top],
    )]  # fmt: skip


def segment_weights(feedback: dict[object, FeedbackStats]) -> list[Section]:
    """Each segment's share of the period's feedback, by items and by customer value."""
    total = sum(s.count for s in feedback.values())
    value = sum(s.value for s in feedback.values())
    if not total:
        return []
    return [Section(
        "Feedback by segment, weighted by customer value",
        fields=[
            Field(str(segment), f"{share(s.value, value)} by value ({share(s.count, total)} of "
                                f"items, {s.negative} negative)")
            for segment, s in sorted(feedback.items(), key=lambda kv: -kv[1].value)
        ],
    )]  # fmt: skip


# ---- numbers as people read them -------------------------------------------------------------


def rate(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def days(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def money(value: float) -> str:
    return f"{value:,.0f}"


def share(part: float, whole: float) -> str:
    return f"{part / whole:.0%}" if whole else "—"


def change(now: int, before: int) -> str:
    if now == before:
        return f"same as before, {before}"
    return f"{'▲' if now > before else '▼'}{abs(now - before)} from {before}"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def rate_change(now: float | None, before: float | None) -> str:
    """A rate against the one before, in percentage points; — where nothing was counted."""
    if now is None or before is None:
        return f"{percent(now)} (before: {percent(before)})"
    points = round((now - before) * 100)
    trend = "same as before" if points == 0 else f"{'▲' if points > 0 else '▼'}{abs(points)} pts"
    return f"{percent(now)} ({trend}, from {percent(before)})"


def _part(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def _days_text(percentiles: dict[int, float]) -> str:
    if not percentiles:
        return "—"
    return f"{percentiles[50]:.1f} / {percentiles[90]:.1f} days"


# ---- weeks and quiet customers: the weekly report, the quiet report and the digest ----------

WEEKS = 8  # the weekly report and the digest's chart
QUIET_DAYS = 30  # default days without a touchpoint before a customer has gone quiet


def week_starts(now: datetime, zone: ZoneInfo, weeks: int) -> list[datetime]:
    """The starts (Monday 00:00 in `zone`) of the last `weeks` weeks, the current one last,
    followed by the next Monday: the bounds the week buckets are cut at."""
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    days = [monday - timedelta(weeks=weeks - 1 - i) for i in range(weeks + 1)]
    return [datetime(d.year, d.month, d.day, tzinfo=zone) for d in days]


def quiet_days(uow: UnitOfWork, workspace_id: int) -> tuple[dict[str, float], float]:
    """The `quiet_days` setting: days per segment, and the default for the others."""
    setting = dict(uow.settings.get(workspace_id, "quiet_days", {}) or {})  # type: ignore[call-overload]
    default = _days(setting.pop("default", QUIET_DAYS), QUIET_DAYS)
    return {str(k): _days(v, default) for k, v in setting.items()}, default


def _days(value: object, default: float) -> float:
    """A stored day count as a usable number: one saved before settings were checked (nan,
    inf, 0, text) means the default, and a huge one a decade."""
    try:
        days = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return min(days, 3650.0) if math.isfinite(days) and days > 0 else default


def quiet_rule(now: datetime, days: dict[str, float], default: float,
               as_of: datetime | None = None) -> Quiet:  # fmt: skip
    """Gone quiet by `now`: no feedback from or about the customer for the segment's days (else
    the default); our own commitments and updates don't count."""
    before = {segment: now - timedelta(days=n) for segment, n in days.items()}
    return Quiet(before, now - timedelta(days=default), as_of)


def quiet_rows(uow: UnitOfWork, workspace_id: int, now: datetime, days: dict[str, float],
               default: float, limit: int | None = None) -> list[dict[str, object]]:  # fmt: skip
    """Customers gone quiet by now, biggest value first (the first `limit` ones)."""
    found = uow.touchpoints.customers(workspace_id, quiet_rule(now, days, default), limit)
    return [
        {"customer": c.name, "segment": c.segment, "owner": c.owner,
         "last_touchpoint": iso(c.last_touchpoint),
         "days_quiet": int((now - (c.last_touchpoint or c.created_at)).total_seconds() // 86400)}
        for c in found
    ]  # fmt: skip
