"""The follow-up engine reaches Teams owners: a sweep nudges in their 1:1 chat, the buttons act."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.clock import FixedClock
from bot.wiring.sweeper import sweep_once
from handlers.context import Deps
from tests.platforms.teams.conftest import TeamsClient
from tests.support.fake_teams import CHANNEL, TENANT, FakeBotFramework, TeamsUser, bot_mention


def test_a_sweep_nudges_a_teams_owner_who_closes_the_loop_from_the_card(
    teams_on_both: tuple[TeamsClient, Deps],
    bot_framework: FakeBotFramework,
    dana: TeamsUser,
    fox: TeamsUser,
) -> None:
    teams, deps = teams_on_both
    bot_framework.add_member(fox)
    teams.say(dana, "customer add ACME")
    owner = fox.mention()
    said = teams.teams.channel(
        dana,
        f"{bot_mention()[0]} commit ACME: ship SSO owner {owner[0]} by Friday 5pm",
        mentions=[bot_mention(), owner],
    )
    assert teams.post(said).status_code == 200
    captured = teams.teams.channel(dana, f"{bot_mention()[0]} ACME asked about SSO again")
    assert teams.post(captured).status_code == 200
    fox_chat = bot_framework.conversations[fox.id]
    handover = len(bot_framework.posts(lambda s: fox_chat in s.path))

    deps.clock = FixedClock(datetime(2026, 11, 27, 17, 5, tzinfo=UTC))  # Friday, now overdue
    lines = sweep_once(deps)

    assert lines, "the sweep sent nothing"
    nudges = bot_framework.posts(lambda s: fox_chat in s.path)[handover:]
    [nudge] = nudges
    assert "#1" in nudge.text and "ACME" in nudge.text
    [done] = [a for a in nudge.actions() if a["title"] == "Done"]
    personal = {"conversationType": "personal", "id": fox_chat}
    press = teams.teams.submit(fox, done["data"], reply_to=nudge.id, conversation=personal)
    assert teams.post(press).status_code == 200
    [told] = [a for a in bot_framework.updates()[-1].actions() if a["title"] == "Customer told"]
    press = teams.teams.submit(fox, told["data"], reply_to=nudge.id, conversation=personal)
    assert teams.post(press).status_code == 200

    assert "Loop closed" in bot_framework.updates()[-1].text
    with deps.uow() as uow:
        ws = uow.workspaces.find("teams", TENANT)
        loop = uow.loops.by_number(ws.id, 1)
        assert (loop.owner, loop.state) == (fox.aad, "closed")
        [feedback] = uow.feedback.for_message(ws.id, CHANNEL, captured["id"])
        assert feedback.source == "teams"
