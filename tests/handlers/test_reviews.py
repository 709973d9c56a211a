"""The quarterly review, health and retention, against numbers worked out by hand."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from bot.core.errors import BadInput
from bot.core.health import HealthFacts, Quarter, health, parse_quarter
from bot.platforms.review_page import as_json, html, markdown
from handlers import commands, reviews
from handlers.context import Deps
from tests.conftest import person
from tests.handlers.test_answers import alice as answerer
from tests.handlers.test_answers import seed_answers

alice, bob, admin = person("alice"), person("bob"), person("admin")


def at(deps: Deps, month: int, day: int, hour: int = 10) -> None:
    deps.clock.set(datetime(2026, month, day, hour, 0, tzinfo=UTC))  # type: ignore[attr-defined]


def run(deps: Deps, who, text: str) -> str:  # noqa: ANN001
    reply = commands.run(deps, who, text)
    assert not reply.error, reply.text
    return reply.plain()


def story(deps: Deps) -> None:
    """Q3: #1 kept (3 days to close), #2 late (31 days). Q4: #3 kept (3 days), #4 overdue,
    #5 not due yet. Now: Tue 24 Nov 09:00 UTC."""
    at(deps, 8, 10)
    run(
        deps,
        alice,
        "customer add Acme Corp aliases ACME segment enterprise value 120000 owner @alice",
    )
    run(deps, bob, "commit ACME: send the deck by 2026-08-14")
    run(deps, bob, "commit ACME: fix the export by 2026-09-04")
    run(deps, bob, "feedback ACME: the export is broken again, this is terrible")
    run(deps, bob, "feedback ACME: love the new dashboard")
    at(deps, 8, 13)
    run(deps, bob, "done 1 sent")
    run(deps, bob, "told 1 emailed")
    at(deps, 9, 10)
    run(deps, bob, "done 2 fixed")
    run(deps, bob, "told 2 emailed")
    at(deps, 10, 5)
    run(deps, bob, "commit ACME: share the SSO plan by 2026-10-09")
    at(deps, 10, 8)
    run(deps, bob, "done 3 shared")
    run(deps, bob, "told 3 emailed")
    at(deps, 11, 2)
    run(deps, bob, "commit ACME: audit log export by 2026-11-06")
    at(deps, 11, 20)
    run(deps, bob, "commit ACME: quarterly roadmap call by 2026-12-04")
    at(deps, 11, 24, 9)


def test_a_review_of_a_seeded_quarter_and_the_one_before(deps) -> None:  # noqa: ANN001
    """Every number of the JSON for 2026Q4 and 2026Q3, worked out by hand from the story. Acme
    was last heard on 10 Aug 10:00 (its two feedback items): by now 105 days, by 2026Q3's end
    (1 Oct) 51; our own commitments and closures do not make a customer less quiet."""
    story(deps)
    found = as_json(reviews.review(deps, alice, "acme", parse_quarter("2026Q4")))
    assert found["customer"] == "Acme Corp" and found["quarter"] == "2026Q4"
    assert found["segment"] == "enterprise" and found["value"] == 120000
    assert found["owner"] == "alice" and found["status"] == "active"
    assert found["commitments"] == {
        "made": 3,
        "kept_on_time": 1,
        "closed": 1,
        "open": 2,
        "overdue": 1,
    }
    assert found["on_time_rate"] == 0.5  # #3 kept, #4 missed; #5 not due yet
    assert found["median_days_to_close"] == 3.0
    assert sum(found["feedback"].values()) == 0 and found["negative_feedback"] == 0
    assert found["health"] == 60
    assert found["health_reasons"] == [
        "1 promise overdue: -10",
        "quiet for 105 days: -20",
        "50% of promises kept on time: -10",
    ]
    assert found["csat"] == {"responses": 0, "average": None}
    before = found["previous"]
    assert before["quarter"] == "2026Q3"
    assert before["commitments"] == {
        "made": 2,
        "kept_on_time": 1,
        "closed": 2,
        "open": 0,
        "overdue": 0,
    }
    assert before["on_time_rate"] == 0.5 and before["median_days_to_close"] == 17.0  # (3 + 31) / 2
    assert sum(before["feedback"].values()) == 2
    assert before["health"] == 70 and before["health_reasons"] == [
        "quiet for 51 days: -20",
        "50% of promises kept on time: -10",
    ]
    assert set(found) == set(before) | {"previous"}


