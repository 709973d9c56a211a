"""SQLModel tables. Every row belongs to one workspace; every list or count has an index.

Times are stored as naive UTC and handed back timezone-aware (UTCDateTime).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


class UTCDateTime(TypeDecorator):
    """Aware datetimes in, aware UTC datetimes out; naive UTC in the database."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):  # noqa: ANN001, ANN201
        if value is None:
            return None
        if value.tzinfo is None:
            return value
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):  # noqa: ANN001, ANN201
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _when(nullable: bool = False, index: bool = False):  # noqa: ANN202
    return Field(default=None, sa_type=UTCDateTime, nullable=nullable, index=index)


def _partial(name: str, where: str, *columns: str) -> sa.Index:
    """An index of only the rows `where` picks (the same on SQLite and PostgreSQL)."""
    return sa.Index(name, *columns, sqlite_where=sa.text(where), postgresql_where=sa.text(where))


class Workspace(SQLModel, table=True):
    __tablename__ = "workspace"
    __table_args__ = (sa.UniqueConstraint("platform", "external_id", name="uq_workspace_ext"),)

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16)  # slack, teams, console
    external_id: str = Field(max_length=64)  # Slack team id, Teams tenant id, "console"
    name: str = Field(default="", max_length=200)
    loop_seq: int = 0  # the last loop number given out (#12)
    alias_version: int = 0  # bumped whenever customer aliases change (matcher cache key)
    created_at: datetime = _when()
    # Slack: the Enterprise Grid org an org-wide install serves this workspace through.
    enterprise_id: str | None = Field(default=None, max_length=64, index=True)
    # Slack OAuth: the app was uninstalled (tokens gone, nothing sent); the data stays.
    uninstalled_at: datetime | None = _when(nullable=True)


class ChatUser(SQLModel, table=True):
    """A person as the chat platform knows them; profile facts are cached here."""

    __tablename__ = "chat_user"
    __table_args__ = (
        sa.UniqueConstraint("workspace_id", "external_id", name="uq_user_ext"),
        sa.Index("ix_user_name", "workspace_id", "name"),
    )

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    external_id: str = Field(max_length=64)
    name: str = Field(default="", max_length=200)
    tz: str | None = Field(default=None, max_length=64)
    is_admin: bool = False
    profile_fetched_at: datetime | None = _when(nullable=True)
    dm_channel: str | None = Field(default=None, max_length=64)  # Slack DM channel id
    conversation_ref: str | None = None  # Teams conversation reference (JSON)


class Customer(SQLModel, table=True):
    __tablename__ = "customer"
    __table_args__ = (
        sa.UniqueConstraint("workspace_id", "name_key", name="uq_customer_name"),
        sa.Index("ix_customer_segment", "workspace_id", "segment"),
    )

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    name: str = Field(max_length=200)
    name_key: str = Field(max_length=200)  # casefolded name, for unique lookups
    segment: str = Field(default="standard", max_length=64)
    value: float = 0.0
    owner: str | None = Field(default=None, max_length=64)  # account owner's user id
    status: str = Field(default="active", max_length=16)  # active, churned
    created_at: datetime = _when()
    churned_at: datetime | None = _when(nullable=True)  # when it was last marked churned
    erased_at: datetime | None = _when(nullable=True)


