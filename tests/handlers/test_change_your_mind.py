"""Changing your mind (issue 15): edit, reopen and undo a loop; correct or delete feedback; edit
a customer; forget only after a confirmation; owners told of changes by others. Both databases."""

from __future__ import annotations

import sqlalchemy as sa

from bot.core.replies import Reply
from handlers import commands, customer_edits, customers
from handlers.digest import weekly_digest
from tests.conftest import person

alice, bob, carol, admin = person("alice"), person("bob"), person("carol"), person("admin")


def run(deps, who, text: str) -> Reply:  # noqa: ANN001
    reply = commands.run(deps, who, text)
    assert not reply.error, reply.text
    return reply


def refused(deps, who, text: str) -> Reply:  # noqa: ANN001
    reply = commands.run(deps, who, text)
    assert reply.error, reply.text
    return reply


def story(deps) -> None:  # noqa: ANN001
    """ACME (account owner alice), a loop #1 owned by bob, feedback 1 logged by bob."""
    run(deps, alice, "customer add Acme Corp aliases ACME segment enterprise owner @alice")
    run(deps, alice, "customer add Initech")
    run(deps, bob, "commit ACME: ship SSO by Friday")
    run(deps, bob, "feedback ACME: the export is broken")


def undo_value(reply: Reply) -> str:
    (button,) = [b for s in reply.sections for b in s.buttons if b.label == "Undo"]
    return button.value


def loop_state(deps, number: int = 1) -> dict:  # noqa: ANN001
    with deps.engine.connect() as conn:
        row = conn.execute(sa.text("SELECT * FROM loop WHERE number = :n"), {"n": number})
        return dict(row.mappings().one())


def test_edit_each_field_is_in_the_history_and_replans(deps) -> None:  # noqa: ANN001
    story(deps)
    before = loop_state(deps)
    due = run(deps, bob, "edit 1 due next Tuesday")
    assert "now due Tue 1 Dec" in due.text or "now due Tue 01 Dec" in due.text, due.text
    after = loop_state(deps)
    assert after["due_at"] != before["due_at"]
    assert after["next_nudge_at"] != before["next_nudge_at"]  # planned again
    assert "#1 Acme Corp — ship SSO soon" in run(deps, bob, "edit 1 what ship SSO soon").plain()
    assert "now for Initech" in run(deps, bob, "edit #1 customer Initech").text
    handed = run(deps, bob, "edit 1 owner @carol")
    assert [n.to_user for n in handed.notices] == ["carol"]  # the new owner gets the card
    assert handed.notices[0].reply.sections[0].buttons
    timeline = run(deps, bob, "customer Initech").plain()
    assert "edited #1" in timeline and "due:" in run(deps, bob, "customer ACME").plain()


def test_edit_and_reopen_follow_the_reassign_permissions(deps) -> None:  # noqa: ANN001
    story(deps)
    assert "Only" in refused(deps, carol, "edit 1 what something else").text
    run(deps, bob, "done 1")
    assert "Only" in refused(deps, carol, "reopen 1").text
    assert loop_state(deps)["state"] == "done"
    assert "open again" in run(deps, bob, "reopen 1").text  # the owner may


def test_reopen_a_closed_or_cancelled_loop(deps) -> None:  # noqa: ANN001
    story(deps)
    assert "only a done, closed or cancelled" in refused(deps, bob, "reopen 1").text
    run(deps, bob, "told 1 emailed them")
    reopened = run(deps, bob, "reopen 1 they wrote back")
    assert "open again: they wrote back" in reopened.text
    assert loop_state(deps)["state"] == "open" and loop_state(deps)["closed_at"] is None
    run(deps, bob, "cancel 1 not needed")
    assert run(deps, alice, "reopen #1").notices[0].to_user == "bob"
    assert "#1" in run(deps, bob, "list").plain()


def test_undo_puts_the_loop_back_and_only_your_own_within_ten_minutes(deps, clock) -> None:  # noqa: ANN001
    story(deps)
    original = loop_state(deps)
    done = run(deps, bob, "done 1 shipped")
    assert undo_value(done).startswith("undo ")
    assert "no change to undo" in refused(deps, carol, "undo").text
    assert "Only @bob" in refused(deps, carol, undo_value(done)).text.replace("<@bob>", "@bob")
    clock.advance(minutes=9)
    assert "Undone: #1 marked done" in run(deps, bob, "undo").text
    restored = loop_state(deps)
    assert (restored["state"], restored["done_at"]) == ("open", None)
    assert restored["due_at"] == original["due_at"]
    assert "Already undone" in refused(deps, bob, undo_value(done)).text
    run(deps, bob, "snooze 1 tomorrow")
    clock.advance(minutes=11)
    late = refused(deps, bob, "undo")
    assert "11 minutes ago" in late.text and "10 minutes" in late.text
    assert loop_state(deps)["snoozed_until"] is not None  # nothing was undone


