"""Buttons on loops (Done, Customer told, Snooze, Reassign, Add update) and "Track this
commitment?": each acts through the core's permission rules and updates what was clicked."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.core import grammar
from bot.core.ports import MessageRef
from bot.core.replies import Reply
from bot.platforms.slack import send
from bot.platforms.slack.blocks import (
    fallback,
    input_value,
    messages,
    replace_loop,
    reply_blocks,
    update_modal,
)
from bot.platforms.slack.home import publish_home
from bot.platforms.slack.inbound import (
    DAMAGED,
    DAMAGED_TEXT,
    as_reply,
    loop_number,
    say_damaged,
    team_of,
)
from bot.platforms.slack.parts import SlackParts
from handlers import briefs, capture, loops, telling

log = logging.getLogger(__name__)

LOOP_ACTIONS = re.compile(r"^loop_(done|told|cancel|snooze|reassign)$")


@dataclass
class Surface:
    """Where the clicked element lives: a message, an ephemeral /loop reply, or the App Home."""

    kind: str  # message, ephemeral, home
    channel: str | None = None
    ts: str | None = None
    blocks: list[dict[str, Any]] = field(default_factory=list)
    view: str = ""  # the App Home view's id and hash: a click on a stale view is a new click

    @classmethod
    def of(cls, body: dict[str, Any]) -> Surface:
        container = body.get("container") or {}
        if container.get("type") == "view":
            view = body.get("view") or {}
            return cls("home", view=f"{view.get('id')}:{view.get('hash')}")
        message = body.get("message") or {}
        kind = "ephemeral" if container.get("is_ephemeral") or not message else "message"
        return cls(
            kind,
            container.get("channel_id") or (body.get("channel") or {}).get("id"),
            container.get("message_ts") or message.get("ts"),
            message.get("blocks") or [],
        )

    def as_metadata(self) -> dict[str, Any]:
        return {"kind": self.kind, "channel": self.channel, "ts": self.ts}


@dataclass(frozen=True)
class Click:
    verb: str
    number: int
    text: str = ""
    user: grammar.UserRef | None = None


def read_click(action: dict[str, Any]) -> Click:
    """The loop action a clicked element asks for (button value, select choice, user picked)."""
    verb = action["action_id"].removeprefix("loop_")
    if action.get("type") == "static_select":
        number, _, when = action["selected_option"]["value"].partition("|")
        return Click(verb, loop_number(number), when)
    if action.get("type") == "users_select":
        number = action.get("block_id", "").split(":")[1]
        return Click(verb, loop_number(number), user=grammar.UserRef(id=action["selected_user"]))
    return Click(verb, loop_number(action["value"]))


def click_key(body: dict[str, Any], action: dict[str, Any], surface: Surface) -> str:
    """Same message (as shown) + user + action + value: a double click is one click."""
    chosen = (
        action.get("value")
        or (action.get("selected_option") or {}).get("value")
        or action.get("selected_user")
        or ""
    )
    shown = hashlib.sha1(json.dumps(surface.blocks, sort_keys=True).encode()).hexdigest()[:12]
    raw = "|".join(
        [
            surface.kind,
            surface.channel or "",
            surface.ts or "",
            surface.view,
            shown,
            body["user"]["id"],
            action["action_id"],
            str(chosen),
        ]
    )
    return "click:" + hashlib.sha1(raw.encode()).hexdigest()


async def on_loop_action(
    slack: SlackParts,
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    context: AsyncBoltContext,
    respond: AsyncRespond,
) -> None:
    await ack()
    surface = Surface.of(body)
    try:
        click = read_click(action)
    except DAMAGED:
        await say_damaged(respond, "loop button", log)
        return
    await acted(
        slack,
        context,
        body["user"]["id"],
        surface,
        click,
        respond,
        key=click_key(body, action, surface),
    )


async def on_update_button(
    slack: SlackParts,
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
) -> None:
    await ack()
    try:
        number = loop_number(action["value"])
    except DAMAGED:
        await say_damaged(respond, "Add update button", log)
        return
    metadata = {"number": number, **Surface.of(body).as_metadata()}
    slack.work.later(
        slack.client.views_open(trigger_id=body["trigger_id"], view=update_modal(number, metadata))
    )


async def on_update_submitted(
    slack: SlackParts,
    ack: AsyncAck,
    body: dict[str, Any],
    view: dict[str, Any],
    context: AsyncBoltContext,
) -> None:
    text = input_value(view, "update", "text").strip()
    if not text:
        await ack(response_action="errors", errors={"update": "Write the update first."})
        return
    try:
        metadata = json.loads(view.get("private_metadata") or "{}")
        click = Click("update", loop_number(metadata["number"]), text)
        surface = Surface(
            metadata.get("kind") or "home", metadata.get("channel"), metadata.get("ts")
        )
    except DAMAGED:
        log.info("an update form carried no loop number; told the user")
        await ack(response_action="errors", errors={"update": DAMAGED_TEXT[:150]})
        return
    team, user = team_of(context), body["user"]["id"]

    async def decide() -> Reply | None:
        return await decide_act(slack, context, user, click, f"view:{view['id']}")

    async def tell(reply: Reply | None) -> None:
        if reply is not None:
            await told(slack, team, user, surface, click, reply, None)

    reply = await slack.work.before_ack(decide, tell)
    if isinstance(reply, Reply) and reply.error:  # shown in the modal, nothing lost
        await ack(response_action="errors", errors={"update": reply.text[:150]})
        return
    await ack()
    if isinstance(reply, Reply):
        slack.work.later(tell(reply))


async def on_track(
    slack: SlackParts,
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    context: AsyncBoltContext,
    respond: AsyncRespond,
) -> None:
    await ack()
    team, user = team_of(context), body["user"]["id"]
    channel = (body.get("channel") or {}).get("id")

    async def decide() -> Reply:
        caller = await slack.callers.caller(team, user, channel)
        try:
            return await slack.db(capture.track_commitment, slack.deps, caller, action["value"])
        except Exception as exc:  # noqa: BLE001 - told to the clicker, or re-raised
            return as_reply(exc, "tracking a commitment", log)

    async def tell(reply: Reply) -> None:
        await send.respond_all(respond, reply, replace_original=not reply.error)
        await send.follow_ups(slack.delivery, team, reply, channel, user)

    await slack.work.decide_then(decide, tell)


async def decide_act(
    slack: SlackParts, context: AsyncBoltContext, user: str, click: Click, key: str
) -> Reply | None:
    """Run the loop action (None: this click was already handled)."""
    caller = await slack.callers.caller(team_of(context), user, None)
    try:
        return await slack.db(
            loops.act,
            slack.deps,
            caller,
            click.verb,
            click.number,
            click.text,
            click.user,
            click_key=key,
        )
    except Exception as exc:  # noqa: BLE001 - a refusal is explained; a database failure re-raised
        return as_reply(exc, f"{click.verb} on #{click.number}", log)


async def acted(
    slack: SlackParts,
    context: AsyncBoltContext,
    user: str,
    surface: Surface,
    click: Click,
    respond: AsyncRespond,
    key: str,
) -> None:
    async def decide() -> Reply | None:
        return await decide_act(slack, context, user, click, key)

    async def tell(reply: Reply | None) -> None:
        if reply is not None:
            await told(slack, team_of(context), user, surface, click, reply, respond)

    await slack.work.decide_then(decide, tell)


async def told(
    slack: SlackParts,
    team: str,
    user: str,
    surface: Surface,
    click: Click,
    reply: Reply,
    respond: AsyncRespond | None,
) -> None:
    """Show the outcome where the click happened; a refusal only to the clicker."""
    if reply.error:
        await explain(slack, team, user, surface, reply, respond)
        return
    if click.verb != "update":  # an update changes the loop's history, not how it is shown
        await update_in_place(slack, team, user, surface, click, reply, respond)
        await redraw_briefs(slack, team, user, surface, click)
    elif surface.kind != "home" and surface.channel:
        await send.ephemeral(slack.client, surface.channel, user, reply)
    await send.follow_ups(slack.delivery, team, reply, surface.channel, user)
    await publish_home(slack, team, user, status=reply.text)
    for notice in reply.notices:  # a new owner's Home changes too
        if notice.to_user and notice.to_user != user:
            await publish_home(slack, team, notice.to_user)


async def update_in_place(
    slack: SlackParts,
    team: str,
    user: str,
    surface: Surface,
    click: Click,
    reply: Reply,
    respond: AsyncRespond | None,
) -> None:
    if surface.kind == "home":
        return  # publish_home redraws it
    blocks = replace_loop(surface.blocks, click.number, reply) or reply_blocks(reply)
    if len(blocks) > 50:
        blocks = messages(reply)[0][1]
    if surface.kind == "message" and surface.channel and surface.ts:
        await slack.client.chat_update(
            channel=surface.channel, ts=surface.ts, blocks=blocks, text=fallback(reply)
        )
    elif respond is not None:
        await respond(
            text=fallback(reply), blocks=blocks, replace_original=True, response_type="ephemeral"
        )


async def redraw_briefs(
    slack: SlackParts, team: str, user: str, surface: Surface, click: Click
) -> None:
    """The loop's other briefs say it moved on (the clicked one was updated in place)."""
    shown = MessageRef(surface.channel, surface.ts) if surface.channel and surface.ts else None
    caller = await slack.callers.caller(team, user, None)
    for ref, redrawn in await slack.db(briefs.moved_on, slack.deps, caller, click.number, shown):
        await slack.delivery.update(team, ref, redrawn)


