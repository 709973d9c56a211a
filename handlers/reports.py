"""Reports: how well we keep our commitments and what customers tell us.

The same numbers in chat (`/loop report …`) and on the command line (`loopkeeper report …`):
both build the same table; chat adds a summary with the trend and one line of definitions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime

from bot.core import grammar
from bot.core.errors import BadInput
from bot.core.replies import Attachment, Reply, Section, Table, counted
from bot.core.spreadsheet import table_csv
from handlers import answers
from handlers import summaries as say
from handlers.common import enter, workspace_for_cli
from handlers.context import Caller, Deps
from handlers.reviews import HEALTH_COLUMNS, HEALTH_DAYS, health_table
from handlers.summaries import (
    WEEKS,
    Frame,
    frame,
    no_collection,
    quiet_days,
    quiet_rows,
    quiet_rule,
    side_by_side,
    week_starts,
)
from storage.reports import FeedbackStats, LoopStats
from storage.uow import UnitOfWork

CHAT_ROWS = 25  # a chat table shows this many rows; `csv` has them all
COLUMNS: dict[str, list[str]] = {
    kind: keys.split()
    for kind, keys in {
        "loops": "id customer what owner state due created closed",
        "feedback": "id customer text kind sentiment source author channel permalink created",
        "weekly": "week_start feedback opened closed overdue on_time_rate",
        "owners": "owner open overdue closed cancelled on_time_rate median_days_to_close",
        "customers": "customer segment value owner feedback open overdue closed last_touchpoint "
        "csat median_first_response_minutes",
        "segments": "segment customers value feedback negative_feedback open overdue closed "
        "churned retained_value_rate",
        "quiet": "customer segment owner last_touchpoint days_quiet",
        "health": " ".join(HEALTH_COLUMNS),
        "csat": " ".join(answers.CSAT_COLUMNS),
        "response": " ".join(answers.RESPONSE_COLUMNS),
    }.items()
}
KINDS = tuple(COLUMNS)
OWNER_MEASURES = frozenset({"live", "closed", "cancelled", "due"})
LIVE_AND_CLOSED = frozenset({"live", "closed"})
TIMES = "times in your zone here, in UTC (ISO-8601) in csv and json"
RATES = (
    "on-time rate = loops done by their due time ÷ loops due in the period (up to now), "
    "cancelled loops excluded, empty when nothing was due"
)


@dataclass
class View:
    """A built report: its table, title, definitions and (chat only) summary sections."""

    title: str
    table: Table
    footer: str
    sections: list[Section] = field(default_factory=list)
    order: str = ""  # how rows are ranked, said when chat shows only the first ones
    total: int | None = None  # rows in the whole report when the table holds only the first


# ---- entry points ------------------------------------------------------------------------


def report(deps: Deps, caller: Caller, command: grammar.Report) -> Reply:
    """A report in chat: a title with its period, the summary and trend, the table (its first
    rows) and one line of definitions; with `csv`, the whole table as a CSV file too."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        view = BUILDERS[command.kind](uow, frame(
            scope.workspace.id, scope.now, deps.settings.zone, chat=True,
            rows=None if command.csv else CHAT_ROWS, beside=deps.uow,
        ))  # fmt: skip
        uow.commit()
    rows = view.table.rows
    total = view.total if view.total is not None else len(rows)
    title = view.title
    if total > CHAT_ROWS:
        title += f" — the first {CHAT_ROWS} of {total}{view.order}; add `csv` for all"
    shown = Table(view.table.columns, rows[:CHAT_ROWS], scope.zone, scope.now)
    reply = Reply(title, sections=view.sections, table=shown, footer=view.footer)
    if command.csv:
        day = scope.now.astimezone(deps.settings.zone).date().isoformat()
        reply.attachments.append(Attachment(
            f"loopkeeper-{command.kind}-{day}.csv", table_csv(view.table).encode("utf-8"),
            view.title, "text/csv",
        ))  # fmt: skip
    return reply


