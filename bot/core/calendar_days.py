"""Calendar days in words or numbers ("4 Dec", "the 4th", "12/03" in the workspace's date
order, "2026-12-04"), checked against the calendar and against a weekday said with them."""

from __future__ import annotations

import calendar
import re
from datetime import date

from bot.core.datewords import MONTHS, ORDINALS, WEEKDAYS
from bot.core.errors import BadInput

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_WORDS = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_DAY = r"\d{1,2}(?:st|nd|rd|th)?|" + "|".join(sorted(ORDINALS, key=len, reverse=True))
_ON_DAY = rf"(?:(?P<weekday>{WEEKDAY_WORDS}),?\s+)?(?:the\s+)?"
_DAY_MONTH = re.compile(
    rf"^{_ON_DAY}(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>\d{{4}}))?$"
)
_MONTH_DAY = re.compile(
    rf"^{_ON_DAY}(?P<month>{_MONTH})\s+(?:the\s+)?(?P<day>{_DAY})(?:,?\s+(?P<year>\d{{4}}))?$"
)
_DAY_ALONE = re.compile(  # "the 4th", not a bare "4" (4pm? the 4th?)
    rf"^{_ON_DAY}(?P<day>\d{{1,2}}(?:st|nd|rd|th)|" + "|".join(ORDINALS) + ")$"
)
_MONTH_ALONE = re.compile(
    rf"^(?P<end>end of (?:the )?)?(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?$"
)
_ISO = re.compile(r"^(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})$")
_NUMERIC = re.compile(
    rf"^{_ON_DAY}(?P<a>\d{{1,2}})[/.-](?P<b>\d{{1,2}})(?:[/.-](?P<year>\d{{4}}|\d{{2}}))?$"
)


def add_months(day: date, count: int) -> date:
    month = day.month - 1 + count
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _day_of(text: str) -> int:
    return ORDINALS.get(text) or int(re.sub(r"\D", "", text))


def _next_date(month: int, day: int, year: str | None, today: date) -> date | None:
    """The day in the given year, or the next time that month and day come round."""
    if year:
        years = [int(year) + (2000 if len(year) == 2 else 0)]
    else:
        years = list(range(today.year, today.year + 9))  # 29 Feb comes round too
    for candidate_year in years:
        try:
            candidate = date(candidate_year, month, day)
        except ValueError:
            continue
        if year or candidate >= today:
            return candidate
    return None


def calendar_day(phrase: str, today: date, order: str) -> date | None:
    """A day named by its date: 2026-12-01, 3 Dec, December 3rd, the 4th, 12/03."""
    if match := _ISO.match(phrase):
        return _checked(
            phrase, lambda: date(*(int(match.group(k)) for k in ("year", "month", "day")))
        )
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        if match := pattern.match(phrase):
            day = _day_of(match.group("day"))
            found = _next_date(MONTHS[match.group("month")], day, match.group("year"), today)
            return _weekday_agrees(phrase, match.group("weekday"), found)
    if match := _DAY_ALONE.match(phrase):
        day, month = _day_of(match.group("day")), date(today.year, today.month, 1)
        for _ in range(3):
            found = _next_date(month.month, day, str(month.year), today)
            if found and found >= today:
                return _weekday_agrees(phrase, match.group("weekday"), found)
            month = add_months(month, 1)
        return None
    if match := _MONTH_ALONE.match(phrase):
        month = MONTHS[match.group("month")]
        first = _next_date(month, 1, match.group("year"), today.replace(day=1))
        if first is None:
            return None
        if match.group("end"):
            return first.replace(day=calendar.monthrange(first.year, month)[1])
        return first if first >= today else None
    if match := _NUMERIC.match(phrase):
        return _numeric(phrase, match, today, order)
    return None


def _checked(phrase: str, make) -> date:  # noqa: ANN001
    try:
        return make()
    except ValueError:
        raise BadInput(f"“{phrase}” is not a date on the calendar.") from None


def _weekday_agrees(phrase: str, weekday: str | None, found: date | None) -> date | None:
    if found is None:
        raise BadInput(f"“{phrase}” is not a date on the calendar.")
    if weekday and WEEKDAYS[weekday] != found.weekday():
        raise BadInput(
            f"“{phrase}”: {found.strftime('%-d %b %Y')} is a {found.strftime('%A')}, not a "
            f"{calendar.day_name[WEEKDAYS[weekday]]}. Which did you mean?",
            [found.strftime("%-d %b %Y")],
        )
    return found


def _numeric(phrase: str, match: re.Match[str], today: date, order: str) -> date | None:
    """12/03 is 3 December month first (mdy) and 12 March day first (dmy): the workspace says."""
    a, b, year = int(match.group("a")), int(match.group("b")), match.group("year")
    month, day = (b, a) if order == "dmy" else (a, b)
    found = _next_date(month, day, year, today) if 1 <= month <= 12 else None
    if found is None:
        other = _next_date(day, month, year, today) if 1 <= day <= 12 else None
        way = "day first" if order == "dmy" else "month first"
        hint = f" Did you mean {other.strftime('%-d %B %Y')}?" if other else ""
        raise BadInput(
            f"“{phrase}” is not a date read {way} (this workspace's date order, "
            f"`settings date-order {order}`).{hint}",
            [other.strftime("%Y-%m-%d")] if other else [],
        )
    return _weekday_agrees(phrase, match.group("weekday"), found)
