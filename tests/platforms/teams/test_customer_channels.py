"""Customer channels on Teams, on SQLite and PostgreSQL: a shared channel linked to a customer,
a guest of another tenant speaking there, and our reply in their thread."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from bot.core.clock import FixedClock
from handlers.context import Deps
from storage.models import Feedback, Loop
from tests.platforms.teams.conftest import TeamsClient
from tests.support.fake_teams import CHANNEL, FakeBotFramework, TeamsUser

OTHER_TENANT = "7c1f0000-0000-4000-8000-00000000beef"


def _in_channel(teams: TeamsClient, user: TeamsUser, text: str, root: str | None = None) -> dict:
    activity = teams.teams.channel(user, f"<at>Loopkeeper</at> {text}", reply_to_root=root)
    assert teams.post(activity).status_code == 200
    return activity


def test_a_guest_of_another_tenant_is_the_customer_and_our_reply_answers(
    teams_on_both: tuple[TeamsClient, Deps],
    bot_framework: FakeBotFramework,
    dana: TeamsUser,
    clock: FixedClock,
) -> None:
    """Catches a guest's words dropped or answered in public, our own message taken for the
    customer's, a redelivery stored twice, and our thread reply not closing the reply loop."""
    teams, deps = teams_on_both
    guest = TeamsUser("Jane from Acme", tenant=OTHER_TENANT)
    boss = TeamsUser("Walter Skinner", aad="admin", id="29:1skinner")  # LOOPKEEPER_ADMINS
    teams.say(dana, "customer add Acme aliases acme.com")
    _in_channel(teams, dana, "channel link Acme")  # neither an admin nor the account owner
    with deps.uow() as uow:
        assert uow.channel_links.all(1) == []
    _in_channel(teams, boss, "channel link Acme")
    posted = len(bot_framework.posts(lambda s: CHANNEL in s.path))
    question = _in_channel(teams, guest, "Where do I find the audit log?")
    assert teams.post(question).status_code == 200  # redelivered
    _in_channel(teams, dana, "Morning all")  # ours, naming no customer: not feedback
    clock.advance(minutes=10)
    _in_channel(teams, dana, "Settings, then Audit.", root=question["id"])
    assert len(bot_framework.posts(lambda s: CHANNEL in s.path)) == posted  # nothing public
    with deps.uow() as uow:
        feedback = uow.session.exec(select(Feedback)).all()
        assert [(f.source, f.kind, f.author) for f in feedback] == [
            ("channel", "question", guest.aad)
        ]
        [loop] = uow.session.exec(select(Loop)).all()
        assert (loop.what, loop.owner) == ("Reply to Acme: Where do I find the audit log?", "admin")
        assert (loop.reply_channel, loop.reply_ts, loop.state) == (
            CHANNEL,
            question["id"],
            "closed",
        )
        assert loop.first_response_at - loop.created_at == timedelta(minutes=10)


def test_a_channel_with_a_long_id_is_linked_as_its_messages_name_it(
    teams_on_both: tuple[TeamsClient, Deps],
) -> None:
    """Catches the link stored under the raw id while messages are stored under its digest
    (ids past 64 characters): the customer's words would never reach them."""
    teams, deps = teams_on_both
    long_channel = "19:" + "4f" * 40 + "@thread.tacv2"
    boss = TeamsUser("Walter Skinner", aad="admin", id="29:1skinner")
    guest = TeamsUser("Jane from Acme", tenant=OTHER_TENANT)
    said = ((boss, "customer add Acme"), (boss, "channel link Acme"), (guest, "Can we get SSO?"))
    for user, text in said:
        activity = teams.teams.channel(user, f"<at>Loopkeeper</at> {text}", channel=long_channel)
        assert teams.post(activity).status_code == 200
    with deps.uow() as uow:
        [loop] = uow.session.exec(select(Loop)).all()
        assert loop.what == "Reply to Acme: Can we get SSO?"
