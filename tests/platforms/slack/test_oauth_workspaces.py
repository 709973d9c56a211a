"""Several workspaces on one deployment through OAuth installs, on both databases: each sees only
its own customers, an org-wide install serves each workspace of its org apart, an uninstall
stops every post to that workspace (its data stays), and a rotating token is refreshed before
it expires."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

import sqlalchemy as sa

from bot.wiring.bootstrap import chat_deliveries
from bot.wiring.sweeper import sweep, sweep_once
from handlers import commands
from tests.platforms.slack.helpers import add_acme, feedback, slack_caller
from tests.platforms.slack.oauth_helpers import (  # noqa: F401 - oauth_app is a fixture
    install,
    org_command,
    org_event,
)
from tests.support import slack_requests as sr
from tests.support.fake_slack import FakeSlack
from tests.support.slack_fixtures import SlackTestApp

THURSDAY = datetime(2026, 11, 26, 17, 0, tzinfo=UTC)
ORG = "E0001"


async def command(app: SlackTestApp, text: str, team: str, user: str = sr.USER) -> str:
    response = await app.post(sr.command_body(text, user=user, team=team))
    assert response.status_code == 200
    return json.dumps(response.json(), ensure_ascii=False)


async def server_sweep(app: SlackTestApp) -> list[str]:
    """A sweep as `serve`'s scheduler runs it: with the server's own Slack delivery."""
    return await sweep(app.deps, chat_deliveries(app.deps, slack=app.bot.parts.delivery))


async def test_two_workspaces_in_one_database_each_see_only_their_own_customers(
    oauth_app: SlackTestApp, fake_slack: FakeSlack
) -> None:
    """Catches a request filed under the wrong workspace, or a call made with another
    workspace's token (the fake answers invalid_auth to a token it did not give that team)."""
    one = await install(oauth_app, "code-1", "T0001")
    two = await install(oauth_app, "code-2", "T0002")
    assert "Added Acme Corp" in await command(
        oauth_app, "customer add Acme Corp aliases ACME", "T0001"
    )
    assert "Added Globex" in await command(oauth_app, "customer add Globex", "T0002")
    assert "Acme" in await command(oauth_app, "customers", "T0001")
    listed = await command(oauth_app, "customers", "T0002")
    assert "Globex" in listed and "Acme" not in listed
    # A message naming ACME is Acme's feedback in T0001 only; the reaction uses T0001's token.
    await oauth_app.event(sr.message_event("ACME wants SSO", team="T0001"))
    await oauth_app.post(
        sr.event_body(sr.message_event("ACME wants SSO", team="T0002"), team="T0002")
    )
    await oauth_app.settle()
    assert [f.text for f in feedback(oauth_app.deps)] == ["ACME wants SSO"]
    reactions = fake_slack.answered("reactions.add")
    assert [fake_slack.token_of(c) for c in reactions] == [one]
    # The users.info calls for each workspace's people went with that workspace's token.
    assert {fake_slack.token_of(c) for c in fake_slack.calls("users.info")} == {one, two}
    assert not [
        c
        for c in fake_slack.calls()
        if c.method != "oauth.v2.access" and fake_slack.token_of(c) not in (one, two)
    ]


async def test_an_org_wide_install_serves_each_workspace_of_the_org_apart(
    oauth_app: SlackTestApp, fake_slack: FakeSlack
) -> None:
    """One org-wide install, events and commands from two of its workspaces: each workspace
    keeps its own customers and feedback (catches filing them under the org, which would merge
    them), and the sweep posts to each with the org's token."""
    token = await install(oauth_app, "code-org", None, enterprise=ORG, org_wide=True)
    for team, name in (("T000A", "Acme Corp aliases ACME"), ("T000B", "Acme Labs aliases ACME")):
        response = await oauth_app.post(org_command(f"customer add {name}", team, ORG))
        assert "Added Acme" in response.text
    await oauth_app.post(
        org_event(sr.message_event("ACME found a bug", team="T000A"), "T000A", ORG)
    )
    await oauth_app.post(org_event(sr.message_event("ACME loves it", team="T000B"), "T000B", ORG))
    await oauth_app.settle()
    with oauth_app.deps.engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT w.external_id, c.name, f.text FROM feedback f "
                "JOIN customer c ON c.id = f.customer_id JOIN workspace w ON w.id = f.workspace_id "
                "ORDER BY w.external_id"
            )
        ).all()
    assert [tuple(r) for r in rows] == [
        ("T000A", "Acme Corp", "ACME found a bug"),
        ("T000B", "Acme Labs", "ACME loves it"),
    ]
    for team in ("T000A", "T000B"):
        body = org_command(f"commit ACME: call back owner <@U{team}> by Thursday 5pm", team, ORG)
        assert "Tracking #1" in (await oauth_app.post(body)).text
    oauth_app.deps.clock.set(THURSDAY)  # type: ignore[attr-defined]
    assert len(await server_sweep(oauth_app)) == 2
    posts = fake_slack.answered("chat.postMessage")
    assert {c.params["channel"] for c in posts} == {"DT000A", "DT000B"}
    assert {fake_slack.token_of(c) for c in posts} == {token}


