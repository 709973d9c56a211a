"""Report tables for people: headers in words, times in the reader's zone and words, rates as
percentages. JSON and CSV keep the keys and the raw values (PRODUCT.md); this is for the eye."""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo

_HEADERS = {
    "id": "#",
    "on_time_rate": "On-time rate",
    "median_days_to_close": "Median days to close",
    "median_first_response_minutes": "Median first response (min)",
    "week_start": "Week of",
    "last_touchpoint": "Last touchpoint",
    "negative_feedback": "Negative feedback",
    "days_quiet": "Days quiet",
    "csat": "CSAT",
    "average": "Average (1–5)",
}
_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def header(key: str) -> str:
    """`on_time_rate` -> "On-time rate", `last_touchpoint` -> "Last touchpoint"."""
    words = _HEADERS.get(key) or key.replace("_", " ")
    return words[:1].upper() + words[1:]


def cell(key: str, value: object, zone: tzinfo, now: datetime | None = None) -> str:
    """One value as a person reads it: "—" for none, "33%" for a rate, "Fri 4 Dec, 17:00" for a
    time (the year only when it is not this year's), "120,000" for an amount."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):  # health reasons
        return "; ".join(str(v) for v in value) or "—"
    if isinstance(value, int | float) and (key.endswith("_rate") or key == "rate"):
        return f"{value:.0%}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}".rstrip("0")
    if isinstance(value, int):
        return f"{value:,}" if key != "id" else str(value)
    text = str(value)
    if _MOMENT.match(text):
        return moment(datetime.fromisoformat(text), zone, now)
    if _DAY.fullmatch(text):
        return _day(date.fromisoformat(text), now)
    return text


def moment(at: datetime, zone: tzinfo, now: datetime | None = None) -> str:
    """ "Fri 4 Dec, 17:00" in `zone` ("Fri 4 Dec 2025, 17:00" in another year than now's)."""
    local = at.astimezone(zone)
    year = f" {local.year}" if now is None or now.astimezone(zone).year != local.year else ""
    return f"{local:%a} {local.day} {local:%b}{year}, {local:%H:%M}"


def _day(day: date, now: datetime | None) -> str:
    year = f" {day.year}" if now is None or now.year != day.year else ""
    return f"{day:%a} {day.day} {day:%b}{year}"


def fit(widths: list[int], room: int, keep: int = 2) -> int:
    """How many columns, from the left, fit in `room` characters of a boxed table (each
    column takes its width plus 3); at least `keep`."""
    used, count = 1, 0
    for width in widths:
        if used + width + 3 > room and count >= keep:
            break
        used, count = used + width + 3, count + 1
    return count
