"""feedback_day, the per-day sums the database keeps by triggers: exact after every kind of
change to feedback, and summed in from existing feedback by its migration, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import command

from storage.db import alembic_config, make_engine
from storage.models import Customer
from storage.uow import UnitOfWork

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def _days(engine: sa.Engine) -> dict[tuple[int, int, str], tuple[int, int, str]]:
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT workspace_id, customer_id, day, items, negative, last_at "
                    "FROM feedback_day")
        ).all()  # fmt: skip
    return {(w, c, str(d)[:10]): (n, bad, str(last)[:26]) for w, c, d, n, bad, last in rows}


def _truth(engine: sa.Engine) -> dict[tuple[int, int, str], tuple[int, int, str]]:
    """The same sums, worked out in Python from every feedback row."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT workspace_id, customer_id, created_at, sentiment FROM feedback")
        ).all()
    found: dict[tuple[int, int, str], tuple[int, int, str]] = {}
    for w, c, at, sentiment in rows:
        stamp = at if isinstance(at, str) else at.isoformat(" ")
        key = (w, c, stamp[:10])
        n, bad, last = found.get(key, (0, 0, ""))
        found[key] = (n + 1, bad + (sentiment < 0), max(last, stamp[:26]))
    return found


def _customers(engine: sa.Engine) -> tuple[int, int, int]:
    with UnitOfWork(engine) as uow:
        ws = uow.workspaces.get_or_create("slack", "T1", NOW)
        made = [
            uow.customers.add(
                Customer(workspace_id=ws.id, name=name, name_key=name.lower(), created_at=NOW), []
            )
            for name in ("Acme", "Globex")
        ]
        uow.commit()
        return ws.id, made[0].id, made[1].id  # type: ignore[return-value]


def _add(engine: sa.Engine, ws: int, customer: int, at: datetime, sentiment: float) -> int:
    with UnitOfWork(engine) as uow:
        found = uow.feedback.add(
            workspace_id=ws, customer_id=customer, kind="other", text="said", sentiment=sentiment,
            source="command", author="U1", created_at=at,
        )  # fmt: skip
        uow.commit()
        assert found is not None
        return found


def _run(engine: sa.Engine, statement: str, **values: object) -> None:
    with engine.begin() as conn:
        conn.execute(sa.text(statement), values)


def test_the_days_follow_every_change_to_feedback(db_url: str) -> None:
    """Inserts, deletes (the day's newest, then the day's last item), a move to another
    customer, a new sentiment and a new time, each made the way an edit, an undo or a person
    with SQL would make it: after each, the days equal sums worked out from the rows.

    Catches: a trigger missing or wrong (dropping the update trigger fails the move; not
    recomputing last_at on delete fails the first delete; not removing an emptied day fails
    the last one)."""
    engine = make_engine(db_url)
    ws, acme, globex = _customers(engine)
    day = NOW.replace(hour=0)
    ids = [
        _add(engine, ws, acme, day + timedelta(hours=1), -0.5),
        _add(engine, ws, acme, day + timedelta(hours=5, microseconds=7), 0.4),
        _add(engine, ws, acme, day + timedelta(hours=23, minutes=59, seconds=59), -0.1),
        _add(engine, ws, acme, day - timedelta(days=3), -0.9),
        _add(engine, ws, globex, day + timedelta(hours=2), 0.0),
    ]
    assert _days(engine) == _truth(engine) and len(_truth(engine)) == 3
    assert _days(engine)[(ws, acme, str(day.date()))][:2] == (3, 2)

    _run(engine, "DELETE FROM feedback WHERE id = :id", id=ids[2])  # the day's newest
    assert _days(engine) == _truth(engine)
    _run(engine, "UPDATE feedback SET customer_id = :c WHERE id = :id", c=globex, id=ids[0])
    assert _days(engine) == _truth(engine)
    _run(engine, "UPDATE feedback SET sentiment = -0.3 WHERE id = :id", id=ids[4])
    assert _days(engine) == _truth(engine)
    _run(
        engine, "UPDATE feedback SET created_at = :at WHERE id = :id",
        at=(day - timedelta(days=1, hours=3)).replace(tzinfo=None), id=ids[1],
    )  # fmt: skip
    assert _days(engine) == _truth(engine)
    _run(engine, "DELETE FROM feedback WHERE id = :id", id=ids[3])  # that day's only item
    assert _days(engine) == _truth(engine)
    assert (ws, acme, str((day - timedelta(days=3)).date())) not in _days(engine)
    engine.dispose()


