"""Issue 13, items 4 and 8 in chat: one person's typing cannot hold the database thread for
seconds (aliases bounded in words and length on both databases, commands capped before they are
read), and small mistakes are small answers, not "database unavailable"."""

from __future__ import annotations

import time

from sqlmodel import select

from handlers import capture, commands
from handlers.capture import ChatMessage
from handlers.context import Caller
from storage.models import CustomerAlias, Workspace
from tests.platforms.slack.test_commands import ack_blocks, all_text
from tests.proof.db import count

ANN = Caller(platform="console", workspace="W", user="ann", user_name="ann")


def timed(work) -> float:  # noqa: ANN001
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


async def test_an_alias_equal_to_the_name_is_not_a_database_error(slack_app) -> None:  # noqa: ANN001
    """Catches: `customer add Foo aliases foo` answering 503 "database unavailable" (two alias
    rows with one key)."""
    response = await slack_app.command("customer add Foo aliases foo, FOO")
    kind, blocks = ack_blocks(response)
    assert response.status_code == 200 and kind == "ephemeral"
    assert "Added Foo" in all_text(blocks) and "⚠️" not in all_text(blocks)
    assert count(slack_app.deps.engine, "customer_alias") == 1


async def test_a_huge_command_is_refused_before_it_is_read(slack_app) -> None:  # noqa: ANN001
    """Catches: `commit X: by by by …` taking seconds to read (it grows with the square of its
    length). Baseline: a normal command answered by the same app in the same test."""
    await slack_app.command("customer add X")
    started = time.perf_counter()
    await slack_app.command("commit X: ship it by Friday")
    baseline = time.perf_counter() - started
    took = []  # refused, so nothing changes: the quickest of three, one pause cannot fail it
    for _ in range(3):
        started = time.perf_counter()
        response = await slack_app.command("commit X: " + "by " * 9_000)
        took.append(time.perf_counter() - started)
        _, blocks = ack_blocks(response)
        assert "at most 2,000" in all_text(blocks)
    assert min(took) - baseline < 1.0, (baseline, took)
    assert count(slack_app.deps.engine, "loop") == 1


def test_aliases_are_bounded_in_words_and_length(deps) -> None:  # noqa: ANN001
    """Catches: a 1,000-word alias being accepted (anyone may `customer add`), on SQLite and on
    PostgreSQL alike."""
    long_alias = " ".join(f"w{n}" for n in range(1_000))
    for text in [
        f"customer add Foo aliases {long_alias}",
        f"customer add {long_alias}",
        "customer add Foo aliases " + "x" * 150,
        "customer add Foo aliases " + ", ".join(f"a{n}" for n in range(60)),
    ]:
        reply = commands.run(deps, ANN, text)
        assert reply.error, text[:60]
    assert count(deps.engine, "customer") == 0
    assert not commands.run(deps, ANN, "customer add Acme Corporation International Ltd").error


def test_an_alias_stored_before_the_bound_does_not_slow_capture(sqlite_deps) -> None:  # noqa: ANN001
    """Catches: a 12,000-character message holding the database thread for ~18 s against a
    1,000-word alias stored by an earlier release (SQLite keeps any length; PostgreSQL's column
    refuses it). Baseline: the same message before that alias was stored."""
    deps = sqlite_deps
    assert not commands.run(deps, ANN, "customer add ACME").error
    message = "ACME " + " ".join(f"w{n % 997}" for n in range(2_400))  # ~12,000 characters
    first = ChatMessage(message, "C1", "1.000001")
    baseline = timed(lambda: capture.capture_message(deps, ANN, first))
    with deps.uow() as uow:
        ws = uow.session.exec(select(Workspace)).one()
        customer_id = uow.customers.by_key(ws.id, "ACME").id
        words = " ".join(f"w{n}" for n in range(1_000))
        uow.session.add(
            CustomerAlias(workspace_id=ws.id, customer_id=customer_id, alias=words, alias_key=words)
        )
        uow.customers._aliases_changed(ws.id)
        uow.commit()
    # the quickest of three messages, so one pause of the machine cannot fail it
    took = [
        timed(lambda n=n: capture.capture_message(deps, ANN, ChatMessage(message, "C1", f"2.{n}")))
        for n in range(3)
    ]
    assert min(took) - baseline < 1.0, (baseline, took)
    assert count(deps.engine, "feedback") == 4


async def test_a_chat_csv_report_never_holds_a_formula(slack_app) -> None:  # noqa: ANN001
    """Catches (item 6): chat `report loops csv` writing `=HYPERLINK(...)` and `@SUM(...)` as
    typed, which the spreadsheet that opens the upload runs."""
    await slack_app.command('customer add =HYPERLINK("https://example.com") aliases evilco')
    await slack_app.command("commit evilco: @SUM(A1:A9) +cmd -2+3")
    response = await slack_app.command("report loops csv")
    assert response.status_code == 200
    await slack_app.settle()
    (content,) = slack_app.fake.uploads.values()
    lines = content.decode().splitlines()
    assert len(lines) == 2
    assert "'=HYPERLINK" in lines[1] and "'@SUM(A1:A9) +cmd -2+3" in lines[1]
    cells = lines[1].split(",")
    assert not any(cell.lstrip('"').startswith(("=", "+", "-", "@")) for cell in cells)
