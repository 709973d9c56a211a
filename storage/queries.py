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
