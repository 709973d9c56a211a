"""Queries of one kind each. Nothing outside storage/ writes SQL or touches a session."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from storage.models import (
    ChatUser,
    Customer,
    Loop,
    LoopEvent,
    ProcessedEvent,
    Workspace,
    WorkspaceSetting,
)


def insert_ignore(session: Session, model: type, values: dict) -> int | None:
    """INSERT ... ON CONFLICT DO NOTHING; the new row's id, or None when a unique key was hit."""
    table = model.__table__
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(table).values(**values).on_conflict_do_nothing().returning(table.c.id)
    )
    return session.execute(statement).scalar_one_or_none()


def insert_ignore_many(
    session: Session, model: type, rows: list[dict], key_columns: tuple[str, ...]
) -> set[tuple]:
    """Multi-row INSERT ... ON CONFLICT DO NOTHING: `key_columns` of the rows really inserted
    (a row whose unique key was already taken is skipped)."""
    if not rows:
        return set()
    # executemany with RETURNING: SQLAlchemy sends one multi-row INSERT per batch of rows from
    # a statement compiled once (its "insertmanyvalues"), not a new statement per burst.
    statement = _insert_ignoring(model, session.get_bind().dialect.name, key_columns)
    return {tuple(row) for row in session.execute(statement, rows)}


@functools.cache
def _insert_ignoring(model: type, dialect_name: str, key_columns: tuple[str, ...]) -> sa.Insert:
    """Built once per table: the capture path runs it for every burst of messages."""
    table = model.__table__
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    returned = [table.c[name] for name in key_columns]
    return dialect.insert(table).on_conflict_do_nothing().returning(*returned)


# The capture path's lookups, built once (Core, bound parameters): building an ORM statement
# per burst cost more than running it.
_ws, _user, _customer, _setting = (
    Workspace.__table__,  # type: ignore[attr-defined]
    ChatUser.__table__,  # type: ignore[attr-defined]
    Customer.__table__,  # type: ignore[attr-defined]
    WorkspaceSetting.__table__,  # type: ignore[attr-defined]
)
_WORKSPACE_ID = sa.select(_ws.c.id, _ws.c.alias_version).where(
    _ws.c.platform == sa.bindparam("platform"), _ws.c.external_id == sa.bindparam("external_id")
)
_USER_FACTS = sa.select(_user.c.name, _user.c.tz, _user.c.is_admin).where(
    _user.c.workspace_id == sa.bindparam("workspace_id"),
    _user.c.external_id == sa.bindparam("external_id"),
)
_CUSTOMER_NAMES = sa.select(_customer.c.id, _customer.c.name).where(
    _customer.c.id.in_(sa.bindparam("ids", expanding=True))
)
_SETTING = sa.select(_setting.c.value).where(
    _setting.c.workspace_id == sa.bindparam("workspace_id"),
    _setting.c.key == sa.bindparam("key"),
)


class _Repo:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _run(self, statement: sa.Executable) -> sa.CursorResult:
        """Plain Core execution: report rows are tuples, not ORM objects."""
        return self.session.connection().execute(statement)

    @property
    def _dialect(self) -> str:
        return self.session.connection().dialect.name

    def _document(self, statement: sa.Select) -> list[list]:
        """`statement`'s rows, built by the database into one JSON document: one value to
        fetch and parse (in C) instead of a Python row per customer, and SQLite computes it
        without holding Python's interpreter lock, so reads on other threads run side by side.
        Times come back as the stored naive UTC text (see `storage.queries.aware`); rows in no
        particular order (give them a rank to sort by)."""
        table = statement.subquery()
        if self._dialect == "postgresql":
            document = sa.func.json_agg(sa.func.json_build_array(*table.c))
        else:
            document = sa.func.json_group_array(sa.func.json_array(*table.c))
        found = self._run(sa.select(document)).scalar_one() or []
        return json.loads(found) if isinstance(found, str) else found  # psycopg parses it


