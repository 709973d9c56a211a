"""Reading the database directly, the way an auditor would: every row of every table."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine


def all_rows(engine: Engine) -> dict[str, list[dict[str, object]]]:
    """Every row of every table (Alembic's bookkeeping left out), as plain dicts."""
    tables = [t for t in sa.inspect(engine).get_table_names() if t != "alembic_version"]
    found: dict[str, list[dict[str, object]]] = {}
    with engine.connect() as conn:
        for table in tables:
            rows = conn.execute(sa.text(f'SELECT * FROM "{table}"')).mappings().all()
            found[table] = [dict(row) for row in rows]
    return found


def cells_containing(engine: Engine, needle: str) -> list[str]:
    """`table.column=value` for every cell whose text contains `needle` (any case)."""
    lowered = needle.casefold()
    return [
        f"{table}.{column}={value!r}"
        for table, rows in all_rows(engine).items()
        for row in rows
        for column, value in row.items()
        if isinstance(value, str) and lowered in value.casefold()
    ]


def count(engine: Engine, table: str, where: str = "1=1", **params: object) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                sa.text(f'SELECT count(*) FROM "{table}" WHERE {where}'), params
            ).scalar_one()
        )


def rows(engine: Engine, sql: str, **params: object) -> list[dict[str, object]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.text(sql), params).mappings().all()]
