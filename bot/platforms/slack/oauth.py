"""OAuth installs ("Add to Slack"): Bolt's AsyncOAuthSettings over slack_sdk's SQLAlchemy stores
in our database (storage.installations), each workspace's own bot token for every call made
for it, org-wide installs, token rotation, and uninstalls.

Bolt authorizes each request from the installation store and this module's middleware hands
the token to the one Web API caller (client.current_token); the sweep's deliveries ask
`SlackInstalls.token_for(workspace)`, which refreshes a rotating token before it expires
(oauth.v2.access, grant_type=refresh_token) and keeps the new one.
"""

from __future__ import annotations

import asyncio
import logging
import time
import urllib.parse
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_bolt.authorization.async_authorize import AsyncInstallationStoreAuthorize
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from slack_sdk.oauth.token_rotation.async_rotator import AsyncTokenRotator

from bot.platforms.slack.client import SlackClient, current_token
from handlers import installs
from handlers.context import Deps
from storage.installations import Installations, oauth_states

log = logging.getLogger(__name__)

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
REFRESH_MINUTES = 120  # a rotating token is refreshed when it has less than this to live
TOKEN_SECONDS = 60.0  # a workspace's token is looked up again after this (uninstalls, rotation)


def _about_install(body: dict[str, Any]) -> bool:
    """app_uninstalled and tokens_revoked: about the install itself, not any one workspace."""
    return (body.get("event") or {}).get("type") in ("app_uninstalled", "tokens_revoked")


