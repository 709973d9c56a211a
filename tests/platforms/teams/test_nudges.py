"""Proactive Teams messages (nudges, escalations, files) and the buttons on them."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from bot.core.ports import MessageRef, RateLimited
from bot.core.replies import Reply
from bot.platforms.teams.delivery import TeamsDelivery
from handlers.common import loop_section
from handlers.context import Deps
from tests.platforms.teams.conftest import TeamsClient
from tests.support.fake_teams import BOT, CHANNEL, TENANT, FakeBotFramework, Sent, TeamsUser


def _loop(deps: Deps, number: int = 1):  # noqa: ANN202
    with deps.uow() as uow:
        ws = uow.workspaces.find("teams", TENANT)
        loop = uow.loops.by_number(ws.id, number)
        history = [e.kind for e in uow.events.history(loop.id)]
        customer = uow.customers.get(loop.customer_id)
    return loop, customer, history


def _nudge(deps: Deps) -> Reply:
    """What the follow-up engine sends an owner: the loop with its buttons."""
    loop, customer, _ = _loop(deps)
    section = loop_section(loop, customer.name, deps.settings.zone, deps.clock.now())
    return Reply(
        f"⏰ #{loop.number} for {customer.name} is due soon.", sections=[section], ephemeral=False
    )


@pytest.fixture
def committed(teams: TeamsClient, dana: TeamsUser) -> None:
    """Dana talked to the bot 1:1 and owns #1 for ACME."""
    teams.say(dana, "customer add ACME")
    teams.say(dana, "commit ACME: ship SSO by Friday")


async def _nudged(deps: Deps, dana: TeamsUser, bot_framework: FakeBotFramework) -> Sent:
    ref = await TeamsDelivery(deps).send_dm(TENANT, dana.aad, _nudge(deps))
    nudge = bot_framework.posts()[-1]
    assert ref == MessageRef(f"@{dana.aad}", nudge.id)
    return nudge


async def test_a_nudge_goes_to_the_owners_1to1_chat_with_its_buttons(
    teams: TeamsClient,
    committed: None,
    teams_deps: Deps,
    bot_framework: FakeBotFramework,
    dana: TeamsUser,
) -> None:
    nudge = await _nudged(teams_deps, dana, bot_framework)

    assert nudge.path == f"/v3/conversations/{teams.teams.dm(dana)}/activities"
    assert "#1 for ACME is due soon" in nudge.text and "Owner: Dana Scully" in nudge.text
    assert {a["title"] for a in nudge.actions()} == {
        "Done",
        "Customer told",
        "Snooze",
        "Reassign",
        "Add update",
    }
    assert bot_framework.created() == []  # the 1:1 chat was known from Dana's messages


async def test_someone_who_never_wrote_gets_a_new_1to1_chat_once(
    teams: TeamsClient,
    committed: None,
    teams_deps: Deps,
    bot_framework: FakeBotFramework,
    dana: TeamsUser,
    fox: TeamsUser,
) -> None:
    bot_framework.add_member(fox)
    teams.say(dana, "reassign 1 <at>Fox Mulder</at>", entities=[fox.mention()[1]])
    delivery = TeamsDelivery(teams_deps)
    await delivery.send_dm(TENANT, fox.aad, _nudge(teams_deps))
    await delivery.send_dm(TENANT, fox.aad, _nudge(teams_deps))

    [created] = bot_framework.created()
    assert created.body["members"] == [{"id": fox.id}] and created.body["bot"]["id"] == BOT
    personal = bot_framework.conversations[fox.id]
    to_fox = bot_framework.posts(lambda s: personal in s.path)
    assert len(to_fox) == 3  # the handover notice, then two nudges
    assert "Dana Scully handed you #1" in to_fox[0].text


async def test_done_on_the_nudge_updates_the_card(
    teams: TeamsClient,
    committed: None,
    teams_deps: Deps,
    bot_framework: FakeBotFramework,
    dana: TeamsUser,
) -> None:
    nudge = await _nudged(teams_deps, dana, bot_framework)
    [done] = [a for a in nudge.actions() if a["title"] == "Done"]

    teams.post(teams.teams.submit(dana, done["data"], reply_to=nudge.id))

    [update] = bot_framework.updates()
    assert update.path == f"/v3/conversations/{teams.teams.dm(dana)}/activities/{nudge.id}"
    assert "#1 is done" in update.text
    assert "Done" not in {a["title"] for a in update.actions()}  # it can't be done twice
    loop, _, history = _loop(teams_deps)
    assert loop.state == "done" and history[-1] == "done"


async def test_only_permitted_people_may_press_the_buttons(
    teams: TeamsClient,
    committed: None,
    teams_deps: Deps,
    bot_framework: FakeBotFramework,
    dana: TeamsUser,
    fox: TeamsUser,
) -> None:
    nudge = await _nudged(teams_deps, dana, bot_framework)
    [done] = [a for a in nudge.actions() if a["title"] == "Done"]

    teams.post(teams.teams.submit(fox, done["data"], reply_to=nudge.id))

    assert bot_framework.updates() == []
    refusal = bot_framework.posts()[-1]
    assert refusal.path == f"/v3/conversations/{teams.teams.dm(fox)}/activities"
    assert "owner" in refusal.text.lower()
    assert _loop(teams_deps)[0].state == "open"


