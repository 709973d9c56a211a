"""The aggregates reports need, over one workspace, each answered from a covering index.

Python sees one row per group (owner, customer, segment, kind, week), never one row per
feedback item; only days to close on SQLite reads one number per loop closed in the period, to
rank them (SQLite has no percentile_cont, and window functions cost it more than the read).
Per-segment numbers are summed from per-customer groups, so the customer table is joined once
per customer, not once per row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from bot.core.classify import KINDS
from bot.core.loops import NOT_CANCELLED
from storage.models import Customer, Feedback, Loop
from storage.queries import (
    LIVE,
    Period,
    at,
    count_if,
    days_between,
    percentiles,
    unindexed,
)
from storage.report_rows import FeedbackStats, LoopStats, OverdueLoop, Theme, WeekStats
from storage.repos import _Repo

__all__ = [
    "FeedbackStats",
    "LoopStats",
    "OverdueLoop",
    "Period",
    "ReportRepo",
    "Theme",
    "WeekStats",
]


MEASURES = frozenset({"live", "closed", "cancelled", "opened", "due"})
_LOOP_KEYS = {"owner": Loop.owner, "customer": Loop.customer_id, "segment": Loop.customer_id}


class ReportRepo(_Repo):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._closed: dict[tuple, list] = {}  # days to close of the loops closed in a period

    # ---- loops, per owner, customer, segment or in all ------------------------------------

    def _per_group(self, group: str, *aggregates: sa.ColumnElement, where: Sequence) -> list:
        """(key, *sums) per group; segments are summed from per-customer groups.

        The key is grouped `unindexed`: SQLite reads the covering index that serves WHERE (a
        period's range) instead of all of ix_loop_owner or ix_loop_customer."""
        key = unindexed(col(_LOOP_KEYS[group])) if group != "all" else None
        inner = select(
            (key if key is not None else sa.null()).label("k"),
            *(a.label(f"a{i}") for i, a in enumerate(aggregates)),
        ).select_from(Loop).where(*where)  # fmt: skip
        if key is not None:
            inner = inner.group_by(key)
        if group == "segment":
            per_customer = inner.subquery()
            inner = (
                select(Customer.segment, *(func.sum(c) for c in list(per_customer.c)[1:]))
                .join(per_customer, per_customer.c.k == col(Customer.id))
                .group_by(Customer.segment)
            )
            # PostgreSQL sums bigints into numerics: back to int (a handful of segments)
            return [(k, *(int(n or 0) for n in sums)) for k, *sums in self._run(inner).all()]
        return list(self._run(inner).all())

    def loop_stats(
        self,
        workspace_id: int,
        group: str,
        period: Period,
        now: datetime,
        measures: frozenset[str] = MEASURES,
        customers: frozenset[int] | None = None,
    ) -> dict[object, LoopStats]:
        """Open and overdue loops now ("live"); closed, cancelled, opened and due within the
        period — each of those `measures` is one index range, only the ones asked for; with
        `customers`, only those customers' loops (ranges of the indexes led by the customer)."""
        ws = col(Loop.workspace_id) == workspace_id
        if customers is not None:
            ws = ws & col(Loop.customer_id).in_(sorted(customers))
        start, end = at(period.start), at(period.end)
        state, due_at, closed_at = col(Loop.state), col(Loop.due_at), col(Loop.closed_at)
        created, cancelled_at = col(Loop.created_at), col(Loop.cancelled_at)
        kept = state != "cancelled"
        queries = {  # measure: (aggregates, where, the LoopStats fields they fill)
            "live": (
                [func.count(), count_if((state == "open") & (due_at < at(now)))],
                [ws, state.in_(LIVE)],
                ["open", "overdue"],
            ),
            "closed": ([func.count()], [ws, closed_at >= start, closed_at < end], ["closed"]),
            # cancelled_at is set only when a loop is cancelled
            "cancelled": (
                [func.count()],
                [ws, cancelled_at >= start, cancelled_at < end],
                ["cancelled"],
            ),
            "opened": (
                [func.count(), count_if(kept), count_if(kept & (closed_at < end))],
                [ws, created >= start, created < end],
                ["opened", "opened_kept", "opened_closed"],
            ),
            "due": (
                [func.count(), count_if(col(Loop.done_at) <= due_at)],
                [ws, state.in_(NOT_CANCELLED), due_at >= start, due_at < at(min(period.end, now))],
                ["due", "on_time"],
            ),
        }
        stats: dict[object, LoopStats] = defaultdict(LoopStats)
        for measure in sorted(measures):
            aggregates, where, fields = queries[measure]
            for key, *values in self._per_group(group, *aggregates, where=where):
                for name, value in zip(fields, values, strict=True):
                    setattr(stats[key], name, value)
        return dict(stats)

    def days_to_close(
        self, workspace_id: int, group: str, period: Period, percents: Sequence[int] = (50, 90)
    ) -> dict[object, dict[int, float]]:
        """Percentiles (interpolated like percentile_cont) of days from opened to closed for
        loops closed in the period, per owner or in all, from ix_loop_closed alone. PostgreSQL
        computes them (percentile_cont); SQLite has no such aggregate, so a period's loops are
        read once per unit of work (the owners report and its trend ask for the same one, per
        owner and in all) and ranked here."""
        days = days_between(col(Loop.created_at), col(Loop.closed_at))
        closed = [
            col(Loop.workspace_id) == workspace_id,
            col(Loop.closed_at) >= at(period.start),
            col(Loop.closed_at) < at(period.end),
        ]
        by_owner = group == "owner"
        if self.session.connection().dialect.name == "postgresql":
            key = col(Loop.owner) if by_owner else sa.null()
            statement = select(
                key, *(func.percentile_cont(p / 100).within_group(days) for p in percents)
            ).where(*closed)
            if by_owner:
                statement = statement.group_by(col(Loop.owner))
            return {
                k: dict(zip(percents, (float(v) for v in found), strict=True))
                for k, *found in self._run(statement).all()
                if found[0] is not None
            }
        seen = (workspace_id, period)
        if seen not in self._closed:
            self._closed[seen] = self._run(select(col(Loop.owner), days).where(*closed)).all()
        rows = self._closed[seen]
        return percentiles(((owner if by_owner else None, d) for owner, d in rows), percents)

    # ---- feedback --------------------------------------------------------------------------

    def _feedback_in(self, workspace_id: int, period: Period) -> list[sa.ColumnElement]:
        created = col(Feedback.created_at)
        return [
            col(Feedback.workspace_id) == workspace_id,
            created >= at(period.start),
            created < at(period.end),
        ]

    def feedback_counts(
        self, workspace_id: int, period: Period, customers: frozenset[int] | None = None
    ) -> dict[int, int]:
        """Feedback items in the period per customer id (with `customers`, only theirs: a
        range of ix_feedback_customer each)."""
        customer = unindexed(col(Feedback.customer_id))
        only = [] if customers is None else [col(Feedback.customer_id).in_(sorted(customers))]
        statement = (
            select(customer, func.count())
            .where(*self._feedback_in(workspace_id, period), *only)
            .group_by(customer)
        )
        return {cid: n for cid, n in self._run(statement).all()}

    def feedback_stats(
        self, workspace_id: int, group: str, period: Period
    ) -> dict[object, FeedbackStats]:
        """Feedback in the period per segment, per kind or in all, with value-weighted sums
        (each item weighs its customer's annual value)."""
        if group == "segment":
            return self._feedback_per_segment(workspace_id, period)
        # Joined to the (small, cached) customer rows for their value; per kind, the kinds'
        # ranges of ix_feedback_kind come in kind order, so grouping sorts nothing.
        key = col(Feedback.kind) if group == "kind" else None
        value, negative = col(Customer.value), col(Feedback.sentiment) < 0
        statement = (
            select(
                (key if key is not None else sa.null()).label("k"),
                func.count(),
                count_if(negative),
                count_if(col(Feedback.sentiment) > 0),
                func.sum(value),
                func.sum(sa.case((negative, value), else_=0.0)),
            )
            .select_from(Feedback)
            .join(Customer, col(Customer.id) == col(Feedback.customer_id))
            .where(*self._feedback_in(workspace_id, period))
        )
        if key is not None:
            statement = statement.where(key.in_(KINDS)).group_by(key)
        return {
            k: FeedbackStats(n, neg, pos, float(v or 0), float(neg_v or 0))
            for k, n, neg, pos, v, neg_v in self._run(statement)
        }

    def _feedback_per_segment(self, workspace_id: int, period: Period) -> dict:  # noqa: ANN202
        per_customer = (
            select(
                unindexed(col(Feedback.customer_id)).label("cid"),
                func.count().label("n"),
                count_if(col(Feedback.sentiment) < 0).label("negative"),
                count_if(col(Feedback.sentiment) > 0).label("positive"),
            )
            .where(*self._feedback_in(workspace_id, period))
            .group_by(unindexed(col(Feedback.customer_id)))
            .subquery()
        )
        c, value = per_customer.c, col(Customer.value)
        statement = (
            select(
                Customer.segment, func.sum(c.n), func.sum(c.negative), func.sum(c.positive),
                func.sum(c.n * value), func.sum(c.negative * value),
            )
            .join(per_customer, c.cid == col(Customer.id))
            .group_by(Customer.segment)
        )  # fmt: skip
        return {
            segment: FeedbackStats(int(n), int(neg), int(pos), float(v), float(neg_v))
            for segment, n, neg, pos, v, neg_v in self._run(statement)
        }

    def top_concerns(
        self, workspace_id: int, period: Period, limit: int = 5
    ) -> list[tuple[str, float, int]]:
        """Customers whose negative feedback weighs most: (name, value, negative items),
        ranked by negative items × annual value."""
        negative = (
            select(unindexed(col(Feedback.customer_id)).label("cid"), func.count().label("n"))
            .where(*self._feedback_in(workspace_id, period), col(Feedback.sentiment) < 0)
            .group_by(unindexed(col(Feedback.customer_id)))
            .subquery()
        )
        statement = (
            select(Customer.name, Customer.value, negative.c.n)
            .join(negative, negative.c.cid == col(Customer.id))
            .order_by((negative.c.n * col(Customer.value)).desc(), Customer.name)
            .limit(limit)
        )
        return [(name, float(value), n) for name, value, n in self._run(statement)]

    def themes(self, workspace_id: int, period: Period, limit: int = 3) -> list[Theme]:
        """The customers with the most feedback in the period, with their feedback kinds."""
        in_period = self._feedback_in(workspace_id, period)
        count, customer = func.count().label("n"), unindexed(col(Feedback.customer_id))
        top = (
            select(customer.label("customer_id"), count)
            .where(*in_period)
            .group_by(customer)
            .order_by(count.desc(), customer)
            .limit(limit)
            .subquery()
        )
        themes = {
            cid: Theme(cid, name, n)
            for cid, name, n in self._run(
                select(top.c.customer_id, Customer.name, top.c.n)
                .join(Customer, col(Customer.id) == top.c.customer_id)
                .order_by(top.c.n.desc(), top.c.customer_id)
            )
        }
        if themes:
            for cid, kind, n in self._run(
                select(Feedback.customer_id, Feedback.kind, func.count())
                .where(*in_period, col(Feedback.customer_id).in_(list(themes)))
                .group_by(col(Feedback.customer_id), col(Feedback.kind))
            ):
                themes[cid].kinds[kind] = n
        return list(themes.values())

    def feedback_texts(
        self, workspace_id: int, customer_id: int, period: Period, limit: int = 200
    ) -> list[str]:
        """The newest texts of one customer's feedback in the period (for its top words)."""
        return list(
            self._run(
                select(Feedback.text)
                .where(
                    *self._feedback_in(workspace_id, period),
                    col(Feedback.customer_id) == customer_id,
                )
                .order_by(col(Feedback.created_at).desc())
                .limit(limit)
            ).scalars()
        )

    def retention(self, workspace_id: int, period: Period) -> dict[str, tuple[int, float, float]]:
        """Per segment: customers churned in the period, the value of those still active at its
        end, and the value of those active at any time in it."""
        churned_at, created = col(Customer.churned_at), col(Customer.created_at)
        churned_in = (churned_at >= at(period.start)) & (churned_at < at(period.end))
        active_then = (col(Customer.status) == "active") | (churned_at >= at(period.start))
        active_at_end = (col(Customer.status) == "active") | (churned_at >= at(period.end))
        value = col(Customer.value)
        rows = self._run(
            select(
                Customer.segment,
                count_if(churned_in),
                func.coalesce(func.sum(sa.case((active_at_end, value), else_=0.0)), 0.0),
                func.coalesce(func.sum(sa.case((active_then, value), else_=0.0)), 0.0),
            )
            .where(
                col(Customer.workspace_id) == workspace_id,
                col(Customer.erased_at).is_(None),
                created < at(period.end),
            )
            .group_by(Customer.segment)
        )
        return {s: (int(n), float(kept), float(held)) for s, n, kept, held in rows}

    def segments(self, workspace_id: int) -> dict[str, tuple[int, float]]:
        """Customers (not erased) and their total value per segment."""
        rows = self._run(
            select(Customer.segment, func.count(), func.coalesce(func.sum(Customer.value), 0.0))
            .where(col(Customer.workspace_id) == workspace_id, col(Customer.erased_at).is_(None))
            .group_by(Customer.segment)
        )
        return {segment: (n, float(value)) for segment, n, value in rows}

    # ---- weeks -----------------------------------------------------------------------------

    def weeks(
        self, workspace_id: int, bounds: Sequence[datetime], now: datetime
    ) -> list[WeekStats]:
        """Counts per week; `bounds` are the weeks' starts followed by the last week's end.

        Each week is one range of a covering index (counted, never sorted), all weeks of one
        measure in one UNION ALL statement.
        """
        weeks = [WeekStats() for _ in bounds[:-1]]

        def per_week(column, model, *aggregates, where=()):  # noqa: ANN001, ANN202
            branches = [
                select(sa.literal(i).label("week"), *aggregates).where(
                    model.workspace_id == workspace_id,
                    column >= at(start),
                    column < at(end),
                    *where,
                )
                for i, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False))
            ]
            return self._run(sa.union_all(*branches)).all()

        for week, n in per_week(col(Feedback.created_at), Feedback, func.count()):
            weeks[week].feedback = n
        for week, n in per_week(col(Loop.created_at), Loop, func.count()):
            weeks[week].opened = n
        for week, n in per_week(col(Loop.closed_at), Loop, func.count()):
            weeks[week].closed = n
        for week, n in per_week(col(Loop.cancelled_at), Loop, func.count()):
            weeks[week].cancelled = n
        for week, due, on_time in per_week(
            col(Loop.due_at), Loop, func.count(), count_if(col(Loop.done_at) <= col(Loop.due_at)),
            where=[col(Loop.state).in_(NOT_CANCELLED), col(Loop.due_at) < at(now)],
        ):  # fmt: skip
            weeks[week].due, weeks[week].on_time = due, on_time
        return weeks

    def live_loops(self, workspace_id: int) -> int:
        """Loops open now (open or done: not yet closed or cancelled)."""
        return self._run(
            select(func.count())
            .select_from(Loop)
            .where(col(Loop.workspace_id) == workspace_id, col(Loop.state).in_(LIVE))
        ).scalar_one()

    def worst_overdue(self, workspace_id: int, now: datetime, limit: int = 5) -> list[OverdueLoop]:
        """Open loops past due, the longest overdue first (ix_loop_state_due)."""
        rows = self._run(
            select(Loop.number, Customer.name, Loop.what, Loop.owner, Loop.due_at)
            .join(Customer, col(Customer.id) == col(Loop.customer_id))
            .where(
                col(Loop.workspace_id) == workspace_id,
                col(Loop.state) == "open",
                col(Loop.due_at) < at(now),
            )
            .order_by(col(Loop.due_at), col(Loop.number))
            .limit(limit)
        )
        return [OverdueLoop(*row) for row in rows]
