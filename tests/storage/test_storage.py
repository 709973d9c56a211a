"""Storage on both backends: keys that make retries no-ops, numbering, time, migrations."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlmodel import select

from storage.db import make_engine, upgrade
from storage.models import Customer, Feedback, Loop
from storage.uow import UnitOfWork

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def workspace_with_customer(engine) -> tuple[int, int]:  # noqa: ANN001
    with UnitOfWork(engine) as uow:
        ws = uow.workspaces.get_or_create("slack", "T1", NOW)
        customer = uow.customers.add(
            Customer(workspace_id=ws.id, name="Acme Corp", name_key="acme corp", created_at=NOW),
            ["ACME"],
        )
        uow.commit()
        return ws.id, customer.id  # type: ignore[return-value]


def test_migrations_are_idempotent(db_url: str) -> None:
    upgrade(db_url)  # already at head: nothing to do, no error
    engine = make_engine(db_url)
    tables = set(sa.inspect(engine).get_table_names())
    assert {
        "workspace",
        "customer",
        "feedback",
        "loop",
        "loop_event",
        "nudge",
        "processed_event",
        "workspace_setting",
        "chat_user",
    } <= tables
    engine.dispose()


def test_a_message_is_captured_once_per_customer(db_url: str) -> None:
    engine = make_engine(db_url)
    ws, customer = workspace_with_customer(engine)
    values = dict(
        workspace_id=ws,
        customer_id=customer,
        text="hi",
        channel="C1",
        message_ts="1.1",
        created_at=NOW,
    )
    with UnitOfWork(engine) as uow:
        assert uow.feedback.add(**values) is not None
        assert uow.feedback.add(**values) is None  # the retry hits the key
        uow.commit()
    with UnitOfWork(engine) as uow:
        assert uow.feedback.add(**values) is None
        # command feedback has no message: never collides
        no_message = {**values, "message_ts": None}
        assert uow.feedback.add(**no_message) is not None
        assert uow.feedback.add(**no_message) is not None
        uow.commit()
        count = uow.session.exec(select(sa.func.count()).select_from(Feedback)).one()
    assert count == 3
    engine.dispose()


def test_processed_event_keys_are_first_time_once(db_url: str) -> None:
    engine = make_engine(db_url)
    ws, _ = workspace_with_customer(engine)
    with UnitOfWork(engine) as uow:
        assert uow.events.first_time(ws, "Ev1", NOW)
        assert not uow.events.first_time(ws, "Ev1", NOW)
        uow.commit()
    with UnitOfWork(engine) as uow:
        assert not uow.events.first_time(ws, "Ev1", NOW)
    engine.dispose()


def test_times_come_back_as_the_same_utc_instant(db_url: str) -> None:
    engine = make_engine(db_url)
    ws, customer = workspace_with_customer(engine)
    paris_due = datetime(2026, 12, 1, 17, 0, tzinfo=UTC) + timedelta(hours=-1)
    with UnitOfWork(engine) as uow:
        loop = uow.loops.add(
            Loop(
                workspace_id=ws,
                number=1,
                customer_id=customer,
                what="x",
                owner="U1",
                due_at=paris_due,
                created_at=NOW,
            )
        )
        uow.commit()
        loop_id = loop.id  # type: ignore[union-attr]
    with UnitOfWork(engine) as uow:
        again = uow.loops.get(loop_id)
        assert again is not None and again.due_at == paris_due
        assert again.due_at.tzinfo is not None
    engine.dispose()


def test_loop_numbers_are_unique_under_concurrent_writers(db_url: str) -> None:
    engine = make_engine(db_url)
    ws, customer = workspace_with_customer(engine)
    numbers: list[int] = []
    errors: list[BaseException] = []

    def commit_some() -> None:
        try:
            for _ in range(10):
                with UnitOfWork(engine) as uow:
                    number = uow.workspaces.next_loop_number(ws)
                    uow.loops.add(
                        Loop(
                            workspace_id=ws,
                            number=number,
                            customer_id=customer,
                            what="x",
                            owner="U1",
                            created_at=NOW,
                        )
                    )
                    uow.commit()
                    numbers.append(number)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=commit_some) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(numbers) == list(range(1, 41))
    engine.dispose()


def test_a_failed_command_leaves_nothing_half_written(db_url: str) -> None:
    engine = make_engine(db_url)
    ws, customer = workspace_with_customer(engine)
    try:
        with UnitOfWork(engine) as uow:
            number = uow.workspaces.next_loop_number(ws)
            uow.loops.add(
                Loop(
                    workspace_id=ws,
                    number=number,
                    customer_id=customer,
                    what="x",
                    owner="U1",
                    created_at=NOW,
                )
            )
            raise RuntimeError("crash before commit")
    except RuntimeError:
        pass
    with UnitOfWork(engine) as uow:
        assert uow.loops.listing(ws) == []
        assert uow.workspaces.get(ws).loop_seq == 0  # type: ignore[union-attr]
    engine.dispose()


def test_list_queries_use_indexes_on_sqlite(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        for query in (
            "SELECT * FROM loop WHERE workspace_id=1 AND owner='U1' AND state='open'",
            "SELECT * FROM loop WHERE workspace_id=1 AND customer_id=2 AND state='open'",
            "SELECT * FROM feedback WHERE workspace_id=1 AND customer_id=2 ORDER BY created_at",
            "SELECT * FROM customer_alias WHERE workspace_id=1 AND alias_key='acme'",
            "SELECT * FROM loop WHERE next_nudge_at < '2026-12-01'",
        ):
            plan = " ".join(str(row) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + query))
            assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, (query, plan)
    engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
