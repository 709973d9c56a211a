"""One workspace can never read or change another's data. Two Slack teams and a console use the
same loop numbers, customer names, channel and user ids; every handler is tried across the
line, and the other workspace's rows are compared before and after, read from the database."""

from __future__ import annotations

import pytest

from bot.core.errors import NotFound
from handlers import capture, commands, loops
from handlers.capture import ChatMessage
from handlers.context import Caller
from tests.conftest import person
from tests.proof.db import rows
from tests.support import slack_requests as sr

# The same user id in three workspaces: three different people. T2's is a workspace admin.
T1_OWNER = Caller(platform="slack", workspace="T1", user="U1", user_name="una")
T2_ADMIN = Caller(platform="slack", workspace="T2", user="U1", user_name="una", is_admin=True)
CONSOLE = person("U1", is_admin=True)
# A Slack team whose id is the console's workspace id: still another workspace.
LOOKALIKE = Caller(platform="slack", workspace="console", user="U1", is_admin=True)

T1_WORDS = ["falcon", "falconcorp", "heron"]  # said only in T1


def run(deps, who: Caller, text: str):  # noqa: ANN001, ANN201
    return commands.run(deps, who, text)


def ok(deps, who: Caller, text: str):  # noqa: ANN001, ANN201
    reply = run(deps, who, text)
    assert not reply.error, f"{text!r}: {reply.text}"
    return reply


def snapshot(deps, workspace: str) -> dict[str, list[dict[str, object]]]:  # noqa: ANN001
    """Every row that belongs to one workspace (ids and times included)."""
    ws = "(SELECT id FROM workspace WHERE external_id = :w AND platform = 'slack')"
    found = {}
    for table in [
        "customer",
        "customer_alias",
        "feedback",
        "loop",
        "loop_event",
        "workspace_setting",
        "chat_user",
    ]:
        found[table] = rows(
            deps.engine,
            f'SELECT * FROM "{table}" WHERE workspace_id = {ws} ORDER BY id',
            w=workspace,
        )
    return found


@pytest.fixture
def two_teams(deps):  # noqa: ANN001, ANN201
    """T1 has ACME (alias falconcorp) with loops #1 and #2 and feedback; T2 has ACME with #1."""
    ok(deps, T1_OWNER, "customer add ACME aliases falconcorp, acme.com owner <@U1>")
    ok(deps, T1_OWNER, "commit ACME: ship the falcon API by Friday")
    ok(deps, T1_OWNER, "commit ACME: heron pricing")
    ok(deps, T1_OWNER, "feedback ACME: falcon is slow")
    assert capture.capture_message(
        deps,
        T1_OWNER,
        ChatMessage("falconcorp: we'll fix the heron bug by Friday", "C1", "1700000000.000100"),
        "Ev1",
    )
    for caller in (T2_ADMIN, CONSOLE, LOOKALIKE):
        ok(deps, caller, "customer add ACME aliases acme.com")
        ok(deps, caller, "commit ACME: their own thing")
    return deps


def test_actions_on_the_same_loop_number_touch_only_the_callers_workspace(two_teams) -> None:  # noqa: ANN001
    deps = two_teams
    before = snapshot(deps, "T1")
    tried = 0
    for caller in (T2_ADMIN, CONSOLE, LOOKALIKE):
        for line in [
            "update 2 hello",
            "snooze 2 tomorrow",
            "done 2",
            "told 2 mailed",
            "reassign 2 <@U9>",
            "cancel 2 not ours",
        ]:
            reply = run(deps, caller, line)
            assert reply.error and "no loop #2" in reply.text, reply.text
            tried += 1
        for line in [
            "update 1 ours",
            "snooze 1 tomorrow",
            "done 1",
            "reassign 1 <@U7>",
        ]:
            ok(deps, caller, line)
            tried += 1
        # Buttons go through the same door.
        with pytest.raises(NotFound):
            loops.act(deps, caller, "cancel", 2, "not ours")
        tried += 1
    assert snapshot(deps, "T1") == before
    print(f"isolation: {tried} cross-workspace actions tried, T1 unchanged")


