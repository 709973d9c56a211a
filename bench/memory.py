"""Peak memory of `loopkeeper serve` under a load of signed Slack events (target: < 200 MB).

The server runs as its own process against a SQLite file (the default deployment) and against
a PostgreSQL server started for the run, with a fake Web API on 127.0.0.1. Customer messages
are signed before the clock starts and sent by a light aiohttp client at a fixed concurrency;
the server's peak resident set is read from /proc/PID/status (VmHWM) after the load. Every
event must be stored exactly once, or the figure is not a result.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.proof.harness import (
    TEAM,
    Serve,
    customer_messages,
    fake_slack,
    percentile,
    seed_customers,
    send_all,
)
from tests.proof.stored import stored_counts
from tests.support.postgres import LocalPostgres, wait_for

BUDGET_MB = 200


def wait_stored(url: str, expected: int, seconds: float = 120.0) -> dict[str, int]:
    """Stored counts once they reach `expected` or stop moving (work after the ack)."""
    deadline, last, still = time.monotonic() + seconds, None, 0
    while True:
        counts = stored_counts(url, TEAM)
        if counts["stored"] >= expected or time.monotonic() > deadline:
            return counts
        still = still + 1 if counts == last else 0
        if still >= 50:  # 5 s without a new row
            return counts
        last = counts
        time.sleep(0.1)


@dataclass
class Measured:
    backend: str
    sent: int
    acked: int
    stored: int
    duplicated: int
    per_second: float
    p50_ms: float
    p99_ms: float
    idle_mb: float
    peak_mb: float

    @property
    def lost(self) -> int:
        return self.sent - self.stored

    @property
    def good(self) -> bool:
        return self.peak_mb < BUDGET_MB and self.lost == 0 and self.duplicated == 0


def measure(url: str, events_count: int, customers: int, concurrency: int) -> Measured:
    """Start serve on `url`, send the events, read its peak memory and what was stored."""
    events = customer_messages(events_count, seed_customers(url, customers))
    with fake_slack() as api:
        serve = Serve(url, api.url).start()
        try:
            idle_kb = serve.status_kb("VmRSS")
            started = time.perf_counter()
            sent = asyncio.run(send_all(serve.url, events, concurrency))
            elapsed = time.perf_counter() - started
            counts = wait_stored(url, len(events))
            peak_kb = serve.status_kb("VmHWM")  # the kernel's high-water mark: no peak missed
        finally:
            serve.stop()
    latencies = [s.seconds * 1000 for s in sent if s.status == 200]
    return Measured(
        "PostgreSQL" if url.startswith("postgresql") else "SQLite",
        len(events),
        len(latencies),
        counts["stored"],
        counts["duplicated"],
        len(latencies) / elapsed,
        percentile(latencies, 0.5),
        percentile(latencies, 0.99),
        idle_kb / 1024,
        peak_kb / 1024,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench memory", description=__doc__)
    parser.add_argument("--events", type=int, default=10_000, help="events to send")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--customers", type=int, default=500, help="known customers")
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    args = parser.parse_args(argv)

    results = []
    with tempfile.TemporaryDirectory(prefix="lk-bench-memory-") as tmp:
        if args.backend in ("sqlite", "both"):
            url = f"sqlite:///{Path(tmp) / 'loopkeeper.db'}"
            results.append(measure(url, args.events, args.customers, args.concurrency))
        if args.backend in ("postgres", "both"):
            server = LocalPostgres()
            try:
                url = server.start()
                wait_for(url)
                results.append(measure(url, args.events, args.customers, args.concurrency))
            finally:
                server.cleanup()

    print(
        f"{args.events} signed customer messages, {args.customers} customers, "
        f"{args.concurrency} concurrent requests (aiohttp, keep-alive), one serve process"
    )
    print(
        "| serve on | sent | acked 200 | stored | duplicated | lost | req/s | p50 | p99 "
        "| idle RSS | peak RSS (VmHWM) | budget |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r.backend} | {r.sent} | {r.acked} | {r.stored} | {r.duplicated} | {r.lost} "
            f"| {r.per_second:,.0f} | {r.p50_ms:.1f} ms | {r.p99_ms:.1f} ms "
            f"| {r.idle_mb:.0f} MB | {r.peak_mb:.0f} MB | < {BUDGET_MB} MB |"
        )
    worst = max(results, key=lambda r: r.peak_mb)
    good = all(r.good for r in results)
    print(
        f"memory: serve peaked at {worst.peak_mb:.0f} MB ({worst.backend}) = "
        f"{worst.peak_mb / BUDGET_MB:.2f}x the {BUDGET_MB} MB budget; "
        f"{sum(r.lost for r in results)} lost, {sum(r.duplicated for r in results)} "
        f"duplicated — {'OK' if good else 'MISSED'}"
    )
    return 0 if good else 1


if __name__ == "__main__":
    raise SystemExit(main())
