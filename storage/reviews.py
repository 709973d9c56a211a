"""What a customer review and the health report read: one customer's feedback and loops in a
quarter, and every customer's feedback sentiment in a period, as aggregates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import col, func, select

from storage.models import Customer, Feedback, Loop
from storage.queries import Period, at, count_if, days_between, percentiles, unindexed
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
    last_touch: datetime | None
    per_week: list[int]  # made in each week
    kept_per_week: list[int]  # due in each week and kept on time
    median_days_to_close: float | None


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
        statement = select(func.max(Feedback.created_at)).where(
            col(Feedback.workspace_id) == workspace_id,
            col(Feedback.customer_id) == customer_id,
            col(Feedback.created_at) < at(before),
        )
        found = self._run(statement).scalar_one()
        return _aware(found)

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
        kept on time, closed in it, open and overdue at `as_of`, the last touch before `as_of`,
        made and kept on time (by due date) per week (`weeks` are the bounds), and the median
        days to close of those closed in it. Only loops made before the quarter's end count.
        Each number is a count of one range of ix_loop_customer_created, _due or _closed, all
        in one statement; open at `as_of` is two ranges of closed_at: not closed, or closed at
        or after `as_of`."""
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

        def newest(column: sa.ColumnElement, *where: sa.ColumnElement) -> sa.ScalarSelect:
            return select(func.max(column)).where(*mine, *where).scalar_subquery()

        kept = state != "cancelled"
        in_due = [due >= start, due < now, kept]  # ix_loop_customer_due
        # open at as_of (made before it, not cancelled, not closed by then): two ranges of
        # ix_loop_customer_closed, not closed or closed at or after as_of
        live = [
            [closed.is_(None), made_before < now, kept],
            [closed >= now, made_before < now, kept],
        ]
        overdue = [unindexed(due) < now, done.is_(None) | (done >= now)]
        row = self._run(
            select(
                count(created >= start, created < end),
                count(*in_due),
                count(*in_due, done <= due),
                count(closed >= start, closed < end),
                *(count(*ranges) for ranges in live),
                *(count(*ranges, *overdue) for ranges in live),
                newest(created, created < now),
                newest(closed, closed < now),
                # A closed loop was done by the time it closed (closing marks it done), so the
                # last delivery before as_of is newer than the last closure only on a loop
                # still open at as_of.
                *(newest(done, ranges[0], unindexed(done) < now) for ranges in live),
                *(count(created >= at(a), created < at(b)) for a, b in _pairs(weeks)),
                *(count(due >= at(a), due < at(b), kept, done <= due) for a, b in _pairs(weeks)),
            )
        ).one()
        made, due_n, on_time, closed_n, *live_n = (int(n or 0) for n in row[:8])
        touches = [_aware(t) for t in row[8:12]]
        return Commitments(
            made, due_n, on_time, closed_n, live_n[0] + live_n[1], live_n[2] + live_n[3],
            max((t for t in touches if t), default=None),
            [int(n or 0) for n in row[12 : 12 + len(weeks) - 1]],
            [int(n or 0) for n in row[12 + len(weeks) - 1 :]],
            self._median_days([*mine, closed >= start, closed < end], closed_n),
        )  # fmt: skip

    def first_response_per_week(
        self, workspace_id: int, customer_id: int, bounds: list[datetime]
    ) -> list[float | None]:
        """Per week: the median minutes from the customer's message to our first reply, over
        the customer's reply loops opened that week and answered (None: none answered)."""
        created, answered = col(Loop.created_at), col(Loop.first_response_at)
        weeks = _pairs(bounds)
        if not weeks:
            return []
        week = sa.case(*((created < at(b), i) for i, (_a, b) in enumerate(weeks)))
        medians = percentiles(
            self._run,
            week,
            days_between(created, answered) * MINUTES_A_DAY,
            [
                col(Loop.workspace_id) == workspace_id,
                col(Loop.customer_id) == customer_id,
                created >= at(bounds[0]),
                created < at(bounds[-1]),
                col(Loop.reply_ts).is_not(None),
                col(Loop.state) != "cancelled",
                answered.is_not(None),
            ],
            (50,),
        )
        return [medians[i][50] if i in medians else None for i in range(len(weeks))]

    def _median_days(self, where: list[sa.ColumnElement], n: int) -> float | None:
        """The median days from made to closed of the `n` loops `where` picks: the database
        orders them, Python reads the middle one or two and subtracts their exact times."""
        if not n:
            return None
        created, closed = col(Loop.created_at), col(Loop.closed_at)
        middle = select(created, closed).where(*where).order_by(days_between(created, closed))
        rows = self._run(middle.offset((n - 1) // 2).limit(2 - n % 2)).all()
        days = [(_aware(b) - _aware(a)).total_seconds() / 86400 for a, b in rows]  # type: ignore[operator]
        return sum(days) / len(days)

    def negative_by_customer(self, workspace_id: int, period: Period) -> dict[int, tuple[int, int]]:
        """Per customer: (feedback items, negative items) in the period. PostgreSQL hashes the
        period's range of ix_feedback_ws_created in parallel; SQLite, which would sort that
        range, counts customer by customer instead, each a range of ix_feedback_customer."""
        negative = col(Feedback.sentiment) < 0
        if self.session.connection().dialect.name == "postgresql":
            customer = col(Feedback.customer_id)
            statement = (
                select(customer, func.count(), count_if(negative))
                .where(
                    col(Feedback.workspace_id) == workspace_id,
                    col(Feedback.created_at) >= at(period.start),
                    col(Feedback.created_at) < at(period.end),
                )
                .group_by(customer)
            )
        else:

            def count(*where: sa.ColumnElement) -> sa.ScalarSelect:
                mine = _said(workspace_id, col(Customer.id), period.start, period.end)
                return select(func.count()).where(*mine, *where).scalar_subquery()

            statement = select(Customer.id, count(), count(negative)).where(
                col(Customer.workspace_id) == workspace_id
            )
        return {cid: (n, bad) for cid, n, bad in self._run(statement) if n}

    def set_status(self, customer: Customer, status: str, now: datetime) -> None:
        customer.status = status
        customer.churned_at = now if status == "churned" else None
        self.session.add(customer)


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


def _aware(moment: datetime | str | None) -> datetime | None:
    """A MAX() over a time column comes back as the stored naive UTC (SQLite: text)."""
    if moment is None:
        return None
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
