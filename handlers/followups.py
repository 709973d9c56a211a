"""The follow-up engine's use cases: plan a loop's next nudge, and the sweep's storage steps.

`replan` runs after every change to a loop, so the database always says when its next nudge is
due (`next_nudge_at`). A sweep then: claims what is due (`claim_due`: a lease on each slot, so
no other sweeper sends it), lets bot.wiring.sweeper send the messages, and records each outcome
(`settle`: the slot sent, the loop's history and its next nudge). Digests are claimed once per
period (`claim_digests`). Nothing here talks to a chat platform.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core.loops import DONE, OPEN
from bot.core.policy import (
    ESCALATION,
    OVERDUE,
    TELL,
    LoopFacts,
    NudgePolicy,
    PlannedNudge,
    digest_period,
    last_digest_time,
    plan,
)
from bot.core.ports import MessageRef
from bot.core.replies import Reply
from handlers.context import Deps
from handlers.nudges import KIND_LABEL, nudge_reply
from handlers.settings import DEFAULTS
from storage.models import Loop
from storage.nudges import HistorySummary, LoopRow, NudgeRepo
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

ACTOR = "loopkeeper"  # who the history says nudged or escalated
PROFILE_MAX_AGE = timedelta(days=1)  # refresh a cached time zone when older than this
GIVE_UP_AFTER = 8  # tries of one slot before it is given up and the next one planned
DIGEST_GRACE = timedelta(days=1)  # a digest missed by more than this waits for the next period
PLAN_RETRY = timedelta(hours=1)  # a loop whose plan fails is looked at again this much later


# ---- planning --------------------------------------------------------------------------------


@dataclass
class PlanCache:
    """Facts about workspaces, customers and people that planning reads; one sweep loads each
    once, however many batches it claims and records."""

    settings: dict[int, dict[str, object]] = field(default_factory=dict)
    workspaces: dict[int, Any] = field(default_factory=dict)
    customers: dict[int, Any] = field(default_factory=dict)
    users: dict[tuple[int, str], Any] = field(default_factory=dict)
    policies: dict[tuple[int, str | None], NudgePolicy] = field(default_factory=dict)


class Planner:
    """Works out loops' next nudges; loads the facts it needs (settings, zones, segments) once
    for many loops. Loops may be ORM rows or the sweep's plain rows."""

    def __init__(
        self, repo: NudgeRepo, default_zone: ZoneInfo, cache: PlanCache | None = None
    ) -> None:
        self.repo = repo
        self.default_zone = default_zone
        cache = cache if cache is not None else PlanCache()
        self.settings, self.workspaces = cache.settings, cache.workspaces
        self.customers, self.users, self.policies = cache.customers, cache.users, cache.policies

    def load(self, loops: Iterable[Any]) -> Planner:
        loops = list(loops)
        new_ws = {lp.workspace_id for lp in loops} - set(self.settings)
        if new_ws:
            self.settings.update(self.repo.settings(new_ws))
            self.workspaces.update(self.repo.workspaces(new_ws))
        new_customers = {lp.customer_id for lp in loops} - set(self.customers)
        if new_customers:
            self.customers.update(self.repo.customers(new_customers))
        owners = {(lp.workspace_id, lp.owner) for lp in loops}
        accounts = {
            (lp.workspace_id, c.owner)
            for lp in loops
            if (c := self.customers.get(lp.customer_id)) and c.owner
        }
        new_users = (owners | accounts) - set(self.users)
        if new_users:
            found = self.repo.users(new_users)
            self.users.update({key: found.get(key) for key in new_users})
        return self

    def setting(self, workspace_id: int, key: str) -> object:
        return self.settings.get(workspace_id, {}).get(key, DEFAULTS.get(key))

    def zone(self, loop: Any) -> ZoneInfo:
        """The owner's zone from their chat profile, else the workspace default."""
        user = self.users.get((loop.workspace_id, loop.owner))
        if user and user.tz:
            try:
                return ZoneInfo(user.tz)
            except (ZoneInfoNotFoundError, ValueError):
                pass
        return self.default_zone

    def policy(self, loop: Any) -> NudgePolicy:
        customer = self.customers.get(loop.customer_id)
        key = (loop.workspace_id, customer.segment if customer else None)
        if key not in self.policies:
            self.policies[key] = NudgePolicy.from_settings(self.settings.get(key[0], {}), key[1])
        return self.policies[key]

    def plan(self, loop: Any, now: datetime) -> PlannedNudge | None:
        """The loop's next nudge; when planning it fails (a setting no rule foresaw), the loop
        is looked at again later and every other loop, of this workspace or another, goes on."""
        try:
            return self._plan(loop, now)
        except Exception:  # noqa: BLE001 - one workspace's odd data stops no one else's nudges
            log.exception(
                "can't plan loop %s of workspace %s; trying again later",
                loop.id,
                loop.workspace_id,
            )
            return PlannedNudge(now + PLAN_RETRY, OVERDUE, now + PLAN_RETRY)

    def _plan(self, loop: Any, now: datetime) -> PlannedNudge | None:
        facts = LoopFacts(
            state=loop.state,
            created_at=loop.created_at,
            due_at=loop.due_at,
            done_at=loop.done_at,
            snoozed_until=loop.snoozed_until,
            last_nudge_at=loop.last_nudge_at,
            overdue_nudges=loop.overdue_nudges,
            escalation_level=loop.escalation_level,
        )
        return plan(facts, self.zone(loop), self.policy(loop), now)

    def replan(self, loop: Any, now: datetime) -> None:
        planned = self.plan(loop, now)
        loop.next_nudge_at = planned.at if planned else None

    def name(self, workspace_id: int, user: str) -> str:
        found = self.users.get((workspace_id, user))
        return found.name if found and found.name else user

    def dm_channel(self, workspace_id: int, user: str) -> str | None:
        found = self.users.get((workspace_id, user))
        return found.dm_channel if found else None


