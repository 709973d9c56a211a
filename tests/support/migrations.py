"""A migration undone and redone: the schema before and after, to check what it adds."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from storage.db import alembic_config, make_engine


def schema(url: str) -> dict[str, set[str]]:
    """Each table's column names."""
    engine = make_engine(url)
    inspector = sa.inspect(engine)
    found = {t: {c["name"] for c in inspector.get_columns(t)} for t in inspector.get_table_names()}
    engine.dispose()
    return found


def down_then_up(url: str, revision: str) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Downgrade to `revision`, then upgrade to head: the schema at `revision` and at head."""
    config = alembic_config(url)
    command.downgrade(config, revision)
    before = schema(url)
    command.upgrade(config, "head")
    return before, schema(url)
