"""Who is calling: the Caller for a Slack user, with the profile read once (users.info)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from handlers import people
from handlers.context import Caller, Deps
from handlers.people import Profile

log = logging.getLogger(__name__)

PROFILE_MAX_AGE = timedelta(days=30)  # time zones change when people move; re-read monthly
# An admin's rights are re-read this often: a demoted admin must not keep them for a month.
ADMIN_MAX_AGE = timedelta(minutes=5)
USERS_INFO_SECONDS = 1.5  # within the ack budget; without a profile we use the default zone


class Callers:
    """Builds Callers; a user's profile comes from memory, else the database, else users.info."""

    def __init__(
        self, deps: Deps, client: AsyncWebClient, db: Callable[..., Awaitable[Any]]
    ) -> None:
        self.deps, self.client, self.db = deps, client, db
        self._known: dict[tuple[str, str], Profile] = {}
        self._home: dict[tuple[str, str], str] = {}  # (workspace, user) -> the user's own team
        self._loading: dict[tuple[str, str], asyncio.Future[Profile | None]] = {}

    async def caller(
        self, team: str, user: str, channel: str | None = None, team_name: str = ""
    ) -> Caller:
        profile = await self.profile(team, user)
        return Caller(
            platform="slack",
            workspace=team,
            user=user,
            channel=channel,
            user_name=profile.name if profile else None,
            tz=profile.tz if profile else None,
            is_admin=profile.is_admin if profile else False,
            workspace_name=team_name,
        )

    def _fresh(self, profile: Profile | None) -> bool:
        if profile is None:
            return False
        max_age = ADMIN_MAX_AGE if profile.is_admin else PROFILE_MAX_AGE
        return profile.fetched_at > self.deps.clock.now() - max_age

    async def profile(self, team: str, user: str) -> Profile | None:
        key = (team, user)
        known = self._known.get(key)
        if self._fresh(known):
            return known
        loading = self._loading.get(key)
        if loading is None:  # one load per user at a time, however many events arrive at once
            loading = asyncio.ensure_future(self._load(team, user))
            self._loading[key] = loading
            loading.add_done_callback(lambda _: self._loading.pop(key, None))
        return await asyncio.shield(loading)

    async def _load(self, team: str, user: str) -> Profile | None:
        stored = await self.db(people.cached_profile, self.deps, "slack", team, user)
        if self._fresh(stored):
            self._known[(team, user)] = stored  # type: ignore[assignment]
            return stored
        try:
            answer = await asyncio.wait_for(self.client.users_info(user=user), USERS_INFO_SECONDS)
        except (SlackApiError, aiohttp.ClientError, TimeoutError) as exc:
            log.warning(
                "users.info for %s failed (%s); using the default time zone",
                user,
                type(exc).__name__,
            )
            return stored
        found = answer.get("user") or {}
        if found.get("team_id"):
            self._home[(team, user)] = str(found["team_id"])
        profile_caller = Caller(
            platform="slack",
            workspace=team,
            user=user,
            user_name=found.get("name") or None,
            tz=found.get("tz") or None,
            is_admin=bool(found.get("is_admin") or found.get("is_owner")),
        )
        fetched = await self.db(people.remember_profile, self.deps, profile_caller)
        profile = Profile(
            profile_caller.user_name or user, profile_caller.tz, profile_caller.is_admin, fetched
        )
        self._known[(team, user)] = profile
        return profile

    async def home_team(self, team: str, user: str) -> str | None:
        """The team a user belongs to (users.info's team_id): another one than `team` for a
        person of another organisation in a shared channel. None when Slack does not say."""
        key = (team, user)
        if key not in self._home:
            try:
                answer = await asyncio.wait_for(
                    self.client.users_info(user=user), USERS_INFO_SECONDS
                )
            except (SlackApiError, aiohttp.ClientError, TimeoutError) as exc:
                log.warning("users.info for %s failed (%s)", user, type(exc).__name__)
                return None
            home = (answer.get("user") or {}).get("team_id")
            if not home:
                return None
            self._home[key] = str(home)
        return self._home[key]
