"""The sweep's storage steps: claim the nudges that are due, record what became of them.

A sweep claims what is due (`claim_due`: a lease on each slot, so no other sweeper sends it),
lets bot.wiring.sweeper send the messages, and records each outcome (`settle`: the slot sent,
the loop's history and its next nudge, planned by handlers.planning). Nothing here talks to a
chat platform.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.core.loops import DONE, OPEN
from bot.core.policy import (
    ESCALATION,
    OVERDUE,
    TELL,
    PlannedNudge,
)
from bot.core.ports import MessageRef
from bot.core.replies import Reply
from handlers.context import Deps
from handlers.nudges import KIND_LABEL, nudge_reply
from handlers.planning import PlanCache, Planner
from storage.due_loops import HistorySummary, LoopRow
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

ACTOR = "loopkeeper"  # who the history says nudged or escalated
PROFILE_MAX_AGE = timedelta(days=1)  # refresh a cached time zone when older than this
GIVE_UP_AFTER = 8  # tries of one slot before it is given up and the next one planned
DIGEST_GRACE = timedelta(days=1)  # a digest missed by more than this waits for the next period


# ---- claiming what is due --------------------------------------------------------------------


@dataclass
class Outgoing:
    """One message the sweeper must send for a slot it holds."""

    nudge_id: int
    attempt: int
    uncertain: bool  # an earlier attempt may have sent it: look before sending again
    platform: str
    workspace: str  # the platform's team / tenant id
    loop_id: int
    number: int
    kind: str
    slot: str
    slot_time: datetime
    owner: str  # the loop's owner when it was claimed
    reply: Reply
    line: str  # what `loopkeeper sweep` prints once it is sent
    to_user: str | None = None
    to_channel: str | None = None
    thread: MessageRef | None = None
    dm_channel: str | None = None  # to_user's DM channel when a sweep already opened it
    grouped: bool = False  # sent in a brief with other loops (not a thread of its own)

    @property
    def ids(self) -> str:
        """The message named by ids only, for logs (`line` quotes the customer and the loop)."""
        to = self.to_user or "#" + (self.to_channel or "")
        return f"{self.kind} of loop {self.loop_id} to {to} in {self.platform}:{self.workspace}"

    @property
    def recipient(self) -> tuple[str, str, str]:
        """Who receives it: messages to one recipient go one at a time (rate limits)."""
        return self.platform, self.workspace, self.to_user or "#" + (self.to_channel or "")


@dataclass
class Claimed:
    """What one claim found: how many due loops it took, and the messages their slots need."""

    loops: int
    messages: list[Outgoing]


def claim_due(
    deps: Deps,
    platforms: Iterable[str],
    now: datetime,
    lease: timedelta,
    limit: int,
    cache: PlanCache | None = None,
) -> Claimed:
    """Claim up to `limit` loops due by `now` and return the messages their slots need.

    Slots not due after all (a snooze, quiet hours) are re-planned; a slot whose earlier lease ran
    out is resumed rather than replaced; one already sent is never claimed again.
    """
    until = now + lease
    with deps.uow() as uow:
        loops = uow.due_loops.claim_due_loops(now, until, platforms, limit)
        if not loops:
            return Claimed(0, [])
        planner = Planner(uow.plan_facts, deps.settings.zone, cache).load(loops)
        pending = uow.nudges.pending(lp.id for lp in loops)
        held: list[_Held] = []
        new: list[tuple[LoopRow, PlannedNudge]] = []
        for loop in loops:
            _claim(uow, planner, loop, pending.get(loop.id), now, until, held, new)
        opened = uow.nudges.open_slots([(lp, p.slot, p.kind, p.slot_time) for lp, p in new], until)
        for loop, planned in new:
            if loop.id in opened:
                held.append(
                    _Held(
                        loop,
                        opened[loop.id],
                        1,
                        planned.kind,
                        planned.slot,
                        planned.slot_time,
                        False,
                    )
                )
            else:  # sent once already: bring the facts level with it, never send it again
                _advance(loop, planned.kind, planned.slot, planned.slot_time, loop.owner)
                planner.replan(loop, now)
        histories = uow.due_loops.histories(h.loop.id for h in held)
        out = [m for h in held if (m := _message(uow, planner, h, histories, now))]
        sending = {m.loop_id for m in out}
        uow.due_loops.save_loops([lp for lp in loops if lp.id not in sending])  # re-planned ones
        uow.commit()
    return Claimed(len(loops), out)


@dataclass
class _Held:
    """A slot this sweep holds."""

    loop: LoopRow
    nudge_id: int
    attempt: int
    kind: str
    slot: str
    slot_time: datetime
    uncertain: bool  # tried before: it may have gone out


def _claim(
    uow: UnitOfWork,
    planner: Planner,
    loop: LoopRow,
    pending: Any,
    now: datetime,
    until: datetime,
    held: list[_Held],
    new: list[tuple[LoopRow, PlannedNudge]],
) -> None:
    """Decide what a claimed loop needs: resume its pending slot, a new slot, or a new plan."""
    if pending is not None:
        if pending.lease_until is not None and pending.lease_until > now:
            loop.next_nudge_at = pending.lease_until  # another sweeper holds it
        elif not _still_applies(pending, loop):
            uow.nudges.finish([(pending.id, pending.attempts, None, None)], "skipped", now)
            planner.replan(loop, now)
        else:
            attempt = uow.nudges.take_over(pending, until)
            held.append(
                _Held(
                    loop,
                    pending.id,
                    attempt,
                    pending.kind,
                    pending.slot,
                    pending.scheduled_for,
                    pending.status == "sending",
                )
            )
        return
    planned = planner.plan(loop, now)
    if planned is None or planned.at > now:
        loop.next_nudge_at = planned.at if planned else None
    else:
        new.append((loop, planned))


def _still_applies(nudge: Any, loop: LoopRow) -> bool:
    """Whether a slot left pending by an interrupted sweep still makes sense for the loop."""
    if nudge.kind == TELL:
        return loop.state == DONE
    if nudge.kind == ESCALATION:
        return loop.state == OPEN and loop.escalation_level < _level(nudge.slot)
    return loop.state == OPEN


def _level(slot: str) -> int:
    return int(slot.rsplit(":", 1)[-1])


def _advance(loop: LoopRow, kind: str, slot: str, slot_time: datetime, owner: str) -> None:
    """The loop's facts once slot `slot` has been sent (or found already sent)."""
    if kind == ESCALATION:
        loop.escalation_level = max(loop.escalation_level, _level(slot))
        return
    loop.last_nudge_at = max(loop.last_nudge_at or slot_time, slot_time)
    if kind == OVERDUE and loop.owner == owner:
        loop.overdue_nudges += 1


