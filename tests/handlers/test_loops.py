"""A loop's life through the handlers, on SQLite and PostgreSQL."""

from __future__ import annotations

from handlers import commands
from tests.conftest import person

alice, bob, admin = person("alice"), person("bob"), person("admin")


def run(deps, who, text):  # noqa: ANN001, ANN201
    return commands.run(deps, who, text)


def setup_acme(deps) -> None:  # noqa: ANN001
    reply = run(
        deps,
        alice,
        "customer add Acme Corp aliases ACME, acme.com segment enterprise value 120k owner @alice",
    )
    assert not reply.error, reply.text


def test_commitment_with_plain_words_due_date(deps) -> None:  # noqa: ANN001
    setup_acme(deps)
    reply = run(deps, bob, "commit ACME: ship SSO by Friday")
    assert not reply.error
    assert "#1" in reply.text and "Acme Corp" in reply.text
    assert "Fri 27 Nov 17:00" in reply.text  # START is Tuesday 24 Nov 2026
    listed = run(deps, bob, "list")
    assert "#1 Acme Corp — ship SSO" in listed.plain()


def test_no_due_date_means_three_working_days_and_says_so(deps, clock) -> None:  # noqa: ANN001
    setup_acme(deps)
    clock.advance(days=3)  # Friday 27 Nov
    reply = run(deps, bob, "commit ACME: call back")
    assert "3 working days" in reply.text
    assert "Wed 02 Dec 17:00" in reply.text


def test_loop_closes_only_when_customer_told(deps) -> None:  # noqa: ANN001
    setup_acme(deps)
    run(deps, bob, "commit ACME: ship SSO by Friday")
    done = run(deps, bob, "done #1 shipped")
    assert "done" in done.text and not done.error
    assert "#1" in run(deps, bob, "list").plain()  # still open until told
    told = run(deps, bob, "told 1 emailed them")
    assert "closed" in told.text
    assert "none" in run(deps, bob, "list").text
    again = run(deps, bob, "done 1")
    assert again.error and "already closed" in again.text


def test_only_owner_account_owner_or_admin_may_close(deps) -> None:  # noqa: ANN001
    setup_acme(deps)
    run(deps, bob, "commit ACME: ship SSO by Friday")
    denied = run(deps, person("mallory"), "cancel 1 because")
    assert denied.error and "Only" in denied.text
    assert not run(deps, alice, "done 1").error  # alice is ACME's account owner
    assert not run(deps, admin, "reassign 1 @carol").error  # LOOPKEEPER_ADMINS=admin
    reassigned = run(deps, person("carol"), "list")
    assert "#1" in reassigned.plain()


def test_reassign_tells_the_new_owner(deps) -> None:  # noqa: ANN001
    setup_acme(deps)
    run(deps, bob, "commit ACME: ship SSO by Friday")
    reply = run(deps, bob, "reassign 1 @carol")
    assert [n.to_user for n in reply.notices] == ["carol"]
    assert "#1" in reply.notices[0].reply.plain()


def test_unknown_customer_suggests_closest_and_how_to_add(deps) -> None:  # noqa: ANN001
    setup_acme(deps)
    reply = run(deps, bob, "commit Acmee: ship SSO")
    assert reply.error
    assert "Acme Corp" in reply.text and "customer add" in reply.text


def test_bad_date_loses_nothing(deps) -> None:  # noqa: ANN001
    setup_acme(deps)
    run(deps, bob, "commit ACME: ship SSO by Friday")
    reply = run(deps, bob, "commit ACME: ship API by 2020-01-01")
    assert reply.error and "already passed" in reply.text
    listed = run(deps, bob, "list").plain()
    assert "#1" in listed and "#2" not in listed
    assert "#2" in run(deps, bob, "commit ACME: ship API by tomorrow").text


def test_loop_numbers_are_per_workspace(deps) -> None:  # noqa: ANN001
    setup_acme(deps)
    run(deps, bob, "commit ACME: one")
    other = person("zed")
    other = type(other)(platform="slack", workspace="T2", user="U9")
    assert not run(deps, other, "customer add ACME").error
    assert "#1" in run(deps, other, "commit ACME: first there").text
    assert run(deps, other, "done 2").error  # #2 does not exist in T2