async def test_uninstall_removes_the_tokens_and_stops_every_post_but_keeps_the_data(
    oauth_app: SlackTestApp, fake_slack: FakeSlack
) -> None:
    """Catches a sweep that still posts (or tries to) for an uninstalled workspace, through the
    server's scheduler or `loopkeeper sweep`, and an uninstall that erases the workspace's data."""
    one = await install(oauth_app, "code-1", "T0001")
    await install(oauth_app, "code-2", "T0002")
    for team in ("T0001", "T0002"):
        await command(oauth_app, "customer add Acme Corp aliases ACME", team)
        await command(oauth_app, "commit ACME: send the deck owner <@UBOB> by Thursday 5pm", team)
    uninstalled = {"type": "app_uninstalled", "event_ts": sr.new_ts()}
    assert (await oauth_app.post(sr.event_body(uninstalled, team="T0001"))).status_code == 200
    fake_slack.revoke(one)
    with oauth_app.deps.engine.connect() as conn:
        teams = conn.execute(sa.text("SELECT team_id FROM slack_bots")).scalars().all()
        loops = conn.execute(sa.text("SELECT count(*) FROM loop")).scalar_one()
    assert teams == ["T0002"] and loops == 2
    oauth_app.deps.clock.set(THURSDAY)  # type: ignore[attr-defined]
    fake_slack.clear()
    assert await server_sweep(oauth_app) == [
        "nudge #1 to @UBOB (due now, Acme Corp: send the deck)"
    ]
    assert [fake_slack.team_of(c) for c in fake_slack.calls("chat.postMessage")] == ["T0002"]
    # `loopkeeper sweep` (its own delivery, tokens from the database) sends nothing either.
    oauth_app.deps.clock.set(datetime(2026, 11, 30, 9, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    fake_slack.clear()
    lines = await asyncio.to_thread(sweep_once, oauth_app.deps)
    assert lines == ["nudge #1 to @UBOB (overdue, Acme Corp: send the deck)"]
    assert [fake_slack.team_of(c) for c in fake_slack.calls("chat.postMessage")] == ["T0002"]
    # Installed again: its follow-ups start again.
    await install(oauth_app, "code-3", "T0001")
    oauth_app.deps.clock.set(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    fake_slack.clear()
    assert len(await server_sweep(oauth_app)) == 2


async def test_a_rotating_token_is_refreshed_before_it_expires_and_kept(
    oauth_app: SlackTestApp, fake_slack: FakeSlack
) -> None:
    """The install's token expires within the refresh window: the sweep refreshes it
    (oauth.v2.access, grant_type=refresh_token, at SLACK_API_URL) and posts with the new one
    (the fake no longer accepts the old); the new token is stored (sealed) and requests use it
    without refreshing again. Catches a sweep that posts with the stored token as it is."""
    first = await install(oauth_app, "code-1", "T0001", expires_in=600)
    refresh = fake_slack.calls("oauth.v2.access")[0]
    add_acme(oauth_app.deps, team="T0001")
    made = commands.run(
        oauth_app.deps,
        slack_caller(team="T0001"),
        "commit ACME: send the deck owner <@UBOB> by Thursday 5pm",
    )
    assert not made.error
    oauth_app.deps.clock.set(THURSDAY)  # type: ignore[attr-defined]
    assert len(await server_sweep(oauth_app)) == 1
    refreshes = [c for c in fake_slack.calls("oauth.v2.access") if c is not refresh]
    assert [c.params.get("grant_type") for c in refreshes] == ["refresh_token"]
    post = fake_slack.answered("chat.postMessage")[0]
    new = fake_slack.token_of(post)
    assert new != first and new in fake_slack.installed and first not in fake_slack.installed
    with oauth_app.deps.engine.connect() as conn:
        row = conn.execute(sa.text("SELECT bot_token, bot_refresh_token FROM slack_bots")).one()
    assert row.bot_refresh_token and "xoxe" not in row.bot_refresh_token
    assert new not in row.bot_token
    assert "Acme" in await command(oauth_app, "customers", "T0001")
    assert len(fake_slack.calls("oauth.v2.access")) == 2  # twelve hours left: no refresh
    assert {fake_slack.token_of(c) for c in fake_slack.calls("users.info")} == {new}
