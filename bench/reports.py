"""Report benchmark: every report over 1,000,000 feedback rows, 200,000 loops and 10,000
customers, on SQLite and on PostgreSQL, against a budget of 300 ms (a person waits in chat;
the review's private page 500 ms).

    python -m bench.reports [--rounds 5] [--only sqlite|postgres] [--reseed] [--exports]

The SQLite database is kept in bench/out/ and reused while its seed version matches;
PostgreSQL is TEST_POSTGRES_URL's server (a database `lk_bench_reports` on it, reused too) or
a throwaway server started here. Each case runs once to warm up, then `--rounds` times; the
table shows the median and the slowest round. Ends with one line: the report furthest from its
budget, OK or MISSED.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from bench.seed import NOW, SEED_VERSION, WORKSPACE, seed
from bot.core.clock import FixedClock
from bot.platforms import review_page
from bot.settings import load_settings
from handlers import commands, digest, reports, reviews
from handlers.context import Caller, Deps
from storage.db import make_engine, upgrade

BUDGET_MS = 300.0
PAGE_BUDGET_MS = 500.0  # the review's page, opened from a link
OUT = Path(__file__).resolve().parent / "out"
REPORTS = ("weekly", "owners", "customers", "segments", "quiet", "health", "response", "csat")
Case = tuple[str, Callable[[], object], float | None]  # name, what to run, its budget in ms


def seeded(url: str) -> bool:
    """Whether `url` already holds this seed version's data."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            found = conn.execute(
                sa.text("SELECT value FROM workspace_setting WHERE key = 'bench_seed'")
            ).scalar()
    except sa.exc.DBAPIError:
        found = None
    finally:
        engine.dispose()
    return found == f'"{SEED_VERSION}"'


def sqlite_database(reseed: bool) -> str:
    OUT.mkdir(exist_ok=True)
    path = OUT / "reports-sqlite.db"
    url = f"sqlite:///{path}"
    if reseed or not path.exists() or not seeded(url):
        for stale in OUT.glob("reports-sqlite.db*"):
            stale.unlink()
        print(f"seeding SQLite {path} …", flush=True)
        print("  " + _said(seed(url)), flush=True)
    upgrade(url)  # a reused database gets the migrations (indexes) added since it was seeded
    return url


