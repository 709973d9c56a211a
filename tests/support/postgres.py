"""A real PostgreSQL server for the tests: TEST_POSTGRES_URL, or one started here from the
Debian binaries (as the postgres user when we are root). When neither is possible the tests that
need it skip with the reason, except under CI (the CI variable set), where they fail."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import NoReturn

import pytest


def no_postgres(reason: str) -> NoReturn:
    """Skip a test that needs PostgreSQL, with why; under CI fail instead, so a server that
    cannot start is never mistaken for a green run."""
    if os.environ.get("CI"):
        pytest.fail(f"CI is set and {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


class LocalPostgres:
    """initdb + pg_ctl in a temporary directory, listening on 127.0.0.1 only."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="lk-pg-"))
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        command = list(args)
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    def start(self) -> str:
        initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise RuntimeError("PostgreSQL binaries (initdb, pg_ctl) are not installed")
        if self.as_root:
            shutil.chown(self.dir, "postgres")
        data = self.dir / "data"
        result = self._run(
            initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"
        )
        if result.returncode:
            raise RuntimeError("initdb failed: " + result.stderr.strip()[-300:])
        self._launch()
        return self.url

    def _launch(self) -> None:
        pg_ctl, data = _bin("pg_ctl"), self.dir / "data"
        assert pg_ctl
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.dir}"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            " -c max_connections=200"
        )
        result = self._run(
            pg_ctl, "-D", str(data), "-o", options, "-l", str(self.dir / "log"), "-w", "start"
        )
        if result.returncode:
            raise RuntimeError("pg_ctl start failed: " + (result.stderr or result.stdout)[-300:])

    def resume(self) -> None:
        """Start the server again after stop(): same data, port and options."""
        self._launch()

    def stop(self, mode: str = "fast") -> None:
        pg_ctl = _bin("pg_ctl")
        if pg_ctl:
            self._run(pg_ctl, "-D", str(self.dir / "data"), "-m", mode, "-w", "stop")

    def restart(self) -> None:
        pg_ctl = _bin("pg_ctl")
        assert pg_ctl
        self._run(pg_ctl, "-D", str(self.dir / "data"), "-m", "fast", "-w", "restart")

    def cleanup(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


def wait_for(url: str, seconds: float = 20) -> None:
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://")
    deadline = time.monotonic() + seconds
    while True:
        try:
            psycopg.connect(plain, connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
