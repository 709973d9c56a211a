"""People's chat profiles as the sweep caches them: time zones and DM channels."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import col, select

from bot.core.loops import LIVE_STATES
from storage.models import (
    ChatUser,
    Loop,
    Workspace,
)
from storage.repos import _Repo, insert_ignore_many


class ProfileRepo(_Repo):
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
                col(Loop.state).in_(LIVE_STATES),
                col(Workspace.platform).in_(list(platforms)),
                col(Workspace.uninstalled_at).is_(None),
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