def test_nothing_of_another_workspace_is_shown(two_teams) -> None:  # noqa: ANN001
    deps = two_teams
    shown = []
    for caller in (T2_ADMIN, CONSOLE, LOOKALIKE):
        for line in [
            "list all",
            "list overdue",
            "list customer ACME",
            "list <@U1>",
            "list",
            "customer ACME",
            "customers",
            "help",
        ]:
            shown.append(run(deps, caller, line).plain())
        shown.append(loops.home(deps, caller).plain())
        unknown = run(deps, caller, "customer falconcorp")  # T1's alias: unknown here
        assert unknown.error and "heron" not in unknown.text
    leaks = [text for text in shown for word in T1_WORDS if word in text.casefold()]
    assert leaks == []
    print(f"isolation: {len(shown)} replies read, none shows T1's words")


def test_capture_edits_and_buttons_never_cross(two_teams) -> None:  # noqa: ANN001
    deps = two_teams
    before = snapshot(deps, "T1")
    t1_button = rows(
        deps.engine, "SELECT customer_id FROM feedback WHERE message_ts = '1700000000.000100'"
    )[0]["customer_id"]
    for caller in (T2_ADMIN, CONSOLE, LOOKALIKE):
        # T1's alias means nothing elsewhere.
        assert (
            capture.capture_message(
                deps, caller, ChatMessage("falconcorp is unhappy", "C1", "1700000000.000900"), "Ev9"
            )
            is None
        )
        # The same event id in another workspace is another event.
        assert (
            capture.capture_message(
                deps, caller, ChatMessage("acme.com is unhappy", "C1", "1700000000.000100"), "Ev1"
            )
            is not None
        )
        # An edit or delete of T1's message, sent from elsewhere, changes nothing of T1's.
        capture.message_changed(deps, caller, "C1", "1700000000.000100", "rewritten")
        capture.message_deleted(deps, caller, "C1", "1700000000.000100")
        # A "Track this commitment" button carrying T1's ids finds nothing.
        with pytest.raises(NotFound):
            capture.track_commitment(deps, caller, f"{t1_button}|C1|1700000000.000100")
        # Settings and forgetting stay home.
        ok(deps, caller, "settings capture <#C1|general> off")
        ok(deps, caller, "customer forget ACME --yes")
    assert snapshot(deps, "T1") == before
    # T1 still captures in C1 (another workspace turned capture off there).
    assert capture.capture_message(
        deps, T1_OWNER, ChatMessage("ACME asked again", "C1", "1700000000.000200"), "Ev2"
    )


async def test_over_http_a_team_sees_and_moves_only_its_own_loops(slack_app) -> None:  # noqa: ANN001
    """The same over signed Slack requests: T0002 (whose U0001 is a workspace admin there)
    types commands and clicks buttons on loop #1; T0001's #1 is never touched or shown."""
    app, one, two = slack_app, {"team": "T0001"}, {"team": "T0002"}
    app.fake.add_user("U0001", "una", is_admin=True)
    for team, what in (("T0001", "ship the falcon API"), ("T0002", "their own thing")):
        await app.command("customer add ACME aliases acme.com", team=team)
        await app.command(f"commit ACME: {what} by Friday", team=team)
    before = snapshot(app.deps, "T0001")
    answers = []
    for line in ["list all", "customer ACME", "customers", "update 1 x", "done 1"]:
        answers.append((await app.command(line, **two)).text)
    for action in ["loop_told", "loop_cancel", "loop_snooze"]:
        click = sr.block_actions_body(sr.button(action, "1"), user="U0001", ephemeral=True, **two)
        answers.append((await app.post(click)).text)
    await app.settle()
    answers += [
        c.text for c in app.fake.calls() if c.method in ("response_url", "chat.postEphemeral")
    ]
    assert snapshot(app.deps, "T0001") == before
    assert [r["state"] for r in snapshot(app.deps, "T0002")["loop"]] == ["closed"]  # T0002's
    assert not [a for a in answers if "falcon" in a]
    assert "falcon" in (await app.command("list all", **one)).text
    print(f"isolation over HTTP: {len(answers)} answers to T0002, T0001 unchanged and unseen")
