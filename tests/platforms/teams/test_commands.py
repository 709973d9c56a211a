"""The /loop grammar in Teams: 1:1 or @mentioning the bot, answered with Adaptive Cards."""

from __future__ import annotations

from handlers.context import Deps
from tests.platforms.teams.conftest import TeamsClient
from tests.support.fake_teams import (
    APP_ID,
    BOT,
    CHANNEL,
    TENANT,
    FakeBotFramework,
    TeamsUser,
    bot_mention,
)


def test_a_command_in_a_1to1_chat_is_answered_there_with_a_card(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    teams.say(dana, "/loop customer add ACME aliases Acme Corp segment enterprise")
    teams.say(dana, "commit ACME: ship SSO by Friday")  # the slash is optional

    added, committed = bot_framework.posts()
    assert committed.path == f"/v3/conversations/{teams.teams.dm(dana)}/activities"
    assert "Tracking #1 for ACME: ship SSO" in committed.text
    assert "Owner: Dana Scully" in committed.text  # the display name, not an id
    assert dana.aad not in committed.text
    done = next(a for a in committed.actions() if a["title"] == "Done")
    assert done["type"] == "Action.Submit"
    assert done["data"] == {"action": "done", "loop": "1", "card": "one"}
    titles = {a["title"] for a in committed.actions()}
    assert titles == {"Done", "Customer told", "Snooze", "Reassign", "Add update"}


def test_a_channel_mention_is_answered_in_the_thread(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    teams.say(dana, "customer add ACME")
    activity = teams.teams.channel(dana, "<at>Loopkeeper</at> commit ACME: ship SSO")
    assert teams.post(activity).status_code == 200

    reply = bot_framework.posts()[-1]
    conversation = f"{CHANNEL};messageid={activity['id']}"
    assert reply.path == f"/v3/conversations/{conversation}/activities/{activity['id']}"
    assert "Tracking #1 for ACME" in reply.text


def test_mentioned_people_become_owners_and_hear_about_it(
    teams: TeamsClient,
    bot_framework: FakeBotFramework,
    dana: TeamsUser,
    fox: TeamsUser,
    teams_deps: Deps,
) -> None:
    bot_framework.add_member(fox)  # Teams' mention has no aadObjectId: the bot asks for it
    teams.say(dana, "customer add ACME")
    mention = fox.mention()
    activity = teams.teams.channel(
        dana,
        f"{bot_mention()[0]} commit ACME: fix the export owner {mention[0]} by Friday",
        mentions=[bot_mention(), mention],
    )
    assert teams.post(activity).status_code == 200

    reply = bot_framework.posts(lambda s: CHANNEL in s.path)[-1]
    assert "Owner: Fox Mulder" in reply.text
    [created] = bot_framework.created()
    assert created.body["members"] == [{"id": fox.id}]
    assert created.body["bot"]["id"] == BOT
    assert created.body["tenantId"] == TENANT
    notice = bot_framework.posts(lambda s: "personal" in s.path)[-1]
    assert "Dana Scully made you the owner of #1 for ACME" in notice.text
    with teams_deps.uow() as uow:
        ws = uow.workspaces.find("teams", TENANT)
        loop = uow.loops.by_number(ws.id, 1)
        assert loop.owner == fox.aad  # the same id Fox acts with when pressing buttons


def test_list_shows_loops_and_errors_are_friendly(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    teams.say(dana, "customer add ACME")
    teams.say(dana, "commit ACME: ship SSO")
    teams.say(dana, "list mine")
    teams.say(dana, "feedback Initech: wants SSO")

    listing, error = bot_framework.posts()[-2:]
    assert "Your open loops: 1" in listing.text
    assert "#1 ACME — ship SSO" in listing.text
    assert any(
        a["data"] == {"action": "done", "loop": "1", "card": "one"}
        for a in listing.actions()
        if a["type"] == "Action.Submit"
    )
    assert "I don't know a customer called “Initech”" in error.text
    [heading] = [b for b in error.cards[0]["body"] if b["type"] == "TextBlock"][:1]
    assert heading.get("color") == "Attention"


def test_the_readme_s_loop_list_works_with_or_without_slash_or_word(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    teams.say(dana, "customer add ACME")
    teams.say(dana, "commit ACME: ship SSO")
    for line in ("loop list", "/loop list", "list"):
        teams.say(dana, line)
        answer = bot_framework.posts()[-1].text
        assert "Your open loops: 1" in answer and "I don't know" not in answer
    activity = teams.teams.channel(dana, "<at>Loopkeeper</at> loop list all")
    assert teams.post(activity).status_code == 200
    assert "All open loops: 1" in bot_framework.posts()[-1].text


def test_a_redelivered_command_runs_once(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    teams.say(dana, "customer add ACME")
    activity = teams.teams.personal(dana, "commit ACME: ship SSO")
    assert teams.post(activity).status_code == 200
    assert teams.post(activity).status_code == 200  # Bot Framework retried

    teams.say(dana, "list all")
    assert "All open loops: 1" in bot_framework.posts()[-1].text


def test_teams_and_other_workspaces_live_side_by_side(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser, teams_deps: Deps
) -> None:
    from handlers import commands
    from tests.conftest import person

    commands.run(teams_deps, person("ann"), "customer add ACME")
    commands.run(teams_deps, person("ann"), "commit ACME: console promise")
    teams.say(dana, "customer add ACME")
    teams.say(dana, "commit ACME: teams promise")

    assert "Tracking #1 for ACME: teams promise" in bot_framework.posts()[-1].text
    with teams_deps.uow() as uow:
        platforms = sorted((w.platform, w.external_id) for w in uow.workspaces.all())
        user = uow.users.get(uow.workspaces.find("teams", TENANT).id, dana.aad)
    assert platforms == [("console", "console"), ("teams", TENANT)]
    assert user.name == "Dana Scully"
    assert user.tz == "Europe/Paris"  # from the activity's clientInfo


def test_the_bot_says_hello_when_installed_in_a_1to1_chat(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    activity = teams.teams.personal(dana, "")
    activity.update(type="conversationUpdate", membersAdded=[{"id": BOT}])
    del activity["text"]
    assert teams.post(activity).status_code == 200

    [hello] = bot_framework.posts()
    assert "commit" in hello.text and APP_ID not in hello.text


def test_a_long_list_pages_in_place(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser, teams_deps: Deps
) -> None:
    from handlers import commands
    from handlers.context import Caller

    as_dana = Caller("teams", TENANT, dana.aad, "Dana Scully")
    commands.run(teams_deps, as_dana, "customer add ACME")
    for n in range(1, 24):
        commands.run(teams_deps, as_dana, f"commit ACME: promise {n}")
    teams.say(dana, "list all")
    first = bot_framework.posts()[-1]
    assert "Page 1 of 2" in first.text and "promise 23" not in first.text
    [forward] = [a for a in first.actions() if a["title"] == "Next page ▶"]

    teams.post(teams.teams.submit(dana, forward["data"], reply_to=first.id))

    [second] = bot_framework.updates()
    assert second.path.endswith(f"/activities/{first.id}")  # the same card, now page 2
    assert "Page 2 of 2" in second.text and "promise 23" in second.text
    assert [a["title"] for a in second.actions() if a.get("data", {}).get("action") == "page"] == [
        "◀ Previous page"
    ]


def test_an_admin_sets_the_escalation_channel_by_mentioning_it(
    teams: TeamsClient, bot_framework: FakeBotFramework, teams_deps: Deps
) -> None:
    from handlers import settings
    from handlers.context import Caller

    # LOOPKEEPER_ADMINS lists Teams admins by AAD object id (display names can be chosen).
    boss = TeamsUser("Walter Skinner", aad="admin", id="29:1skinner")
    sales = (
        "<at>Sales</at>",
        {
            "type": "mention",
            "text": "<at>Sales</at>",
            "mentioned": {"id": CHANNEL, "name": "Sales"},
        },
    )
    activity = teams.teams.channel(
        boss, f"{bot_mention()[0]} settings escalation {sales[0]}", mentions=[bot_mention(), sales]
    )

    assert teams.post(activity).status_code == 200

    assert "Settings saved" in bot_framework.posts()[-1].text
    caller = Caller("teams", TENANT, boss.aad, boss.name)
    assert settings.value(teams_deps, caller, "escalation_channel") == CHANNEL


def test_reports_are_tables_and_csv_comes_as_a_preview(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    teams.say(dana, "customer add ACME segment enterprise value 50000")
    teams.say(dana, "commit ACME: ship SSO")
    teams.say(dana, "report owners csv")

    report = bot_framework.posts()[-1]
    table_card, file_card = report.cards
    [table] = [b for b in table_card["body"] if b["type"] == "Table"]
    header, row = ([c["items"][0]["text"] for c in r["cells"]] for r in table["rows"])
    assert header[:3] == ["owner", "open", "overdue"]
    assert row[:2] == ["Dana Scully", "1"]  # people by name, as everywhere in Teams
    assert ".csv" in file_card["body"][1]["text"]
    assert "owner,open,overdue" in report.text
    assert "<@" not in report.text


def test_numeric_dates_follow_the_senders_locale_until_an_admin_sets_the_order(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    teams.say(dana, "customer add ACME")
    british = teams.teams.personal(dana, "commit ACME: send the roadmap by 12/03")
    british["locale"] = "en-GB"
    assert teams.post(british).status_code == 200
    assert "due Fri 12 Mar 2027 17:00 (Europe/Paris) (12/03 read day first" in (
        bot_framework.posts()[-1].text
    )
    teams.say(dana, "commit ACME: send the pricing by 12/03")  # the fake sends en-US
    assert "due Thu 03 Dec 17:00 (Europe/Paris) (12/03 read month first" in (
        bot_framework.posts()[-1].text
    )
