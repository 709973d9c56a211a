"""Two replicas storing bursts of messages that name the same customers, in opposite orders, on
one PostgreSQL database: both bursts are stored, neither is aborted as a deadlock.

Storing feedback also updates that customer's row of per-day sums (a trigger), which holds the
row until the transaction ends. Two bursts that reach the same two customers' rows in opposite
orders would each hold one and wait for the other; PostgreSQL then aborts one of them.
"""

from __future__ import annotations

import threading
import time

import pytest
import sqlalchemy as sa

from bot.core.clock import FixedClock
from handlers import capture, commands
from handlers.chat_message import Capture, ChatMessage
from handlers.context import Caller, Deps
from storage.db import make_engine
from tests.conftest import START, make_settings, new_postgres_database

pytestmark = pytest.mark.postgres

ANN = Caller(platform="slack", workspace="T1", user="U1", user_name="ann", is_admin=True)
BEN = Caller(platform="slack", workspace="T1", user="U2", user_name="ben")
CLEO = Caller(platform="slack", workspace="T1", user="U3", user_name="cleo")


def _waiting(admin: sa.Connection, database: str) -> int:
    """How many of the database's sessions are waiting for a lock."""
    return admin.execute(
        sa.text("SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = :db AND wait_event_type = 'Lock'"),
        {"db": database},
    ).scalar_one()  # fmt: skip


def _until(test, what: str) -> None:  # noqa: ANN001
    for _ in range(600):
        if test():
            return
        time.sleep(0.05)
    raise AssertionError(f"never: {what}")


def test_bursts_naming_the_same_customers_in_opposite_orders_are_both_stored() -> None:
    """Catches: a burst's rows stored in the order their messages came, so that one replica's
    burst (Globex, then Acme) and another's (Acme, then Globex) lock the two customers' day rows
    in opposite orders and PostgreSQL aborts one as a deadlock. The interleaving is forced: a
    third transaction holds Globex's day row while the first burst waits on it, then the second
    burst starts and waits too, then the row is let go. Checked: with the rows left in message
    order, the second burst failed with "deadlock detected"."""
    url = new_postgres_database()
    clock = FixedClock(START)
    engines = [make_engine(url) for _ in range(3)]
    first, second, setup = (
        Deps(engine=e, settings=make_settings(url), clock=clock) for e in engines
    )
    for text in ("customer add Acme", "customer add Globex"):
        assert not commands.run(setup, ANN, text).error
    for ts, text in (("1.1", "Acme asked"), ("1.2", "Globex asked")):
        assert capture.capture_message(setup, ANN, ChatMessage(text, "C1", ts)) is not None
    with setup.uow() as uow:
        globex = uow.customers.by_key(uow.workspaces.get_or_create("slack", "T1", START).id,
                                      "globex").id  # fmt: skip

    database = sa.make_url(url).database
    # Autocommit: in a transaction, pg_stat_activity would show the first look ever after.
    admin = engines[2].connect().execution_options(isolation_level="AUTOCOMMIT")
    holder = engines[2].connect()
    holding = holder.begin()
    holder.execute(
        sa.text("SELECT 1 FROM feedback_day WHERE customer_id = :c FOR UPDATE"), {"c": globex}
    )
    failures: list[BaseException] = []

    def burst(deps: Deps, who: Caller, texts: list[str], ts: str) -> None:
        messages = [
            Capture(who, ChatMessage(text, "C2", f"{ts}{n}")) for n, text in enumerate(texts)
        ]
        try:
            capture.capture_messages(deps, messages)
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            failures.append(exc)

    try:
        one = threading.Thread(
            target=burst, args=(first, BEN, ["Globex wants SSO", "Acme wants SSO"], "2.")
        )
        one.start()
        _until(lambda: _waiting(admin, database) == 1, "the first burst waits on Globex's row")
        two = threading.Thread(
            target=burst, args=(second, CLEO, ["Acme wants exports", "Globex wants exports"], "3.")
        )
        two.start()
        _until(lambda: _waiting(admin, database) == 2, "the second burst waits too")
        holding.commit()
        one.join(30)
        two.join(30)
    finally:
        holder.close()
    assert failures == [], failures
    count = admin.execute(sa.text("SELECT count(*) FROM feedback")).scalar_one()
    admin.close()
    for engine in engines:
        engine.dispose()
    assert count == 6
