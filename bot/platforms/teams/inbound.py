"""Translation in: what a Teams activity says, in our neutral words (Caller, text, channel)."""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from microsoft_agents.activity import Activity, ChannelAccount

from bot.core import grammar
from handlers.context import Caller

PLATFORM = "teams"
# Words that start a /loop command; anything else said to the bot in a channel is feedback.
_TAGS = re.compile(r"<(?![@#])[^>]+>")  # HTML tags, not our <@user> mentions
_MESSAGE_ID = re.compile(r"[\w.:@-]{1,128}")  # Teams message ids are digits; never a path
_TYPED_REFERENCE = re.compile(r"(?:<|&lt;|&#60;)(?=[@#])")
_BREAKS = re.compile(r"<br\s*/?>|</p>|</div>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")
MAX_PLACE = 64  # Feedback.channel


@dataclass(frozen=True)
class UserMention:
    """A person @mentioned in the text: Teams' `<at>Name</at>` and who it names."""

    text: str
    account: ChannelAccount


@dataclass(frozen=True)
class Arrival:
    """One incoming activity, read."""

    activity: Activity
    tenant: str
    user: str
    personal: bool
    channel: str | None  # the Teams channel (or group chat) id; None in a 1:1 chat
    tz: str | None

    @property
    def service_url(self) -> str:
        return self.activity.service_url or ""

    @property
    def conversation_id(self) -> str:
        return self.activity.conversation.id if self.activity.conversation else ""

    @property
    def place(self) -> str:
        """Where a message was said, as stored with its feedback (≤ 64 characters): the channel,
        or the chat's id; a long 1:1 chat id is replaced by a stable digest of it."""
        where = self.channel or self.conversation_id
        if len(where) <= MAX_PLACE:
            return where
        return "chat:" + hashlib.sha256(where.encode()).hexdigest()[:40]

    @property
    def bot_chat(self) -> str | None:
        """The id of the bot's own 1:1 chat with the sender, when this activity came in it (a
        message action in a chat between two people is `personal` too, but not the bot's)."""
        if self.personal and self.activity.type != "invoke":
            return self.conversation_id or None
        return None

    @property
    def external(self) -> bool:
        """The sender is a person of another tenant (a Teams Connect shared channel's guest)."""
        sender = self.activity.from_property
        home = sender.tenant_id if sender else None
        return bool(home) and home != self.tenant

    def caller(self) -> Caller:
        sender = self.activity.from_property
        return Caller(
            platform=PLATFORM,
            workspace=self.tenant,
            user=self.user,
            user_name=(sender.name if sender else None) or None,
            # The channel as its messages are stored (a long group chat id as its digest), so
            # a channel linked to a customer is the one its messages name.
            channel=self.place if self.channel else None,
            tz=self.tz,
            locale=self.activity.locale or None,
        )


def read(activity: Activity) -> Arrival:
    """Who acts where: tenant (workspace), AAD object id (user), channel, time zone."""
    data = _channel_data(activity)
    conversation = activity.conversation
    tenant = (
        (conversation.tenant_id if conversation else None)
        or (data.get("tenant") or {}).get("id")
        or ""
    )
    sender = activity.from_property
    user = (sender.aad_object_id or sender.id) if sender else ""
    kind = (conversation.conversation_type if conversation else None) or "personal"
    channel: str | None = None
    if kind == "channel":
        channel = (data.get("channel") or {}).get("id") or (conversation.id or "").split(";")[0]
    elif kind != "personal" and conversation:
        channel = conversation.id
    return Arrival(activity, tenant, user or "", kind == "personal", channel, _timezone(activity))


def _channel_data(activity: Activity) -> dict[str, Any]:
    data = activity.channel_data
    return data if isinstance(data, dict) else {}


def _timezone(activity: Activity) -> str | None:
    if activity.local_timezone:
        return activity.local_timezone
    for entity in activity.entities or []:
        if getattr(entity, "type", None) == "clientInfo":
            zone = getattr(entity, "timezone", None)
            if isinstance(zone, str) and zone:
                return zone
    return None


def user_mentions(activity: Activity) -> list[UserMention]:
    """People @mentioned in the message (the bot and channels left out)."""
    bot_id = activity.recipient.id if activity.recipient else None
    found = []
    for mention in activity.get_mentions():
        account = mention.mentioned
        if account is None or not account.id or account.id == bot_id:
            continue
        if _is_channel(account):  # a channel or team, not a person
            continue
        found.append(UserMention(mention.text or f"<at>{account.name}</at>", account))
    return found


def words(activity: Activity, people: dict[str, str] | None = None) -> str:
    """The message text without the bot's @mention.

    For a command (`people` given: Teams id -> our user id) people become `<@id>` and channels
    `<#id>`, as the grammar reads them; otherwise (feedback) they stay names, as people wrote.
    """
    # Teams marks mentions up as <at>…</at>; `<@…>` in the text was typed (raw or as &lt;) and
    # must not read as a person once decoded: its bracket becomes a look-alike.
    text = _TYPED_REFERENCE.sub("‹", activity.text or "")
    bot_id = activity.recipient.id if activity.recipient else None
    for mention in activity.get_mentions():
        account = mention.mentioned
        said = mention.text or ""
        if not said or account is None:
            continue
        name = account.name or clean(said)
        if account.id == bot_id:
            shown = " "
        elif people is None:
            shown = ("#" if _is_channel(account) else "") + name
        elif _is_channel(account):
            shown = f"<#{account.id}>"
        else:
            shown = f"<@{people[account.id]}>" if account.id in people else "@" + name
        text = text.replace(said, shown)
    return clean(text)


def _is_channel(account: ChannelAccount) -> bool:
    return bool(account.id and account.id.startswith("19:"))


def clean(text: str) -> str:
    """Plain text from what Teams sent (HTML entities, tags, odd spaces)."""
    text = _BREAKS.sub("\n", text)
    text = html.unescape(_TAGS.sub("", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def is_command(text: str) -> bool:
    """A /loop command (with or without the slash or the command word), not a message to
    capture."""
    return text.strip().startswith("/") or grammar.command_text(text) is not None


def thread_root(arrival: Arrival) -> str | None:
    """The id of the channel post a message replies to (itself for a new post); None outside
    channels."""
    conversation = arrival.conversation_id
    if arrival.channel is None or ";messageid=" not in conversation:
        return None
    return conversation.split(";messageid=", 1)[1] or None


def permalink(arrival: Arrival, message_id: str | None = None) -> str | None:
    """A Teams deep link to a channel message (what "open in Teams" uses): the arriving one, or
    `message_id` in the arrival's channel. Built here, never taken from what a client sent."""
    message = message_id if message_id is not None else arrival.activity.id
    if arrival.channel is None or not message or not _MESSAGE_ID.fullmatch(message):
        return None
    group = (_channel_data(arrival.activity).get("team") or {}).get("aadGroupId")
    return channel_permalink(arrival.tenant, arrival.channel, message, thread_root(arrival), group)


def channel_permalink(
    tenant: str, channel: str, message: str, root: str | None, group: str | None = None
) -> str:
    """The deep link to message `message` of `channel` (in the thread of `root`, if any)."""
    # A root post is its own parent; a reply names the thread's root.
    query = {"tenantId": tenant, "parentMessageId": root or message}
    if group:
        query["groupId"] = group
    where = f"https://teams.microsoft.com/l/message/{quote(channel, safe='')}/{message}"
    return f"{where}?{urlencode(query)}"
