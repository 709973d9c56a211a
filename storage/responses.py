"""How we answer customers in their channels: first responses to reply loops, and CSAT.

A reply loop (reply_ts set) is a customer's question, request or problem in a linked channel;
it is answered when one of our people first replies in its thread (first_response_at). CSAT is
the customer's 1-5 answer to "How did we do?" after a `tell` (csat, csat_at). Both are read
through partial indexes that hold only those loops, so they cost the same next to a million
feedback rows and a few hundred thousand other loops.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import col, func, select

from storage.models import Customer, Loop
from storage.queries import Period, at, count_if, days_between, percentiles, unindexed
from storage.repos import _Repo

MINUTES_A_DAY = 1440


@dataclass
class ResponseStats:
    """Reply loops opened in a period: how many were answered, late, and how fast."""

    asked: int = 0
    answered: int = 0
    breached: int = 0  # answered after the due time, or still unanswered past it
    median_minutes: float | None = None


@dataclass(frozen=True)
class Listed:
    """A customer as the response and csat tables show it."""

    id: int
    name: str
    segment: str


@dataclass
class CsatStats:
    """The customers' answers to "How did we do?" in a period."""

    responses: int = 0
    total: int = 0  # the answers added up
    satisfied: int = 0  # answers of 4 or 5

    @property
    def average(self) -> float | None:
        return self.total / self.responses if self.responses else None

    @property
    def satisfied_rate(self) -> float | None:
        return self.satisfied / self.responses if self.responses else None


class ResponseRepo(_Repo):
    def first_responses(
        self, workspace_id: int, period: Period, now: datetime, customer_id: int | None = None,
        by_customer: bool = True,
    ) -> dict[int | None, ResponseStats]:  # fmt: skip
        """Per customer (or in all: key None) the reply loops opened in the period (cancelled
        ones left out): asked, answered, breached by `now`, and the median minutes from the
        customer's message to our first reply."""
        where = [
            col(Loop.workspace_id) == workspace_id,
            col(Loop.reply_ts).is_not(None),
            col(Loop.created_at) >= at(period.start),
            col(Loop.created_at) < at(period.end),
            col(Loop.state) != "cancelled",
        ]
        if customer_id is not None:
            where.append(col(Loop.customer_id) == customer_id)
        key = unindexed(col(Loop.customer_id)) if by_customer else None
        answered, due = col(Loop.first_response_at), col(Loop.due_at)
        late = (answered > due) | (answered.is_(None) & (due < at(now)))
        counts = select(
            (key if key is not None else sa.null()).label("k"),
            func.count(),
            count_if(answered.is_not(None)),
            count_if(late),
        ).where(*where)  # fmt: skip
        if key is not None:
            counts = counts.group_by(key)
        stats = {k: ResponseStats(n, done, breached) for k, n, done, breached in self._run(counts)}
        minutes = days_between(col(Loop.created_at), answered) * MINUTES_A_DAY
        medians = percentiles(self._run, key, minutes, [*where, answered.is_not(None)], (50,))
        for k, found in medians.items():
            stats[k].median_minutes = found[50]  # type: ignore[index]
        return stats  # type: ignore[return-value]

    def csat(
        self, workspace_id: int, period: Period, customer_id: int | None = None,
        by_customer: bool = True,
    ) -> dict[int | None, CsatStats]:  # fmt: skip
        """Per customer (or in all: key None) the CSAT answers given in the period."""
        key = unindexed(col(Loop.customer_id)) if by_customer else None
        score = col(Loop.csat)
        statement = select(
            (key if key is not None else sa.null()).label("k"),
            func.count(),
            func.coalesce(func.sum(score), 0),
            count_if(score >= 4),
        ).where(
            col(Loop.workspace_id) == workspace_id,
            score.is_not(None),
            col(Loop.csat_at) >= at(period.start),
            col(Loop.csat_at) < at(period.end),
            *([col(Loop.customer_id) == customer_id] if customer_id is not None else []),
        )  # fmt: skip
        if key is not None:
            statement = statement.group_by(key)
        return {
            k: CsatStats(int(n), int(total), int(happy))
            for k, n, total, happy in self._run(statement)
        }

    def listed(self, workspace_id: int, ids: set[int]) -> list[Listed]:
        """These customers (not erased), biggest value first: a row each, no ORM objects (a
        report may list thousands)."""
        if not ids:
            return []
        rows = self._run(
            select(Customer.id, Customer.name, Customer.segment)
            .where(
                col(Customer.workspace_id) == workspace_id,
                col(Customer.id).in_(sorted(ids)),
                col(Customer.erased_at).is_(None),
            )
            .order_by(col(Customer.value).desc(), Customer.name_key)
        )
        return [Listed(*row) for row in rows]
