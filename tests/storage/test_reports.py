"""Report queries on a small fixed story, on SQLite and PostgreSQL: every number by hand.

Now is Tue 24 Nov 2026 09:00 UTC. The 30-day period is [25 Oct 09:00, now], the one before
[25 Sep 09:00, 25 Oct 09:00). The eight weeks start on Mondays 5 Oct … 23 Nov.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine

from storage.db import make_engine
from storage.models import ChatUser, Customer, Feedback, Loop
from storage.reports import Period
from storage.touchpoints import Quiet
from storage.uow import UnitOfWork

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
PERIOD = Period(NOW - timedelta(days=30), NOW + timedelta(microseconds=1))
PREVIOUS = Period(NOW - timedelta(days=60), NOW - timedelta(days=30))
WEEK_STARTS = [datetime(2026, 10, 5, tzinfo=UTC) + timedelta(weeks=i) for i in range(9)]


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


@dataclass
class Story:
    workspace_id: int
    acme: int
    globex: int
    initech: int
    umbrella: int
    hooli: int


def seed_story(engine: Engine, external_id: str = "T1") -> Story:
    """Five customers, eight loops, six feedback items, with times chosen to cross every
    boundary the reports draw (period, previous period, week, due time, now)."""
    with UnitOfWork(engine) as uow:
        ws = uow.workspaces.get_or_create("slack", external_id, at(9, 1)).id
        assert ws is not None
        uow.session.add(ChatUser(workspace_id=ws, external_id="alice", name="Alice Adams"))

        def customer(
            name: str, segment: str, value: float, owner: str | None = None, status: str = "active"
        ) -> int:
            row = Customer(
                workspace_id=ws,
                name=name,
                name_key=name.lower(),
                segment=segment,
                value=value,
                owner=owner,
                status=status,
                created_at=at(9, 1),
            )
            return uow.customers.add(row, []).id  # type: ignore[return-value]

        acme = customer("Acme", "enterprise", 100_000, "alice")
        umbrella = customer("Umbrella", "enterprise", 50_000)
        globex = customer("Globex", "smb", 10_000, "bob")
        initech = customer("Initech", "smb", 5_000)  # no loops, no feedback: quiet since added
        hooli = customer("Hooli", "smb", 1_000, status="churned")  # churned: never "quiet"

        feedback = [
            (acme, "The export is broken", "problem", -0.5, at(11, 3), "https://example.com/p1"),
            (acme, "Love the new dashboard", "praise", 0.8, at(11, 20), None),
            (globex, "Could you add SSO", "request", 0.0, at(11, 21), None),
            (globex, "Invoices are wrong", "problem", -0.3, at(10, 1), None),  # previous period
            (umbrella, "Slow search again", "problem", -0.6, at(10, 15), None),  # 40 days ago
            (acme, "Please add an export API", "request", -0.1, NOW, None),  # exactly now
        ]
        feedback_ids = []
        for i, (cid, text, kind, sentiment, when, link) in enumerate(feedback):
            row = Feedback(
                workspace_id=ws,
                customer_id=cid,
                text=text,
                kind=kind,
                sentiment=sentiment,
                author="alice",
                channel="C1",
                message_ts=f"{i}.0",
                permalink=link,
                created_at=when,
            )
            uow.session.add(row)
            uow.session.flush()
            feedback_ids.append(row.id)

        # number, customer, owner, created, due, done, closed, cancelled
        loops = [
            (1, acme, "alice", at(11, 2, 10), at(11, 5, 17), at(11, 4, 12), at(11, 6), None),
            (2, acme, "alice", at(11, 10), at(11, 12, 17), at(11, 13), at(11, 14), None),
            (3, globex, "bob", at(11, 16), at(11, 20, 17), None, None, None),
            (4, globex, "bob", at(11, 20), at(12, 1, 17), None, None, None),
            (5, acme, "alice", at(11, 18), at(11, 19, 17), None, None, at(11, 19, 10)),
            (6, acme, "alice", at(10, 20), at(10, 30, 17), at(10, 29), None, None),
            (7, globex, "bob", at(10, 1), at(10, 10, 17), at(10, 9), at(10, 27), None),
            (8, globex, "carol", at(11, 23), at(11, 27, 17), None, None, None),
        ]
        for number, cid, owner, created, due, done, closed, cancelled in loops:
            state = "cancelled" if cancelled else "closed" if closed else "done" if done else "open"
            loop = Loop(
                workspace_id=ws,
                number=number,
                customer_id=cid,
                what=f"promise {number}",
                owner=owner,
                state=state,
                due_at=due,
                created_at=created,
                done_at=done,
                closed_at=closed,
                cancelled_at=cancelled,
                feedback_id=feedback_ids[0] if number == 1 else None,
            )
            uow.session.add(loop)
            uow.session.flush()
            for kind, when in (
                ("created", created),
                ("done", done),
                ("told", closed),
                ("cancel", cancelled),
            ):
                if when is not None:
                    uow.events.add(loop, kind, owner, when)
        uow.commit()
    return Story(ws, acme, globex, initech, umbrella, hooli)


@pytest.fixture
def story(db_url: str):  # noqa: ANN201
    engine = make_engine(db_url)
    seeded = seed_story(engine)
    with UnitOfWork(engine) as uow:
        yield seeded, uow
    engine.dispose()


def test_loop_counts_per_owner(story) -> None:  # noqa: ANN001
    seeded, uow = story
    stats = uow.reports.loop_stats(seeded.workspace_id, "owner", PERIOD, NOW)
    alice, bob, carol = stats["alice"], stats["bob"], stats["carol"]
    # alice: #6 is done but not told (open); #1, #2 closed; #5 cancelled; due: #1, #6 on time,
    # #2 late (#5 cancelled: not counted)
    assert (alice.open, alice.overdue, alice.closed, alice.cancelled) == (1, 0, 2, 1)
    assert (alice.due, alice.on_time) == (3, 2)
    # bob: #3 overdue, #4 open; #7 closed in the period though opened in the one before;
    # #3 was due and missed: a rate of 0, not null
    assert (bob.open, bob.overdue, bob.closed, bob.cancelled) == (2, 1, 1, 0)
    assert bob.on_time_rate == 0.0
    # carol: one open loop, nothing due yet: no rate at all
    assert (carol.open, carol.overdue, carol.closed) == (1, 0, 0)
    assert carol.on_time_rate is None


def test_totals_closure_rate_and_the_previous_period(story) -> None:  # noqa: ANN001
    seeded, uow = story
    now = uow.reports.loop_stats(seeded.workspace_id, "all", PERIOD, NOW)[None]
    # opened in the period: #1 #2 #3 #4 #5 #8; #5 cancelled; of the other five #1 #2 closed
    assert (now.opened, now.opened_kept, now.opened_closed) == (6, 5, 2)
    assert now.closure_rate == pytest.approx(0.4)
    assert now.on_time_rate == pytest.approx(0.5)  # #1 #6 on time, #2 #3 late
    assert (now.open, now.overdue) == (4, 1)
    before = uow.reports.loop_stats(seeded.workspace_id, "all", PREVIOUS, NOW)[None]
    assert (before.opened, before.closed, before.due, before.on_time) == (2, 0, 1, 1)


def test_median_and_p90_days_to_close(story) -> None:  # noqa: ANN001
    seeded, uow = story
    overall = uow.reports.days_to_close(seeded.workspace_id, "all", PERIOD)[None]
    # closed in the period: #1 in 3 d 23 h, #2 in 4 d, #7 in 26 d
    assert overall[50] == pytest.approx(4.0, abs=1e-6)
    assert overall[90] == pytest.approx(4.0 + 0.8 * 22, abs=1e-6)  # like percentile_cont
    per_owner = uow.reports.days_to_close(seeded.workspace_id, "owner", PERIOD)
    assert per_owner["alice"][50] == pytest.approx((95 / 24 + 4) / 2, abs=1e-6)
    assert per_owner["bob"][50] == pytest.approx(26.0, abs=1e-6)
    assert "carol" not in per_owner
    assert uow.reports.days_to_close(seeded.workspace_id, "all", PREVIOUS) == {}


def test_feedback_by_customer_segment_and_kind_weighted_by_value(story) -> None:  # noqa: ANN001
    seeded, uow = story
    ws = seeded.workspace_id
    # Acme's count includes the item logged exactly now; Globex's October item is in the
    # previous period; Umbrella said nothing in this one
    assert uow.reports.feedback_counts(ws, PERIOD) == {seeded.acme: 3, seeded.globex: 1}
    overall = uow.reports.feedback_stats(ws, "all", PERIOD)[None]
    assert (overall.count, overall.negative, overall.positive) == (4, 2, 1)
    assert (overall.value, overall.negative_value) == (310_000, 200_000)
    by_segment = uow.reports.feedback_stats(ws, "segment", PERIOD)
    assert (by_segment["enterprise"].count, by_segment["enterprise"].negative) == (3, 2)
    assert by_segment["smb"].value == 10_000
    assert by_segment["enterprise"].negative_value == 200_000
    by_kind = uow.reports.feedback_stats(ws, "kind", PERIOD)
    assert {k: (s.count, s.value) for k, s in by_kind.items()} == {
        "problem": (1, 100_000),
        "praise": (1, 100_000),
        "request": (2, 110_000),
    }
    assert uow.reports.top_concerns(ws, PERIOD) == [("Acme", 100_000, 2)]


def test_customers_with_owner_names_and_last_touchpoints(story) -> None:  # noqa: ANN001
    seeded, uow = story
    rows = {c.name: c for c in uow.touchpoints.customers(seeded.workspace_id)}
    assert [c.name for c in uow.touchpoints.customers(seeded.workspace_id)] == [
        "Acme",
        "Umbrella",
        "Globex",
        "Initech",
        "Hooli",
    ]  # biggest value first
    assert rows["Acme"].owner == "Alice Adams"  # the chat user's name
    assert rows["Globex"].owner == "bob"  # no name known: the id
    assert rows["Acme"].last_touchpoint == NOW  # feedback logged now
    assert rows["Globex"].last_touchpoint == at(11, 23)  # commitment #8
    assert rows["Umbrella"].last_touchpoint == at(10, 15)
    assert rows["Initech"].last_touchpoint is None


def test_quiet_customers_follow_the_segment_setting(story) -> None:  # noqa: ANN001
    seeded, uow = story
    ws = seeded.workspace_id
    month_ago = NOW - timedelta(days=30)
    quiet = uow.touchpoints.customers(ws, Quiet({}, month_ago))
    assert [c.name for c in quiet] == ["Umbrella", "Initech"]  # Hooli churned: not listed
    assert quiet[0].last_touchpoint == at(10, 15) and quiet[1].last_touchpoint is None
    assert uow.touchpoints.quiet_count(ws, Quiet({}, month_ago)) == 2
    patient = Quiet({"enterprise": NOW - timedelta(days=60)}, month_ago)
    assert [c.name for c in uow.touchpoints.customers(ws, patient)] == ["Initech"]
    # as things stood on 1 Nov: Umbrella had spoken 17 days before, Initech never; Globex last
    # spoke on 1 Oct and Acme not at all: our own work for them since (#7 delivered on 9 Oct,
    # #6 promised on 20 Oct) is not the customer talking, so both had gone quiet
    then = at(11, 1)
    assert uow.touchpoints.quiet_count(ws, Quiet({}, then - timedelta(days=30), then)) == 3
    # on 20 Nov, looking back 30 days: Umbrella's 15 Oct feedback is 36 days old, and Globex
    # had not spoken since 1 Oct (#3, promised on 16 Nov, is ours)
    late = at(11, 20)
    assert uow.touchpoints.quiet_count(ws, Quiet({}, late - timedelta(days=30), late)) == 3


def test_segments(story) -> None:  # noqa: ANN001
    seeded, uow = story
    assert uow.reports.segments(seeded.workspace_id) == {
        "enterprise": (2, 150_000.0),
        "smb": (3, 16_000.0),
    }
    loops = uow.reports.loop_stats(seeded.workspace_id, "segment", PERIOD, NOW)
    assert (loops["enterprise"].open, loops["enterprise"].closed) == (1, 2)
    assert (loops["smb"].open, loops["smb"].overdue, loops["smb"].closed) == (3, 1, 1)


def test_weeks(story) -> None:  # noqa: ANN001
    seeded, uow = story
    weeks = uow.reports.weeks(seeded.workspace_id, WEEK_STARTS, NOW)
    assert [w.feedback for w in weeks] == [0, 1, 0, 0, 1, 0, 2, 1]
    assert [w.opened for w in weeks] == [0, 0, 1, 0, 1, 1, 3, 1]
    assert [w.closed for w in weeks] == [0, 0, 0, 1, 1, 1, 0, 0]
    assert [w.cancelled for w in weeks] == [0, 0, 0, 0, 0, 0, 1, 0]
    assert [w.missed for w in weeks] == [0, 0, 0, 0, 0, 1, 1, 0]
    assert [w.on_time_rate for w in weeks] == [1.0, None, None, 1.0, 1.0, 0.0, 0.0, None]
    assert uow.reports.live_loops(seeded.workspace_id) == 4


def test_a_loop_due_at_midnight_monday_belongs_to_the_new_week(db_url: str) -> None:
    engine = make_engine(db_url)
    seeded = seed_story(engine)
    with UnitOfWork(engine) as uow:
        loop = Loop(
            workspace_id=seeded.workspace_id,
            number=9,
            customer_id=seeded.initech,
            what="call",
            owner="bob",
            state="open",
            due_at=WEEK_STARTS[6],
            created_at=WEEK_STARTS[6] - timedelta(microseconds=1),
        )
        uow.session.add(loop)
        uow.commit()
        weeks = uow.reports.weeks(seeded.workspace_id, WEEK_STARTS, NOW)
    assert weeks[5].opened == 2 and weeks[5].due == 1  # created in the last instant of that week
    assert weeks[6].due == 2 and weeks[6].missed == 2  # due at 16 Nov 00:00: the new week
    engine.dispose()


def test_worst_overdue_and_themes(story) -> None:  # noqa: ANN001
    seeded, uow = story
    worst = uow.reports.worst_overdue(seeded.workspace_id, NOW)
    assert [(lp.number, lp.customer, lp.owner) for lp in worst] == [(3, "Globex", "bob")]
    themes = uow.reports.themes(seeded.workspace_id, PERIOD)
    assert [(t.customer, t.count, t.kinds) for t in themes] == [
        ("Acme", 3, {"problem": 1, "praise": 1, "request": 1}),
        ("Globex", 1, {"request": 1}),
    ]


def test_timeline_is_newest_first_with_permalinks(story) -> None:  # noqa: ANN001
    seeded, uow = story
    assert uow.touchpoints.timeline_size(seeded.workspace_id, seeded.acme) == (3, 10)
    entries = uow.touchpoints.timeline(seeded.workspace_id, seeded.acme, 5)
    assert [(e.kind, e.number if e.kind != "feedback" else "id") for e in entries] == [
        ("feedback", "id"),
        ("feedback", "id"),
        ("cancel", 5),
        ("created", 5),
        ("told", 2),
    ]
    for said in (e for e in entries if e.kind == "feedback"):  # feedback shows its own id
        assert uow.feedback.get(said.number).customer_id == seeded.acme
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    whole = uow.touchpoints.timeline(seeded.workspace_id, seeded.acme, 100)
    assert len(whole) == 13
    # loop #1 came from captured feedback: its events link to that message
    loop_one = {e.permalink for e in whole if e.number == 1 and e.kind != "feedback"}
    assert loop_one == {"https://example.com/p1"}
    assert uow.touchpoints.customer_loops(seeded.workspace_id, seeded.acme, NOW) == (1, 0)
    assert uow.touchpoints.customer_loops(seeded.workspace_id, seeded.globex, NOW) == (3, 1)


def test_exports_name_owners_and_keep_times(story) -> None:  # noqa: ANN001
    seeded, uow = story
    loops = uow.exports.loop_rows(seeded.workspace_id)
    assert [row[0] for row in loops] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert loops[0][1:5] == ("Acme", "promise 1", "Alice Adams", "closed")
    assert loops[0][7] == at(11, 6)
    recent = uow.exports.loop_rows(seeded.workspace_id, since=at(11, 18))
    assert [row[0] for row in recent] == [4, 5, 8]
    feedback = uow.exports.feedback_rows(seeded.workspace_id, since=PERIOD.start)
    assert [row[2] for row in feedback] == [
        "The export is broken",
        "Love the new dashboard",
        "Could you add SSO",
        "Please add an export API",
    ]
    assert feedback[0][6] == "Alice Adams" and feedback[0][8] == "https://example.com/p1"


def test_an_empty_workspace_reports_zeros_and_no_rates(db_url: str) -> None:
    engine = make_engine(db_url)
    with UnitOfWork(engine) as uow:
        ws = uow.workspaces.get_or_create("slack", "EMPTY", NOW).id
        assert uow.reports.loop_stats(ws, "owner", PERIOD, NOW) == {}
        assert uow.reports.days_to_close(ws, "all", PERIOD) == {}
        assert [s.count for s in uow.reports.feedback_stats(ws, "all", PERIOD).values()] == [0]
        weeks = uow.reports.weeks(ws, WEEK_STARTS, NOW)
        assert all(w.feedback == w.opened == w.due == 0 for w in weeks)
        assert all(w.on_time_rate is None for w in weeks)
        assert uow.touchpoints.customers(ws) == []
    engine.dispose()
