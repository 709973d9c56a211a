"""One follow-up sweep over 10,000 due loops owned by 500 people, against the fake Slack Web API,
side by side with that API's floor: the same number of bare HTTP calls. Goal: sweep <= 2x floor.

    python -m bench.sweep                      # SQLite file (the default deployment)
    python -m bench.sweep --postgres           # and a local PostgreSQL server too
    python -m bench.sweep --loops 2000 --owners 100 --rounds 1

The fake Web API runs in its own process (so its work does not share our interpreter) and
records every call. A round: reset the loops to due, time one sweep (`bot.wiring.sweeper.sweep` with
SlackDelivery: users.info for each owner's zone, conversations.open per owner, one
chat.postMessage per loop), check that every loop was nudged exactly once (rows and calls), then
replay exactly the requests the sweep made (same methods, bodies and headers, pre-built) with a
bare aiohttp client at the sweep's concurrency: the floor. With 429s, the same share of
chat.postMessage calls is answered 429 (Retry-After: 1) in both: the sweep waits each of those
recipients out and sends again; the floor just makes its calls. Floor and sweep alternate;
the best round of each counts. A third column sends the same number of DMs through
SlackDelivery alone (no database, no sweep): what the platform client costs by itself, so the
sweep's own share is visible. Both use exactly what production builds: `deliveries_for(deps)`
(SlackDelivery with its own HTTP session for the sweep), closed the way `loopkeeper sweep`
closes it. Everything talks to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path

import aiohttp
import sqlalchemy as sa

from bot.core.clock import FixedClock
from bot.wiring.bootstrap import close_deliveries, deliveries_for
from bot.wiring.sweeper import CONCURRENCY, sweep
from handlers.context import Deps
from storage.db import make_engine, upgrade
from storage.models import ChatUser, Customer, Loop, LoopEvent, Nudge, Workspace
from tests.conftest import make_settings

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # a Tuesday noon: working time for every owner
TEAM = "T0001"
TOKEN = "xoxb-bench-token"
GOAL = 2.0


# ---- the fake Web API in its own process -----------------------------------------------------


def _fake_process(conn: Connection) -> None:
    from tests.support.fake_slack import FakeSlack

    fake = FakeSlack(token=TOKEN, team=TEAM).start()
    conn.send(fake.url)
    while True:
        command, *args = conn.recv()
        if command == "stop":
            fake.stop()
            conn.send(None)
            return
        if command == "reset":
            fake.clear()
            fake.messages.clear()
            conn.send(None)
        elif command == "fail":
            fake.fail_next(*args)
            conn.send(None)
        elif command == "counts":
            calls = fake.calls()
            conn.send(
                (
                    Counter(c.method for c in calls),
                    Counter(c.method for c in calls if c.params.get("_failed")),
                )
            )
        elif command == "requests":
            conn.send(
                [
                    (
                        c.method,
                        c.headers.get("Content-Type", ""),
                        c.headers.get("Authorization", ""),
                        c.body,
                    )
                    for c in fake.calls()
                ]
            )


class FakeApi:
    """The fake Slack Web API in a child process, driven through a pipe."""

    def __enter__(self) -> FakeApi:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_fake_process, args=(child,), daemon=True)
        self.process.start()
        self.url: str = self.conn.recv()
        return self

    def ask(self, *command: object) -> object:
        self.conn.send(command)
        return self.conn.recv()

    def __exit__(self, *exc: object) -> None:
        self.ask("stop")
        self.process.join(10)


# ---- the database ----------------------------------------------------------------------------


def seed(url: str, loops: int, owners: int) -> None:
    """One Slack workspace, 50 customers, `owners` people and `loops` open loops."""
    upgrade(url)
    engine = make_engine(url)
    with engine.begin() as db:
        ws = db.execute(
            sa.insert(Workspace)
            .values(
                platform="slack",
                external_id=TEAM,
                name="Bench",
                loop_seq=loops,
                alias_version=0,
                created_at=NOW - timedelta(days=30),
            )
            .returning(Workspace.id)
        ).scalar_one()
        segments = ["enterprise", "midmarket", "smb"]
        db.execute(
            sa.insert(Customer),
            [
                {
                    "workspace_id": ws,
                    "name": f"Customer {i}",
                    "name_key": f"customer {i}",
                    "segment": segments[i % 3],
                    "value": 1000.0 * (50 - i),
                    "owner": None,
                    "status": "active",
                    "created_at": NOW - timedelta(days=30),
                }
                for i in range(50)
            ],
        )
        customer_ids = [row[0] for row in db.execute(sa.select(Customer.id).order_by(Customer.id))]
        db.execute(
            sa.insert(ChatUser),
            [
                {
                    "workspace_id": ws,
                    "external_id": f"U{i:05d}",
                    "name": f"owner{i}",
                    "is_admin": False,
                }
                for i in range(owners)
            ],
        )
        rows = []
        for number in range(1, loops + 1):
            rows.append(
                Loop(
                    workspace_id=ws,
                    number=number,
                    customer_id=customer_ids[number % 50],
                    what=f"follow up on request {number}",
                    owner=f"U{number % owners:05d}",
                    created_by="U00000",
                    created_at=NOW - timedelta(days=6),
                    due_at=NOW - timedelta(days=2, hours=number % 5),
                ).model_dump(exclude={"id"})
            )
        db.execute(sa.insert(Loop), rows)
    engine.dispose()


def reset(url: str) -> None:
    """Every loop due again, as if never nudged; owners' profiles and DMs not read or opened yet."""
    engine = make_engine(url)
    with engine.begin() as db:
        db.execute(sa.delete(Nudge))
        db.execute(sa.delete(LoopEvent))
        db.execute(
            sa.update(Loop).values(
                next_nudge_at=NOW - timedelta(hours=1),
                last_nudge_at=None,
                overdue_nudges=0,
                escalation_level=0,
                nudge_channel=None,
                nudge_ts=None,
                state="open",
            )
        )
        db.execute(sa.update(ChatUser).values(profile_fetched_at=None, tz=None, dm_channel=None))
    engine.dispose()


