"""Peak memory of `loopkeeper serve` under a load of signed Slack events (target: < 200 MB).

The server runs as its own process against a SQLite file (the default deployment) or the
PostgreSQL URL given, with a fake Web API on 127.0.0.1. Customer messages are signed before
the clock starts and sent by a light aiohttp client at a fixed concurrency; the server's peak
resident set is read from /proc/PID/status (VmHWM) after the load. Every event must be stored
exactly once, or the figure is not a result.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import threading
import time
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

BUDGET_MB = 200


class RssSampler(threading.Thread):
    """Reads the server's VmRSS every 50 ms while the load runs (VmHWM is the kernel's peak)."""

    def __init__(self, serve: Serve) -> None:
        super().__init__(daemon=True)
        self.serve, self.samples, self.done = serve, [], threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            try:
                self.samples.append(self.serve.status_kb("VmRSS"))
            except (OSError, KeyError):
                return


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench memory", description=__doc__)
    parser.add_argument("--events", type=int, default=10_000, help="events to send")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--customers", type=int, default=500, help="known customers")
    parser.add_argument("--database-url", help="PostgreSQL URL (default: a new SQLite file)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="lk-bench-memory-") as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'loopkeeper.db'}"
        names = seed_customers(url, args.customers)
        events = customer_messages(args.events, names)
        with fake_slack() as api:
            serve = Serve(url, api.url).start()
            try:
                idle_kb = serve.status_kb("VmRSS")
                sampler = RssSampler(serve)
                sampler.start()
                started = time.perf_counter()
                sent = asyncio.run(send_all(serve.url, events, args.concurrency))
                elapsed = time.perf_counter() - started
                counts = wait_stored(url, len(events))
                sampler.done.set()
                sampler.join()
                peak_kb = serve.status_kb("VmHWM")
            finally:
                serve.stop()
            reactions = len(api.answered("reactions.add"))

    acked = sum(1 for s in sent if s.status == 200)
    latencies = [s.seconds * 1000 for s in sent if s.status == 200]
    lost = len(events) - counts["stored"]
    peak_mb, idle_mb = peak_kb / 1024, idle_kb / 1024
    backend = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    print(
        f"| serve ({backend}) | events sent | acked 200 | stored | duplicated | lost "
        "| req/s | p50 | p99 | idle RSS | peak RSS (VmHWM) | budget |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {args.customers} customers, {args.concurrency} concurrent | {len(events)} | {acked} "
        f"| {counts['stored']} | {counts['duplicated']} | {lost} "
        f"| {len(sent) / elapsed:,.0f} | {percentile(latencies, 0.5):.1f} ms "
        f"| {percentile(latencies, 0.99):.1f} ms | {idle_mb:.0f} MB | {peak_mb:.0f} MB "
        f"| {BUDGET_MB} MB |"
    )
    print(f"(reactions added through the fake Web API: {reactions})")
    good = peak_mb < BUDGET_MB and lost == 0 and counts["duplicated"] == 0
    verdict = "OK" if good else "MISSED"
    print(
        f"memory: serve peaked at {peak_mb:.0f} MB = {peak_mb / BUDGET_MB:.2f}x the "
        f"{BUDGET_MB} MB budget after {len(events)} events ({lost} lost, "
        f"{counts['duplicated']} duplicated) — {verdict}"
    )
    return 0 if good else 1


if __name__ == "__main__":
    raise SystemExit(main())
