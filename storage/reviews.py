"""What a customer review and the health report read: one customer's feedback and loops in a
quarter, and every customer's feedback sentiment in a period, as aggregates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import col, func, select

from storage.models import Customer, Feedback, Loop
from storage.queries import Period, at, count_if
from storage.repos import _Repo


@dataclass(frozen=True)
class Commitments:
    made: int
    due: int
    kept_on_time: int
    closed: int
    open: int
    overdue: int
    last_touch: datetime | None
    per_week: list[int]
    days_to_close: list[float]


@dataclass(frozen=True)
class Quote:
    text: str
    sentiment: float
    permalink: str | None
    created_at: datetime


class ReviewRepo(_Repo):
    def feedback_kinds(
        self, workspace_id: int, customer_id: int, period: Period
    ) -> dict[str, tuple[int, int]]:
        """Per kind: (items, negative items) of the customer's feedback in the period."""
        created = col(Feedback.created_at)
        statement = (
            select(Feedback.kind, func.count(), count_if(col(Feedback.sentiment) < 0))
            .where(
                col(Feedback.workspace_id) == workspace_id,
                col(Feedback.customer_id) == customer_id,
                created >= at(period.start),
                created < at(period.end),
            )
            .group_by(Feedback.kind)
        )
        return {kind: (n, negative) for kind, n, negative in self._run(statement)}

    def most_negative(
        self, workspace_id: int, customer_id: int, period: Period, limit: int = 3
    ) -> list[Quote]:
        created = col(Feedback.created_at)
        statement = (
            select(Feedback.text, Feedback.sentiment, Feedback.permalink, Feedback.created_at)
            .where(
                col(Feedback.workspace_id) == workspace_id,
                col(Feedback.customer_id) == customer_id,
                created >= at(period.start),
                created < at(period.end),
                col(Feedback.sentiment) < 0,
            )
            .order_by(col(Feedback.sentiment), created)
            .limit(limit)
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
        """The customer's feedback items in each [bounds[i], bounds[i+1]): one indexed range."""
        created = col(Feedback.created_at)
        weeks = [
            count_if((created >= at(start)) & (created < at(end)))
            for start, end in zip(bounds, bounds[1:], strict=False)
        ]
        if not weeks:
            return []
        statement = select(*weeks).where(
            col(Feedback.workspace_id) == workspace_id,
            col(Feedback.customer_id) == customer_id,
            created >= at(bounds[0]),
            created < at(bounds[-1]),
        )
        return [int(n or 0) for n in self._run(statement).one()]

    def commitments(
        self, workspace_id: int, customer_id: int, period: Period, as_of: datetime,
        weeks: list[datetime],
    ) -> Commitments:  # fmt: skip
        """The customer's commitments in a quarter, counted in the database: made in it, due in it
        (up to `as_of`) and kept on time, closed in it, open and overdue at `as_of`, the last
        touch before `as_of`, made per week (`weeks` are the bounds), and the days to close of
        those closed in it."""
        created, due, done = col(Loop.created_at), col(Loop.due_at), col(Loop.done_at)
        closed, state = col(Loop.closed_at), col(Loop.state)
        start, end, now = at(period.start), at(period.end), at(as_of)
        in_due = (due >= start) & (due < now) & (state != "cancelled")
        live = (created < now) & (closed.is_(None) | (closed >= now)) & (state != "cancelled")
        undone = done.is_(None) | (done >= now)
        before = [func.max(sa.case((column < now, column))) for column in (created, done, closed)]
        per_week = [
            count_if((created >= at(a)) & (created < at(b)))
            for a, b in zip(weeks, weeks[1:], strict=False)
        ]
        where = [
            col(Loop.workspace_id) == workspace_id,
            col(Loop.customer_id) == customer_id,
            created < end,
        ]
        row = self._run(
            select(
                count_if(created >= start),
                count_if(in_due),
                count_if(in_due & (done <= due)),
                count_if((closed >= start) & (closed < end)),
                count_if(live),
                count_if(live & (due < now) & undone),
                *before,
                *per_week,
            ).where(*where)
        ).one()
        made, due_n, kept, closed_n, open_n, overdue, *rest = row
        touches = [_aware(t) for t in rest[:3]]
        spans = self._run(
            select(Loop.created_at, Loop.closed_at).where(*where, closed >= start, closed < end)
        )
        days = [(_aware(b) - _aware(a)).total_seconds() / 86400 for a, b in spans]  # type: ignore[operator]
        return Commitments(
            int(made or 0), int(due_n or 0), int(kept or 0), int(closed_n or 0),
            int(open_n or 0), int(overdue or 0), max((t for t in touches if t), default=None),
            [int(n or 0) for n in rest[3:]], days,
        )  # fmt: skip

    def negative_by_customer(self, workspace_id: int, period: Period) -> dict[int, tuple[int, int]]:
        """Per customer: (feedback items, negative items) in the period."""
        created = col(Feedback.created_at)
        statement = (
            select(Feedback.customer_id, func.count(), count_if(col(Feedback.sentiment) < 0))
            .where(
                col(Feedback.workspace_id) == workspace_id,
                created >= at(period.start),
                created < at(period.end),
            )
            .group_by(Feedback.customer_id)
        )
        return {cid: (n, negative) for cid, n, negative in self._run(statement)}

    def set_status(self, customer: Customer, status: str, now: datetime) -> None:
        customer.status = status
        customer.churned_at = now if status == "churned" else None
        self.session.add(customer)


def _aware(moment: datetime | str | None) -> datetime | None:
    """A MAX() over a time column comes back as the stored naive UTC (SQLite: text)."""
    if moment is None:
        return None
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
