"""`python -m bench [ingest|sweep|reports|memory|all] [options passed to the bench]`.

Each bench is a module with `main()` that prints its table and ends with its one-line ratio.
Every bench runs in its own Python process, so one bench's memory, threads or event loop never
colour another's figures; `all` runs them one after the other and repeats each ratio line at
the end. Everything listens on and talks to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time

BENCHES = {
    "ingest": "signed Slack events through `serve` vs bare Bolt and a plain Starlette floor",
    "sweep": "one sweep over 10,000 due loops vs the same number of bare Web API calls",
    "reports": "reports over 1M feedback rows on SQLite and PostgreSQL",
    "memory": "peak RSS (VmHWM) of `loopkeeper serve` under a load of signed events",
    "matching": "customer names found in one chat message with 10,000 customers vs 10",
    "channels": "customer channels: capture rate and first response of a 200-customer "
    "scenario; report response at 1M rows",
}
# A bench that runs longer than this is stuck, not slow: stop it and say so.
TIME_LIMIT_SECONDS = 1800


def run_one(name: str, extra: list[str]) -> tuple[int, str, float]:
    """Run bench `name` in a child process, echo its output; (exit code, last line, seconds)."""
    if importlib.util.find_spec(f"bench.{name}") is None:
        print(f"bench/{name}.py is not written yet.")
        return 2, "not written yet", 0.0
    code = (
        f"import sys; sys.argv = ['bench.{name}', *sys.argv[1:]]; import bench.{name} as bench; "
        "sys.exit(bench.main())"
    )
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    )
    last = ""
    assert child.stdout is not None
    try:
        for line in child.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            if line.strip():
                last = line.strip()
        status = child.wait(timeout=max(1.0, TIME_LIMIT_SECONDS - (time.monotonic() - started)))
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
        status, last = 124, f"stopped after {TIME_LIMIT_SECONDS} s"
    return status, last, time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Loopkeeper's benchmarks (see bench/README.md). Options after the bench's "
        "name go to that bench (e.g. `python -m bench memory --events 5000`).",
    )
    parser.add_argument(
        "bench",
        nargs="?",
        default="all",
        choices=[*BENCHES, "all"],
        help="; ".join(f"{k}: {v}" for k, v in BENCHES.items()),
    )
    args, extra = parser.parse_known_args(argv)
    names = list(BENCHES) if args.bench == "all" else [args.bench]
    results = []
    for name in names:
        print(f"\n=== bench {name}: {BENCHES[name]}", flush=True)
        results.append((name, *run_one(name, extra if args.bench != "all" else [])))
    if len(results) > 1:
        print("\n=== summary (each bench's last line)")
        for name, status, last, seconds in results:
            mark = "ok" if status == 0 else f"exit {status}"
            print(f"{name:8} {mark:8} {seconds:6.0f} s  {last}")
    return max((status for _, status, _, _ in results), default=0)


if __name__ == "__main__":
    sys.exit(main())
