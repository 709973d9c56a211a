"""POST /webhooks/github, /webhooks/linear, /webhooks/jira: signed deliveries from the trackers.

A route is served only when its secret is set. A bad or missing signature is 401 and changes
nothing; a delivery already applied, or about a ticket nobody linked, is 200 and changes nothing.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from bot.core.tickets import BODY_LIMIT, TicketChange, fresh, signature_ok
from bot.platforms.bodies import BodyTooLarge, parse_json, read_capped
from bot.platforms.tickets.payloads import github_change, jira_change, linear_change
from handlers.context import Deps
from handlers.ticket_updates import apply_change

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Hook:
    """One tracker's webhook: where its signature and delivery id travel, how its body reads."""

    source: str
    signature_header: str
    prefix: str  # what comes before the hex digest in the signature header
    delivery_header: str
    change: Callable[[Request, dict[str, Any]], TicketChange | None]
    stamped: bool = False  # Linear: webhookTimestamp must be within a minute


HOOKS = {
    "github": Hook(
        "github",
        "X-Hub-Signature-256",
        "sha256=",
        "X-GitHub-Delivery",
        lambda request, body: github_change(request.headers.get("X-GitHub-Event", ""), body),
    ),
    "linear": Hook(
        "linear",
        "Linear-Signature",
        "",
        "Linear-Delivery",
        lambda request, body: linear_change(body),
        stamped=True,
    ),
    "jira": Hook(
        "jira",
        "X-Hub-Signature",
        "sha256=",
        "X-Atlassian-Webhook-Identifier",
        lambda request, body: jira_change(body),
    ),
}


def _refused(status: int, why: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": why}, status_code=status)


def _delivery_id(hook: Hook, request: Request, body: dict[str, Any], raw: bytes) -> str:
    """The tracker's delivery id; Linear's webhookId with its timestamp, else the body's hash
    (the same body sent twice is the same delivery)."""
    given = request.headers.get(hook.delivery_header, "").strip()
    if given:
        return given
    if hook.stamped and body.get("webhookId"):
        return f"{body['webhookId']}:{body.get('webhookTimestamp')}"
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def endpoint(deps: Deps, hook: Hook, secret: str) -> Callable[[Request], Awaitable[JSONResponse]]:
    async def receive(request: Request) -> JSONResponse:
        try:
            raw = await read_capped(request, BODY_LIMIT)
        except BodyTooLarge:
            return _refused(413, "body too large")
        if not signature_ok(secret, raw, request.headers.get(hook.signature_header), hook.prefix):
            return _refused(401, "bad or missing signature")
        try:
            body = parse_json(raw)  # no nesting depth is a 500
        except ValueError:
            return _refused(400, "body is not JSON")
        if not isinstance(body, dict):
            return _refused(400, "body is not a JSON object")
        if hook.stamped and not fresh(body.get("webhookTimestamp"), deps.clock.now()):
            return _refused(401, "webhookTimestamp is not within a minute: replay refused")
        change = hook.change(request, body)
        if change is None:
            return JSONResponse({"ok": True, "ignored": True})
        delivery = _delivery_id(hook, request, body, raw)
        applied = await asyncio.to_thread(apply_change, deps, change, hook.source, delivery)
        log.info(
            "%s webhook %s: %s %s in %d workspace(s)",
            hook.source,
            delivery,
            change.ref.key,
            change.status,
            applied.tickets,
        )
        return JSONResponse(
            {
                "ok": True,
                "duplicate": applied.duplicate,
                "ticket": change.ref.key,
                "status": change.status,
                "workspaces": applied.tickets,
                "done": len(applied.done),
                "tell_loops": len(applied.told_loops),
                "reopened": len(applied.reopened),
            }
        )

    return receive


def ticket_routes(deps: Deps) -> list[BaseRoute]:
    """A route for each tracker whose webhook secret is set."""
    secrets = {
        "github": deps.settings.github_webhook_secret,
        "linear": deps.settings.linear_webhook_secret,
        "jira": deps.settings.jira_webhook_secret,
    }
    return [
        Route(f"/webhooks/{name}", endpoint(deps, HOOKS[name], secret), methods=["POST"])
        for name, secret in secrets.items()
        if secret
    ]