class WorkspaceRepo(_Repo):
    def get_or_create(
        self, platform: str, external_id: str, now: datetime, name: str = ""
    ) -> Workspace:
        found = self.find(platform, external_id)
        if found:
            return found
        insert_ignore(
            self.session,
            Workspace,
            {
                "platform": platform,
                "external_id": external_id,
                "name": name,
                "loop_seq": 0,
                "created_at": now,
            },
        )
        return self.find(platform, external_id)  # type: ignore[return-value]

    def find(self, platform: str, external_id: str) -> Workspace | None:
        return self.session.exec(
            select(Workspace).where(
                Workspace.platform == platform, Workspace.external_id == external_id
            )
        ).first()

    def get(self, workspace_id: int) -> Workspace | None:
        return self.session.get(Workspace, workspace_id)

    def id_and_alias_version(self, platform: str, external_id: str) -> tuple[int, int] | None:
        """The workspace's id and alias version, or None when it is not stored yet."""
        row = (
            self.session.connection()
            .execute(_WORKSPACE_ID, {"platform": platform, "external_id": external_id})
            .first()
        )
        return (row[0], row[1]) if row else None

    def all(self) -> Sequence[Workspace]:
        return self.session.exec(select(Workspace).order_by(Workspace.id)).all()

    def next_loop_number(self, workspace_id: int) -> int:
        """Hand out the next #number; the row update serialises concurrent writers."""
        statement = (
            sa.update(Workspace)
            .where(col(Workspace.id) == workspace_id)
            .values(loop_seq=Workspace.loop_seq + 1)
            .returning(Workspace.loop_seq)
        )
        return self.session.execute(statement).scalar_one()


class UserRepo(_Repo):
    def get(self, workspace_id: int, external_id: str) -> ChatUser | None:
        return self.session.exec(
            select(ChatUser).where(
                ChatUser.workspace_id == workspace_id, ChatUser.external_id == external_id
            )
        ).first()

    def facts(self, workspace_id: int, external_id: str) -> dict[str, object] | None:
        """The user's stored name, tz and is_admin (None when not stored yet)."""
        row = (
            self.session.connection()
            .execute(_USER_FACTS, {"workspace_id": workspace_id, "external_id": external_id})
            .first()
        )
        return dict(row._mapping) if row else None

    def any_admin(self, workspace_id: int) -> bool:
        return (
            self.session.exec(
                select(ChatUser.id).where(
                    ChatUser.workspace_id == workspace_id, col(ChatUser.is_admin).is_(True)
                )
            ).first()
            is not None
        )

    def by_name(self, workspace_id: int, name: str) -> ChatUser | None:
        return self.session.exec(
            select(ChatUser).where(ChatUser.workspace_id == workspace_id, ChatUser.name == name)
        ).first()

    def named(self, workspace_id: int, name: str) -> list[ChatUser]:
        """Up to two people with this name: one is an answer, two are ambiguous."""
        return list(
            self.session.exec(
                select(ChatUser)
                .where(ChatUser.workspace_id == workspace_id, ChatUser.name == name)
                .limit(2)
            ).all()
        )

    def upsert(self, workspace_id: int, external_id: str, **facts: object) -> ChatUser:
        """Create the user or update the facts given (name, tz, is_admin, dm_channel, ...)."""
        user = self.get(workspace_id, external_id)
        if user is None:
            insert_ignore(
                self.session,
                ChatUser,
                {
                    "workspace_id": workspace_id,
                    "external_id": external_id,
                    "name": str(facts.get("name") or external_id),
                    "is_admin": False,
                },
            )
            user = self.get(workspace_id, external_id)
        assert user is not None
        changed = False
        for key, value in facts.items():
            if value is not None and getattr(user, key) != value:
                setattr(user, key, value)
                changed = True
        if changed:
            self.session.add(user)
            self.session.flush()
        return user

    def names(self, workspace_id: int, external_ids: set[str]) -> dict[str, str]:
        if not external_ids:
            return {}
        rows = self.session.exec(
            select(ChatUser.external_id, ChatUser.name).where(
                ChatUser.workspace_id == workspace_id, col(ChatUser.external_id).in_(external_ids)
            )
        ).all()
        return {ext: name for ext, name in rows}

    def conversation_refs(self, workspace_id: int, limit: int = 5) -> list[str]:
        """Stored Teams conversation references in the workspace, newest users first."""
        return list(
            self.session.exec(
                select(ChatUser.conversation_ref)
                .where(
                    ChatUser.workspace_id == workspace_id,
                    col(ChatUser.conversation_ref).is_not(None),
                )
                .order_by(col(ChatUser.id).desc())
                .limit(limit)
            ).all()
        )


