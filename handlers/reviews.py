"""Customer reviews, health and retention: the quarterly review's numbers (for chat, the CLI
and the private page), the health report, and marking a customer churned or active."""

from __future__ import annotations

import statistics
from bisect import bisect_right
from collections.abc import Callable
from contextlib import nullcontext
from datetime import datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from bot.core.classify import KINDS
from bot.core.errors import BadInput, NotAllowed
from bot.core.health import HealthFacts, Quarter, health, parse_quarter, quarter_of, score_of
from bot.core.replies import Attachment, Field, Reply, Section, Table
from bot.core.review_links import sign, verify
from handlers.answers import average, minutes, say_minutes
from handlers.charts import review_chart
from handlers.common import enter, find_customer, workspace_for_cli
from handlers.context import Caller, Deps
from handlers.summaries import Frame, no_collection, side_by_side
from storage.models import Customer
from storage.queries import Period
from storage.responses import CsatStats
from storage.reviews import Commitments, HealthRow
from storage.uow import UnitOfWork

HEALTH_DAYS = 90  # the health report looks this far back
HEALTH_COLUMNS = ["customer", "segment", "value", "owner", "status", "health", "reasons"]
STATUSES = ("active", "churned")
# What the chat chart draws of each week, in review_chart's order.
WEEK_SERIES = ("feedback", "commitments", "kept_on_time", "first_response_minutes")


# ---- the quarterly review --------------------------------------------------------------------


def review_numbers(
    uow: UnitOfWork, customer: Customer, quarter: Quarter | None, zone: ZoneInfo, now: datetime,
    beside: Callable[[], UnitOfWork],
) -> dict[str, object]:  # fmt: skip
    """The spec's keys for one quarter (default: the one `now` is in, in `zone`) and, under
    `previous`, the quarter before, read at the same time in another unit of work (`beside`
    opens one, on a connection of its own): a person waits for both, and each is a handful of
    index ranges the database reads without Python."""
    quarter = quarter or quarter_of(now, zone)
    who = _Who(customer.id, customer.workspace_id, customer.name, customer.segment,  # type: ignore[arg-type]
               customer.value, customer.status, customer.created_at,
               _owner_name(uow, customer.workspace_id, customer))  # type: ignore[arg-type]  # fmt: skip

    previous, found = side_by_side(
        uow,
        beside,
        lambda other: _quarter(other, who, quarter.previous(), zone, now),
        lambda here: _quarter(here, who, quarter, zone, now),
    )
    found["previous"] = previous
    return found


class _Who(NamedTuple):
    """The customer a review is about, read once (a unit of work's objects stay in its
    thread)."""

    id: int
    workspace_id: int
    name: str
    segment: str
    value: float
    status: str
    created_at: datetime | None
    owner: str | None


