"""Changes people made and what they replaced: the rows `undo` reads and puts back."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel, col, select

from storage.models import Change, Feedback, Loop
from storage.repos import _Repo, insert_ignore
from storage.tickets import TicketLink


def snapshot(row: SQLModel, columns: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The row's columns (all, or those named) as JSON-safe values."""
    values = row.model_dump(include=set(columns) if columns else None)
    return {
        key: {"at": value.isoformat()} if isinstance(value, datetime) else value
        for key, value in values.items()
    }


def thawed(before: dict[str, Any]) -> dict[str, Any]:
    """A snapshot's values as the row holds them (times back as datetimes)."""
    return {
        key: datetime.fromisoformat(value["at"])
        if isinstance(value, dict) and set(value) == {"at"}
        else value
        for key, value in before.items()
    }


def restore(row: SQLModel, before: dict[str, Any]) -> None:
    """Put the snapshot's values back on the row."""
    for key, value in thawed(before).items():
        setattr(row, key, value)


class ChangeRepo(_Repo):
    def record(
        self,
        workspace_id: int,
        actor: str,
        target: str,
        target_id: int,
        customer_id: int | None,
        summary: str,
        before: dict[str, Any],
        at: datetime,
    ) -> Change:
        change = Change(
            workspace_id=workspace_id,
            actor=actor,
            target=target,
            target_id=target_id,
            customer_id=customer_id,
            summary=summary,
            before=json.dumps(before),
            at=at,
        )
        self.session.add(change)
        self.session.flush()
        return change

    def last_of(self, workspace_id: int, actor: str) -> Change | None:
        """The actor's newest change not undone yet."""
        return self.session.exec(
            select(Change)
            .where(
                Change.workspace_id == workspace_id,
                Change.actor == actor,
                col(Change.undone_at).is_(None),
            )
            .order_by(col(Change.at).desc(), col(Change.id).desc())
            .limit(1)
        ).first()

    def get(self, workspace_id: int, change_id: int) -> Change | None:
        change = self.session.get(Change, change_id, with_for_update=True)
        return change if change is not None and change.workspace_id == workspace_id else None

    def later_on_target(self, change: Change) -> Change | None:
        """A change to the same thing made after `change` and still standing."""
        return self.session.exec(
            select(Change)
            .where(
                Change.target == change.target,
                Change.target_id == change.target_id,
                col(Change.id) > change.id,
                col(Change.undone_at).is_(None),
            )
            .limit(1)
        ).first()

    def mark_undone(self, change: Change, at: datetime) -> None:
        change.undone_at = at
        self.session.add(change)
        self.session.flush()

    def before(self, change: Change) -> dict[str, Any]:
        return json.loads(change.before or "{}")

    def delete_feedback(self, feedback: Feedback) -> dict[str, Any]:
        """Remove a feedback row (it leaves every report). Loops made from it keep their
        history but no longer point at it, tickets no longer list it; what is returned puts
        them back (restore_feedback)."""
        loop_ids = list(
            self.session.exec(select(Loop.id).where(Loop.feedback_id == feedback.id)).all()
        )
        if loop_ids:
            self.session.execute(
                sa.update(Loop).where(col(Loop.id).in_(loop_ids)).values(feedback_id=None)
            )
        links = self.session.exec(
            select(TicketLink).where(TicketLink.feedback_id == feedback.id)
        ).all()
        kept = [snapshot(link) for link in links]
        for link in links:
            self.session.delete(link)
        self.session.flush()
        self.session.delete(feedback)
        self.session.flush()
        return {"loops": loop_ids, "tickets": kept}

    def restore_feedback(self, before: dict[str, Any], links: dict[str, Any]) -> int | None:
        """Put deleted feedback back (under its old id when that is still free) with what
        pointed at it; its id, or None when the same message was captured again meanwhile."""
        values = thawed(before)
        if self.session.get(Feedback, values["id"]) is not None:
            values.pop("id")
        new_id = insert_ignore(self.session, Feedback, values)
        if new_id is None:
            return None
        if links.get("loops"):
            self.session.execute(
                sa.update(Loop).where(col(Loop.id).in_(links["loops"])).values(feedback_id=new_id)
            )
        for kept in links.get("tickets", []):
            link = {**thawed(kept), "feedback_id": new_id}
            link.pop("id")
            insert_ignore(self.session, TicketLink, link)
        return new_id