def _message(
    uow: UnitOfWork,
    planner: Planner,
    held: _Held,
    histories: dict[int, HistorySummary],
    now: datetime,
) -> Outgoing | None:
    loop = held.loop
    workspace = planner.workspaces[loop.workspace_id]
    customer = planner.customers[loop.customer_id]
    zone = planner.zone(loop)
    history = histories.get(loop.id, HistorySummary({}, None))  # type: ignore[arg-type]
    reply = nudge_reply(held.kind, loop, customer.name, zone, now, history)
    reply.key = f"loopkeeper-nudge:{loop.id}:{held.slot}"
    common = dict(
        nudge_id=held.nudge_id,
        attempt=held.attempt,
        uncertain=held.uncertain,
        platform=workspace.platform,
        workspace=workspace.external_id,
        loop_id=loop.id,
        number=loop.number,
        kind=held.kind,
        slot=held.slot,
        slot_time=held.slot_time,
        owner=loop.owner,
        reply=reply,
    )
    about = f"{customer.name}: {loop.what}"
    if held.kind != ESCALATION:
        thread = (
            MessageRef(loop.nudge_channel, loop.nudge_ts)
            if loop.nudge_channel and loop.nudge_ts
            else None
        )
        line = (
            f"nudge #{loop.number} to @{planner.name(loop.workspace_id, loop.owner)} "
            f"({KIND_LABEL[held.kind]}, {about})"
        )
        dm = planner.dm_channel(loop.workspace_id, loop.owner)
        return Outgoing(**common, line=line, to_user=loop.owner, thread=thread, dm_channel=dm)  # type: ignore[arg-type]
    channel = planner.setting(loop.workspace_id, "escalation_channel")
    if channel:
        line = f"escalation #{loop.number} to #{channel} ({about})"
        return Outgoing(**common, line=line, to_channel=str(channel))  # type: ignore[arg-type]
    if customer.owner and customer.owner != loop.owner:
        name = planner.name(loop.workspace_id, customer.owner)
        line = f"escalation #{loop.number} to @{name}, {customer.name}'s account owner ({about})"
        dm = planner.dm_channel(loop.workspace_id, customer.owner)
        return Outgoing(**common, line=line, to_user=customer.owner, dm_channel=dm)  # type: ignore[arg-type]
    # Nowhere to escalate to (no channel set, the owner is the account owner): the level is
    # spent, so it is not tried again every sweep.
    uow.nudges.finish([(held.nudge_id, held.attempt, None, None)], "skipped", now)
    _advance(loop, held.kind, held.slot, held.slot_time, loop.owner)
    planner.replan(loop, now)
    return None


