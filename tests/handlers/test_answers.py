"""First response and CSAT in reports, the customers report, the digest and the review, on both
databases, every number worked out by hand (now is Tue 24 Nov 2026 09:00 UTC; the 30-day
period is [25 Oct 09:00, now], the one before [25 Sep 09:00, 25 Oct 09:00))."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.core.replies import Reply
from handlers import commands, reports, reviews
from handlers.answers import say_minutes
from handlers.context import Caller, Deps
from handlers.digest import weekly_digest
from storage.db import make_engine
from storage.models import Customer, Loop
from storage.uow import UnitOfWork
from tests.cli.test_cli import loopkeeper

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
alice = Caller(platform="slack", workspace="T1", user="alice", user_name="Alice Adams")


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


@dataclass
class Seeded:
    workspace_id: int
    acme: int
    globex: int


def seed_answers(engine: object, external_id: str = "T1") -> Seeded:
    """Acme (enterprise, 100k), Globex (smb, 10k) and Initech (smb, 5k) have linked channels;
    Umbrella has none and nothing happened to it. Reply loops and CSAT answers as below."""
    with UnitOfWork(engine) as uow:  # type: ignore[arg-type]
        ws = uow.workspaces.get_or_create("slack", external_id, at(9, 1)).id
        assert ws is not None

        def customer(name: str, segment: str, value: float) -> int:
            row = Customer(workspace_id=ws, name=name, name_key=name.lower(), segment=segment,
                           value=value, created_at=at(9, 1))  # fmt: skip
            return uow.customers.add(row, []).id  # type: ignore[return-value]

        acme = customer("Acme", "enterprise", 100_000)
        globex = customer("Globex", "smb", 10_000)
        initech = customer("Initech", "smb", 5_000)
        customer("Umbrella", "enterprise", 50_000)
        for channel, cid in (("CACME", acme), ("CGLOBEX", globex), ("CINITECH", initech)):
            uow.channel_links.link(ws, channel, cid, "alice", at(9, 2))
        number = 0

        def loop(cid: int, created: datetime, **columns: object) -> None:
            nonlocal number
            number += 1
            state = columns.pop("state", "cancelled" if columns.get("cancelled_at") else "open")
            uow.session.add(Loop(workspace_id=ws, number=number, customer_id=cid,
                                 what=f"loop {number}", owner="alice", state=state,
                                 created_at=created, **columns))  # fmt: skip

        def reply_loop(cid: int, created: datetime, due: datetime, answered: datetime | None,
                       **columns: object) -> None:  # fmt: skip
            loop(cid, created, reply_channel="C", reply_ts=f"{number}.1", due_at=due,
                 first_response_at=answered, **columns)  # fmt: skip

        # Acme, in the period: 30 min, 2 days 1 h (2,940 min), 180 min and late, then two
        # unanswered: one past its target, one not yet; a cancelled one does not count.
        reply_loop(acme, at(11, 20, 10), at(11, 20, 12), at(11, 20, 10, 30))
        reply_loop(acme, at(11, 21), at(11, 23, 11), at(11, 23, 10))
        reply_loop(acme, at(11, 23, 8), at(11, 23, 10), at(11, 23, 11))
        reply_loop(acme, at(11, 24, 6), at(11, 24, 8), None)
        reply_loop(acme, at(11, 24, 8, 30), at(11, 24, 10, 30), None)
        reply_loop(acme, at(11, 22), at(11, 22, 11), None, cancelled_at=at(11, 22, 10))
        # Acme the period before (in the quarter too): 30 min
        reply_loop(acme, at(10, 20, 10), at(10, 20, 12), at(10, 20, 10, 30))
        # Globex in the period: 60 min
        reply_loop(globex, at(11, 10), at(11, 10, 11), at(11, 10, 10))
        # CSAT: Acme 5, 2 and 4 in the period; Globex a 5 the period before
        for cid, score, when in ((acme, 5, at(11, 20)), (acme, 2, at(11, 22)),
                                 (acme, 4, at(11, 23)), (globex, 5, at(10, 15))):  # fmt: skip
            loop(cid, when, state="closed", csat=score, csat_by="UEXT", csat_at=when)
        uow.commit()
    return Seeded(ws, acme, globex)


def chat(deps: Deps, text: str) -> Reply:
    reply = commands.run(deps, alice, text)
    assert not reply.error, reply.text
    return reply


def test_response_report_by_hand(deps: Deps) -> None:
    seed_answers(deps.engine)
    reply = chat(deps, "report response")
    assert reply.table.rows == [  # type: ignore[union-attr]
        # asked 5 (the cancelled one left out), answered 3, median of 30, 180, 2940
        {"customer": "Acme", "segment": "enterprise", "asked": 5, "answered": 3,
         "median_first_response_minutes": 180.0, "breached": 2},
        {"customer": "Globex", "segment": "smb", "asked": 1, "answered": 1,
         "median_first_response_minutes": 60.0, "breached": 0},
        # linked, nothing asked: listed with nothing to divide; Umbrella (no channel) is not
        {"customer": "Initech", "segment": "smb", "asked": 0, "answered": 0,
         "median_first_response_minutes": None, "breached": 0},
    ]  # fmt: skip
    text = reply.plain()
    # in all: 30, 60, 180, 2940 → (60 + 180) / 2 = 120 min; before: Acme's 30 min
    assert "First response, median: 2.0 h (before: 30 min)" in text
    assert "Questions answered: 4 of 6 (▲3 from 1)" in text
    assert "Past the target: 2 (▲2 from 0)" in text
    assert "breached = answered after the first-response target" in (reply.footer or "")


def test_telling_the_customer_answers_their_question(deps: Deps) -> None:
    """Reply loop #4 (asked 24 Nov 06:00, due 08:00) is closed with `told` at 09:00: the
    customer has been answered, 180 min after asking and past the target. Acme: answered 4 of
    5, median of 30, 180, 180 and 2,940 = 180 min, still 2 breached (#3 late, #4 late now).
    Breakage caught: a told reply loop left unanswered (3 of 5)."""
    seed_answers(deps.engine)
    deps.clock.set(NOW)  # type: ignore[attr-defined]
    chat(deps, "told 4 called them back")
    acme = chat(deps, "report response").table.rows[0]  # type: ignore[union-attr]
    assert (acme["customer"], acme["asked"], acme["answered"]) == ("Acme", 5, 4)
    assert acme["median_first_response_minutes"] == 180.0 and acme["breached"] == 2


def test_csat_report_by_hand(deps: Deps) -> None:
    seed_answers(deps.engine)
    reply = chat(deps, "report csat")
    assert reply.table.rows == [  # type: ignore[union-attr]
        # 5, 2, 4: 11 / 3 = 3.67, two of three satisfied
        {"customer": "Acme", "segment": "enterprise", "responses": 3, "average": 3.67,
         "satisfied_rate": 0.667},
        {"customer": "Globex", "segment": "smb", "responses": 0, "average": None,
         "satisfied_rate": None},  # its 5 was the period before
        {"customer": "Initech", "segment": "smb", "responses": 0, "average": None,
         "satisfied_rate": None},
    ]  # fmt: skip
    text = reply.plain()
    assert "CSAT: 3.7 from 3 (before: 5.0 from 1)" in text
    assert "Satisfied (4–5): 67% (▼33 pts, from 100%)" in text


def test_customers_report_gains_csat_and_first_response(deps: Deps) -> None:
    seed_answers(deps.engine)
    rows = {r["customer"]: r for r in chat(deps, "report customers").table.rows}  # type: ignore[union-attr]
    assert (rows["Acme"]["csat"], rows["Acme"]["median_first_response_minutes"]) == (3.67, 180.0)
    assert (rows["Globex"]["csat"], rows["Globex"]["median_first_response_minutes"]) == (None, 60.0)
    assert (rows["Umbrella"]["csat"], rows["Umbrella"]["median_first_response_minutes"]) == (
        None,
        None,
    )


def test_chat_and_cli_give_the_same_numbers(deps: Deps) -> None:
    seed_answers(deps.engine)
    for kind in ("response", "csat", "customers"):
        assert chat(deps, f"report {kind}").table == reports.table_for_cli(deps, kind, None), kind


def test_the_weekly_digest_shows_first_response_and_csat_against_the_week_before(
    deps: Deps,
) -> None:
    seeded = seed_answers(deps.engine)
    text = weekly_digest(deps, seeded.workspace_id, NOW).plain()
    # the last 7 days: Acme's 30, 2940 and 180 min (median 180), 3 of 5 answered, 2 late;
    # CSAT 5, 2, 4; the 7 days before ([10 Nov 09:00, 17 Nov 09:00)): Globex's 60 min only
    assert "Answering customers, the last 7 days against the 7 days before" in text
    assert "First response, median: 3.0 h (before: 60 min)" in text
    assert "Questions answered: 3 of 5 (▲2 from 1)" in text
    assert "CSAT: 3.7 from 3 (before: —)" in text


def test_the_review_fills_first_response_and_csat(deps: Deps) -> None:
    seed_answers(deps.engine)
    found = reviews.review(deps, alice, "Acme", None)
    # 2026Q4 so far: 30 (20 Oct), 30, 2940, 180 → (30 + 180) / 2 = 105 min
    assert found["median_first_response_minutes"] == 105.0
    assert found["csat"] == {"responses": 3, "average": 3.67}
    assert "CSAT 3.7: -3" in found["health_reasons"]  # type: ignore[operator]
    assert found["previous"]["csat"] == {"responses": 0, "average": None}  # type: ignore[index]
    assert found["previous"]["median_first_response_minutes"] is None  # type: ignore[index]


def test_cli_prints_response_and_csat_with_the_spec_keys(tmp_path: Path) -> None:
    assert loopkeeper(tmp_path, "db", "upgrade").returncode == 0  # the file the CLI reads
    seed_answers(make_engine(f"sqlite:///{tmp_path / 'lk.db'}"))
    keys = {
        "response": ["customer", "segment", "asked", "answered",
                     "median_first_response_minutes", "breached"],
        "csat": ["customer", "segment", "responses", "average", "satisfied_rate"],
    }  # fmt: skip
    for kind, wanted in keys.items():
        result = loopkeeper(tmp_path, "report", kind, "--format", "json")
        assert result.returncode == 0, result.stderr
        rows = json.loads(result.stdout)
        assert [r["customer"] for r in rows] == ["Acme", "Globex", "Initech"]
        assert all(list(r) == wanted for r in rows)


def test_a_wait_reads_the_same_in_the_review_and_the_response_report() -> None:
    """Both say a median first response with `say_minutes`: minutes under two hours, hours
    from two (a review used to say "2940 min" where the response report said "49.0 h")."""
    assert say_minutes(105) == "105 min"
    assert say_minutes(119.99999) == "2.0 h"  # julianday's float for two hours
    assert say_minutes(2940) == "49.0 h"
    assert say_minutes(None) == "—"
    assert reviews.say_minutes is say_minutes