async def explain(
    slack: SlackParts,
    team: str,
    user: str,
    surface: Surface,
    reply: Reply,
    respond: AsyncRespond | None,
) -> None:
    """Why not (no permission, already closed...), to the clicker only."""
    if surface.kind == "home":
        await publish_home(slack, team, user, status=reply.text)
    elif surface.kind == "message" and surface.channel:
        await send.ephemeral(slack.client, surface.channel, user, reply)
    elif respond is not None:
        await respond(
            text=fallback(reply),
            blocks=reply_blocks(reply),
            replace_original=False,
            response_type="ephemeral",
        )


async def on_csat(
    slack: SlackParts,
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    context: AsyncBoltContext,
) -> None:
    """A click on "How did we do?": counted only from a person of another team (the customer's
    people in a Slack Connect channel), the first time per loop; the clicker is answered
    privately in the thread."""
    await ack()
    team, user = team_of(context), body["user"]["id"]
    home = body["user"].get("team_id")
    external = isinstance(home, str) and bool(home) and home != team
    surface = Surface.of(body)
    message = body.get("message") or {}
    thread = message.get("thread_ts") or surface.ts

    async def decide() -> Reply:
        caller = await slack.callers.caller(team, user, surface.channel)
        try:
            value = str(action["value"])
            return await slack.db(telling.rate, slack.deps, caller, value, external)
        except Exception as exc:  # noqa: BLE001 - told to the clicker, or re-raised
            return as_reply(exc, "a CSAT answer", log)

    async def tell(reply: Reply) -> None:
        if surface.channel:
            await send.ephemeral(slack.client, surface.channel, user, reply, thread_ts=thread)

    await slack.work.decide_then(decide, tell)
