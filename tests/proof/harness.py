"""A real `loopkeeper serve` process under signed Slack events, on 127.0.0.1 only.

Used by the fault tests (tests/proof/) and by `python -m bench memory`: start the server against
a database and a fake Web API, fire events the way Slack sends them (signed, retried with
X-Slack-Retry-Num), kill it, read its peak memory, and count what was stored.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import aiohttp

from tests.support.fake_slack import FakeSlack
from tests.support.slack_requests import SECRET, TEAM, event_body, message_event, signed_headers

BOT_TOKEN = "xoxb-proof-token"
REPO = Path(__file__).resolve().parents[2]

__all__ = ["FakeSlack", "Serve", "SlackEvent", "fake_slack", "free_port", "send_all"]


def fake_slack() -> FakeSlack:
    """The fake Web API the server under test talks to: `with fake_slack() as api:`."""
    return FakeSlack(token=BOT_TOKEN, team=TEAM)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class SlackEvent:
    """One channel message as an Events API `event_callback`."""

    event_id: str
    text: str
    ts: str
    channel: str = "C0PROOF"
    user: str = "U0SPEAKER"
    team: str = TEAM

    def body(self) -> bytes:
        event = message_event(
            self.text, user=self.user, channel=self.channel, ts=self.ts, team=self.team
        )
        return event_body(event, team=self.team, event_id=self.event_id)

    def headers(self, body: bytes, retry: int = 0) -> dict[str, str]:
        """Signed now; Slack signs each delivery, retries included."""
        return signed_headers(SECRET, body, retry_num=retry or None)


def child_env(url: str, api_url: str, **extra: str) -> dict[str, str]:
    """The environment of a `python -m bot` child: our database, our fake Slack, no Teams."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_"))}
    env.update(
        {
            "DATABASE_URL": url,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_API_URL": api_url,
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(REPO),
            **extra,
        }
    )
    return env


def seed_customers(url: str, count: int, team: str = TEAM) -> list[str]:
    """Migrate the database and add `count` customers to the Slack workspace; their names."""
    from bot.core.clock import SystemClock
    from handlers import customers
    from handlers.context import Caller, Deps
    from storage.db import make_engine, upgrade
    from tests.conftest import make_settings

    upgrade(url)
    engine = make_engine(url)
    deps = Deps(engine=engine, settings=make_settings(url), clock=SystemClock())
    names = [f"Customer{i:04d}" for i in range(count)]
    admin = Caller(platform="slack", workspace=team, user="U0ADMIN", is_admin=True)
    rows = [
        {"name": n, "aliases": f"{n.lower()}.com", "segment": "smb", "value": "1000"} for n in names
    ]
    customers.import_rows(deps, admin, rows)
    engine.dispose()
    return names


def seed_loops(url: str, count: int, owners: int, team: str = TEAM) -> None:
    """Migrate, add ACME and `count` commitments spread over `owners` people, made on Tuesday
    24 Nov 2026 09:00 UTC and due Thursday 17:00: their first nudge is due Wednesday 17:00."""
    from bot.core.clock import FixedClock
    from handlers import commands
    from handlers.context import Caller, Deps
    from storage.db import make_engine, upgrade
    from tests.conftest import START, make_settings

    upgrade(url)
    engine = make_engine(url)
    deps = Deps(engine=engine, settings=make_settings(url), clock=FixedClock(START))
    admin = Caller(platform="slack", workspace=team, user="U0ADMIN", is_admin=True)
    lines = ["customer add ACME"] + [
        f"commit ACME: task {i} owner <@UOWN{i % owners:03d}> by Thursday 5pm" for i in range(count)
    ]
    for line in lines:
        reply = commands.run(deps, admin, line)
        assert not reply.error, reply.text
    engine.dispose()


