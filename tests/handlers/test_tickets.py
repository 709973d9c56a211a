"""Tickets through the handlers on SQLite and PostgreSQL: links, `ticket`, shipping and
reopening, each delivery applied once, each workspace's own loops only."""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import select

from bot.core.tickets import DONE, GITHUB, JIRA, LINEAR, OPEN, REOPENED, TicketChange, TicketRef
from handlers import commands
from handlers.context import Caller
from handlers.ticket_updates import apply_change
from storage.models import Loop, LoopEvent
from tests.conftest import person

alice, bob = person("alice"), person("bob")
ISSUE = "https://github.com/acme/app/issues/12"
SHIPPED = TicketChange(TicketRef(GITHUB, "acme/app#12", ISSUE), DONE, "Faster CSV export")


def run(deps, who: Caller, text: str) -> str:  # noqa: ANN001
    reply = commands.run(deps, who, text)
    assert not reply.error, reply.text
    return reply.plain()


def refused(deps, who: Caller, text: str) -> str:  # noqa: ANN001
    reply = commands.run(deps, who, text)
    assert reply.error and reply.ephemeral
    return reply.text


def loops(deps) -> dict[int, Loop]:  # noqa: ANN001
    with deps.uow() as uow:
        rows = uow.session.exec(select(Loop).order_by(Loop.id)).all()
        return {(lp.workspace_id, lp.number)[1]: lp for lp in rows}


def history(deps, number: int) -> list[tuple[str, str, str | None]]:  # noqa: ANN001
    with deps.uow() as uow:
        loop = uow.session.exec(select(Loop).where(Loop.number == number)).one()
        events = uow.session.exec(select(LoopEvent).where(LoopEvent.loop_id == loop.id)).all()
        return [(e.kind, e.actor, e.note) for e in events]


def two_customers(deps) -> None:  # noqa: ANN001
    run(deps, alice, "customer add Acme Corp aliases ACME value 120k owner @alice")
    run(deps, alice, "customer add Globex value 30k")  # no account owner: the author is told
    run(deps, alice, "commit ACME: faster CSV export by Friday")  # loop #1
    run(deps, bob, "feedback Globex: the CSV export times out")  # feedback 1


def test_a_shipped_ticket_makes_its_loops_done_and_opens_a_tell_loop_per_asker(deps) -> None:  # noqa: ANN001
    two_customers(deps)
    assert "Linked #1 to acme/app#12 (GitHub)" in run(deps, alice, f"link 1 {ISSUE}")
    assert "Linked feedback 1" in run(deps, alice, "link feedback 1 acme/app#12")
    assert "already linked" in run(deps, alice, "link #1 acme/app#12")
    shown = run(deps, alice, "ticket acme/app#12")
    assert "2 customers, 150,000 in annual value at stake" in shown
    assert "#1 faster CSV export" in shown and "the CSV export times out" in shown

    applied = apply_change(deps, SHIPPED, "github", "d-1")
    assert (len(applied.done), len(applied.told_loops)) == (1, 1)
    found = loops(deps)
    assert found[1].state == "done" and found[1].done_at is not None
    assert ("done", "ticket", "acme/app#12 “Faster CSV export” shipped") in history(deps, 1)
    tell = found[2]
    assert tell.what == "Tell Globex: Faster CSV export shipped"
    assert (tell.owner, tell.state, tell.next_nudge_at is not None) == ("bob", "done", True)
    assert "Globex asked: “the CSV export times out”" in history(deps, 2)[0][2]

    assert apply_change(deps, SHIPPED, "github", "d-1").duplicate  # the same delivery again
    assert apply_change(deps, SHIPPED, "github", "d-2").done == []  # already done: no change
    assert len(loops(deps)) == 2

    run(deps, alice, "told 1 emailed their CTO")
    back = apply_change(deps, replace(SHIPPED, status=REOPENED), "github", "d-3")
    found = loops(deps)
    assert back.reopened == [found[2].id]  # #1 was told: it stays closed
    assert found[1].state == "closed"
    assert (found[2].state, found[2].cancel_reason) == (
        "cancelled",
        "acme/app#12 “Faster CSV export” was reopened: not shipped after all",
    )
    again = apply_change(deps, SHIPPED, "github", "d-4")
    assert again.done == [found[2].id] and loops(deps)[2].state == "done"  # the same tell loop


