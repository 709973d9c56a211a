"""Touchpoints: each customer's last one (reports, gone quiet) and a customer's timeline.

A touchpoint is feedback, a commitment, an update, a delivery or a closure. Gone quiet is about
the customer's voice only: feedback from or about them (their people's messages in their
channel are their feedback), never our own commitments, updates or closures. Each question here
is answered by index seeks per customer (newest first, cut at what is needed), so it costs the
same for a customer with ten items or a hundred thousand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import col, func, select

from bot.core.loops import TIMELINE_KINDS, TOUCH_KINDS
from storage.models import Customer, Feedback, Loop, LoopEvent
from storage.queries import LIVE, at, aware, count_if, latest, user_name
from storage.repos import _Repo


@dataclass
class CustomerFacts:
    id: int
    name: str
    segment: str
    value: float
    owner: str | None  # display name of the account owner (the id when no name is known)
    status: str
    created_at: datetime | None  # asked for gone-quiet customers only
    last_touchpoint: datetime | None


@dataclass(frozen=True)
class Quiet:
    """Who has gone quiet: no feedback from or about them since `before[segment]` (else
    `default_before`),
    counting only what happened before `as_of` when given (a past state)."""

    before: dict[str, datetime]
    default_before: datetime
    as_of: datetime | None = None


@dataclass
class TimelineEntry:
    """One touchpoint: feedback (kind "feedback") or a loop event (created, update, done, ...)."""

    at: datetime
    kind: str
    who: str  # the author or actor (user id)
    text: str  # the feedback text or the loop's what
    permalink: str | None
    number: int | None = None  # the loop's #number, or the feedback's id
    note: str | None = None
    feedback_kind: str | None = None
    source: str | None = None
    deleted: bool = False


class TouchpointRepo(_Repo):
    def count(self, workspace_id: int) -> int:
        """How many customers the workspace has (any status)."""
        return self._run(
            select(func.count())
            .select_from(Customer)
            .where(col(Customer.workspace_id) == workspace_id)
        ).scalar_one()

    def _last_touch(self) -> tuple[sa.ColumnElement, sa.ColumnElement]:
        """Each customer's newest feedback and newest loop touchpoint: one backward index
        seek each (ix_feedback_customer, ix_event_customer)."""
        last_feedback = (
            select(Feedback.created_at)
            .where(
                col(Feedback.workspace_id) == col(Customer.workspace_id),
                col(Feedback.customer_id) == col(Customer.id),
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
            )
            .order_by(col(LoopEvent.at).desc())
            .limit(1)
            .scalar_subquery()
        )
        return last_feedback, last_event

    def customers(
        self,
        workspace_id: int,
        quiet: Quiet | None = None,
        limit: int | None = None,
    ) -> list[CustomerFacts]:
        """Every customer with account owner name and last touchpoint, biggest value first;
        with `quiet`, only those gone quiet by its rule, their last touchpoint being the last
        time they were heard (feedback); with `limit`, the first ones only (touchpoints are
        looked up for the customers returned, nothing else)."""
        last_feedback, last_event = self._last_touch()
        last = latest(last_feedback, last_event) if quiet is None else last_feedback
        owner, joined, owner_name = user_name(col(Customer.owner), workspace_id)
        order = (col(Customer.value).desc(), col(Customer.name_key))
        sqlite = self._dialect == "sqlite"
        statement = (
            select(
                Customer.id,
                Customer.name,
                Customer.segment,
                Customer.value,
                owner_name,
                Customer.status,
                # when it was added matters only to how long a quiet customer has been quiet
                Customer.created_at if quiet is not None else sa.null(),
                last,
                (func.row_number().over(order_by=order) if sqlite else sa.null()).label("rank"),
            )
            .outerjoin(owner, joined)
            .where(col(Customer.workspace_id) == workspace_id)
            .order_by(*order)
            .limit(limit)
        )
        if quiet is not None:
            statement = statement.where(*self._gone_quiet(quiet))
        if not sqlite:
            return [CustomerFacts(*row[:8]) for row in self._run(statement).all()]
        # SQLite: one JSON document (see `_document`), 10,000 customers in one value and their
        # times parsed without a column type's per-row work (PostgreSQL builds one slower than
        # psycopg reads the rows), put back in order by the rank the database gave each.
        return [
            CustomerFacts(cid, name, segment, float(value), owner_of, status, aware(added),
                          aware(touched))
            for cid, name, segment, value, owner_of, status, added, touched, _rank
            in sorted(self._document(statement), key=itemgetter(8))
        ]  # fmt: skip

    def quiet_count(self, workspace_id: int, quiet: Quiet) -> int:
        """How many customers had gone quiet by `quiet`'s rule (at its `as_of`)."""
        return self._run(
            select(func.count())
            .select_from(Customer)
            .where(col(Customer.workspace_id) == workspace_id, *self._gone_quiet(quiet))
        ).scalar_one()

    def _gone_quiet(self, quiet: Quiet) -> list[sa.ColumnElement]:
        """Active, added before its segment's cutoff, and not heard since (no feedback from or
        about them): NOT EXISTS stops at the first item found (ix_feedback_customer)."""
        cutoffs = {segment: at(when) for segment, when in quiet.before.items()}
        cutoff = (
            sa.case(cutoffs, value=col(Customer.segment), else_=at(quiet.default_before))
            if cutoffs
            else at(quiet.default_before)
        )
        until = at(quiet.as_of) if quiet.as_of is not None else None
        feedback_since = (
            select(Feedback.id)
            .where(
                col(Feedback.workspace_id) == col(Customer.workspace_id),
                col(Feedback.customer_id) == col(Customer.id),
                col(Feedback.created_at) >= cutoff,
                *([col(Feedback.created_at) < until] if until is not None else []),
            )
            .exists()
        )
        return [
            col(Customer.status) == "active",
            col(Customer.erased_at).is_(None),
            col(Customer.created_at) < cutoff,
            ~feedback_since,
        ]

    def timeline(self, workspace_id: int, customer_id: int, limit: int) -> list[TimelineEntry]:
        """The customer's newest `limit` touchpoints (feedback and loop events), newest first:
        each side read newest first through its index and cut at `limit`."""
        feedback = self._run(
            select(
                Feedback.id,
                Feedback.created_at,
                Feedback.kind,
                Feedback.source,
                Feedback.author,
                Feedback.text,
                Feedback.permalink,
                Feedback.deleted_at,
            )
            .where(
                col(Feedback.workspace_id) == workspace_id,
                col(Feedback.customer_id) == customer_id,
            )
            .order_by(col(Feedback.created_at).desc(), col(Feedback.id).desc())
            .limit(limit)
        ).all()
        linked = aliased(Feedback)  # the message a loop was made from
        events = self._run(
            select(
                LoopEvent.at,
                LoopEvent.kind,
                Loop.number,
                LoopEvent.actor,
                Loop.what,
                linked.permalink,
                LoopEvent.note,
            )
            .join(Loop, col(Loop.id) == col(LoopEvent.loop_id))
            .outerjoin(linked, col(linked.id) == col(Loop.feedback_id))
            .where(
                col(LoopEvent.customer_id) == customer_id,
                col(LoopEvent.kind).in_(TIMELINE_KINDS),
            )
            .order_by(col(LoopEvent.at).desc(), col(LoopEvent.id).desc())
            .limit(limit)
        ).all()
        entries = [
            TimelineEntry(when, "feedback", author, text, link, number=fid, feedback_kind=kind,
                          source=source, deleted=deleted is not None)
            for fid, when, kind, source, author, text, link, deleted in feedback
        ] + [
            TimelineEntry(when, kind, actor, what, link, number=number, note=note)
            for when, kind, number, actor, what, link, note in events
        ]  # fmt: skip
        entries.sort(key=lambda e: e.at, reverse=True)
        return entries[:limit]

    def timeline_size(self, workspace_id: int, customer_id: int) -> tuple[int, int]:
        """(feedback items, loop touchpoints) of the customer: the timeline's length."""
        feedback = self._run(
            select(func.count())
            .select_from(Feedback)
            .where(
                col(Feedback.workspace_id) == workspace_id,
                col(Feedback.customer_id) == customer_id,
            )
        ).scalar_one()
        events = self._run(
            select(func.count())
            .select_from(LoopEvent)
            .where(
                col(LoopEvent.customer_id) == customer_id,
                col(LoopEvent.kind).in_(TIMELINE_KINDS),
            )
        ).scalar_one()
        return feedback, events

    def customer_loops(self, workspace_id: int, customer_id: int, now: datetime) -> tuple[int, int]:
        """(open, overdue) loops of one customer now (ix_loop_customer)."""
        live, overdue = self._run(
            select(
                func.count(),
                count_if((col(Loop.state) == "open") & (col(Loop.due_at) < at(now))),
            ).where(
                col(Loop.workspace_id) == workspace_id,
                col(Loop.customer_id) == customer_id,
                col(Loop.state).in_(LIVE),
            )
        ).one()
        return live, overdue
