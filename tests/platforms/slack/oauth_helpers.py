"""OAuth installs in tests: the app configured with SLACK_CLIENT_ID/SECRET against the fake Web
API, "Add to Slack" clicked through (GET /slack/install, then Slack's redirect back), and
requests shaped as Slack sends them for an org-wide (Enterprise Grid) install."""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from bot.core.clock import Clock, FixedClock
from handlers.context import Deps
from storage.db import make_engine
from tests.conftest import make_settings
from tests.support import slack_requests as sr
from tests.support.fake_slack import FakeSlack
from tests.support.slack_fixtures import SlackTestApp

SECRET_KEY = "first-secret-key-for-tests"


def oauth_deps(url: str, fake: FakeSlack, clock: Clock, **env: str) -> Deps:
    """Deps with Slack on OAuth installs (no SLACK_BOT_TOKEN) against the fake Web API."""
    settings = make_settings(
        url,
        SLACK_CLIENT_ID=fake.client_id,
        SLACK_CLIENT_SECRET=fake.client_secret,
        LOOPKEEPER_SECRET_KEY=SECRET_KEY,
        SLACK_SIGNING_SECRET=sr.SECRET,
        SLACK_API_URL=fake.url,
        SLACK_APP_TOKEN=fake.app_token or "",  # apps.event.authorizations.list takes it
        **env,
    )
    return Deps(engine=make_engine(url), settings=settings, clock=clock)


@pytest.fixture
async def oauth_app(
    db_url: str, fake_slack: FakeSlack, clock: FixedClock
) -> AsyncIterator[SlackTestApp]:
    """The app on OAuth installs, on each database; nothing installed yet."""
    fake_slack.clock = clock.now  # message timestamps follow the test's clock
    app = SlackTestApp(oauth_deps(db_url, fake_slack, clock), fake_slack)
    try:
        yield app
    finally:
        await app.close()


async def begin_install(app: SlackTestApp) -> tuple[str, str]:
    """GET /slack/install: the state in the "Add to Slack" link, and the state cookie."""
    page = await app.client.get("/slack/install")
    assert page.status_code == 200, page.text
    state = re.search(r"[?&]state=([^&\"']+)", page.text)
    authorize = app.deps.settings.slack_api_url.removesuffix("/").removesuffix("/api")
    assert state is not None and f"{authorize}/oauth/v2/authorize" in page.text
    cookie = page.headers["set-cookie"].split(";", 1)[0]
    return urllib.parse.unquote(state.group(1)), cookie


async def redirect_back(app: SlackTestApp, code: str, state: str, cookie: str) -> httpx.Response:
    """Slack sends the installer back to GET /slack/oauth_redirect with a code and the state."""
    query = urllib.parse.urlencode({"code": code, "state": state})
    return await app.client.get(f"/slack/oauth_redirect?{query}", headers={"Cookie": cookie})


async def install(app: SlackTestApp, code: str, team: str | None, **install: Any) -> str:
    """A whole "Add to Slack" round trip; the bot token the fake gave the install."""
    made = app.fake.add_install(code, team, **install)
    state, cookie = await begin_install(app)
    done = await redirect_back(app, code, state, cookie)
    assert done.status_code == 200, done.text
    return made.token


def org_command(
    text: str, team: str, enterprise: str, user: str = sr.USER, org_wide: bool = True
) -> bytes:
    """A slash command from `team` of the Grid org `enterprise`, through the org-wide install
    (or, not `org_wide`, the workspace's own)."""
    form = dict(urllib.parse.parse_qsl(sr.command_body(text, user=user, team=team).decode()))
    form.update(enterprise_id=enterprise, is_enterprise_install=str(org_wide).lower())
    return urllib.parse.urlencode(form).encode()


def org_event(event: dict[str, Any], team: str, enterprise: str) -> bytes:
    """An event in `team` delivered to an org-wide install: its authorization names the org
    and no team; `context_team_id` says which workspace it happened in."""
    body = json.loads(sr.event_body(event, team=team))
    body.update(enterprise_id=enterprise, context_team_id=team, context_enterprise_id=enterprise)
    body["authorizations"] = [
        {
            "enterprise_id": enterprise,
            "team_id": None,
            "user_id": sr.BOT_USER,
            "is_bot": True,
            "is_enterprise_install": True,
        }
    ]
    return json.dumps(body).encode()
