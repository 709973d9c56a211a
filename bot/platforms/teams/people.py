"""What the Teams platform remembers about people: where to reach them, their names and zones.

A user's conversation reference (JSON in ChatUser.conversation_ref) holds the serviceUrl, their
Teams ids, the tenant and, once known, the id of the bot's 1:1 conversation with them.
Every function is one short unit of work (call them from a thread in async code).
"""

from __future__ import annotations

import json
from typing import Any

from handlers.context import Deps
from storage.models import ChatUser
from storage.uow import UnitOfWork

PLATFORM = "teams"


def _load(user: ChatUser | None) -> dict[str, Any]:
    if user is None or not user.conversation_ref:
        return {}
    try:
        found = json.loads(user.conversation_ref)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _workspace_id(uow: UnitOfWork, deps: Deps, tenant: str) -> int:
    workspace = uow.workspaces.get_or_create(PLATFORM, tenant, deps.clock.now())
    assert workspace.id is not None
    return workspace.id


def remember(
    deps: Deps,
    tenant: str,
    user: str,
    name: str | None = None,
    tz: str | None = None,
    **reference: str | None,
) -> None:
    """Merge what an activity tells about a user into their stored reference (no-op when
    nothing changed, so most activities only read)."""
    with deps.uow() as uow:
        ws = _workspace_id(uow, deps, tenant)
        current = uow.users.get(ws, user)
        stored = _load(current)
        merged = {**stored, **{k: v for k, v in reference.items() if v}}
        same_name = not name or (current is not None and current.name == name)
        same_tz = not tz or (current is not None and current.tz == tz)
        if current is not None and merged == stored and same_name and same_tz:
            return
        uow.users.upsert(
            ws,
            user,
            name=name or None,
            tz=tz or None,
            conversation_ref=json.dumps(merged, sort_keys=True),
        )
        uow.commit()


def reference(deps: Deps, tenant: str, user: str) -> dict[str, Any]:
    """The user's stored conversation reference ({} when the bot never heard of them)."""
    with deps.uow() as uow:
        workspace = uow.workspaces.find(PLATFORM, tenant)
        if workspace is None or workspace.id is None:
            return {}
        return _load(uow.users.get(workspace.id, user))


def service_url(deps: Deps, tenant: str) -> str | None:
    """The tenant's Bot Connector address, from any user the bot has heard from."""
    with deps.uow() as uow:
        workspace = uow.workspaces.find(PLATFORM, tenant)
        if workspace is None or workspace.id is None:
            return None
        for raw in uow.users.conversation_refs(workspace.id):
            try:
                found = json.loads(raw).get("serviceUrl")
            except (ValueError, AttributeError):
                continue
            if found:
                return str(found)
    return None


def timezone(deps: Deps, tenant: str, user: str) -> str | None:
    """The IANA zone Teams last reported for the user (clientInfo / localTimezone)."""
    with deps.uow() as uow:
        workspace = uow.workspaces.find(PLATFORM, tenant)
        if workspace is None or workspace.id is None:
            return None
        found = uow.users.get(workspace.id, user)
        return found.tz if found else None


def display_names(deps: Deps, tenant: str, ids: set[str]) -> dict[str, str]:
    """Display names for user ids, as Teams last told them."""
    if not ids:
        return {}
    with deps.uow() as uow:
        workspace = uow.workspaces.find(PLATFORM, tenant)
        if workspace is None or workspace.id is None:
            return {}
        return {k: v for k, v in uow.users.names(workspace.id, ids).items() if v and v != k}


def first_time(deps: Deps, tenant: str, key: str) -> bool:
    """Record a processed click or activity; False when it was handled before (a retry)."""
    with deps.uow() as uow:
        ws = _workspace_id(uow, deps, tenant)
        fresh = uow.events.first_time(ws, key, deps.clock.now())
        uow.commit()
    return fresh
