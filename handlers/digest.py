"""The weekly digest: what a team lead reads on Monday morning, with a chart to look at."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.core.policy import digest_period, last_digest_time
from bot.core.replies import Attachment, Reply, Section, counted
from handlers import answers
from handlers.charts import weekly_chart
from handlers.context import Deps
from handlers.settings import DEFAULTS
from handlers.summaries import (
    WEEKS,
    feedback_summary,
    frame,
    loop_trend,
    quiet_days,
    quiet_rows,
    quiet_rule,
    week_starts,
)
from storage.reports import Theme, WeekStats
from storage.uow import UnitOfWork

SHOWN = 5  # overdue loops and quiet customers listed
THEMES = 3  # customers whose themes are listed
_WORD = re.compile(r"[a-z][a-z0-9'-]{3,}")
_STOPWORDS = frozenset(
    "about after again also been before being cannot could does doing done from have having "
    "here into just like more most much need needs only other over please really said same "
    "should some still such than that thats their them then there these they this those "
    "through today tomorrow very want wants week were what when where which while will with "
    "would your you're we're we'll they're it's isn't don't can't again asked asks told tell "
    "customer customers thanks thank".split()
)


def weekly_digest(deps: Deps, workspace_id: int, now: datetime) -> Reply:
    """The weekly digest for the digest channel: the week in numbers against the week before,
    the worst-overdue loops with their owners, customers gone quiet, top themes, and a chart
    of the last weeks (open vs closed loops, on-time rate) as a PNG attachment."""
    return build_digest(deps, workspace_id, now)


def build_digest(deps: Deps, workspace_id: int, now: datetime) -> Reply:
    """See handlers.reports.weekly_digest."""
    zone = deps.settings.zone
    week = frame(workspace_id, now, zone, chat=True, days=7)
    starts = week_starts(now, zone, WEEKS)
    with deps.uow() as uow:
        numbers = [loop_trend(uow, week), *feedback_summary(uow, week)]
        answered = answers.response_fields(uow, week) + answers.csat_fields(uow, week)
        answering = answers.trend(uow, week, "7 days", answered)
        worst = uow.reports.worst_overdue(workspace_id, now, SHOWN)
        days, default = quiet_days(uow, workspace_id)
        quiet = quiet_rows(uow, workspace_id, now, days, default, SHOWN)
        quiet_total = uow.touchpoints.quiet_count(workspace_id, quiet_rule(now, days, default))
        themes = _themes(
            uow, workspace_id, uow.reports.themes(workspace_id, week.period, THEMES), week.period
        )
        weeks = uow.reports.weeks(workspace_id, starts, now)
        open_now = uow.reports.live_loops(workspace_id)
        uow.commit()
    sections = [
        *numbers[:2],  # loops and feedback against the week before
        answering,  # first response and CSAT against the week before
        _overdue_section(worst, now),
        _quiet_section(quiet, quiet_total),
        themes,
        *numbers[2:],  # feedback by kind and sentiment
    ]
    chart = weekly_chart(
        [f"{start.astimezone(zone):%d %b}" for start in starts[:-1]],
        open_at_week_end(open_now, weeks),
        [w.closed for w in weeks],
        [w.on_time_rate for w in weeks],
        title=f"Loops per week, the last {WEEKS} weeks",
    )
    start, end = week.period.start.astimezone(zone), now.astimezone(zone)
    return Reply(
        f"📊 Weekly digest — {start:%d %b} to {end:%d %b %Y}",
        sections=sections,
        footer=(
            "The week = the last 7 days to now; overdue = open past its due time; gone quiet = "
            f"no feedback from or about the customer for {default:g} days (or the segment's "
            "setting; our own commitments and updates don't count); themes = the "
            "customers with the most feedback this week, their main kind and words; chart: "
            "loops open at each week's end, closed that week, and the on-time rate (done by "
            "due ÷ due that week, cancelled excluded); first response = the median minutes from a "
            "customer's question in their channel to our first reply; CSAT = the average "
            "answer (1–5) to “How did we do?”."
        ),
        ephemeral=False,
        attachments=[
            Attachment(
                "loopkeeper-weekly.png",
                chart,
                f"Open vs closed loops and on-time rate, last {WEEKS} weeks",
                "image/png",
            )
        ],
    )


def open_at_week_end(open_now: int, weeks: Sequence[WeekStats]) -> list[int]:
    """Loops open at the end of each week (the last: now), walked back from the open count now:
    before a week, add back what it closed or cancelled and take away what it opened."""
    result = [0] * len(weeks)
    current = open_now
    for i in range(len(weeks) - 1, -1, -1):
        result[i] = max(current, 0)
        current += weeks[i].closed + weeks[i].cancelled - weeks[i].opened
    return result


def _overdue_section(worst: Sequence, now: datetime) -> Section:  # noqa: ANN001
    if not worst:
        return Section("⏰ Nothing is overdue. 🎉")
    lines = [
        f"#{lp.number} {lp.customer} — {lp.what}: {_overdue_for(now - lp.due_at)}, "
        f"owner <@{lp.owner}>"
        for lp in worst
    ]
    return Section("⏰ Most overdue\n" + "\n".join(lines))


def _overdue_for(late) -> str:  # noqa: ANN001
    days = late.days
    if days >= 1:
        return f"{days} day{'s' if days != 1 else ''} overdue"
    return f"{max(1, late.seconds // 3600)} h overdue"


def _quiet_section(quiet: list[dict[str, object]], total: int) -> Section:
    if not quiet:
        return Section("🤫 No customer has gone quiet.")
    lines = [
        f"{row['customer']} ({row['segment']}): {counted(int(row['days_quiet']), 'day')} "  # type: ignore[call-overload]
        "without a touchpoint" + (f", account owner {row['owner']}" if row["owner"] else "")
        for row in quiet
    ]
    more = f"\n…and {total - len(quiet)} more: `report quiet`" if total > len(quiet) else ""
    return Section(f"🤫 Gone quiet ({total}, biggest value first)\n" + "\n".join(lines) + more)


def _themes(uow: UnitOfWork, workspace_id: int, themes: list[Theme], period) -> Section:  # noqa: ANN001
    if not themes:
        return Section("🏷️ No feedback this week.")
    lines = []
    for theme in themes:
        kind, count = max(theme.kinds.items(), key=lambda kv: (kv[1], kv[0]))
        words = top_words(
            uow.reports.feedback_texts(workspace_id, theme.customer_id, period), theme.customer
        )
        lines.append(
            f"{theme.customer}: {theme.count} feedback, mostly {kind} ({count})"
            + (f" — {', '.join(words)}" if words else "")
        )
    return Section("🏷️ Top themes\n" + "\n".join(lines))


def top_words(texts: Iterable[str], customer: str = "", count: int = 3) -> list[str]:
    """The words said most often in `texts`, leaving out filler and the customer's own name."""
    skip = _STOPWORDS | set(_WORD.findall(customer.lower()))
    counter = Counter(
        word for text in texts for word in _WORD.findall(text.lower()) if word not in skip
    )
    return [word for word, _ in counter.most_common(count)]