class CustomerAlias(SQLModel, table=True):
    """The words that identify a customer in chat; the name is always one of them."""

    __tablename__ = "customer_alias"
    __table_args__ = (
        sa.UniqueConstraint("workspace_id", "alias_key", name="uq_alias_key"),
        sa.Index("ix_alias_customer", "customer_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    customer_id: int = Field(foreign_key="customer.id")
    alias: str = Field(max_length=200)
    alias_key: str = Field(max_length=200)  # normalised words joined by one space


class Feedback(SQLModel, table=True):
    __tablename__ = "feedback"
    __table_args__ = (
        # One chat message is captured at most once (per customer it names).
        sa.UniqueConstraint(
            "workspace_id", "channel", "message_ts", "customer_id", name="uq_feedback_message"
        ),
        # Covers the reports' feedback-in-a-period aggregates: no table row is read for them.
        sa.Index(
            "ix_feedback_ws_created",
            "workspace_id",
            "created_at",
            "customer_id",
            "kind",
            "sentiment",
        ),
        # A customer's feedback in a period, per kind and negative (reviews, health): index-only.
        sa.Index(
            "ix_feedback_customer",
            "workspace_id",
            "customer_id",
            "created_at",
            "kind",
            "sentiment",
            postgresql_include=["id"],  # SQLite's indexes hold the row id already
        ),
        # customer_id and sentiment make "feedback per kind in a period" an index-only read.
        sa.Index(
            "ix_feedback_kind", "workspace_id", "kind", "created_at", "customer_id", "sentiment"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    customer_id: int = Field(foreign_key="customer.id")
    text: str = ""
    kind: str = Field(default="other", max_length=16)
    sentiment: float = 0.0
    source: str = Field(default="command", max_length=16)
    author: str = Field(default="", max_length=64)
    channel: str | None = Field(default=None, max_length=64)
    message_ts: str | None = Field(default=None, max_length=64)
    permalink: str | None = None
    created_at: datetime = _when()
    edited_at: datetime | None = _when(nullable=True)
    deleted_at: datetime | None = _when(nullable=True)


class FeedbackDay(SQLModel, table=True):
    """A customer's feedback per UTC day: items, negative items and the newest one's time.

    Kept by the database itself (triggers on feedback, migration 0037: every insert, delete and
    change of customer, time or sentiment, whatever code or tool made it), so it is exact;
    never written by the application. The health report sums a period's whole days from here
    (a tenth of the rows on the bench) and counts only its two partial days from feedback."""

    __tablename__ = "feedback_day"
    __table_args__ = (
        # every customer's days in a period, without the table (PostgreSQL hashes them)
        sa.Index(
            "ix_feedback_day_day",
            "workspace_id",
            "day",
            "customer_id",
            "items",
            "negative",
            "last_at",
        ),
        {"sqlite_with_rowid": False},  # the key is the table: a customer's days are one range
    )

    workspace_id: int = Field(primary_key=True)
    customer_id: int = Field(primary_key=True)
    day: date = Field(primary_key=True)
    items: int = 0
    negative: int = 0
    last_at: datetime = _when()


class Loop(SQLModel, table=True):
    """Something to close: a commitment, or feedback that needs an answer."""

    __tablename__ = "loop"
    __table_args__ = (
        sa.UniqueConstraint("workspace_id", "number", name="uq_loop_number"),
        sa.UniqueConstraint("workspace_id", "source_key", name="uq_loop_source"),
        sa.Index("ix_loop_owner", "workspace_id", "owner", "state"),
        sa.Index("ix_loop_customer", "workspace_id", "customer_id", "state"),
        # The extra columns cover the reports' aggregates (open, due, opened, closed, cancelled
        # in a period per owner or customer), so they never read the loop rows themselves.
        sa.Index(
            "ix_loop_state_due",
            "workspace_id",
            "state",
            "due_at",
            "done_at",
            "owner",
            "customer_id",
        ),
        sa.Index(
            "ix_loop_created",
            "workspace_id",
            "created_at",
            "state",
            "closed_at",
            "owner",
            "customer_id",
        ),
        sa.Index(
            "ix_loop_closed", "workspace_id", "closed_at", "created_at", "owner", "customer_id"
        ),
        sa.Index("ix_loop_cancelled", "workspace_id", "cancelled_at", "owner", "customer_id"),
        sa.Index("ix_loop_next_nudge", "next_nudge_at"),
        # A customer's review: promises made, due and closed in a quarter, open at its end
        # (reply_ts: its reply loops are told from the others without reading the rows).
        sa.Index(
            "ix_loop_customer_created", "workspace_id", "customer_id", "created_at", "reply_ts"
        ),
        sa.Index(
            "ix_loop_customer_due",
            "workspace_id",
            "customer_id",
            "due_at",
            "state",
            "done_at",
            "created_at",
        ),
        sa.Index(
            "ix_loop_customer_closed",
            "workspace_id",
            "customer_id",
            "closed_at",
            "created_at",
            "state",
            "due_at",
            "done_at",
        ),
        # Our reply in a customer's thread finds the reply loop it answers.
        sa.Index("ix_loop_reply", "workspace_id", "reply_channel", "reply_ts"),
        # Only reply loops and answered CSAT questions: the response and csat reports.
        _partial(
            "ix_loop_asked",
            "reply_ts IS NOT NULL",
            "workspace_id",
            "created_at",
            "customer_id",
            "state",
            "due_at",
            "first_response_at",
            "reply_ts",  # so the index covers the report (the WHERE names it)
        ),
        _partial(
            "ix_loop_csat", "csat IS NOT NULL", "workspace_id", "csat_at", "customer_id", "csat"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    number: int
    customer_id: int = Field(foreign_key="customer.id")
    feedback_id: int | None = Field(default=None, foreign_key="feedback.id")
    what: str
    owner: str = Field(max_length=64)
    created_by: str = Field(default="", max_length=64)
    state: str = Field(default="open", max_length=16)  # open, done, closed, cancelled
    due_at: datetime | None = _when(nullable=True)
    created_at: datetime = _when()
    done_at: datetime | None = _when(nullable=True)
    closed_at: datetime | None = _when(nullable=True)
    cancelled_at: datetime | None = _when(nullable=True)
    cancel_reason: str | None = None
    # Idempotency for loops made from a button ("Track this commitment?"): one loop per source.
    source_key: str | None = Field(default=None, max_length=200)
    # Follow-up engine state: the next nudge is due at next_nudge_at (None: nothing planned).
    next_nudge_at: datetime | None = _when(nullable=True)
    snoozed_until: datetime | None = _when(nullable=True)
    last_nudge_at: datetime | None = _when(nullable=True)  # slot time of the owner's last nudge
    overdue_nudges: int = 0
    escalation_level: int = 0
    nudge_channel: str | None = Field(default=None, max_length=64)
    nudge_ts: str | None = Field(default=None, max_length=64)
    # A reply loop answers a customer's message in a linked channel: that message is its thread.
    reply_channel: str | None = Field(default=None, max_length=200)
    reply_ts: str | None = Field(default=None, max_length=200)
    first_response_at: datetime | None = _when(nullable=True)  # our first reply in the thread
    # Where `tell` posted the answer to the customer (the CSAT question goes in that thread).
    told_channel: str | None = Field(default=None, max_length=200)
    told_ts: str | None = Field(default=None, max_length=200)
    csat: int | None = None  # the customer's answer to "How did we do?", 1-5
    csat_by: str | None = Field(default=None, max_length=64)
    csat_at: datetime | None = _when(nullable=True)


class ChannelLink(SQLModel, table=True):
    """A chat channel that belongs to one customer (Slack Connect, a Teams shared channel): what
    the customer's people say there is theirs."""

    __tablename__ = "channel_link"
    __table_args__ = (
        sa.UniqueConstraint("workspace_id", "channel", name="uq_channel_link"),
        sa.Index("ix_channel_link_customer", "workspace_id", "customer_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    channel: str = Field(max_length=200)  # Teams conversation ids are long
    customer_id: int = Field(foreign_key="customer.id")
    linked_by: str = Field(default="", max_length=64)
    linked_at: datetime = _when()


class LoopEvent(SQLModel, table=True):
    """The loop's history: every change, with who and when."""

    __tablename__ = "loop_event"
    __table_args__ = (
        sa.Index("ix_event_loop", "loop_id", "at"),
        sa.Index("ix_event_ws_at", "workspace_id", "at"),
        sa.Index("ix_event_customer", "customer_id", "at", "kind"),  # last touchpoint, timeline
    )

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    loop_id: int = Field(foreign_key="loop.id")
    # The loop's customer, copied so a customer's last touchpoint is one index seek (reports).
    customer_id: int | None = Field(default=None, foreign_key="customer.id")
    kind: str = Field(max_length=16)  # created, done, told, snoozed, reassigned, update, ...
    actor: str = Field(default="", max_length=64)
    note: str | None = None
    at: datetime = _when()


class Nudge(SQLModel, table=True):
    """One scheduled slot of a loop's nudges; (loop, slot) is sent at most once."""

    __tablename__ = "nudge"
    __table_args__ = (
        sa.UniqueConstraint("loop_id", "slot", name="uq_nudge_slot"),
        sa.Index("ix_nudge_status", "status", "lease_until"),
        sa.Index("ix_nudge_ws", "workspace_id", "sent_at"),
        sa.Index("ix_nudge_message", "channel", "message_ts"),
    )

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    loop_id: int = Field(foreign_key="loop.id")
    slot: str = Field(max_length=64)
    kind: str = Field(max_length=16)  # before_due, at_due, overdue, tell, escalation
    scheduled_for: datetime = _when()
    # claimed (leased, not tried), sending (tried: outcome unknown until sent), sent, skipped
    status: str = Field(default="claimed", max_length=16)
    lease_until: datetime | None = _when(nullable=True)
    attempts: int = 0
    sent_at: datetime | None = _when(nullable=True)
    channel: str | None = Field(default=None, max_length=64)
    message_ts: str | None = Field(default=None, max_length=64)


class ProcessedEvent(SQLModel, table=True):
    """Keys of chat events and button clicks already handled: a retry becomes a no-op."""

    __tablename__ = "processed_event"
    __table_args__ = (sa.UniqueConstraint("workspace_id", "key", name="uq_processed_key"),)

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    key: str = Field(max_length=255)
    created_at: datetime = _when()


class WorkspaceSetting(SQLModel, table=True):
    """Admin settings per workspace (escalation channel, digest, cadence, capture, ...)."""

    __tablename__ = "workspace_setting"
    __table_args__ = (sa.UniqueConstraint("workspace_id", "key", name="uq_setting_key"),)

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    key: str = Field(max_length=100)
    value: str = ""  # JSON


class Change(SQLModel, table=True):
    """One person's change to a loop, customer or feedback, with what it replaced: `undo`
    puts `before` back (within a few minutes, only for the one who made it)."""

    __tablename__ = "change"
    __table_args__ = (
        sa.Index("ix_change_actor", "workspace_id", "actor", "at"),
        sa.Index("ix_change_target", "target", "target_id", "at"),
        sa.Index("ix_change_customer", "customer_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    actor: str = Field(max_length=64)
    target: str = Field(max_length=16)  # loop, customer, feedback
    target_id: int
    # The customer it concerns: forgetting a customer erases its changes too.
    customer_id: int | None = Field(default=None, foreign_key="customer.id")
    summary: str = ""  # what was done, in words ("#12 marked done")
    before: str = ""  # JSON: the columns as they were (a deleted row: the whole row)
    at: datetime = _when()
    undone_at: datetime | None = _when(nullable=True)