async def test_snooze_reassign_and_update_take_their_inputs_from_the_card(
    teams: TeamsClient,
    committed: None,
    teams_deps: Deps,
    bot_framework: FakeBotFramework,
    dana: TeamsUser,
    fox: TeamsUser,
) -> None:
    nudge = await _nudged(teams_deps, dana, bot_framework)
    forms = {a["title"]: a for a in nudge.actions() if a["type"] == "Action.ShowCard"}
    assert set(forms) == {"Snooze", "Reassign", "Add update"}

    def press(title: str, inputs: dict[str, str]) -> None:
        [submit] = forms[title]["card"]["actions"]
        ids = {i["id"] for i in forms[title]["card"]["body"]}
        assert set(inputs) == ids
        teams.post(teams.teams.submit(dana, {**submit["data"], **inputs}, reply_to=nudge.id))

    press("Snooze", {"when_1": "tomorrow 9am"})
    press("Add update", {"text_1": "Waiting on the IdP metadata"})
    bot_framework.add_member(fox)
    press("Reassign", {"owner_1": fox.aad})  # the people picker gives an AAD object id

    snoozed, updated, reassigned = bot_framework.updates()
    assert "#1 snoozed until" in snoozed.text
    assert "Update added to #1" in updated.text
    assert "#1 now belongs to Fox Mulder" in reassigned.text
    loop, _, history = _loop(teams_deps)
    assert loop.owner == fox.aad and loop.snoozed_until is not None
    assert history[-3:] == ["snooze", "update", "reassigned"]
    personal = bot_framework.conversations[fox.id]
    [notice] = bot_framework.posts(lambda s: personal in s.path)
    assert "Dana Scully handed you #1 for ACME" in notice.text


async def test_a_click_redelivered_by_bot_framework_acts_once(
    teams: TeamsClient,
    committed: None,
    teams_deps: Deps,
    bot_framework: FakeBotFramework,
    dana: TeamsUser,
) -> None:
    nudge = await _nudged(teams_deps, dana, bot_framework)
    [update_form] = [
        a for a in nudge.actions() if a["title"] == "Add update" and a["type"] == "Action.ShowCard"
    ]
    press = teams.teams.submit(
        dana, {**update_form["card"]["actions"][0]["data"], "text_1": "halfway"}, reply_to=nudge.id
    )
    teams.post(press)
    teams.post(press)

    assert _loop(teams_deps)[2].count("update") == 1


async def test_channel_posts_threads_and_updates(
    committed: None, teams_deps: Deps, bot_framework: FakeBotFramework
) -> None:
    delivery = TeamsDelivery(teams_deps)
    posted = await delivery.post(TENANT, CHANNEL, Reply("Escalation: #1 is overdue"))
    threaded = await delivery.post(TENANT, CHANNEL, Reply("Still overdue"), thread=posted)
    await delivery.update(TENANT, posted, Reply("Escalation: #1 is closed"))

    first, second = bot_framework.posts()[-2:]
    assert first.path == f"/v3/conversations/{CHANNEL}/activities"
    assert second.path == f"/v3/conversations/{CHANNEL};messageid={posted.ts}/activities"
    assert posted == MessageRef(CHANNEL, first.id) and threaded.ts == second.id
    [update] = bot_framework.updates()
    assert update.path == f"/v3/conversations/{CHANNEL}/activities/{posted.ts}"
    assert "#1 is closed" in update.text


async def test_teams_asking_to_slow_down_is_rate_limited(
    committed: None, teams_deps: Deps, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    bot_framework.refuse_next.append(429)

    with pytest.raises(RateLimited) as raised:
        await TeamsDelivery(teams_deps).send_dm(TENANT, dana.aad, _nudge(teams_deps))

    assert raised.value.retry_after == 7


async def test_files_are_shown_as_teams_allows(
    committed: None, teams_deps: Deps, bot_framework: FakeBotFramework
) -> None:
    delivery = TeamsDelivery(teams_deps)
    chart = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(chart, format="PNG")
    csv = "id,customer\n" + "".join(f"{i},ACME\n" for i in range(2000))

    await delivery.upload(TENANT, CHANNEL, "digest.png", chart.getvalue(), "Weekly digest")
    await delivery.upload(TENANT, CHANNEL, "loops.csv", csv.encode(), "Loops")

    image, table = bot_framework.posts()[-2:]
    [picture] = [b for b in image.cards[0]["body"] if b["type"] == "Image"]
    assert picture["url"].startswith("data:image/png;base64,")
    assert "id,customer\n0,ACME" in table.text
    assert "2000,ACME" not in table.text and "loopkeeper report" in table.text


async def test_the_owners_time_zone_comes_from_teams(
    teams: TeamsClient, teams_deps: Deps, dana: TeamsUser, fox: TeamsUser
) -> None:
    teams.say(dana, "help", tz="America/New_York")
    delivery = TeamsDelivery(teams_deps)

    assert await delivery.user_timezone(TENANT, dana.aad) == "America/New_York"
    assert await delivery.user_timezone(TENANT, fox.aad) is None
