"""Issue 13, item 9 on Slack, through signed requests: a demoted admin loses the rights within
minutes, an org-wide install's events land in the same workspace as its people's commands, a
replayed request is applied once, and invisible direction controls never reach Slack."""

from __future__ import annotations

import json
from datetime import timedelta

from tests.platforms.slack.helpers import add_acme, feedback, loops
from tests.platforms.slack.test_commands import ack_blocks, all_text
from tests.proof.db import rows
from tests.support import slack_requests as sr

ALICE = "U0001"


async def test_a_demoted_admin_loses_admin_rights_within_minutes(slack_app) -> None:  # noqa: ANN001
    """Catches: a Slack admin demoted in Slack staying admin here for up to 30 days (the cached
    profile's age)."""
    slack_app.fake.add_user(ALICE, "alice", is_admin=True)
    response = await slack_app.command("settings escalation #ops")
    assert "Settings saved" in all_text(ack_blocks(response)[1])
    slack_app.fake.add_user(ALICE, "alice", is_admin=False)  # demoted in Slack
    slack_app.deps.clock.advance(seconds=timedelta(minutes=6).total_seconds())
    response = await slack_app.command("settings escalation off")
    assert "Only admins" in all_text(ack_blocks(response)[1])


def org_wide(event: dict) -> bytes:
    """An event of an org-wide (Enterprise Grid) install: its authorization names no team."""
    body = json.loads(sr.event_body(event))
    body["enterprise_id"] = "E0001"
    body["context_team_id"] = sr.TEAM
    body["authorizations"] = [
        {"enterprise_id": "E0001", "team_id": None, "user_id": sr.BOT_USER, "is_bot": True,
         "is_enterprise_install": True}
    ]  # fmt: skip
    return json.dumps(body).encode()


async def test_org_wide_events_and_commands_share_one_workspace(slack_app) -> None:  # noqa: ANN001
    """Catches: events with a null authorizations[0].team_id filed under the enterprise id
    while the same people's commands go to the team, splitting the data in two."""
    add_acme(slack_app.deps)  # by a command: in team T0001
    for event in (sr.message_event("ACME wants SSO"), sr.mention_event("ACME wants audit logs")):
        assert (await slack_app.post(org_wide(event))).status_code == 200
    await slack_app.settle()
    assert len(feedback(slack_app.deps)) == 2
    teams = rows(slack_app.deps.engine, "SELECT external_id FROM workspace ORDER BY id")
    assert teams == [{"external_id": sr.TEAM}]


async def test_a_replayed_signed_command_is_applied_once(slack_app) -> None:  # noqa: ANN001
    """Catches: the same signed command (same timestamp and signature) sent again within the
    five minutes Slack's signature is accepted, and run again."""
    add_acme(slack_app.deps)
    body = sr.command_body("commit ACME: ship SSO")
    headers = sr.signed_headers(sr.SECRET, body)
    for _ in range(3):
        response = await slack_app.client.post("/slack/events", content=body, headers=headers)
        assert response.status_code == 200
    assert len(loops(slack_app.deps)) == 1
    again = sr.command_body("commit ACME: ship SSO")  # the same words typed again: a new request
    assert (await slack_app.post(again)).status_code == 200
    assert len(loops(slack_app.deps)) == 2


async def test_direction_and_zero_width_controls_never_reach_slack(slack_app) -> None:  # noqa: ANN001
    """Catches: an RTL override (U+202E) or zero-width space typed into a loop shown in Slack as
    it was typed, making "gpj.exe" read as "exe.jpg"."""
    add_acme(slack_app.deps)
    await slack_app.command("commit ACME: send invoice\u202egpj.exe and re\u200bview")
    response = await slack_app.command("list all")
    text = all_text(ack_blocks(response)[1])
    assert "invoicegpj.exe" in text and "review" in text
    assert not any(c in text for c in "\u202e\u200b") and "\\u202e" not in text
