"""Seed a Loopkeeper database with a realistic workload for the report benchmark.

10,000 customers whose traffic follows a Zipf law (a few big customers bring most feedback and
loops), 1,000,000 feedback items and 200,000 loops over two years (more recent weeks busier),
every loop with its history (created, done, told, cancel, updates); a third of the loops are
reply loops (a customer's question in their channel, most answered within hours) and a third
of the told ones have a CSAT answer. Rows are generated with
numpy in column arrays and bulk-loaded: executemany in one transaction on SQLite, COPY on
PostgreSQL. `python -m bench.seed URL` seeds one database.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from storage.db import make_engine, upgrade

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # the bench's clock: a Tuesday morning
WORKSPACE = "TBENCH"
SEED_VERSION = "reports-v3"  # v3: reply loops and CSAT answers; v2: SQLite without ANALYZE
DAY_US = 86_400_000_000
SPAN_DAYS = 730

KINDS = np.array(["request", "problem", "question", "praise", "risk", "other"])
KIND_SHARE = [0.35, 0.30, 0.15, 0.10, 0.05, 0.05]
SOURCES = np.array(["mention", "reaction", "shortcut", "command", "teams"])
SOURCE_SHARE = [0.50, 0.15, 0.10, 0.20, 0.05]
PHRASES = np.array(
    [
        "The CSV export times out on big accounts",
        "Please add SSO with Okta",
        "Login page is slow again this morning",
        "Love the new dashboard, thanks team",
        "Can we get an API for invoices",
        "Billing shows the wrong currency",
        "Search misses results from archived projects",
        "Renewal at risk unless reporting improves",
        "How do I invite guests to a workspace",
        "Mobile app crashes when uploading photos",
        "Audit log export would help our compliance review",
        "Great support call yesterday",
    ]
)


@dataclass(frozen=True)
class Size:
    customers: int = 10_000
    feedback: int = 1_000_000
    loops: int = 200_000
    users: int = 60


@dataclass
class Columns:
    """One table's rows as equally long column arrays, in the table's column order."""

    table: str
    names: list[str]
    values: list[np.ndarray]

    def __len__(self) -> int:
        return len(self.values[0])

    def rows(self) -> Iterator[tuple]:
        return zip(*(v.tolist() for v in self.values), strict=True)


def _times(microseconds: np.ndarray) -> np.ndarray:
    """Epoch microseconds as the text both backends store: `YYYY-MM-DD HH:MM:SS.ffffff`."""
    text = np.datetime_as_string(microseconds.astype("datetime64[us]"), unit="us")
    return np.char.replace(text, "T", " ")


def _maybe_times(microseconds: np.ndarray, present: np.ndarray) -> np.ndarray:
    text = _times(np.where(present, microseconds, 0)).astype(object)
    text[~present] = None
    return text


def _maybe(values: np.ndarray, present: np.ndarray) -> np.ndarray:
    found = values.astype(object)
    found[~present] = None
    return found


def generate(workspace_id: int, size: Size, seed: int = 7) -> list[Columns]:
    """Every table's rows for one workspace (ids start at 1; the workspace row exists)."""
    rng = np.random.default_rng(seed)
    now_us = int(NOW.timestamp() * 1_000_000)
    start_us = now_us - SPAN_DAYS * DAY_US
    ws = lambda n: np.full(n, workspace_id)  # noqa: E731

    users = np.array([f"U{i:04d}" for i in range(1, size.users + 1)])
    user_rows = Columns(
        "chat_user",
        ["workspace_id", "external_id", "name", "is_admin"],
        [
            ws(size.users),
            users,
            np.array([f"Person {i}" for i in range(1, size.users + 1)]),
            np.zeros(size.users, dtype=bool),
        ],
    )

    # Customers by rank: value and segment fall with rank, traffic follows Zipf.
    rank = np.arange(1, size.customers + 1)
    weight = 1.0 / rank**1.1
    weight /= weight.sum()
    segment = np.where(rank <= 100, "enterprise", np.where(rank <= 1500, "midmarket", "smb"))
    value = np.round(2_000_000 / rank**0.8 * rng.lognormal(0, 0.3, size.customers), -2)
    names = np.array([f"Customer {i:05d}" for i in rank])
    status = np.where(rng.random(size.customers) < 0.03, "churned", "active")
    owner = users[rng.integers(0, size.users, size.customers)]
    created = _times(start_us - rng.integers(0, 365, size.customers) * DAY_US)
    customer_rows = Columns(
        "customer",
        ["workspace_id", "name", "name_key", "segment", "value", "owner", "status", "created_at"],
        [ws(size.customers), names, np.char.lower(names), segment, value, owner, status, created],
    )
    alias_rows = Columns(
        "customer_alias",
        ["workspace_id", "customer_id", "alias", "alias_key"],
        [ws(size.customers), rank, names, np.char.lower(names)],
    )

    # Feedback: busier lately (sqrt spreads more items toward now), Zipf over customers.
    n = size.feedback
    fb_customer = rng.choice(rank, n, p=weight)
    fb_time = start_us + (np.sqrt(rng.random(n)) * SPAN_DAYS * DAY_US).astype(np.int64)
    kind = rng.choice(KINDS, n, p=KIND_SHARE)
    mood = np.select([kind == "problem", kind == "risk", kind == "praise"], [-0.45, -0.6, 0.6], 0)
    sentiment = np.round(np.clip(mood + rng.normal(0, 0.25, n), -1, 1), 2)
    channel = np.char.add("C", rng.integers(100, 130, n).astype(str))
    ts = np.char.add(np.arange(1, n + 1).astype(str), ".000100")
    feedback_rows = Columns(
        "feedback",
        [
            "workspace_id",
            "customer_id",
            "text",
            "kind",
            "sentiment",
            "source",
            "author",
            "channel",
            "message_ts",
            "permalink",
            "created_at",
        ],
        [
            ws(n),
            fb_customer,
            rng.choice(PHRASES, n),
            kind,
            sentiment,
            rng.choice(SOURCES, n, p=SOURCE_SHARE),
            users[rng.integers(0, size.users, n)],
            channel,
            ts,
            np.char.add("http://127.0.0.1:3000/archives/p", ts),
            _times(fb_time),
        ],
    )
    loop_rows, event_rows = _loops(rng, ws, size, users, rank, weight, start_us, now_us)
    return [user_rows, customer_rows, alias_rows, feedback_rows, loop_rows, event_rows]


