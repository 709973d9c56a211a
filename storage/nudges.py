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

import sqlalchemy as sa
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
from storage.repos import insert_ignore
from storage.uow import UnitOfWork

LIVE = ("open", "done")
PENDING = ("claimed", "sending")


@dataclass(frozen=True)
class HistorySummary:
    """What a nudge says about a loop's past: counts by kind and the latest update's words."""

    counts: dict[str, int]
    last_update: str | None


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
    ) -> list[Loop]:
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
        statement = (
            sa.update(Loop)
            .where(col(Loop.id).in_(due.scalar_subquery()))
            .values(next_nudge_at=lease_until)
            .returning(Loop)
            .execution_options(synchronize_session=False)
        )
        return sorted(self.session.scalars(statement).all(), key=lambda lp: lp.id)  # type: ignore[arg-type,return-value]

    def lock_loops(self, loop_ids: Iterable[int]) -> dict[int, Loop]:
        """Loops to change after a send, locked (PostgreSQL) in id order so writers never
        deadlock."""
        ids = sorted(set(loop_ids))
        if not ids:
            return {}
        statement = select(Loop).where(col(Loop.id).in_(ids)).order_by(col(Loop.id))
        if self._postgres:
            statement = statement.with_for_update()
        rows = self.session.exec(statement).all()
        return {row.id: row for row in rows}  # type: ignore[misc]

    # ---- facts the sweep needs, in bulk ----------------------------------------------------

    def workspaces(self, ids: Iterable[int]) -> dict[int, Workspace]:
        rows = self.session.exec(select(Workspace).where(col(Workspace.id).in_(set(ids)))).all()
        return {row.id: row for row in rows}  # type: ignore[misc]

    def workspaces_on(self, platforms: Iterable[str]) -> Sequence[Workspace]:
        return self.session.exec(
            select(Workspace)
            .where(col(Workspace.platform).in_(list(platforms)))
            .order_by(col(Workspace.id))
        ).all()

    def customers(self, ids: Iterable[int]) -> dict[int, Customer]:
        rows = self.session.exec(select(Customer).where(col(Customer.id).in_(set(ids)))).all()
        return {row.id: row for row in rows}  # type: ignore[misc]

    def users(self, workspace_users: Iterable[tuple[int, str]]) -> dict[tuple[int, str], ChatUser]:
        """ChatUsers by (workspace id, external id)."""
        wanted = set(workspace_users)
        if not wanted:
            return {}
        rows = self.session.exec(
            select(ChatUser).where(
                sa.tuple_(col(ChatUser.workspace_id), col(ChatUser.external_id)).in_(wanted)
            )
        ).all()
        return {(row.workspace_id, row.external_id): row for row in rows}

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

    def save_timezone(self, workspace_id: int, user: str, tz: str | None, now: datetime) -> None:
        """Cache a profile's time zone (None: unknown, keep what we had) and when we asked."""
        insert_ignore(
            self.session,
            ChatUser,
            {"workspace_id": workspace_id, "external_id": user, "name": user, "is_admin": False},
        )
        values: dict[str, object] = {"profile_fetched_at": now}
        if tz:
            values["tz"] = tz
        self.session.execute(
            sa.update(ChatUser)
            .where(col(ChatUser.workspace_id) == workspace_id, col(ChatUser.external_id) == user)
            .values(**values)
            .execution_options(synchronize_session=False)
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

    def pending(self, loop_ids: Iterable[int]) -> dict[int, Nudge]:
        """Each loop's slot that is claimed or being sent (at most one per loop)."""
        ids = list(set(loop_ids))
        if not ids:
            return {}
        rows = self.session.exec(
            select(Nudge)
            .where(col(Nudge.loop_id).in_(ids), col(Nudge.status).in_(PENDING))
            .order_by(col(Nudge.id))
        ).all()
        return {row.loop_id: row for row in rows}

    def open_slot(
        self, loop: Loop, slot: str, kind: str, scheduled_for: datetime, lease_until: datetime
    ) -> Nudge | None:
        """Claim a new slot; None when the slot exists already (it was sent, or is in hand)."""
        new_id = insert_ignore(
            self.session,
            Nudge,
            {
                "workspace_id": loop.workspace_id,
                "loop_id": loop.id,
                "slot": slot,
                "kind": kind,
                "scheduled_for": scheduled_for,
                "status": "claimed",
                "lease_until": lease_until,
                "attempts": 1,
            },
        )
        return self.session.get(Nudge, new_id) if new_id is not None else None

    def take_over(self, nudge: Nudge, lease_until: datetime) -> Nudge:
        """Resume a slot whose sweeper's lease ran out; its status says whether it was tried."""
        nudge.attempts += 1
        nudge.lease_until = lease_until
        self.session.add(nudge)
        self.session.flush()
        return nudge

    def slot(self, loop_id: int, slot: str) -> Nudge | None:
        return self.session.exec(
            select(Nudge).where(Nudge.loop_id == loop_id, Nudge.slot == slot)
        ).first()

    def mark_sending(self, held: Sequence[tuple[int, int]], now: datetime) -> set[int]:
        """Mark slots as being tried; the ids still held by us (same attempt, lease not over)."""
        if not held:
            return set()
        statement = (
            sa.update(Nudge)
            .where(
                sa.tuple_(col(Nudge.id), col(Nudge.attempts)).in_(list(held)),
                col(Nudge.status).in_(PENDING),
                col(Nudge.lease_until) > now,
            )
            .values(status="sending")
            .returning(col(Nudge.id))
            .execution_options(synchronize_session=False)
        )
        return set(self.session.scalars(statement).all())

    def finish(
        self,
        nudge_id: int,
        attempt: int,
        status: str,
        now: datetime,
        channel: str | None = None,
        message_ts: str | None = None,
    ) -> bool:
        """Record a slot as sent (or skipped); False when another sweeper holds it now."""
        result = self.session.execute(
            sa.update(Nudge)
            .where(Nudge.id == nudge_id, Nudge.attempts == attempt)
            .values(
                status=status, sent_at=now, lease_until=None, channel=channel, message_ts=message_ts
            )
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1

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

    def set_next(self, loop_id: int, at: datetime | None) -> None:
        self.session.execute(
            sa.update(Loop)
            .where(Loop.id == loop_id)
            .values(next_nudge_at=at)
            .execution_options(synchronize_session=False)
        )

    def add_events(self, events: Sequence[tuple[Loop, str, str]], actor: str, at: datetime) -> None:
        """History rows (loop, kind, note) in one statement."""
        if not events:
            return
        self.session.execute(
            sa.insert(LoopEvent),
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
