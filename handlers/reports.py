"""Reports: how well we keep our commitments and what customers tell us.

The same numbers in chat (`/loop report …`) and on the command line (`loopkeeper report …`):
both build the same table; chat adds a summary with the trend and one line of definitions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core import grammar
from bot.core.errors import BadInput
from bot.core.replies import Attachment, Field, Reply, Section, Table
from bot.tables import render_csv
from handlers.common import enter
from handlers.context import Caller, Deps
from storage.models import Workspace
from storage.reports import FeedbackStats, LoopStats, Period
from storage.uow import UnitOfWork

PERIOD_DAYS = 30  # owners, customers, segments and the chat exports look this far back
WEEKS = 8  # the weekly report and the digest's chart
QUIET_DAYS = 30  # default days without a touchpoint before a customer has gone quiet
CHAT_ROWS = 25  # a chat table shows this many rows; `csv` has them all
COLUMNS: dict[str, list[str]] = {
    "loops": ["id", "customer", "what", "owner", "state", "due", "created", "closed"],
    "feedback": [
        "id",
        "customer",
        "text",
        "kind",
        "sentiment",
        "source",
        "author",
        "channel",
        "permalink",
        "created",
    ],
    "weekly": ["week_start", "feedback", "opened", "closed", "overdue", "on_time_rate"],
    "owners": [
        "owner",
        "open",
        "overdue",
        "closed",
        "cancelled",
        "on_time_rate",
        "median_days_to_close",
    ],
    "customers": [
        "customer",
        "segment",
        "value",
        "owner",
        "feedback",
        "open",
        "overdue",
        "closed",
        "last_touchpoint",
    ],
    "segments": [
        "segment",
        "customers",
        "value",
        "feedback",
        "negative_feedback",
        "open",
        "overdue",
        "closed",
    ],
    "quiet": ["customer", "segment", "owner", "last_touchpoint", "days_quiet"],
}
KINDS = tuple(COLUMNS)
RATES = (
    "on-time rate = loops done by their due time ÷ loops due in the period (up to now), "
    "cancelled loops excluded, empty when nothing was due"
)


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

    @property
    def span(self) -> str:
        return _span(self.period, self.zone)


@dataclass
class View:
    """A built report: its table, title, definitions and (chat only) summary sections."""

    title: str
    table: Table
    footer: str
    sections: list[Section] = field(default_factory=list)
    order: str = ""  # how rows are ranked, said when chat shows only the first ones


def frame(
    workspace_id: int,
    now: datetime,
    zone: ZoneInfo,
    chat: bool,
    days: int = PERIOD_DAYS,
    everything: bool = False,
) -> Frame:
    """The last `days` days up to now, and the `days` days before them."""
    # The period runs up to and including now: what happens at this instant counts.
    period = Period(now - timedelta(days=days), now + timedelta(microseconds=1))
    previous = Period(period.start - timedelta(days=days), period.start)
    return Frame(workspace_id, now, zone, period, previous, chat, everything)


# ---- entry points ------------------------------------------------------------------------


def report(deps: Deps, caller: Caller, command: grammar.Report) -> Reply:
    """A report in chat: a title with its period, the summary and trend, the table (its first
    rows) and one line of definitions; with `csv`, the whole table as a CSV file too."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        view = BUILDERS[command.kind](
            uow, frame(scope.workspace.id, scope.now, deps.settings.zone, chat=True)
        )
        uow.commit()
    rows = view.table.rows
    title = view.title
    if len(rows) > CHAT_ROWS:
        title += f" — the first {CHAT_ROWS} of {len(rows)}{view.order}; add `csv` for all"
    reply = Reply(
        title,
        sections=view.sections,
        table=Table(view.table.columns, rows[:CHAT_ROWS]),
        footer=view.footer,
    )
    if command.csv:
        day = scope.now.astimezone(deps.settings.zone).date().isoformat()
        reply.attachments.append(
            Attachment(
                f"loopkeeper-{command.kind}-{day}.csv",
                render_csv(view.table).encode("utf-8"),
                view.title,
                "text/csv",
            )
        )
    return reply


