"""The ticket tables on SQLite and PostgreSQL: one row per workspace and key, links and
deliveries kept once, and migration 0019 undone and redone."""

from __future__ import annotations

from storage.models import Customer, Loop
from tests.conftest import START
from tests.support.migrations import down_then_up


def test_tickets_links_and_deliveries_are_kept_once(deps) -> None:  # noqa: ANN001
    with deps.uow() as uow:
        ws = [uow.workspaces.get_or_create("slack", team, START).id for team in ("T1", "T2")]
        first = uow.tickets.get_or_create(ws[0], "", "ENG-1", None, START)
        again = uow.tickets.get_or_create(ws[0], "linear", "ENG-1", "https://linear.app/a", START)
        other = uow.tickets.get_or_create(ws[1], "jira", "ENG-1", None, START)
        assert first.id == again.id != other.id
        assert (again.system, again.url) == ("linear", "https://linear.app/a")  # filled in
        customer = Customer(workspace_id=ws[0], name="Acme", name_key="acme", created_at=START)
        uow.session.add(customer)
        uow.session.flush()
        loop = Loop(
            workspace_id=ws[0], number=1, customer_id=customer.id, what="x", owner="ann",
            created_at=START,
        )  # fmt: skip
        uow.session.add(loop)
        uow.session.flush()
        assert uow.tickets.link(first, "ann", START, loop_id=loop.id)
        assert not uow.tickets.link(first, "ann", START, loop_id=loop.id)
        assert [t.key for t in uow.tickets.for_loops({loop.id})[loop.id]] == ["ENG-1"]
        assert [t.workspace_id for t in uow.tickets.named_by_webhook("linear", "ENG-1")] == [ws[0]]
        assert [t.workspace_id for t in uow.tickets.named_by_webhook("jira", "ENG-1")] == [ws[1]]
        assert uow.tickets.first_delivery("github", "d-1", START)
        assert not uow.tickets.first_delivery("github", "d-1", START)
        assert uow.tickets.first_delivery("jira", "d-1", START)  # another tracker's id
        uow.commit()


def test_migration_0019_goes_down_and_up(db_url: str) -> None:
    before, after = down_then_up(db_url, "0001")
    assert "ticket" not in before
    assert {"ticket", "ticket_link", "ticket_delivery"} <= set(after)
