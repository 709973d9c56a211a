"""Webhook bodies shaped as GitHub, Linear and Jira Cloud send them (from their public docs),
signed as each signs them, and the app that serves them in tests."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

import httpx

from bot.core.tickets import hmac_hex
from handlers.context import Deps
from storage.db import make_engine
from tests.conftest import make_settings

SECRETS = {
    "GITHUB_WEBHOOK_SECRET": "gh-secret",
    "LINEAR_WEBHOOK_SECRET": "lin-secret",
    "JIRA_WEBHOOK_SECRET": "jira-secret",
}


def tracker_deps(url: str, clock: Any, **env: str) -> Deps:
    settings = make_settings(url, **{**SECRETS, **env})
    return Deps(engine=make_engine(url), settings=settings, clock=clock)


def client(deps: Deps) -> httpx.AsyncClient:
    """The real ASGI app (bot.wiring.web.create_app), posted to over httpx."""
    from bot.wiring.web import create_app

    app = create_app(deps)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1")


def github_issue(
    number: int, action: str = "closed", state_reason: str | None = "completed", **over: Any
) -> dict[str, Any]:
    """An `issues` event (docs: "Webhook events and payloads", issues)."""
    state = "closed" if action == "closed" else "open"
    return {
        "action": action,
        "issue": {
            "url": f"https://api.github.com/repos/acme/app/issues/{number}",
            "html_url": f"https://github.com/acme/app/issues/{number}",
            "id": 1000 + number,
            "number": number,
            "title": over.get("title", "Faster CSV export"),
            "user": {"login": "octocat", "id": 1},
            "state": state,
            "state_reason": state_reason if state == "closed" else None,
            "closed_at": "2026-11-24T09:00:00Z" if state == "closed" else None,
        },
        "repository": {"id": 7, "name": "app", "full_name": over.get("repo", "acme/app")},
        "sender": {"login": "octocat", "id": 1},
    }


def github_pull(number: int, merged: bool, action: str = "closed") -> dict[str, Any]:
    """A `pull_request` event: closed with merged true is a merge."""
    return {
        "action": action,
        "number": number,
        "pull_request": {
            "html_url": f"https://github.com/acme/app/pull/{number}",
            "number": number,
            "state": "closed" if action == "closed" else "open",
            "title": "Stream the CSV export",
            "merged": merged,
            "merged_at": "2026-11-24T09:00:00Z" if merged else None,
        },
        "repository": {"id": 7, "name": "app", "full_name": "acme/app"},
        "sender": {"login": "octocat", "id": 1},
    }


def linear_issue(key: str, state_type: str, now: datetime, **over: Any) -> dict[str, Any]:
    """A data change webhook for an Issue (docs: linear.app/developers/webhooks)."""
    url = f"https://linear.app/acme/issue/{key}/export"
    return {
        "action": "update",
        "type": "Issue",
        "createdAt": now.isoformat(),
        "data": {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, key)),
            "identifier": key,
            "title": "Faster CSV export",
            "url": url,
            "state": {"id": "s1", "name": "Done", "type": state_type, "color": "#5e6ad2"},
            "team": {"id": "t1", "key": key.split("-")[0], "name": "Engineering"},
        },
        "updatedFrom": {"stateId": "s0"},
        "url": url,
        "webhookTimestamp": over.get("ms", int(now.timestamp() * 1000)),
        "webhookId": "wh-1",
        "organizationId": "org-1",
    }


def jira_issue(key: str, category: str) -> dict[str, Any]:
    """`jira:issue_updated` from Jira Cloud (docs: "Webhooks", issue updated)."""
    return {
        "timestamp": 1764000000000,
        "webhookEvent": "jira:issue_updated",
        "issue_event_type_name": "issue_generic",
        "user": {"accountId": "5b10a2844c20165700ede21g", "displayName": "Ann"},
        "issue": {
            "id": "10002",
            "self": "https://acme.atlassian.net/rest/api/2/issue/10002",
            "key": key,
            "fields": {
                "summary": "Faster CSV export",
                "status": {
                    "name": "Done" if category == "done" else "In Progress",
                    "statusCategory": {"id": 3, "key": category, "name": "Done"},
                },
            },
        },
        "changelog": {"items": [{"field": "status", "fromString": "To Do", "toString": "Done"}]},
    }


def signed(
    source: str, body: dict[str, Any], *, secret: str | None = None, delivery: str | None = None
) -> tuple[bytes, dict[str, str]]:
    """The raw body and the headers the tracker sends with it."""
    raw = json.dumps(body).encode()
    secret = secret or SECRETS[f"{source.upper()}_WEBHOOK_SECRET"]
    digest = hmac_hex(secret, raw)
    delivery = delivery or str(uuid.uuid4())
    headers = {"Content-Type": "application/json"}
    if source == "github":
        event = "pull_request" if "pull_request" in body else "issues"
        headers |= {"X-GitHub-Event": event, "X-GitHub-Delivery": delivery}
        headers["X-Hub-Signature-256"] = f"sha256={digest}"
    elif source == "linear":
        headers |= {
            "Linear-Signature": digest,
            "Linear-Delivery": delivery,
            "Linear-Event": "Issue",
        }
    else:
        headers |= {
            "X-Hub-Signature": f"sha256={digest}",
            "X-Atlassian-Webhook-Identifier": delivery,
        }
    return raw, headers
