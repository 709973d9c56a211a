"""The sweep: send every nudge, escalation and digest that is due, once, to many people at once.

The database says what is due (handlers.sweep claims it under a lease); this module only
moves messages. Messages to one recipient go one at a time, in order, so one DM channel never
gets a burst from us in parallel; up to CONCURRENCY platform calls are in flight at once. A 429
makes that recipient wait out its Retry-After (or, past LONGEST_WAIT, retry at a later sweep)
while the others go on; a failing send never blocks anyone else.

Exactly once: right before a message is sent its slot is marked `sending` (in a batch with
others, one transaction); after it, `sent`. A sweeper killed in between leaves `sending` rows;
once their lease is over the next sweep resumes them and, when the platform can say whether a
message with the slot's key went out (`SentLookup`), sends only the ones that did not. A
platform that cannot say keeps the product's promise of at most once.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

from bot.core.policy import ESCALATION
from bot.core.ports import Delivery, MessageRef, RateLimited, SentLookup
from bot.wiring.bootstrap import close_deliveries, deliveries_for
from handlers import digest as digests
from handlers import people
from handlers import sweep as steps  # claim and settle: the storage side of a sweep
from handlers.digest import DigestDue
from handlers.nudges import BRIEF_LOOPS
from handlers.nudges import brief as brief_of
from handlers.people import ProfileToRefresh
from handlers.planning import PlanCache
from handlers.sweep import Outgoing

if TYPE_CHECKING:
    from handlers.context import Deps

log = logging.getLogger(__name__)
T = TypeVar("T")

LEASE = timedelta(minutes=5)  # a claimed slot is ours this long; then anyone may resume it
BATCH = 500  # loops claimed per transaction
CONCURRENCY = 64  # calls to a platform at once (each recipient: one at a time)
LONGEST_WAIT = 30.0  # a 429 asking for a longer wait is retried at a later sweep
MOST_RATE_LIMITS = 5  # 429s for one recipient in a sweep before leaving it to a later sweep
RETRY_AFTER_ERROR = timedelta(minutes=5)
MAX_ROUNDS = 1000  # claims per sweep (each round claims up to BATCH loops)
# Due slots claimed before briefs go out; the rest wait for the next round of the same sweep.
MOST_AT_ONCE = 50_000


def sweep_once(deps: Deps) -> list[str]:
    """One sweep now, with every platform this install can reach (for `loopkeeper sweep`)."""

    async def run() -> list[str]:
        deliveries = deliveries_for(deps)
        try:
            return await sweep(deps, deliveries)
        finally:
            await close_deliveries(deliveries.values())

    return asyncio.run(run())


async def sweep(deps: Deps, deliveries: dict[str, Delivery]) -> list[str]:
    """Send what is due and return one line per message sent, e.g.
    `nudge #3 to @alice (overdue, ACME: ship SSO)`."""
    platforms = sorted(deliveries)
    await _refresh_timezones(deps, deliveries, platforms)
    lines = await _Nudger(deps, deliveries).run(platforms)
    lines += await _post_digests(deps, deliveries, platforms)
    return lines


# ---- time zones ------------------------------------------------------------------------------


async def _refresh_timezones(
    deps: Deps, deliveries: dict[str, Delivery], platforms: list[str]
) -> None:
    """Read owners' zones from their profiles (cached a day) before planning their nudges."""
    now = deps.clock.now()
    stale = await asyncio.to_thread(people.stale_profiles, deps, platforms, now)
    if not stale:
        return
    gate = asyncio.Semaphore(CONCURRENCY)

    async def ask(profile: ProfileToRefresh) -> tuple[ProfileToRefresh, str | None] | None:
        async with gate:
            try:
                zone = await deliveries[profile.platform].user_timezone(
                    profile.workspace, profile.user
                )
            except Exception as exc:  # noqa: BLE001 - a profile we can't read keeps the default
                log.warning("can't read the time zone of %s: %s", profile.user, exc)
                return None
            return profile, zone

    found = [row for row in await asyncio.gather(*(ask(p) for p in stale)) if row]
    await asyncio.to_thread(people.save_timezones, deps, found, deps.clock.now())


# ---- nudges ----------------------------------------------------------------------------------


@dataclass
class _Recipient:
    """One person or channel: their messages go in order, and their 429s are theirs alone."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    not_before: float = 0.0  # event-loop time before which nothing is sent to them
    rate_limits: int = 0
    retry_at: datetime | None = None  # set when this sweep gave up on them


class _Database:
    """The sweep's database work on one thread of its own: claims and records queue up in the
    process instead of contending for SQLite's single writer lock (which waits by sleeping)."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sweep-db")

    async def run(self, work: Callable[..., T], *args: object, **kwargs: object) -> T:
        return await asyncio.get_running_loop().run_in_executor(
            self.pool, functools.partial(work, *args, **kwargs)
        )

    def close(self) -> None:
        self.pool.shutdown(wait=False)