def _quarter(
    uow: UnitOfWork, who: _Who, quarter: Quarter, zone: ZoneInfo, now: datetime
) -> dict[str, object]:
    start, end = quarter.start(zone), quarter.end(zone)
    as_of = min(end, now)  # a quarter still running is counted up to now
    period = Period(start, end)
    ws, cid = who.workspace_id, who.id
    kinds = uow.reviews.feedback_kinds(ws, cid, period)
    feedback = {kind: kinds.get(kind, (0, 0))[0] for kind in KINDS}
    total = sum(n for n, _neg in kinds.values())
    negative = sum(neg for _n, neg in kinds.values())
    weeks = _week_bounds(start, as_of)
    c = uow.reviews.commitments(ws, cid, period, as_of, weeks)
    on_time = c.kept_on_time / c.due if c.due else None
    # Quiet counts only the customer's voice, as "gone quiet" does: feedback from or about them.
    said = uow.reviews.last_feedback(ws, cid, as_of)
    answered = uow.reviews.first_responses(ws, cid, start, end)
    rated = uow.responses.csat(ws, period, cid).get(cid) or CsatStats()
    facts = HealthFacts(
        status=who.status, overdue=c.overdue_promises, unanswered=c.unanswered,
        feedback=total, negative=negative, days_quiet=_days_since(said or who.created_at, as_of),
        on_time_rate=on_time, csat_average=rated.average,
    )  # fmt: skip
    score, reasons = health(facts)
    per_week = _weeks(uow, who, weeks, c, answered)
    busy = [w["feedback"] + w["commitments"] for w in per_week]
    return {
        "customer": who.name,
        "quarter": str(quarter),
        "segment": who.segment,
        "value": who.value,
        "owner": who.owner,
        "status": who.status,
        "feedback": feedback,
        "negative_feedback": negative,
        "commitments": {
            "made": c.made,
            "kept_on_time": c.kept_on_time,
            "closed": c.closed,
            "open": c.open,
            "overdue": c.overdue,
        },
        "on_time_rate": None if on_time is None else round(on_time, 4),
        "median_days_to_close": None
        if c.median_days_to_close is None
        else round(c.median_days_to_close, 2),
        "median_first_response_minutes": minutes(_median([m for _at, m in answered])),
        "csat": {"responses": rated.responses, "average": average(rated.average)},
        "health": score,
        "health_reasons": reasons,
        "quotes": [
            {"text": q.text, "sentiment": q.sentiment, "permalink": q.permalink}
            for q in uow.reviews.most_negative(ws, cid, period)
        ],
        "weeks": per_week,
        # the timeline's busiest and quietest weeks: most and fewest feedback and commitments
        "busiest_week": per_week[busy.index(max(busy))]["week_start"] if busy else None,
        "quietest_week": per_week[busy.index(min(busy))]["week_start"] if busy else None,
    }


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _week_bounds(start: datetime, end: datetime) -> list[datetime]:
    """Monday-less weeks from the quarter's first day, up to 14, the last cut at `end`."""
    count = min(14, max(1, int((end - start).total_seconds() // (7 * 86400)) + 1))
    bounds = [start + timedelta(weeks=i) for i in range(count)] + [end]
    return [b for i, b in enumerate(bounds) if i == 0 or b > bounds[i - 1]]


def _weeks(
    uow: UnitOfWork, who: _Who, bounds: list[datetime], c: Commitments,
    answered: list[tuple[datetime, float]],
) -> list:  # fmt: skip
    """Per week of the quarter: feedback items, commitments made, commitments due that week and
    kept on time, and the median minutes to our first reply to the customer's messages (of
    those asked that week and answered)."""
    feedback = uow.reviews.feedback_per_week(who.workspace_id, who.id, bounds)
    waits: list[list[float]] = [[] for _ in bounds[1:]]
    for asked, waited in answered:
        week = bisect_right(bounds, asked) - 1
        if 0 <= week < len(waits):
            waits[week].append(waited)
    return [
        {"week_start": bounds[i].date().isoformat(), "feedback": feedback[i],
         "commitments": c.per_week[i], "kept_on_time": c.kept_per_week[i],
         "first_response_minutes": minutes(_median(waits[i]))}
        for i in range(len(bounds) - 1)
    ]  # fmt: skip


def review(deps: Deps, caller: Caller, name: str, quarter: Quarter | None) -> dict[str, object]:
    """A review as the spec's JSON keys (chat and CLI build theirs from it)."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        customer = find_customer(uow, scope.workspace.id, name)  # type: ignore[arg-type]
        found = review_numbers(uow, customer, quarter, deps.settings.zone, scope.now, deps.uow)
        uow.commit()
    return found


def review_for_cli(
    deps: Deps, name: str, quarter: Quarter | None, workspace: str | None
) -> dict[str, object]:
    with deps.uow() as uow:
        chosen = workspace_for_cli(uow, workspace)
        if chosen is None:
            raise BadInput("no workspace in this database yet")
        customer = find_customer(uow, chosen.id, name)  # type: ignore[arg-type]
        return review_numbers(
            uow, customer, quarter, deps.settings.zone, deps.clock.now(), deps.uow
        )


def _owner_name(uow: UnitOfWork, workspace_id: int, customer: Customer) -> str | None:
    if not customer.owner:
        return None
    return uow.users.names(workspace_id, {customer.owner}).get(customer.owner, customer.owner)


def review_reply(found: dict[str, object], link: str | None = None) -> Reply:
    """The review in chat: the quarter against the one before, health and its reasons."""
    before = found["previous"]
    c, p = found["commitments"], before["commitments"]  # type: ignore[index]
    fields = [
        Field("Health", f"{found['health']} (was {before['health']})"),  # type: ignore[index]
        Field(
            "Feedback", f"{sum(found['feedback'].values())} ({found['negative_feedback']} negative)"
        ),  # type: ignore[union-attr]
        Field(
            "Commitments",
            f"{c['made']} made, {c['kept_on_time']} kept on time, "
            f"{c['closed']} closed, {c['open']} open, {c['overdue']} overdue "
            f"(before: {p['made']} made, {p['kept_on_time']} on time)",
        ),  # fmt: skip
        Field("On-time rate", _rate(found["on_time_rate"])),
        Field("Median days to close", str(found["median_days_to_close"] or "—")),
        Field(
            "Median first response",
            say_minutes(found["median_first_response_minutes"])  # type: ignore[arg-type]
            + f" (before: {say_minutes(before['median_first_response_minutes'])})",  # type: ignore[index]
        ),
        Field("CSAT", _csat(found["csat"]) + f" (before: {_csat(before['csat'])})"),  # type: ignore[index]
    ]
    if found["busiest_week"]:
        fields.append(
            Field(
                "Weeks",
                f"busiest from {found['busiest_week']}, quietest from {found['quietest_week']}",
            )
        )
    sections = [
        Section("Why: " + ("; ".join(found["health_reasons"]) or "nothing against it"), fields)
    ]  # type: ignore[arg-type]
    for quote in found["quotes"]:  # type: ignore[union-attr]
        sections.append(
            Section(
                f"“{quote['text']}”"
                + (f" <{quote['permalink']}|link>" if quote["permalink"] else "")
            )
        )
    footer = f"Private page (7 days): {link}" if link else None
    return Reply(
        f"📈 {found['customer']} — review of {found['quarter']} ({found['status']}, "
        f"{found['segment']})",
        sections=sections,
        footer=footer,
    )


def _rate(value: object) -> str:
    return "—" if value is None else f"{float(value):.0%}"  # type: ignore[arg-type]


def _csat(said: object) -> str:
    """CSAT as “4.2 from 5 answers” (— when nobody answered)."""
    answers, mean = said["responses"], said["average"]  # type: ignore[index]
    return "—" if not answers else f"{mean:.1f} from {answers} answer{'s' * (answers != 1)}"


# ---- the health report -----------------------------------------------------------------------


FIRST_BATCH = 50  # customers scored before the first check whether the rest could rank


def health_table(uow: UnitOfWork, f: Frame) -> tuple[Table, int]:
    """Every customer's health over the last HEALTH_DAYS days, lowest health × highest value
    first (value at risk: (100 − health) × value), with the same facts and weights as a
    review's; and how many customers there are.

    With `f.rows` only the first rows are wanted: customers are scored biggest value first,
    in growing batches, until the next one could not rank among them even at health 0 (at
    most 100 × its value at risk) — the same rows as scoring everyone, for a fraction of it.
    For every row, the customers' feedback is read on a connection of its own (`f.beside`)
    while this one reads the overdue loops, CSAT and the customers' commitments."""
    with no_collection() if f.rows is None else nullcontext():
        return _health_table(uow, f)


def _health_table(uow: UnitOfWork, f: Frame) -> tuple[Table, int]:
    ws, wanted, now = f.workspace_id, f.rows, f.now
    period = Period(now - timedelta(days=HEALTH_DAYS), now)
    if wanted is None:  # every customer: their feedback is read beside the rest
        said, (late, rated, total, customers) = side_by_side(
            uow,
            f.beside,
            lambda other: other.reviews.health_said(ws, period),
            lambda u: (
                u.reviews.live_loops(ws, now),
                u.responses.csat(ws, period),
                u.touchpoints.count(ws),
                u.reviews.health_customers(ws, period),
            ),
        )
        scored = _scored(customers, late, rated, now, said)
    else:
        late, rated = uow.reviews.live_loops(ws, now), uow.responses.csat(ws, period)
        total = uow.touchpoints.count(ws)
        scored, after, batch = [], None, FIRST_BATCH
        while True:
            found = uow.reviews.health_rows(ws, period, after, batch)
            scored += _scored(found, late, rated, now)
            if len(found) < batch:
                break
            scored.sort()  # by value at risk, then name (names are unique)
            scored = scored[:wanted]
            last = found[-1]
            if len(scored) == wanted and 100 * float(last.value or 0) < -scored[-1][0]:
                break  # nobody after `last` is worth more than 100 × its value
            after, batch = (last.value, last.name_key), batch * 4
    scored.sort()  # by value at risk, then name (names are unique)
    shown = scored[:wanted] if wanted else scored
    names = uow.users.names(ws, {c.owner for _risk, _name, c, _s, _r in shown if c.owner})
    rows = [
        {"customer": c.name, "segment": c.segment, "value": c.value,
         "owner": (names.get(c.owner) or c.owner) if c.owner else None, "status": c.status,
         "health": score, "reasons": "; ".join(reasons)}
        for _risk, _name, c, score, reasons in shown
    ]  # fmt: skip
    return Table(HEALTH_COLUMNS, rows), total


_Scored = tuple[float, str, HealthRow, int, list[str]]  # -(value at risk), name, row, health, why


def _scored(
    found: list[HealthRow], late: dict[int, tuple[int, int]], rated: dict[int, CsatStats],
    now: datetime, said: dict[int, tuple[int, int, datetime | None]] | None = None,
) -> list[_Scored]:  # fmt: skip
    """Each customer's health and reasons, keyed for sorting by value at risk (a loop over
    every customer of a workspace: plain tuples, nothing looked up twice). With `said`
    (`health_said`), the feedback numbers and when they were last heard come from there
    instead of the rows (`health_customers`)."""
    scored: list[_Scored] = []
    add, no_loops, unheard = scored.append, (0, 0), (0, 0, None)
    for c in found:
        cid, name, _key, _segment, value, _owner, status, heard, feedback, negative, due, kept = c
        overdue, unanswered = late.get(cid, no_loops)
        csat = rated.get(cid)
        if said is not None:  # (a customer added between the two reads: nothing heard yet)
            feedback, negative, heard = said.get(cid, unheard)
        score, reasons = score_of(
            status, overdue, unanswered, feedback, negative,
            csat.average if csat is not None else None,
            _days_since(heard, now),
            kept / due if due else None,
        )  # fmt: skip
        add((-(100 - score) * (value or 0.0), name, c, score, reasons))
    return scored


def _days_since(moment: datetime | None, now: datetime) -> int | None:
    """Whole days from `moment` (the last feedback, else when the customer was added) to `now`
    (None: unknown, or not yet at `now`)."""
    return (now - moment).days if moment is not None and moment <= now else None


# ---- retention -------------------------------------------------------------------------------


def set_status(deps: Deps, caller: Caller, name: str, status: str, reason: str) -> Reply:
    """`customer <name> status churned|active [reason]`: admins and the account owner; the
    change is a touchpoint with its reason."""
    if status not in STATUSES:
        raise BadInput(f"A customer's status is {' or '.join(STATUSES)}.")
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        customer = find_customer(uow, scope.workspace.id, name)  # type: ignore[arg-type]
        if not (scope.actor.is_admin or customer.owner == caller.user):
            raise NotAllowed(
                f"Only an admin or {customer.name}'s account owner can change its status."
            )
        if customer.status == status:
            return Reply(f"{customer.name} is already {status}.")
        uow.reviews.set_status(customer, status, scope.now)
        uow.feedback.add(
            workspace_id=scope.workspace.id, customer_id=customer.id, kind="other",
            text=f"Status: {status}" + (f" — {reason}" if reason else ""),
            sentiment=0.0, source="command", author=caller.user, created_at=scope.now,
        )  # fmt: skip
        uow.commit()
    said = f"{customer.name} is now {status}" + (f" ({reason})." if reason else ".")
    if status == "churned":
        said += " It leaves the nudge and quiet lists; its history stays."
    return Reply(said)


# ---- in chat, and the private page -------------------------------------------------------------


def review_in_chat(deps: Deps, caller: Caller, name: str, quarter: str | None) -> Reply:
    """`/loop review <customer> [quarter]`: the review, and a private link to its page."""
    asked = parse_quarter(quarter) if quarter else None
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        customer = find_customer(uow, scope.workspace.id, name)  # type: ignore[arg-type]
        found = review_numbers(uow, customer, asked, deps.settings.zone, scope.now, deps.uow)
        uow.commit()
    link = None
    if deps.settings.secret_key:
        token = sign(
            deps.settings.secret_key, scope.workspace.id, customer.id, str(found["quarter"]),
            scope.now,
        )  # type: ignore[arg-type]  # fmt: skip
        link = f"{(deps.settings.public_url or '').rstrip('/')}/reviews/{token}"
    reply = review_reply(found, link)
    weeks = found["weeks"]  # type: ignore[assignment]
    chart = review_chart(
        [w["week_start"][5:] for w in weeks],  # type: ignore[index]
        *([w[key] for w in weeks] for key in WEEK_SERIES),  # type: ignore[index]
        f"{found['customer']} — {found['quarter']}, week by week",
    )
    reply.attachments.append(
        Attachment(f"review-{found['quarter']}.png", chart, "The quarter's weeks", "image/png")
    )
    return reply


def review_for_link(deps: Deps, token: str) -> dict[str, object] | None:
    """The review a private link names, or None for anything else (bad, expired, altered)."""
    secret = deps.settings.secret_key
    if not secret:
        return None
    now = deps.clock.now()
    link = verify(secret, token, now)
    if link is None:
        return None
    try:
        quarter = parse_quarter(link.quarter)
    except BadInput:
        return None
    with deps.uow() as uow:
        customer = uow.customers.get(link.customer_id)
        if customer is None or customer.workspace_id != link.workspace_id or customer.erased_at:
            return None
        return review_numbers(uow, customer, quarter, deps.settings.zone, now, deps.uow)
