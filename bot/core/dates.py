"""Due dates in plain words, in the caller's time zone; a 3-working-day default."""

from __future__ import annotations

import calendar
import re
import warnings
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.errors import BadInput

END_OF_DAY = time(17, 0)
DEFAULT_WORKING_DAYS = 3
FURTHEST_AHEAD = timedelta(days=3653)  # 10 years: further is a typo, not a promise
EXAMPLES = ["by Friday", "in 3 days", "tomorrow 5pm", "end of month", "next week", "2026-12-01"]

_WEEKDAYS = {name: i for i, name in enumerate(calendar.day_name)}
_WEEKDAYS.update({name[:3]: i for name, i in list(_WEEKDAYS.items())})
_WEEKDAYS = {k.lower(): v for k, v in _WEEKDAYS.items()}
_TIME = r"(?:\s*(?:at\s+)?(?P<time>\d{1,2}(?::\d{2})?\s*(?:am|pm)?|noon|midnight|eod))?"
_DATEISH = re.compile(
    r"\d|\b(today|tonight|tomorrow|tmrw|next|end|eod|eow|eom|week|month|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|"
    r"may|jun|jul|aug|sep|oct|nov|dec|noon|morning|afternoon|evening|days?|weeks?|hours?)\b",
    re.IGNORECASE,
)


def looks_like_date(text: str) -> bool:
    """Whether words could be meant as a date (so failing to read them deserves an error)."""
    return bool(_DATEISH.search(text))


def add_working_days(day: date, count: int) -> date:
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def default_due(now: datetime, zone: ZoneInfo) -> datetime:
    """No due date given: the end of the third working day from now."""
    local = now.astimezone(zone)
    return _at(add_working_days(local.date(), DEFAULT_WORKING_DAYS), END_OF_DAY, zone)


def _at(day: date, clock_time: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, clock_time, tzinfo=zone)


def _clock_time(text: str | None) -> time | None:
    if not text:
        return None
    text = text.strip().lower()
    if text in ("noon",):
        return time(12, 0)
    if text in ("midnight",):
        return time(23, 59)
    if text == "eod":
        return END_OF_DAY
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*(am|pm)?", text)
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half == "pm" and hour < 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _own_phrases(phrase: str, local: datetime, zone: ZoneInfo) -> datetime | None:
    """Phrases dateparser gets wrong or does not know, read our way."""
    today = local.date()
    match = re.fullmatch(r"(?P<day>[a-z ]+?)" + _TIME, phrase)
    if not match:
        return None
    word, at = match.group("day").strip(), _clock_time(match.group("time"))
    if match.group("time") and at is None:
        return None
    at = at or END_OF_DAY
    if word in ("today", "tonight", "eod", "end of day", "end of today"):
        return _at(today, at, zone)
    if word in ("tomorrow", "tmrw", "tomorrow eod"):
        return _at(today + timedelta(days=1), at, zone)
    if word in ("eow", "end of week", "end of the week", "this week"):
        return _at(today + timedelta(days=(4 - today.weekday()) % 7), at, zone)
    if word in ("next week",):
        return _at(today + timedelta(days=7 - today.weekday()), at, zone)
    if word in ("eom", "end of month", "end of the month", "this month"):
        last = calendar.monthrange(today.year, today.month)[1]
        return _at(today.replace(day=last), at, zone)
    if word in ("next month", "end of next month"):
        year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        day = 1 if word == "next month" else calendar.monthrange(year, month)[1]
        return _at(date(year, month, day), at, zone)
    weekday = re.fullmatch(r"(?:(this|next|on)\s+)?([a-z]+)", word)
    if weekday and weekday.group(2) in _WEEKDAYS:
        ahead = (_WEEKDAYS[weekday.group(2)] - today.weekday()) % 7
        candidate = _at(today + timedelta(days=ahead), at, zone)
        if candidate <= local or weekday.group(1) == "next" and ahead == 0:
            candidate += timedelta(days=7)
        return candidate
    return None


