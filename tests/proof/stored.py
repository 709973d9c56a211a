"""What a load left in the database: each captured message should be one feedback row."""

from __future__ import annotations

import sqlalchemy as sa

from storage.db import make_engine

_COUNTS = sa.text(
    "SELECT count(*) AS rows, count(DISTINCT f.channel || ':' || f.message_ts) AS messages "
    "FROM feedback f JOIN workspace w ON w.id = f.workspace_id "
    "WHERE w.platform = 'slack' AND w.external_id = :team"
)


_MESSAGES = sa.text(
    "SELECT DISTINCT f.message_ts FROM feedback f JOIN workspace w ON w.id = f.workspace_id "
    "WHERE w.platform = 'slack' AND w.external_id = :team"
)


def stored_messages(url: str, team: str) -> set[str]:
    """The timestamps of the messages captured in this workspace."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return set(conn.execute(_MESSAGES, {"team": team}).scalars())
    finally:
        engine.dispose()


def stored_counts(url: str, team: str) -> dict[str, int]:
    """stored: distinct messages captured; duplicated: rows beyond one per message."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            found = conn.execute(_COUNTS, {"team": team}).one()
    finally:
        engine.dispose()
    return {"stored": int(found.messages), "duplicated": int(found.rows - found.messages)}
