"""Customer reviews, health and retention: the quarterly review's numbers (for chat, the CLI
and the private page), the health report, and marking a customer churned or active."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.classify import KINDS
from bot.core.errors import BadInput, NotAllowed
from bot.core.health import HealthFacts, Quarter, health, parse_quarter, quarter_of
from bot.core.replies import Attachment, Field, Reply, Section, Table
from bot.core.review_links import sign, verify
from handlers.answers import average, minutes
from handlers.charts import review_chart
from handlers.common import enter, find_customer, workspace_for_cli
from handlers.context import Caller, Deps
from handlers.summaries import Frame
from storage.models import Customer
from storage.queries import Period
from storage.responses import CsatStats, ResponseStats
from storage.reviews import Commitments
from storage.uow import UnitOfWork

HEALTH_DAYS = 90  # the health report looks this far back
HEALTH_COLUMNS = ["customer", "segment", "value", "owner", "status", "health", "reasons"]
STATUSES = ("active", "churned")
# What the chat chart draws of each week, in review_chart's order.
WEEK_SERIES = ("feedback", "commitments", "kept_on_time", "first_response_minutes")


# ---- the quarterly review --------------------------------------------------------------------


def review_numbers(
    uow: UnitOfWork, customer: Customer, quarter: Quarter | None, zone: ZoneInfo, now: datetime
) -> dict[str, object]:
    """The spec's keys for one quarter (default: the one `now` is in, in `zone`) and, under
    `previous`, the quarter before."""
    quarter = quarter or quarter_of(now, zone)
    owner = _owner_name(uow, customer.workspace_id, customer)
    found = _quarter(uow, customer, owner, quarter, zone, now)
    found["previous"] = _quarter(uow, customer, owner, quarter.previous(), zone, now)
    return found


def _quarter(
    uow: UnitOfWork, customer: Customer, owner: str | None, quarter: Quarter, zone: ZoneInfo,
    now: datetime,
) -> dict[str, object]:  # fmt: skip
    start, end = quarter.start(zone), quarter.end(zone)
    as_of = min(end, now)  # a quarter still running is counted up to now
    period = Period(start, end)
    kinds = uow.reviews.feedback_kinds(customer.workspace_id, customer.id, period)  # type: ignore[arg-type]
    feedback = {kind: kinds.get(kind, (0, 0))[0] for kind in KINDS}
    total = sum(n for n, _neg in kinds.values())
    negative = sum(neg for _n, neg in kinds.values())
    weeks = _week_bounds(start, as_of)
    c = uow.reviews.commitments(customer.workspace_id, customer.id, period, as_of, weeks)  # type: ignore[arg-type]
    on_time = c.kept_on_time / c.due if c.due else None
    # The last touchpoint by the quarter's end (or now): feedback, a commitment, a delivery or
    # a closure.
    said = uow.reviews.last_feedback(customer.workspace_id, customer.id, as_of)  # type: ignore[arg-type]
    last = max((t for t in (c.last_touch, said) if t), default=None)
    quiet = int((as_of - last).total_seconds() // 86400) if last else None
    ws, cid = customer.workspace_id, customer.id
    answered = uow.responses.first_responses(ws, period, as_of, cid).get(cid) or ResponseStats()  # type: ignore[arg-type]
    said = uow.responses.csat(ws, period, cid).get(cid) or CsatStats()  # type: ignore[arg-type]
    facts = HealthFacts(
        status=customer.status, overdue=c.overdue, feedback=total, negative=negative,
        days_quiet=quiet, on_time_rate=on_time, csat_average=said.average,
    )  # fmt: skip
    score, reasons = health(facts)
    return {
        "customer": customer.name,
        "quarter": str(quarter),
        "segment": customer.segment,
        "value": customer.value,
        "owner": owner,
        "status": customer.status,
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
        "median_first_response_minutes": minutes(answered.median_minutes),
        "csat": {"responses": said.responses, "average": average(said.average)},
        "health": score,
        "health_reasons": reasons,
        "quotes": [
            {"text": q.text, "sentiment": q.sentiment, "permalink": q.permalink}
            for q in uow.reviews.most_negative(customer.workspace_id, customer.id, period)  # type: ignore[arg-type]
        ],
        "weeks": _weeks(uow, customer, weeks, c),
    }


def _week_bounds(start: datetime, end: datetime) -> list[datetime]:
    """Monday-less weeks from the quarter's first day, up to 14, the last cut at `end`."""
    count = min(14, max(1, int((end - start).total_seconds() // (7 * 86400)) + 1))
    bounds = [start + timedelta(weeks=i) for i in range(count)] + [end]
    return [b for i, b in enumerate(bounds) if i == 0 or b > bounds[i - 1]]


def _weeks(uow: UnitOfWork, customer: Customer, bounds: list[datetime], c: Commitments) -> list:
    """Per week of the quarter: feedback items, commitments made, commitments due that week and
    kept on time, and the median minutes to our first reply to the customer's messages."""
    ws, cid = customer.workspace_id, customer.id
    feedback = uow.reviews.feedback_per_week(ws, cid, bounds)  # type: ignore[arg-type]
    answered = uow.reviews.first_response_per_week(ws, cid, bounds)  # type: ignore[arg-type]
    return [
        {"week_start": bounds[i].date().isoformat(), "feedback": feedback[i],
         "commitments": c.per_week[i], "kept_on_time": c.kept_per_week[i],
         "first_response_minutes": minutes(answered[i])}
        for i in range(len(bounds) - 1)
    ]  # fmt: skip


def review(deps: Deps, caller: Caller, name: str, quarter: Quarter | None) -> dict[str, object]:
    """A review as the spec's JSON keys (chat and CLI build theirs from it)."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        customer = find_customer(uow, scope.workspace.id, name)  # type: ignore[arg-type]
        found = review_numbers(uow, customer, quarter, deps.settings.zone, scope.now)
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
        return review_numbers(uow, customer, quarter, deps.settings.zone, deps.clock.now())


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
    ]
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


# ---- the health report -----------------------------------------------------------------------


def health_table(uow: UnitOfWork, f: Frame) -> Table:
    """Every customer's health, lowest health × highest value first (value at risk)."""
    ws = f.workspace_id
    since = f.now - timedelta(days=HEALTH_DAYS)
    period = Period(since, f.now)
    loops = uow.reports.loop_stats(ws, "customer", period, f.now, frozenset({"live", "due"}))
    feedback = uow.reviews.negative_by_customer(ws, period)
    rows = []
    for c in uow.touchpoints.customers(ws):
        stats = loops.get(c.id)
        n, negative = feedback.get(c.id, (0, 0))
        quiet = (
            int((f.now - c.last_touchpoint).total_seconds() // 86400) if c.last_touchpoint else None
        )
        score, reasons = health(HealthFacts(
            status=c.status, overdue=stats.overdue if stats else 0, feedback=n, negative=negative,
            days_quiet=quiet, on_time_rate=stats.on_time_rate if stats else None,
        ))  # fmt: skip
        rows.append({"customer": c.name, "segment": c.segment, "value": c.value,
                     "owner": c.owner, "status": c.status, "health": score,
                     "reasons": "; ".join(reasons)})  # fmt: skip
    rows.sort(key=lambda r: (-(100 - int(r["health"])) * float(r["value"] or 0), r["customer"]))  # type: ignore[arg-type]
    return Table(HEALTH_COLUMNS, rows[: f.rows] if f.rows else rows)


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
        found = review_numbers(uow, customer, asked, deps.settings.zone, scope.now)
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
        return review_numbers(uow, customer, quarter, deps.settings.zone, now)
