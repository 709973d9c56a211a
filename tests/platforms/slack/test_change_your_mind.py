"""Issue 15 through signed Slack requests: edit, reopen, undo (a command and a button), feedback
corrections, customer edit, forget confirmed by a button, and the owner's DM."""

from __future__ import annotations

import json

import pytest

from tests.platforms.slack.helpers import add_acme, feedback, loops
from tests.support import slack_requests as sr
from tests.support.slack_fixtures import SlackTestApp, slack_deps

OWNER, OTHER = "U0007", "U0666"


@pytest.fixture
async def app(db_url, fake_slack, clock):  # noqa: ANN001, ANN201
    app = SlackTestApp(
        slack_deps(db_url, fake_slack, clock, LOOPKEEPER_ADMINS="UADMIN"), fake_slack
    )
    add_acme(app.deps)
    yield app
    await app.close()


async def said(app: SlackTestApp, text: str, user: str = OWNER) -> tuple[str, list[dict]]:
    """The ack's text and blocks of one signed slash command."""
    response = await app.command(text, user=user)
    assert response.status_code == 200
    body = response.json()
    return json.dumps(body.get("blocks", []), ensure_ascii=False), body.get("blocks", [])


def run_button(blocks: list[dict], label: str) -> dict:
    for block in blocks:
        for item in block.get("elements", []):
            if item.get("action_id") == "loop_run" and item["text"]["text"] == label:
                return {**item, "block_id": block["block_id"]}
    raise AssertionError(f"no {label} button in {json.dumps(blocks)[:600]}")


async def click(app: SlackTestApp, button: dict, user: str = OWNER, name: str = "r") -> str:
    """Click a run button on an ephemeral reply; what came back through the response URL."""
    await app.post(
        sr.block_actions_body(
            sr.button("loop_run", button["value"], button["block_id"]),
            user=user,
            ephemeral=True,
            response_url=app.fake.response_url(name),
        )
    )
    await app.settle()
    return app.fake.calls("response_url")[-1].text


async def test_edit_reopen_and_the_undo_button(app) -> None:  # noqa: ANN001
    await said(app, "commit ACME: ship SSO by Friday")
    text, blocks = await said(app, "edit 1 due tomorrow 10am")
    assert "now due Wed 25 Nov 10:00" in text
    assert loops(app.deps)[0].due_at.isoformat() == "2026-11-25T10:00:00+00:00"
    undone = await click(app, run_button(blocks, "Undo"))
    assert "Undone: #1 edited" in undone
    assert loops(app.deps)[0].due_at.isoformat() == "2026-11-27T17:00:00+00:00"
    await said(app, "told 1 emailed them")
    text, _ = await said(app, "reopen 1 they wrote back")
    assert "#1 is open again: they wrote back" in text and loops(app.deps)[0].state == "open"


async def test_refusals_are_ephemeral_and_change_nothing(app, clock) -> None:  # noqa: ANN001
    await said(app, "commit ACME: ship SSO by Friday")
    text, _ = await said(app, "edit 1 what something else", user=OTHER)
    assert "⚠️" in text and "Only" in text and loops(app.deps)[0].what == "ship SSO"
    text, _ = await said(app, "reopen 1", user=OWNER)
    assert "⚠️" in text and "only a done, closed or cancelled loop" in text
    _, blocks = await said(app, "done 1")
    assert "⚠️ Only" in await click(app, run_button(blocks, "Undo"), user=OTHER, name="x")
    clock.advance(minutes=11)
    late = await click(app, run_button(blocks, "Undo"), name="late")
    assert "11 minutes ago" in late and loops(app.deps)[0].state == "done"


async def test_the_owner_hears_who_changed_their_loop_and_why(app) -> None:  # noqa: ANN001
    await said(app, f"commit ACME: ship SSO by Friday owner <@{OWNER}>", user="UADMIN")
    await said(app, "cancel 1 the customer withdrew the request", user="UADMIN")
    dms = await app.fake.wait_for_async("chat.postMessage", count=2)  # made owner, cancelled
    (dm,) = [d for d in dms if "cancelled" in d.text]
    assert dm.params["channel"] == "D0007"
    assert "<@UADMIN> cancelled your loop #1" in dm.text and "customer withdrew" in dm.text


async def test_feedback_is_corrected_and_deleted(app) -> None:  # noqa: ANN001
    text, _ = await said(app, "feedback ACME: the export is broken")
    assert "Feedback 1" in text
    text, _ = await said(app, "feedback 1 kind risk")
    assert "now risk (was problem)" in text and feedback(app.deps)[0].kind == "risk"
    text, _ = await said(app, "feedback delete 1", user=OTHER)
    assert "⚠️" in text and len(feedback(app.deps)) == 1
    _, blocks = await said(app, "feedback delete 1")
    assert feedback(app.deps) == []
    assert "Undone" in await click(app, run_button(blocks, "Undo"))
    assert [f.text for f in feedback(app.deps)] == ["the export is broken"]


async def test_customer_edit_and_a_forget_that_waits_for_its_button(app) -> None:  # noqa: ANN001
    text, _ = await said(app, "customer edit ACME value 150k segment smb")
    assert "value 120,000 → 150,000" in text and "segment enterprise → smb" in text
    text, blocks = await said(app, "customer forget ACME", user="UADMIN")
    assert "Nothing is erased until you confirm" in text
    text, _ = await said(app, "customer ACME")
    assert "Acme Corp — smb, value 150,000" in text  # still there
    forget = run_button(blocks, "Forget Acme Corp")
    assert forget["style"] == "danger"
    assert "Forgot Acme Corp" in await click(app, forget, user="UADMIN")
    text, _ = await said(app, "customer ACME")
    assert "I don't know a customer" in text