def replan(uow: UnitOfWork, loop: Loop, now: datetime, default_zone: ZoneInfo) -> None:
    """Set the loop's next nudge time from its state, due date, snooze and nudges so far, in its
    owner's zone and under its workspace's policy."""
    Planner(NudgeRepo.of(uow), default_zone).load([loop]).replan(loop, now)


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
        repo = NudgeRepo.of(uow)
        loops = repo.claim_due_loops(now, until, platforms, limit)
        if not loops:
            return Claimed(0, [])
        planner = Planner(repo, deps.settings.zone, cache).load(loops)
        pending = repo.pending(lp.id for lp in loops)
        held: list[_Held] = []
        new: list[tuple[LoopRow, PlannedNudge]] = []
        for loop in loops:
            _claim(repo, planner, loop, pending.get(loop.id), now, until, held, new)
        opened = repo.open_slots([(lp, p.slot, p.kind, p.slot_time) for lp, p in new], until)
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
        histories = repo.histories(h.loop.id for h in held)
        out = [m for h in held if (m := _message(repo, planner, h, histories, now))]
        sending = {m.loop_id for m in out}
        repo.save_loops([lp for lp in loops if lp.id not in sending])  # re-planned ones
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
    repo: NudgeRepo,
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
            repo.finish([(pending.id, pending.attempts, None, None)], "skipped", now)
            planner.replan(loop, now)
        else:
            attempt = repo.take_over(pending, until)
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
    repo: NudgeRepo,
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
    repo.finish([(held.nudge_id, held.attempt, None, None)], "skipped", now)
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
        repo = NudgeRepo.of(uow)
        given_up = [(item, None) for item, _at, _maybe in failed if item.attempt >= GIVE_UP_AFTER]
        if sent or given_up:
            planner = Planner(repo, deps.settings.zone, cache)
            _record_sent(planner, sent, now)
            _record_sent(planner, given_up, now, status="failed")
        for item, retry_at, maybe_sent in failed:
            if item.attempt >= GIVE_UP_AFTER:
                continue
            if repo.release(item.nudge_id, item.attempt, retry_at, maybe_sent):
                repo.set_next(item.loop_id, retry_at)
        held = repo.mark_sending([(i.nudge_id, i.attempt) for i in sending], now)
        uow.commit()
    return held


