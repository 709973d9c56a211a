"""A Slack workspace's install state (the org it is served through, uninstalled or not) and its
erasure: every row of every table that belongs to it."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import SQLModel, col

import storage.tickets  # noqa: F401 - its tables are in the metadata erase() walks
from storage.models import Workspace
from storage.repos import WorkspaceRepo, _Repo

SLACK = "slack"
SLACK_INSTALL_TABLES = ("slack_bots", "slack_installations")  # slack_sdk's (migration 0023)


class InstallRepo(_Repo):
    def in_org(self, team_id: str, enterprise_id: str, now: datetime) -> None:
        """Remember that `team_id` is served through its org's (`enterprise_id`) install."""
        self._ensure(team_id, now)
        self.session.execute(
            sa.update(Workspace)
            .where(
                col(Workspace.platform) == SLACK,
                col(Workspace.external_id) == team_id,
                sa.or_(
                    col(Workspace.enterprise_id).is_(None),
                    col(Workspace.enterprise_id) != enterprise_id,
                ),
            )
            .values(enterprise_id=enterprise_id)
        )

    def set_installed(
        self, team_id: str | None, enterprise_id: str | None, at: datetime | None, now: datetime
    ) -> int:
        """Mark a workspace (or, for an org-wide install, every workspace of the org)
        uninstalled at `at`, or installed again (`at` None). Returns how many were marked."""
        if team_id:
            self._ensure(team_id, now)
            which = col(Workspace.external_id) == team_id
        elif enterprise_id:
            which = col(Workspace.enterprise_id) == enterprise_id
        else:
            return 0
        result = self.session.execute(
            sa.update(Workspace)
            .where(col(Workspace.platform) == SLACK, which)
            .values(uninstalled_at=at)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def enterprise_of(self, team_id: str) -> str | None:
        return self.session.execute(
            sa.select(Workspace.enterprise_id).where(
                col(Workspace.platform) == SLACK, col(Workspace.external_id) == team_id
            )
        ).scalar_one_or_none()

    def erase(self, workspace_id: int) -> Counter[str]:
        """Delete every row of the workspace, children before parents; how many per table."""
        erased: Counter[str] = Counter()
        for table in reversed(SQLModel.metadata.sorted_tables):
            if "workspace_id" in table.c:
                result = self.session.execute(
                    table.delete().where(table.c.workspace_id == workspace_id)
                )
                erased[table.name] += int(result.rowcount or 0)  # type: ignore[attr-defined]
        team = self.session.get(Workspace, workspace_id)
        if team is not None and team.platform == SLACK:
            for name in SLACK_INSTALL_TABLES:  # its tokens (an org-wide install is the org's)
                table = sa.table(name, sa.column("team_id"))
                result = self.session.execute(
                    table.delete().where(table.c.team_id == team.external_id)
                )
                erased[name] += int(result.rowcount or 0)  # type: ignore[attr-defined]
        result = self.session.execute(sa.delete(Workspace).where(col(Workspace.id) == workspace_id))
        erased["workspace"] += int(result.rowcount or 0)  # type: ignore[attr-defined]
        return erased

    def _ensure(self, team_id: str, now: datetime) -> None:
        WorkspaceRepo(self.session).get_or_create(SLACK, team_id, now)