def test_reopening_puts_the_loops_the_ticket_closed_back_to_open(deps) -> None:  # noqa: ANN001
    two_customers(deps)
    run(deps, alice, "link 1 ENG-7")  # nothing but Linear or Jira: whichever names it first
    change = TicketChange(TicketRef(LINEAR, "ENG-7"), DONE, "Export")
    assert apply_change(deps, change, "linear", "l-1").done
    assert apply_change(deps, replace(change, status=OPEN), "linear", "l-2").reopened
    assert (loops(deps)[1].state, loops(deps)[1].done_at) == ("open", None)
    assert history(deps, 1)[-1] == (
        "reopened",
        "ticket",
        "ENG-7 “Export” was reopened: not shipped after all",
    )
    # The ticket now belongs to Linear: a Jira ENG-7 is another ticket.
    assert (
        apply_change(deps, TicketChange(TicketRef(JIRA, "ENG-7"), DONE), "jira", "j-1").tickets == 0
    )


def test_an_unknown_ticket_changes_nothing(deps) -> None:  # noqa: ANN001
    two_customers(deps)
    assert apply_change(deps, SHIPPED, "github", "x").tickets == 0
    assert loops(deps)[1].state == "open" and len(loops(deps)) == 1


def test_each_workspace_changes_only_its_own_loops(deps) -> None:  # noqa: ANN001
    two_customers(deps)
    other = Caller(platform="slack", workspace="T2", user="U9", user_name="zed", channel="C1")
    run(deps, other, "customer add Initech owner <@U9>")
    run(deps, other, "commit Initech: faster CSV export")
    run(deps, alice, "link 1 acme/app#12")
    assert run(deps, other, "link 1 https://github.com/ACME/app/pull/12").startswith("Linked #1")
    assert "Nothing is linked to acme/app#99" in refused(deps, other, "ticket acme/app#99")
    assert "1 customer, 0 in annual value" in run(deps, other, "ticket acme/app#12")

    assert apply_change(deps, SHIPPED, "github", "d-1").tickets == 2
    with deps.uow() as uow:
        states = {(lp.workspace_id, lp.number, lp.state) for lp in uow.session.exec(select(Loop))}
    assert {s for _, _, s in states} == {"done"} and len(states) == 2


def test_bad_links_are_refused_and_keep_what_was_stored(deps) -> None:  # noqa: ANN001
    two_customers(deps)
    assert "A ticket is a GitHub issue" in refused(deps, alice, "link 1 the-roadmap")
    assert "There is no loop #9" in refused(deps, alice, "link 9 ENG-1")
    assert "There is no feedback 9" in refused(deps, alice, "link feedback 9 ENG-1")
    assert "set GITHUB_TOKEN" in refused(deps, alice, "ticket new 1")
    assert loops(deps)[1].state == "open"


def test_linking_after_the_ticket_shipped_tells_at_once(deps) -> None:  # noqa: ANN001
    two_customers(deps)
    run(deps, alice, "link 1 acme/app#12")
    apply_change(deps, SHIPPED, "github", "d-1")
    run(deps, alice, "link feedback 1 acme/app#12")
    assert loops(deps)[2].what == "Tell Globex: Faster CSV export shipped"


def test_cards_show_the_ticket_and_whether_it_shipped(deps) -> None:  # noqa: ANN001
    two_customers(deps)
    run(deps, alice, "link 1 acme/app#12")
    listed = commands.run(deps, alice, "list all")
    assert [f.value for f in listed.sections[0].fields if f.label == "Ticket"] == ["acme/app#12"]
    apply_change(deps, SHIPPED, "github", "d-1")
    shown = commands.run(deps, alice, "customer ACME").sections[0]
    assert ("Ticket", "acme/app#12 “Faster CSV export” (shipped)") in [
        (f.label, f.value) for f in shown.fields
    ]
    told = commands.run(deps, alice, "update 1 waiting for their reply").sections[0]
    assert any(f.label == "Ticket" for f in told.fields)


def test_a_forgotten_customer_gets_no_tell_loop(deps) -> None:  # noqa: ANN001
    two_customers(deps)
    run(deps, alice, "link feedback 1 acme/app#12")
    run(deps, person("admin"), "customer forget Globex")
    assert apply_change(deps, SHIPPED, "github", "d-1").told_loops == []
    assert len(loops(deps)) == 1