def test_the_weeks_show_promises_made_and_kept_on_time(deps) -> None:  # noqa: ANN001
    """The chart's series by hand. 2026Q4's weeks start Thu 1 Oct: #3 made 5 Oct (week 0), due
    9 Oct and done 8 Oct (kept, week 1); #4 made 2 Nov (week 4), due 6 Nov, never done; #5 made
    20 Nov (week 7). 2026Q3's start Wed 1 Jul: #1 and #2 made 10 Aug (week 5); #1 due 14 Aug,
    done 13 Aug (kept, week 6); #2 due 4 Sep, done 10 Sep (late). Breakage caught: kept counted
    by the week the promise was made or done instead of due, or late deliveries counted."""
    story(deps)
    found = reviews.review(deps, alice, "acme", parse_quarter("2026Q4"))
    weeks, before = found["weeks"], found["previous"]["weeks"]  # type: ignore[index]
    assert [w["week_start"] for w in weeks][:2] == ["2026-10-01", "2026-10-08"]
    assert [w["commitments"] for w in weeks] == [1, 0, 0, 0, 1, 0, 0, 1]
    assert [w["kept_on_time"] for w in weeks] == [0, 1, 0, 0, 0, 0, 0, 0]
    assert [w["first_response_minutes"] for w in weeks] == [None] * 8  # no reply loops
    assert len(before) == 14
    assert [w["commitments"] for w in before] == [0] * 5 + [2] + [0] * 8
    assert [w["kept_on_time"] for w in before] == [0] * 6 + [1] + [0] * 7


def test_the_weeks_show_the_median_first_response(deps) -> None:  # noqa: ANN001
    """Acme's reply loops answered in 2026Q4 (weeks from Thu 1 Oct): 20 Oct in 30 min (week
    2); 20 Nov 30 min, 21 Nov 2,940 min, 23 Nov 180 min (week 7: median 180); the unanswered
    and the cancelled ones leave no time. Breakage caught: unanswered loops counted in the
    median."""
    seed_answers(deps.engine)
    found = reviews.review(deps, answerer, "Acme", None)
    times = [w["first_response_minutes"] for w in found["weeks"]]  # type: ignore[index]
    assert times == [None, None, 30.0, None, None, None, None, 180.0]
    said = commands.run(deps, answerer, "review Acme")
    chart = said.attachments[0].content
    assert chart.startswith(b"\x89PNG")
    # In chat too: the quarter's median of 30, 30, 180 and 2,940 min, and CSAT 5, 2 and 4.
    assert "Median first response: 105 min (before: —)" in said.plain()
    assert "CSAT: 3.7 from 3 answers (before: —)" in said.plain()
    # The page draws the same medians as points of its line, on a scale up to the largest.
    page = html(found)
    points = re.findall(r"<title>([-0-9]+): median first response ([0-9.]+) min</title>", page)
    assert points == [("2026-10-15", "30"), ("2026-11-19", "180")]
    assert ">180 min</text>" in page


def test_health_is_arithmetic_a_person_can_redo() -> None:
    assert health(HealthFacts()) == (100, [])
    assert health(HealthFacts(overdue=5)) == (70, ["5 promises overdue: -30"])  # capped
    score, reasons = health(HealthFacts(feedback=10, negative=4, days_quiet=45, on_time_rate=0.75))
    assert reasons == [
        "40% of feedback negative: -12",
        "quiet for 45 days: -15",
        "75% of promises kept on time: -5",
    ]
    assert score == 100 - 12 - 15 - 5
    assert health(HealthFacts(feedback=2, negative=2)) == (100, [])  # too few to say
    assert health(HealthFacts(status="churned", overdue=3)) == (0, ["churned"])
    assert health(HealthFacts(csat_average=2.5)) == (85, ["CSAT 2.5: -15"])


