"""Nudge slots, each sent once.

A slot is a row of `nudge`, unique per (loop, slot). Its life: `claimed` (leased by one sweeper,
not tried yet) -> `sending` (tried: it may have gone out) -> `sent`, or `skipped`. `attempts` is
the fencing token: a sweeper whose lease ran out and was taken over can no longer move the row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from storage.due_loops import LoopRow
from storage.models import (
    Nudge,
    ProcessedEvent,
)
from storage.repos import _Repo

PENDING = ("claimed", "sending")


class NudgeRepo(_Repo):
    @property
    def _postgres(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

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

    def messages_showing(self, loop_id: int) -> list[tuple[str, str]]:
        """(channel, ts) of the sent messages that carried one of this loop's nudges."""
        table = Nudge.__table__
        rows = self.session.execute(
            sa.select(table.c.channel, table.c.message_ts)
            .where(
                table.c.loop_id == loop_id,
                table.c.status == "sent",
                table.c.channel.is_not(None),
                table.c.message_ts.is_not(None),
            )
            .distinct()
        )
        return [(channel, ts) for channel, ts in rows]

    def in_message(self, workspace_id: int, channel: str, ts: str) -> list[tuple[int, str]]:
        """(loop id, nudge kind) of every nudge a sent message carried, in the order sent."""
        table = Nudge.__table__
        rows = self.session.execute(
            sa.select(table.c.loop_id, table.c.kind)
            .where(
                table.c.workspace_id == workspace_id,
                table.c.channel == channel,
                table.c.message_ts == ts,
            )
            .order_by(table.c.id)
        )
        return [(loop_id, kind) for loop_id, kind in rows]

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

    def forget_key(self, workspace_id: int, key: str) -> None:
        self.session.execute(
            sa.delete(ProcessedEvent).where(
                ProcessedEvent.workspace_id == workspace_id, ProcessedEvent.key == key
            )
        )