@dataclass
class _Brief:
    """Nudges of this sweep for one recipient, sent as one message (at most BRIEF_LOOPS)."""

    items: list[Outgoing]

    @property
    def first(self) -> Outgoing:
        return self.items[0]

    @property
    def escalation(self) -> bool:
        return self.first.kind == ESCALATION


def _briefs(items: list[Outgoing]) -> list[_Brief]:
    """One brief per recipient: an owner's nudges together, a channel's (or an account
    owner's) escalations together, split into messages of at most BRIEF_LOOPS loops."""
    by_recipient: dict[tuple[tuple[str, str, str], bool], list[Outgoing]] = {}
    for item in sorted(items, key=lambda i: (i.kind != ESCALATION, i.slot_time, i.number)):
        by_recipient.setdefault((item.recipient, item.kind == ESCALATION), []).append(item)
    return [
        _Brief(group[start : start + BRIEF_LOOPS])
        for group in by_recipient.values()
        for start in range(0, len(group), BRIEF_LOOPS)
    ]


class _Nudger:
    def __init__(self, deps: Deps, deliveries: dict[str, Delivery]) -> None:
        self.deps = deps
        self.deliveries = deliveries
        self.cache = PlanCache()  # facts read once per sweep, not once per batch
        self.db = _Database()
        self.ledger = _Ledger(deps, self.cache, self.db)
        self.gate = asyncio.Semaphore(CONCURRENCY)
        self.recipients: dict[tuple[str, str, str], _Recipient] = {}

    async def run(self, platforms: list[str]) -> list[str]:
        """Claim everything due (so each person's nudges can go in one brief), send the
        briefs, record the outcomes; again while what was sent makes more due (an escalation
        right after an overdue nudge)."""
        lines: list[str] = []
        recorded = 0
        try:
            for _ in range(MAX_ROUNDS):
                due: list[Outgoing] = []
                while len(due) < MOST_AT_ONCE:
                    claimed = await self.db.run(
                        steps.claim_due,
                        self.deps,
                        platforms,
                        self.deps.clock.now(),
                        LEASE,
                        BATCH,
                        self.cache,
                    )
                    due += claimed.messages
                    if not claimed.loops:
                        break
                for sent in await asyncio.gather(*(self._deliver(b) for b in _briefs(due))):
                    lines += sent
                await self.ledger.flush()
                if self.ledger.recorded == recorded:
                    break
                recorded = self.ledger.recorded
        finally:
            await self.ledger.flush()
            self.db.close()
        return lines

    async def _deliver(self, brief: _Brief) -> list[str]:
        recipient = self.recipients.setdefault(brief.first.recipient, _Recipient())
        async with recipient.lock:
            while True:
                if recipient.retry_at is not None:
                    for item in brief.items:
                        self.ledger.failed(item, recipient.retry_at, item.uncertain)
                    return []
                wait = recipient.not_before - asyncio.get_running_loop().time()
                if wait > 0:
                    await asyncio.sleep(wait)
                try:
                    return await self._send(brief)
                except RateLimited as exc:
                    self._slow_down(recipient, exc.retry_after)
                except Exception as exc:  # noqa: BLE001 - one failing send blocks no one
                    log.warning("%s failed: %s", brief.first.ids, exc)
                    for item in brief.items:
                        retry = self.deps.clock.now() + RETRY_AFTER_ERROR * item.attempt
                        self.ledger.failed(item, retry, self._can_look(item))
                    return []

    def _slow_down(self, recipient: _Recipient, seconds: float) -> None:
        recipient.rate_limits += 1
        if seconds > LONGEST_WAIT or recipient.rate_limits > MOST_RATE_LIMITS:
            recipient.retry_at = self.deps.clock.now() + timedelta(seconds=max(seconds, 1.0))
        else:
            recipient.not_before = asyncio.get_running_loop().time() + seconds

    def _can_look(self, item: Outgoing) -> bool:
        return isinstance(self.deliveries[item.platform], SentLookup)

    async def _send(self, brief: _Brief) -> list[str]:
        held = await asyncio.gather(*(self.ledger.hold(item) for item in brief.items))
        # Only slots still ours go out (a lease that ran out was taken over by someone else).
        items = [item for item, ours in zip(brief.items, held, strict=True) if ours]
        if not items:
            return []
        first = items[0]
        delivery = self.deliveries[first.platform]
        remember = getattr(delivery, "remember_dm_channel", None)
        if first.to_user and first.dm_channel and remember is not None:
            remember(first.to_user, first.dm_channel)  # opened by an earlier sweep: not again
        async with self.gate:  # only calls to the platform count against the concurrency
            items = [item for item in items if not await self._went_out(delivery, item)]
            if not items:
                return []
            alone = len(items) == 1
            reply = brief_of([i.reply for i in items], brief.escalation)
            thread = items[0].thread if alone else None
            if first.to_user:
                ref = await delivery.send_dm(first.workspace, first.to_user, reply, thread)
            else:
                ref = await delivery.post(first.workspace, first.to_channel or "", reply, thread)
        for item in items:
            item.grouped = not alone
            self.ledger.sent(item, ref)
        return [item.line for item in items]

    async def _went_out(self, delivery: Delivery, item: Outgoing) -> bool:
        """For a slot an interrupted sweep may have sent: whether it went out (then it is
        recorded as sent, not sent again). A platform that can't say: at most once."""
        if not item.uncertain:
            return False
        if not isinstance(delivery, SentLookup):
            log.warning("%s may have gone out before an interruption: not sent again", item.ids)
            self.ledger.sent(item, None)
            return True
        found = await delivery.find_sent(
            item.workspace,
            item.reply.key or "",
            user=item.to_user,
            channel=item.to_channel,
            thread=item.thread,
            since=item.slot_time,
        )
        if found is not None:
            self.ledger.sent(item, found)
            return True
        return False