def test_quarters_are_read_or_refused() -> None:
    assert parse_quarter("2026Q4") == Quarter(2026, 4) and str(parse_quarter("2026-q1")) == "2026Q1"
    with pytest.raises(BadInput, match="not a quarter"):
        parse_quarter("2026Q7")


def test_the_health_report_puts_the_most_value_at_risk_first(deps) -> None:  # noqa: ANN001
    story(deps)
    at(deps, 11, 2)
    run(deps, alice, "customer add Globex value 5000")
    run(deps, bob, "commit Globex: call back by 2026-11-10")  # overdue: health 80, little value
    at(deps, 11, 24, 9)
    reply = commands.run(deps, alice, "report health")
    assert not reply.error, reply.text
    rows = reply.table.rows
    assert [r["customer"] for r in rows] == ["Acme Corp", "Globex"]
    # The last 90 days: #2 (late), #3 (on time) and #4 (missed) were due: 1 of 3 on time; last
    # heard 10 Aug 10:00, 105 days ago.
    assert rows[0]["health"] == 100 - 10 - 20 - 13 and rows[0]["status"] == "active"
    assert rows[0]["reasons"] == (
        "1 promise overdue: -10; quiet for 105 days: -20; 33% of promises kept on time: -13"
    )
    # Globex: its one due promise missed; never heard, but added 22 days ago: not quiet yet
    assert rows[1]["health"] == 100 - 10 - 20


