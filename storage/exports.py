"""Exports: every loop or feedback item of a workspace (or of a period) as plain rows, in
column order, with customer and user names joined in; for CSV and JSON."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, func, select

from storage.models import Customer, Feedback, Loop
from storage.queries import at, user_name
from storage.repos import _Repo


class ExportRepo(_Repo):
    def loop_rows(
        self, workspace_id: int, since: datetime | None = None, limit: int | None = None
    ) -> list[tuple]:
        """(number, customer, what, owner name, state, due, created, closed) per loop, by
        number; only loops created since `since` when given; the first `limit` ones."""
        owner, joined, owner_name = user_name(col(Loop.owner), workspace_id)
        statement = (
            select(
                Loop.number,
                Customer.name,
                Loop.what,
                owner_name,
                Loop.state,
                Loop.due_at,
                Loop.created_at,
                Loop.closed_at,
            )
            .join(Customer, col(Customer.id) == col(Loop.customer_id))
            .outerjoin(owner, joined)
            .where(col(Loop.workspace_id) == workspace_id)
            .order_by(col(Loop.number))
        )
        if since is not None:
            statement = statement.where(col(Loop.created_at) >= at(since))
        return list(self._run(statement.limit(limit)).all())

    def loop_count(self, workspace_id: int, since: datetime) -> int:
        """Loops created since `since`."""
        return self._run(
            select(func.count())
            .select_from(Loop)
            .where(col(Loop.workspace_id) == workspace_id, col(Loop.created_at) >= at(since))
        ).scalar_one()

    def feedback_rows(
        self, workspace_id: int, since: datetime | None = None, limit: int | None = None
    ) -> list[tuple]:
        """(id, customer, text, kind, sentiment, source, author name, channel, permalink,
        created) per feedback item, oldest first; only since `since` when given; the first
        `limit` ones."""
        author, joined, author_name = user_name(col(Feedback.author), workspace_id)
        statement = (
            select(
                Feedback.id,
                Customer.name,
                Feedback.text,
                Feedback.kind,
                Feedback.sentiment,
                Feedback.source,
                author_name,
                Feedback.channel,
                Feedback.permalink,
                Feedback.created_at,
            )
            .join(Customer, col(Customer.id) == col(Feedback.customer_id))
            .outerjoin(author, joined)
            .where(col(Feedback.workspace_id) == workspace_id)
            .order_by(col(Feedback.created_at), col(Feedback.id))
        )
        if since is not None:
            statement = statement.where(col(Feedback.created_at) >= at(since))
        return list(self._run(statement.limit(limit)).all())

    def feedback_count(self, workspace_id: int, since: datetime) -> int:
        """Feedback items logged since `since` (ix_feedback_ws_created)."""
        return self._run(
            select(func.count())
            .select_from(Feedback)
            .where(
                col(Feedback.workspace_id) == workspace_id,
                col(Feedback.created_at) >= at(since),
            )
        ).scalar_one()