def postgres_database(reseed: bool) -> tuple[str, object | None]:
    """(URL of a seeded database, the server started here or None)."""
    from tests.support.postgres import LocalPostgres, wait_for

    server = None
    admin = os.environ.get("TEST_POSTGRES_URL")
    if not admin:
        server = LocalPostgres()
        admin = server.start()
    wait_for(admin)
    url = admin.rsplit("/", 1)[0] + "/lk_bench_reports"
    if reseed or server is not None or not seeded(url):
        engine = make_engine(admin, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(sa.text("DROP DATABASE IF EXISTS lk_bench_reports"))
            conn.execute(sa.text("CREATE DATABASE lk_bench_reports"))
        engine.dispose()
        print("seeding PostgreSQL …", flush=True)
        print("  " + _said(seed(url)), flush=True)
    upgrade(url)
    return url, server


def _said(timings: dict[str, float]) -> str:
    return ", ".join(f"{step} {seconds:.1f} s" for step, seconds in timings.items())


def cases(deps: Deps, workspace_id: int, exports: bool) -> list[Case]:
    caller = Caller(platform="slack", workspace=WORKSPACE, user="U0001", user_name="Person 1")

    def chat(text: str) -> Callable[[], object]:
        def run() -> object:
            reply = commands.run(deps, caller, text)
            assert not reply.error, reply.text
            return reply

        return run

    found: list[Case] = [
        (f"/loop report {kind}", chat(f"report {kind}"), BUDGET_MS) for kind in REPORTS
    ]
    found += [
        (
            f"loopkeeper report {kind}",
            lambda k=kind: reports.table_for_cli(deps, k, WORKSPACE),
            BUDGET_MS,
        )
        for kind in REPORTS
    ]
    found += [
        (
            "/loop customer (the biggest customer's timeline)",
            chat("customer Customer 00001"),
            BUDGET_MS,
        ),
        ("/loop customer … page 40", chat("customer Customer 00001 page 40"), BUDGET_MS),
        ("/loop report loops (30 days, first rows)", chat("report loops"), BUDGET_MS),
        ("/loop report feedback (30 days, first rows)", chat("report feedback"), BUDGET_MS),
        ("/loop report loops csv (30 days, every row)", chat("report loops csv"), None),
        ("/loop report feedback csv (30 days, every row)", chat("report feedback csv"), None),
        (
            "/loop review (the biggest customer, this quarter)",
            chat("review Customer 00001"),
            BUDGET_MS,
        ),
        (
            "loopkeeper review --format json (the biggest customer)",
            lambda: reviews.review_for_cli(deps, "Customer 00001", None, WORKSPACE),
            BUDGET_MS,
        ),
        (
            "review page HTML (the biggest customer)",
            lambda: review_page.html(
                reviews.review_for_cli(deps, "Customer 00001", None, WORKSPACE)
            ),
            PAGE_BUDGET_MS,
        ),
        (
            "weekly digest with its chart",
            lambda: digest.weekly_digest(deps, workspace_id, NOW),
            None,
        ),
    ]
    if exports:
        found += [
            (
                f"loopkeeper report {kind} (every row)",
                lambda k=kind: reports.table_for_cli(deps, k, WORKSPACE),
                None,
            )
            for kind in ("loops", "feedback")
        ]
    return found


def warm_then_time(run: Callable[[], object], rounds: int, label: str) -> tuple[float, float]:
    """`run` once to warm up (imports, plans, caches), then `rounds` times; prints `label`
    with the median and returns (median, slowest) in ms."""
    run()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    print(f"  {label} {median:8.1f} ms", flush=True)
    return median, max(times)


def measure(backend: str, url: str, rounds: int, exports: bool) -> list[tuple]:
    settings = load_settings(_env_file=None, DATABASE_URL=url, LOOPKEEPER_TIMEZONE="UTC")
    engine = make_engine(url)
    deps = Deps(engine=engine, settings=settings, clock=FixedClock(NOW))
    with engine.connect() as conn:
        workspace_id = conn.execute(
            sa.text("SELECT id FROM workspace WHERE external_id = :e"), {"e": WORKSPACE}
        ).scalar_one()
    results = []
    for name, run, budget in cases(deps, workspace_id, exports):
        turns = rounds if budget or "digest" in name else 2
        median, slowest = warm_then_time(run, turns, f"{backend:10} {name:52}")
        results.append((backend, name, median, slowest, budget))
    engine.dispose()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.reports",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--reseed", action="store_true", help="seed again even when reusable")
    parser.add_argument(
        "--exports",
        action="store_true",
        help="also time the full CLI exports of every loop and feedback row",
    )
    args = parser.parse_args()
    results: list[tuple] = []
    if args.only != "postgres":
        results += measure("SQLite", sqlite_database(args.reseed), args.rounds, args.exports)
    if args.only != "sqlite":
        server = None
        try:
            url, server = postgres_database(args.reseed)
            results += measure("PostgreSQL", url, args.rounds, args.exports)
        finally:
            if server is not None:
                server.cleanup()  # type: ignore[attr-defined]
    print()
    print("| backend | case | median ms | slowest ms | budget |")
    print("|---|---|---:|---:|---|")
    for backend, name, median, slowest, budget in results:
        verdict = f"{budget:.0f} ms {'OK' if slowest < budget else 'MISSED'}" if budget else "—"
        print(f"| {backend} | `{name}` | {median:.1f} | {slowest:.1f} | {verdict} |")
    held = [r for r in results if r[4]]
    worst = max(held, key=lambda r: r[3] / r[4])
    ok = all(r[3] < r[4] for r in held)
    print()
    print(
        f"reports: furthest from its budget {worst[3]:.0f} ms ({worst[0]}, {worst[1]}) against "
        f"{worst[4]:.0f} ms: {worst[3] / worst[4]:.2f}× {'OK' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
