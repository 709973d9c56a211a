"""Proactive Teams messages: nudges and notices in 1:1 chats, escalations and digests in channels.

People are reached through their stored conversation reference; the bot's 1:1 conversation is
created with POST /v3/conversations the first time and remembered. A DM's MessageRef names the
user (`@<user id>`), not the long Teams conversation id, so it fits the columns that keep it.
"""

from __future__ import annotations

import asyncio
import logging
import mimetypes

from microsoft_agents.activity import Activity, ActivityTypes

from bot.core.ports import MessageRef, RateLimited
from bot.core.replies import Attachment, Notice, Reply
from bot.platforms.teams import cards, people
from bot.platforms.teams.auth import TeamsCallFailed
from bot.platforms.teams.connector import Connector
from handlers.context import Deps

log = logging.getLogger(__name__)
DM = "@"


class TeamsDelivery:
    """The Delivery protocol (bot.core.ports) for Microsoft Teams."""

    platform = "teams"

    def __init__(self, deps: Deps, connector: Connector | None = None) -> None:
        self.deps = deps
        self.connector = connector or Connector(deps.settings)

    async def send_dm(
        self, workspace: str, user: str, reply: Reply, thread: MessageRef | None = None
    ) -> MessageRef:
        # A 1:1 chat has no threads: a follow-up is simply the next message.
        service_url, conversation = await self._personal(workspace, user)
        sent = await self.connector.send(
            service_url, conversation, await self.render(workspace, reply)
        )
        return MessageRef(channel=DM + user, ts=sent)

    async def post(
        self, workspace: str, channel: str, reply: Reply, thread: MessageRef | None = None
    ) -> MessageRef:
        if channel.startswith(DM):
            return await self.send_dm(workspace, channel[len(DM) :], reply, thread)
        return await self._post(workspace, channel, await self.render(workspace, reply), thread)

    async def update(self, workspace: str, ref: MessageRef, reply: Reply) -> None:
        service_url, conversation = await self._where(workspace, ref.channel)
        await self.connector.update(
            service_url, conversation, ref.ts, await self.render(workspace, reply)
        )

    async def upload(
        self,
        workspace: str,
        channel: str,
        filename: str,
        content: bytes,
        title: str,
        thread: MessageRef | None = None,
    ) -> None:
        """Bots can't upload files to Teams channels without Microsoft Graph: a small image is
        shown inline, a text file as a preview card that points at the command line."""
        mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        activity = Activity(
            type=ActivityTypes.message,
            summary=title,
            attachments=[cards.file_attachment(Attachment(filename, content, title, mime))],
        )
        if channel.startswith(DM):
            service_url, conversation = await self._personal(workspace, channel[len(DM) :])
            await self.connector.send(service_url, conversation, activity)
            return
        await self._post(workspace, channel, activity, thread)

    async def user_timezone(self, workspace: str, user: str) -> str | None:
        return await asyncio.to_thread(people.timezone, self.deps, workspace, user)

    async def render(self, workspace: str, reply: Reply, command: str | None = None) -> Activity:
        """The reply as a card, people shown by their Teams display names (`command`: the
        text that asked for it, for its page buttons)."""
        names = await asyncio.to_thread(
            people.display_names, self.deps, workspace, cards.mentioned_ids(reply)
        )
        return cards.message(reply, names, command)

    async def deliver(self, workspace: str, notices: list[Notice]) -> None:
        """Messages a user action causes for other people (a new owner's DM, …)."""
        for notice in notices:
            try:
                if notice.to_user:
                    await self.send_dm(workspace, notice.to_user, notice.reply)
                elif notice.to_channel:
                    thread = MessageRef(notice.to_channel, notice.thread) if notice.thread else None
                    await self.post(workspace, notice.to_channel, notice.reply, thread)
            except (TeamsCallFailed, RateLimited) as exc:
                log.warning(
                    "Teams notice to %s not delivered: %s", notice.to_user or notice.to_channel, exc
                )

    async def _post(
        self, workspace: str, channel: str, activity: Activity, thread: MessageRef | None
    ) -> MessageRef:
        if not channel.startswith("19:"):
            raise TeamsCallFailed(
                f"“{channel}” is a channel name; Teams needs the channel itself: @mention it "
                "in the setting (settings escalation @channel)"
            )
        service_url = await self._service_url(workspace)
        # Posting to `channel;messageid=<root>` replies in that thread; to the channel, a new post.
        conversation = f"{channel};messageid={thread.ts}" if thread else channel
        sent = await self.connector.send(service_url, conversation, activity)
        return MessageRef(channel=channel, ts=sent)

    async def _where(self, workspace: str, channel: str) -> tuple[str, str]:
        if channel.startswith(DM):
            return await self._personal(workspace, channel[len(DM) :])
        return await self._service_url(workspace), channel

    async def _personal(self, workspace: str, user: str) -> tuple[str, str]:
        """The serviceUrl and id of the bot's 1:1 chat with `user`, created when needed."""
        ref = await asyncio.to_thread(people.reference, self.deps, workspace, user)
        service_url = ref.get("serviceUrl") or await self._service_url(workspace)
        if ref.get("conversationId"):
            return service_url, ref["conversationId"]
        conversation = await self.connector.personal_conversation(
            service_url, workspace, ref.get("userId") or user
        )
        await asyncio.to_thread(
            people.remember,
            self.deps,
            workspace,
            user,
            serviceUrl=service_url,
            conversationId=conversation,
        )
        return service_url, conversation

    async def _service_url(self, workspace: str) -> str:
        found = await asyncio.to_thread(people.service_url, self.deps, workspace)
        if not found:
            raise TeamsCallFailed(
                f"nobody in Teams tenant {workspace} has talked to the bot yet, "
                "so there is no address to send to"
            )
        return found