def _loops(rng, ws, size: Size, users, rank, weight, start_us: int, now_us: int):  # noqa: ANN001, ANN202
    """Loops whose state fits their age: old ones mostly closed, recent ones mostly open; three
    in four done by their due time; each with the events of its history."""
    n = size.loops
    customer = rng.choice(rank, n, p=weight)
    created = start_us + (np.sqrt(rng.random(n)) * SPAN_DAYS * DAY_US).astype(np.int64)
    due = created + rng.integers(1, 15, n) * DAY_US
    took = (rng.lognormal(np.log(3), 0.8, n) * DAY_US).astype(np.int64)
    on_time = rng.random(n) < 0.75
    done = np.where(
        on_time, created + np.minimum(took, due - created - 3_600_000_000), due + took // 2 + DAY_US
    )
    closed = done + (rng.random(n) * 3 * DAY_US).astype(np.int64)
    roll = rng.random(n)
    cancelled = roll < 0.05
    stale_open = (roll >= 0.05) & (roll < 0.08)  # the backlog nobody finished
    has_done = ~cancelled & ~stale_open & (done <= now_us)
    has_closed = has_done & (closed <= now_us) & (roll >= 0.1)  # some stay done, untold
    cancelled_at = created + (rng.random(n) * (due - created)).astype(np.int64)
    cancelled &= cancelled_at <= now_us
    state = np.where(
        cancelled, "cancelled", np.where(has_closed, "closed", np.where(has_done, "done", "open"))
    )
    has_done &= ~cancelled
    has_closed &= ~cancelled
    owner = users[np.minimum(rng.zipf(1.3, n) - 1, size.users - 1)]
    number = np.arange(1, n + 1)
    # Reply loops: answered after a lognormal wait (median 45 min), some never.
    reply = rng.random(n) < 0.33
    answered_at = created + (rng.lognormal(np.log(45), 1.2, n) * 60_000_000).astype(np.int64)
    answered = reply & (rng.random(n) < 0.9) & (answered_at <= now_us) & ~cancelled
    rated = has_closed & (rng.random(n) < 0.33)
    score = rng.choice(np.arange(1, 6), n, p=[0.05, 0.07, 0.13, 0.35, 0.40])
    rated_at = closed + (rng.random(n) * 6 * 3_600_000_000).astype(np.int64)
    rated &= rated_at <= now_us
    loop_rows = Columns(
        "loop",
        [
            "workspace_id",
            "number",
            "customer_id",
            "what",
            "owner",
            "created_by",
            "state",
            "due_at",
            "created_at",
            "done_at",
            "closed_at",
            "cancelled_at",
            "overdue_nudges",
            "escalation_level",
            "reply_channel",
            "reply_ts",
            "first_response_at",
            "csat",
            "csat_by",
            "csat_at",
        ],
        [
            ws(n),
            number,
            customer,
            np.char.add("Follow up on request #", number.astype(str)),
            owner,
            owner,
            state,
            _times(due),
            _times(created),
            _maybe_times(done, has_done),
            _maybe_times(closed, has_closed),
            _maybe_times(cancelled_at, cancelled),
            np.zeros(n, dtype=int),
            np.zeros(n, dtype=int),
            _maybe(np.char.add("CX", customer.astype(str)), reply),
            _maybe(np.char.add(number.astype(str), ".000200"), reply),
            _maybe_times(answered_at, answered),
            _maybe(score, rated),
            _maybe(np.full(n, "UEXT"), rated),
            _maybe_times(rated_at, rated),
        ],
    )
    updated = rng.random(n) < 0.25
    update_at = created + (rng.random(n) * 2 * DAY_US).astype(np.int64)
    updated &= update_at <= now_us
    parts = [
        (np.ones(n, bool), "created", created),
        (has_done, "done", done),
        (has_closed, "told", closed),
        (cancelled, "cancel", cancelled_at),
        (updated, "update", update_at),
    ]
    loop_id = np.concatenate([number[mask] for mask, _, _ in parts])
    kind = np.concatenate([np.full(mask.sum(), name) for mask, name, _ in parts])
    at = np.concatenate([when[mask] for mask, _, when in parts])
    order = np.argsort(at, kind="stable")
    event_rows = Columns(
        "loop_event",
        ["workspace_id", "loop_id", "customer_id", "kind", "actor", "at"],
        [
            ws(len(order)),
            loop_id[order],
            customer[loop_id[order] - 1],
            kind[order],
            owner[loop_id[order] - 1],
            _times(at[order]),
        ],
    )
    return loop_rows, event_rows