def table_for_cli(deps: Deps, kind: str, workspace: str | None) -> Table:
    """The table of one report for `loopkeeper report KIND` (loops and feedback: all of them).

    `workspace` is the platform's team/tenant id; it may be left out when the database holds
    one workspace (none: an empty table).
    """
    if kind not in KINDS:
        raise BadInput(f"there is no report {kind!r}; pick one of {', '.join(KINDS)}")
    with deps.uow() as uow:
        chosen = workspace_for_cli(uow, workspace)
        if chosen is None:
            return Table(COLUMNS[kind], [])
        when = frame(
            chosen.id,
            deps.clock.now(),
            deps.settings.zone,
            chat=False,
            everything=True,
            beside=deps.uow,
        )
        table = BUILDERS[kind](uow, when).table
    table.zone, table.now = deps.settings.zone, when.now  # how `--format table` shows times
    return table


# ---- the reports ---------------------------------------------------------------------------


def _owners(uow: UnitOfWork, f: Frame) -> View:
    stats = uow.reports.loop_stats(f.workspace_id, "owner", f.period, f.now, OWNER_MEASURES)
    medians = uow.reports.days_to_close(f.workspace_id, "owner", f.period, (50,))
    names = uow.users.names(f.workspace_id, {str(owner) for owner in stats})
    rows: list[dict[str, object]] = [
        {"owner": names.get(owner) or owner, "open": s.open, "overdue": s.overdue,
         "closed": s.closed, "cancelled": s.cancelled, "on_time_rate": say.rate(s.on_time_rate),
         "median_days_to_close": say.days(medians.get(owner, {}).get(50))}
        for owner, s in stats.items()
    ]  # fmt: skip
    rows.sort(key=lambda r: (-r["overdue"], -r["open"], str(r["owner"])))  # type: ignore[operator]
    return View(
        f"Owners — {f.span}",
        Table(COLUMNS["owners"], rows),
        f"Period: {f.span}. open = not closed or cancelled and overdue = open past its due time"
        f" (both now); closed and cancelled in the period; {RATES}; closure rate = loops opened"
        " in the period and closed by its end ÷ those opened (cancelled excluded); days to close"
        " from commitment to closure of the loops closed in the period.",
        [say.loop_trend(uow, f)] if f.chat else [],
        " by most overdue",
    )


def _customers(uow: UnitOfWork, f: Frame) -> View:
    with no_collection() if f.rows is None else nullcontext():  # a row for every customer
        return _customer_view(uow, f)


def _customer_view(uow: UnitOfWork, f: Frame) -> View:
    ws = f.workspace_id

    def numbers(u: UnitOfWork, only: frozenset[int] | None):  # noqa: ANN202
        return (
            u.reports.loop_stats(ws, "customer", f.period, f.now, LIVE_AND_CLOSED, only),
            u.reports.feedback_counts(ws, f.period, only),
            answers.per_customer(u, f, only),
        )

    if f.rows is None:  # every customer: the list is read beside their numbers
        listed, (loops, feedback, answered) = side_by_side(
            uow, f.beside, lambda other: other.touchpoints.customers(ws), lambda u: numbers(u, None)
        )
        sections = say.feedback_summary(uow, f) if f.chat else []
    else:  # chat's first rows by value: their numbers only, beside the summary above them
        listed = uow.touchpoints.customers(ws, limit=f.rows)
        only = frozenset(c.id for c in listed)
        sections, (loops, feedback, answered) = side_by_side(
            uow,
            f.beside,
            lambda other: say.feedback_summary(other, f) if f.chat else [],
            lambda u: numbers(u, only),
        )
    if f.chat:
        sections += say.concerns(uow, f)
    rows: list[dict[str, object]] = []
    for c in listed:
        counts = loops.get(c.id) or LoopStats()
        csat, first_response = answered.get(c.id, (None, None))
        rows.append({
            "customer": c.name, "segment": c.segment, "value": say.number(c.value),
            "owner": c.owner, "feedback": feedback.get(c.id, 0), "open": counts.open,
            "overdue": counts.overdue, "closed": counts.closed,
            "last_touchpoint": say.iso(c.last_touchpoint), "csat": csat,
            "median_first_response_minutes": first_response,
        })  # fmt: skip
    return View(
        f"Customers — {f.span}",
        Table(COLUMNS["customers"], rows),
        f"Period: {f.span}. feedback and closed loops in the period; open and overdue now; last "
        "touchpoint = newest feedback, commitment, update, delivery or closure; weighted views "
        "weigh each feedback item by its customer's annual value; csat = the average answer "
        "(1–5) in the period; first response = the median minutes to our first reply in "
        "their channel.",
        sections,
        " by value",
        uow.touchpoints.count(ws) if f.rows is not None else None,
    )


