"""Due dates in plain words, in the caller's time zone; a 3-working-day default.

One reader for every place a date is typed: `commit … by <when>`, a captured chat message, a
snooze (command or button). A phrase is read whole or refused: a word the reader does not know
("Frday", "tomorow") is never skipped over, it is refused with the closest reading suggested.
"""

from __future__ import annotations

import calendar
import re
import warnings
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from bot.core import datewords
from bot.core.calendar_days import WEEKDAY_WORDS, add_months, calendar_day
from bot.core.datewords import WEEKDAYS, number_word
from bot.core.errors import BadInput

END_OF_DAY = time(17, 0)
DEFAULT_WORKING_DAYS = 3
FURTHEST_AHEAD = timedelta(days=3653)  # 10 years: further is a typo, not a promise
EXAMPLES = ["by Friday", "in 3 days", "tomorrow 5pm", "end of month", "next week", "2026-12-01"]
DATE_ORDERS = ("mdy", "dmy")
DEFAULT_ORDER = "mdy"
UTC = ZoneInfo("UTC")

_LEAD = re.compile(r"^(?:by|before|due|on|until|till|no later than|not later than|within)\s+")
_CLOCK = (
    r"(?:at\s+|@\s*)?(?P<time>(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<half>am|pm|a\.m\.|p\.m\.)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)|noon|midday|midnight|eod|cob|first thing"
    r"|(?:close|end) of (?:the )?(?:business|day)|(?:in the )?(?:morning|afternoon|evening))"
)
_TIME_LAST = re.compile(rf"(?:^|\s){_CLOCK}$")  # "friday 5pm"
_TIME_FIRST = re.compile(rf"^{_CLOCK}(?:\s+(?:on\s+)?|$)")  # "5pm friday", "eod tomorrow"
_NAMED_TIMES = {
    "noon": time(12, 0),
    "midday": time(12, 0),
    "midnight": time(23, 59),
    "eod": END_OF_DAY,
    "cob": END_OF_DAY,
    "close of business": END_OF_DAY,
    "end of business": END_OF_DAY,
    "close of day": END_OF_DAY,
    "end of day": END_OF_DAY,
    "end of the day": END_OF_DAY,
    "first thing": time(9, 0),
    "morning": time(9, 0),
    "afternoon": time(14, 0),
    "evening": time(18, 0),
}
_UNITS = {
    "m": "minutes",
    "min": "minutes",
    "mins": "minutes",
    "minute": "minutes",
    "minutes": "minutes",
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "hour": "hours",
    "hours": "hours",
    "d": "days",
    "day": "days",
    "days": "days",
    "w": "weeks",
    "fortnight": "fortnights",
    "wk": "weeks",
    "wks": "weeks",
    "week": "weeks",
    "weeks": "weeks",
    "mo": "months",
    "month": "months",
    "months": "months",
    "year": "years",
    "years": "years",
    "working day": "working",
    "working days": "working",
    "business day": "working",
    "business days": "working",
}
_UNIT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_AMOUNT = r"\d{1,5}(?:\.\d+)?|" + "|".join(sorted(datewords.AMOUNTS, key=len, reverse=True))
_DURATION = re.compile(
    rf"^(?:in\s+|within\s+|for\s+)?(?P<n>{_AMOUNT})\s*(?P<unit>{_UNIT})"
    rf"(?:\s*(?:and\s+)?(?P<n2>\d{{1,2}})\s*(?:m|min|mins|minutes)?)?(?:\s+from now)?$"
)
_FROM_DAY = re.compile(r"^(?P<span>.+?) (?:from|after) (?P<day>.+)$")
_HALF_HOUR = re.compile(r"^(?:in\s+)?half an? hour$")


def looks_like_date(text: str) -> bool:
    """Whether words could be meant as a date (so failing to read them deserves an error).

    Only the first words count: "by Friday for Acme" is a date, "by finance next week" is not.
    """
    return datewords.looks_like_date(text)


def add_working_days(day: date, count: int) -> date:
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def default_due(now: datetime, zone: tzinfo) -> datetime:
    """No due date given: the end of the third working day from now."""
    local = now.astimezone(zone)
    return _at(add_working_days(local.date(), DEFAULT_WORKING_DAYS), END_OF_DAY, zone)


def _at(day: date, clock_time: time, zone: tzinfo) -> datetime:
    """A wall-clock time on a day in a zone (across DST: the offset of that day, not today's)."""
    return datetime.combine(day, clock_time, tzinfo=zone)


def _normalise(text: str) -> str:
    phrase = re.sub(r"\s+", " ", text.strip().lower().replace("’", "'")).strip(" .!,;:")
    previous = None
    while previous != phrase:
        previous, phrase = phrase, _LEAD.sub("", phrase)
    return phrase


