"""Fixtures shared by every test: a database per backend, a fixed clock, handler deps."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from bot.core.clock import FixedClock
from bot.settings import Settings, load_settings
from handlers.context import Caller, Deps
from storage.db import make_engine, upgrade
from tests.support.postgres import LocalPostgres, no_postgres, wait_for

# Fixtures other test areas share (fake_slack, SlackTestApp, UvicornServer).
pytest_plugins = ["tests.support.slack_fixtures"]

# A Tuesday morning; tests move the clock from here.
START = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

_pg_state: dict[str, object] = {}


def _postgres_admin_url() -> str:
    """The URL of a PostgreSQL server for tests, started once per session, or skip with why."""
    if "url" in _pg_state:
        return str(_pg_state["url"])
    if "error" in _pg_state:
        no_postgres(str(_pg_state["error"]))
    url = os.environ.get("TEST_POSTGRES_URL")
    try:
        if not url:
            server = LocalPostgres()
            url = server.start()
            _pg_state["server"] = server
        wait_for(url)
        engine = make_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(sa.text("DROP DATABASE IF EXISTS lk_template"))
            conn.execute(sa.text("CREATE DATABASE lk_template"))
        engine.dispose()
        upgrade(url.rsplit("/", 1)[0] + "/lk_template")
    except Exception as exc:  # noqa: BLE001 - any failure means: no server here
        _pg_state["error"] = f"no PostgreSQL server could be started: {exc}"
        no_postgres(str(_pg_state["error"]))
    _pg_state["url"] = url
    return url


def new_postgres_database() -> str:
    """A fresh, migrated PostgreSQL database (a copy of the migrated template)."""
    admin = _postgres_admin_url()
    name = "lk_" + uuid.uuid4().hex[:12]
    engine = make_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name} TEMPLATE lk_template"))
    engine.dispose()
    return admin.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def postgres_server() -> LocalPostgres | None:
    """The server object when the tests started it themselves (for restart tests)."""
    _postgres_admin_url()
    return _pg_state.get("server")  # type: ignore[return-value]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):  # noqa: ANN001, ANN201
    """Under CI a PostgreSQL test that skipped for any reason is a failure, not a dot."""
    report = yield
    if os.environ.get("CI") and report.skipped and item.get_closest_marker("postgres"):
        if not hasattr(report, "wasxfail"):
            report.outcome = "failed"
            report.longrepr = f"CI is set: a PostgreSQL test may not skip ({report.longrepr})"
    return report


def pytest_sessionfinish(session, exitstatus):  # noqa: ANN001, ANN201
    server = _pg_state.get("server")
    if server is not None:
        server.cleanup()  # type: ignore[attr-defined]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:  # noqa: ANN001
    """A migrated, empty database on each backend: every storage test runs on both."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'loopkeeper.db'}"
        upgrade(url)
        return url
    return new_postgres_database()


@pytest.fixture
def sqlite_url(tmp_path) -> str:  # noqa: ANN001
    url = f"sqlite:///{tmp_path / 'loopkeeper.db'}"
    upgrade(url)
    return url


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


def make_settings(url: str, **overrides: str) -> Settings:
    values = {
        "DATABASE_URL": url,
        "LOOPKEEPER_TIMEZONE": "UTC",
        "LOOPKEEPER_ADMINS": "admin",
        **overrides,
    }
    return load_settings(_env_file=None, **values)


@pytest.fixture
def deps(db_url: str, clock: FixedClock) -> Iterator[Deps]:
    engine = make_engine(db_url)
    yield Deps(engine=engine, settings=make_settings(db_url), clock=clock)
    engine.dispose()


@pytest.fixture
def sqlite_deps(sqlite_url: str, clock: FixedClock) -> Iterator[Deps]:
    engine = make_engine(sqlite_url)
    yield Deps(engine=engine, settings=make_settings(sqlite_url), clock=clock)
    engine.dispose()


def person(name: str, **kw: object) -> Caller:
    """A console user called `name` in #general."""
    return Caller(
        platform="console", workspace="console", user=name, user_name=name, channel="general", **kw
    )  # type: ignore[arg-type]
