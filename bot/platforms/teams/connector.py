"""Calls to the Bot Connector at an activity's serviceUrl, through the SDK's ConnectorClient.

We build its aiohttp session ourselves so it trusts SSL_CERT_FILE/REQUESTS_CA_BUNDLE and carries
our app token; a 429 becomes RateLimited so the sweeper backs off like it does for Slack.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp
from microsoft_agents.activity import (
    Activity,
    ChannelAccount,
    ConversationParameters,
)
from microsoft_agents.hosting.core.connector.client import ConnectorClient
from pydantic import ValidationError

from bot.core.ports import RateLimited, retry_after_seconds
from bot.platforms.teams.auth import TeamsCallFailed, app_tokens
from bot.platforms.teams.tls import ssl_context
from bot.settings import Settings

log = logging.getLogger(__name__)


class Connector:
    """Send, update and look up things in Teams conversations as the bot."""

    def __init__(self, settings: Settings) -> None:
        self.tokens = app_tokens(settings)
        self.bot = ChannelAccount(id=f"28:{settings.teams_app_id}", name="Loopkeeper")

    @asynccontextmanager
    async def _client(self, service_url: str) -> AsyncIterator[ConnectorClient]:
        token = await self.tokens.token()
        base = service_url if service_url.endswith("/") else service_url + "/"
        session = aiohttp.ClientSession(
            base_url=base,
            connector=aiohttp.TCPConnector(ssl=ssl_context()),
            timeout=aiohttp.ClientTimeout(total=20),
        )
        try:
            yield ConnectorClient(base, token, session=session)
        except aiohttp.ClientResponseError as exc:
            if exc.status == 429:
                raise RateLimited(retry_after_seconds(exc.headers or {})) from None
            raise TeamsCallFailed(f"Bot Connector said {exc.status}: {exc.message}") from None
        except aiohttp.ClientError as exc:
            raise TeamsCallFailed(f"can't reach the Bot Connector at {base}: {exc}") from None
        except ValidationError as exc:
            raise TeamsCallFailed(
                f"the Bot Connector answered something unexpected: {exc}"
            ) from None
        finally:
            await session.close()

    async def send(
        self,
        service_url: str,
        conversation_id: str,
        activity: Activity,
        reply_to: str | None = None,
    ) -> str:
        """Post `activity` in the conversation (as a reply to `reply_to` when given); its id."""
        async with self._client(service_url) as client:
            if reply_to:
                sent = await client.conversations.reply_to_activity(
                    conversation_id, reply_to, activity
                )
            else:
                sent = await client.conversations.send_to_conversation(conversation_id, activity)
        return sent.id or ""

    async def update(
        self, service_url: str, conversation_id: str, activity_id: str, activity: Activity
    ) -> None:
        """Replace a message the bot sent (PUT …/activities/{id})."""
        activity.id = activity_id
        async with self._client(service_url) as client:
            await client.conversations.update_activity(conversation_id, activity_id, activity)

    async def personal_conversation(self, service_url: str, tenant_id: str, user_id: str) -> str:
        """Create (or get back) the bot's 1:1 conversation with a user; its id."""
        parameters = ConversationParameters(
            is_group=False,
            agent=self.bot,
            members=[ChannelAccount(id=user_id)],
            tenant_id=tenant_id,
            channel_data={"tenant": {"id": tenant_id}},
        )
        async with self._client(service_url) as client:
            created = await client.conversations.create_conversation(parameters)
        if not created.id:
            raise TeamsCallFailed("the Bot Connector created a conversation without an id")
        return created.id

    async def member(
        self, service_url: str, conversation_id: str, member_id: str
    ) -> ChannelAccount | None:
        """A conversation member's account (with aadObjectId), or None when Teams says no."""
        try:
            async with self._client(service_url) as client:
                return await client.conversations.get_conversation_member(
                    conversation_id, member_id
                )
        except TeamsCallFailed as exc:
            log.warning("can't look up Teams member %s: %s", member_id, exc)
            return None
