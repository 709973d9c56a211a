"""Buttons on loops: they act through the permission rules and update what was clicked."""

from __future__ import annotations

import json

import pytest

from bot.platforms.slack.blocks import reply_blocks
from handlers import commands
from tests.platforms.slack.helpers import add_acme, loop_events, loops, slack_caller
from tests.support import slack_requests as sr
from tests.support.slack_fixtures import SlackTestApp, slack_deps

OWNER, OTHER = "U0007", "U0666"


@pytest.fixture
async def app(db_url, fake_slack, clock):  # noqa: ANN001, ANN201
    app = SlackTestApp(slack_deps(db_url, fake_slack, clock), fake_slack)
    add_acme(app.deps)
    yield app
    await app.close()


def loop_message(app: SlackTestApp) -> dict:  # noqa: F821
    """Loop #1 (owner U0007) as a bot message, the way a nudge shows it."""
    reply = commands.run(
        app.deps, slack_caller(), f"commit ACME: ship SSO by Friday owner <@{OWNER}>"
    )
    assert not reply.error, reply.text
    return {"ts": sr.new_ts(), "text": reply.text, "blocks": reply_blocks(reply)}


def element(blocks: list[dict], action_id: str) -> tuple[dict, str]:
    for block in blocks:
        for item in block.get("elements", []):
            if item.get("action_id") == action_id:
                return item, block["block_id"]
    raise AssertionError(f"no {action_id} in {json.dumps(blocks)[:500]}")


async def test_done_updates_the_message_in_place_and_the_home(app) -> None:  # noqa: ANN001
    message = loop_message(app)
    done, block_id = element(message["blocks"], "loop_done")
    response = await app.post(
        sr.block_actions_body(
            sr.button("loop_done", done["value"], block_id),
            user=OWNER,
            channel="D0007",
            message=message,
        )
    )
    assert response.status_code == 200
    await app.settle()
    assert loops(app.deps)[0].state == "done"
    update = app.fake.calls("chat.update")[0]
    assert update.params["channel"] == "D0007" and update.params["ts"] == message["ts"]
    actions = {
        e["action_id"] for b in update.blocks for e in b.get("elements", []) if "action_id" in e
    }
    assert "loop_done" not in actions and "loop_told" in actions
    assert "#1 is done" in update.text
    home = app.fake.calls("views.publish")[0]
    assert home.params["user_id"] == OWNER and "#1 is done" in home.text


async def test_a_double_click_acts_once(app) -> None:  # noqa: ANN001
    message = loop_message(app)
    snooze, block_id = element(message["blocks"], "loop_snooze")
    choice = snooze["options"][1]["value"]  # tomorrow 9am
    click = sr.block_actions_body(
        sr.select("loop_snooze", choice, block_id), user=OWNER, channel="D0007", message=message
    )
    first, second = await app.post(click), await app.post(click)
    assert first.status_code == second.status_code == 200
    await app.settle()
    assert [e.kind for e in loop_events(app.deps)] == ["created", "snooze"]
    assert loops(app.deps)[0].snoozed_until.isoformat() == "2026-11-25T09:00:00+00:00"
    assert len(app.fake.calls("chat.update")) == 1


async def test_no_permission_is_explained_to_the_clicker_only(app) -> None:  # noqa: ANN001
    message = loop_message(app)
    cancel_like, block_id = element(message["blocks"], "loop_told")
    await app.post(
        sr.block_actions_body(
            sr.button("loop_told", cancel_like["value"], block_id), user=OTHER, message=message
        )
    )
    await app.settle()
    assert loops(app.deps)[0].state == "open"
    note = app.fake.calls("chat.postEphemeral")[0]
    assert note.params["user"] == OTHER and "Only" in note.text
    assert not app.fake.calls("chat.update")


async def test_reassign_with_the_user_picker_tells_the_new_owner(app) -> None:  # noqa: ANN001
    message = loop_message(app)
    _, block_id = element(message["blocks"], "loop_reassign")
    await app.post(
        sr.block_actions_body(
            sr.user_select("loop_reassign", "U0008", block_id),
            user=OWNER,
            channel="D0007",
            message=message,
        )
    )
    await app.settle()
    assert loops(app.deps)[0].owner == "U0008"
    dm = app.fake.calls("chat.postMessage")[0]
    assert dm.params["channel"] == "D0008" and "handed you #1" in dm.text
    assert {c.params["user_id"] for c in app.fake.calls("views.publish")} == {OWNER, "U0008"}


async def test_add_update_opens_a_modal_and_its_submission_is_recorded_once(app) -> None:  # noqa: ANN001
    message = loop_message(app)
    update, block_id = element(message["blocks"], "loop_update")
    await app.post(
        sr.block_actions_body(
            sr.button("loop_update", update["value"], block_id),
            user=OWNER,
            channel="D0007",
            message=message,
        )
    )
    modal = (await app.fake.wait_for_async("views.open"))[0].view
    assert modal["callback_id"] == "loop_update_modal"
    empty = await app.post(sr.view_submission_body(modal, {"update": {"text": " "}}, user=OWNER))
    assert empty.json()["response_action"] == "errors"
    filled = sr.view_submission_body(
        modal, {"update": {"text": "Beta on staging"}}, user=OWNER, view_id="V123"
    )
    assert (await app.post(filled)).status_code == 200
    assert (await app.post(filled)).status_code == 200  # submitted twice
    await app.settle()
    updates = [e for e in loop_events(app.deps) if e.kind == "update"]
    assert [e.note for e in updates] == ["Beta on staging"]
    assert "Update added to #1" in app.fake.calls("chat.postEphemeral")[0].text


async def test_buttons_on_an_ephemeral_list_replace_it_through_the_response_url(app) -> None:  # noqa: ANN001
    loop_message(app)
    reply = commands.run(app.deps, slack_caller(OWNER), "list")
    blocks = reply_blocks(reply)
    done, block_id = element(blocks, "loop_done")
    await app.post(
        sr.block_actions_body(
            sr.button("loop_done", done["value"], block_id),
            user=OWNER,
            ephemeral=True,
            response_url=app.fake.response_url("list"),
        )
    )
    await app.settle()
    replaced = app.fake.calls("response_url")[0]
    assert replaced.params["replace_original"] is True and "#1 is done" in replaced.text


async def test_app_home_shows_open_loops_and_its_buttons_refresh_it(app) -> None:  # noqa: ANN001
    loop_message(app)
    await app.event(sr.home_opened_event(OWNER))
    home = (await app.fake.wait_for_async("views.publish"))[0]
    assert home.view["type"] == "home" and "#1 Acme Corp — ship SSO" in home.text
    done, block_id = element(home.view["blocks"], "loop_done")
    view = {**home.view, "id": "VHOME1", "hash": "h1"}
    await app.post(
        sr.block_actions_body(
            sr.button("loop_done", done["value"], block_id), user=OWNER, home_view=view
        )
    )
    await app.settle()
    refreshed = app.fake.calls("views.publish")[-1]
    assert "#1 is done" in refreshed.text
    assert loops(app.deps)[0].state == "done"