def test_health_counts_unanswered_questions_and_csat_the_same_in_both(deps) -> None:  # noqa: ANN001
    """The answers seed at Tue 24 Nov 09:00 (every customer added 1 Sep 09:00, 84 days ago,
    none of them heard since: quiet −20 each). Acme: reply loop #4 is past its target with no
    answer (−10); #1–#3 and #7 were answered but are still open: neither overdue promises nor
    unanswered; CSAT 5, 2 and 4 = 3.7 (−3); #1–#4 and #7 were due and none was done (0% on
    time, −20): 47. Globex: #8 answered, due and not done (−20), its CSAT 5 costs nothing: 60.
    Initech and Umbrella: only quiet, 80. Value at risk: Acme 53 × 100k, Umbrella 20 × 50k,
    Globex 40 × 10k, Initech 20 × 5k. The review of Acme's quarter says the same. Breakage
    caught: unanswered questions or CSAT left out of either, or answered reply loops counted as
    overdue promises."""
    seed_answers(deps.engine)
    deps.clock.set(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    reply = commands.run(deps, answerer, "report health")
    assert not reply.error, reply.text
    rows = reply.table.rows
    assert [(r["customer"], r["health"]) for r in rows] == [
        ("Acme", 47), ("Umbrella", 80), ("Globex", 60), ("Initech", 80),
    ]  # fmt: skip
    acme = [
        "1 question unanswered past the target: -10",
        "CSAT 3.7: -3",
        "quiet for 84 days: -20",
        "0% of promises kept on time: -20",
    ]
    assert rows[0]["reasons"] == "; ".join(acme)
    found = reviews.review(deps, answerer, "Acme", parse_quarter("2026Q4"))
    assert found["health"] == 47 and found["health_reasons"] == acme


def test_churn_is_for_admins_and_the_account_owner_and_stops_nudges(deps) -> None:  # noqa: ANN001
    """Breakage caught: anyone may churn a customer; a churned customer's loops still nudge."""
    story(deps)
    refused = commands.run(deps, bob, "customer ACME status churned moved to a rival")
    assert refused.error and "account owner" in refused.text
    said = run(deps, alice, "customer ACME status churned moved to a rival")
    assert "Acme Corp is now churned (moved to a rival)" in said
    found = reviews.review(deps, alice, "acme", None)
    assert found["status"] == "churned" and found["health"] == 0
    from tests.followups.helpers import sweep_now
    from tests.followups.recording import RecordingDelivery

    delivery = RecordingDelivery()
    assert sweep_now(deps, delivery) == []  # #4 is overdue, but nobody is nudged for it
    timeline = run(deps, alice, "customer ACME")
    assert "moved to a rival" in timeline  # the change is a touchpoint with its reason


def test_a_review_in_chat_gives_a_private_link_and_documents_render(deps) -> None:  # noqa: ANN001
    story(deps)
    deps.settings.secret_key = "s3cret"
    reply = commands.run(deps, alice, "review ACME 2026Q4")
    assert not reply.error, reply.text
    assert "Acme Corp — review of 2026Q4" in reply.text and "/reviews/" in (reply.footer or "")
    (chart,) = reply.attachments  # the quarter's weeks, as a picture
    assert chart.mime == "image/png" and chart.content.startswith(b"\x89PNG")
    bad = commands.run(deps, alice, "review ACME 2026Q7")
    assert bad.error and "not a quarter" in bad.text
    found = reviews.review(deps, alice, "acme", parse_quarter("2026Q4"))
    page = html(found)
    assert "<svg" in page and "Acme Corp — 2026Q4 review" in page
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing fetched
    assert "| Commitments made | 3 | 2 |" in markdown(found)
    # Commitments made per week [1, 0, 0, 0, 1, 0, 0, 1], no feedback: the first week is the
    # busiest, the second the quietest (the first of each).
    assert "Weeks: busiest from 2026-10-01, quietest from 2026-10-08" in reply.plain()
    assert (
        "Busiest week (feedback and commitments): from 2026-10-01; quietest: from 2026-10-08"
        in page
    )


def test_segments_count_churn_and_the_value_retained(deps) -> None:  # noqa: ANN001
    """Enterprise held Acme (120,000) and Initech (30,000) in the last 30 days; Acme churned in
    it: 1 churned, 30,000 ÷ 150,000 of the value retained. Breakage caught: churn counted from
    the status alone (a customer churned long ago counted again), or value of churned customers
    kept in the numerator."""
    story(deps)
    run(deps, alice, "customer add Initech segment enterprise value 30000")
    run(deps, alice, "customer add Hooli segment smb value 1000")
    at(deps, 11, 20)
    run(deps, alice, "customer ACME status churned budget cuts")
    at(deps, 11, 24, 9)
    rows = {r["segment"]: r for r in commands.run(deps, alice, "report segments csv").table.rows}
    assert rows["enterprise"]["churned"] == 1
    assert rows["enterprise"]["retained_value_rate"] == 0.2
    assert rows["smb"]["churned"] == 0 and rows["smb"]["retained_value_rate"] == 1.0
    at(deps, 11, 24, 10)
    run(deps, alice, "customer ACME status active won back")
    rows = {r["segment"]: r for r in commands.run(deps, alice, "report segments csv").table.rows}
    assert rows["enterprise"]["churned"] == 0 and rows["enterprise"]["retained_value_rate"] == 1.0


# Every index a review may read feedback and loops through: each is led by one customer, or is
# a partial index holding only reply loops or CSAT answers (first response, CSAT).
CUSTOMER_INDEXES = (
    "ix_feedback_customer ",
    "ix_loop_customer_created ",
    "ix_loop_customer_due ",
    "ix_loop_customer_closed ",
    "ix_loop_asked ",
    "ix_loop_csat ",
    "INTEGER PRIMARY KEY",
)


def test_a_review_reads_only_ranges_of_the_customers_own_rows(sqlite_deps) -> None:  # noqa: ANN001
    """SQLite plans without statistics: every feedback and loop read of a review must be a
    range of an index led by the customer, so the biggest customer's review costs its own rows,
    not the workspace's. Breakage caught: the per-kind counts grouped by a plain `kind` (SQLite
    then walks ix_feedback_kind over every customer to spare a sort), or a count of loops open
    at the quarter's end served by ix_loop_created's range over the whole workspace."""
    story(sqlite_deps)
    engine = sqlite_deps.engine
    statements: list[tuple[str, object]] = []

    def seen(_conn, _cursor, statement, parameters, _context, _many) -> None:  # noqa: ANN001
        statements.append((statement, parameters))

    sa.event.listen(engine, "before_cursor_execute", seen)
    try:
        reviews.review(sqlite_deps, alice, "acme", parse_quarter("2026Q4"))
    finally:
        sa.event.remove(engine, "before_cursor_execute", seen)
    reads = []
    with engine.connect() as conn:
        for statement, parameters in statements:
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            reads += [row[3] for row in plan if row[3].split(" ")[1:2] in (["feedback"], ["loop"])]
    assert len(reads) > 20  # both quarters' feedback and loops were read
    wide = [read for read in reads if not any(index in read + " " for index in CUSTOMER_INDEXES)]
    assert wide == []


def test_chat_health_shows_the_same_first_rows_as_scoring_everyone(deps) -> None:  # noqa: ANN001
    """Chat scores customers biggest value first and stops when nobody left could rank among
    its first rows; the CLI scores all of them. 400 customers with values falling by rank,
    random overdue promises and negative feedback, a few churned far down the ranking (health
    0: all their value at risk): the chat's 25 rows are the CLI's first 25, in order. Breakage
    caught: stopping after the first batch (the churned ones further down are missed), or a
    bound that is not 100 × the next customer's value."""
    import random

    from handlers.reports import table_for_cli
    from storage.models import Customer, Feedback, Loop
    from storage.uow import UnitOfWork

    rng = random.Random(18)
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    deps.clock.set(now)  # type: ignore[attr-defined]
    with UnitOfWork(deps.engine) as uow:
        ws = uow.workspaces.get_or_create("console", "console", datetime(2026, 1, 5, tzinfo=UTC)).id
        number = 0
        for rank in range(1, 401):
            churned = rank in (130, 260, 390)
            row = Customer(workspace_id=ws, name=f"Customer {rank:03d}",
                           name_key=f"customer {rank:03d}", segment="smb",
                           value=float(round(1_000_000 / rank**0.7, -1)),
                           status="churned" if churned else "active",
                           created_at=datetime(2026, 1, 5, tzinfo=UTC))  # fmt: skip
            cid = uow.customers.add(row, []).id
            for _ in range(rng.choice((0, 0, 0, 0, 1, 2))):
                number += 1
                uow.session.add(Loop(workspace_id=ws, number=number, customer_id=cid,
                                     what="x", owner="alice", state="open",
                                     created_at=datetime(2026, 11, 1, tzinfo=UTC),
                                     due_at=datetime(2026, 11, 10, tzinfo=UTC)))  # fmt: skip
            for day in range(rng.choice((1, 3, 5))):  # heard lately: nobody is quiet
                said = datetime(2026, 11, 2 + day, tzinfo=UTC)
                mood = rng.choice((-0.5, 0.4, 0.6))
                uow.session.add(Feedback(workspace_id=ws, customer_id=cid, kind="problem",
                                         text="broken", sentiment=mood, source="command",
                                         author="alice", created_at=said))  # fmt: skip
        uow.commit()
    everyone = table_for_cli(deps, "health", "console").rows
    assert len(everyone) == 400
    reply = commands.run(deps, alice, "report health")
    assert not reply.error, reply.text
    assert reply.table.rows == everyone[:25]
    assert "the first 25 of 400" in reply.text
    churned = [r["customer"] for r in everyone[:25] if r["status"] == "churned"]
    assert "Customer 130" in churned  # far past the first batch of 50