def sweep_process(url: str, api_url: str, at: datetime) -> subprocess.Popen:
    """`python -m bot sweep --at AT` as a child process (its own process group)."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "sweep", "--at", at.isoformat()],
        cwd=REPO,
        env=child_env(url, api_url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def sweep_until_quiet(
    url: str,
    api_url: str,
    at: datetime,
    step: timedelta,
    most: int = 8,
    pending: Callable[[], int] | None = None,
) -> list[int]:
    """Sweep at `at`, `at + step`, ... until a sweep sends nothing (and, with `pending`, no slot
    waits for a retry: a sweep whose every try failed sent nothing, yet is not the last one a
    scheduler would run); lines printed by each."""
    sent = []
    for _ in range(most):
        child = sweep_process(url, api_url, at)
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err[-2000:]
        lines = [line for line in out.splitlines() if line.startswith(("nudge", "escalat"))]
        sent.append(len(lines))
        if not lines and (pending is None or not pending()):
            return sent
        at += step
    return sent


def customer_messages(
    count: int, customers: Sequence[str], start: int = 0, team: str = TEAM
) -> list[SlackEvent]:
    """`count` distinct messages, each naming one of `customers`."""
    base = 1_700_000_000
    return [
        SlackEvent(
            event_id=f"Ev{team}{i:08d}",
            text=f"{customers[i % len(customers)]} asked about the export again (message {i})",
            ts=f"{base + i}.{i % 1_000_000:06d}",
            team=team,
        )
        for i in range(start, start + count)
    ]


@dataclass
class Serve:
    """`python -m bot serve` in a child process, with its own environment."""

    database_url: str
    api_url: str
    port: int = field(default_factory=free_port)
    extra_env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, wait: float = 60.0) -> Serve:
        env = child_env(self.database_url, self.api_url, **self.extra_env)
        handle, name = tempfile.mkstemp(prefix="lk-serve-", suffix=".log")
        os.close(handle)
        self.log_path = Path(name)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bot",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--no-scheduler",
            ],
            cwd=REPO,
            env=env,
            stdout=self.log_path.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.wait_healthy(wait)
        return self

    def wait_healthy(self, wait: float = 60.0) -> None:
        import urllib.error
        import urllib.request

        deadline = time.monotonic() + wait
        while True:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"serve exited with {self.process.returncode}: {self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"serve not healthy after {wait:.0f} s: {self.log()}")
            time.sleep(0.1)

    def log(self) -> str:
        return self.log_path.read_text()[-3000:] if self.log_path else ""

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def status_kb(self, key: str = "VmHWM") -> int:
        """A memory figure of the server from /proc (VmHWM: peak resident set), in kB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
        raise KeyError(key)

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Send `sig` to the server (its own process group: nothing else is touched)."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, sig)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.log_path:
            self.log_path.unlink(missing_ok=True)


@dataclass
class Sent:
    event: SlackEvent
    status: int  # 0: no answer (connection refused or cut)
    seconds: float
    retry: int = 0
    at: float = 0.0  # when it left, in seconds from the start of the run


async def send_all(
    url: str,
    events: Sequence[SlackEvent],
    concurrency: int = 16,
    retry: int = 0,
    timeout: float = 10.0,
    on_sent: Callable[[Sent], None] | None = None,
    rate: float | None = None,
) -> list[Sent]:
    """POST each event (bodies and signatures made before the clock starts), `concurrency` at
    a time on keep-alive connections; a refused or cut connection is status 0, not an error.
    With `rate`, event i leaves no earlier than i/rate seconds after the first."""
    prepared = [(event, event.body()) for event in events]
    signed = [(event, body, event.headers(body, retry)) for event, body in prepared]
    queue: asyncio.Queue = asyncio.Queue()
    for index, item in enumerate(signed):
        queue.put_nowait((index, *item))
    results: list[Sent] = []
    connector = aiohttp.TCPConnector(limit=concurrency)
    client_timeout = aiohttp.ClientTimeout(total=timeout)
    async with aiohttp.ClientSession(connector=connector, timeout=client_timeout) as session:
        begin = time.perf_counter()

        async def worker() -> None:
            while not queue.empty():
                index, event, body, headers = queue.get_nowait()
                if rate:
                    await asyncio.sleep(max(0.0, begin + index / rate - time.perf_counter()))
                started = time.perf_counter()
                try:
                    async with session.post(
                        url + "/slack/events", data=body, headers=headers
                    ) as answer:
                        await answer.read()
                        status = answer.status
                except (TimeoutError, aiohttp.ClientError, OSError):
                    status = 0
                sent = Sent(event, status, time.perf_counter() - started, retry, started - begin)
                results.append(sent)
                if on_sent:
                    on_sent(sent)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return results


def replay_like_slack(url: str, events: Sequence[SlackEvent], first: list[Sent]) -> list[int]:
    """Slack's redeliveries: each event without a 200 again, up to 3 times; returns how many
    were sent in each round."""
    answered = {s.event.event_id for s in first if s.status == 200}
    pending = [e for e in events if e.event_id not in answered]
    rounds = []
    for attempt in (1, 2, 3):
        if not pending:
            break
        rounds.append(len(pending))
        results = asyncio.run(send_all(url, pending, retry=attempt))
        answered |= {s.event.event_id for s in results if s.status == 200}
        pending = [e for e in pending if e.event_id not in answered]
    return rounds


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]
