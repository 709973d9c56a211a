"""The follow-up engine's rows: due loops claimed under a lease, and nudge slots sent once.

A slot is a row of `nudge`, unique per (loop, slot). Its life: `claimed` (leased by one sweeper,
not tried yet) -> `sending` (tried: it may have gone out) -> `sent`, or `skipped`. `attempts` is
the fencing token: a sweeper whose lease ran out and was taken over can no longer move the row.
PostgreSQL: due loops are claimed with FOR UPDATE SKIP LOCKED, so two sweepers never wait on or
take the same loop. SQLite: one writer at a time does the same job.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, func, select

from storage.models import (
    ChatUser,
    Customer,
    Loop,
    LoopEvent,
    Nudge,
    ProcessedEvent,
    Workspace,
    WorkspaceSetting,
)
from storage.repos import insert_ignore_many
from storage.uow import UnitOfWork

LIVE = ("open", "done")
# A loop's columns as a plain mutable object: the sweep reads and changes many at a time and
# writes them back in one statement, without the ORM's per-object cost.
LoopRow = SimpleNamespace
PENDING = ("claimed", "sending")


@dataclass(frozen=True)
class HistorySummary:
    """What a nudge says about a loop's past: counts by kind and the latest update's words."""

    counts: dict[str, int]
    last_update: str | None


def _rows(result: sa.Result) -> list[LoopRow]:
    return [SimpleNamespace(**row._mapping) for row in result]


class NudgeRepo:
    def __init__(self, session: Session) -> None:
        self.session = session

    @classmethod
    def of(cls, uow: UnitOfWork) -> NudgeRepo:
        return cls(uow.session)

    @property
    def _postgres(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    # ---- loops -----------------------------------------------------------------------------

    def claim_due_loops(
        self, now: datetime, lease_until: datetime, platforms: Iterable[str], limit: int
    ) -> list[LoopRow]:
        """Live loops due by `now` in workspaces of these platforms, oldest first, locked and
        pushed to `lease_until` so no other sweeper sees them meanwhile."""
        due = (
            select(Loop.id)
            .join(Workspace, col(Workspace.id) == col(Loop.workspace_id))
            .where(
                col(Loop.next_nudge_at) <= now,
                col(Loop.state).in_(LIVE),
                col(Workspace.platform).in_(list(platforms)),
            )
            .order_by(col(Loop.next_nudge_at), col(Loop.id))
            .limit(limit)
        )
        if self._postgres:
            due = due.with_for_update(of=Loop, skip_locked=True)  # type: ignore[arg-type]
        table = Loop.__table__
        statement = (
            sa.update(table)
            .where(table.c.id.in_(due.scalar_subquery()))
            .values(next_nudge_at=lease_until)
            .returning(*table.c)
        )
        return sorted(_rows(self.session.execute(statement)), key=lambda lp: lp.id)

    def lock_loops(self, loop_ids: Iterable[int]) -> dict[int, LoopRow]:
        """Loops to change after a send, locked (PostgreSQL) in id order so writers never
        deadlock."""
        ids = sorted(set(loop_ids))
        if not ids:
            return {}
        table = Loop.__table__
        statement = sa.select(*table.c).where(table.c.id.in_(ids)).order_by(table.c.id)
        if self._postgres:
            statement = statement.with_for_update()
        return {row.id: row for row in _rows(self.session.execute(statement))}

    # ---- facts the sweep needs, in bulk ----------------------------------------------------

    def workspaces(self, ids: Iterable[int]) -> dict[int, sa.Row]:
        table = Workspace.__table__
        rows = self.session.execute(sa.select(*table.c).where(table.c.id.in_(set(ids))))
        return {row.id: row for row in rows}

    def workspaces_on(self, platforms: Iterable[str]) -> Sequence[Workspace]:
        return self.session.exec(
            select(Workspace)
            .where(col(Workspace.platform).in_(list(platforms)))
            .order_by(col(Workspace.id))
        ).all()

    def customers(self, ids: Iterable[int]) -> dict[int, sa.Row]:
        table = Customer.__table__
        rows = self.session.execute(
            sa.select(table.c.id, table.c.name, table.c.segment, table.c.owner).where(
                table.c.id.in_(set(ids))
            )
        )
        return {row.id: row for row in rows}

    def users(self, workspace_users: Iterable[tuple[int, str]]) -> dict[tuple[int, str], sa.Row]:
        """Users' names, zones and DM channels by (workspace id, external id)."""
        wanted = set(workspace_users)
        if not wanted:
            return {}
        table = ChatUser.__table__
        rows = self.session.execute(
            sa.select(
                table.c.workspace_id,
                table.c.external_id,
                table.c.name,
                table.c.tz,
                table.c.dm_channel,
            ).where(
                table.c.workspace_id.in_({ws for ws, _u in wanted}),
                table.c.external_id.in_({u for _ws, u in wanted}),
            )
        )
        return {
            (row.workspace_id, row.external_id): row
            for row in rows
            if (row.workspace_id, row.external_id) in wanted
        }

    def stale_owners(
        self, now: datetime, older_than: datetime, platforms: Iterable[str], limit: int = 5000
    ) -> list[tuple[int, str, str, str]]:
        """(workspace id, platform, workspace external id, user) for owners of loops due by
        `now` whose profile (time zone) was not fetched since `older_than`."""
        statement = (
            select(Workspace.id, Workspace.platform, Workspace.external_id, Loop.owner)
            .join(Workspace, col(Workspace.id) == col(Loop.workspace_id))
            .outerjoin(
                ChatUser,
                sa.and_(
                    col(ChatUser.workspace_id) == col(Loop.workspace_id),
                    col(ChatUser.external_id) == col(Loop.owner),
                ),
            )
            .where(
                col(Loop.next_nudge_at) <= now,
                col(Loop.state).in_(LIVE),
                col(Workspace.platform).in_(list(platforms)),
                sa.or_(
                    col(ChatUser.profile_fetched_at).is_(None),
                    col(ChatUser.profile_fetched_at) < older_than,
                ),
            )
            .distinct()
            .limit(limit)
        )
        return [tuple(row) for row in self.session.exec(statement).all()]  # type: ignore[misc]

    def save_timezones(self, found: Sequence[tuple[int, str, str | None]], now: datetime) -> None:
        """Cache profiles' time zones (workspace id, user, tz; None: unknown, keep what we had)
        and when we asked: two statements for all, the users in a fixed order."""
        rows = sorted(set(found), key=lambda f: (f[0], f[1]))
        if not rows:
            return
        insert_ignore_many(
            self.session,
            ChatUser,
            [
                {"workspace_id": ws, "external_id": user, "name": user, "is_admin": False}
                for ws, user, _tz in rows
            ],
            ("id",),
        )
        table = ChatUser.__table__
        self._update_users(
            [{"b_ws": ws, "b_user": user, "b_tz": tz or None} for ws, user, tz in rows],
            profile_fetched_at=now,
            tz=sa.func.coalesce(sa.bindparam("b_tz", type_=table.c.tz.type), table.c.tz),
        )

    def save_dm_channels(self, found: Iterable[tuple[int, str, str]]) -> None:
        """Remember users' DM channels (workspace id, user, channel), so a later sweep opens no
        conversation it already has; one statement for all."""
        rows = [
            {"b_ws": ws, "b_user": user, "b_channel": channel}
            for ws, user, channel in sorted(set(found))
        ]
        if not rows:
            return
        table = ChatUser.__table__
        self._update_users(rows, table.c.dm_channel.is_(None), dm_channel=sa.bindparam("b_channel"))

    def _update_users(
        self, rows: list[dict], *conditions: sa.ColumnElement[bool], **values: object
    ) -> None:
        """One UPDATE of chat_user run for each row's user (`b_ws`, `b_user`): executemany."""
        table = ChatUser.__table__
        self.session.execute(
            sa.update(table)
            .where(
                table.c.workspace_id == sa.bindparam("b_ws"),
                table.c.external_id == sa.bindparam("b_user"),
                *conditions,
            )
            .values(**values),
            rows,
        )

    def settings(self, workspace_ids: Iterable[int]) -> dict[int, dict[str, object]]:
        out: dict[int, dict[str, object]] = {ws: {} for ws in workspace_ids}
        rows = self.session.exec(
            select(WorkspaceSetting).where(col(WorkspaceSetting.workspace_id).in_(list(out)))
        ).all()
        for row in rows:
            out[row.workspace_id][row.key] = json.loads(row.value)
        return out

    def histories(self, loop_ids: Iterable[int]) -> dict[int, HistorySummary]:
        """Per loop: how many events of each kind, and the text of the latest update."""
        ids = list(set(loop_ids))
        counts: dict[int, dict[str, int]] = {i: {} for i in ids}
        if not ids:
            return {}
        for loop_id, kind, count in self.session.exec(
            select(LoopEvent.loop_id, LoopEvent.kind, func.count(LoopEvent.id))
            .where(col(LoopEvent.loop_id).in_(ids))
            .group_by(col(LoopEvent.loop_id), col(LoopEvent.kind))
        ).all():
            counts[loop_id][kind] = count
        latest = (
            select(LoopEvent.loop_id, func.max(LoopEvent.id).label("last_id"))
            .where(col(LoopEvent.loop_id).in_(ids), LoopEvent.kind == "update")
            .group_by(col(LoopEvent.loop_id))
            .subquery()
        )
        notes = dict(
            self.session.exec(
                select(LoopEvent.loop_id, LoopEvent.note).join(
                    latest, col(LoopEvent.id) == latest.c.last_id
                )
            ).all()
        )
        return {i: HistorySummary(counts[i], notes.get(i)) for i in ids}

    # ---- nudge slots -----------------------------------------------------------------------

    def pending(self, loop_ids: Iterable[int]) -> dict[int, sa.Row]:
        """Each loop's slot that is claimed or being sent (at most one per loop)."""
        ids = list(set(loop_ids))
        if not ids:
            return {}
        table = Nudge.__table__
        rows = self.session.execute(
            sa.select(*table.c)
            .where(table.c.loop_id.in_(ids), table.c.status.in_(PENDING))
            .order_by(table.c.id)
        )
        return {row.loop_id: row for row in rows}

    def open_slots(
        self, slots: Sequence[tuple[LoopRow, str, str, datetime]], lease_until: datetime
    ) -> dict[int, int]:
        """Claim new slots (loop, slot, kind, time): {loop id: nudge id} for those claimed; a
        slot that exists already (sent, or in hand) is left out."""
        if not slots:
            return {}
        table = Nudge.__table__
        dialect = postgresql if self._postgres else sqlite
        statement = (
            dialect.insert(table).on_conflict_do_nothing().returning(table.c.loop_id, table.c.id)
        )
        rows = self.session.execute(
            statement,
            [
                {
                    "workspace_id": loop.workspace_id,
                    "loop_id": loop.id,
                    "slot": slot,
                    "kind": kind,
                    "scheduled_for": at,
                    "status": "claimed",
                    "lease_until": lease_until,
                    "attempts": 1,
                }
                for loop, slot, kind, at in slots
            ],
        )
        return {loop_id: nudge_id for loop_id, nudge_id in rows}

    def take_over(self, nudge: sa.Row, lease_until: datetime) -> int:
        """Resume a slot whose sweeper's lease ran out; the attempt that is now ours."""
        table = Nudge.__table__
        self.session.execute(
            sa.update(table)
            .where(table.c.id == nudge.id)
            .values(attempts=nudge.attempts + 1, lease_until=lease_until)
        )
        return nudge.attempts + 1

    def mark_sending(self, held: Sequence[tuple[int, int]], now: datetime) -> set[int]:
        """Mark slots (id, attempt) as being tried; the ids still ours (same attempt, lease not
        over)."""
        table = Nudge.__table__
        return self._fenced(
            held,
            {"status": "sending"},
            table.c.status.in_(PENDING),
            table.c.lease_until > now,
        )

    def finish(
        self, done: Sequence[tuple[int, int, str | None, str | None]], status: str, now: datetime
    ) -> set[int]:
        """Record slots (id, attempt, channel, message ts) as sent or skipped; the ids that were
        still ours (another sweeper may have taken one over)."""
        ours = self._fenced(
            [(i, a) for i, a, _c, _t in done],
            {"status": status, "sent_at": now, "lease_until": None},
        )
        where = [
            {"b_id": i, "b_channel": c, "b_ts": t} for i, _a, c, t in done if i in ours and (c or t)
        ]
        if where:
            table = Nudge.__table__
            self.session.execute(
                sa.update(table)
                .where(table.c.id == sa.bindparam("b_id"))
                .values(channel=sa.bindparam("b_channel"), message_ts=sa.bindparam("b_ts")),
                where,
            )
        return ours

    def _fenced(
        self,
        held: Sequence[tuple[int, int]],
        values: dict[str, object],
        *conditions: sa.ColumnElement[bool],
    ) -> set[int]:
        """UPDATE the rows whose attempt is still the one given; their ids."""
        by_attempt: dict[int, list[int]] = {}
        for nudge_id, attempt in held:
            by_attempt.setdefault(attempt, []).append(nudge_id)
        ours: set[int] = set()
        table = Nudge.__table__  # Core, not the ORM's bulk update: nothing here is an object
        for attempt, ids in by_attempt.items():
            statement = (
                sa.update(table)
                .where(table.c.id.in_(ids), table.c.attempts == attempt, *conditions)
                .values(**values)
                .returning(table.c.id)
            )
            ours.update(self.session.execute(statement).scalars().all())
        return ours

    def release(self, nudge_id: int, attempt: int, retry_at: datetime, maybe_sent: bool) -> bool:
        """A send failed: try the slot again at `retry_at`. `maybe_sent` keeps it marked as
        tried, so the retry first looks whether it went out after all."""
        result = self.session.execute(
            sa.update(Nudge)
            .where(Nudge.id == nudge_id, Nudge.attempts == attempt)
            .values(status="sending" if maybe_sent else "claimed", lease_until=retry_at)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1

    def save_loops(self, loops: Sequence[LoopRow]) -> None:
        """Write the follow-up fields of many loops in one statement (executemany)."""
        if not loops:
            return
        table = Loop.__table__
        fields = (
            "next_nudge_at",
            "last_nudge_at",
            "overdue_nudges",
            "escalation_level",
            "nudge_channel",
            "nudge_ts",
        )
        rows = [
            {"b_id": loop.id, **{f"b_{name}": getattr(loop, name) for name in fields}}
            for loop in loops
        ]
        self.session.execute(
            sa.update(table)
            .where(table.c.id == sa.bindparam("b_id"))
            .values(**{name: sa.bindparam(f"b_{name}") for name in fields}),
            rows,
        )

    def set_next(self, loop_id: int, at: datetime | None) -> None:
        self.session.execute(
            sa.update(Loop)
            .where(Loop.id == loop_id)
            .values(next_nudge_at=at)
            .execution_options(synchronize_session=False)
        )

    def add_events(self, events: Sequence[tuple[Loop, str, str]], actor: str, at: datetime) -> None:
        """History rows (loop, kind, note) in one statement (Core: no ORM objects)."""
        if not events:
            return
        self.session.execute(
            sa.insert(LoopEvent.__table__),
            [
                {
                    "workspace_id": loop.workspace_id,
                    "loop_id": loop.id,
                    "customer_id": loop.customer_id,
                    "kind": kind,
                    "actor": actor,
                    "note": note,
                    "at": at,
                }
                for loop, kind, note in events
            ],
        )

    def forget_key(self, workspace_id: int, key: str) -> None:
        self.session.execute(
            sa.delete(ProcessedEvent).where(
                ProcessedEvent.workspace_id == workspace_id, ProcessedEvent.key == key
            )
        )
