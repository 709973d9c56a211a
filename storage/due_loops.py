"""Due loops of the follow-up engine: claimed under a lease, locked, changed and written back
in bulk, with the history a nudge quotes.

PostgreSQL: due loops are claimed with FOR UPDATE SKIP LOCKED, so two sweepers never wait on or
take the same loop. SQLite: one writer at a time does the same job.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace

import sqlalchemy as sa
from sqlmodel import col, func, select

from bot.core.loops import LIVE_STATES
from storage.models import (
    Loop,
    LoopEvent,
    Workspace,
)
from storage.repos import _Repo

# A loop's columns as a plain mutable object: the sweep reads and changes many at a time and
# writes them back in one statement, without the ORM's per-object cost.
LoopRow = SimpleNamespace


@dataclass(frozen=True)
class HistorySummary:
    """What a nudge says about a loop's past: counts by kind and the latest update's words."""

    counts: dict[str, int]
    last_update: str | None


def _rows(result: sa.Result) -> list[LoopRow]:
    return [SimpleNamespace(**row._mapping) for row in result]


class DueLoopRepo(_Repo):
    @property
    def _postgres(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

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
                col(Loop.state).in_(LIVE_STATES),
                col(Workspace.platform).in_(list(platforms)),
                col(Workspace.uninstalled_at).is_(None),  # uninstalled: nothing is sent
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