class EventRepo(_Repo):
    def add(self, loop: Loop, kind: str, actor: str, at: datetime, note: str | None = None) -> None:
        self.session.add(
            LoopEvent(
                workspace_id=loop.workspace_id,
                loop_id=loop.id,
                customer_id=loop.customer_id,
                kind=kind,
                actor=actor,
                note=note,
                at=at,
            )
        )
        self.session.flush()

    def history(self, loop_id: int) -> Sequence[LoopEvent]:
        return self.session.exec(
            select(LoopEvent)
            .where(LoopEvent.loop_id == loop_id)
            .order_by(col(LoopEvent.at), col(LoopEvent.id))
        ).all()

    def for_customer(self, customer_id: int, limit: int = 200) -> Sequence[tuple[LoopEvent, Loop]]:
        return self.session.exec(
            select(LoopEvent, Loop)
            .join(Loop, col(Loop.id) == col(LoopEvent.loop_id))
            .where(Loop.customer_id == customer_id)
            .order_by(col(LoopEvent.at).desc(), col(LoopEvent.id).desc())
            .limit(limit)
        ).all()

    def first_times(self, workspace_id: int, keys: list[str], now: datetime) -> set[str]:
        """first_time for many keys in one statement: the keys (cut to 255) seen for the first
        time."""
        rows = [
            {"workspace_id": workspace_id, "key": key, "created_at": now}
            for key in dict.fromkeys(k[:255] for k in keys)
        ]
        if not rows:
            return set()
        return {key for (key,) in insert_ignore_many(self.session, ProcessedEvent, rows, ("key",))}

    def forget(self, workspace_id: int, key: str) -> None:
        """Let a key be processed again (what it claimed did not happen)."""
        self.session.execute(
            sa.delete(ProcessedEvent).where(
                col(ProcessedEvent.workspace_id) == workspace_id,
                col(ProcessedEvent.key) == key[:255],
            )
        )

    def first_time(self, workspace_id: int, key: str, now: datetime) -> bool:
        """Record a processed chat event or click; False when it was seen before."""
        new_id = insert_ignore(
            self.session,
            ProcessedEvent,
            {"workspace_id": workspace_id, "key": key[:255], "created_at": now},
        )
        return new_id is not None


class SettingRepo(_Repo):
    def get(self, workspace_id: int, key: str, default: object = None) -> object:
        self.session.flush()  # a setting changed in this unit of work is read back as changed
        row = (
            self.session.connection()
            .execute(_SETTING, {"workspace_id": workspace_id, "key": key})
            .first()
        )
        return json.loads(row[0]) if row else default

    def all(self, workspace_id: int) -> dict[str, object]:
        rows = self.session.exec(
            select(WorkspaceSetting).where(WorkspaceSetting.workspace_id == workspace_id)
        ).all()
        return {row.key: json.loads(row.value) for row in rows}

    def set(self, workspace_id: int, key: str, value: object) -> None:
        row = self.session.exec(
            select(WorkspaceSetting).where(
                WorkspaceSetting.workspace_id == workspace_id, WorkspaceSetting.key == key
            )
        ).first()
        if row is None:
            row = WorkspaceSetting(workspace_id=workspace_id, key=key)
        row.value = json.dumps(value)
        self.session.add(row)
        self.session.flush()
