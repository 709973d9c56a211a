"""`loopkeeper sweep` over 10,000 due loops owned by 500 people, against the fake Slack Web API,
side by side with the floor of posting one message per loop. Goal: sweep <= 1x floor.

    python -m bench.sweep                      # SQLite file (the default deployment)
    python -m bench.sweep --postgres           # and a local PostgreSQL server too
    python -m bench.sweep --loops 2000 --owners 100 --rounds 1

The fake Web API runs in its own process (so its work does not share our interpreter) and
records every call. A round: reset the loops to due, time `loopkeeper sweep` as a whole process
(start-up, the migrations check, profile reads, the sweep: each owner's due nudges in one brief),
check that every loop went out in exactly one brief (the database's slots and the keys the posts
carried) and that a second sweep sends nothing; then the floor: one bare chat.postMessage per
loop (a typical nudge DM, bodies built before the clock) from one aiohttp client at the sweep's
concurrency. Floor and sweep alternate; the best round of each counts. Beside them: how many
briefs went out, and the sweep's own database time per 1,000 loops (one in-process sweep whose
platform answers at once: claim and record). Everything talks to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import subprocess
import sys
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
from bot.wiring.sweeper import CONCURRENCY, sweep
from handlers.context import Deps
from storage.db import make_engine, upgrade
from storage.models import ChatUser, Customer, Loop, LoopEvent, Nudge, Workspace
from tests.conftest import make_settings

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # a Tuesday noon: working time for every owner
TEAM = "T0001"
TOKEN = "xoxb-bench-token"
GOAL = 1.0


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
    ok: bool
    briefs: int = 0  # chat.postMessage calls the sweep made (one brief per owner and message)
    database: float = 0.0  # the sweep's own database time (claim and record), no platform


def _process_env(url: str, api_url: str) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_"))}
    env.update(DATABASE_URL=url, SLACK_BOT_TOKEN=TOKEN, SLACK_API_URL=api_url, LOG_LEVEL="WARNING")
    return env


def _loopkeeper_sweep(url: str, api_url: str) -> tuple[float, int]:
    """`loopkeeper sweep` as a whole process (start-up, migrations check, profile reads, the
    sweep, closing): its seconds and how many lines it printed."""
    done_at = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bot", "sweep", "--at", NOW.isoformat()],
        env=_process_env(url, api_url),
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - done_at
    if done.returncode != 0:
        raise SystemExit(f"loopkeeper sweep failed: {done.stderr[-2000:]}")
    lines = [line for line in done.stdout.splitlines() if line != "Nothing due."]
    return seconds, len(lines)


def _keys(requests: list[tuple[str, str, str, bytes]]) -> Counter:
    """Every nudge key the sweep's posts carried (a brief carries one per loop)."""
    keys: Counter = Counter()
    for method, _kind, _auth, body in requests:
        if method == "chat.postMessage":
            payload = json.loads(body).get("metadata", {}).get("event_payload", {})
            keys.update(str(payload.get("key", "")).split())
    return keys


def run_sweep(url: str, api: FakeApi, loops: int) -> Round:
    reset(url)
    api.ask("reset")
    seconds, printed = _loopkeeper_sweep(url, api.url)
    counts, failed = api.ask("counts")  # type: ignore[misc]
    keys = _keys(api.ask("requests"))  # type: ignore[arg-type]
    sent, once = nudged(url)
    again_seconds, again = _loopkeeper_sweep(url, api.url)  # a second sweep sends nothing
    counts_after, _f = api.ask("counts")  # type: ignore[misc]
    ok = (
        sent == loops
        and once == loops
        and printed == loops
        and len(keys) == loops
        and set(keys.values()) == {1}
        and again == 0
        and counts_after["chat.postMessage"] == counts["chat.postMessage"]
    )
    posts = counts["chat.postMessage"] - failed["chat.postMessage"]
    return Round(seconds, sum(counts.values()), ok, briefs=posts)


class _Instant:
    """A delivery that answers at once: what is left of a sweep is its database work."""

    platform = "slack"

    def __init__(self) -> None:
        self.sent = 0

    async def send_dm(self, workspace, user, reply, thread=None):  # noqa: ANN001, ANN201
        from bot.core.ports import MessageRef

        self.sent += 1
        return MessageRef(f"D{user}", f"{self.sent}.000000")

    post = send_dm

    async def user_timezone(self, workspace: str, user: str) -> None:
        return None


