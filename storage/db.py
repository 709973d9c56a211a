"""Engines and migrations: SQLite by default (WAL, foreign keys), PostgreSQL in production."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).parent / "migrations"


def make_engine(url: str, **kwargs: object) -> Engine:
    """An engine for `url`; SQLite gets WAL, foreign keys and a busy timeout on every connection."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs
        )

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):  # noqa: ANN001, ANN202
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    kwargs.setdefault("pool_pre_ping", True)
    engine = sa.create_engine(url, **kwargs)
    sa.event.listen(engine, "before_cursor_execute", _without_nul, retval=True)
    return engine


def _without_nul(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001, ANN202
    """PostgreSQL text can't hold U+0000 (JSON from a chat can): store U+FFFD in its place."""

    def clean(values):  # noqa: ANN001, ANN202
        if isinstance(values, dict):
            return {
                k: v.replace("\x00", "\ufffd") if isinstance(v, str) else v
                for k, v in values.items()
            }
        return values

    if executemany and isinstance(parameters, list | tuple):
        return statement, [clean(p) for p in parameters]
    return statement, clean(parameters)


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str) -> None:
    """Apply every migration not yet applied (idempotent)."""
    command.upgrade(alembic_config(url), "head")


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def ping(engine: Engine) -> None:
    """`SELECT 1`: raises when the database can't be reached (health checks)."""
    with engine.connect() as connection:
        connection.execute(sa.text("SELECT 1"))
