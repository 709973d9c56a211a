"""How we answer customers in their channels, as reports show it: first response to their
questions (`report response`) and what they said when asked "How did we do?" (`report csat`),
per customer, with the trend against the period before (chat and the weekly digest)."""

from __future__ import annotations

from collections.abc import Mapping

from bot.core.replies import Field, Section
from handlers import summaries as say
from handlers.summaries import Frame
from storage.responses import CsatStats, Listed, ResponseStats
from storage.uow import UnitOfWork

RESPONSE_COLUMNS = [
    "customer", "segment", "asked", "answered", "median_first_response_minutes", "breached",
]  # fmt: skip
CSAT_COLUMNS = ["customer", "segment", "responses", "average", "satisfied_rate"]
RESPONSE_DEFINITION = (
    "asked = the customer's questions, requests and problems in their linked channel (reply "
    "loops) opened in the period; answered = those one of our people has replied to in the "
    "thread; first response = minutes from their message to our first reply; breached = "
    "answered after the first-response target, or still unanswered past it"
)
CSAT_DEFINITION = (
    "responses = answers to “How did we do?” (1–5) after a `tell`, in the period; satisfied "
    "rate = the share of 4s and 5s, empty when nobody answered"
)


def minutes(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def average(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _customers(uow: UnitOfWork, f: Frame, ids: set[int]) -> list[Listed]:
    """The customers a table lists: those with a linked channel and those with numbers in the
    period, biggest value first."""
    linked = {link.customer_id for link, _name in uow.channel_links.all(f.workspace_id)}
    return uow.responses.listed(f.workspace_id, linked | ids)


def response_rows(uow: UnitOfWork, f: Frame) -> list[dict[str, object]]:
    """`report response`: one row per customer (keys: RESPONSE_COLUMNS)."""
    stats = uow.responses.first_responses(f.workspace_id, f.period, f.now)
    rows = []
    for c in _customers(uow, f, {k for k in stats if k is not None}):
        s = stats.get(c.id) or ResponseStats()
        rows.append({
            "customer": c.name, "segment": c.segment, "asked": s.asked, "answered": s.answered,
            "median_first_response_minutes": minutes(s.median_minutes), "breached": s.breached,
        })  # fmt: skip
    return rows


def csat_rows(uow: UnitOfWork, f: Frame) -> list[dict[str, object]]:
    """`report csat`: one row per customer (keys: CSAT_COLUMNS)."""
    stats = uow.responses.csat(f.workspace_id, f.period)
    rows = []
    for c in _customers(uow, f, {k for k in stats if k is not None}):
        s = stats.get(c.id) or CsatStats()
        rows.append({
            "customer": c.name, "segment": c.segment, "responses": s.responses,
            "average": average(s.average), "satisfied_rate": say.rate(s.satisfied_rate),
        })  # fmt: skip
    return rows


def per_customer(
    uow: UnitOfWork, f: Frame, customers: frozenset[int] | None = None
) -> Mapping[int, tuple[float | None, float | None]]:
    """Customer id -> (CSAT average, median first-response minutes) in the period (the
    customers report's two columns); with `customers`, only theirs."""
    csat = uow.responses.csat(f.workspace_id, f.period)
    responses = uow.responses.first_responses(f.workspace_id, f.period, f.now, customers)
    ids = {k for k in (*csat, *responses) if k is not None}
    return {
        cid: (
            average(csat[cid].average) if cid in csat else None,
            minutes(responses[cid].median_minutes) if cid in responses else None,
        )
        for cid in ids
    }


def response_fields(uow: UnitOfWork, f: Frame) -> list[Field]:
    """First response in the period against the one before, in all."""
    ws, first = f.workspace_id, uow.responses.first_responses
    now = first(ws, f.period, f.now, by_customer=False).get(None) or ResponseStats()
    before = first(ws, f.previous, f.now, by_customer=False).get(None) or ResponseStats()
    return [
        Field("First response, median", f"{say_minutes(now.median_minutes)} (before: "
                                         f"{say_minutes(before.median_minutes)})"),
        Field("Questions answered", f"{now.answered} of {now.asked} "
                                    f"({say.change(now.answered, before.answered)})"),
        Field("Past the target", f"{now.breached} ({say.change(now.breached, before.breached)})"),
    ]  # fmt: skip


def csat_fields(uow: UnitOfWork, f: Frame) -> list[Field]:
    """CSAT in the period against the one before, in all."""
    ws = f.workspace_id
    now = uow.responses.csat(ws, f.period, by_customer=False).get(None) or CsatStats()
    before = uow.responses.csat(ws, f.previous, by_customer=False).get(None) or CsatStats()
    return [
        Field("CSAT", f"{_average(now)} (before: {_average(before)})"),
        Field("Satisfied (4–5)", say.rate_change(now.satisfied_rate, before.satisfied_rate)),
    ]


def trend(uow: UnitOfWork, f: Frame, days: str, fields: list[Field]) -> Section:
    """`fields` (response_fields, csat_fields) under their title (`days`: "7 days")."""
    return Section(f"Answering customers, the last {days} against the {days} before", fields)


def say_minutes(value: float | None) -> str:
    """A wait as people read it: minutes under two hours, else hours (— when none)."""
    value = minutes(value)  # julianday's float: 119.99999 minutes are 2 hours
    if value is None:
        return "—"
    if value < 120:
        return f"{value:.0f} min"
    return f"{value / 60:.1f} h"


def _average(stats: CsatStats) -> str:
    if stats.average is None:
        return "—"
    return f"{stats.average:.1f} from {stats.responses}"