def table_for_cli(deps: Deps, kind: str, workspace: str | None) -> Table:
    """The table of one report for `loopkeeper report KIND` (loops and feedback: all of them).

    `workspace` is the platform's team/tenant id; it may be left out when the database holds
    one workspace (none: an empty table).
    """
    if kind not in KINDS:
        raise BadInput(f"there is no report {kind!r}; pick one of {', '.join(KINDS)}")
    with deps.uow() as uow:
        chosen = _workspace_for_cli(uow, workspace)
        if chosen is None:
            return Table(COLUMNS[kind], [])
        view = BUILDERS[kind](
            uow, frame(chosen.id, deps.clock.now(), deps.settings.zone, chat=False, everything=True)
        )
    return view.table


def _workspace_for_cli(uow: UnitOfWork, external_id: str | None) -> Workspace | None:
    known = list(uow.workspaces.all())
    names = ", ".join(f"{w.external_id} ({w.platform})" for w in known) or "none yet"
    if external_id is not None:
        for candidate in known:
            if candidate.external_id == external_id:
                return candidate
        raise BadInput(f"no workspace {external_id!r} in this database (known: {names})")
    if len(known) > 1:
        raise BadInput(
            f"this database serves several workspaces; name one with --workspace: {names}"
        )
    return known[0] if known else None


# ---- the reports ---------------------------------------------------------------------------


def _owners(uow: UnitOfWork, f: Frame) -> View:
    stats = uow.reports.loop_stats(f.workspace_id, "owner", f.period, f.now)
    medians = uow.reports.days_to_close(f.workspace_id, "owner", f.period, (50,))
    names = uow.users.names(f.workspace_id, {str(owner) for owner in stats})
    rows: list[dict[str, object]] = [
        {
            "owner": names.get(owner) or owner,
            "open": s.open,
            "overdue": s.overdue,
            "closed": s.closed,
            "cancelled": s.cancelled,
            "on_time_rate": _rate(s.on_time_rate),
            "median_days_to_close": _days(medians.get(owner, {}).get(50)),
        }
        for owner, s in stats.items()
    ]
    rows.sort(key=lambda r: (-r["overdue"], -r["open"], str(r["owner"])))  # type: ignore[operator]
    return View(
        f"Owners — {f.span}",
        Table(COLUMNS["owners"], rows),
        f"Period: {f.span}. open = not closed or cancelled and overdue = open past its due time"
        f" (both now); closed and cancelled in the period; {RATES}; median days from commitment"
        " to closure of the loops closed in the period.",
        trend(uow, f) if f.chat else [],
        " by most overdue",
    )


def _customers(uow: UnitOfWork, f: Frame) -> View:
    ws = f.workspace_id
    loops = uow.reports.loop_stats(ws, "customer", f.period, f.now)
    feedback = uow.reports.feedback_stats(ws, "customer", f.period)
    rows: list[dict[str, object]] = []
    for c in uow.reports.customers(ws):
        counts = loops.get(c.id) or LoopStats()
        rows.append(
            {
                "customer": c.name,
                "segment": c.segment,
                "value": _number(c.value),
                "owner": c.owner,
                "feedback": (feedback.get(c.id) or FeedbackStats()).count,
                "open": counts.open,
                "overdue": counts.overdue,
                "closed": counts.closed,
                "last_touchpoint": _iso(c.last_touchpoint),
            }
        )
    sections = (trend(uow, f) + feedback_mix(uow, f) + _concerns(uow, f)) if f.chat else []
    return View(
        f"Customers — {f.span}",
        Table(COLUMNS["customers"], rows),
        f"Period: {f.span}. feedback and closed in the period; open and overdue now; last "
        "touchpoint = newest feedback, commitment, update, delivery or closure; weighted views "
        "weigh each feedback item by its customer's annual value.",
        sections,
        " by value",
    )