class _Ledger:
    """Writes the sweep's outcomes in batches: whatever piles up while one transaction runs goes
    into the next (group commit), so ten thousand nudges are not ten thousand commits."""

    def __init__(self, deps: Deps, cache: PlanCache, db: _Database) -> None:
        self.deps = deps
        self.cache = cache
        self.db = db
        self._sending: list[tuple[Outgoing, asyncio.Future[bool]]] = []
        self._sent: list[tuple[Outgoing, MessageRef | None]] = []
        self._failed: list[tuple[Outgoing, datetime, bool]] = []
        self._writer: asyncio.Task[None] | None = None
        self.recorded = 0  # outcomes written so far

    async def hold(self, item: Outgoing) -> bool:
        """Mark the slot as being sent; False when it is no longer ours."""
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._sending.append((item, future))
        self._wake()
        return await future

    def sent(self, item: Outgoing, ref: MessageRef | None) -> None:
        self._sent.append((item, ref))
        self._wake()

    def failed(self, item: Outgoing, retry_at: datetime, maybe_sent: bool) -> None:
        self._failed.append((item, retry_at, maybe_sent))
        self._wake()

    async def flush(self) -> None:
        while self._writer is not None and not self._writer.done():
            await self._writer
        if self._sending or self._sent or self._failed:
            self._wake()
            await self.flush()

    def _wake(self) -> None:
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write())

    async def _write(self) -> None:
        while self._sending or self._sent or self._failed:
            sending, self._sending = self._sending, []
            sent, self._sent = self._sent, []
            failed, self._failed = self._failed, []
            try:
                held = await self.db.run(
                    steps.settle,
                    self.deps,
                    self.deps.clock.now(),
                    sending=[item for item, _f in sending],
                    sent=sent,
                    failed=failed,
                    cache=self.cache,
                )
            except Exception:  # noqa: BLE001 - the leases run out and a later sweep resumes
                log.exception("can't record %d nudge outcomes", len(sending) + len(sent))
                held = set()
            else:
                self.recorded += len(sent) + len(failed)
            for item, future in sending:
                if not future.done():
                    future.set_result(item.nudge_id in held)


# ---- digests ---------------------------------------------------------------------------------


async def _post_digests(
    deps: Deps, deliveries: dict[str, Delivery], platforms: Iterable[str]
) -> list[str]:
    """The weekly digest to each workspace's digest channel, once per period."""
    now = deps.clock.now()
    due = await asyncio.to_thread(digests.claim_digests, deps, list(platforms), now)
    lines = []
    for digest in due:
        try:
            await _post_digest(
                deps, deliveries[digest.platform], digest, digests.weekly_digest, now
            )
        except Exception as exc:  # noqa: BLE001 - try again at the next sweep
            log.warning("%s failed: %s", digest.line, exc)
            await asyncio.to_thread(digests.release_digest, deps, digest)
            continue
        lines.append(digest.line)
    return lines


async def _post_digest(
    deps: Deps,
    delivery: Delivery,
    digest: DigestDue,
    build,
    now: datetime,  # noqa: ANN001
) -> None:
    reply = await asyncio.to_thread(build, deps, digest.workspace_id, now)
    reply.ephemeral = False
    ref = await delivery.post(digest.workspace, digest.channel, reply)
    for attachment in reply.attachments:
        await delivery.upload(
            digest.workspace,
            digest.channel,
            attachment.filename,
            attachment.content,
            attachment.title,
            thread=ref,
        )