def _with_dateparser(phrase: str, local: datetime, zone: ZoneInfo) -> datetime | None:
    import dateparser  # imported late: it takes a moment to load and only dates need it

    has_time = bool(re.search(r"\d\s*(am|pm)\b|\d:\d\d|\bnoon\b", phrase))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(
            phrase,
            languages=["en"],
            settings={
                "PREFER_DATES_FROM": "future",
                "RELATIVE_BASE": local.replace(tzinfo=None),
                "RETURN_AS_TIMEZONE_AWARE": False,
                "DATE_ORDER": "YMD" if re.match(r"\d{4}", phrase) else "MDY",
            },
        )
    if parsed is None:
        return None
    relative_hours = re.search(r"\b(hours?|minutes?|mins?)\b", phrase)
    if has_time or relative_hours:
        return parsed.replace(tzinfo=zone)
    return _at(parsed.date(), END_OF_DAY, zone)


def parse_due(text: str, now: datetime, zone: ZoneInfo) -> datetime:
    """A due time from plain words ("by Friday", "in 3 days", "2026-12-01"), as aware UTC.

    A day without a time means the end of that working day (17:00) in the caller's zone.
    Raises BadInput saying what was understood, with examples, when the words are not a date
    or name a time already past.
    """
    phrase = re.sub(r"\s+", " ", text.strip().lower()).strip(" .!,")
    phrase = re.sub(r"^(by|before|due|on|until|till)\s+", "", phrase)
    local = now.astimezone(zone)
    if not phrase:
        raise BadInput(_not_understood(text))
    due = _own_phrases(phrase, local, zone) or _with_dateparser(phrase, local, zone)
    if due is None:
        raise BadInput(_not_understood(text))
    # Compared naive, in the caller's zone: a date near year 9999 can't overflow here.
    if due.replace(tzinfo=None) - local.replace(tzinfo=None) > FURTHEST_AHEAD:
        raise BadInput(
            f"“{text.strip()}” is more than 10 years away. Give a nearer date, e.g. "
            f"{', '.join(EXAMPLES[:3])}."
        )
    if due <= now:
        shown = due.astimezone(zone).strftime("%a %d %b %Y %H:%M")
        raise BadInput(
            f"“{text.strip()}” reads as {shown} ({zone.key}), which has already passed. "
            f"Give a time in the future, e.g. {', '.join(EXAMPLES[:3])}."
        )
    return due.astimezone(ZoneInfo("UTC"))


def _not_understood(text: str) -> str:
    return f"I couldn't read “{text.strip()}” as a date. Try: " + ", ".join(EXAMPLES) + "."


def describe(due: datetime, zone: ZoneInfo, now: datetime | None = None) -> str:
    """A due time the way a person says it: 'Fri 27 Nov 17:00 (UTC)'."""
    local = due.astimezone(zone)
    text = local.strftime("%a %d %b %H:%M")
    if now is not None and local.year != now.astimezone(zone).year:
        text = local.strftime("%a %d %b %Y %H:%M")
    return f"{text} ({zone.key})"


def find_due_in_text(text: str, now: datetime, zone: ZoneInfo) -> datetime | None:
    """The due date a chat message promises ("we'll send it by Friday, thanks"), if any."""
    for match in reversed(list(re.finditer(r"\b(?:by|before|on|until)\s+", text, re.I))):
        tail = re.split(r"[.;!?\n]", text[match.end() :])[0].split()
        for size in range(min(len(tail), 5), 0, -1):
            phrase = " ".join(tail[:size]).strip(",")
            if not looks_like_date(phrase):
                continue
            try:
                return parse_due(phrase, now, zone)
            except BadInput:
                continue
    for phrase in re.findall(
        r"\b(tomorrow|today|end of (?:the )?(?:week|month)|next week|"
        r"in \d+ (?:days?|weeks?))\b",
        text,
        re.I,
    ):
        try:
            return parse_due(phrase, now, zone)
        except BadInput:
            continue
    return None
