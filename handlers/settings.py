"""Workspace settings, admins only: escalation and digest, cadence, quiet hours, capture."""

from __future__ import annotations

import math
import re

from bot.core import grammar
from bot.core.dates import DATE_ORDERS
from bot.core.dates import date_order as order_of
from bot.core.errors import BadInput, NotAllowed
from bot.core.replies import Reply
from bot.core.response_time import parse_duration
from handlers.common import enter
from handlers.context import Caller, Deps
from storage.uow import UnitOfWork

DEFAULTS: dict[str, object] = {
    "escalation_channel": None,
    "digest_channel": None,
    "digest_schedule": "mon 09:00",
    "cadence_hours": {},  # segment -> hours between overdue nudges (default: a working day)
    "quiet_days": {},  # segment -> days without touchpoint before "gone quiet" (default 30)
    "quiet_hours": "19:00-08:00",
    # segment (or default) -> working minutes to a customer's first answer (default: 120)
    "response_minutes": {},
    "capture_off": [],  # channels where messages are not captured
    "reaction": "loop",
    "date_order": None,  # mdy or dmy for numeric dates like 12/03 (None: mdy)
    "csat": "on",  # after a `tell`, ask the customer "How did we do?"
}
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# The ranges a number setting may take: (smallest, largest, its unit in words).
_RANGES = {"cadence": (1.0, 720.0, "hours"), "quiet-days": (1.0, 3650.0, "days")}
_HHMM = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
# <#C123|name> (Slack), <#19:…@thread.tacv2> (a Teams channel @mention), or #name.
_CHANNEL = re.compile(r"<#([^>|\s]+)(?:\|[^>]*)?>|#?([\w-]+)")


def claim_console_admin(deps: Deps, caller: Caller) -> bool:
    """The first person in a local console workspace without an admin becomes its admin (True
    then, once), so settings can be tried without configuring anything."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        if scope.workspace.platform != "console" or uow.users.any_admin(scope.workspace.id):
            return False
        uow.users.upsert(scope.workspace.id, caller.user, is_admin=True)
        uow.commit()
    return True


def change(deps: Deps, caller: Caller, command: grammar.ChangeSettings) -> Reply:
    """Show the settings, or change one (admins only)."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        ws = scope.workspace.id
        if not scope.actor.is_admin:
            raise NotAllowed(
                "Only admins can see or change settings. Admins are the workspace's own (Slack, "
                "Teams) and the users listed in LOOPKEEPER_ADMINS (comma-separated ids; in the "
                "console, names: `LOOPKEEPER_ADMINS=alice loopkeeper console --as alice`)."
            )
        if command.words:
            key, value = _read(list(command.words), uow.settings.all(ws))
            if key == "digest":  # a channel and its schedule at once
                uow.settings.set(ws, "digest_channel", value[0])  # type: ignore[index]
                key, value = "digest_schedule", value[1]  # type: ignore[index]
            uow.settings.set(ws, key, value)
        current = {**DEFAULTS, **uow.settings.all(ws)}
        uow.commit()
    current["date_order"] = order_of(current["date_order"])
    lines = [f"• {key}: {_show(value)}" for key, value in current.items()]
    title = "Settings saved." if command.words else "Settings"
    return Reply(
        title + "\n" + "\n".join(lines), footer=f"Change one: `{grammar.USAGE['settings']}`"
    )


def value(deps: Deps, caller: Caller, key: str) -> object:
    """One setting of the caller's workspace (its default when never set); anyone may read."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        found = uow.settings.get(scope.workspace.id, key, DEFAULTS.get(key))
        uow.commit()
    return found


def date_order(uow: UnitOfWork, workspace_id: int, locale: str | None = None) -> str:
    """How the workspace writes numeric dates: mdy (12/03 is 3 December) or dmy; when no admin
    said, the caller's locale decides (en-GB: dmy), else mdy."""
    return order_of(uow.settings.get(workspace_id, "date_order"), locale)


def _show(value: object) -> str:
    if value in (None, [], {}):
        return "—"
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(f"#{v}" for v in value)
    return str(value)


def _channel(word: str) -> str:
    match = _CHANNEL.fullmatch(word)
    if not match:
        raise BadInput(f"“{word}” is not a channel; name it as #channel.")
    return match.group(1) or match.group(2)


def _number(key: str, word: str) -> float:
    low, high, unit = _RANGES[key]
    try:
        number = float(word)
    except ValueError:
        raise BadInput(f"“{word[:40]}” is not a number.") from None
    if not math.isfinite(number) or not low <= number <= high:
        raise BadInput(f"The {key} is a number of {unit} from {low:g} to {high:g}.")
    return number


def _read(words: list[str], current: dict[str, object]) -> tuple[str, object]:
    key, args = words[0].lower().replace("_", "-"), words[1:]
    usage = BadInput(f"Usage: `{grammar.USAGE['settings']}`")
    if key == "escalation" and len(args) == 1:
        return "escalation_channel", None if args[0] == "off" else _channel(args[0])
    if key == "digest" and len(args) in (1, 3):
        if len(args) == 3:
            day, at = args[1].lower()[:3], args[2]
            if day not in _DAYS or not _HHMM.fullmatch(at):
                raise BadInput("The digest schedule is a day and a time, like `monday 09:00`.")
            return "digest", [_channel(args[0]), f"{day} {at}"]
        return "digest_channel", None if args[0] == "off" else _channel(args[0])
    if key in ("cadence", "quiet-days") and len(args) == 2:
        number = _number(key, args[1])
        name = "cadence_hours" if key == "cadence" else "quiet_days"
        table = dict(current.get(name) or {})  # type: ignore[call-overload]
        table[args[0].lower()] = number
        return name, table
    if key == "response-time" and len(args) == 2:
        table = dict(current.get("response_minutes") or {})  # type: ignore[call-overload]
        table[args[0].lower()] = int(parse_duration(args[1]).total_seconds() // 60)
        return "response_minutes", table
    if key == "quiet-hours" and args:
        parts = "".join(args).split("-")
        if len(parts) != 2 or not all(_HHMM.fullmatch(p) for p in parts):
            raise BadInput("Quiet hours look like 19:00-08:00.")
        return "quiet_hours", "-".join(parts)
    if key == "capture" and len(args) == 2 and args[1].lower() in ("on", "off"):
        channel = _channel(args[0])
        off = [c for c in (current.get("capture_off") or []) if c != channel]  # type: ignore[union-attr]
        if args[1].lower() == "off":
            off.append(channel)
        return "capture_off", off
    if key == "date-order" and len(args) == 1:
        order = args[0].lower().replace("/", "").replace("-", "")
        if order not in DATE_ORDERS:
            raise BadInput("The date order is `mdy` (12/03 is 3 December) or `dmy` (12 March).")
        return "date_order", order
    if key == "csat" and len(args) == 1 and args[0].lower() in ("on", "off"):
        return "csat", args[0].lower()
    if key == "reaction" and len(args) == 1:
        return "reaction", args[0].strip(":")
    raise usage
