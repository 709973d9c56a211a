"""Pieces the report queries share: periods, times as bound parameters, conditional counts,
user display names and a portable "days between two times"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import col, func

from storage.models import ChatUser, UTCDateTime

LIVE = ("open", "done")  # not yet closed or cancelled
NOT_CANCELLED = ("open", "done", "closed")


@dataclass(frozen=True)
class Period:
    """[start, end): what happened at or after start and before end."""

    start: datetime
    end: datetime


def at(moment: datetime) -> sa.ColumnElement:
    """A time as a bound parameter stored the way columns store it (naive UTC)."""
    return sa.literal(moment, UTCDateTime())


def count_if(condition: sa.ColumnElement) -> sa.ColumnElement:
    return func.coalesce(func.sum(sa.case((condition, 1), else_=0)), 0)


def unindexed(column: sa.ColumnElement) -> sa.ColumnElement:
    """The same values as an expression no index serves (`x + 0`, `x || ''`). Grouping by it
    keeps SQLite from walking a whole index that is in key order (ix_feedback_customer,
    ix_loop_owner, ...) to spare a sort, when a period's range of a covering index is a
    fraction of the rows; PostgreSQL plans the same either way."""
    nothing = sa.literal_column("0" if isinstance(column.type, sa.Integer) else "''")
    return column + nothing if isinstance(column.type, sa.Integer) else column.concat(nothing)


def ratio(part: int, whole: int) -> float | None:
    """part ÷ whole; None when there is nothing to divide (a rate is never 0 for that)."""
    return part / whole if whole else None


def user_name(user_id: sa.ColumnElement, workspace_id: int):  # noqa: ANN201
    """(chat_user alias, join condition, display name — the id when no name is known)."""
    user = aliased(ChatUser)
    joined = (col(user.workspace_id) == workspace_id) & (col(user.external_id) == user_id)
    return user, joined, func.coalesce(func.nullif(user.name, ""), user_id)


class days_between(FunctionElement):  # noqa: N801 - reads like the SQL function it renders
    """Days (fractional) from the first datetime column to the second, in SQL."""

    type = sa.Float()
    inherit_cache = True


@compiles(days_between)
def _days_between_pg(element: days_between, compiler, **kw) -> str:  # noqa: ANN001
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"CAST(EXTRACT(EPOCH FROM ({end} - {start})) / 86400.0 AS DOUBLE PRECISION)"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element: days_between, compiler, **kw) -> str:  # noqa: ANN001
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"(julianday({end}) - julianday({start}))"


class latest(FunctionElement):  # noqa: N801 - reads like the SQL function it renders
    """The later of two times, ignoring NULLs (NULL when both are), each operand evaluated once:
    GREATEST on PostgreSQL; on SQLite, max() of the stored texts with '' for NULL."""

    type = UTCDateTime()
    inherit_cache = True


@compiles(latest)
def _latest_pg(element: latest, compiler, **kw) -> str:  # noqa: ANN001
    first, second = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"GREATEST({first}, {second})"


@compiles(latest, "sqlite")
def _latest_sqlite(element: latest, compiler, **kw) -> str:  # noqa: ANN001
    first, second = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"nullif(max(coalesce({first}, ''), coalesce({second}, '')), '')"
