"""SlackDelivery: DMs, channel posts, updates and uploads through the Web API.

One per process: a server's listeners and its scheduler's sweeps share it (and the server's Web
API caller); `loopkeeper sweep` makes its own. A 429 raises RateLimited, so the sweeper
reschedules that recipient; request paths wait it out with `client.patiently`. Without a caller
of the server's it keeps one HTTP session per event loop for its whole life; `aclose()` closes
it (the end of a sweep).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from bot.core.ports import MessageRef
from bot.core.replies import Reply
from bot.platforms.slack.blocks import fallback, messages, reply_blocks
from bot.platforms.slack.client import SlackClient, WebApi, current_token
from handlers.context import Deps

METADATA_EVENT = "loopkeeper_message"
HISTORY_PAGES = 5  # of 200 messages: a bot's DM since a nudge's slot is far shorter
# A workspace's bot token (OAuth installs: looked up, and refreshed, per workspace); None: the
# one SLACK_BOT_TOKEN.
TokenFor = Callable[[str], Awaitable[str | None]]


class NotInstalled(LookupError):
    """No install serves the workspace (it was uninstalled since the sweep claimed its loop)."""


class SlackDelivery:
    platform = "slack"

    def __init__(
        self,
        deps: Deps,
        web: WebApi | None = None,
        token_for: TokenFor | None = None,
        owns_web: bool = False,
    ) -> None:
        self.deps = deps
        self.token_for = token_for
        self._owns_web = owns_web or web is None
        self.web = web or WebApi(deps.settings)
        # File uploads take the SDK's three steps (files.upload_v2), each call through `web`.
        self._uploader = SlackClient(self.web, wait_on_rate_limit=False)
        self._dm_channels: dict[str, str] = {}

    async def _token(self, workspace: str) -> str | None:
        if self.token_for is None:
            return None  # the one SLACK_BOT_TOKEN
        token = await self.token_for(workspace)
        if not token:  # never another workspace's token from the context
            raise NotInstalled(f"no Slack install serves workspace {workspace}")
        return token

    async def _call(self, workspace: str, method: str, **params: object) -> dict:
        return await self.web.call(method, params, token=await self._token(workspace))

    def remember_dm_channel(self, user: str, channel: str) -> None:
        """A DM channel stored earlier (ChatUser.dm_channel): no conversations.open for it."""
        self._dm_channels.setdefault(user, channel)

    async def dm_channel(self, workspace: str, user: str) -> str:
        """The bot's DM channel with `user` (conversations.open, remembered)."""
        if user not in self._dm_channels:
            opened = await self._call(workspace, "conversations.open", users=user)
            self._dm_channels[user] = opened["channel"]["id"]
        return self._dm_channels[user]

    async def send_dm(
        self, workspace: str, user: str, reply: Reply, thread: MessageRef | None = None
    ) -> MessageRef:
        return await self.post(workspace, await self.dm_channel(workspace, user), reply, thread)

    async def post(
        self, workspace: str, channel: str, reply: Reply, thread: MessageRef | None = None
    ) -> MessageRef:
        first: MessageRef | None = None
        for text, blocks in messages(reply):
            params: dict[str, object] = {"channel": channel, "text": text, "blocks": blocks}
            if thread is not None:
                params["thread_ts"] = thread.ts
            if reply.key and first is None:  # so find_sent can tell, after a crash
                params["metadata"] = {
                    "event_type": METADATA_EVENT,
                    "event_payload": {"key": reply.key},
                }
            sent = await self._call(workspace, "chat.postMessage", **params)
            first = first or MessageRef(sent["channel"], sent["ts"])
        assert first is not None
        for attachment in reply.attachments:
            await self.upload(
                workspace,
                first.channel,
                attachment.filename,
                attachment.content,
                attachment.title,
                thread,
            )
        return first

    async def update(self, workspace: str, ref: MessageRef, reply: Reply) -> None:
        blocks = reply_blocks(reply)
        if len(blocks) > 50:
            blocks = messages(reply)[0][1]
        await self._call(
            workspace,
            "chat.update",
            channel=ref.channel,
            ts=ref.ts,
            text=fallback(reply),
            blocks=blocks,
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
        # The SDK's three upload calls take the workspace's token from the context.
        reset = current_token.set(await self._token(workspace) or current_token.get())
        try:
            await self._uploader.files_upload_v2(
                channel=channel,
                content=content,
                filename=filename,
                title=title,
                thread_ts=thread.ts if thread else None,
            )
        finally:
            current_token.reset(reset)

    async def user_timezone(self, workspace: str, user: str) -> str | None:
        found = await self._call(workspace, "users.info", user=user)
        return (found.get("user") or {}).get("tz") or None

    async def find_sent(
        self,
        workspace: str,
        key: str,
        *,
        user: str | None,
        channel: str | None,
        thread: MessageRef | None,
        since: datetime,
    ) -> MessageRef | None:
        """The message we sent with `key` in its metadata since `since` (a sweep resumed after
        a crash asks before sending again), or None."""
        where = channel or await self.dm_channel(workspace, user or "")
        params: dict[str, object] = {
            "channel": where,
            "oldest": f"{since.timestamp():.6f}",
            "include_all_metadata": True,
            "limit": 200,
        }
        method = "conversations.history"
        if thread is not None:
            method, params["ts"] = "conversations.replies", thread.ts
        for _ in range(HISTORY_PAGES):
            found = await self._call(workspace, method, **params)
            for message in found.get("messages", []):
                payload = (message.get("metadata") or {}).get("event_payload") or {}
                if key in str(payload.get("key") or "").split():  # a brief carries several
                    return MessageRef(where, message["ts"])
            cursor = (found.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return None
            params["cursor"] = cursor
        return None

    async def aclose(self) -> None:
        """Close the HTTP session this delivery's own calls used (a server's is the server's)."""
        if self._owns_web:
            await self.web.aclose()