def nudged(url: str) -> tuple[int, int]:
    """(slots sent, loops with exactly one slot sent)."""
    engine = make_engine(url)
    with engine.connect() as db:
        sent = db.execute(
            sa.select(sa.func.count()).select_from(Nudge).where(Nudge.status == "sent")
        ).scalar_one()
        once = db.execute(
            sa.select(sa.func.count()).select_from(
                sa.select(Nudge.loop_id)
                .where(Nudge.status == "sent")
                .group_by(Nudge.loop_id)
                .having(sa.func.count() == 1)
                .subquery()
            )
        ).scalar_one()
    engine.dispose()
    return sent, once


# ---- one round of each -------------------------------------------------------------------


@dataclass
class Round:
    seconds: float
    calls: int
    rate_limited: int
    ok: bool
    client_only: float = 0.0  # SlackDelivery alone, same number of DMs, no database


async def _sweep(url: str, api_url: str) -> float:
    settings = make_settings(url, SLACK_BOT_TOKEN=TOKEN, SLACK_API_URL=api_url)
    deps = Deps(make_engine(url), settings, FixedClock(NOW))
    deliveries = {"slack": deliveries_for(deps)["slack"]}  # what `loopkeeper sweep` builds
    started = time.perf_counter()
    try:
        lines = await sweep(deps, deliveries)
    finally:
        await close_deliveries(deliveries.values())
    seconds = time.perf_counter() - started
    deps.engine.dispose()
    assert len(lines) > 0
    return seconds


def run_sweep(url: str, api: FakeApi, loops: int, limited: int) -> Round:
    reset(url)
    api.ask("reset")
    if limited:
        api.ask("fail", "chat.postMessage", 429, 1, limited)
    seconds = asyncio.run(_sweep(url, api.url))
    counts, failed = api.ask("counts")  # type: ignore[misc]
    sent, once = nudged(url)
    posts_ok = counts["chat.postMessage"] - failed["chat.postMessage"]
    ok = sent == loops and once == loops and posts_ok == loops
    return Round(seconds, sum(counts.values()), sum(failed.values()), ok)


async def _delivery_alone(api_url: str, loops: int, owners: int) -> float:
    """The same number of DMs through SlackDelivery with no database and no sweep: what the
    platform client costs by itself."""
    from bot.core.replies import Button, Field, Reply, Section

    settings = make_settings("sqlite://", SLACK_BOT_TOKEN=TOKEN, SLACK_API_URL=api_url)
    delivery = deliveries_for(Deps(None, settings, FixedClock(NOW)))["slack"]  # type: ignore[arg-type]
    buttons = [
        Button(label, action, "12")
        for label, action in (
            ("Done", "done"),
            ("Customer told", "told"),
            ("Snooze", "snooze"),
            ("Reassign", "reassign"),
            ("Add update", "update"),
        )
    ]
    reply = Reply(
        "⚠️ #12 for Customer 3 is overdue by 2 days.",
        ephemeral=False,
        sections=[
            Section(
                "#12 Customer 3 — follow up on request 12",
                [
                    Field("Owner", "<@U00012>"),
                    Field("Due", "Sun 22 Nov 17:00 (UTC) — OVERDUE"),
                    Field("State", "overdue"),
                    Field("Age", "opened 6 days ago"),
                    Field("History", "no updates yet"),
                ],
                buttons,
            )
        ],
    )
    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(index: int) -> None:
        async with gate:
            await delivery.send_dm(TEAM, f"U{index % owners:05d}", reply)

    started = time.perf_counter()
    try:
        await asyncio.gather(*(one(i) for i in range(loops)))
    finally:
        await close_deliveries([delivery])
    return time.perf_counter() - started


async def _replay(
    api_url: str, requests: list[tuple[str, str, str, bytes]], concurrency: int
) -> float:
    base = api_url.rstrip("/") + "/"
    queue = list(reversed(requests))
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:

        async def worker() -> None:
            while queue:
                method, kind, auth, body = queue.pop()
                headers = {"Content-Type": kind, "Authorization": auth}
                async with session.post(base + method, data=body, headers=headers) as answer:
                    await answer.read()

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return time.perf_counter() - started


