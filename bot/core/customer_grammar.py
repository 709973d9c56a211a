"""The `customer …` commands: add, show (a page of) the timeline, edit, forget (confirmed), and
mark churned or active."""

from __future__ import annotations

import math
import re

from bot.core.command_types import (
    AddCustomer,
    Command,
    CustomerStatus,
    EditCustomer,
    ForgetCustomer,
    ShowCustomer,
    UserRef,
    parse_user,
)
from bot.core.command_types import usage_error as _usage_error

_STATUS = re.compile(r"(.+?)\s+status\s+(churned|active)(?:\s+(.*))?", re.IGNORECASE | re.DOTALL)
_CUSTOMER_OPTION = re.compile(r"\s(aliases|alias|segment|value|owner)\s+", re.IGNORECASE)


_TIMELINE_PAGE = re.compile(r"(.+?)\s+page\s+(\d{1,6})", re.IGNORECASE)


def parse_customer(rest: str) -> Command:
    word, _, tail = rest.partition(" ")
    if not rest:
        raise _usage_error("customer", "Which customer?")
    if word.lower() == "add":
        return _add_customer(tail.strip())
    if word.lower() == "edit":
        return _edit_customer(tail.strip())
    if word.lower() in ("forget", "erase"):
        name, confirmed = _confirmed(tail.strip())
        if not name:
            raise _usage_error("customer", "Which customer should I forget?")
        return ForgetCustomer(name, confirmed)
    status = _STATUS.fullmatch(rest.strip())
    if status:
        return CustomerStatus(
            status.group(1).strip(), status.group(2).lower(), status.group(3) or ""
        )
    paged = _TIMELINE_PAGE.fullmatch(rest.strip())
    if paged:
        return ShowCustomer(paged.group(1), int(paged.group(2)))
    return ShowCustomer(rest.strip())


def _confirmed(text: str) -> tuple[str, bool]:
    """`Initech --yes` is a confirmed request; `Initech` asks first."""
    for flag in (" --yes", " -y"):
        if text.lower().endswith(flag) or text.lower() == flag.strip():
            return text[: -len(flag.strip())].strip(), True
    return text, False


_EDIT_OPTION = re.compile(r"\s(name|aliases|alias|segment|value|owner)\s+", re.IGNORECASE)


def _edit_customer(rest: str) -> Command:
    parts = _EDIT_OPTION.split(" " + rest)
    name = parts[0].strip().strip('"')
    options = _options(parts)
    if not name or not options:
        raise _usage_error("customer", "Which customer, and what should change?")
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    if "aliases" in options:
        how, _, listed_aliases = options["aliases"].partition(" ")
        words = tuple(a.strip() for a in listed_aliases.split(",") if a.strip())
        if how.lower() not in ("add", "remove") or not words:
            raise _usage_error("customer", "Say `aliases add <a>, <b>` or `aliases remove <a>`.")
        added, removed = (words, ()) if how.lower() == "add" else ((), words)
    new_name = options.get("name", "").strip('"') or None
    return EditCustomer(
        name,
        new_name,
        added,
        removed,
        _segment(options),
        _money(options["value"]) if "value" in options else None,
        _account_owner(options),
    )


def _options(parts: list[str]) -> dict[str, str]:
    options: dict[str, str] = {}
    for key, value in zip(parts[1::2], parts[2::2], strict=True):
        key = "aliases" if key.lower() == "alias" else key.lower()
        if key in options:
            raise _usage_error("customer", f"“{key}” is given twice.")
        options[key] = value.strip()
    return options


def _money(text: str) -> float:
    raw = text.replace(",", "").replace("_", "").lstrip("$€£")
    multiplier = 1.0
    if raw[-1:].lower() in ("k", "m"):
        multiplier = 1000.0 if raw[-1].lower() == "k" else 1_000_000.0
        raw = raw[:-1]
    try:
        value = float(raw) * multiplier
        if not math.isfinite(value):  # "nan", "inf", "1e309": not an amount of money
            raise ValueError(raw)
    except ValueError:
        raise _usage_error("customer", f"The value “{text}” is not a number.") from None
    if value < 0:
        raise _usage_error("customer", "The value can't be negative.")
    return value


def _account_owner(options: dict[str, str]) -> UserRef | None:
    if "owner" not in options:
        return None
    owner = parse_user(options["owner"])
    if owner is None:
        raise _usage_error("customer", "Name the account owner as @user.")
    return owner


def _segment(options: dict[str, str]) -> str | None:
    segment = options.get("segment")
    if segment is not None and not re.fullmatch(r"[\w-]{1,64}", segment):
        raise _usage_error("customer", "A segment is one word, like enterprise or smb.")
    return segment.lower() if segment else None


def _add_customer(rest: str) -> Command:
    parts = _CUSTOMER_OPTION.split(" " + rest)
    name = parts[0].strip().strip('"')
    if not name:
        raise _usage_error("customer", "The new customer needs a name.")
    options = _options(parts)
    aliases = tuple(a.strip() for a in options.get("aliases", "").split(",") if a.strip())
    value = _money(options["value"]) if "value" in options else None
    return AddCustomer(name, aliases, _segment(options), value, _account_owner(options))
