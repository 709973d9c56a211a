"""Time zones by name: the one reading of an IANA zone name (profiles, settings, callers)."""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@lru_cache(maxsize=512)
def zone_named(name: str | None) -> ZoneInfo | None:
    """The IANA zone called `name` ("Europe/Paris"), or None when empty or unknown."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return None


def zone_or(name: str | None, default: ZoneInfo) -> ZoneInfo:
    """The zone called `name`, else `default` (a profile without a zone, or a stale name)."""
    return zone_named(name) or default
