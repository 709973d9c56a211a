"""The private review page served by `loopkeeper serve`, and `loopkeeper review` on the CLI."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import httpx

from bot.core.review_links import sign
from bot.wiring.web import create_app
from handlers import commands
from handlers.context import Caller
from tests.cli.test_cli import loopkeeper
from tests.handlers.test_reviews import story


def _token(deps, customer_name: str = "acme", quarter: str = "2026Q4", **moved) -> str:  # noqa: ANN001
    with deps.uow() as uow:
        ws = uow.workspaces.find("console", "console")
        customer = next(c for c in uow.customers.all(ws.id) if c.name_key.startswith(customer_name))
        return sign("s3cret", ws.id, customer.id, quarter, deps.clock.now() + timedelta(**moved))


async def get(deps, path: str) -> httpx.Response:  # noqa: ANN001
    transport = httpx.ASGITransport(app=create_app(deps))
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        return await client.get(path)


async def test_a_signed_link_shows_the_page_and_anything_else_is_a_plain_404(deps) -> None:  # noqa: ANN001
    """Breakage caught: a tampered, expired or other workspace's token showing a page, or a 404
    that says why (it must reveal nothing)."""
    story(deps)
    deps.settings.secret_key = "s3cret"
    token = _token(deps)
    page = await get(deps, f"/reviews/{token}")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "Acme Corp — 2026Q4 review" in page.text and "<svg" in page.text
    assert page.headers["cache-control"] == "private, no-store"
    payload, _, mac = token.partition(".")
    other = Caller(platform="console", workspace="elsewhere", user="zed", user_name="zed")
    commands.run(deps, other, "customer add Initech")  # another workspace's customer
    with deps.uow() as uow:
        theirs = next(c for c in uow.customers.all(uow.workspaces.find("console", "elsewhere").id))
        ours = uow.workspaces.find("console", "console").id
    refused = {
        "tampered": f"{payload[:-2]}xx.{mac}",
        "bad mac": f"{payload}.{mac[::-1]}",
        "expired": _token(deps, days=-8),
        "other workspace": sign("s3cret", ours, theirs.id, "2026Q4", deps.clock.now()),
        "rotated key": sign("old-key", ours, theirs.id, "2026Q4", deps.clock.now()),
        "garbage": "not-a-token",
    }
    for why, bad in refused.items():
        answer = await get(deps, f"/reviews/{bad}")
        assert (answer.status_code, answer.text) == (404, "Not Found"), why
    deps.settings.secret_key = "rotated"
    assert (await get(deps, f"/reviews/{token}")).status_code == 404  # rotating revokes links


def test_the_cli_writes_json_markdown_and_html_and_refuses_a_bad_quarter(tmp_path: Path) -> None:
    story_lines = (
        "/loop customer add Acme Corp aliases ACME segment enterprise value 120000 owner @alice\n"
        "/loop commit ACME: send the deck in 3 days\n"
    )
    assert loopkeeper(tmp_path, "console", "--as", "alice", stdin=story_lines).returncode == 0
    done = loopkeeper(tmp_path, "review", "ACME", "--format", "json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["customer"] == "Acme Corp" and found["commitments"]["made"] == 1
    assert found["previous"]["commitments"]["made"] == 0 and "previous" not in found["previous"]
    out = tmp_path / "acme.html"
    assert (
        loopkeeper(tmp_path, "review", "ACME", "--format", "html", "-o", str(out)).returncode == 0
    )
    assert "<svg" in out.read_text() and "Acme Corp" in out.read_text()
    assert "| Commitments made | 1 | 0 |" in loopkeeper(tmp_path, "review", "ACME").stdout
    bad = loopkeeper(tmp_path, "review", "ACME", "--quarter", "2026Q7")
    assert (
        bad.returncode != 0 and "not a quarter" in bad.stderr and len(bad.stderr.splitlines()) == 1
    )
    unknown = loopkeeper(tmp_path, "review", "Nobody")
    assert unknown.returncode != 0 and len(unknown.stderr.splitlines()) == 1
