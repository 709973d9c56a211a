"""A customer's health: a score from 0 to 100 that a person can recompute from its reasons.

It starts at 100 and loses points only for what happened in the loop, each reason saying how
many (the weights, also in the README and `/loop help review`):

- each commitment overdue now: -10 (at most -30)
- each customer question (reply loop) unanswered past its first-response target: -10 (at most
  -20); it is not counted as an overdue commitment too
- negative feedback: -30 x the share of the period's feedback that was negative (3 items or more)
- CSAT average below 4: -10 per point below 4 (at most -30)
- quiet (no feedback from or about them) for more than 30 days: -1 per day beyond 30 (at most
  -20)
- on-time rate below 100%: -20 x the share of commitments due in the period not kept on time
A churned customer's health is 0 ("churned").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from bot.core.errors import BadInput

WEIGHTS = {
    "overdue": (10, 30),
    "unanswered": (10, 20),
    "negative": 30,
    "csat": (10, 30),
    "quiet": (30, 1, 20),  # grace days, points per day beyond, most
    "on_time": 20,
}
FEW_FEEDBACK = 3  # fewer items than this say nothing about a share


class HealthFacts(NamedTuple):
    """What the score is computed from, for one customer and one period (a named tuple: the
    health report makes one per customer, ten thousand at a time)."""

    status: str = "active"
    overdue: int = 0
    unanswered: int = 0
    feedback: int = 0
    negative: int = 0
    csat_average: float | None = None
    days_quiet: int | None = None
    on_time_rate: float | None = None


def health(facts: HealthFacts) -> tuple[int, list[str]]:
    """The score and its reasons, each with the points it cost: ("2 promises overdue: -20")."""
    return score_of(*facts)


def score_of(
    status: str, overdue: int, unanswered: int, feedback: int, negative: int,
    csat: float | None, quiet: int | None, on_time: float | None,
) -> tuple[int, list[str]]:  # fmt: skip
    """`health` of the facts given one by one, in HealthFacts' order, for the health report's
    loop over every customer of a workspace (no tuple made per customer): one pass, the
    weights read once, each reason's text made only when it costs something."""
    if status == "churned":
        return 0, ["churned"]
    reasons: list[str] = []
    lost = 0
    if overdue:
        cost = min(_OVERDUE_MOST, _OVERDUE * overdue)
        reasons.append(f"{overdue} promise{_S[overdue == 1]} overdue: -{cost}")
        lost += cost
    if unanswered:
        cost = min(_UNANSWERED_MOST, _UNANSWERED * unanswered)
        reasons.append(
            f"{unanswered} question{_S[unanswered == 1]} unanswered past the target: -{cost}"
        )
        lost += cost
    if negative and feedback >= FEW_FEEDBACK:
        share = negative / feedback
        cost = round(_NEGATIVE * share)
        if cost:
            reasons.append(f"{share:.0%} of feedback negative: -{cost}")
            lost += cost
    if csat is not None and csat < 4:
        cost = min(_CSAT_MOST, round(_CSAT * (4 - csat)))
        if cost:
            reasons.append(f"CSAT {csat:.1f}: -{cost}")
            lost += cost
    if quiet is not None and quiet > _GRACE:
        cost = min(_QUIET_MOST, _QUIET * (quiet - _GRACE))
        reasons.append(f"quiet for {quiet} days: -{cost}")
        lost += cost
    if on_time is not None and on_time < 1:
        cost = round(_ON_TIME * (1 - on_time))
        if cost:
            reasons.append(f"{on_time:.0%} of promises kept on time: -{cost}")
            lost += cost
    return (100 - lost if lost < 100 else 0), reasons


_OVERDUE, _OVERDUE_MOST = WEIGHTS["overdue"]  # type: ignore[misc]
_UNANSWERED, _UNANSWERED_MOST = WEIGHTS["unanswered"]  # type: ignore[misc]
_NEGATIVE = WEIGHTS["negative"]
_CSAT, _CSAT_MOST = WEIGHTS["csat"]  # type: ignore[misc]
_GRACE, _QUIET, _QUIET_MOST = WEIGHTS["quiet"]  # type: ignore[misc]
_ON_TIME = WEIGHTS["on_time"]
_S = ("s", "")  # plural ending, indexed by "exactly one"


# ---- quarters --------------------------------------------------------------------------------

_QUARTER = re.compile(r"(\d{4})\s*-?\s*q([1-4])", re.IGNORECASE)


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int  # 1..4

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    def start(self, zone: ZoneInfo) -> datetime:
        return datetime(self.year, 3 * self.number - 2, 1, tzinfo=zone)

    def end(self, zone: ZoneInfo) -> datetime:
        return self.next().start(zone)

    def next(self) -> Quarter:
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def previous(self) -> Quarter:
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )


def quarter_of(moment: datetime, zone: ZoneInfo) -> Quarter:
    """The quarter `moment` falls in, in the workspace's zone."""
    local = moment.astimezone(zone)
    return Quarter(local.year, (local.month - 1) // 3 + 1)


def parse_quarter(text: str) -> Quarter:
    """`2026Q4` (also `2026-q4`, `2026 Q4`); BadInput for anything else (`2026Q7`)."""
    match = _QUARTER.fullmatch(text.strip())
    if not match:
        raise BadInput(f"“{text.strip()}” is not a quarter. Write it like 2026Q4.")
    return Quarter(int(match.group(1)), int(match.group(2)))