# ---- recording outcomes ----------------------------------------------------------------------


def settle(
    deps: Deps,
    now: datetime,
    *,
    sending: Sequence[Outgoing] = (),
    sent: Sequence[tuple[Outgoing, MessageRef | None]] = (),
    failed: Sequence[tuple[Outgoing, datetime, bool]] = (),
    cache: PlanCache | None = None,
) -> set[int]:
    """One transaction for many outcomes: slots about to be tried (returns the ids still held,
    so a sweeper whose lease ran out sends nothing), slots sent (history, counters, the next
    nudge) and slots that failed (tried again at the given time; the flag says the message may
    have gone out all the same). A slot that failed GIVE_UP_AFTER times is given up (the history
    says so) and the loop's next slot is planned: nothing stays stuck on a deactivated user or
    a channel the bot was removed from."""
    with deps.uow() as uow:
        given_up = [(item, None) for item, _at, _maybe in failed if item.attempt >= GIVE_UP_AFTER]
        if sent or given_up:
            planner = Planner(uow.plan_facts, deps.settings.zone, cache)
            _record_sent(uow, planner, sent, now)
            _record_sent(uow, planner, given_up, now, status="failed")
        for item, retry_at, maybe_sent in failed:
            if item.attempt >= GIVE_UP_AFTER:
                continue
            if uow.nudges.release(item.nudge_id, item.attempt, retry_at, maybe_sent):
                uow.due_loops.set_next(item.loop_id, retry_at)
        held = uow.nudges.mark_sending([(i.nudge_id, i.attempt) for i in sending], now)
        uow.commit()
    return held


def _record_sent(
    uow: UnitOfWork,
    planner: Planner,
    sent: Sequence[tuple[Outgoing, MessageRef | None]],
    now: datetime,
    status: str = "sent",
) -> None:
    if not sent:
        return
    # Write first: on SQLite the transaction then holds the writer lock before it reads.
    ours = uow.nudges.finish(
        [
            (item.nudge_id, item.attempt, ref.channel if ref else None, ref.ts if ref else None)
            for item, ref in sent
        ],
        status,
        now,
    )
    loops = uow.due_loops.lock_loops(item.loop_id for item, _ref in sent)
    planner.load(loops.values())
    events, changed = [], {}
    dm_channels: list[tuple[int, str, str]] = []  # DM channels opened by this sweep
    for item, ref in sent:
        if item.nudge_id not in ours:
            log.warning(
                "nudge %s for loop #%s was taken over by another sweeper while being sent",
                item.slot,
                item.number,
            )
            continue
        loop = changed[item.loop_id] = loops[item.loop_id]
        _advance(loop, item.kind, item.slot, item.slot_time, item.owner)
        first_dm = (
            item.kind != ESCALATION
            and item.thread is None
            and not item.grouped
            and not loop.nudge_ts
        )
        if ref is not None and first_dm and loop.owner == item.owner:
            loop.nudge_channel, loop.nudge_ts = ref.channel, ref.ts
        if ref is not None and item.to_user and not item.dm_channel and item.platform == "slack":
            dm_channels.append((loop.workspace_id, item.to_user, ref.channel))
        where = f"<@{item.to_user}>" if item.to_user else f"#{item.to_channel}"
        note = f"{KIND_LABEL[item.kind]} (slot {item.slot}), to {where}"
        if status != "sent":
            events.append((loop, "nudge_failed", note + f": gave up after {item.attempt} tries"))
        else:
            kind = "escalated" if item.kind == ESCALATION else "nudged"
            events.append((loop, kind, note + ("" if ref else " (not confirmed)")))
        planner.replan(loop, now)
    uow.due_loops.add_events(events, ACTOR, now)
    uow.due_loops.save_loops(list(changed.values()))
    uow.profiles.save_dm_channels(dm_channels)