def database_only(url: str) -> float:
    """Seconds of one in-process sweep whose platform answers at once (claim and record)."""
    reset(url)
    settings = make_settings(url, SLACK_BOT_TOKEN=TOKEN)
    deps = Deps(make_engine(url), settings, FixedClock(NOW))
    started = time.perf_counter()
    asyncio.run(sweep(deps, {"slack": _Instant()}))  # type: ignore[dict-item]
    seconds = time.perf_counter() - started
    deps.engine.dispose()
    return seconds


def _floor_requests(loops: int, owners: int) -> list[tuple[str, bytes]]:
    """One bare chat.postMessage per loop: a typical nudge DM, bodies made before the clock."""
    from bot.core.replies import Button, Field, Reply, Section
    from bot.platforms.slack.blocks import fallback, reply_blocks

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
    blocks, text = reply_blocks(reply), fallback(reply)
    return [
        (
            "chat.postMessage",
            json.dumps({"channel": f"DU{i % owners:05d}", "text": text, "blocks": blocks}).encode(),
        )
        for i in range(loops)
    ]


async def _replay(api_url: str, requests: list[tuple[str, bytes]], concurrency: int) -> float:
    base = api_url.rstrip("/") + "/"
    queue = list(reversed(requests))
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "Authorization": f"Bearer {TOKEN}",
    }
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:

        async def worker() -> None:
            while queue:
                method, body = queue.pop()
                async with session.post(base + method, data=body, headers=headers) as answer:
                    await answer.read()

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return time.perf_counter() - started


def run_floor(api: FakeApi, requests: list[tuple[str, bytes]]) -> Round:
    api.ask("reset")
    seconds = asyncio.run(_replay(api.url, requests, CONCURRENCY))
    counts, failed = api.ask("counts")  # type: ignore[misc]
    ok = counts["chat.postMessage"] == len(requests) and not sum(failed.values())
    return Round(seconds, sum(counts.values()), ok)


# ---- the table -------------------------------------------------------------------------------


def scenario(url: str, api: FakeApi, args: argparse.Namespace) -> tuple[Round, Round]:
    """Alternating rounds (sweep process, floor); the best of each."""
    sweeps, floors = [], []
    requests = _floor_requests(args.loops, args.owners)
    for _ in range(args.rounds):
        sweeps.append(run_sweep(url, api, args.loops))
        floors.append(run_floor(api, requests))
    ok = [r for r in sweeps if r.ok]
    best = min(ok or sweeps, key=lambda r: r.seconds)
    best.ok = len(ok) == len(sweeps) and all(f.ok for f in floors)
    best.database = database_only(url)
    return best, min(floors, key=lambda r: r.seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.sweep", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--loops", type=int, default=10_000)
    parser.add_argument("--owners", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds; best counts")
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
    print(
        f"`loopkeeper sweep` as a whole process: {args.loops:,} due loops, {args.owners} owners; "
        f"floor = {args.loops:,} bare chat.postMessage calls, one per loop (aiohttp, keep-alive, "
        f"{CONCURRENCY} at a time, bodies made before the clock). Best of {args.rounds} "
        "alternating rounds.\n",
        flush=True,
    )
    results = []
    try:
        with FakeApi() as api:
            for label, url in databases:
                seed(url, args.loops, args.owners)
                results.append((label, *scenario(url, api, args)))
                print_row(*results[-1], args.loops)
    finally:
        if server is not None:
            server.cleanup()

    worst = max(ours.seconds / floor.seconds for _label, ours, floor in results)
    all_ok = all(ours.ok for _label, ours, _floor in results)
    verdict = "OK" if worst <= GOAL and all_ok else "MISSED"
    print(
        f"\nsweep: {worst:.2f}x the floor at worst (goal <= {GOAL:.1f}x); every loop in exactly "
        f"one brief and a second sweep sends nothing: {'yes' if all_ok else 'NO'} — {verdict}"
    )
    return 0 if verdict == "OK" else 1


_HEADER_PRINTED = False


def print_row(database: str, ours: Round, floor: Round, loops: int) -> None:
    global _HEADER_PRINTED
    if not _HEADER_PRINTED:
        print(
            "| database | floor s | sweep process s | sweep ÷ floor | briefs sent "
            "| database s per 1,000 loops | calls | exactly once |"
        )
        print("|---|---|---|---|---|---|---|---|")
        _HEADER_PRINTED = True
    print(
        f"| {database} | {floor.seconds:.2f} | {ours.seconds:.2f} | "
        f"{ours.seconds / floor.seconds:.2f}x | {ours.briefs:,} | "
        f"{ours.database / loops * 1000:.3f} | {ours.calls:,} | {'yes' if ours.ok else 'NO'} |",
        flush=True,
    )


if __name__ == "__main__":
    raise SystemExit(main())
