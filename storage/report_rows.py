"""What report queries answer: one object per group (owner, customer, segment, week)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from storage.queries import ratio


@dataclass
class LoopStats:
    """Loop counts of one group. Live counts are as of now; the rest within the period."""

    open: int = 0  # open or done, now
    overdue: int = 0  # open and past due, now
    closed: int = 0  # closed in the period
    cancelled: int = 0  # cancelled in the period
    opened: int = 0  # created in the period
    opened_kept: int = 0  # created in the period and not cancelled
    opened_closed: int = 0  # created in the period and closed before its end
    due: int = 0  # not cancelled, due in the period (up to now)
    on_time: int = 0  # of those, done by the due time

    @property
    def on_time_rate(self) -> float | None:
        return ratio(self.on_time, self.due)

    @property
    def closure_rate(self) -> float | None:
        return ratio(self.opened_closed, self.opened_kept)


@dataclass
class FeedbackStats:
    count: int = 0
    negative: int = 0  # sentiment below zero
    positive: int = 0  # sentiment above zero
    value: float = 0.0  # the sum of the customers' values over the items: the weighted view
    negative_value: float = 0.0


@dataclass
class WeekStats:
    feedback: int = 0
    opened: int = 0
    closed: int = 0
    cancelled: int = 0
    due: int = 0
    on_time: int = 0

    @property
    def missed(self) -> int:
        return self.due - self.on_time

    @property
    def on_time_rate(self) -> float | None:
        return ratio(self.on_time, self.due)


@dataclass
class OverdueLoop:
    number: int
    customer: str
    what: str
    owner: str  # user id
    due_at: datetime


@dataclass
class Theme:
    customer_id: int
    customer: str
    count: int
    kinds: dict[str, int] = field(default_factory=dict)
