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
    if facts.status == "churned":
        return 0, ["churned"]
    reasons: list[tuple[str, int]] = []
    per, most = WEIGHTS["overdue"]
    if facts.overdue:
        reasons.append(
            (_count(facts.overdue, "promise") + " overdue", min(most, per * facts.overdue))
        )
    per, most = WEIGHTS["unanswered"]
    if facts.unanswered:
        said = _count(facts.unanswered, "question") + " unanswered past the target"
        reasons.append((said, min(most, per * facts.unanswered)))
    if facts.feedback >= FEW_FEEDBACK and facts.negative:
        share = facts.negative / facts.feedback
        reasons.append((f"{share:.0%} of feedback negative", round(WEIGHTS["negative"] * share)))
    per, most = WEIGHTS["csat"]
    if facts.csat_average is not None and facts.csat_average < 4:
        reasons.append(
            (f"CSAT {facts.csat_average:.1f}", min(most, round(per * (4 - facts.csat_average))))
        )
    grace, per_day, most = WEIGHTS["quiet"]
    if facts.days_quiet is not None and facts.days_quiet > grace:
        cost = min(most, per_day * (facts.days_quiet - grace))
        reasons.append((f"quiet for {facts.days_quiet} days", cost))
    if facts.on_time_rate is not None and facts.on_time_rate < 1:
        missed = round(WEIGHTS["on_time"] * (1 - facts.on_time_rate))
        if missed:
            reasons.append((f"{facts.on_time_rate:.0%} of promises kept on time", missed))
    score = max(0, 100 - sum(cost for _said, cost in reasons))
    return score, [f"{said}: -{cost}" for said, cost in reasons if cost]


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


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
