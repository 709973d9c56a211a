"""Ingest: signed Slack `message` events naming a known customer, through `loopkeeper serve`.

Three servers on 127.0.0.1, each in its own process, loaded in alternating rounds by one
aiohttp client at a fixed concurrency (bodies and signatures made before the clock starts):

- ours: `python -m bot serve` (signature check, capture into SQLite, reaction via the Web API),
- bare Bolt: an AsyncApp on uvicorn that verifies the signature and acks `message` events,
- plain Starlette: no verification, appends the event id to a file (the client's ceiling).

The fake Slack Web API runs in a fourth process. The best round of each path counts. After the
rounds, every event sent to ours must be stored exactly once, or the figure is not a result.
Target: ours >= 0.7x bare Bolt's events/s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

TARGET = 0.7
ROOT = Path(__file__).resolve().parents[1]


# ----- the floors (run as `python -m bench.ingest --serve …` in their own processes) ----------
def serve_bolt(port: int, api_url: str) -> None:
    """Bare Bolt: verify the signature, ack `message` events, nothing else."""
    import uvicorn
    from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from tests.proof.harness import BOT_TOKEN
    from tests.support.slack_requests import SECRET

    bolt = AsyncApp(signing_secret=SECRET, client=AsyncWebClient(token=BOT_TOKEN, base_url=api_url))

    @bolt.event("message")
    async def ack_only() -> None:
        return None

    handler = AsyncSlackRequestHandler(bolt)

    async def healthz(request: object) -> PlainTextResponse:
        return PlainTextResponse("ok")

    app = Starlette(
        routes=[
            Route("/slack/events", handler.handle, methods=["POST"]),
            Route("/healthz", healthz),
        ]
    )
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def serve_plain(port: int, path: str) -> None:
    """Plain Starlette: no verification; appends each event id to a file."""
    import json

    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse, Response
    from starlette.routing import Route

    out = open(path, "a")  # noqa: SIM115 - open for the life of the process

    async def events(request: Request) -> Response:
        out.write(json.loads(await request.body())["event_id"] + "\n")
        return Response(status_code=200)

    async def healthz(request: Request) -> PlainTextResponse:
        return PlainTextResponse("ok")

    app = Starlette(
        routes=[Route("/slack/events", events, methods=["POST"]), Route("/healthz", healthz)]
    )
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def serve_fake(port_file: str) -> None:
    """The fake Web API, until stdin closes; its URL is written to `port_file`."""
    from tests.proof.harness import fake_slack

    api = fake_slack().start()
    Path(port_file).write_text(api.url)
    sys.stdin.read()
    api.stop()


# ----- the load ------------------------------------------------------------------------------
@dataclass
class Server:
    name: str
    url: str
    process: subprocess.Popen | None = None
    pid: int = 0
    rounds: list[Round] = field(default_factory=list)

    def peak_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def best(self) -> Round:
        return max(self.rounds, key=lambda r: r.rate)


@dataclass
class Round:
    rate: float
    p50_ms: float
    p99_ms: float
    ok: int
    sent: int


def child(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bench.ingest", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        stdin=subprocess.PIPE,
        start_new_session=True,
    )


def wait_healthy(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} not healthy after {seconds:.0f} s")
        time.sleep(0.1)


def wait_idle(pid: int, seconds: float = 30) -> None:
    """Until the process uses < 5% of a core (its work after the acks is done)."""
    tick = os.sysconf("SC_CLK_TCK")

    def cpu() -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        before = cpu()
        time.sleep(0.2)
        if cpu() - before < 0.01:
            return


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def load(server: Server, events: list, concurrency: int) -> Round:
    from tests.proof.harness import send_all

    results = asyncio.run(send_all(server.url, events, concurrency=concurrency))
    ok = [r for r in results if r.status == 200]
    wall = max(r.at + r.seconds for r in results) - min(r.at for r in results)
    latencies = [r.seconds * 1000 for r in ok]
    return Round(
        len(ok) / wall,
        percentile(latencies, 0.5),
        percentile(latencies, 0.99),
        len(ok),
        len(results),
    )


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    try:
        if process.stdin:
            process.stdin.close()
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench ingest",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--events", type=int, default=3000, help="events per round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per path (best counts)")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--customers", type=int, default=500, help="known customers")
    parser.add_argument("--database-url", help="PostgreSQL URL (default: a new SQLite file)")
    parser.add_argument("--serve", choices=["bolt", "plain", "fake"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--api-url", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve == "bolt":
        serve_bolt(args.port, args.api_url)
        return 0
    if args.serve == "plain":
        serve_plain(args.port, args.file)
        return 0
    if args.serve == "fake":
        serve_fake(args.file)
        return 0
    return run(args)


def run(args: argparse.Namespace) -> int:
    from tests.proof.harness import Serve, customer_messages, free_port, seed_customers
    from tests.proof.stored import stored_counts
    from tests.support.slack_requests import TEAM

    with tempfile.TemporaryDirectory(prefix="lk-bench-ingest-") as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'loopkeeper.db'}"
        names = seed_customers(url, args.customers)
        port_file = Path(tmp) / "fake-url"
        fake = child("--serve", "fake", "--file", str(port_file))
        processes: list[subprocess.Popen | None] = [fake]
        ours_serve: Serve | None = None
        try:
            deadline = time.monotonic() + 30
            while not port_file.exists() or not port_file.read_text():
                if time.monotonic() > deadline or fake.poll() is not None:
                    raise RuntimeError("the fake Web API did not start")
                time.sleep(0.05)
            api_url = port_file.read_text()

            ours_serve = Serve(url, api_url).start()
            ours = Server(
                "ours: `loopkeeper serve` (capture + store + react)",
                ours_serve.url,
                pid=ours_serve.pid,
            )
            bolt_port, plain_port = free_port(), free_port()
            bolt_proc = child("--serve", "bolt", "--port", str(bolt_port), "--api-url", api_url)
            plain_proc = child(
                "--serve",
                "plain",
                "--port",
                str(plain_port),
                "--file",
                str(Path(tmp) / "plain.ids"),
            )
            processes += [bolt_proc, plain_proc]
            bolt = Server(
                "bare Bolt AsyncApp (verify + ack)",
                f"http://127.0.0.1:{bolt_port}",
                bolt_proc,
                bolt_proc.pid,
            )
            plain = Server(
                "plain Starlette (no verification)",
                f"http://127.0.0.1:{plain_port}",
                plain_proc,
                plain_proc.pid,
            )
            for server in (bolt, plain):
                wait_healthy(server.url, server.process)  # type: ignore[arg-type]

            sent_to_ours, start = 0, 0
            servers = [plain, bolt, ours]
            for index in range(args.rounds + 1):  # round 0 warms up and is not counted
                count = min(500, args.events) if index == 0 else args.events
                order = servers if index % 2 else list(reversed(servers))
                for server in order:
                    events = customer_messages(count, names, start=start)
                    start += count
                    result = load(server, events, args.concurrency)
                    if server is ours:
                        sent_to_ours += count
                    if index:
                        server.rounds.append(result)
                    wait_idle(server.pid)
            counts = stored_counts(url, TEAM)
            report(servers, counts, sent_to_ours, args)
            ratio = ours.best().rate / bolt.best().rate
            exact = counts["stored"] == sent_to_ours and counts["duplicated"] == 0
            client_ok = plain.best().rate > bolt.best().rate
            verdict = "OK" if ratio >= TARGET and exact else "MISSED"
            print(
                f"ingest: ours {ratio:.2f}x bare Bolt events/s (target >= {TARGET}x), "
                f"{counts['stored']}/{sent_to_ours} stored once"
                + ("" if client_ok else ", client-bound: plain floor not faster than Bolt")
                + f" — {verdict}"
            )
            return 0 if verdict == "OK" else 1
        finally:
            if ours_serve is not None:
                ours_serve.stop()
            for process in processes:
                stop(process)


def report(
    servers: list[Server], counts: dict[str, int], sent: int, args: argparse.Namespace
) -> None:
    print(
        f"\n### Ingest: {args.rounds} rounds of {args.events} signed events per path, "
        f"{args.concurrency} concurrent, aiohttp keep-alive; best round of each\n"
    )
    print("| path | events/s | p50 ack | p99 ack | peak RSS | answered |")
    print("|---|---:|---:|---:|---:|---:|")
    for server in servers:
        best = server.best()
        print(
            f"| {server.name} | {best.rate:,.0f} | {best.p50_ms:.1f} ms | {best.p99_ms:.1f} ms"
            f" | {server.peak_mb():.0f} MB | {best.ok}/{best.sent} |"
        )
    print(
        f"\nStored by ours: {counts['stored']} distinct messages for {sent} sent, "
        f"{counts['duplicated']} duplicated.\n"
    )


if __name__ == "__main__":
    sys.exit(main())