def test_the_migration_sums_in_existing_feedback(db_url: str) -> None:
    """Feedback stored before migration 0037 is in its days after it (and the table goes away
    with a downgrade). Catches: a backfill left out or grouping by the wrong day."""
    engine = make_engine(db_url)
    ws, acme, globex = _customers(engine)
    config = alembic_config(db_url)
    command.downgrade(config, "0036_answers_cover")
    assert "feedback_day" not in sa.inspect(engine).get_table_names()
    for hours, customer, sentiment in ((1, acme, -1.0), (30, acme, 0.5), (2, globex, -0.2)):
        _run(
            engine,
            "INSERT INTO feedback (workspace_id, customer_id, text, kind, sentiment, source, "
            "author, created_at) VALUES (:w, :c, 'said', 'other', :s, 'command', 'U1', :at)",
            w=ws, c=customer, s=sentiment, at=(NOW - timedelta(hours=hours)).replace(tzinfo=None),
        )  # fmt: skip
    command.upgrade(config, "head")
    assert _days(engine) == _truth(engine) and len(_truth(engine)) == 3
    engine.dispose()


def test_health_reads_the_same_numbers_from_the_days(db_url: str) -> None:
    """`health_said` (whole days from feedback_day, partial first and last days from feedback)
    against `health_rows` (every item counted from feedback), for
    feedback at the edges: just before the period, at its start, in its partial first day, at
    midnight of its first and last whole days, in its partial last day, a microsecond before
    now, at now and after it; a customer heard only before the period, one never heard.

    Catches: a partial day left out or counted twice at midnight, the period's end or start
    taken as inclusive the other way, the newest feedback taken from the days alone."""
    import random

    from storage.queries import Period

    engine = make_engine(db_url)
    ws, acme, globex = _customers(engine)
    with UnitOfWork(engine) as uow:
        others = [
            uow.customers.add(
                Customer(workspace_id=ws, name=f"C{i}", name_key=f"c{i}", created_at=NOW), []
            ).id
            for i in range(6)
        ]
        uow.commit()
    start = NOW - timedelta(days=90)
    first_midnight = datetime.combine(start.date() + timedelta(days=1), datetime.min.time(), UTC)
    today = NOW.replace(hour=0)
    tick = timedelta(microseconds=1)
    moments = [start - tick, start, start + timedelta(hours=3), first_midnight,
               first_midnight - tick, NOW - timedelta(days=40), today - tick, today,
               NOW - tick, NOW, NOW + timedelta(hours=1)]  # fmt: skip
    rng = random.Random(37)
    for moment in moments * 3:
        _add(engine, ws, rng.choice([acme, *others[:5]]), moment, rng.choice((-0.4, 0.0, 0.7)))
    _add(engine, ws, globex, NOW - timedelta(days=200), -0.2)  # heard only before the period
    period = Period(start, NOW)
    with UnitOfWork(engine) as uow:
        counted = {
            r.id: (r.feedback, r.negative, r.heard) for r in uow.reviews.health_rows(ws, period)
        }
        said = uow.reviews.health_said(ws, period)
    assert said == counted
    assert counted[globex][:2] == (0, 0) and counted[others[5]][2] == NOW  # never heard: added
    assert sum(n for n, _bad, _heard in counted.values()) == 3 * 8  # 8 of the 11 moments
    engine.dispose()
