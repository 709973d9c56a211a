"""Feedback and loops as rows: stored once per chat message, numbered per workspace."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import col, select

from storage.models import (
    Customer,
    Feedback,
    Loop,
)
from storage.repos import (
    _Repo,
    insert_ignore,
    insert_ignore_many,
)


class FeedbackRepo(_Repo):
    def add(self, **values: object) -> int | None:
        """Store feedback; None when this message was already captured for this customer."""
        return insert_ignore(self.session, Feedback, values)

    def add_many(self, rows: list[dict]) -> set[tuple[str, str, int]]:
        """Store many feedback rows at once (a burst of chat messages); the (channel,
        message_ts, customer_id) of those stored, the others were already captured."""
        return insert_ignore_many(
            self.session, Feedback, rows, ("channel", "message_ts", "customer_id")
        )

    def get(self, feedback_id: int) -> Feedback | None:
        return self.session.get(Feedback, feedback_id)

    def for_message(self, workspace_id: int, channel: str, message_ts: str) -> Sequence[Feedback]:
        """The feedback captured from one message; an erased customer's is never handed out
        (an edit must not write its words back)."""
        return self.session.exec(
            select(Feedback)
            .join(Customer, col(Customer.id) == col(Feedback.customer_id))
            .where(
                Feedback.workspace_id == workspace_id,
                Feedback.channel == channel,
                Feedback.message_ts == message_ts,
                Customer.erased_at == None,  # noqa: E711
            )
        ).all()

    def for_customer(self, customer_id: int, limit: int = 200) -> Sequence[Feedback]:
        return self.session.exec(
            select(Feedback)
            .where(Feedback.customer_id == customer_id)
            .order_by(col(Feedback.created_at).desc(), col(Feedback.id).desc())
            .limit(limit)
        ).all()

    def save(self, feedback: Feedback) -> None:
        self.session.add(feedback)
        self.session.flush()


class LoopRepo(_Repo):
    def add(self, loop: Loop) -> Loop | None:
        """Store a new loop; None when its source_key was already used (a repeated click)."""
        values = loop.model_dump(exclude={"id"})
        new_id = insert_ignore(self.session, Loop, values)
        return self.session.get(Loop, new_id) if new_id is not None else None

    def answer_csat(self, loop_id: int, score: int, by: str, at: datetime) -> bool:
        """Store the customer's CSAT answer unless the loop has one: only the first counts,
        however many click at once (one conditional UPDATE)."""
        done = self.session.execute(
            sa.update(Loop)
            .where(col(Loop.id) == loop_id, col(Loop.csat).is_(None))
            .values(csat=score, csat_by=by, csat_at=at)
            .execution_options(synchronize_session=False)
        )
        return done.rowcount == 1

    def by_source(self, workspace_id: int, source_key: str) -> Loop | None:
        return self.session.exec(
            select(Loop).where(Loop.workspace_id == workspace_id, Loop.source_key == source_key)
        ).first()

    def by_number(self, workspace_id: int, number: int, for_update: bool = False) -> Loop | None:
        statement = select(Loop).where(Loop.workspace_id == workspace_id, Loop.number == number)
        if for_update:
            statement = statement.with_for_update()
        return self.session.exec(statement).first()

    def get(self, loop_id: int) -> Loop | None:
        return self.session.get(Loop, loop_id)

    def reply_loop(self, workspace_id: int, channel: str, message_ts: str) -> Loop | None:
        """The reply loop that answers the customer's message at `message_ts` (locked)."""
        return self.session.exec(
            select(Loop)
            .where(
                Loop.workspace_id == workspace_id,
                Loop.reply_channel == channel,
                Loop.reply_ts == message_ts,
            )
            .with_for_update()
        ).first()

    def listing(
        self,
        workspace_id: int,
        *,
        owner: str | None = None,
        customer_id: int | None = None,
        states: tuple[str, ...] = ("open", "done"),
        overdue_at: datetime | None = None,
        limit: int = 500,
    ) -> Sequence[Loop]:
        """Loops to show, overdue first then by due date (no due date last)."""
        statement = select(Loop).where(
            Loop.workspace_id == workspace_id, col(Loop.state).in_(states)
        )
        if owner is not None:
            statement = statement.where(Loop.owner == owner)
        if customer_id is not None:
            statement = statement.where(Loop.customer_id == customer_id)
        if overdue_at is not None:
            statement = statement.where(col(Loop.due_at) < overdue_at)
        statement = statement.order_by(
            col(Loop.due_at).is_(None), col(Loop.due_at), col(Loop.number)
        ).limit(limit)
        return self.session.exec(statement).all()

    def for_customer(self, customer_id: int, limit: int = 200) -> Sequence[Loop]:
        return self.session.exec(
            select(Loop)
            .where(Loop.customer_id == customer_id)
            .order_by(col(Loop.created_at).desc())
            .limit(limit)
        ).all()

    def save(self, loop: Loop) -> None:
        self.session.add(loop)
        self.session.flush()
