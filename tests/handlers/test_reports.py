"""Reports as users see them: chat and CLI give the same numbers, each worked out by hand on the
fixed story of tests/storage/test_reports.py (now is Tue 24 Nov 2026 09:00 UTC)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from matplotlib import image

from bot.core.errors import BadInput
from bot.core.replies import Reply
from handlers import commands, reports
from handlers.context import Caller
from handlers.digest import weekly_digest
from storage.db import make_engine, upgrade
from storage.models import Customer, Feedback, Workspace
from storage.uow import UnitOfWork
from tests.storage.test_reports import NOW, seed_story

ROOT = Path(__file__).resolve().parents[2]
alice = Caller(platform="slack", workspace="T1", user="alice", user_name="Alice Adams")
admin = Caller(platform="slack", workspace="T1", user="admin", user_name="admin")


# The keys PRODUCT.md gives each report, to the letter.
SPEC = {
    "loops": "id customer what owner state due created closed",
    "feedback": "id customer text kind sentiment source author channel permalink created",
    "owners": "owner open overdue closed cancelled on_time_rate median_days_to_close",
    "customers": "customer segment value owner feedback open overdue closed last_touchpoint "
    "csat median_first_response_minutes",
    "segments": "segment customers value feedback negative_feedback open overdue closed churned "
    "retained_value_rate",
    "health": "customer segment value owner status health reasons",
    "quiet": "customer segment owner last_touchpoint days_quiet",
    "weekly": "week_start feedback opened closed overdue on_time_rate",
    "csat": "customer segment responses average satisfied_rate",
    "response": "customer segment asked answered median_first_response_minutes breached",
}


def rows(kind: str, *values: tuple) -> list[dict[str, object]]:
    return [dict(zip(SPEC[kind].split(), row, strict=True)) for row in values]


def test_every_report_has_the_spec_columns(deps) -> None:  # noqa: ANN001
    for kind, keys in SPEC.items():
        assert reports.table_for_cli(deps, kind, None).columns == keys.split(), kind


def chat(deps, text: str, who: Caller = alice) -> Reply:  # noqa: ANN001
    reply = commands.run(deps, who, text)
    assert not reply.error, reply.text
    return reply


def test_owners_by_hand(deps) -> None:  # noqa: ANN001
    seed_story(deps.engine)
    reply = chat(deps, "report owners")
    assert reply.table is not None
    assert reply.table.rows == rows(
        "owners",
        # #3 missed its due time: a rate of 0; #7 was opened before the period, closed in it
        ("bob", 2, 1, 1, 0, 0.0, 26.0),
        # #6 is done but the customer not told: still open; cancelled #5 is out of the rate
        ("Alice Adams", 1, 0, 2, 1, 0.667, 3.98),
        ("carol", 1, 0, 0, 0, None, None),  # nothing was due: no rate, not 0
    )
    assert reply.text == "Owners — last 30 days (25 Oct – 24 Nov 2026)"
    assert reply.footer and reply.footer.startswith("Period: last 30 days (25 Oct – 24 Nov 2026).")
    assert "\n" not in reply.footer  # the definitions are one line
    trend = {f.label: f.value for f in reply.sections[0].fields}
    assert reply.sections[0].text == "Loops, the last 30 days against the 30 before"
    assert trend["Opened"] == "6 (▲4 from 2)"
    assert trend["Closed"] == "3 (▲3 from 0)"
    assert trend["Closure rate"] == "40% (▲40 pts, from 0%)"
    assert trend["On-time rate"] == "50% (▼50 pts, from 100%)"
    assert trend["Days to close, median / p90"] == "4.0 / 21.6 days (before: —)"
    assert trend["Open now"] == "4 (1 overdue)"


def test_customers_by_hand_including_one_without_loops(deps) -> None:  # noqa: ANN001
    seed_story(deps.engine)
    table = chat(deps, "report customers").table
    assert table.rows == rows(  # type: ignore[union-attr]
        "customers",
        (
            "Acme",
            "enterprise",
            100000,
            "Alice Adams",
            3,
            1,
            0,
            2,
            "2026-11-24T09:00:00+00:00",
            None,
            None,
        ),
        (
            "Umbrella",
            "enterprise",
            50000,
            None,
            0,
            0,
            0,
            0,
            "2026-10-15T09:00:00+00:00",
            None,
            None,
        ),
        ("Globex", "smb", 10000, "bob", 1, 3, 1, 1, "2026-11-23T09:00:00+00:00", None, None),
        ("Initech", "smb", 5000, None, 0, 0, 0, 0, None, None, None),  # no loops, no feedback
        ("Hooli", "smb", 1000, None, 0, 0, 0, 0, None, None, None),
    )


def test_segments_with_the_value_weighted_view(deps) -> None:  # noqa: ANN001
    seed_story(deps.engine)
    reply = chat(deps, "report segments")
    assert reply.table.rows == rows(  # type: ignore[union-attr]
        "segments",
        ("enterprise", 2, 150000, 3, 2, 1, 0, 2, 0, 1.0),  # none churned: all value kept
        ("smb", 3, 16000, 1, 0, 3, 1, 1, 0, 1.0),
    )
    text = reply.plain()
    # 3 of 4 items are enterprise, but by value 300,000 of 310,000
    assert "enterprise: 97% by value (75% of items, 2 negative)" in text
    assert "request: 2 (50% of items · 35% by value)" in text
    # the 30 days before: Globex and Umbrella, both negative
    assert "Negative, weighted by value: 65% (▼35 pts, from 100%)" in text
    assert "Sentiment: 50% negative (65% weighted by value), 25% neutral, 25% positive." in text


def test_quiet_customers_and_the_segment_setting(deps) -> None:  # noqa: ANN001
    seed_story(deps.engine)
    reply = chat(deps, "report quiet")
    assert reply.table.rows == rows(  # type: ignore[union-attr]
        "quiet",
        ("Umbrella", "enterprise", None, "2026-10-15T09:00:00+00:00", 40),
        ("Initech", "smb", None, None, 84),  # never touched: quiet since added on 1 Sep
    )
    assert "for 30 days" in (reply.footer or "")
    # 30 days ago Acme had not spoken yet (only #6 promised to it) and Initech never had
    assert "Gone quiet now: 2 customers (same as before, 2 vs 30 days ago)." in reply.plain()
    chat(deps, "settings quiet-days enterprise 60", who=admin)
    reply = chat(deps, "report quiet")
    assert [r["customer"] for r in reply.table.rows] == ["Initech"]  # type: ignore[union-attr]
    assert "(enterprise 60 in those segments)" in (reply.footer or "")


def test_gone_quiet_means_the_customer_went_quiet(deps, clock) -> None:  # noqa: ANN001
    """Our own commitments, updates and deliveries don't keep a customer off the quiet list;
    only feedback from or about them does. Catches quiet counting loop events again (Umbrella
    would drop off the list after #9) or ignoring feedback (it would stay after the quote)."""
    story = seed_story(deps.engine)
    with UnitOfWork(deps.engine) as uow:  # the story's loops were written without numbering
        uow.session.get(Workspace, story.workspace_id).loop_seq = 8  # type: ignore[union-attr]
        uow.commit()
    chat(deps, "commit Umbrella: call them back by Friday")
    chat(deps, "update 9 left a voicemail")
    chat(deps, "done 9 called")
    reply = chat(deps, "report quiet")
    assert [r["customer"] for r in reply.table.rows] == ["Umbrella", "Initech"]  # type: ignore[union-attr]
    assert reply.table.rows[0]["last_touchpoint"] == "2026-10-15T09:00:00+00:00"  # type: ignore[union-attr]
    assert "our own commitments, updates and replies don't count" in (reply.footer or "")
    chat(deps, "feedback Umbrella: search is fast now, thanks")
    reply = chat(deps, "report quiet")
    assert [r["customer"] for r in reply.table.rows] == ["Initech"]  # type: ignore[union-attr]


def test_weekly_by_hand(deps) -> None:  # noqa: ANN001
    seed_story(deps.engine)
    reply = chat(deps, "report weekly")
    assert reply.table.rows == rows(  # type: ignore[union-attr]
        "weekly",
        ("2026-10-05", 0, 0, 0, 0, 1.0),
        ("2026-10-12", 1, 0, 0, 0, None),
        ("2026-10-19", 0, 1, 0, 0, None),
        ("2026-10-26", 0, 0, 1, 0, 1.0),
        ("2026-11-02", 1, 1, 1, 0, 1.0),
        ("2026-11-09", 0, 1, 1, 1, 0.0),
        ("2026-11-16", 2, 3, 0, 1, 0.0),  # #5 was due this week too, but cancelled
        ("2026-11-23", 1, 1, 0, 0, None),  # #8 is due on Friday: not counted yet
    )
    loops, feedback = reply.sections
    assert loops.text == "Loops, the last 7 days against the 7 before"
    assert feedback.text == "Feedback, the last 7 days against the 7 before"
    # 20 Nov, 21 Nov and the one logged now, against nothing the week before
    assert feedback.fields[0].value == "3 (▲3 from 0)"


def test_chat_and_cli_give_the_same_numbers(deps) -> None:  # noqa: ANN001
    seed_story(deps.engine)
    for kind in ("weekly", "owners", "customers", "segments", "quiet"):
        table = chat(deps, f"report {kind}").table
        assert table == reports.table_for_cli(deps, kind, None), kind
        assert table == reports.table_for_cli(deps, kind, "T1"), kind


def test_an_empty_workspace(deps) -> None:  # noqa: ANN001
    weekly = chat(deps, "report weekly")
    assert len(weekly.table.rows) == 8  # type: ignore[union-attr]
    assert all(r["opened"] == 0 and r["on_time_rate"] is None for r in weekly.table.rows)  # type: ignore[union-attr]
    for kind in ("owners", "customers", "segments", "quiet", "loops", "feedback"):
        assert chat(deps, f"report {kind}").table.rows == [], kind  # type: ignore[union-attr]
    assert "On-time rate: — (before: —)" in chat(deps, "report owners").plain()


def test_csv_export_of_the_periods_loops(deps) -> None:  # noqa: ANN001
    seed_story(deps.engine)
    reply = chat(deps, "report loops csv")
    [attachment] = reply.attachments
    assert attachment.mime == "text/csv" and attachment.filename.endswith(".csv")
    lines = attachment.content.decode().splitlines()
    assert lines[0] == "id,customer,what,owner,state,due,created,closed"
    assert [line.split(",")[0] for line in lines[1:]] == ["1", "2", "3", "4", "5", "8"]
    assert lines[1] == (
        "1,Acme,promise 1,Alice Adams,closed,2026-11-05T17:00:00+00:00,"
        "2026-11-02T10:00:00+00:00,2026-11-06T09:00:00+00:00"
    )
    feedback = chat(deps, "report feedback csv").attachments[0].content.decode().splitlines()
    assert feedback[0] == "id,customer,text,kind,sentiment,source,author,channel,permalink,created"
    assert len(feedback) == 5  # the four items of the last 30 days
    assert not chat(deps, "report owners").attachments  # a file only when asked


def test_chat_shows_the_first_rows_and_csv_has_them_all(deps) -> None:  # noqa: ANN001
    story = seed_story(deps.engine)
    with UnitOfWork(deps.engine) as uow:
        for i in range(30):
            uow.customers.add(
                Customer(
                    workspace_id=story.workspace_id,
                    name=f"Small {i}",
                    name_key=f"small {i}",
                    value=i,
                    created_at=NOW,
                ),
                [],
            )
        uow.commit()
    reply = chat(deps, "report customers csv")
    assert len(reply.table.rows) == reports.CHAT_ROWS  # type: ignore[union-attr]
    assert "the first 25 of 35 by value; add `csv` for all" in reply.text
    assert len(reply.attachments[0].content.decode().splitlines()) == 36


def test_cli_picks_the_workspace(deps) -> None:  # noqa: ANN001
    assert reports.table_for_cli(deps, "owners", None).rows == []  # no workspace yet: empty
    with pytest.raises(BadInput, match="loops, feedback, weekly, owners, customers"):
        reports.table_for_cli(deps, "monthly", None)
    seed_story(deps.engine)
    seed_story(deps.engine, "T2")
    with pytest.raises(BadInput, match=r"--workspace: T1 \(slack\), T2 \(slack\)"):
        reports.table_for_cli(deps, "loops", None)
    with pytest.raises(BadInput, match="no workspace 'T9'"):
        reports.table_for_cli(deps, "loops", "T9")
    assert len(reports.table_for_cli(deps, "loops", "T2").rows) == 8  # every loop, any age


def test_timeline_pages_newest_first_with_permalinks(deps) -> None:  # noqa: ANN001
    story = seed_story(deps.engine)
    first = chat(deps, "customer Acme")
    assert first.text.endswith("1 open loop (0 overdue), 3 feedback.")
    assert first.sections[0].text == "#6 Acme — promise 6"  # open loops come first
    lines = [s.text for s in first.sections[1:]]
    assert "Please add an export API" in lines[0]  # the newest touchpoint
    assert "Love the new dashboard" in lines[1] and "✖️ cancelled #5" in lines[2]
    links = [f.value for s in first.sections for f in s.fields if f.label == "Link"]
    # the message, and #1's commitment, delivery and closure
    assert links.count("https://example.com/p1") == 4
    with UnitOfWork(deps.engine) as uow:
        for i in range(20):
            uow.session.add(
                Feedback(
                    workspace_id=story.workspace_id,
                    customer_id=story.acme,
                    author="carol",
                    text=f"old note {i}",
                    created_at=datetime(2026, 9, 2 + i, tzinfo=UTC),
                )
            )
        uow.commit()
    assert "Page 1 of 3" in (chat(deps, "customer Acme").footer or "")
    last = chat(deps, "customer acme page 3")
    shown = [re.sub(r", feedback \d+", "", s.text.split(" · ")[1]) for s in last.sections]
    assert shown == [
        "💬 other (command) from <@carol>: old note 2",
        "💬 other (command) from <@carol>: old note 1",
        "💬 other (command) from <@carol>: old note 0",
    ]
    assert (last.footer or "").endswith("Page 3 of 3 of the timeline, newest first.")


def test_weekly_digest(deps) -> None:  # noqa: ANN001
    story = seed_story(deps.engine)
    digest = weekly_digest(deps, story.workspace_id, NOW)
    text = digest.plain()
    assert digest.text == "📊 Weekly digest — 17 Nov to 24 Nov 2026" and not digest.ephemeral
    assert "#3 Globex — promise 3: 3 days overdue, owner <@bob>" in text
    assert "Umbrella (enterprise): 40 days without a touchpoint" in text
    assert "Initech (smb): 84 days without a touchpoint" in text
    assert "Acme: 2 feedback, mostly request (1) — export" in text
    assert "Globex: 1 feedback, mostly request (1)" in text
    [chart] = digest.attachments
    assert chart.mime == "image/png" and chart.content[:8] == b"\x89PNG\r\n\x1a\n"
    pixels = image.imread(io.BytesIO(chart.content))
    assert pixels.shape[:2] == (400, 800)
    colours = {
        tuple(px)
        for px in np.unique(
            (pixels[:, :, :3] * 255).round().astype(int).reshape(-1, 3), axis=0
        ).tolist()
    }
    # every series is drawn: open bars, closed bars and the on-time line
    for series in ((0xE8, 0x83, 0x3A), (0x3A, 0x7B, 0xE8), (0x2A, 0x9D, 0x4B)):
        assert series in colours


def test_cli_prints_loops_as_one_json_array_with_the_spec_keys(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lk.db'}"
    upgrade(url)
    engine = make_engine(url)
    seed_story(engine)
    engine.dispose()
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "TEAMS_", "LOOPKEEPER_", "DATABASE_URL"))
    }
    environment["DATABASE_URL"] = url

    def cli(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "bot", "report", *args],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    loops = json.loads(cli("loops", "--format", "json"))
    assert [list(row) for row in loops] == [
        ["id", "customer", "what", "owner", "state", "due", "created", "closed"]
    ] * 8
    assert loops[0] == {
        "id": 1,
        "customer": "Acme",
        "what": "promise 1",
        "owner": "Alice Adams",
        "state": "closed",
        "due": "2026-11-05T17:00:00+00:00",
        "created": "2026-11-02T10:00:00+00:00",
        "closed": "2026-11-06T09:00:00+00:00",
    }
    assert loops[2]["closed"] is None
    csv_text = cli("feedback", "--format", "csv")
    assert csv_text.splitlines()[0] == (
        "id,customer,text,kind,sentiment,source,author,channel,permalink,created"
    )
    assert len(csv_text.splitlines()) == 7