def _split_time(phrase: str) -> tuple[str, time | None]:
    """The day words and the time of day, which comes last ("friday 5pm") or first ("5pm
    friday", "eod tomorrow")."""
    if match := _TIME_LAST.search(phrase):
        rest = re.sub(r"\s+(?:at|@|by)$", "", phrase[: match.start()].strip(" ,"))
    elif match := _TIME_FIRST.match(phrase):
        rest = phrase[match.end() :].strip(" ,")
    else:
        return phrase, None
    rest = "today" if rest in ("this", "later", "later today") else rest
    said = match.group("time")
    if match.group("h24"):
        return rest, time(int(match.group("h24")), int(match.group("m24")))
    if match.group("h"):
        hour, minute = int(match.group("h")), int(match.group("m") or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise _unreadable(said)
        pm = match.group("half").startswith("p")
        return rest, time(hour % 12 + (12 if pm else 0), minute)
    key = re.sub(r"^in the ", "", said)
    return rest, _NAMED_TIMES[key]


def _duration(phrase: str, now: datetime, local: datetime, zone: tzinfo) -> datetime | None:
    if _HALF_HOUR.match(phrase):
        return now + timedelta(minutes=30)
    match = _DURATION.match(phrase)
    if not match:
        return None
    amount = number_word(match.group("n"))
    unit = _UNITS[match.group("unit")]
    if unit in ("minutes", "hours"):
        extra = int(match.group("n2") or 0) if unit == "hours" else 0
        minutes = amount * (60 if unit == "hours" else 1) + extra
        if minutes > FURTHEST_AHEAD.total_seconds() / 60:
            raise _too_far(phrase)
        return now + timedelta(minutes=minutes)
    if amount != int(amount) or amount > 5000:
        raise _too_far(phrase) if amount > 5000 else _unreadable(phrase)
    count = int(amount)
    today = local.date()
    if unit == "working":
        return _at(add_working_days(today, count), END_OF_DAY, zone)
    if unit in ("months", "years"):
        if count > 120:
            raise _too_far(phrase)
        return _at(add_months(today, count * (12 if unit == "years" else 1)), END_OF_DAY, zone)
    days = count * {"weeks": 7, "fortnights": 14}.get(unit, 1)
    return _at(today + timedelta(days=days), END_OF_DAY, zone)


def _relative_day(word: str, local: datetime, at: time | None) -> datetime | None:
    """today, tomorrow, Friday, next week, end of month: the words people use for days."""
    today = local.date()
    zone = local.tzinfo
    assert zone is not None
    clock = at or END_OF_DAY
    word = re.sub(r"^the ", "", word)
    if word in ("", "today", "tonight", "later today"):
        candidate = _at(today, clock, zone)
        if word == "" and candidate <= local:  # "by 5pm" said at 6pm: tomorrow's
            candidate += timedelta(days=1)
        return candidate
    if word in ("tomorrow", "tmrw", "tmr", "tomorrow morning", "tomorrow afternoon"):
        clock = at or (time(9, 0) if word.endswith("morning") else clock)
        return _at(today + timedelta(days=1), clock, zone)
    if word in ("day after tomorrow",):
        return _at(today + timedelta(days=2), clock, zone)
    if word in ("eow", "end of week", "end of the week", "end of this week", "this week") or (
        word in ("weekend", "this weekend")
    ):
        return _at(today + timedelta(days=(4 - today.weekday()) % 7), clock, zone)
    if word in ("next week", "early next week", "start of next week"):
        return _at(today + timedelta(days=7 - today.weekday()), clock, zone)
    if word in ("mid next week", "middle of next week"):
        return _at(today + timedelta(days=9 - today.weekday()), clock, zone)
    if word in ("end of next week",):
        return _at(today + timedelta(days=11 - today.weekday()), clock, zone)
    if word in ("eom", "end of month", "end of the month", "end of this month", "this month"):
        last = calendar.monthrange(today.year, today.month)[1]
        return _at(today.replace(day=last), clock, zone)
    if word in ("next month", "end of next month"):
        first = add_months(today.replace(day=1), 1)
        day = 1 if word == "next month" else calendar.monthrange(first.year, first.month)[1]
        return _at(first.replace(day=day), clock, zone)
    if word in ("eoq", "end of quarter", "end of the quarter", "this quarter"):
        last_month = add_months(today.replace(day=1), 2 - (today.month - 1) % 3)
        day = calendar.monthrange(last_month.year, last_month.month)[1]
        return _at(last_month.replace(day=day), clock, zone)
    if word in ("eoy", "end of year", "end of the year", "this year"):
        return _at(date(today.year, 12, 31), clock, zone)
    weekday = re.fullmatch(rf"(?:(this|next|on|coming|this coming)\s+)?({WEEKDAY_WORDS})", word)
    if weekday:
        ahead = (WEEKDAYS[weekday.group(2)] - today.weekday()) % 7
        candidate = _at(today + timedelta(days=ahead), clock, zone)
        if candidate <= local or weekday.group(1) == "next" and ahead == 0:
            candidate += timedelta(days=7)
        return candidate
    return None


def _read(phrase: str, now: datetime, zone: tzinfo, order: str) -> datetime | None:
    """The reading of a normalised phrase, None when the words are not a date at all."""
    local = now.astimezone(zone)
    counted = _FROM_DAY.match(phrase)
    if counted and _DURATION.match(counted.group("span")) and counted.group("day") != "now":
        start = _read(counted.group("day"), now, zone, order)  # "a week from friday"
        moved = _duration(counted.group("span"), start, start, zone) if start else None
        return moved.replace(hour=start.hour, minute=start.minute) if moved and start else None
    if (due := _duration(phrase, now, local, zone)) is not None:
        return due
    rest, at = _split_time(phrase)
    if (due := _relative_day(rest, local, at)) is not None:
        return due
    day = calendar_day(rest, local.date(), order)
    if day is not None:
        return _at(day, at or END_OF_DAY, zone)
    if datewords.all_known(rest):
        return _with_dateparser(rest, local, zone, at)
    return None


def _with_dateparser(
    phrase: str, local: datetime, zone: tzinfo, at: time | None
) -> datetime | None:
    """What our own rules do not cover ("a week from friday"), in words that are all dates."""
    import dateparser  # imported late: it takes a moment to load and only a few phrases need it

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(
            phrase,
            languages=["en"],
            settings={
                "PREFER_DATES_FROM": "future",
                "RELATIVE_BASE": local.replace(tzinfo=None),
                "RETURN_AS_TIMEZONE_AWARE": False,
            },
        )
    if parsed is None:
        return None
    return _at(parsed.date(), at or END_OF_DAY, zone)


def parse_due(text: str, now: datetime, zone: tzinfo, order: str = DEFAULT_ORDER) -> datetime:
    """A due time from plain words ("by Friday", "in 3 days", "2h", "12/03 5pm CET"), as UTC.

    A day without a time means the end of that working day (17:00). The phrase is read in the
    caller's zone unless it names one ("5pm CET", "Europe/Berlin", "PST": that zone's wall
    clock on that day, so summer time is honoured). Numeric dates follow `order` (mdy or
    dmy). Raises BadInput quoting the words, with the closest reading when there is one
    ("did you mean Friday?"), when they are not a date or name a time already past.
    """
    phrase = _normalise(text)
    if not phrase:
        raise BadInput(_not_understood(text))
    phrase, named = datewords.split_zone(phrase)
    reading_zone = named or zone
    due = _read(phrase, now, reading_zone, order) if phrase else None
    if due is None:
        raise _refusal(text, phrase, now, reading_zone, zone, order)
    local = now.astimezone(reading_zone)
    # Compared naive, in the reading zone: a date near year 9999 can't overflow here.
    if due.replace(tzinfo=None) - local.replace(tzinfo=None) > FURTHEST_AHEAD:
        raise _too_far(text)
    if due <= now:
        shown = describe(due, zone, now, with_year=True)
        raise BadInput(
            f"“{text.strip()}” reads as {shown}, which has already passed. "
            f"Give a time in the future, e.g. {', '.join(EXAMPLES[:3])}."
        )
    return due.astimezone(UTC)


def _too_far(text: str) -> BadInput:
    return BadInput(
        f"“{text.strip()}” is more than 10 years away. Give a nearer date, e.g. "
        f"{', '.join(EXAMPLES[:3])}."
    )


def _unreadable(text: str) -> BadInput:
    return BadInput(_not_understood(text))


def _refusal(
    text: str, phrase: str, now: datetime, reading: tzinfo, zone: tzinfo, order: str
) -> BadInput:
    """Why words were not read, with the closest reading that is a date, when there is one."""
    for guess in datewords.corrections(phrase):
        try:
            due = _read(guess, now, reading, order)
        except BadInput:
            continue
        if due is not None and due > now:
            return BadInput(
                f"I couldn't read “{text.strip()}” as a date. Did you mean "
                f"{describe(due, zone, now)} (“{guess}”)? Try: " + ", ".join(EXAMPLES) + ".",
                [guess],
            )
    return BadInput(_not_understood(text))


def _not_understood(text: str) -> str:
    return f"I couldn't read “{text.strip()}” as a date. Try: " + ", ".join(EXAMPLES) + "."


def describe(
    due: datetime, zone: tzinfo, now: datetime | None = None, with_year: bool = False
) -> str:
    """A due time the way a person says it: 'Fri 27 Nov 17:00 (UTC)'."""
    local = due.astimezone(zone)
    text = local.strftime("%a %d %b %H:%M")
    if with_year or now is not None and local.year != now.astimezone(zone).year:
        text = local.strftime("%a %d %b %Y %H:%M")
    return f"{text} ({getattr(zone, 'key', None) or local.tzname()})"


def reading_note(words: str, order: str) -> str:
    """How numeric dates in the words were read, to say back: " (12/03 read month first)"."""
    numeric = re.search(r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}(?![\d/.-]\d{3})", words)
    if not numeric:
        return ""
    way = "day first" if order == "dmy" else "month first"
    return f" ({numeric.group(0)} read {way}: `settings date-order` changes it)"


def date_order(setting: object, locale: str | None = None) -> str:
    """The workspace's order for numeric dates: its setting, else its locale's, else mdy."""
    if setting in DATE_ORDERS:
        return str(setting)
    if locale and locale.replace("_", "-").lower() not in datewords.MONTH_FIRST_LOCALES:
        return "dmy"
    return DEFAULT_ORDER