def test_undo_refuses_when_someone_changed_it_since(deps) -> None:  # noqa: ANN001
    story(deps)
    run(deps, bob, "edit 1 what ship SSO and SCIM")
    run(deps, alice, "done 1")
    assert "changed again since by <@alice>" in refused(deps, bob, "undo").text
    assert loop_state(deps)["what"] == "ship SSO and SCIM"


def test_the_owner_is_told_who_changed_their_loop_and_why(deps) -> None:  # noqa: ANN001
    story(deps)
    for line, words in [
        ("snooze 1 tomorrow", "snoozed"),
        ("edit 1 due friday", "edited"),
        ("done 1 shipped by alice", "marked done"),
        ("told 1 called their CTO", "closed"),
    ]:
        reply = run(deps, alice, line)
        (notice,) = reply.notices
        assert notice.to_user == "bob", line
        assert f"<@alice> {words} your loop #1" in notice.reply.text, notice.reply.text
    assert "called their CTO" in notice.reply.text
    # Your own change tells nobody.
    run(deps, bob, "commit ACME: second thing")
    assert run(deps, bob, "cancel 2 duplicate").notices == []
    assert refused(deps, alice, "reassign 2 @carol").notices == []  # cancelled: nothing moves
    run(deps, bob, "commit ACME: third thing")
    handed = run(deps, alice, "reassign 3 @carol")
    assert sorted(n.to_user for n in handed.notices) == ["bob", "carol"]


def test_feedback_delete_leaves_reports_and_undo_brings_it_back(deps) -> None:  # noqa: ANN001
    story(deps)
    counted = run(deps, alice, "report customers").table.rows  # type: ignore[union-attr]
    assert [r["feedback"] for r in counted if r["customer"] == "Acme Corp"] == [1]
    assert "Only <@bob> (who logged it)" in refused(deps, carol, "feedback delete 1").text
    deleted = run(deps, alice, "feedback delete 1")  # the account owner may
    rows = run(deps, alice, "report customers").table.rows  # type: ignore[union-attr]
    assert [r["feedback"] for r in rows if r["customer"] == "Acme Corp"] == [0]
    assert "export is broken" not in run(deps, alice, "customer ACME").plain()
    digest = weekly_digest(deps, 1, deps.clock.now()).plain()
    assert "Feedback: 0" in digest and "export" not in digest
    run(deps, alice, undo_value(deleted))
    assert "Feedback: 1" in weekly_digest(deps, 1, deps.clock.now()).plain()
    assert "export is broken" in run(deps, alice, "customer ACME").plain()


def test_feedback_kind_and_customer_are_corrected(deps) -> None:  # noqa: ANN001
    story(deps)
    assert "is not a kind" in refused(deps, bob, "feedback 1 kind grumble").text
    assert "now praise (was problem)" in run(deps, bob, "feedback 1 kind praise").text
    assert "now for Initech" in run(deps, admin, "feedback 1 customer Initech").text
    assert "feedback 1" in run(deps, bob, "customer Initech").plain()
    assert "no feedback 9" in refused(deps, bob, "feedback delete 9").text


def test_customer_edit_and_undo(deps) -> None:  # noqa: ANN001
    story(deps)
    assert "Only Acme Corp's account owner" in refused(deps, bob, "customer edit ACME value 1").text
    edited = run(
        deps, alice, "customer edit ACME name Acme Inc aliases add acme.com segment smb value 150k"
    )
    assert "name Acme Corp → Acme Inc" in edited.text and "150,000" in edited.text
    shown = run(deps, bob, "customer acme.com").plain()
    assert shown.startswith("Acme Inc — smb, value 150,000")
    assert (
        "already a name of" in refused(deps, alice, "customer edit Initech aliases add ACME").text
    )
    assert (
        "no alias like that" in refused(deps, alice, "customer edit ACME aliases remove Foo").text
    )
    run(deps, alice, "undo")
    assert run(deps, bob, "customer ACME").plain().startswith("Acme Corp — enterprise, value 0")
    assert refused(deps, bob, "customer acme.com").error


