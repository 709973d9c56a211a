"""The date reader against a labelled list of phrases (date_phrases.txt): what people type and
what they mean by it, relative to a fixed clock. The figure is the share read as meant."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.core.dates import parse_due
from bot.core.errors import BadInput

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # a Tuesday
PHRASES = Path(__file__).with_name("date_phrases.txt")
LEAST_ACCURACY = 0.98


@dataclass(frozen=True)
class Case:
    phrase: str
    expected: str  # "YYYY-MM-DD HH:MM" in UTC, "refuse" or "refuse: <suggested words>"
    zone: str
    order: str


def cases() -> list[Case]:
    found, zone, order = [], "UTC", "mdy"
    for line in PHRASES.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            zone = next(iter(re.findall(r"\[zone ([^\]]+)\]", line)), zone)
            order = next(iter(re.findall(r"\[order ([^\]]+)\]", line)), order)
            continue
        phrase, _, expected = line.rpartition(" => ")
        found.append(Case(phrase, expected.strip(), zone, order))
    return found


def reading(case: Case) -> str:
    """What the reader makes of a phrase, in the list's terms."""
    try:
        due = parse_due(case.phrase, NOW, ZoneInfo(case.zone), case.order)
    except BadInput as refused:
        return "refuse: " + " ".join(refused.suggestions) if refused.suggestions else "refuse"
    return due.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def read_as_meant(case: Case, got: str) -> bool:
    if case.expected == "refuse":
        return got.startswith("refuse")
    if case.expected.startswith("refuse:"):
        wanted = case.expected.split(":", 1)[1].strip()
        return got.startswith("refuse:") and wanted in got
    return got == case.expected


def test_the_list_is_big_enough_to_mean_something() -> None:
    listed = cases()
    assert len(listed) >= 200
    assert {c.zone for c in listed} >= {"UTC", "Europe/Paris", "America/New_York"}
    assert {c.order for c in listed} == {"mdy", "dmy"}


def test_phrases_are_read_as_people_mean_them() -> None:
    listed = cases()
    misses = [(c, got) for c in listed if not read_as_meant(c, got := reading(c))]
    accuracy = 1 - len(misses) / len(listed)
    print(f"date reader: {len(listed) - len(misses)}/{len(listed)} = {accuracy:.3f}")
    shown = "\n".join(
        f"{c.phrase!r} ({c.zone}, {c.order}): {got}, meant {c.expected}" for c, got in misses
    )
    assert accuracy >= LEAST_ACCURACY, shown