# ---- loading ---------------------------------------------------------------------------------


def seed(url: str, size: Size = Size()) -> dict[str, float]:
    """Migrate and fill the database at `url` (which must be empty); seconds per step."""
    upgrade(url)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    workspace_id = _workspace(url, size)
    tables = generate(workspace_id, size)
    timings["generate"] = time.perf_counter() - started
    started = time.perf_counter()
    if url.startswith("sqlite"):
        _load_sqlite(url.split("///", 1)[1], tables)
    else:
        _load_postgres(url, tables)
    timings["load"] = time.perf_counter() - started
    return timings


def _workspace(url: str, size: Size) -> int:
    import sqlalchemy as sa

    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO workspace (platform, external_id, name, loop_seq, alias_version,"
                " created_at) VALUES ('slack', :ext, 'Bench', :seq, 1, :at)"
            ),
            {"ext": WORKSPACE, "seq": size.loops, "at": NOW.replace(tzinfo=None)},
        )
        workspace_id = conn.execute(
            sa.text("SELECT id FROM workspace WHERE external_id = :ext"), {"ext": WORKSPACE}
        ).scalar_one()
        conn.execute(
            sa.text(
                "INSERT INTO workspace_setting (workspace_id, key, value)"
                " VALUES (:ws, 'bench_seed', :v)"
            ),
            {"ws": workspace_id, "v": f'"{SEED_VERSION}"'},
        )
    engine.dispose()
    return workspace_id


def _load_sqlite(path: str, tables: Sequence[Columns]) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    with connection:
        for columns in tables:
            marks = ", ".join("?" * len(columns.names))
            connection.executemany(
                f"INSERT INTO {columns.table} ({', '.join(columns.names)}) VALUES ({marks})",
                columns.rows(),
            )
    # No ANALYZE: the app never runs it, so the queries must plan well without statistics.
    connection.close()


def _load_postgres(url: str, tables: Sequence[Columns]) -> None:
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as connection:
        for columns in tables:
            names = ", ".join(f'"{c}"' for c in columns.names)
            with (
                connection.cursor() as cursor,
                cursor.copy(f'COPY "{columns.table}" ({names}) FROM STDIN') as copy,
            ):
                for row in columns.rows():
                    copy.write_row(row)
        connection.commit()
    _vacuum(dsn)


def _vacuum(dsn: str) -> None:
    """VACUUM ANALYZE until every page is marked all-visible, as autovacuum leaves a settled
    database: index-only scans need it. (A VACUUM racing autovacuum right after a big load
    can leave pages unmarked, so check and repeat.)"""
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as connection:
        for _ in range(10):
            connection.execute("VACUUM ANALYZE")
            unmarked = connection.execute(
                "SELECT count(*) FROM pg_class WHERE relname IN ('feedback', 'feedback_day', "
                "'loop', 'loop_event') AND relallvisible < relpages"
            ).fetchone()
            if unmarked and unmarked[0] == 0:
                return
            time.sleep(2)


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: python -m bench.seed DATABASE_URL (an empty database)")
        return 2
    timings = seed(sys.argv[1])
    print(", ".join(f"{step} {seconds:.1f} s" for step, seconds in timings.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