class _Installations(AsyncInstallationStore):
    """Bolt's async face on the (synchronous) store: each call in a thread. A saved install
    starts the workspace's (or the org's) follow-ups again."""

    def __init__(self, store: Installations, deps: Deps) -> None:
        self.store, self.deps = store, deps

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        await asyncio.to_thread(self.store.save, installation)
        team = None if installation.is_enterprise_install else installation.team_id
        await asyncio.to_thread(installs.installed, self.deps, team, installation.enterprise_id)

    async def async_save_bot(self, bot: Bot) -> None:
        await asyncio.to_thread(self.store.save_bot, bot)

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        return await asyncio.to_thread(
            self.store.find_bot,
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        return await asyncio.to_thread(
            self.store.find_installation,
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            is_enterprise_install=is_enterprise_install,
        )

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await asyncio.to_thread(self.store.delete_bot, enterprise_id=enterprise_id, team_id=team_id)

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        await asyncio.to_thread(
            self.store.delete_installation,
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
        )


class _States(AsyncOAuthStateStore):
    """The state store, each call in a thread: a state is issued per install click and can be
    consumed once."""

    def __init__(self, deps: Deps) -> None:
        self.store = oauth_states(deps.engine)

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        return await asyncio.to_thread(self.store.issue)

    async def async_consume(self, state: str) -> bool:
        return await asyncio.to_thread(self.store.consume, state)


class SlackInstalls:
    """The OAuth side of one process: the stores, Bolt's settings, and tokens per workspace."""

    def __init__(self, deps: Deps, client: SlackClient) -> None:
        settings = deps.settings
        self.deps, self.client = deps, client
        self.store = Installations(str(settings.slack_client_id), deps.engine, settings.secret_keys)
        self.installations = _Installations(self.store, deps)
        self.rotator = AsyncTokenRotator(
            client_id=str(settings.slack_client_id),
            client_secret=str(settings.slack_client_secret),
            client=client,  # oauth.v2.access at SLACK_API_URL, like every other call
        )
        # Bolt's own authorization, with the Web API caller (rotation at SLACK_API_URL) and
        # auth.test answers remembered per token instead of asked on every request.
        self.authorize = AsyncInstallationStoreAuthorize(
            logger=log,
            installation_store=self.installations,
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret,
            token_rotation_expiration_minutes=REFRESH_MINUTES,
            bot_only=True,
            cache_enabled=True,
            client=client,
        )
        self._tokens: dict[str, tuple[str, float]] = {}
        self._orgs_seen: set[tuple[str, str]] = set()

    def app_options(self, scopes: list[str]) -> dict[str, Any]:
        """What AsyncApp takes to run on these installs, asking for the manifest's `scopes`."""
        settings = self.deps.settings
        redirect = None
        if settings.public_url:
            redirect = settings.public_url.rstrip("/") + REDIRECT_PATH
        oauth_settings = AsyncOAuthSettings(
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret,
            scopes=scopes,
            redirect_uri=redirect,
            install_path=INSTALL_PATH,
            redirect_uri_path=REDIRECT_PATH,
            installation_store=self.installations,
            installation_store_bot_only=True,
            token_rotation_expiration_minutes=REFRESH_MINUTES,
            state_store=_States(self.deps),
            authorization_url=authorize_url(settings.slack_api_url),
        )
        return {
            "installation_store": self.installations,
            "oauth_settings": oauth_settings,
            "authorize": self.authorize,
        }

    def register(self, app: AsyncApp) -> None:
        """The middleware that hands each request's token on, and the uninstall listeners."""
        app.use(self._with_workspace_token)
        app.event("app_uninstalled")(self._on_uninstalled)
        app.event("tokens_revoked")(self._on_tokens_revoked)

    # ----- tokens ---------------------------------------------------------------------------
    async def bot_for(self, team: str, enterprise: str | None) -> Bot | None:
        """The bot serving `team` (its own install, else its org's org-wide one), refreshed
        when its token is about to expire."""
        if enterprise:
            await self._in_org(team, enterprise)
        bot = await asyncio.to_thread(self._stored_bot, team, enterprise)
        if bot is None:
            return None
        refreshed = await self.rotator.perform_bot_token_rotation(
            bot=bot, minutes_before_expiration=REFRESH_MINUTES
        )
        if refreshed is not None:
            await self.installations.async_save_bot(refreshed)
            log.info("refreshed the bot token of %s", team)
            return refreshed
        return bot

    def _stored_bot(self, team: str, enterprise: str | None) -> Bot | None:
        org = enterprise or installs.enterprise_of(self.deps, team)
        return self.store.bot_for_workspace(team, org)

    async def token_for(self, team: str) -> str | None:
        """A workspace's bot token for a post the sweep makes (looked up at most once a
        TOKEN_SECONDS, refreshed before it expires)."""
        found = self._tokens.get(team)
        if found is not None and found[1] > time.monotonic():
            return found[0]
        bot = await self.bot_for(team, None)
        if bot is None or not bot.bot_token:
            self._tokens.pop(team, None)
            log.warning("no Slack install for workspace %s: nothing can be sent there", team)
            return None
        self._tokens[team] = (bot.bot_token, time.monotonic() + TOKEN_SECONDS)
        return bot.bot_token

    async def _in_org(self, team: str, enterprise: str) -> None:
        """Remember once that `team` is served through its org (for the sweep's posts)."""
        if (team, enterprise) not in self._orgs_seen:
            await asyncio.to_thread(installs.in_org, self.deps, team, enterprise)
            self._orgs_seen.add((team, enterprise))

    async def _with_workspace_token(
        self,
        context: AsyncBoltContext,
        body: dict[str, Any],
        next: Callable[[], Awaitable[None]],
    ) -> BoltResponse | None:
        if context.is_enterprise_install and not context.team_id and not _about_install(body):
            team = await self._team_of_event(body)
            if team is None:  # never filed under the org: that would split a workspace's data
                log.warning("an org-wide event named no workspace; it was left alone")
                return BoltResponse(status=200, body="")
            context["team_id"] = team
        if context.is_enterprise_install and context.enterprise_id and context.team_id:
            await self._in_org(context.team_id, context.enterprise_id)
        # Bolt runs the listeners after every middleware returned, in this same context: the
        # token stays set for them (each request, and each Socket Mode envelope, is a task).
        current_token.set(context.bot_token)
        await next()
        return None

    async def _team_of_event(self, body: dict[str, Any]) -> str | None:
        """The workspace an org-wide install's event happened in when the event names none:
        the first workspace apps.event.authorizations.list (with SLACK_APP_TOKEN) gives."""
        app_token, event_context = self.deps.settings.slack_app_token, body.get("event_context")
        if not app_token or not isinstance(event_context, str):
            return None
        try:
            found = await self.client.apps_event_authorizations_list(
                event_context=event_context, token=app_token
            )
        except (SlackApiError, aiohttp.ClientError) as exc:
            log.warning("apps.event.authorizations.list failed: %s", exc)
            return None
        for authorization in found.get("authorizations") or []:
            if isinstance(authorization, dict) and authorization.get("team_id"):
                return str(authorization["team_id"])
        return None

    # ----- uninstalls -----------------------------------------------------------------------
    async def _on_uninstalled(self, context: AsyncBoltContext) -> None:
        """The app was removed: its tokens go, the workspace (or the org's) gets nothing more."""
        team = None if context.is_enterprise_install else context.team_id
        await self.installations.async_delete_all(enterprise_id=context.enterprise_id, team_id=team)
        await self._stopped(team, context.enterprise_id)

    async def _on_tokens_revoked(self, event: dict[str, Any], context: AsyncBoltContext) -> None:
        team = None if context.is_enterprise_install else context.team_id
        bots = (event.get("tokens") or {}).get("bot") or []
        for user in (event.get("tokens") or {}).get("oauth") or []:
            await self.installations.async_delete_installation(
                enterprise_id=context.enterprise_id, team_id=team, user_id=user
            )
        if bots:
            await self.installations.async_delete_bot(
                enterprise_id=context.enterprise_id, team_id=team
            )
            await self._stopped(team, context.enterprise_id)

    async def _stopped(self, team: str | None, enterprise: str | None) -> None:
        stopped = await asyncio.to_thread(installs.uninstalled, self.deps, team, enterprise)
        self._tokens.clear()
        log.info("uninstalled from %s: %d workspace(s) stopped", team or enterprise, stopped)


def authorize_url(api_url: str) -> str:
    """Slack's "Add to Slack" page on the host that serves SLACK_API_URL: slack.com's by
    default, slack-gov.com's for GovSlack (https://slack-gov.com/api/)."""
    parts = urllib.parse.urlsplit(api_url)
    return f"{parts.scheme}://{parts.netloc}/oauth/v2/authorize"
