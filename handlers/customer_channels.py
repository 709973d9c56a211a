"""What is said in a customer's linked channel: their people's top-level messages are their
feedback (source `channel`), and a question, request or problem opens a reply loop, due after
the segment's first-response time; our first reply in its thread closes it and records when
the customer was answered."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.core.classify import feedback_kind
from bot.core.dates import describe
from bot.core.errors import BadInput
from bot.core.loops import CLOSED, LIVE_STATES, OPEN, cancel
from bot.core.response_time import response_due, response_time
from handlers.chat_message import Capture, ChatMessage
from handlers.common import enter, find_loop
from handlers.context import Caller, Deps
from handlers.planning import Planner
from storage.models import ChannelLink, Loop
from storage.uow import UnitOfWork

SOURCE = "channel"  # the feedback source of a customer's own words in their channel

# Kinds of a customer's message that want an answer: praise and the rest open nothing.
ANSWER_WANTED = ("question", "request", "problem")
_QUOTED = 300  # how much of the customer's message the loop's title quotes


def voice_of(link: ChannelLink | None, message: ChatMessage) -> int | None:
    """The customer whose own words a message is: a top-level message by someone outside the
    workspace in a channel linked to them. None: ours, or not in a customer's channel."""
    if link is None or not message.external or message.in_thread:
        return None
    return link.customer_id


def settle(
    uow: UnitOfWork,
    links: dict[str, ChannelLink],
    captures: list[Capture],
    now: datetime,
    default_zone: ZoneInfo,
    said: list[list[str]],
) -> None:
    """Open the reply loops the customers' messages want and close those our replies answer
    (`links`: the linked channels among theirs); `said` gets, per message, what happened."""
    for capture, words in zip(captures, said, strict=True):
        message, link = capture.message, links.get(capture.message.channel)
        if link is None:
            continue
        if voice_of(link, message) is not None:
            if feedback_kind(message.text) not in ANSWER_WANTED:
                continue
            opened = open_reply_loop(uow, link, capture.caller.user, message, now, default_zone)
            if opened is not None:
                due = describe(opened.due_at, default_zone, now) if opened.due_at else "soon"
                words.append(f"Reply loop #{opened.number} for <@{opened.owner}>, due {due}.")
        elif not message.external and message.in_thread:
            closed = answered(uow, link.workspace_id, message, capture.caller.user, now)
            if closed is not None:
                words.append(f"#{closed.number} answered: the customer has their first response.")


def open_reply_loop(
    uow: UnitOfWork,
    link: ChannelLink,
    author: str,
    message: ChatMessage,
    now: datetime,
    default_zone: ZoneInfo,
) -> Loop | None:
    """Open "Reply to <customer>: <text>" for the account owner (else who linked the channel);
    None when this message has one already (a redelivery)."""
    ws, text, permalink = link.workspace_id, message.text, message.permalink
    key = f"reply:{message.channel}:{message.message_ts}"[:200]
    if uow.loops.by_source(ws, key) is not None:
        return None
    customer = uow.customers.get(link.customer_id)
    if customer is None or customer.erased_at is not None:
        return None
    quoted = text if len(text) <= _QUOTED else text[: _QUOTED - 1] + "…"
    loop = Loop(
        workspace_id=ws,
        number=uow.workspaces.next_loop_number(ws),
        customer_id=customer.id,  # type: ignore[arg-type]
        what=f"Reply to {customer.name}: {quoted}",
        owner=customer.owner or link.linked_by,
        created_by=author,
        created_at=now,
        source_key=key,
        reply_channel=message.channel,
        reply_ts=message.message_ts,
    )
    planner = Planner(uow.plan_facts, default_zone).load([loop])
    wanted = response_time(planner.setting(ws, "response_minutes"), customer.segment)
    loop.due_at = response_due(now, wanted, planner.zone(loop), planner.policy(loop))
    planner.replan(loop, now)
    stored = uow.loops.add(loop)
    if stored is not None:
        uow.events.add(
            stored, "created", author, now, f"{text} — {permalink}" if permalink else text
        )
    return stored


def answered(
    uow: UnitOfWork, workspace_id: int, message: ChatMessage, user: str, now: datetime
) -> Loop | None:
    """Our reply in the thread of a customer's message: its reply loop, when still waiting for
    a first answer, records it and closes (the customer has been answered)."""
    assert message.thread_ts is not None
    permalink = message.permalink
    loop = uow.loops.reply_loop(workspace_id, message.channel, message.thread_ts)
    if loop is None or loop.first_response_at is not None:
        return None
    loop.first_response_at = now
    if loop.state not in LIVE_STATES:  # cancelled by hand: the answer is still its first one
        uow.loops.save(loop)
        return loop
    loop.state, loop.done_at, loop.closed_at = CLOSED, loop.done_at or now, now
    loop.next_nudge_at = None
    uow.loops.save(loop)
    note = "Answered in the customer's thread" + (f": {permalink}" if permalink else ".")
    uow.events.add(loop, "told", user, now, note)
    return loop


def withdrawn(
    uow: UnitOfWork, workspace_id: int, channel: str, message_ts: str, now: datetime
) -> Loop | None:
    """The customer deleted their message: its reply loop, when nobody has answered it yet,
    is cancelled (there is no question left to answer; the owner stops being nudged)."""
    loop = uow.loops.reply_loop(workspace_id, channel, message_ts)
    if loop is None or loop.first_response_at is not None or loop.state != OPEN:
        return None
    reason = "the customer deleted their message"
    cancel(loop, now, reason)
    loop.next_nudge_at = None
    uow.loops.save(loop)
    uow.events.add(loop, "cancel", loop.owner, now, reason)
    return loop


def thread_of(deps: Deps, caller: Caller, number: int) -> str:
    """The thread a reply to reply loop #number goes in: the customer's message it answers."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        loop = find_loop(uow, scope.workspace.id, number)
        uow.commit()
    if loop.reply_ts is None or loop.reply_channel != caller.channel:
        raise BadInput(
            f"#{number} is not a reply loop of this channel: it answers no customer message here."
        )
    return loop.reply_ts
