"""The partial indexes of the response and CSAT reports: the migration adds them and takes them
away again, on both databases."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from storage.db import alembic_config, make_engine
from tests.support.migrations import down_then_up


def _loop_indexes(url: str) -> set[str]:
    engine = make_engine(url)
    found = {i["name"] for i in sa.inspect(engine).get_indexes("loop")}
    engine.dispose()
    return found


def test_migration_0024_goes_down_and_up(db_url: str) -> None:
    command.downgrade(alembic_config(db_url), "0023_slack_oauth")
    assert not {"ix_loop_asked", "ix_loop_csat"} & _loop_indexes(db_url)
    down_then_up(db_url, "0023_slack_oauth")
    assert {"ix_loop_asked", "ix_loop_csat"} <= _loop_indexes(db_url)