def _segments(uow: UnitOfWork, f: Frame) -> View:
    ws = f.workspace_id
    customers = uow.reports.segments(ws)
    feedback = uow.reports.feedback_stats(ws, "segment", f.period)
    loops = uow.reports.loop_stats(ws, "segment", f.period, f.now)
    names = sorted(
        {*customers, *feedback, *loops}, key=lambda s: (-customers.get(s, (0, 0))[1], str(s))
    )
    rows: list[dict[str, object]] = []
    for segment in names:
        count, value = customers.get(segment, (0, 0.0))
        said = feedback.get(segment) or FeedbackStats()
        counts = loops.get(segment) or LoopStats()
        rows.append(
            {
                "segment": segment,
                "customers": count,
                "value": _number(value),
                "feedback": said.count,
                "negative_feedback": said.negative,
                "open": counts.open,
                "overdue": counts.overdue,
                "closed": counts.closed,
            }
        )
    sections = []
    if f.chat:
        sections = _segment_weights(feedback) + feedback_mix(uow, f) + trend(uow, f)
    return View(
        f"Segments — {f.span}",
        Table(COLUMNS["segments"], rows),
        f"Period: {f.span}. customers and value: those not erased; feedback, negative feedback "
        "(sentiment below 0) and closed loops in the period; open and overdue now; weighted = "
        "each feedback item weighs its customer's annual value.",
        sections,
    )


def _quiet(uow: UnitOfWork, f: Frame) -> View:
    days, default = quiet_days(uow, f.workspace_id)
    rows = quiet_rows(uow, f.workspace_id, f.now, days, default)
    sections = []
    if f.chat:
        then = f.period.start
        before = quiet_rows(uow, f.workspace_id, then, days, default)
        sections = [
            Section(
                f"Gone quiet now: {len(rows)} customers "
                f"({_change(len(rows), len(before))} vs {PERIOD_DAYS} days ago)."
            )
        ]
    rule = ", ".join(f"{segment} {_number(n)}" for segment, n in sorted(days.items()))
    return View(
        "Customers gone quiet",
        Table(COLUMNS["quiet"], rows),
        f"Gone quiet = an active customer with no touchpoint (feedback, commitment, update, "
        f"delivery or closure) for {_number(default)} days"
        + (f" ({rule} in those segments)" if rule else "")
        + "; days quiet since the last touchpoint, or since the customer was added.",
        sections,
        " by value",
    )


def quiet_days(uow: UnitOfWork, workspace_id: int) -> tuple[dict[str, float], float]:
    """The `quiet_days` setting: days per segment, and the default for the others."""
    setting = dict(uow.settings.get(workspace_id, "quiet_days", {}) or {})  # type: ignore[call-overload]
    default = float(setting.pop("default", QUIET_DAYS))
    return {str(k): float(v) for k, v in setting.items()}, default


