"""Only a loop's owner, the customer's account owner or an admin may close, reassign, snooze or
cancel it (PRODUCT.md, who may do what). Every action is tried by every kind of person; a
refusal must leave the loop and its history exactly as they were."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.core.errors import NotAllowed
from handlers import commands, loops
from handlers.context import Caller, Deps
from storage.db import make_engine
from tests.conftest import make_settings
from tests.proof.db import count, rows


def slack(user: str, name: str | None = None, is_admin: bool = False) -> Caller:
    return Caller(
        platform="slack",
        workspace="T1",
        user=user,
        user_name=name or user.lower(),
        is_admin=is_admin,
    )


OWNER, ACCOUNT_OWNER = slack("UBOB", "bob"), slack("UALICE", "alice")
WORKSPACE_ADMIN, LISTED_ADMIN = slack("UWS", "ws", is_admin=True), slack("UADMIN", "root")
ALLOWED = {
    "owner": OWNER,
    "account owner": ACCOUNT_OWNER,
    "workspace admin": WORKSPACE_ADMIN,
    "LOOPKEEPER_ADMINS id": LISTED_ADMIN,
}
DENIED = {
    "creator": slack("UCAROL", "carol"),
    "stranger": slack("UMAL", "mallory"),
    # Chat names are chosen by their owners: a name is never an id, nor an admin listing.
    "named like an admin": slack("UEVE", "boss"),
    "named like the owner's id": slack("UEVE2", "UBOB"),
}
ACTIONS = {
    "done": "done {n} shipped",
    "told": "told {n} mailed them",
    "cancel": "cancel {n} not needed",
    "reassign": "reassign {n} <@UDAN>",
    "snooze": "snooze {n} tomorrow",
}


@pytest.fixture
def team(db_url: str, clock) -> Iterator[Deps]:  # noqa: ANN001
    engine = make_engine(db_url)
    deps = Deps(
        engine=engine, settings=make_settings(db_url, LOOPKEEPER_ADMINS="UADMIN,boss"), clock=clock
    )
    reply = commands.run(deps, ACCOUNT_OWNER, "customer add ACME owner <@UALICE>")
    assert not reply.error, reply.text
    yield deps
    engine.dispose()


def new_loop(deps: Deps) -> int:
    reply = commands.run(deps, DENIED["creator"], "commit ACME: ship SSO owner <@UBOB> by Friday")
    assert not reply.error, reply.text
    return int(reply.text.split("#", 1)[1].split()[0])


def loop_row(deps: Deps, number: int) -> dict[str, object]:
    return rows(deps.engine, "SELECT * FROM loop WHERE number = :n", n=number)[0]


def test_refusals_leave_the_loop_and_its_history_untouched(team: Deps) -> None:
    number = new_loop(team)
    before, events = loop_row(team, number), count(team.engine, "loop_event")
    refused = 0
    for who, caller in DENIED.items():
        for action, line in ACTIONS.items():
            reply = commands.run(team, caller, line.format(n=number))
            assert reply.error and "Only <@UBOB>" in reply.text, (who, action, reply.text)
            with pytest.raises(NotAllowed):  # the buttons' door
                loops.act(team, caller, action, number, "x")
            refused += 2
    assert loop_row(team, number) == before
    assert count(team.engine, "loop_event") == events
    print(f"permissions: {refused} refusals checked, loop and history unchanged")


@pytest.mark.parametrize("who", list(ALLOWED))
def test_the_owner_account_owner_and_admins_may(team: Deps, who: str) -> None:
    caller = ALLOWED[who]
    for action, line in ACTIONS.items():
        number = new_loop(team)
        reply = commands.run(team, caller, line.format(n=number))
        assert not reply.error, (who, action, reply.text)
        after = loop_row(team, number)
        expected = {
            "done": ("done", "UBOB"),
            "told": ("closed", "UBOB"),
            "cancel": ("cancelled", "UBOB"),
            "reassign": ("open", "UDAN"),
            "snooze": ("open", "UBOB"),
        }[action]
        assert (after["state"], after["owner"]) == expected, (who, action)
        last = rows(
            team.engine,
            "SELECT actor FROM loop_event WHERE loop_id = :i ORDER BY id DESC",
            i=after["id"],
        )[0]
        assert last["actor"] == caller.user


def test_anyone_may_add_an_update_and_it_is_recorded_as_theirs(team: Deps) -> None:
    number = new_loop(team)
    reply = commands.run(team, DENIED["stranger"], f"update {number} customer called")
    assert not reply.error, reply.text
    assert loop_row(team, number)["state"] == "open"


def test_settings_and_forget_are_for_admins_only(team: Deps) -> None:
    for caller in [OWNER, ACCOUNT_OWNER, *DENIED.values()]:
        for line in ["settings escalation <#C9|escalations>", "customer forget ACME"]:
            reply = commands.run(team, caller, line)
            assert reply.error and "admin" in reply.text, (caller.user, line, reply.text)
    assert count(team.engine, "workspace_setting") == 0
    assert count(team.engine, "customer", "erased_at IS NOT NULL") == 0
    assert not commands.run(team, LISTED_ADMIN, "settings escalation <#C9|escalations>").error
