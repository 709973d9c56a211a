"""How we answer customers in their channels: first responses to reply loops, and CSAT.

A reply loop (reply_ts set) is a customer's question, request or problem in a linked channel;
it is answered when one of our people first replies in its thread, or when it is closed as told
(first_response_at). CSAT is the customer's 1-5 answer to "How did we do?" after a `tell` (csat,
csat_at). Both are read through partial indexes that hold only those loops, so they cost the
same next to a million feedback rows and a few hundred thousand other loops.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from storage.models import Customer, Loop
from storage.queries import Period, at, count_if, days_between, unindexed
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
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._seen: dict[tuple, list] = {}  # reply loops read in this unit of work

    def first_responses(
        self, workspace_id: int, period: Period, now: datetime,
        customer_id: int | frozenset[int] | None = None, by_customer: bool = True,
    ) -> dict[int | None, ResponseStats]:  # fmt: skip
        """Per customer (or in all: key None) the reply loops opened in the period (cancelled
        ones left out): asked, answered, breached by `now`, and the median minutes from the
        customer's message to our first reply.

        One range of the covering partial index, a row per reply loop, grouped here: a
        period holds thousands of them at most, and a window function over them cost SQLite
        four times the plain read."""
        rows = self._asked(workspace_id, period, now, customer_id)
        waits: dict[int | None, list[float]] = {}
        stats: dict[int | None, ResponseStats] = {}
        for cid, waited, breached in rows:
            key = cid if by_customer else None
            found = stats.setdefault(key, ResponseStats())
            found.asked += 1
            found.breached += 1 if breached else 0
            if waited is not None:
                found.answered += 1
                waits.setdefault(key, []).append(float(waited))
        for key, found in waits.items():
            stats[key].median_minutes = statistics.median(found)
        return stats

    def _asked(
        self, workspace_id: int, period: Period, now: datetime,
        customer_id: int | frozenset[int] | None,
    ) -> list:  # fmt: skip
        """(customer, minutes to our first reply or None, late) per reply loop, read once per
        unit of work (a chat report's table and its trend ask for the same period)."""
        key = (workspace_id, period, now, customer_id)
        seen = self._seen
        if key not in seen:
            answered, due = col(Loop.first_response_at), col(Loop.due_at)
            late = (answered > due) | (answered.is_(None) & (due < at(now)))
            minutes = days_between(col(Loop.created_at), answered) * MINUTES_A_DAY
            seen[key] = self._run(
                select(col(Loop.customer_id), minutes, late).where(
                    col(Loop.workspace_id) == workspace_id,
                    col(Loop.reply_ts).is_not(None),
                    col(Loop.created_at) >= at(period.start),
                    col(Loop.created_at) < at(period.end),
                    col(Loop.state) != "cancelled",
                    *_only(customer_id),
                )
            ).all()
        return seen[key]

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
            for k, n, total, happy in self._run(statement).all()
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


def _only(customers: int | frozenset[int] | None) -> list[sa.ColumnElement]:
    """One customer's loops, some customers' (a frozenset), or everyone's (None)."""
    if customers is None:
        return []
    if isinstance(customers, frozenset):
        return [col(Loop.customer_id).in_(sorted(customers))]
    return [col(Loop.customer_id) == customers]
