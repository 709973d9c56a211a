"""Issue 15 in Teams: edit and undo through a card's Undo button, forget confirmed by a button."""

from __future__ import annotations

from bot.core.clock import FixedClock
from handlers.context import Deps
from storage.db import make_engine
from tests.conftest import make_settings
from tests.platforms.teams.conftest import TeamsClient, serve
from tests.support.fake_teams import FakeBotFramework, TeamsUser


def test_edit_then_undo_with_the_cards_button(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    teams.say(dana, "customer add ACME")
    teams.say(dana, "commit ACME: ship SSO by Friday")
    teams.say(dana, "edit 1 due next Tuesday")
    edited = bot_framework.posts()[-1]
    assert "#1 is now due Tue 01 Dec" in edited.text
    undo = next(a for a in edited.actions() if a["title"] == "Undo")
    assert undo["data"]["action"] == "run" and undo["data"]["command"].startswith("undo ")
    teams.post(teams.teams.submit(dana, undo["data"], reply_to=edited.id))
    undone = bot_framework.posts()[-1]
    assert "Undone: #1 edited" in undone.text and "Fri 27 Nov" in undone.text
    teams.post(teams.teams.submit(dana, undo["data"], reply_to=edited.id))
    assert "Already undone" in bot_framework.posts()[-1].text


def test_forget_asks_and_its_button_confirms(
    sqlite_url: str, clock: FixedClock, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    engine = make_engine(sqlite_url)
    env = {**bot_framework.env(), "LOOPKEEPER_ADMINS": dana.aad}
    deps = Deps(engine=engine, settings=make_settings(sqlite_url, **env), clock=clock)
    for teams in serve(deps, bot_framework):
        _forget_with_the_button(teams, bot_framework, dana)
    engine.dispose()


def _forget_with_the_button(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    teams.say(dana, "customer add ACME")
    teams.say(dana, "customer forget ACME")
    asked = bot_framework.posts()[-1]
    assert "Nothing is erased until you confirm" in asked.text
    teams.say(dana, "customer ACME")
    assert "ACME — standard" in bot_framework.posts()[-1].text  # still there
    forget = next(a for a in asked.actions() if a["title"] == "Forget ACME")
    teams.post(teams.teams.submit(dana, forget["data"], reply_to=asked.id))
    assert "Forgot ACME" in bot_framework.posts()[-1].text
    teams.say(dana, "customer ACME")
    assert "I don't know a customer" in bot_framework.posts()[-1].text