def run_floor(api: FakeApi, requests: list[tuple[str, str, str, bytes]], limited: int) -> Round:
    api.ask("reset")
    if limited:
        api.ask("fail", "chat.postMessage", 429, 1, limited)
    seconds = asyncio.run(_replay(api.url, requests, CONCURRENCY))
    counts, failed = api.ask("counts")  # type: ignore[misc]
    return Round(
        seconds, sum(counts.values()), sum(failed.values()), sum(counts.values()) == len(requests)
    )


# ---- the table -------------------------------------------------------------------------------


def scenario(
    name: str, url: str, api: FakeApi, args: argparse.Namespace, limited: int
) -> tuple[str, Round, Round]:
    """Alternating rounds (sweep, floor, client alone); the best of each."""
    sweeps, floors, alone = [], [], []
    for _ in range(args.rounds):
        ours = run_sweep(url, api, args.loops, limited)
        requests = api.ask("requests")
        floors.append(run_floor(api, requests, limited))  # type: ignore[arg-type]
        sweeps.append(ours)
        api.ask("reset")
        alone.append(asyncio.run(_delivery_alone(api.url, args.loops, args.owners)))
    ok = [r for r in sweeps if r.ok]
    best = min(ok or sweeps, key=lambda r: r.seconds)
    best.ok = len(ok) == len(sweeps)
    best.client_only = min(alone)
    return name, best, min(floors, key=lambda r: r.seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.sweep", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--loops", type=int, default=10_000)
    parser.add_argument("--owners", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds; best counts")
    parser.add_argument(
        "--limited",
        type=float,
        default=0.01,
        help="share of chat.postMessage answered 429 in the 429 rows",
    )
    parser.add_argument("--postgres", action="store_true", help="also on a local PostgreSQL")
    args = parser.parse_args(argv)

    databases: list[tuple[str, str]] = []
    folder = Path(tempfile.mkdtemp(prefix="lk-bench-sweep-"))
    databases.append(("SQLite", f"sqlite:///{folder / 'bench.db'}"))
    server = None
    if args.postgres:
        from tests.support.postgres import LocalPostgres, wait_for

        server = LocalPostgres()
        admin = server.start()
        wait_for(admin)
        engine = make_engine(admin, isolation_level="AUTOCOMMIT")
        with engine.connect() as db:
            db.execute(sa.text("CREATE DATABASE lk_bench_sweep"))
        engine.dispose()
        databases.append(("PostgreSQL", admin.rsplit("/", 1)[0] + "/lk_bench_sweep"))
    limited = max(1, int(args.loops * args.limited))
    print(
        f"One sweep: {args.loops:,} due loops, {args.owners} owners; floor = the same calls "
        f"replayed bare (aiohttp, keep-alive, {CONCURRENCY} at a time). Best of "
        f"{args.rounds} alternating rounds.\n",
        flush=True,
    )
    results = []
    try:
        with FakeApi() as api:
            for label, url in databases:
                seed(url, args.loops, args.owners)
                for name, share in (("no 429", 0), (f"{limited} × 429", limited)):
                    results.append((label, *scenario(name, url, api, args, share)))
                    print_row(*results[-1])
    finally:
        if server is not None:
            server.cleanup()

    def worst(rows: list, attr: str = "seconds") -> float:  # noqa: ANN001
        return max(getattr(ours, attr) / floor.seconds for *_x, ours, floor in rows)

    all_ok = all(ours.ok and floor.ok for *_x, ours, floor in results)
    verdict = "OK" if worst(results) <= GOAL and all_ok else "MISSED"
    print(
        f"\nsweep: {worst(results):.2f}x the floor at worst, as deliveries_for builds it "
        f"(SlackDelivery alone: {worst(results, 'client_only'):.2f}x); goal <= {GOAL:.0f}x; "
        f"every loop nudged exactly once: {'yes' if all_ok else 'NO'} — {verdict}"
    )
    return 0 if verdict == "OK" else 1


_HEADER_PRINTED = False


def print_row(database: str, name: str, ours: Round, floor: Round) -> None:
    global _HEADER_PRINTED
    if not _HEADER_PRINTED:
        print(
            "| database | answers | calls | floor s | SlackDelivery alone s "
            "| sweep s | sweep calls/s | sweep ÷ floor | sweep ÷ SlackDelivery alone "
            "| exactly once |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        _HEADER_PRINTED = True
    print(
        f"| {database} | {name} | {ours.calls:,} | {floor.seconds:.2f} | "
        f"{ours.client_only:.2f} | {ours.seconds:.2f} | {ours.calls / ours.seconds:,.0f} | "
        f"{ours.seconds / floor.seconds:.2f}x | {ours.seconds / ours.client_only:.2f}x | "
        f"{'yes' if ours.ok else 'NO'} |",
        flush=True,
    )


if __name__ == "__main__":
    raise SystemExit(main())
