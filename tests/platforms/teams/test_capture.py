"""Feedback from Teams: @mentions that name a customer, and the "Log customer feedback" action."""

from __future__ import annotations

from sqlmodel import select

from handlers.context import Deps
from storage.models import Feedback
from tests.platforms.teams.conftest import TeamsClient
from tests.support.fake_teams import (
    CHANNEL,
    TENANT,
    FakeBotFramework,
    TeamsUser,
    bot_mention,
)


def _feedback(deps: Deps) -> list[Feedback]:
    with deps.uow() as uow:
        ws = uow.workspaces.find("teams", TENANT)
        return list(
            uow.session.exec(
                select(Feedback).where(Feedback.workspace_id == ws.id).order_by(Feedback.id)
            )
        )


def test_a_mention_naming_a_customer_is_logged_once(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser, teams_deps: Deps
) -> None:
    teams.say(dana, "customer add ACME aliases Acme Corp")
    activity = teams.teams.channel(
        dana, "<at>Loopkeeper</at> Acme Corp says the export is broken &amp; slow"
    )
    assert teams.post(activity).status_code == 200
    assert teams.post(activity).status_code == 200  # redelivered: no second row, no reply

    [item] = _feedback(teams_deps)
    assert item.text == "Acme Corp says the export is broken & slow"
    assert item.source == "teams"
    assert (item.channel, item.message_ts, item.author) == (CHANNEL, activity["id"], dana.aad)
    assert activity["id"] in item.permalink and "/l/message/" in item.permalink
    replies = bot_framework.posts(lambda s: CHANNEL in s.path)
    assert len(replies) == 1
    assert "Logged problem feedback for ACME" in replies[0].text