def test_chat_customers_rows_are_the_whole_tables_first_rows(deps) -> None:  # noqa: ANN001
    """Chat lists the first 25 customers by value and reads only their numbers; the CLI reads
    everyone's. With 40 customers, each with its own feedback, loops and a CSAT answer, the
    chat's rows are the CLI table's first 25, number for number. Catches the chat's numbers
    read for other customers than those listed (or not at all)."""
    from storage.models import Loop

    with UnitOfWork(deps.engine) as uow:
        ws = uow.workspaces.get_or_create("slack", "T1", NOW).id
        number = 0
        for rank in range(1, 41):
            row = Customer(workspace_id=ws, name=f"Customer {rank:02d}",
                           name_key=f"customer {rank:02d}", segment="smb",
                           value=float(1000 * (41 - rank)), created_at=NOW)  # fmt: skip
            cid = uow.customers.add(row, []).id
            for day in range(rank % 4):
                said = NOW.replace(day=20 + day)
                uow.session.add(Feedback(workspace_id=ws, customer_id=cid, kind="request",
                                         text="x", sentiment=0.1, source="command",
                                         author="alice", created_at=said))  # fmt: skip
            for state in ("open", "closed")[: rank % 3]:
                number += 1
                done = state == "closed"
                uow.session.add(Loop(workspace_id=ws, number=number, customer_id=cid, what="x",
                                     owner="alice", state=state, created_at=NOW.replace(day=1),
                                     due_at=NOW.replace(day=10 + rank % 5),
                                     closed_at=NOW.replace(day=12) if done else None,
                                     csat=1 + rank % 5 if done else None,
                                     csat_at=NOW.replace(day=13) if done else None))  # fmt: skip
        uow.commit()
    everyone = reports.table_for_cli(deps, "customers", "T1").rows
    shown = chat(deps, "report customers").table.rows  # type: ignore[union-attr]
    assert len(everyone) == 40 and len(shown) == 25
    assert shown == everyone[:25]
    assert {r["feedback"] for r in shown} == {0, 1, 2, 3} and {r["open"] for r in shown} == {0, 1}
