"""Touchpoints: each customer's last one (reports, gone quiet) and a customer's timeline.

A touchpoint is feedback, a commitment, an update, a delivery or a closure. Each question here
is answered by index seeks per customer (newest first, cut at what is needed), so it costs the
same for a customer with ten items or a hundred thousand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import col, func, select

from storage.models import Customer, Feedback, Loop, LoopEvent, UTCDateTime
from storage.queries import LIVE, at, count_if, user_name
from storage.repos import _Repo

TOUCH_KINDS = ("created", "update", "done", "told")  # loop events that are touchpoints
TIMELINE_KINDS = (*TOUCH_KINDS, "cancel")  # what a customer's timeline shows of its loops


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


class TouchpointRepo(_Repo):
    def _run(self, statement: sa.Executable) -> sa.CursorResult:
        return self.session.connection().execute(statement)

    def count(self, workspace_id: int) -> int:
        """How many customers the workspace has (any status)."""
        return self._run(
            select(func.count())
            .select_from(Customer)
            .where(col(Customer.workspace_id) == workspace_id)
        ).scalar_one()

    def _last_touch(self, as_of: datetime | None) -> tuple[sa.ColumnElement, sa.ColumnElement]:
        """Each customer's newest feedback and newest loop touchpoint (before `as_of` when
        given): one index seek each (ix_feedback_customer, ix_event_customer)."""
        feedback_before = [col(Feedback.created_at) < at(as_of)] if as_of else []
        event_before = [col(LoopEvent.at) < at(as_of)] if as_of else []
        last_feedback = (
            select(Feedback.created_at)
            .where(
                col(Feedback.workspace_id) == col(Customer.workspace_id),
                col(Feedback.customer_id) == col(Customer.id),
                *feedback_before,
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
                *event_before,
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
        limit: int | None = None,
    ) -> list[CustomerFacts]:
        """Every customer with account owner name and last touchpoint, biggest value first.

        With `default_quiet_before`: only active customers gone quiet, i.e. with no touchpoint
        (and not created) since their segment's cutoff in `quiet_before` (else the default).
        With `as_of`: as things stood then (touchpoints before it only). With `limit`: the
        first customers only (their touchpoints are all that is looked up).
        """
        last_feedback, last_event = self._last_touch(as_of)
        owner, joined, owner_name = user_name(col(Customer.owner), workspace_id)
        facts = (
            select(
                Customer.id,
                Customer.name,
                Customer.segment,
                Customer.value,
                owner_name.label("owner_name"),
                Customer.status,
                Customer.created_at,
                Customer.name_key,
                Customer.erased_at,
                last_feedback.label("last_feedback"),
                last_event.label("last_event"),
            )
            .outerjoin(owner, joined)
            .where(col(Customer.workspace_id) == workspace_id)
            .subquery()
        )
        statement = select(*(c for c in facts.c if c.name not in ("name_key", "erased_at")))
        if default_quiet_before is not None:
            cutoffs = {seg: at(when) for seg, when in (quiet_before or {}).items()}
            cutoff = (
                sa.case(cutoffs, value=facts.c.segment, else_=at(default_quiet_before))
                if cutoffs
                else at(default_quiet_before)
            )
            statement = statement.where(
                facts.c.status == "active",
                facts.c.erased_at.is_(None),
                facts.c.created_at < cutoff,
                sa.or_(facts.c.last_feedback.is_(None), facts.c.last_feedback < cutoff),
                sa.or_(facts.c.last_event.is_(None), facts.c.last_event < cutoff),
            )
        statement = statement.order_by(facts.c.value.desc(), facts.c.name_key).limit(limit)
        return [
            CustomerFacts(
                cid, name, segment, float(value), owner, status, created,
                max((t for t in (fb, ev) if t is not None), default=None),
            )
            for cid, name, segment, value, owner, status, created, fb, ev in self._run(statement)
        ]  # fmt: skip

    def timeline(self, workspace_id: int, customer_id: int, limit: int) -> list[TimelineEntry]:
        """The customer's newest `limit` touchpoints (feedback and loop events), newest first:
        each side read newest first through its index and cut at `limit`."""
        feedback = self._run(
            select(
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
            TimelineEntry(when, "feedback", author, text, link, feedback_kind=kind,
                          source=source, deleted=deleted is not None)
            for when, kind, source, author, text, link, deleted in feedback
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