def _segments(uow: UnitOfWork, f: Frame) -> View:
    ws = f.workspace_id

    def numbers(u: UnitOfWork):  # noqa: ANN202
        return (
            u.reports.segments(ws),
            u.reports.feedback_stats(ws, "segment", f.period),
            u.reports.loop_stats(ws, "segment", f.period, f.now, LIVE_AND_CLOSED),
            u.reports.retention(ws, f.period),
        )

    summary, (customers, feedback, loops, kept) = side_by_side(
        uow, f.beside, lambda other: say.feedback_summary(other, f) if f.chat else [], numbers
    )
    names = sorted(
        {*customers, *feedback, *loops}, key=lambda s: (-customers.get(s, (0, 0))[1], str(s))
    )  # type: ignore[arg-type]
    rows: list[dict[str, object]] = []
    for segment in names:
        count, value = customers.get(segment, (0, 0.0))  # type: ignore[call-overload]
        said = feedback.get(segment) or FeedbackStats()
        counts = loops.get(segment) or LoopStats()
        rows.append({
            "segment": segment, "customers": count, "value": say.number(value),
            "feedback": said.count, "negative_feedback": said.negative, "open": counts.open,
            "overdue": counts.overdue, "closed": counts.closed,
            "churned": kept.get(segment, (0, 0.0, 0.0))[0],
            "retained_value_rate": say.rate(_retained(kept.get(segment))),
        })  # fmt: skip
    sections = say.segment_weights(feedback) + summary if f.chat else []
    return View(
        f"Segments — {f.span}",
        Table(COLUMNS["segments"], rows),
        f"Period: {f.span}. customers and value: those not erased; feedback, negative feedback "
        "(sentiment below 0) and closed loops in the period; open and overdue now; weighted = "
        "each feedback item weighs its customer's annual value; churned = customers marked "
        "churned in the period; retained value rate = the value of the segment's customers "
        "still active at the period's end ÷ the value of those active at any time in it, empty "
        "when there were none.",
        sections,
    )


def _retained(found: tuple[int, float, float] | None) -> float | None:
    if not found or not found[2]:
        return None
    return found[1] / found[2]


def _quiet(uow: UnitOfWork, f: Frame) -> View:
    days, default = quiet_days(uow, f.workspace_id)
    rows = quiet_rows(uow, f.workspace_id, f.now, days, default)
    sections = []
    if f.chat:
        then = f.period.start
        before = uow.touchpoints.quiet_count(f.workspace_id, quiet_rule(then, days, default, then))
        sections = [
            Section(
                f"Gone quiet now: {counted(len(rows), 'customer')} "
                f"({say.change(len(rows), before)} vs {f.days} days ago)."
            )
        ]
    rule = ", ".join(f"{segment} {say.number(n)}" for segment, n in sorted(days.items()))
    return View(
        "Customers gone quiet",
        Table(COLUMNS["quiet"], rows),
        "Gone quiet = an active customer not heard from or about (no feedback, their people's "
        "messages in their channel included; our own commitments, updates and replies don't "
        f"count) for {say.number(default)} days"
        + (f" ({rule} in those segments)" if rule else "")
        + "; days quiet since that last feedback, or since the customer was added.",
        sections,
        " by value",
    )


