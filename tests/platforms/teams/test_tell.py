"""`tell` and CSAT on Teams, on SQLite and PostgreSQL: the answer goes into the customer's
channel thread through the Bot Connector, the loop closes as told, and "How did we do?" counts
the first answer of a guest of the customer's tenant only."""

from __future__ import annotations

from sqlmodel import select

from handlers.context import Deps
from storage.models import Feedback, Loop
from tests.platforms.teams.conftest import TeamsClient
from tests.support.fake_teams import CHANNEL, FakeBotFramework, TeamsUser

OTHER_TENANT = "7c1f0000-0000-4000-8000-00000000beef"


def _in_channel(teams: TeamsClient, user: TeamsUser, text: str) -> dict:
    activity = teams.teams.channel(user, f"<at>Loopkeeper</at> {text}")
    assert teams.post(activity).status_code == 200
    return activity


def test_tell_answers_in_the_customers_thread_and_the_guest_rates_it(
    teams_on_both: tuple[TeamsClient, Deps], bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    """Catches the answer posted outside the question's thread, the loop left open, and a CSAT
    click from our own people (or a second one from the guest) counted."""
    teams, deps = teams_on_both
    guest = TeamsUser("Jane from Acme", tenant=OTHER_TENANT)
    boss = TeamsUser("Walter Skinner", aad="admin", id="29:1skinner")  # LOOPKEEPER_ADMINS
    teams.say(dana, "customer add Acme aliases acme.com")
    _in_channel(teams, boss, "channel link Acme")
    question = _in_channel(teams, guest, "Where do I find the audit log?")
    thread = f"{CHANNEL};messageid={question['id']}"
    before = len(bot_framework.posts(lambda s: thread in s.path))
    _in_channel(teams, boss, "tell 1 Settings, then Audit: it is there now")
    posted = bot_framework.posts(lambda s: thread in s.path)[before:]
    assert (
        "Settings, then Audit: it is there now" in posted[0].body.get("text", "") + posted[0].text
    )
    assert "How did we do?" in posted[1].text
    with deps.uow() as uow:
        [loop] = uow.session.exec(select(Loop)).all()
        assert (loop.state, loop.told_channel) == ("closed", CHANNEL)
    [five] = [a for a in posted[1].actions() if a.get("title") == "5"]
    conversation = {"conversationType": "channel", "isGroup": True, "id": thread}
    ours = teams.teams.submit(boss, five["data"], posted[1].id, conversation)
    theirs = teams.teams.submit(guest, five["data"], posted[1].id, conversation)
    [two] = [a for a in posted[1].actions() if a.get("title") == "2"]
    again = teams.teams.submit(guest, two["data"], posted[1].id, conversation)
    for click in (ours, theirs, again):
        assert teams.post(click).status_code == 200
    with deps.uow() as uow:
        [loop] = uow.session.exec(select(Loop)).all()
        assert (loop.csat, loop.csat_by) == (5, guest.aad)
        rated = uow.session.exec(select(Feedback).where(Feedback.source == "csat")).all()
        assert [(f.kind, f.author) for f in rated] == [("praise", guest.aad)]


def test_the_tell_button_opens_the_text_to_edit_then_posts_it(
    teams_on_both: tuple[TeamsClient, Deps], bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    """ "Tell the customer" on a loop's card first shows what would be posted (the loop), to
    edit; "Post it" posts the edited text in the question's thread and closes the loop. Catches
    an empty form (the customer's question not offered), and a press of the button alone
    posting anything."""
    teams, deps = teams_on_both
    guest = TeamsUser("Jane from Acme", tenant=OTHER_TENANT)
    boss = TeamsUser("Walter Skinner", aad="admin", id="29:1skinner")
    teams.say(dana, "customer add Acme aliases acme.com")
    _in_channel(teams, boss, "channel link Acme")
    question = _in_channel(teams, guest, "Where do I find the audit log?")
    thread = f"{CHANNEL};messageid={question['id']}"
    asked = _in_channel(teams, boss, "list mine")
    here = {
        "conversationType": "channel",
        "isGroup": True,
        "id": f"{CHANNEL};messageid={asked['id']}",
    }
    listing = bot_framework.posts()[-1]
    [tell] = [a for a in listing.actions() if a["title"] == "Tell the customer"]
    before = len(bot_framework.posts(lambda s: thread in s.path))
    pressed = teams.teams.submit(boss, tell["data"], listing.id, here)
    assert teams.post(pressed).status_code == 200
    form = bot_framework.posts()[-1]
    [box] = [b for b in form.cards[0]["body"] if b["type"] == "Input.Text"]
    assert box["value"] == "Acme: Where do I find the audit log?"
    assert len(bot_framework.posts(lambda s: thread in s.path)) == before  # nothing posted yet
    with deps.uow() as uow:
        assert uow.session.exec(select(Loop)).one().state == "open"
    [post] = [a for a in form.actions() if a["title"] == "Post it"]
    edited = {**post["data"], box["id"]: "Settings, then Audit"}
    assert teams.post(teams.teams.submit(boss, edited, form.id, here)).status_code == 200
    posted = bot_framework.posts(lambda s: thread in s.path)[before:]
    assert "Settings, then Audit" in posted[0].body.get("text", "") + posted[0].text
    with deps.uow() as uow:
        assert uow.session.exec(select(Loop)).one().state == "closed"
