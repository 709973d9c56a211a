"""The queries reports need: SQL aggregates over one workspace, each served by an index.

Python only ever sees one row per group (owner, customer, segment, week), never one row per
loop or feedback item; percentiles are picked by window functions on both SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import col, func, select

from storage.models import ChatUser, Customer, Feedback, Loop, LoopEvent, UTCDateTime
from storage.repos import _Repo

LIVE = ("open", "done")  # not yet closed or cancelled
NOT_CANCELLED = ("open", "done", "closed")
TOUCH_KINDS = ("created", "update", "done", "told")  # loop events that are touchpoints
TIMELINE_KINDS = (*TOUCH_KINDS, "cancel")  # what a customer's timeline shows of its loops
GROUPS = ("owner", "customer", "segment", "all")


@dataclass(frozen=True)
class Period:
    """[start, end): what happened at or after start and before end."""

    start: datetime
    end: datetime


class days_between(FunctionElement):  # noqa: N801 - reads like the SQL function it renders
    """Days (fractional) from the first datetime column to the second, in SQL."""

    type = sa.Float()
    inherit_cache = True


@compiles(days_between)
def _days_between_pg(element: days_between, compiler, **kw) -> str:  # noqa: ANN001
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"CAST(EXTRACT(EPOCH FROM ({end} - {start})) / 86400.0 AS DOUBLE PRECISION)"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element: days_between, compiler, **kw) -> str:  # noqa: ANN001
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"(julianday({end}) - julianday({start}))"


def _at(moment: datetime) -> sa.ColumnElement:
    """A time as a bound parameter stored the way columns store it (naive UTC)."""
    return sa.literal(moment, UTCDateTime())


def _count_if(condition: sa.ColumnElement) -> sa.ColumnElement:
    return func.coalesce(func.sum(sa.case((condition, 1), else_=0)), 0)


@dataclass
class LoopStats:
    """Loop counts of one group. Live counts are as of now; the rest within the period."""

    open: int = 0  # open or done, now
    overdue: int = 0  # open and past due, now
    closed: int = 0  # closed in the period
    cancelled: int = 0  # cancelled in the period
    opened: int = 0  # created in the period
    opened_kept: int = 0  # created in the period and not cancelled
    opened_closed: int = 0  # created in the period and closed before its end
    due: int = 0  # not cancelled, due in the period (up to now)
    on_time: int = 0  # of those, done by the due time

    @property
    def on_time_rate(self) -> float | None:
        return _ratio(self.on_time, self.due)

    @property
    def closure_rate(self) -> float | None:
        return _ratio(self.opened_closed, self.opened_kept)

    @property
    def missed(self) -> int:
        return self.due - self.on_time


@dataclass
class FeedbackStats:
    count: int = 0
    negative: int = 0  # sentiment below zero
    positive: int = 0  # sentiment above zero
    value: float = 0.0  # the sum of the customers' values over the items: the weighted view
    negative_value: float = 0.0


@dataclass
class CustomerFacts:
    id: int
    name: str
    segment: str
    value: float
    owner: str | None  # display name of the account owner (the id when no name is known)
    status: str
    created_at: datetime
    last_touchpoint: datetime | None


@dataclass
class WeekStats:
    feedback: int = 0
    opened: int = 0
    closed: int = 0
    cancelled: int = 0
    due: int = 0
    on_time: int = 0

    @property
    def missed(self) -> int:
        return self.due - self.on_time

    @property
    def on_time_rate(self) -> float | None:
        return _ratio(self.on_time, self.due)


@dataclass
class OverdueLoop:
    number: int
    customer: str
    what: str
    owner: str  # user id
    due_at: datetime


@dataclass
class Theme:
    customer_id: int
    customer: str
    count: int
    kinds: dict[str, int] = field(default_factory=dict)


@dataclass
class TimelineEntry:
    """One touchpoint: feedback (kind "feedback") or a loop event (created, update, done, ...)."""

    at: datetime
    kind: str
    who: str  # the author or actor (user id)
    text: str  # the feedback text or the loop's what
    permalink: str | None
    number: int | None = None
    note: str | None = None
    feedback_kind: str | None = None
    source: str | None = None
    deleted: bool = False


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _user_name(user_id: sa.ColumnElement, workspace_id: int):  # noqa: ANN202
    """(chat_user alias, join condition, display name — the id when no name is known)."""
    user = aliased(ChatUser)
    joined = (col(user.workspace_id) == workspace_id) & (col(user.external_id) == user_id)
    return user, joined, func.coalesce(func.nullif(user.name, ""), user_id)


class ReportRepo(_Repo):
    # ---- loops, grouped by owner, customer, segment or nothing ----------------------------

    def _loop_key(self, group: str) -> sa.ColumnElement | None:
        return {
            "owner": col(Loop.owner),
            "customer": col(Loop.customer_id),
            "segment": col(Customer.segment),
            "all": None,
        }[group]

    def _loop_rows(self, group: str, *columns: sa.ColumnElement, where: Sequence) -> list:
        key = self._loop_key(group)
        statement = select((key if key is not None else sa.null()).label("k"), *columns)
        statement = statement.select_from(Loop)
        if group == "segment":
            statement = statement.join(Customer, col(Customer.id) == col(Loop.customer_id))
        statement = statement.where(*where)
        if key is not None:
            statement = statement.group_by(key)
        return list(self.session.execute(statement).all())

    def loop_stats(
        self, workspace_id: int, group: str, period: Period, now: datetime
    ) -> dict[object, LoopStats]:
        """Open and overdue loops now; closed, cancelled, opened and due within the period."""
        ws = col(Loop.workspace_id) == workspace_id
        stats: dict[object, LoopStats] = defaultdict(LoopStats)
        start, end, due_end = _at(period.start), _at(period.end), _at(min(period.end, now))
        state = col(Loop.state)
        for key, live, overdue in self._loop_rows(
            group,
            func.count(),
            _count_if((state == "open") & (col(Loop.due_at) < _at(now))),
            where=[ws, state.in_(LIVE)],
        ):
            stats[key].open, stats[key].overdue = live, overdue
        for key, closed in self._loop_rows(
            group,
            func.count(),
            where=[ws, col(Loop.closed_at) >= start, col(Loop.closed_at) < end],
        ):
            stats[key].closed = closed
        for key, cancelled in self._loop_rows(
            group,
            func.count(),
            where=[
                ws,
                state == "cancelled",
                col(Loop.cancelled_at) >= start,
                col(Loop.cancelled_at) < end,
            ],
        ):
            stats[key].cancelled = cancelled
        kept = state != "cancelled"
        for key, opened, opened_kept, opened_closed in self._loop_rows(
            group,
            func.count(),
            _count_if(kept),
            _count_if(kept & (col(Loop.closed_at) < end)),
            where=[ws, col(Loop.created_at) >= start, col(Loop.created_at) < end],
        ):
            row = stats[key]
            row.opened, row.opened_kept, row.opened_closed = opened, opened_kept, opened_closed
        if period.start < now:
            for key, due, on_time in self._loop_rows(
                group,
                func.count(),
                _count_if(col(Loop.done_at) <= col(Loop.due_at)),
                where=[
                    ws,
                    state.in_(NOT_CANCELLED),
                    col(Loop.due_at) >= start,
                    col(Loop.due_at) < due_end,
                ],
            ):
                stats[key].due, stats[key].on_time = due, on_time
        return dict(stats)

    def days_to_close(
        self, workspace_id: int, group: str, period: Period, percents: Sequence[int] = (50, 90)
    ) -> dict[object, dict[int, float]]:
        """Percentiles (interpolated like percentile_cont) of days from opened to closed, for
        loops closed in the period. Window functions pick the one or two ranks each needs."""
        key = self._loop_key(group)
        days = days_between(col(Loop.created_at), col(Loop.closed_at))
        partition = [key] if key is not None else None
        statement = select(
            (key if key is not None else sa.null()).label("k"),
            days.label("days"),
            func.row_number().over(partition_by=partition, order_by=days).label("rn"),
            func.count().over(partition_by=partition).label("n"),
        ).select_from(Loop)
        if group == "segment":
            statement = statement.join(Customer, col(Customer.id) == col(Loop.customer_id))
        ranked = statement.where(
            col(Loop.workspace_id) == workspace_id,
            col(Loop.closed_at) >= _at(period.start),
            col(Loop.closed_at) < _at(period.end),
        ).subquery()
        wanted = sa.or_(
            *(
                ranked.c.rn.in_(
                    [(p * (ranked.c.n - 1)) // 100 + 1, (p * (ranked.c.n - 1)) // 100 + 2]
                )
                for p in percents
            )
        )
        rows = self.session.execute(
            select(ranked.c.k, ranked.c.n, ranked.c.rn, ranked.c.days).where(wanted)
        ).all()
        picked: dict[object, dict[int, float]] = defaultdict(dict)
        sizes: dict[object, int] = {}
        for key_value, n, rank, value in rows:
            picked[key_value][rank] = float(value)
            sizes[key_value] = n
        return {k: {p: _interpolate(picked[k], sizes[k], p) for p in percents} for k in picked}

    # ---- feedback --------------------------------------------------------------------------

    def feedback_stats(
        self, workspace_id: int, group: str, period: Period
    ) -> dict[object, FeedbackStats]:
        """Feedback in the period per customer, segment, kind or in all, with the value-weighted
        sums (each item weighs its customer's annual value)."""
        key = {
            "customer": col(Feedback.customer_id),
            "segment": col(Customer.segment),
            "kind": col(Feedback.kind),
            "all": None,
        }[group]
        negative = col(Feedback.sentiment) < 0
        value = col(Customer.value)
        statement = (
            select(
                (key if key is not None else sa.null()).label("k"),
                func.count(),
                _count_if(negative),
                _count_if(col(Feedback.sentiment) > 0),
                func.coalesce(func.sum(value), 0.0),
                func.coalesce(func.sum(sa.case((negative, value), else_=0.0)), 0.0),
            )
            .select_from(Feedback)
            .join(Customer, col(Customer.id) == col(Feedback.customer_id))
        )
        statement = statement.where(
            col(Feedback.workspace_id) == workspace_id,
            col(Feedback.created_at) >= _at(period.start),
            col(Feedback.created_at) < _at(period.end),
        )
        if key is not None:
            statement = statement.group_by(key)
        return {
            k: FeedbackStats(count, negative, positive, float(total), float(negative_total))
            for k, count, negative, positive, total, negative_total in self.session.execute(
                statement
            )
        }

    def top_concerns(
        self, workspace_id: int, period: Period, limit: int = 5
    ) -> list[tuple[str, float, int]]:
        """Customers whose negative feedback weighs most: (name, value, negative items),
        ranked by negative items × annual value."""
        count = func.count().label("negative")
        statement = (
            select(Customer.name, Customer.value, count)
            .select_from(Feedback)
            .join(Customer, col(Customer.id) == col(Feedback.customer_id))
            .where(
                col(Feedback.workspace_id) == workspace_id,
                col(Feedback.created_at) >= _at(period.start),
                col(Feedback.created_at) < _at(period.end),
                col(Feedback.sentiment) < 0,
            )
            .group_by(Customer.id, Customer.name, Customer.value)
            .order_by((func.count() * col(Customer.value)).desc(), Customer.name)
            .limit(limit)
        )
        return [(name, float(value), n) for name, value, n in self.session.execute(statement)]

    def themes(self, workspace_id: int, period: Period, limit: int = 3) -> list[Theme]:
        """The customers with the most feedback in the period and their feedback kinds."""
        top = (
            select(Feedback.customer_id, func.count().label("n"))
            .where(
                col(Feedback.workspace_id) == workspace_id,
                col(Feedback.created_at) >= _at(period.start),
                col(Feedback.created_at) < _at(period.end),
            )
            .group_by(Feedback.customer_id)
            .order_by(sa.desc("n"), Feedback.customer_id)
            .limit(limit)
        ).subquery()
        rows = self.session.execute(
            select(top.c.customer_id, Customer.name, top.c.n, Feedback.kind, func.count())
            .select_from(top)
            .join(Customer, col(Customer.id) == top.c.customer_id)
            .join(Feedback, col(Feedback.customer_id) == top.c.customer_id)
            .where(
                col(Feedback.workspace_id) == workspace_id,
                col(Feedback.created_at) >= _at(period.start),
                col(Feedback.created_at) < _at(period.end),
            )
            .group_by(top.c.customer_id, Customer.name, top.c.n, Feedback.kind)
        ).all()
        themes: dict[int, Theme] = {}
        for customer_id, name, total, kind, count in rows:
            themes.setdefault(customer_id, Theme(customer_id, name, total)).kinds[kind] = count
        return sorted(themes.values(), key=lambda t: (-t.count, t.customer))

    def feedback_texts(self, customer_id: int, period: Period, limit: int = 200) -> list[str]:
        """The newest texts of one customer's feedback in the period (for its top words)."""
        return list(
            self.session.execute(
                select(Feedback.text)
                .where(
                    col(Feedback.customer_id) == customer_id,
                    col(Feedback.created_at) >= _at(period.start),
                    col(Feedback.created_at) < _at(period.end),
                )
                .order_by(col(Feedback.created_at).desc())
                .limit(limit)
            ).scalars()
        )

    # ---- customers and touchpoints ---------------------------------------------------------

    def _last_touch_columns(
        self, as_of: datetime | None
    ) -> tuple[sa.ColumnElement, sa.ColumnElement]:
        """The newest feedback and the newest loop touchpoint of each customer (before `as_of`
        when given): one index seek each (ix_feedback_customer, ix_event_customer)."""
        before = _at(as_of) if as_of is not None else None
        last_feedback = (
            select(Feedback.created_at)
            .where(
                col(Feedback.workspace_id) == col(Customer.workspace_id),
                col(Feedback.customer_id) == col(Customer.id),
                *([col(Feedback.created_at) < before] if before is not None else []),
            )
            .order_by(col(Feedback.created_at).desc())
            .limit(1)
            .scalar_subquery()
        )
        last_event = (
            select(LoopEvent.at)
            .where(
                col(LoopEvent.customer_id) == col(Customer.id),
                col(LoopEvent.kind).in_(TOUCH_KINDS),
                *([col(LoopEvent.at) < before] if before is not None else []),
            )
            .order_by(col(LoopEvent.at).desc())
            .limit(1)
            .scalar_subquery()
        )
        return (
            sa.type_coerce(last_feedback, UTCDateTime()),
            sa.type_coerce(last_event, UTCDateTime()),
        )

    def customers(
        self,
        workspace_id: int,
        quiet_before: dict[str, datetime] | None = None,
        default_quiet_before: datetime | None = None,
        as_of: datetime | None = None,
    ) -> list[CustomerFacts]:
        """Every customer with account owner name and last touchpoint, biggest value first.

        With `default_quiet_before`: only active customers gone quiet, i.e. with no touchpoint
        (and not created) since their segment's cutoff in `quiet_before` (else the default).
        With `as_of`: as things stood then (touchpoints before it only).
        """
        last_feedback, last_event = self._last_touch_columns(as_of)
        owner, joined, owner_name = _user_name(col(Customer.owner), workspace_id)
        statement = (
            select(
                Customer.id,
                Customer.name,
                Customer.segment,
                Customer.value,
                owner_name,
                Customer.status,
                Customer.created_at,
                last_feedback,
                last_event,
            )
            .outerjoin(owner, joined)
            .where(col(Customer.workspace_id) == workspace_id)
        )
        if default_quiet_before is not None:
            cutoffs = {seg: _at(when) for seg, when in (quiet_before or {}).items()}
            cutoff = (
                sa.case(cutoffs, value=col(Customer.segment), else_=_at(default_quiet_before))
                if cutoffs
                else _at(default_quiet_before)
            )
            statement = statement.where(
                col(Customer.status) == "active",
                col(Customer.erased_at).is_(None),
                col(Customer.created_at) < cutoff,
                sa.or_(last_feedback.is_(None), last_feedback < cutoff),
                sa.or_(last_event.is_(None), last_event < cutoff),
            )
        statement = statement.order_by(col(Customer.value).desc(), Customer.name_key)
        return [
            CustomerFacts(
                cid,
                name,
                segment,
                float(value),
                owner,
                status,
                created,
                max((t for t in (fb, ev) if t is not None), default=None),
            )
            for cid, name, segment, value, owner, status, created, fb, ev in self.session.execute(
                statement
            )
        ]

    def segments(self, workspace_id: int) -> dict[str, tuple[int, float]]:
        """Customers (not erased) and their total value per segment."""
        rows = self.session.execute(
            select(Customer.segment, func.count(), func.coalesce(func.sum(Customer.value), 0.0))
            .where(col(Customer.workspace_id) == workspace_id, col(Customer.erased_at).is_(None))
            .group_by(Customer.segment)
        )
        return {segment: (n, float(value)) for segment, n, value in rows}

    # ---- weeks -----------------------------------------------------------------------------

    def weeks(
        self, workspace_id: int, bounds: Sequence[datetime], now: datetime
    ) -> list[WeekStats]:
        """Counts per week; `bounds` are the weeks' starts followed by the last week's end."""
        weeks = [WeekStats() for _ in bounds[:-1]]
        start, end = _at(bounds[0]), _at(bounds[-1])

        def per_week(column, model, *aggregates, where=()):  # noqa: ANN001, ANN202
            bucket = sa.case(
                *[(column < _at(b), i) for i, b in enumerate(bounds[1:-1])], else_=len(bounds) - 2
            ).label("week")
            statement = (
                select(bucket, *aggregates)
                .where(model.workspace_id == workspace_id, column >= start, column < end, *where)
                .group_by(sa.literal_column("week"))
            )
            return self.session.execute(statement).all()

        for week, n in per_week(col(Feedback.created_at), Feedback, func.count()):
            weeks[week].feedback = n
        for week, n in per_week(col(Loop.created_at), Loop, func.count()):
            weeks[week].opened = n
        for week, n in per_week(col(Loop.closed_at), Loop, func.count()):
            weeks[week].closed = n
        for week, n in per_week(
            col(Loop.cancelled_at), Loop, func.count(), where=[col(Loop.state) == "cancelled"]
        ):
            weeks[week].cancelled = n
        for week, due, on_time in per_week(
            col(Loop.due_at),
            Loop,
            func.count(),
            _count_if(col(Loop.done_at) <= col(Loop.due_at)),
            where=[col(Loop.state).in_(NOT_CANCELLED), col(Loop.due_at) < _at(now)],
        ):
            weeks[week].due, weeks[week].on_time = due, on_time
        return weeks

    def live_loops(self, workspace_id: int) -> int:
        """Loops open now (open or done: not yet closed or cancelled)."""
        return self.session.execute(
            select(func.count())
            .select_from(Loop)
            .where(col(Loop.workspace_id) == workspace_id, col(Loop.state).in_(LIVE))
        ).scalar_one()

    def worst_overdue(self, workspace_id: int, now: datetime, limit: int = 5) -> list[OverdueLoop]:
        """Open loops past due, the longest overdue first (ix_loop_state_due)."""
        rows = self.session.execute(
            select(Loop.number, Customer.name, Loop.what, Loop.owner, Loop.due_at)
            .join(Customer, col(Customer.id) == col(Loop.customer_id))
            .where(
                col(Loop.workspace_id) == workspace_id,
                col(Loop.state) == "open",
                col(Loop.due_at) < _at(now),
            )
            .order_by(col(Loop.due_at), col(Loop.number))
            .limit(limit)
        )
        return [OverdueLoop(*row) for row in rows]

    # ---- a customer's timeline -------------------------------------------------------------

    def timeline(self, customer_id: int, limit: int) -> list[TimelineEntry]:
        """The customer's newest `limit` touchpoints (feedback and loop events), newest first.

        Each side is read newest first through its index and cut at `limit`, so a page costs
        the same for a customer with ten items or a hundred thousand.
        """
        feedback = self.session.execute(
            select(
                Feedback.created_at,
                Feedback.id,
                Feedback.kind,
                Feedback.source,
                Feedback.author,
                Feedback.text,
                Feedback.permalink,
                Feedback.deleted_at,
            )
            .where(col(Feedback.customer_id) == customer_id)
            .order_by(col(Feedback.created_at).desc(), col(Feedback.id).desc())
            .limit(limit)
        ).all()
        events = self.session.execute(
            select(
                LoopEvent.at,
                LoopEvent.id,
                LoopEvent.kind,
                Loop.number,
                LoopEvent.actor,
                Loop.what,
                Feedback.permalink,
                LoopEvent.note,
            )
            .join(Loop, col(Loop.id) == col(LoopEvent.loop_id))
            .outerjoin(Feedback, col(Feedback.id) == col(Loop.feedback_id))
            .where(
                col(LoopEvent.customer_id) == customer_id, col(LoopEvent.kind).in_(TIMELINE_KINDS)
            )
            .order_by(col(LoopEvent.at).desc(), col(LoopEvent.id).desc())
            .limit(limit)
        ).all()
        entries = [
            TimelineEntry(
                at,
                "feedback",
                author,
                text,
                permalink,
                feedback_kind=kind,
                source=source,
                deleted=deleted is not None,
            )
            for at, _id, kind, source, author, text, permalink, deleted in feedback
        ] + [
            TimelineEntry(at, kind, actor, what, permalink, number=number, note=note)
            for at, _id, kind, number, actor, what, permalink, note in events
        ]
        entries.sort(key=lambda e: e.at, reverse=True)
        return entries[:limit]

    def customer_loops(self, customer_id: int, now: datetime) -> tuple[int, int]:
        """(open, overdue) loops of one customer now (ix_loop_customer)."""
        live, overdue = self.session.execute(
            select(
                func.count(),
                _count_if((col(Loop.state) == "open") & (col(Loop.due_at) < _at(now))),
            ).where(col(Loop.customer_id) == customer_id, col(Loop.state).in_(LIVE))
        ).one()
        return live, overdue

    def timeline_size(self, customer_id: int) -> tuple[int, int]:
        """(feedback items, loop touchpoints) of the customer: the timeline's length."""
        feedback = self.session.execute(
            select(func.count())
            .select_from(Feedback)
            .where(col(Feedback.customer_id) == customer_id)
        ).scalar_one()
        events = self.session.execute(
            select(func.count())
            .select_from(LoopEvent)
            .where(
                col(LoopEvent.customer_id) == customer_id, col(LoopEvent.kind).in_(TIMELINE_KINDS)
            )
        ).scalar_one()
        return feedback, events

    # ---- exports ---------------------------------------------------------------------------

    def loop_rows(self, workspace_id: int, since: datetime | None = None) -> list[tuple]:
        """(number, customer, what, owner name, state, due, created, closed) per loop, by
        number; only loops created since `since` when given."""
        owner, joined, owner_name = _user_name(col(Loop.owner), workspace_id)
        statement = (
            select(
                Loop.number,
                Customer.name,
                Loop.what,
                owner_name,
                Loop.state,
                Loop.due_at,
                Loop.created_at,
                Loop.closed_at,
            )
            .join(Customer, col(Customer.id) == col(Loop.customer_id))
            .outerjoin(owner, joined)
            .where(col(Loop.workspace_id) == workspace_id)
            .order_by(col(Loop.number))
        )
        if since is not None:
            statement = statement.where(col(Loop.created_at) >= _at(since))
        return list(self.session.execute(statement).all())

    def feedback_rows(self, workspace_id: int, since: datetime | None = None) -> list[tuple]:
        """(id, customer, text, kind, sentiment, source, author name, channel, permalink,
        created) per feedback item, oldest first; only since `since` when given."""
        author, joined, author_name = _user_name(col(Feedback.author), workspace_id)
        statement = (
            select(
                Feedback.id,
                Customer.name,
                Feedback.text,
                Feedback.kind,
                Feedback.sentiment,
                Feedback.source,
                author_name,
                Feedback.channel,
                Feedback.permalink,
                Feedback.created_at,
            )
            .join(Customer, col(Customer.id) == col(Feedback.customer_id))
            .outerjoin(author, joined)
            .where(col(Feedback.workspace_id) == workspace_id)
            .order_by(col(Feedback.created_at), col(Feedback.id))
        )
        if since is not None:
            statement = statement.where(col(Feedback.created_at) >= _at(since))
        return list(self.session.execute(statement).all())


def _interpolate(values_by_rank: dict[int, float], n: int, percent: int) -> float:
    """percentile_cont: between the ranks around percent·(n−1), linearly."""
    position = percent * (n - 1)
    low = position // 100 + 1
    low_value = values_by_rank[low]
    high_value = values_by_rank.get(low + 1, low_value)
    return low_value + (high_value - low_value) * (position % 100) / 100
