"""GitHub, Linear and Jira webhooks over HTTP against the real app, on SQLite and PostgreSQL:
signed bodies shaped as each tracker sends them; forged, stale and repeated ones refused."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlmodel import select

from handlers import commands
from storage.models import Loop
from tests.conftest import person
from tests.support import tracker_webhooks as tw
from tests.support.slack_fixtures import UvicornServer

alice = person("alice")


def run(deps, text: str) -> str:  # noqa: ANN001
    reply = commands.run(deps, alice, text)
    assert not reply.error, reply.text
    return reply.plain()


def states(deps) -> dict[int, str]:  # noqa: ANN001
    with deps.uow() as uow:
        return {lp.number: lp.state for lp in uow.session.exec(select(Loop))}


async def post(deps, source: str, body: dict[str, Any], **kw: Any) -> httpx.Response:  # noqa: ANN001
    raw, headers = tw.signed(source, body, **kw)
    async with tw.client(deps) as http:
        return await http.post(f"/webhooks/{source}", content=raw, headers=headers)


@pytest.fixture
def tracker(db_url, clock):  # noqa: ANN001, ANN201
    deps = tw.tracker_deps(db_url, clock)
    run(deps, "customer add Acme Corp aliases ACME value 120k owner @alice")
    for n in range(1, 4):
        run(deps, f"commit ACME: export fix {n}")
    yield deps
    deps.engine.dispose()


def test_github_issue_closed_as_completed_then_reopened(tracker) -> None:  # noqa: ANN001
    run(tracker, "link 1 https://github.com/acme/app/issues/12")
    done = asyncio.run(post(tracker, "github", tw.github_issue(12)))
    assert done.status_code == 200 and done.json()["done"] == 1
    assert states(tracker)[1] == "done"
    assert "“Faster CSV export” (GitHub, shipped)" in run(tracker, "ticket acme/app#12")
    back = asyncio.run(post(tracker, "github", tw.github_issue(12, action="reopened")))
    assert back.json()["reopened"] == 1 and states(tracker)[1] == "open"


def test_github_not_planned_and_unmerged_close_nothing(tracker) -> None:  # noqa: ANN001
    run(tracker, "link 1 acme/app#12")
    run(tracker, "link 2 https://github.com/acme/app/pull/13")
    asyncio.run(post(tracker, "github", tw.github_issue(12, state_reason="not_planned")))
    asyncio.run(post(tracker, "github", tw.github_pull(13, merged=False)))
    assert states(tracker) == {1: "open", 2: "open", 3: "open"}
    merged = asyncio.run(post(tracker, "github", tw.github_pull(13, merged=True)))
    assert merged.json()["done"] == 1 and states(tracker)[2] == "done"


def test_linear_completed_and_jira_done(tracker, clock) -> None:  # noqa: ANN001
    run(tracker, "link 1 https://linear.app/acme/issue/ENG-5/export")
    run(tracker, "link 2 https://acme.atlassian.net/browse/OPS-42")
    asyncio.run(post(tracker, "linear", tw.linear_issue("ENG-5", "started", clock.now())))
    assert states(tracker)[1] == "open"
    asyncio.run(post(tracker, "linear", tw.linear_issue("ENG-5", "completed", clock.now())))
    asyncio.run(post(tracker, "jira", tw.jira_issue("OPS-42", "done")))
    assert states(tracker) == {1: "done", 2: "done", 3: "open"}
    asyncio.run(post(tracker, "jira", tw.jira_issue("OPS-42", "indeterminate")))
    assert states(tracker)[2] == "open"


def test_forged_stale_and_repeated_deliveries_change_nothing(tracker, clock) -> None:  # noqa: ANN001
    run(tracker, "link 1 acme/app#12")
    run(tracker, "link 2 ENG-5")
    run(tracker, "link 3 OPS-1")
    forged = asyncio.run(post(tracker, "github", tw.github_issue(12), secret="guess"))
    raw, headers = tw.signed("jira", tw.jira_issue("OPS-1", "done"))
    headers.pop("X-Hub-Signature")

    async def unsigned() -> httpx.Response:
        async with tw.client(tracker) as http:
            return await http.post("/webhooks/jira", content=raw, headers=headers)

    assert forged.status_code == asyncio.run(unsigned()).status_code == 401
    old = clock.now() - timedelta(minutes=2)
    stale = asyncio.run(post(tracker, "linear", tw.linear_issue("ENG-5", "completed", old)))
    assert stale.status_code == 401 and "replay" in stale.json()["error"]
    assert states(tracker) == {1: "open", 2: "open", 3: "open"}

    first = asyncio.run(post(tracker, "github", tw.github_issue(12), delivery="abc"))
    assert first.json()["done"] == 1
    # Someone puts #1 back to open by hand; the same delivery sent again must not redo it.
    with tracker.uow() as uow:
        loop = uow.session.exec(select(Loop).where(Loop.number == 1)).one()
        loop.state, loop.done_at = "open", None
        uow.session.add(loop)
        uow.commit()
    again = asyncio.run(post(tracker, "github", tw.github_issue(12), delivery="abc"))
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert states(tracker)[1] == "open"


def test_unknown_tickets_and_other_events_are_ok_and_change_nothing(tracker) -> None:  # noqa: ANN001
    unknown = asyncio.run(post(tracker, "github", tw.github_issue(999)))
    assert unknown.status_code == 200 and unknown.json()["workspaces"] == 0
    labelled = tw.github_issue(12, action="labeled")
    assert asyncio.run(post(tracker, "github", labelled)).json() == {"ok": True, "ignored": True}
    assert states(tracker) == {1: "open", 2: "open", 3: "open"}


def test_bodies_are_capped_and_must_be_json(tracker) -> None:  # noqa: ANN001
    async def send(raw: bytes) -> httpx.Response:
        headers = {"X-Hub-Signature-256": "sha256=" + tw.hmac_hex("gh-secret", raw)}
        async with tw.client(tracker) as http:
            return await http.post("/webhooks/github", content=raw, headers=headers)

    assert asyncio.run(send(b"x" * 1_000_001)).status_code == 413
    assert asyncio.run(send(b"[not json")).status_code == 400


def test_a_route_is_served_only_when_its_secret_is_set(sqlite_url, clock) -> None:  # noqa: ANN001
    deps = tw.tracker_deps(sqlite_url, clock, LINEAR_WEBHOOK_SECRET="", JIRA_WEBHOOK_SECRET="")

    async def paths() -> list[int]:
        async with tw.client(deps) as http:
            return [
                (await http.post(f"/webhooks/{s}", content=b"{}")).status_code for s in tw_sources
            ]

    tw_sources = ("github", "linear", "jira")
    assert asyncio.run(paths()) == [401, 404, 404]
    deps.engine.dispose()


def test_a_webhook_over_real_http_on_uvicorn(sqlite_url, clock) -> None:  # noqa: ANN001
    from bot.wiring.web import create_app

    deps = tw.tracker_deps(sqlite_url, clock)
    run(deps, "customer add Acme Corp owner @alice")
    run(deps, "commit Acme Corp: export fix")
    run(deps, "link 1 acme/app#12")
    raw, headers = tw.signed("github", tw.github_issue(12))
    with UvicornServer(create_app(deps)) as server:
        answer = httpx.post(f"{server.url}/webhooks/github", content=raw, headers=headers)
    assert answer.status_code == 200 and states(deps) == {1: "done"}
    deps.engine.dispose()
