"""OAuth installs ("Add to Slack") through `serve`'s routes on both databases: the round trip
against the fake Web API's oauth.v2.access, the state checked once, tokens sealed at rest with a
rotatable key."""

from __future__ import annotations

import base64
import html
import re
import urllib.parse

import sqlalchemy as sa

from bot.platforms.slack.manifest import BOT_SCOPES
from bot.platforms.slack.oauth import authorize_url
from storage.installations import Installations
from tests.platforms.slack.oauth_helpers import (  # noqa: F401 - oauth_app is a fixture
    SECRET_KEY,
    begin_install,
    install,
    oauth_deps,
    redirect_back,
)
from tests.support.fake_slack import FakeSlack
from tests.support.slack_fixtures import SlackTestApp


def raw_rows(app: SlackTestApp, table: str) -> list[dict]:
    with app.deps.engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.text(f"SELECT * FROM {table}")).mappings()]


async def test_add_to_slack_exchanges_the_code_at_slack_api_url_and_keeps_the_token_sealed(
    oauth_app: SlackTestApp, fake_slack: FakeSlack
) -> None:
    token = await install(oauth_app, "code-1", "T0001")
    exchange = fake_slack.calls("oauth.v2.access")
    assert len(exchange) == 1 and exchange[0].params["code"] == "code-1"
    basic = exchange[0].headers["Authorization"].removeprefix("Basic ")
    assert base64.b64decode(basic).decode() == f"{fake_slack.client_id}:{fake_slack.client_secret}"
    bots = raw_rows(oauth_app, "slack_bots")
    installations = raw_rows(oauth_app, "slack_installations")
    assert [b["team_id"] for b in bots] == ["T0001"] and len(installations) == 1
    for row in bots + installations:  # the raw rows never hold the token itself
        assert row["bot_token"] and token not in row["bot_token"]
        assert "xoxb" not in row["bot_token"]
    store = Installations(fake_slack.client_id, oauth_app.deps.engine, [SECRET_KEY])
    found = store.find_bot(enterprise_id=None, team_id="T0001")
    assert found is not None and found.bot_token == token
    # A newer key put first still opens tokens sealed with the old one; resealing moves them.
    rotated = Installations(fake_slack.client_id, oauth_app.deps.engine, ["newer", SECRET_KEY])
    assert rotated.find_bot(enterprise_id=None, team_id="T0001").bot_token == token  # type: ignore[union-attr]
    assert rotated.reseal() == 2
    newest_only = Installations(fake_slack.client_id, oauth_app.deps.engine, ["newer"])
    assert newest_only.find_bot(enterprise_id=None, team_id="T0001").bot_token == token  # type: ignore[union-attr]
    unreadable = store.find_bot(enterprise_id=None, team_id="T0001")  # the old key alone: no
    assert unreadable is not None and unreadable.bot_token is None


async def test_a_forged_or_reused_state_is_refused_and_nothing_is_installed(
    oauth_app: SlackTestApp, fake_slack: FakeSlack
) -> None:
    """Catches a callback that skips the state check (forged state, a state used twice, a
    redirect without the installer's cookie): each would store an install here."""
    fake_slack.add_install("code-a", "T0001")
    state, cookie = await begin_install(oauth_app)
    forged = await redirect_back(oauth_app, "code-a", "not-a-state-we-issued", cookie)
    assert forged.status_code in (400, 401)
    no_cookie = await redirect_back(oauth_app, "code-a", state, "other=1")
    assert no_cookie.status_code in (400, 401)
    assert fake_slack.calls("oauth.v2.access") == [] and raw_rows(oauth_app, "slack_bots") == []
    assert (await redirect_back(oauth_app, "code-a", state, cookie)).status_code == 200
    fake_slack.add_install("code-b", "T0002")
    reused = await redirect_back(oauth_app, "code-b", state, cookie)
    assert reused.status_code in (400, 401)
    assert [b["team_id"] for b in raw_rows(oauth_app, "slack_bots")] == ["T0001"]


async def test_the_install_page_asks_for_the_manifest_scopes(oauth_app: SlackTestApp) -> None:
    """The authorize page is on SLACK_API_URL's host (here the local fake; slack.com by
    default, slack-gov.com for GovSlack). Catches the link pinned to slack.com."""
    page = await oauth_app.client.get("/slack/install")
    host = oauth_app.deps.settings.slack_api_url.removesuffix("/").removesuffix("/api")
    link = re.search(rf'href="({re.escape(host)}/oauth/v2/authorize\?[^"]+)"', page.text)
    assert link is not None, page.text
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(html.unescape(link.group(1))).query)
    assert query["client_id"] == ["1111.2222"]
    assert query["scope"][0].split(",") == sorted(BOT_SCOPES)


def test_the_authorize_page_follows_the_web_api_host() -> None:
    assert authorize_url("https://slack.com/api/") == "https://slack.com/oauth/v2/authorize"
    assert authorize_url("https://slack-gov.com/api/") == "https://slack-gov.com/oauth/v2/authorize"
