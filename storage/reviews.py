"""What a customer review and the health report read: one customer's feedback and loops in a
quarter, and what every customer's health is computed from, as aggregates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

import sqlalchemy as sa
from sqlmodel import col, func, select

from bot.core.loops import NOT_CANCELLED
from storage.models import Customer, Feedback, FeedbackDay, Loop
from storage.queries import (
    Period,
    at,
    aware,
    count_if,
    days_between,
    unindexed,
)
from storage.repos import _Repo
from storage.responses import MINUTES_A_DAY


@dataclass(frozen=True)
class Commitments:
    made: int
    due: int
    kept_on_time: int
    closed: int
    open: int
    overdue: int
    overdue_promises: int  # of the overdue: the commitments (not reply loops)
    unanswered: int  # of the overdue: reply loops with no first response by then
    per_week: list[int]  # made in each week
    kept_per_week: list[int]  # due in each week and kept on time
    median_days_to_close: float | None


TWICE = 2**32  # two counts in one integer: the first times this, plus the second


class HealthRow(NamedTuple):
    """One customer and what its health is computed from, over a period ending now."""

    id: int
    name: str
    name_key: str
    segment: str
    value: float
    owner: str | None  # the account owner's user id
    status: str
    heard: datetime | None  # the newest feedback from or about them, else when they were added
    feedback: int
    negative: int
    due: int  # commitments due in the period (not cancelled)
    on_time: int  # of those, done by their due time


@dataclass(frozen=True)
class Quote:
    text: str
    sentiment: float
    permalink: str | None
    created_at: datetime


class ReviewRepo(_Repo):
    """Every count is an index range of one customer (ix_feedback_customer, ix_loop_customer_*)
    read without touching the rows: a review of the biggest customer stays a few index ranges."""

    def feedback_kinds(
        self, workspace_id: int, customer_id: int, period: Period
    ) -> dict[str, tuple[int, int]]:
        """Per kind: (items, negative items) of the customer's feedback in the period."""
        kind = unindexed(col(Feedback.kind))  # not ix_feedback_kind's walk over every customer
        statement = (
            select(kind, func.count(), count_if(col(Feedback.sentiment) < 0))
            .where(*_said(workspace_id, customer_id, period.start, period.end))
            .group_by(kind)
        )
        return {kind: (n, negative) for kind, n, negative in self._run(statement)}

    def most_negative(
        self, workspace_id: int, customer_id: int, period: Period, limit: int = 3
    ) -> list[Quote]:
        """The most negative items first: picked by id from the index, then only those rows
        are read (sorting every negative row with its text would read them all)."""
        order = (col(Feedback.sentiment), col(Feedback.created_at))
        picked = (
            select(Feedback.id)
            .where(
                *_said(workspace_id, customer_id, period.start, period.end),
                col(Feedback.sentiment) < 0,
            )
            .order_by(*order)
            .limit(limit)
        )
        statement = (
            select(Feedback.text, Feedback.sentiment, Feedback.permalink, Feedback.created_at)
            .where(col(Feedback.id).in_(picked.scalar_subquery()))
            .order_by(*order)
        )
        return [Quote(*row) for row in self._run(statement)]

    def last_feedback(
        self, workspace_id: int, customer_id: int, before: datetime
    ) -> datetime | None:
        """When the customer's newest feedback before `before` was given."""
        found = self._run(_last_said(workspace_id, customer_id, at(before))).scalar_one()
        return aware(found)

    def feedback_per_week(
        self, workspace_id: int, customer_id: int, bounds: list[datetime]
    ) -> list[int]:
        """The customer's feedback items in each [bounds[i], bounds[i+1]): one count of one
        index range per week."""
        weeks = [
            select(func.count()).where(*_said(workspace_id, customer_id, a, b)).scalar_subquery()
            for a, b in _pairs(bounds)
        ]
        if not weeks:
            return []
        return [int(n or 0) for n in self._run(select(*weeks)).one()]

    def commitments(
        self, workspace_id: int, customer_id: int, period: Period, as_of: datetime,
        weeks: list[datetime],
    ) -> Commitments:  # fmt: skip
        """The customer's commitments in a quarter: made in it, due in it (up to `as_of`) and
        kept on time, closed in it, open and overdue at `as_of` (and of those overdue, the reply
        loops not answered by then), made and kept on time (by due date) per week (`weeks` are
        the bounds), and the median days to close of those closed in it. Only loops made before
        the quarter's end count. Each number is a count of one range of
        ix_loop_customer_created, _due or _closed, all in one statement; open at `as_of` is two
        ranges of closed_at: not closed, or closed at or after `as_of`."""
        created, due, done = col(Loop.created_at), col(Loop.due_at), col(Loop.done_at)
        closed, state = col(Loop.closed_at), col(Loop.state)
        start, end, now = at(period.start), at(period.end), at(as_of)
        # Only the range each count is shaped for is left to an index (see `unindexed`).
        made_before = unindexed(created)
        mine = [
            col(Loop.workspace_id) == workspace_id,
            col(Loop.customer_id) == customer_id,
            made_before < end,
        ]

        def count(*where: sa.ColumnElement) -> sa.ScalarSelect:
            return select(func.count()).select_from(Loop).where(*mine, *where).scalar_subquery()

        kept = state != "cancelled"
        in_due = [due >= start, due < now, kept]  # ix_loop_customer_due
        # open at as_of (made before it, not cancelled, not closed by then): two ranges of
        # ix_loop_customer_closed, not closed or closed at or after as_of
        live = [
            [closed.is_(None), made_before < now, kept],
            [closed >= now, made_before < now, kept],
        ]
        overdue = [unindexed(due) < now, done.is_(None) | (done >= now)]
        answered, asked = col(Loop.first_response_at), col(Loop.reply_ts)
        promised = [asked.is_(None)]
        unanswered = [asked.is_not(None), answered.is_(None) | (answered >= now)]
        row = self._run(
            select(
                count(created >= start, created < end),
                count(*in_due),
                count(*in_due, done <= due),
                count(closed >= start, closed < end),
                *(count(*ranges) for ranges in live),
                *(count(*ranges, *overdue) for ranges in live),
                *(count(*ranges, *overdue, *promised) for ranges in live),
                *(count(*ranges, *overdue, *unanswered) for ranges in live),
                *(count(created >= at(a), created < at(b)) for a, b in _pairs(weeks)),
                *(count(due >= at(a), due < at(b), kept, done <= due) for a, b in _pairs(weeks)),
            )
        ).one()
        made, due_n, on_time, closed_n, *live_n = (int(n or 0) for n in row[:12])
        return Commitments(
            made, due_n, on_time, closed_n, *(live_n[i] + live_n[i + 1] for i in (0, 2, 4, 6)),
            [int(n or 0) for n in row[12 : 12 + len(weeks) - 1]],
            [int(n or 0) for n in row[12 + len(weeks) - 1 :]],
            self._median_days([*mine, closed >= start, closed < end], closed_n),
        )  # fmt: skip

    def first_responses(
        self, workspace_id: int, customer_id: int, start: datetime, end: datetime
    ) -> list[tuple[datetime, float]]:
        """(when the customer asked, minutes to our first reply) of each of the customer's
        reply loops opened in [start, end) and answered, cancelled ones left out: one range of
        ix_loop_customer_created, oldest first."""
        created, answered = col(Loop.created_at), col(Loop.first_response_at)
        rows = self._run(
            select(
                sa.type_coerce(created, sa.types.NullType()),
                days_between(created, answered) * MINUTES_A_DAY,
            )
            .where(
                col(Loop.workspace_id) == workspace_id,
                col(Loop.customer_id) == customer_id,
                created >= at(start),
                created < at(end),
                col(Loop.reply_ts).is_not(None),
                col(Loop.state) != "cancelled",
                answered.is_not(None),
            )
            .order_by(created)
        ).all()
        return [(aware(asked), float(waited)) for asked, waited in rows]  # type: ignore[misc]

    def _median_days(self, where: list[sa.ColumnElement], n: int) -> float | None:
        """The median days from made to closed of the `n` loops `where` picks: the database
        orders them, Python reads the middle one or two and subtracts their exact times."""
        if not n:
            return None
        created, closed = col(Loop.created_at), col(Loop.closed_at)
        middle = select(created, closed).where(*where).order_by(days_between(created, closed))
        rows = self._run(middle.offset((n - 1) // 2).limit(2 - n % 2)).all()
        days = [(aware(b) - aware(a)).total_seconds() / 86400 for a, b in rows]  # type: ignore[operator]
        return sum(days) / len(days)

    def health_rows(
        self, workspace_id: int, period: Period, after: tuple[float, str] | None = None,
        limit: int | None = None,
    ) -> list[HealthRow]:  # fmt: skip
        """Customers biggest value first (then by name), with what their health is computed
        from over `period` (ending now): feedback items and negative ones in it, when they were
        last heard (their newest feedback before its end, else when they were added), and the
        commitments due in it and kept on time; with `after` (a row's (value, name_key)) only
        those ranked after it, with `limit` the first ones only. Overdue loops, unanswered
        questions and CSAT come from `live_loops` and the CSAT answers. (For every customer,
        `health_customers` and `health_said` read the same, faster, side by side.)

        Each customer's numbers are read from its own ranges of ix_feedback_customer and
        ix_loop_customer_due; a correlated subquery gives one value, so two counts ride in one
        integer (items * 2**32 + negative)."""
        value, key = col(Customer.value), col(Customer.name_key)
        ranked = [col(Customer.workspace_id) == workspace_id]
        if after is not None:
            ranked.append((value < after[0]) | ((value == after[0]) & (key > after[1])))
        order = (value.desc(), key)
        if limit is not None:
            picked = select(Customer.id).where(*ranked).order_by(*order).limit(limit)
            ranked = [col(Customer.id).in_(picked.scalar_subquery())]
        heard = func.coalesce(
            _last_said(workspace_id, col(Customer.id), at(period.end)).scalar_subquery(),
            col(Customer.created_at),
        )
        said = (
            select(func.count() * _TWICE + count_if(col(Feedback.sentiment) < 0))
            .where(*_said(workspace_id, col(Customer.id), period.start, period.end))
            .scalar_subquery()
        )
        statement = (
            select(*_SHOWN, sa.type_coerce(heard, _RAW), said, _kept(workspace_id, period))
            .where(*ranked)
            .order_by(*order)
        )
        make = HealthRow._make
        return [
            make((*row[:7], aware(row[7]), *divmod(row[8] or 0, TWICE),
                  *divmod(row[9] or 0, TWICE)))
            for row in self._run(statement).all()
        ]  # fmt: skip

    def health_customers(self, workspace_id: int, period: Period) -> list[HealthRow]:
        """Every customer, in no order, with the commitments due in `period` and kept on time,
        but nothing of their feedback (`feedback` and `negative` 0, `heard` None): that is
        `health_said`'s, read beside it on another connection.

        One JSON document the database builds (see `_document`); SQLite counts each
        customer's range of ix_loop_customer_due, PostgreSQL hashes the period's loops."""
        mine = col(Customer.workspace_id) == workspace_id
        if self._dialect == "postgresql":
            due, done = col(Loop.due_at), col(Loop.done_at)
            kept = (
                select(col(Loop.customer_id).label("cid"), func.count().label("n"),
                       count_if(done <= due).label("kept"))
                .where(*_loops_due(workspace_id, period))
                .group_by(col(Loop.customer_id))
                .subquery()
            )  # fmt: skip
            statement = (
                select(*_SHOWN, func.coalesce(kept.c.n, 0) * _TWICE
                       + func.coalesce(kept.c.kept, 0))
                .outerjoin(kept, kept.c.cid == col(Customer.id))
                .where(mine)
            )  # fmt: skip
        else:
            statement = select(*_SHOWN, _kept(workspace_id, period)).where(mine)
        make = HealthRow._make
        return [
            make((*row[:4], float(row[4]), *row[5:7], None, 0, 0, *divmod(row[7] or 0, TWICE)))
            for row in self._document(statement)
        ]

    def health_said(
        self, workspace_id: int, period: Period
    ) -> dict[int, tuple[int, int, datetime | None]]:
        """Per customer: (feedback items in `period`, negative ones, when they were last heard:
        their newest feedback before the period's end, else when they were added).

        The period's whole UTC days are summed from feedback_day (SQLite: each customer's
        range of its key, two sums in one integer as in `health_rows`; PostgreSQL: the days'
        range of ix_feedback_day_day, hashed), its partial first and last days counted from
        feedback (`_partial_days`). SQLite seeks each customer's newest feedback before the
        end; PostgreSQL takes the days' newest and seeks only for customers silent in them.
        One JSON document either way (see `_document`)."""
        customer, created = col(Customer.id), col(Customer.created_at)
        mine = col(Customer.workspace_id) == workspace_id
        before = _last_said(workspace_id, customer, at(period.end)).scalar_subquery()
        first, last = _whole_days(period)
        days = [col(FeedbackDay.workspace_id) == workspace_id,
                col(FeedbackDay.day) >= first, col(FeedbackDay.day) < last]  # fmt: skip
        items, negative = col(FeedbackDay.items), col(FeedbackDay.negative)
        if self._dialect == "postgresql":
            said = (
                select(col(FeedbackDay.customer_id).label("cid"),
                       func.sum(items).label("n"), func.sum(negative).label("bad"),
                       func.max(FeedbackDay.last_at).label("last"))
                .where(*days)
                .group_by(col(FeedbackDay.customer_id))
                .subquery()
            )  # fmt: skip
            statement = (
                select(customer, func.coalesce(said.c.n, 0) * _TWICE
                       + func.coalesce(said.c.bad, 0),
                       # the newest before the end only for those silent in the whole days
                       func.coalesce(said.c.last, before, created))
                .outerjoin(said, said.c.cid == customer)
                .where(mine)
            )  # fmt: skip
        else:
            summed = (
                select(func.sum(items) * _TWICE + func.sum(negative))
                .where(*days, col(FeedbackDay.customer_id) == customer)
                .scalar_subquery()
            )
            statement = select(customer, summed, func.coalesce(before, created)).where(mine)
        found = {
            cid: [*divmod(packed or 0, TWICE), aware(heard)]
            for cid, packed, heard in self._document(statement)
        }
        for cid, n, bad, newest in self._partial_days(workspace_id, period, first, last):
            if (numbers := found.get(cid)) is not None:
                numbers[0] += n
                numbers[1] += bad
                numbers[2] = max(numbers[2] or newest, newest)
        return {cid: (n, bad, heard) for cid, (n, bad, heard) in found.items()}

    def _partial_days(
        self, workspace_id: int, period: Period, first: date, last: date
    ) -> list[tuple[int, int, int, datetime]]:
        """Per customer: (items, negative items, newest) of the feedback in the period before
        its first whole day and from its last whole day's end on: a day or two of the
        workspace's feedback, each a range of ix_feedback_ws_created."""
        stamp, who = col(Feedback.created_at), unindexed(col(Feedback.customer_id))
        found = []
        for a, b in _partial_ranges(period, first, last):
            statement = (
                select(who, func.count(), count_if(col(Feedback.sentiment) < 0),
                       sa.type_coerce(func.max(stamp), _RAW))
                .where(col(Feedback.workspace_id) == workspace_id, stamp >= at(a), stamp < at(b))
                .group_by(who)
            )  # fmt: skip
            found += [(cid, n, bad, aware(newest)) for cid, n, bad, newest in self._run(statement)]
        return found  # type: ignore[return-value]

    def live_loops(self, workspace_id: int, now: datetime) -> dict[int, tuple[int, int]]:
        """Per customer, of the loops open past their due time: (commitments, reply loops nobody
        has answered) — an answered reply loop still open is neither. The open range of
        ix_loop_state_due past `now`, its rows read for the reply columns."""
        state, due = col(Loop.state), col(Loop.due_at)
        answered = col(Loop.first_response_at)
        customer = unindexed(col(Loop.customer_id))
        statement = (
            select(
                customer, count_if(col(Loop.reply_ts).is_(None)),
                count_if(col(Loop.reply_ts).is_not(None) & answered.is_(None)),
            )
            .where(col(Loop.workspace_id) == workspace_id, state == "open", due < at(now))
            .group_by(customer)
        )  # fmt: skip
        return {cid: (int(n), int(q)) for cid, n, q in self._run(statement).all()}

    def set_status(self, customer: Customer, status: str, now: datetime) -> None:
        customer.status = status
        customer.churned_at = now if status == "churned" else None
        self.session.add(customer)


_SHOWN = (Customer.id, Customer.name, Customer.name_key, Customer.segment, Customer.value,
          Customer.owner, Customer.status)  # fmt: skip
_RAW = sa.types.NullType()  # read as stored (see `aware`): no type processing per row
_TWICE = sa.literal(TWICE, sa.BigInteger())


def _whole_days(period: Period) -> tuple[date, date]:
    """The first whole UTC day in `period` and the day after its last whole one (equal when
    there is none)."""
    start, end = period.start.astimezone(UTC), period.end.astimezone(UTC)
    first = start.date() + timedelta(days=0 if start == _midnight(start.date()) else 1)
    return first, max(first, end.date())


def _partial_ranges(period: Period, first: date, last: date) -> list[tuple[datetime, datetime]]:
    """What of `period` lies outside its whole days [first, last): before and after them (all
    of it when there are none); empty ranges left out."""
    if first >= last:
        ranges = [(period.start, period.end)]
    else:
        ranges = [(period.start, _midnight(first)), (_midnight(last), period.end)]
    return [(a, b) for a, b in ranges if a < b]


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def _loops_due(workspace_id: int, period: Period) -> list[sa.ColumnElement]:
    """The workspace's commitments due in `period`, cancelled ones left out."""
    due = col(Loop.due_at)
    return [
        col(Loop.workspace_id) == workspace_id,
        due >= at(period.start),
        due < at(period.end),
        col(Loop.state).in_(NOT_CANCELLED),
    ]


def _kept(workspace_id: int, period: Period) -> sa.ScalarSelect:
    """The outer query's customer's commitments due in `period` and, of those, kept on time,
    as due * 2**32 + kept: one range of ix_loop_customer_due."""
    return (
        select(func.count() * _TWICE + count_if(col(Loop.done_at) <= col(Loop.due_at)))
        .select_from(Loop)
        .where(*_loops_due(workspace_id, period), col(Loop.customer_id) == col(Customer.id))
        .scalar_subquery()
    )


def _last_said(
    workspace_id: int, customer_id: int | sa.ColumnElement, before: sa.ColumnElement
) -> sa.Select:
    """The newest feedback from or about the customer (an id, or the outer query's customer
    column) before `before`: one backward seek of ix_feedback_customer."""
    return select(func.max(Feedback.created_at)).where(
        col(Feedback.workspace_id) == workspace_id,
        col(Feedback.customer_id) == customer_id,
        col(Feedback.created_at) < before,
    )


def _pairs(bounds: list[datetime]) -> list[tuple[datetime, datetime]]:
    """[start, end) of each week the bounds cut."""
    return list(zip(bounds, bounds[1:], strict=False))


def _said(
    workspace_id: int, customer_id: int | sa.ColumnElement, start: datetime, end: datetime
) -> list[sa.ColumnElement]:
    """The customer's feedback given in [start, end): one range of ix_feedback_customer."""
    created = col(Feedback.created_at)
    return [
        col(Feedback.workspace_id) == workspace_id,
        col(Feedback.customer_id) == customer_id,
        created >= at(start),
        created < at(end),
    ]
