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
class LoopDates:
    created_at: datetime
    due_at: datetime | None
    done_at: datetime | None
    closed_at: datetime | None
    state: str


@dataclass(frozen=True)
class Quote:
    text: str
    sentiment: float
    permalink: str | None
    created_at: datetime


class ReviewRepo(_Repo):
    def _run(self, statement: sa.Executable) -> sa.CursorResult:
        return self.session.connection().execute(statement)

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

    def loops(
        self, workspace_id: int, customer_id: int, created_before: datetime
    ) -> list[LoopDates]:
        """The customer's commitments made before `created_before` (each loop's dates)."""
        statement = select(
            Loop.created_at, Loop.due_at, Loop.done_at, Loop.closed_at, Loop.state
        ).where(
            col(Loop.workspace_id) == workspace_id,
            col(Loop.customer_id) == customer_id,
            col(Loop.created_at) < at(created_before),
        )
        return [LoopDates(*row) for row in self._run(statement)]

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