def quiet_rows(
    uow: UnitOfWork, workspace_id: int, now: datetime, days: dict[str, float], default: float
) -> list[dict[str, object]]:
    """Customers gone quiet as of `now`, biggest value first."""
    cutoffs = {segment: now - timedelta(days=n) for segment, n in days.items()}
    found = uow.reports.customers(workspace_id, cutoffs, now - timedelta(days=default), as_of=now)
    return [
        {
            "customer": c.name,
            "segment": c.segment,
            "owner": c.owner,
            "last_touchpoint": _iso(c.last_touchpoint),
            "days_quiet": int((now - (c.last_touchpoint or c.created_at)).total_seconds() // 86400),
        }
        for c in found
    ]


def _weekly(uow: UnitOfWork, f: Frame) -> View:
    starts = week_starts(f.now, f.zone, WEEKS)
    weeks = uow.reports.weeks(f.workspace_id, starts, f.now)
    rows: list[dict[str, object]] = [
        {
            "week_start": start.astimezone(f.zone).date().isoformat(),
            "feedback": w.feedback,
            "opened": w.opened,
            "closed": w.closed,
            "overdue": w.missed,
            "on_time_rate": _rate(w.on_time_rate),
        }
        for start, w in zip(starts, weeks, strict=False)
    ]
    sections = trend(uow, frame(f.workspace_id, f.now, f.zone, True, days=7)) if f.chat else []
    return View(
        f"Weekly — the last {WEEKS} weeks",
        Table(COLUMNS["weekly"], rows),
        f"Weeks start Monday 00:00 {f.zone.key}, the last one runs to now; feedback, opened and "
        "closed count what happened that week; overdue = loops due that week and not done by "
        f"their due time; {RATES.replace('in the period', 'that week')}.",
        sections,
    )


def week_starts(now: datetime, zone: ZoneInfo, weeks: int) -> list[datetime]:
    """The starts (Monday 00:00 in `zone`) of the last `weeks` weeks, the current one last,
    followed by the next Monday: the bounds the week buckets are cut at."""
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    days = [monday - timedelta(weeks=weeks - 1 - i) for i in range(weeks + 1)]
    return [datetime(d.year, d.month, d.day, tzinfo=zone) for d in days]


def _loops(uow: UnitOfWork, f: Frame) -> View:
    since = None if f.everything else f.period.start
    rows = _export(COLUMNS["loops"], uow.reports.loop_rows(f.workspace_id, since))
    return View(
        "Loops" + ("" if f.everything else f" created {f.span}"),
        Table(COLUMNS["loops"], rows),
        ("Every loop" if f.everything else f"Period: {f.span}; loops created in it")
        + "; times in UTC (ISO-8601); closed is when the customer was told.",
    )


def _feedback(uow: UnitOfWork, f: Frame) -> View:
    since = None if f.everything else f.period.start
    rows = _export(COLUMNS["feedback"], uow.reports.feedback_rows(f.workspace_id, since))
    return View(
        "Feedback" + ("" if f.everything else f" {f.span}"),
        Table(COLUMNS["feedback"], rows),
        ("All feedback" if f.everything else f"Period: {f.span}")
        + "; sentiment from -1 (negative) to 1; times in UTC (ISO-8601).",
    )


def _export(columns: list[str], rows: Iterable[Sequence[object]]) -> list[dict[str, object]]:
    """Rows given in column order as JSON-ready dicts (times as ISO-8601 strings)."""
    return [
        {
            key: _iso(v) if isinstance(v, datetime) else v
            for key, v in zip(columns, row, strict=True)
        }
        for row in rows
    ]


BUILDERS: dict[str, Callable[[UnitOfWork, Frame], View]] = {
    "loops": _loops,
    "feedback": _feedback,
    "weekly": _weekly,
    "owners": _owners,
    "customers": _customers,
    "segments": _segments,
    "quiet": _quiet,
}


# ---- chat summaries ------------------------------------------------------------------------


def trend(uow: UnitOfWork, f: Frame) -> list[Section]:
    """The period against the one before: feedback, loops, closure and on-time rates, days to
    close (median and p90)."""
    ws, now = f.workspace_id, f.now
    now_loops = uow.reports.loop_stats(ws, "all", f.period, now).get(None) or LoopStats()
    then_loops = uow.reports.loop_stats(ws, "all", f.previous, now).get(None) or LoopStats()
    now_said = uow.reports.feedback_stats(ws, "all", f.period).get(None) or FeedbackStats()
    then_said = uow.reports.feedback_stats(ws, "all", f.previous).get(None) or FeedbackStats()
    now_days = uow.reports.days_to_close(ws, "all", f.period).get(None, {})
    then_days = uow.reports.days_to_close(ws, "all", f.previous).get(None, {})
    days = (f.period.end - f.period.start).days
    return [
        Section(
            f"Last {days} days against the {days} before",
            fields=[
                Field("Feedback", f"{now_said.count} ({_change(now_said.count, then_said.count)})"),
                Field(
                    "Negative feedback",
                    f"{now_said.negative} ({_change(now_said.negative, then_said.negative)})",
                ),
                Field(
                    "Loops opened",
                    f"{now_loops.opened} ({_change(now_loops.opened, then_loops.opened)})",
                ),
                Field(
                    "Loops closed",
                    f"{now_loops.closed} ({_change(now_loops.closed, then_loops.closed)})",
                ),
                Field(
                    "Closure rate", _rate_change(now_loops.closure_rate, then_loops.closure_rate)
                ),
                Field(
                    "On-time rate", _rate_change(now_loops.on_time_rate, then_loops.on_time_rate)
                ),
                Field(
                    "Days to close, median / p90",
                    f"{_days_text(now_days)} (before: {_days_text(then_days)})",
                ),
                Field("Open now", f"{now_loops.open} ({now_loops.overdue} overdue)"),
            ],
        )
    ]


def feedback_mix(uow: UnitOfWork, f: Frame) -> list[Section]:
    """Feedback by kind and by sentiment, each as a share of items and a share of value."""
    kinds = uow.reports.feedback_stats(f.workspace_id, "kind", f.period)
    total = sum(s.count for s in kinds.values())
    if not total:
        return [Section("No feedback in the period.")]
    value = sum(s.value for s in kinds.values())
    by_kind = [
        Field(
            str(kind),
            f"{s.count} ({_share(s.count, total)} of items, {_share(s.value, value)} by value)",
        )
        for kind, s in sorted(kinds.items(), key=lambda kv: (-kv[1].value, -kv[1].count))
    ]
    negative = sum(s.negative for s in kinds.values())
    positive = sum(s.positive for s in kinds.values())
    negative_value = sum(s.negative_value for s in kinds.values())
    mood = (
        f"Sentiment: {_share(negative, total)} negative ({_share(negative_value, value)} "
        f"weighted by value), {_share(total - negative - positive, total)} neutral, "
        f"{_share(positive, total)} positive."
    )
    return [Section("Feedback by kind, weighted by customer value", fields=by_kind), Section(mood)]


def _concerns(uow: UnitOfWork, f: Frame) -> list[Section]:
    """The complaints that weigh most: negative feedback × the customer's value."""
    top = uow.reports.top_concerns(f.workspace_id, f.period)
    if not top:
        return []
    return [
        Section(
            "Complaints that weigh most (negative feedback × annual value)",
            fields=[
                Field(name, f"{count} negative · value {_money(value)}")
                for name, value, count in top
            ],
        )
    ]


def _segment_weights(feedback: dict[object, FeedbackStats]) -> list[Section]:
    total = sum(s.count for s in feedback.values())
    value = sum(s.value for s in feedback.values())
    if not total:
        return []
    return [
        Section(
            "Feedback by segment, weighted by customer value",
            fields=[
                Field(
                    str(segment),
                    f"{_share(s.value, value)} by value ({_share(s.count, total)} of "
                    f"items, {s.negative} negative)",
                )
                for segment, s in sorted(feedback.items(), key=lambda kv: -kv[1].value)
            ],
        )
    ]


# ---- numbers as people read them -------------------------------------------------------------


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _days(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _money(value: float) -> str:
    return f"{value:,.0f}"


def _share(part: float, whole: float) -> str:
    return f"{part / whole:.0%}" if whole else "—"


def _change(now: int, before: int) -> str:
    if now == before:
        return f"same as before, {before}"
    arrow = "▲" if now > before else "▼"
    return f"{arrow}{abs(now - before)} from {before}"


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


def _rate_change(now: float | None, before: float | None) -> str:
    """A rate against the one before, in percentage points; — where nothing was counted."""
    if now is None or before is None:
        return f"{_percent(now)} (before: {_percent(before)})"
    points = round((now - before) * 100)
    trend = "same as before" if points == 0 else f"{'▲' if points > 0 else '▼'}{abs(points)} pts"
    return f"{_percent(now)} ({trend}, from {_percent(before)})"


def _days_text(percentiles: dict[int, float]) -> str:
    if not percentiles:
        return "—"
    return f"{percentiles[50]:.1f} / {percentiles[90]:.1f} days"


def _span(period: Period, zone: ZoneInfo) -> str:
    start, end = period.start.astimezone(zone), period.end.astimezone(zone)
    return f"last {(period.end - period.start).days} days ({start:%d %b} – {end:%d %b %Y})"


def weekly_digest(deps: Deps, workspace_id: int, now: datetime) -> Reply:
    """The weekly digest for the digest channel: the week in numbers against the week before,
    the worst-overdue loops with their owners, customers gone quiet, top themes, and a chart
    of the last weeks (open vs closed loops, on-time rate) as a PNG attachment."""
    from handlers.digest import build_digest  # matplotlib is loaded only when a digest is due

    return build_digest(deps, workspace_id, now)
