"""People as the chat platform describes them: the profile facts cached per user."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.core.zones import zone_named
from handlers.common import enter
from handlers.context import Caller, Deps


@dataclass(frozen=True)
class Profile:
    """What the platform's profile says: handle, time zone, admin; when it was read."""

    name: str
    tz: str | None
    is_admin: bool
    fetched_at: datetime


def cached_profile(deps: Deps, platform: str, workspace: str, user: str) -> Profile | None:
    """The profile read earlier from the platform, or None when it was never read."""
    with deps.uow() as uow:
        found = uow.workspaces.find(platform, workspace)
        person = uow.users.get(found.id, user) if found else None  # type: ignore[arg-type]
        if person is None or person.profile_fetched_at is None:
            return None
        return Profile(person.name, person.tz, person.is_admin, person.profile_fetched_at)


def remember_profile(deps: Deps, caller: Caller) -> datetime:
    """Store the caller's profile facts (name, tz, admin) as read from the platform just now."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        uow.users.upsert(
            scope.workspace.id,
            caller.user,
            is_admin=caller.is_admin,
            profile_fetched_at=scope.now,
        )
        uow.commit()
    return scope.now


# ---- time zones the sweep refreshes from profiles -----------------------------------------

PROFILE_MAX_AGE = timedelta(days=1)  # refresh a cached time zone when older than this


@dataclass(frozen=True)
class ProfileToRefresh:
    workspace_id: int
    platform: str
    workspace: str
    user: str


def stale_profiles(deps: Deps, platforms: Iterable[str], now: datetime) -> list[ProfileToRefresh]:
    """Owners of due loops whose time zone was not read from their profile in the last day."""
    with deps.uow() as uow:
        rows = uow.profiles.stale_owners(now, now - PROFILE_MAX_AGE, platforms)
    return [ProfileToRefresh(*row) for row in rows]


def save_timezones(
    deps: Deps, found: Sequence[tuple[ProfileToRefresh, str | None]], now: datetime
) -> None:
    """Cache the zones read from profiles; None keeps the one we had (or the default)."""
    if not found:
        return
    with deps.uow() as uow:
        uow.profiles.save_timezones(
            [(p.workspace_id, p.user, tz if zone_named(tz) else None) for p, tz in found], now
        )
        uow.commit()