def test_forget_asks_first_and_erases_nothing_without_the_confirmation(deps) -> None:  # noqa: ANN001
    story(deps)
    asked = run(deps, admin, "customer forget ACME")
    (button,) = [b for s in asked.sections for b in s.buttons]
    assert button.value == "customer forget Acme Corp --yes" and button.style == "danger"
    assert "export is broken" in run(deps, alice, "customer ACME").plain()  # nothing erased
    assert "Only an admin" in refused(deps, alice, "customer forget ACME --yes").text
    assert "Forgot Acme Corp" in run(deps, admin, button.value).text
    assert refused(deps, alice, "customer ACME").error


def test_import_update_by_name_checked_then_done_and_undoable(deps) -> None:  # noqa: ANN001
    story(deps)
    rows = customers.read_csv("name,aliases,segment,value,owner\nACME,,,5000,\nHooli,,smb,9,\n")
    checked = customer_edits.import_update(deps, admin, rows, check=True)
    assert (checked.added, checked.updated) == (["Hooli"], ["Acme Corp: value 0 → 5,000"])
    assert "value 0" in run(deps, bob, "customer ACME").plain()  # the check changed nothing
    customer_edits.import_update(deps, admin, rows)
    assert "value 5,000" in run(deps, bob, "customer ACME").plain()
    assert "ACME" in run(deps, bob, "customer ACME").plain()  # an empty cell left the aliases
    run(deps, admin, "undo")
    assert "value 0" in run(deps, bob, "customer ACME").plain()


def test_an_undone_update_stays_in_the_history_marked_undone(deps) -> None:  # noqa: ANN001
    story(deps)
    run(deps, bob, "edit 1 what ship SSO soon")
    run(deps, bob, "update 1 spoke to their CTO")
    assert "Undone: #1 update added (spoke to their CTO)" in run(deps, bob, "undo").text
    timeline = run(deps, bob, "customer ACME").plain()
    assert "spoke to their CTO" in timeline and "undid: #1 update added" in timeline
    assert loop_state(deps)["what"] == "ship SSO soon"  # the edit before it stands


def test_a_new_commitment_and_logged_feedback_can_be_undone(deps) -> None:  # noqa: ANN001
    story(deps)
    tracked = run(deps, bob, "commit ACME and Initech: call them back")
    assert "Undone: tracking #2 and #3" in run(deps, bob, undo_value(tracked)).text
    assert [loop_state(deps, n)["state"] for n in (2, 3)] == ["cancelled", "cancelled"]
    logged = run(deps, carol, "feedback Initech: loves the new dashboard")
    run(deps, carol, undo_value(logged))
    assert "loves the new dashboard" not in run(deps, carol, "customer Initech").plain()
    again = run(deps, bob, "commit ACME: one more")
    run(deps, bob, "done 4")
    moved = refused(deps, bob, undo_value(again))
    assert "#4 is done already" in moved.text and loop_state(deps, 4)["state"] == "done"


def test_feedback_linked_to_a_ticket_is_deleted_and_undone_with_its_link(deps) -> None:  # noqa: ANN001
    story(deps)
    run(deps, bob, "link feedback 1 acme/app#12")
    before = run(deps, bob, "ticket acme/app#12").plain()
    assert "export is broken" in before
    deleted = run(deps, bob, "feedback delete 1")
    assert "export is broken" not in run(deps, bob, "ticket acme/app#12").plain()
    run(deps, bob, undo_value(deleted))
    assert run(deps, bob, "ticket acme/app#12").plain() == before


def test_adding_a_customer_can_be_undone_until_something_is_recorded_for_it(deps) -> None:  # noqa: ANN001
    story(deps)
    added = run(deps, carol, "customer add Hooli aliases hooli.xyz")
    assert "`undo` takes it back" in added.text  # no button: the console's numbers stay put
    assert "Undone: added Hooli" in run(deps, carol, "undo").text
    assert refused(deps, carol, "customer hooli.xyz").error
    run(deps, carol, "customer add Hooli")  # the name is free again
    run(deps, bob, "feedback Hooli: wants SSO")  # someone else records something for it
    assert "has feedback or loops by now" in refused(deps, carol, "undo").text
    assert "Hooli — standard" in run(deps, carol, "customer Hooli").plain()