def test_a_promise_offers_to_track_it_and_the_button_makes_one_loop(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    teams.say(dana, "customer add ACME")
    activity = teams.teams.channel(dana, "<at>Loopkeeper</at> we'll ship SSO to ACME by Friday")
    assert teams.post(activity).status_code == 200
    offer = bot_framework.posts()[-1]
    [track] = [a for a in offer.actions() if a["title"] == "Track this commitment"]

    thread = {"conversationType": "channel", "id": f"{CHANNEL};messageid={activity['id']}"}
    for _ in range(2):  # clicked twice: still one loop
        press = teams.teams.submit(dana, track["data"], reply_to="1", conversation=thread)
        assert teams.post(press).status_code == 200

    teams.say(dana, "list all")
    assert "All open loops: 1" in bot_framework.posts()[-1].text
    assert "#1 ACME — ship SSO to ACME\n" in bot_framework.posts()[-1].text  # the promise


def test_people_mentioned_in_feedback_keep_their_names(
    teams: TeamsClient, dana: TeamsUser, fox: TeamsUser, teams_deps: Deps
) -> None:
    teams.say(dana, "customer add ACME")
    fox_said = fox.mention()
    activity = teams.teams.channel(
        dana,
        f"<at>Loopkeeper</at> {fox_said[0]} heard ACME wants SSO",
        mentions=[bot_mention(), fox_said],
    )

    teams.post(activity)

    [item] = _feedback(teams_deps)
    assert item.text == "Fox Mulder heard ACME wants SSO"


def test_a_mention_without_a_known_customer_logs_nothing(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser, teams_deps: Deps
) -> None:
    teams.say(dana, "customer add ACME")
    activity = teams.teams.channel(dana, "<at>Loopkeeper</at> lunch is at noon")
    assert teams.post(activity).status_code == 200

    assert _feedback(teams_deps) == []


def test_the_message_action_opens_a_prefilled_dialog_and_logs_it(
    teams: TeamsClient,
    bot_framework: FakeBotFramework,
    dana: TeamsUser,
    fox: TeamsUser,
    teams_deps: Deps,
) -> None:
    teams.say(dana, "customer add ACME aliases acme.com")
    fetch = teams.teams.fetch_task(
        dana, fox, "<p>Call with <b>acme.com</b>: they&#39;d want an audit log</p>"
    )
    response = teams.post(fetch)

    assert response.status_code == 200
    task = response.json()["task"]
    assert task["type"] == "continue" and task["value"]["title"] == "Log customer feedback"
    card = task["value"]["card"]["content"]
    inputs = {i["id"]: i.get("value") for i in card["body"] if i["type"].startswith("Input.")}
    assert inputs == {"customer": "ACME", "text": "Call with acme.com: they'd want an audit log"}
    payload = fetch["value"]["messagePayload"]
    [submit] = card["actions"]

    data = {**submit["data"], **inputs}  # Teams merges the inputs into the button's data
    response = teams.post(teams.teams.submit_action(dana, data))

    assert response.status_code == 200
    assert response.json() == {
        "task": {
            "type": "message",
            "value": (
                "📝 Logged request feedback for ACME: Call with acme.com: they'd want an audit log"
            ),
        }
    }
    [item] = _feedback(teams_deps)
    assert (item.source, item.channel, item.message_ts) == ("teams", CHANNEL, payload["id"])
    assert item.permalink.startswith("https://teams.microsoft.com/l/message/")  # built by us
    assert f"/{payload['id']}?" in item.permalink


def test_the_dialog_shows_what_to_fix_and_keeps_what_was_typed(
    teams: TeamsClient, dana: TeamsUser, teams_deps: Deps
) -> None:
    teams.say(dana, "customer add ACME")
    data = {
        "customer": "Initech",
        "text": "wants SSO",
        "messageId": "42",
        "channel": CHANNEL,
        "permalink": "",
    }

    response = teams.post(teams.teams.submit_action(dana, data))

    card = response.json()["task"]["value"]["card"]["content"]
    error = card["body"][0]
    assert error["color"] == "Attention"
    assert "I don't know a customer called “Initech”" in error["text"]
    inputs = {i["id"]: i.get("value") for i in card["body"] if i["type"].startswith("Input.")}
    assert inputs == {"customer": "Initech", "text": "wants SSO"}
    assert _feedback(teams_deps) == []


def test_an_edited_message_updates_its_feedback(
    teams: TeamsClient, dana: TeamsUser, teams_deps: Deps
) -> None:
    teams.say(dana, "customer add ACME")
    activity = teams.teams.channel(dana, "<at>Loopkeeper</at> ACME loves the new export")
    teams.post(activity)
    edited = {
        **activity,
        "type": "messageUpdate",
        "text": "<at>Loopkeeper</at> ACME hates the new export",
        "channelData": {**activity["channelData"], "eventType": "editMessage"},
    }

    assert teams.post(edited).status_code == 200

    [item] = _feedback(teams_deps)
    assert item.text == "ACME hates the new export" and item.edited_at is not None


def test_a_deleted_message_marks_its_feedback_deleted(
    teams: TeamsClient, dana: TeamsUser, teams_deps: Deps
) -> None:
    teams.say(dana, "customer add ACME")
    activity = teams.teams.channel(dana, "<at>Loopkeeper</at> ACME wants SSO")
    teams.post(activity)
    deleted = {
        **activity,
        "type": "messageDelete",
        "channelData": {**activity["channelData"], "eventType": "softDeleteMessage"},
    }
    del deleted["text"]

    assert teams.post(deleted).status_code == 200

    [item] = _feedback(teams_deps)
    assert item.deleted_at is not None


def test_the_message_action_works_in_a_chat_between_two_people(
    teams_on_both: tuple[TeamsClient, Deps],
    bot_framework: FakeBotFramework,
    dana: TeamsUser,
    fox: TeamsUser,
) -> None:
    teams, deps = teams_on_both
    teams.say(dana, "customer add ACME")
    chat = teams.teams.chat_between(dana, fox)
    fetch = teams.teams.fetch_task(dana, fox, "ACME needs SSO by March", channel=chat)
    card = teams.post(fetch).json()["task"]["value"]["card"]["content"]
    inputs = {i["id"]: i.get("value") for i in card["body"] if i["type"].startswith("Input.")}

    response = teams.post(
        teams.teams.submit_action(dana, {**card["actions"][0]["data"], **inputs}, channel=chat)
    )

    assert "Logged" in response.json()["task"]["value"]
    [item] = _feedback(deps)
    assert item.text == "ACME needs SSO by March" and len(item.channel) <= 64
    teams.say(dana, "help")  # the bot's own 1:1 chat with Dana is still where it answers
    assert bot_framework.posts()[-1].path == f"/v3/conversations/{teams.teams.dm(dana)}/activities"