def _weekly(uow: UnitOfWork, f: Frame) -> View:
    starts = week_starts(f.now, f.zone, WEEKS)
    weeks = uow.reports.weeks(f.workspace_id, starts, f.now)
    rows: list[dict[str, object]] = [
        {"week_start": start.astimezone(f.zone).date().isoformat(), "feedback": w.feedback,
         "opened": w.opened, "closed": w.closed, "overdue": w.missed,
         "on_time_rate": say.rate(w.on_time_rate)}
        for start, w in zip(starts, weeks, strict=False)
    ]  # fmt: skip
    sections = []
    if f.chat:
        week = frame(f.workspace_id, f.now, f.zone, True, days=7)
        sections = [say.loop_trend(uow, week), *say.feedback_summary(uow, week)[:1]]
    return View(
        f"Weekly — the last {WEEKS} weeks",
        Table(COLUMNS["weekly"], rows),
        f"Weeks start Monday 00:00 {f.zone.key}, the last one runs to now; feedback, opened and "
        "closed count what happened that week; overdue = loops due that week and not done by "
        f"their due time; {RATES.replace('in the period', 'that week')}; the summary compares "
        "the last 7 days with the 7 before.",
        sections,
    )


def _loops(uow: UnitOfWork, f: Frame) -> View:
    since = None if f.everything else f.period.start
    rows = _export(COLUMNS["loops"], uow.exports.loop_rows(f.workspace_id, since, f.rows))
    return View(
        "Loops" + ("" if f.everything else f" created {f.span}"),
        Table(COLUMNS["loops"], rows),
        ("Every loop" if f.everything else f"Period: {f.span}; loops created in it")
        + f"; {TIMES}; closed is when the customer was told.",
        order=" by number",
        total=uow.exports.loop_count(f.workspace_id, since) if since and f.rows else None,
    )


def _feedback(uow: UnitOfWork, f: Frame) -> View:
    since = None if f.everything else f.period.start
    rows = _export(COLUMNS["feedback"], uow.exports.feedback_rows(f.workspace_id, since, f.rows))
    return View(
        "Feedback" + ("" if f.everything else f" {f.span}"),
        Table(COLUMNS["feedback"], rows),
        ("All feedback" if f.everything else f"Period: {f.span}")
        + f"; sentiment from -1 (negative) to 1; {TIMES}.",
        order=", oldest first",
        total=uow.exports.feedback_count(f.workspace_id, since) if since and f.rows else None,
    )


def _export(columns: list[str], rows: Iterable[Sequence[object]]) -> list[dict[str, object]]:
    """Rows given in column order as JSON-ready dicts (times as ISO-8601 strings)."""
    return [
        {key: say.iso(v) if isinstance(v, datetime) else v
         for key, v in zip(columns, row, strict=True)}
        for row in rows
    ]  # fmt: skip


def _health(uow: UnitOfWork, f: Frame) -> View:
    table, total = health_table(uow, f)
    return View(
        "Customer health — value at risk first",
        table,
        f"Health 0–100 over the last {HEALTH_DAYS} days: 100 less each reason's points (overdue "
        "promise −10 each, at most −30; question unanswered past its target −10 each, at most "
        "−20; negative feedback −30 × its share; CSAT below 4 −10 a point, at most −30; quiet "
        "(no feedback) past 30 days −1 a day, at most −20; on-time rate −20 × the share missed; "
        "churned = 0). Sorted by value at risk: (100 − health) × value.",
        order=" by value at risk",
        total=total,
    )


def _answering(
    title: str, kind: str, rows: Callable, definition: str, fields: Callable
) -> Callable:  # fmt: skip
    """A report of how we answer customers (response, csat): one row per customer, and in
    chat the same measure in all against the period before."""

    def build(uow: UnitOfWork, f: Frame) -> View:
        return View(
            f"{title} — {f.span}",
            Table(COLUMNS[kind], rows(uow, f)),
            f"Period: {f.span}. {definition}; customers with a linked channel or numbers in "
            "the period, by value.",
            [answers.trend(uow, f, f"{f.days} days", fields(uow, f))] if f.chat else [],
            " by value",
        )

    return build


_response = _answering(
    "First response", "response", answers.response_rows, answers.RESPONSE_DEFINITION,
    answers.response_fields,
)  # fmt: skip
_csat = _answering("CSAT", "csat", answers.csat_rows, answers.CSAT_DEFINITION, answers.csat_fields)


BUILDERS: dict[str, Callable[[UnitOfWork, Frame], View]] = {
    "loops": _loops, "feedback": _feedback, "weekly": _weekly, "owners": _owners,
    "customers": _customers, "segments": _segments, "quiet": _quiet, "health": _health,
    "csat": _csat, "response": _response,
}  # fmt: skip
