"""What planning a loop's nudges reads, in bulk: workspaces, their settings, customers and
people (names, zones, DM channels)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlmodel import col, select

from storage.models import (
    ChatUser,
    Customer,
    Workspace,
    WorkspaceSetting,
)
from storage.repos import _Repo


class PlanFactRepo(_Repo):
    def workspaces(self, ids: Iterable[int]) -> dict[int, sa.Row]:
        table = Workspace.__table__
        rows = self.session.execute(sa.select(*table.c).where(table.c.id.in_(set(ids))))
        return {row.id: row for row in rows}

    def workspaces_on(self, platforms: Iterable[str]) -> Sequence[Workspace]:
        return self.session.exec(
            select(Workspace)
            .where(
                col(Workspace.platform).in_(list(platforms)),
                col(Workspace.uninstalled_at).is_(None),
            )
            .order_by(col(Workspace.id))
        ).all()

    def customers(self, ids: Iterable[int]) -> dict[int, sa.Row]:
        table = Customer.__table__
        rows = self.session.execute(
            sa.select(
                table.c.id, table.c.name, table.c.segment, table.c.owner, table.c.status
            ).where(table.c.id.in_(set(ids)))
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

    def settings(self, workspace_ids: Iterable[int]) -> dict[int, dict[str, object]]:
        out: dict[int, dict[str, object]] = {ws: {} for ws in workspace_ids}
        rows = self.session.exec(
            select(WorkspaceSetting).where(col(WorkspaceSetting.workspace_id).in_(list(out)))
        ).all()
        for row in rows:
            out[row.workspace_id][row.key] = json.loads(row.value)
        return out
