"""Two replicas changing feedback of the same two customers at once, in opposite orders, on one
PostgreSQL database: both changes are stored, neither is aborted as a deadlock.

Storing, moving or deleting feedback also updates the customers' rows of per-day sums (a
trigger), which holds each row until the transaction ends. Two transactions that reach the same
two customers' rows in opposite orders would each hold one and wait for the other; PostgreSQL
then aborts one of them. Each test forces that interleaving: a third transaction holds one day
row while the first change waits on it, the second change starts and waits too, then the row is
let go.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from bot.core.clock import FixedClock
from handlers import capture, commands
from handlers.chat_message import Capture, ChatMessage
from handlers.context import Caller, Deps
from storage.db import make_engine
from tests.conftest import START, make_settings, new_postgres_database
from tests.support.waiting import wait_until

pytestmark = pytest.mark.postgres

ANN = Caller(platform="slack", workspace="T1", user="U1", user_name="ann", is_admin=True)
BEN = Caller(platform="slack", workspace="T1", user="U2", user_name="ben", is_admin=True)
CLEO = Caller(platform="slack", workspace="T1", user="U3", user_name="cleo", is_admin=True)
WHOSE = "SELECT f.id, c.name FROM feedback f JOIN customer c ON c.id = f.customer_id"


@dataclass
class Two:
    """Acme and Globex with one feedback item each (today), and two replicas' connections."""

    first: Deps
    second: Deps
    admin: sa.Connection  # autocommit: in a transaction, pg_stat_activity never changes
    database: str
    customers: dict[str, int]
    feedback: dict[str, int]


@contextmanager
def two_customers() -> Iterator[Two]:
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
    admin = engines[2].connect().execution_options(isolation_level="AUTOCOMMIT")
    try:
        customers = dict(admin.execute(sa.text("SELECT name, id FROM customer")).all())
        feedback = {
            name: fid
            for fid, name in admin.execute(
                sa.text(
                    "SELECT f.id, c.name FROM feedback f JOIN customer c ON c.id = f.customer_id"
                )
            )
        }
        yield Two(first, second, admin, sa.make_url(url).database, customers, feedback)
    finally:
        admin.close()
        for engine in engines:
            engine.dispose()


def _waiting(two: Two) -> int:
    """How many of the database's sessions are waiting for a lock."""
    return two.admin.execute(
        sa.text("SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = :db AND wait_event_type = 'Lock'"),
        {"db": two.database},
    ).scalar_one()  # fmt: skip


def race(two: Two, held: str, one: Callable[[], object], other: Callable[[], object]) -> list:
    """`one` waits on `held`'s day row (locked by a third transaction), then `other` starts
    and waits too, then the row is let go. What either raised."""
    failures: list[BaseException] = []

    def run(work: Callable[[], object]) -> None:
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            failures.append(exc)

    holder = two.first.engine.connect()
    holding = holder.begin()
    holder.execute(
        sa.text("SELECT 1 FROM feedback_day WHERE customer_id = :c FOR UPDATE"),
        {"c": two.customers[held]},
    )
    try:
        threads = [threading.Thread(target=run, args=(work,)) for work in (one, other)]
        threads[0].start()
        wait_until(lambda: _waiting(two) == 1, 30, f"the first change waits on {held}'s row")
        threads[1].start()
        wait_until(lambda: _waiting(two) == 2, 30, "the second change waits too")
        holding.commit()
        for thread in threads:
            thread.join(30)
    finally:
        holder.close()
    return failures


def _burst(deps: Deps, who: Caller, texts: list[str], ts: str) -> Callable[[], object]:
    messages = [Capture(who, ChatMessage(text, "C2", f"{ts}{n}")) for n, text in enumerate(texts)]
    return lambda: capture.capture_messages(deps, messages)


def test_bursts_naming_the_same_customers_in_opposite_orders_are_both_stored() -> None:
    """Catches: a burst's rows stored in the order their messages came, so that one replica's
    burst (Globex, then Acme) and another's (Acme, then Globex) lock the two customers' day rows
    in opposite orders and PostgreSQL aborts one as a deadlock. Checked: with the rows left in
    message order, the second burst failed with "deadlock detected"."""
    with two_customers() as two:
        failures = race(
            two,
            "Globex",
            _burst(two.first, BEN, ["Globex wants SSO", "Acme wants SSO"], "2."),
            _burst(two.second, CLEO, ["Acme wants exports", "Globex wants exports"], "3."),
        )
        assert failures == [], failures
        stored = two.admin.execute(sa.text("SELECT count(*) FROM feedback")).scalar_one()
    assert stored == 6


def test_feedback_moved_both_ways_at_once_is_moved_both_ways() -> None:
    """Catches: the day-sums trigger taking a moved item's old customer's row before its new
    one's, so `feedback <Acme's> customer Globex` and `feedback <Globex's> customer Acme` at the
    same moment lock the two rows in opposite orders and PostgreSQL aborts one as a deadlock.
    Checked: with the old customer's row always taken first, the second move failed with
    "deadlock detected"."""
    with two_customers() as two:
        acme_item, globex_item = two.feedback["Acme"], two.feedback["Globex"]

        def move(deps: Deps, who: Caller, item: int, to: str) -> Callable[[], object]:
            def run() -> None:
                reply = commands.run(deps, who, f"feedback {item} customer {to}")
                assert not reply.error, reply.text

            return run

        failures = race(
            two,
            "Acme",
            move(two.first, BEN, acme_item, "Globex"),
            move(two.second, CLEO, globex_item, "Acme"),
        )
        assert failures == [], failures
        now_for = dict(
            two.admin.execute(
                sa.text(
                    "SELECT f.id, c.name FROM feedback f JOIN customer c ON c.id = f.customer_id"
                )
            ).all()
        )
        days = dict(
            two.admin.execute(
                sa.text("SELECT c.name, d.items FROM feedback_day d "
                        "JOIN customer c ON c.id = d.customer_id")
            ).all()
        )  # fmt: skip
    assert now_for == {acme_item: "Globex", globex_item: "Acme"}
    assert days == {"Acme": 1, "Globex": 1}
