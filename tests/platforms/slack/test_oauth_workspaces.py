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
    body = sr.command_body(text, user=user, team=team, response_url=app.fake.response_url())
    response = await app.post(body)
    assert response.status_code == 200
    return json.dumps(response.json(), ensure_ascii=False) if response.content else ""


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
    # Uninstalled from the org: every workspace of it stops, the data stays.
    gone = org_event({"type": "app_uninstalled", "event_ts": sr.new_ts()}, "T000A", ORG)
    assert (await oauth_app.post(gone)).status_code == 200
    fake_slack.clear()
    oauth_app.deps.clock.set(datetime(2026, 11, 30, 9, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    assert await server_sweep(oauth_app) == []
    assert fake_slack.calls("chat.postMessage") == []
    with oauth_app.deps.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM slack_bots")).scalar_one() == 0
        assert conn.execute(sa.text("SELECT count(*) FROM loop")).scalar_one() == 2


async def test_an_org_wide_event_naming_no_workspace_is_asked_about_or_left_alone(
    oauth_app: SlackTestApp, fake_slack: FakeSlack
) -> None:
    """An org-wide install's event with no team anywhere: apps.event.authorizations.list (with
    the app-level token) says which workspace; when it can't, the event is left alone. Catches
    filing it under the org id, a workspace of its own that would split the customer's data."""
    await install(oauth_app, "code-org", None, enterprise=ORG, org_wide=True)
    await oauth_app.post(org_command("customer add Acme Corp aliases ACME", "T000A", ORG))

    def teamless(text: str, context: str) -> bytes:
        body = json.loads(org_event(sr.message_event(text, team="T000A"), "T000A", ORG))
        for key in ("team_id", "context_team_id"):
            body.pop(key)
        body["event"].pop("team")
        body["event_context"] = context
        return json.dumps(body).encode()

    fake_slack.event_authorizations["ctx-known"] = [
        {"enterprise_id": ORG, "team_id": None, "is_enterprise_install": True},
        {"enterprise_id": ORG, "team_id": "T000A", "is_enterprise_install": False},
    ]
    assert (await oauth_app.post(teamless("ACME asked again", "ctx-known"))).status_code == 200
    assert (await oauth_app.post(teamless("ACME is unhappy", "ctx-unknown"))).status_code == 200
    await oauth_app.settle()
    asked = fake_slack.calls("apps.event.authorizations.list")
    assert {c.params["event_context"] for c in asked} == {"ctx-known", "ctx-unknown"}
    assert {fake_slack.token_of(c) for c in asked} == {fake_slack.app_token}
    assert [f.text for f in feedback(oauth_app.deps)] == ["ACME asked again"]
    with oauth_app.deps.engine.connect() as conn:
        teams = conn.execute(sa.text("SELECT external_id FROM workspace")).scalars().all()
    assert teams == ["T000A"]


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
    await oauth_app.settle()
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


async def test_revoked_bot_tokens_stop_posts_and_an_uninstalled_workspace_is_refused(
    oauth_app: SlackTestApp, fake_slack: FakeSlack
) -> None:
    """tokens_revoked (the bot's) works as an uninstall; a signed request from a workspace
    with no install stores nothing and gets Bolt's "install again" answer."""
    await install(oauth_app, "code-1", "T0001")
    await command(oauth_app, "customer add Acme Corp aliases ACME", "T0001")
    await command(oauth_app, "commit ACME: send the deck owner <@UBOB> by Thursday 5pm", "T0001")
    revoked = {"type": "tokens_revoked", "tokens": {"bot": ["UBOT"]}, "event_ts": sr.new_ts()}
    assert (await oauth_app.post(sr.event_body(revoked, team="T0001"))).status_code == 200
    await oauth_app.settle()  # the commit's DM to its owner lands before the posts are counted
    oauth_app.deps.clock.set(THURSDAY)  # type: ignore[attr-defined]
    fake_slack.clear()
    assert await server_sweep(oauth_app) == []
    assert fake_slack.calls("chat.postMessage") == []
    for team, name in (("T0001", "Globex"), ("T0099", "Initech")):
        fake_slack.clear()
        assert await command(oauth_app, f"customer add {name}", team) == ""
        told = fake_slack.calls("response_url")  # Bolt answers through the response URL
        assert len(told) == 1 and "reinstall" in told[0].text.lower()
    with oauth_app.deps.engine.connect() as conn:
        names = conn.execute(sa.text("SELECT name FROM customer")).scalars().all()
    assert names == ["Acme Corp"]


async def test_a_workspace_install_inside_a_grid_org_is_not_stopped_by_the_org_uninstalling(
    oauth_app: SlackTestApp, fake_slack: FakeSlack
) -> None:
    """T0001 (in org E0001) has its own install; the org's org-wide install then goes away.
    Catches taking every event carrying an enterprise id as served through the org: T0001
    would be stopped with the org although its own install still serves it."""
    own = await install(oauth_app, "code-1", "T0001", enterprise=ORG)
    await install(oauth_app, "code-org", None, enterprise=ORG, org_wide=True)
    for text in (
        "customer add Acme Corp aliases ACME",
        "commit ACME: call owner <@UBOB> by Thursday 5pm",
    ):
        answer = await oauth_app.post(org_command(text, "T0001", ORG, org_wide=False))
        assert "Added Acme" in answer.text or "Tracking #1" in answer.text
    body = json.loads(sr.event_body(sr.message_event("ACME wants SSO"), team="T0001"))
    body["enterprise_id"] = ORG
    body["authorizations"][0]["enterprise_id"] = ORG
    await oauth_app.post(json.dumps(body).encode())
    gone = org_event({"type": "app_uninstalled", "event_ts": sr.new_ts()}, "T000A", ORG)
    assert (await oauth_app.post(gone)).status_code == 200
    await oauth_app.settle()
    assert [f.text for f in feedback(oauth_app.deps)] == ["ACME wants SSO"]
    oauth_app.deps.clock.set(THURSDAY)  # type: ignore[attr-defined]
    fake_slack.clear()
    assert len(await server_sweep(oauth_app)) == 1
    assert [fake_slack.token_of(c) for c in fake_slack.calls("chat.postMessage")] == [own]
