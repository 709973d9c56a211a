"""Engineering tickets linked to loops and feedback, and the webhook deliveries already applied.

A ticket row belongs to one workspace: the same key linked in two workspaces is two rows, and a
webhook changes each workspace's own loops through its own row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel, col, select

from bot.core.tickets import ticket_label
from storage.models import UTCDateTime
from storage.repos import _Repo, insert_ignore


class Ticket(SQLModel, table=True):
    __tablename__ = "ticket"
    __table_args__ = (
        sa.UniqueConstraint("workspace_id", "key", name="uq_ticket_key"),
        sa.Index("ix_ticket_key", "key"),  # a webhook finds every workspace's row by key
    )

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    system: str = Field(default="", max_length=16)  # github, linear, jira; "" Linear or Jira
    key: str = Field(max_length=200)  # owner/repo#12, ENG-123, PROJ-42
    url: str | None = None
    title: str = ""
    state: str = Field(default="open", max_length=16)  # open, done, reopened
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime | None = Field(default=None, sa_type=UTCDateTime, nullable=True)


class TicketLink(SQLModel, table=True):
    """A loop or a feedback item kept by a ticket. `done_by_ticket`: the ticket shipping made
    the loop done (its reopening undoes that); `made_by_ticket`: a "tell them" loop it made."""

    __tablename__ = "ticket_link"
    __table_args__ = (
        sa.UniqueConstraint("ticket_id", "loop_id", name="uq_ticket_loop"),
        sa.UniqueConstraint("ticket_id", "feedback_id", name="uq_ticket_feedback"),
        sa.Index("ix_ticket_link_loop", "loop_id"),
        sa.Index("ix_ticket_link_feedback", "feedback_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    ticket_id: int = Field(foreign_key="ticket.id")
    loop_id: int | None = Field(default=None, foreign_key="loop.id")
    feedback_id: int | None = Field(default=None, foreign_key="feedback.id")
    created_by: str = Field(default="", max_length=64)
    created_at: datetime = Field(sa_type=UTCDateTime)
    done_by_ticket: bool = False
    made_by_ticket: bool = False


class TicketDelivery(SQLModel, table=True):
    """A webhook delivery already applied (GitHub's X-GitHub-Delivery, ...): sent twice, applied
    once."""

    __tablename__ = "ticket_delivery"
    __table_args__ = (sa.UniqueConstraint("source", "delivery_id", name="uq_ticket_delivery"),)

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=16)
    delivery_id: str = Field(max_length=255)
    received_at: datetime = Field(sa_type=UTCDateTime)


class TicketRepo(_Repo):
    def find(self, workspace_id: int, key: str) -> Ticket | None:
        return self.session.exec(
            select(Ticket).where(Ticket.workspace_id == workspace_id, Ticket.key == key)
        ).first()

    def get_or_create(
        self, workspace_id: int, system: str, key: str, url: str | None, now: datetime
    ) -> Ticket:
        """The workspace's ticket `key`, stored on first mention (a URL or tracker learnt later
        fills in what was missing)."""
        found = self.find(workspace_id, key)
        if found is None:
            values = {"workspace_id": workspace_id, "system": system, "key": key}
            insert_ignore(
                self.session,
                Ticket,
                {**values, "url": url, "title": "", "state": "open", "created_at": now},
            )
            found = self.find(workspace_id, key)
        assert found is not None
        if (url and not found.url) or (system and not found.system):
            found.url, found.system = found.url or url, found.system or system
            self.save(found)
        return found

    def named_by_webhook(self, system: str, key: str) -> Sequence[Ticket]:
        """Every workspace's row for the ticket a webhook names (bare keys included)."""
        return self.session.exec(
            select(Ticket)
            .where(Ticket.key == key, col(Ticket.system).in_((system, "")))
            .order_by(col(Ticket.id))
            .with_for_update()
        ).all()

    def link(
        self,
        ticket: Ticket,
        by: str,
        now: datetime,
        *,
        loop_id: int | None = None,
        feedback_id: int | None = None,
        done_by_ticket: bool = False,
        made_by_ticket: bool = False,
    ) -> bool:
        """Link a loop or a feedback item to the ticket; False when it already was."""
        new_id = insert_ignore(
            self.session,
            TicketLink,
            {
                "workspace_id": ticket.workspace_id,
                "ticket_id": ticket.id,
                "loop_id": loop_id,
                "feedback_id": feedback_id,
                "created_by": by,
                "created_at": now,
                "done_by_ticket": done_by_ticket,
                "made_by_ticket": made_by_ticket,
            },
        )
        return new_id is not None

    def links(self, ticket_id: int) -> Sequence[TicketLink]:
        return self.session.exec(
            select(TicketLink).where(TicketLink.ticket_id == ticket_id).order_by(TicketLink.id)
        ).all()

    def labels(self, loop_ids: set[int]) -> dict[int, list[str]]:
        """How each of these loops' tickets is shown on its card."""
        return {
            loop_id: [ticket_label(t.key, t.title, t.state) for t in tickets]
            for loop_id, tickets in self.for_loops(loop_ids).items()
        }

    def for_loops(self, loop_ids: set[int]) -> dict[int, list[Ticket]]:
        """The tickets linked to each of these loops."""
        if not loop_ids:
            return {}
        rows = self.session.exec(
            select(TicketLink.loop_id, Ticket)
            .join(Ticket, col(Ticket.id) == col(TicketLink.ticket_id))
            .where(col(TicketLink.loop_id).in_(loop_ids))
            .order_by(col(Ticket.id))
        ).all()
        found: dict[int, list[Ticket]] = {}
        for loop_id, ticket in rows:
            found.setdefault(loop_id, []).append(ticket)  # type: ignore[arg-type]
        return found

    def first_delivery(self, source: str, delivery_id: str, now: datetime) -> bool:
        """Record a webhook delivery; False when it was applied before."""
        values = {"source": source, "delivery_id": delivery_id[:255], "received_at": now}
        return insert_ignore(self.session, TicketDelivery, values) is not None

    def save(self, row: SQLModel) -> None:
        self.session.add(row)
        self.session.flush()