def _record_sent(
    planner: Planner,
    sent: Sequence[tuple[Outgoing, MessageRef | None]],
    now: datetime,
    status: str = "sent",
) -> None:
    if not sent:
        return
    repo = planner.repo
    # Write first: on SQLite the transaction then holds the writer lock before it reads.
    ours = repo.finish(
        [
            (item.nudge_id, item.attempt, ref.channel if ref else None, ref.ts if ref else None)
            for item, ref in sent
        ],
        status,
        now,
    )
    loops = repo.lock_loops(item.loop_id for item, _ref in sent)
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
        first_dm = item.kind != ESCALATION and item.thread is None and not loop.nudge_ts
        if ref is not None and first_dm and loop.owner == item.owner:
            loop.nudge_channel, loop.nudge_ts = ref.channel, ref.ts
        if ref is not None and item.to_user and not item.dm_channel and item.platform == "slack":
            dm_channels.append((loop.workspace_id, item.to_user, ref.channel))
        where = f"<@{item.to_user}>" if item.to_user else f"#{item.to_channel}"
        note = f"{KIND_LABEL[item.kind]}, to {where}"
        if status != "sent":
            events.append((loop, "nudge_failed", note + f": gave up after {item.attempt} tries"))
        else:
            kind = "escalated" if item.kind == ESCALATION else "nudged"
            events.append((loop, kind, note + ("" if ref else " (not confirmed)")))
        planner.replan(loop, now)
    repo.add_events(events, ACTOR, now)
    repo.save_loops(list(changed.values()))
    repo.save_dm_channels(dm_channels)


# ---- time zones --------------------------------------------------------------------------


@dataclass(frozen=True)
class ProfileToRefresh:
    workspace_id: int
    platform: str
    workspace: str
    user: str


def stale_profiles(deps: Deps, platforms: Iterable[str], now: datetime) -> list[ProfileToRefresh]:
    """Owners of due loops whose time zone was not read from their profile in the last day."""
    with deps.uow() as uow:
        rows = NudgeRepo.of(uow).stale_owners(now, now - PROFILE_MAX_AGE, platforms)
    return [ProfileToRefresh(*row) for row in rows]


def save_timezones(
    deps: Deps, found: Sequence[tuple[ProfileToRefresh, str | None]], now: datetime
) -> None:
    """Cache the zones read from profiles; None keeps the one we had (or the default)."""
    if not found:
        return
    with deps.uow() as uow:
        NudgeRepo.of(uow).save_timezones(
            [(p.workspace_id, p.user, _valid_zone(tz)) for p, tz in found], now
        )
        uow.commit()


def _valid_zone(tz: str | None) -> str | None:
    if not tz:
        return None
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return tz


# ---- digests ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DigestDue:
    workspace_id: int
    platform: str
    workspace: str
    channel: str
    key: str
    line: str


def claim_digests(deps: Deps, platforms: Iterable[str], now: datetime) -> list[DigestDue]:
    """Workspaces whose digest is due (its schedule passed less than a day ago and it was not
    posted this period), each claimed by its period key so it is posted once."""
    zone = deps.settings.zone
    due = []
    with deps.uow() as uow:
        repo = NudgeRepo.of(uow)
        for workspace in repo.workspaces_on(platforms):
            settings = {**DEFAULTS, **uow.settings.all(workspace.id)}  # type: ignore[arg-type]
            channel = settings.get("digest_channel")
            if not channel:
                continue
            moment = last_digest_time(str(settings.get("digest_schedule") or ""), now, zone)
            if now - moment > DIGEST_GRACE:
                continue
            period = digest_period(moment, zone)
            key = f"digest:{period}"
            if uow.events.first_time(workspace.id, key, now):  # type: ignore[arg-type]
                due.append(
                    DigestDue(
                        workspace.id,
                        workspace.platform,
                        workspace.external_id,  # type: ignore[arg-type]
                        str(channel),
                        key,
                        f"digest {period} to #{channel}",
                    )
                )
        uow.commit()
    return due


def release_digest(deps: Deps, digest: DigestDue) -> None:
    """The digest could not be posted: let a later sweep try again this period."""
    with deps.uow() as uow:
        NudgeRepo.of(uow).forget_key(digest.workspace_id, digest.key)
        uow.commit()
