"""Customer channels on SQLite and PostgreSQL: one customer per channel, relinking replaces it,
links stay in their workspace, the new loop columns round-trip, and the migration goes down
and up."""

from __future__ import annotations

from datetime import timedelta

from storage.db import make_engine
from storage.models import Customer, Loop
from storage.uow import UnitOfWork
from tests.conftest import START
from tests.support.migrations import down_then_up

# A Teams conversation id: far longer than a Slack channel id.
TEAMS_CHANNEL = "19:" + "a1b2c3d4" * 16 + "@thread.tacv2;messageid=1700000000000"


def _customer(uow: UnitOfWork, workspace_id: int, name: str) -> int:
    added = uow.customers.add(
        Customer(workspace_id=workspace_id, name=name, name_key=name.casefold(), created_at=START),
        [],
    )
    return added.id  # type: ignore[return-value]


def test_a_channel_belongs_to_one_customer_and_relinking_replaces_it(db_url: str) -> None:
    """Catches a second row for a relinked channel (the unique key or the update missing) and
    links leaking across workspaces."""
    engine = make_engine(db_url)
    with UnitOfWork(engine) as uow:
        ws, other_ws = (uow.workspaces.get_or_create("slack", t, START).id for t in ("T1", "T2"))
        acme, globex = _customer(uow, ws, "Acme"), _customer(uow, ws, "Globex")
        uow.channel_links.link(ws, "C1", acme, "ann", START)
        uow.channel_links.link(ws, TEAMS_CHANNEL, acme, "ann", START)
        later = START + timedelta(hours=1)
        relinked = uow.channel_links.link(ws, "C1", globex, "bob", later)
        assert (relinked.customer_id, relinked.linked_by, relinked.linked_at) == (
            globex,
            "bob",
            later,
        )
        assert uow.channel_links.for_channel(other_ws, "C1") is None
        uow.commit()
    with UnitOfWork(engine) as uow:
        assert uow.channel_links.for_channel(ws, "C1").customer_id == globex
        assert [link.channel for link in uow.channel_links.for_customer(ws, acme)] == [
            TEAMS_CHANNEL
        ]
        assert [(link.channel, name) for link, name in uow.channel_links.all(ws)] == [
            (TEAMS_CHANNEL, "Acme"),
            ("C1", "Globex"),
        ]
        assert uow.channel_links.all(other_ws) == []
        assert uow.channel_links.unlink(ws, "C1")
        assert not uow.channel_links.unlink(ws, "C1")
        assert uow.channel_links.for_channel(ws, "C1") is None
        uow.commit()
    engine.dispose()


def test_forgetting_a_customer_drops_its_channel_links(db_url: str) -> None:
    """Catches an erased customer still owning its channel (its people's words would keep
    being stored under a name that is gone)."""
    engine = make_engine(db_url)
    with UnitOfWork(engine) as uow:
        ws = uow.workspaces.get_or_create("slack", "T1", START).id
        acme = _customer(uow, ws, "Acme")
        uow.channel_links.link(ws, "C1", acme, "ann", START)
        erased = uow.customers.erase(uow.customers.get(acme), START)
        assert erased["channels"] == 1
        assert uow.channel_links.for_channel(ws, "C1") is None
        uow.commit()
    engine.dispose()


def test_reply_and_csat_columns_round_trip(db_url: str) -> None:
    engine = make_engine(db_url)
    answered = START + timedelta(minutes=42)
    with UnitOfWork(engine) as uow:
        ws = uow.workspaces.get_or_create("teams", "tenant-1", START).id
        loop = Loop(
            workspace_id=ws, number=1, customer_id=_customer(uow, ws, "Acme"), what="Reply",
            owner="ann", created_at=START, reply_channel=TEAMS_CHANNEL, reply_ts="1700000000000",
            first_response_at=answered, told_channel=TEAMS_CHANNEL, told_ts="1700000000001",
            csat=5, csat_by="guest", csat_at=answered,
        )  # fmt: skip
        uow.session.add(loop)
        uow.commit()
        loop_id = loop.id
    with UnitOfWork(engine) as uow:
        stored = uow.session.get(Loop, loop_id)
        assert (stored.reply_channel, stored.reply_ts, stored.first_response_at) == (
            TEAMS_CHANNEL,
            "1700000000000",
            answered,
        )
        assert (stored.told_ts, stored.csat, stored.csat_by, stored.csat_at) == (
            "1700000000001",
            5,
            "guest",
            answered,
        )
    engine.dispose()


def test_migration_0022_goes_down_and_up(db_url: str) -> None:
    before, after = down_then_up(db_url, "0015")
    assert "channel_link" not in before and "reply_ts" not in before["loop"]
    assert {"workspace_id", "channel", "customer_id", "linked_by"} <= after["channel_link"]
    assert {"reply_channel", "reply_ts", "first_response_at", "csat", "csat_by"} <= after["loop"]
