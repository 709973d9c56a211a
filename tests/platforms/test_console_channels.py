"""Customer channels through the console, on SQLite and PostgreSQL: link a channel, speak as
the customer's person (`guest jane: …`), answer in their thread (`thread #1: …`)."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlmodel import select

from bot.core.clock import FixedClock
from bot.core.replies import Picker, Reply, Section
from handlers.context import Deps
from storage.models import Feedback, Loop, LoopEvent
from tests.platforms.test_console import Chat


def _acme(deps: Deps) -> Chat:
    admin = Chat(deps, "admin")
    admin.say("/loop customer add Acme aliases acme.com segment enterprise owner @ann")
    assert "now Acme's" in admin.say("/loop channel link Acme")
    return admin


def test_a_customers_question_opens_a_reply_loop_our_first_reply_closes(
    deps: Deps, clock: FixedClock
) -> None:
    """Catches a customer's words lost in their own channel (no customer named), a reply
    loop not opened or opened twice, praise opening one, and a first reply not closing it."""
    admin = _acme(deps)
    asked = admin.say("guest jane: Can you export the monthly report to CSV?")
    assert "Logged question feedback for Acme" in asked
    assert "Reply loop #1 for @ann, due Tue 24 Nov 11:00" in asked  # 2 working hours
    assert "Reply loop" not in admin.say("guest jane: Thanks, we love the new dashboard!")
    assert admin.say("the export is on our list") == ""  # ours, naming nobody: not feedback
    clock.advance(minutes=42)
    answer = admin.say("thread #1: Yes: Settings, then Export, then CSV.")
    assert "#1 answered" in answer
    assert "answered" not in admin.say("thread #1: And the PDF is coming too.")  # once
    with deps.uow() as uow:
        loop = uow.session.exec(select(Loop)).one()
        assert (loop.state, loop.owner, loop.what) == (
            "closed",
            "ann",
            "Reply to Acme: Can you export the monthly report to CSV?",
        )
        assert loop.first_response_at - loop.created_at == timedelta(minutes=42)
        kinds = [e.kind for e in uow.session.exec(select(LoopEvent).order_by(LoopEvent.id))]
        assert kinds == ["created", "told"]
        feedback = uow.session.exec(select(Feedback).order_by(Feedback.id)).all()
        assert [(f.source, f.kind, f.author) for f in feedback] == [
            ("channel", "question", "jane"),
            ("channel", "praise", "jane"),
        ]


def test_the_response_time_of_the_segment_sets_the_due_time(deps: Deps) -> None:
    admin = _acme(deps)
    assert "enterprise 30" in admin.say("/loop settings response-time enterprise 30m")
    assert "⚠️" in admin.say("/loop settings response-time enterprise soon")
    assert "due Tue 24 Nov 09:30" in admin.say("guest jane: The export is broken again")


def test_only_admins_and_the_account_owner_link_and_unlink(deps: Deps) -> None:
    """Catches a link or unlink by someone who may not (the rights check skipped)."""
    _acme(deps)
    bob, ann = Chat(deps, "bob"), Chat(deps, "ann")
    refused = bob.say("/loop channel unlink")
    assert "⚠️" in refused and "Only an admin or @ann" in refused
    assert "⚠️" in bob.say("/loop channel link Acme")
    assert "Acme — #general" in bob.say("/loop channels")  # anyone may look
    assert "no longer Acme's" in ann.say("/loop channel unlink")
    assert "No channel is linked" in bob.say("/loop channels")
    assert "not linked" in ann.say("/loop channel unlink")
    assert "now Acme's" in ann.say("/loop channel link Acme")


def test_a_thread_reply_names_a_reply_loop_of_this_channel(deps: Deps) -> None:
    admin = _acme(deps)
    admin.say("/loop commit Acme: send the roadmap")
    assert "not a reply loop" in admin.say("thread #1: here it is")
    assert "There is no loop #9" in admin.say("thread #9: here it is")


def test_a_picker_is_shown_as_numbered_choices_that_run_their_command(deps: Deps) -> None:
    """The console shows a picker's choices after the buttons, each pressable by number."""
    admin = Chat(deps, "admin")
    admin.say("/loop customer add Acme")
    offer = Reply(
        "Which customer?",
        sections=[
            Section("Pick one", picker=Picker("Pick a customer", (("Acme", "channel link Acme"),)))
        ],
    )
    admin.session.show(offer)
    assert "[1] Acme" in admin.out.getvalue()
    assert "now Acme's" in admin.say("1")


def test_the_customers_person_answers_how_did_we_do_in_the_console(deps: Deps) -> None:
    """The whole flow without tokens ends with the customer's rating: `guest jane: <n>` on a
    "How did we do?" button is jane's answer (ours is refused, a second one not counted).
    Catches a console where only our own people can press the rating (nobody outside the
    workspace could ever answer it there)."""
    admin = _acme(deps)
    admin.say("/loop commit Acme: send the SSO roadmap")
    admin.say("/loop done 1 sent as PDF")
    told = admin.say("/loop tell 1 The SSO roadmap is in your inbox.")
    assert "How did we do?" in told
    four = re.search(r"\[(\d+)\] 4\b", told)
    assert four, told
    assert "for the customer" in admin.say(four.group(1))  # one of ours pressed it
    assert "Thank" in admin.say(f"guest jane: {four.group(1)}")
    assert "already" in admin.say(f"guest joe: {four.group(1)}")
    assert "Your customer rated" not in admin.say("guest jane: 123456789012345")  # just words
    with deps.uow() as uow:
        loop = uow.session.exec(select(Loop)).one()
        assert (loop.csat, loop.csat_by) == (4, "jane")
        rated = uow.session.exec(select(Feedback).where(Feedback.author == "jane")).all()
        assert [(f.kind, f.text.startswith("Rated our answer on #1 4/5")) for f in rated][0] == (
            "praise",
            True,
        )