# ---- which digests are due -------------------------------------------------------------

DIGEST_GRACE = timedelta(days=1)  # a digest missed by more than this waits for the next period


@dataclass(frozen=True)
class DigestDue:
    workspace_id: int
    platform: str
    workspace: str
    channel: str
    key: str
    line: str


def claim_digests(deps: Deps, platforms: Iterable[str], now: datetime) -> list[DigestDue]:
    """Workspaces whose digest is due (its schedule passed less than a day ago and it was not
    posted this period), each claimed by its period key so it is posted once."""
    zone = deps.settings.zone
    due = []
    with deps.uow() as uow:
        for workspace in uow.plan_facts.workspaces_on(platforms):
            settings = {**DEFAULTS, **uow.settings.all(workspace.id)}  # type: ignore[arg-type]
            channel = settings.get("digest_channel")
            if not channel:
                continue
            moment = last_digest_time(str(settings.get("digest_schedule") or ""), now, zone)
            if now - moment > DIGEST_GRACE:
                continue
            period = digest_period(moment, zone)
            key = f"digest:{period}"
            if uow.events.first_time(workspace.id, key, now):  # type: ignore[arg-type]
                due.append(
                    DigestDue(
                        workspace.id,
                        workspace.platform,
                        workspace.external_id,  # type: ignore[arg-type]
                        str(channel),
                        key,
                        f"digest {period} to #{channel}",
                    )
                )
        uow.commit()
    return due


def release_digest(deps: Deps, digest: DigestDue) -> None:
    """The digest could not be posted: let a later sweep try again this period."""
    with deps.uow() as uow:
        uow.nudges.forget_key(digest.workspace_id, digest.key)
        uow.commit()
