"""The words of dates: which words start a date, which are typos of one, and time-zone names.

The date reader (`bot.core.dates`) reads a phrase only when every word in it is a date word;
these tables say which those are, and what a misspelt one was probably meant to be.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from rapidfuzz import fuzz, process

WEEKDAYS: dict[str, int] = {}
for _index, _name in enumerate(calendar.day_name):
    _lower = _name.lower()
    WEEKDAYS.update({_lower: _index, _lower[:3]: _index})
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

MONTHS: dict[str, int] = {}
for _index, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS.update({_name.lower(): _index, _name.lower()[:3]: _index})
MONTHS["sept"] = 9

_UNITS_1_19 = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
ORDINALS: dict[str, int] = {word: i + 1 for i, word in enumerate(_UNITS_1_19)}
ORDINALS.update({"twentieth": 20, "thirtieth": 30})
for _i, _word in enumerate(_UNITS_1_19[:9]):
    ORDINALS[f"twenty-{_word}"] = ORDINALS[f"twenty {_word}"] = 21 + _i
ORDINALS["thirty-first"] = ORDINALS["thirty first"] = 31

_COUNTS = "one two three four five six seven eight nine ten eleven twelve".split()
AMOUNTS: dict[str, float] = {word: i + 1.0 for i, word in enumerate(_COUNTS)}
AMOUNTS.update({"a": 1.0, "an": 1.0, "a couple of": 2.0, "couple of": 2.0, "a few": 3.0})

# Words that can start a date by themselves ("by Friday", "by tomorrow", "by the 4th").
STRONG = (
    set(WEEKDAYS)
    | set(MONTHS)
    | set(ORDINALS)
    | {"today", "tonight", "tomorrow", "tmrw", "tmr", "eod", "eow", "eom", "eoq", "eoy", "cob"}
    | {"noon", "midday", "midnight", "asap", "weekend", "morning", "afternoon", "evening"}
    | {"fortnight"}
)
# Words that appear in dates but do not make one by themselves ("by the next release").
WEAK = set(
    "the this next end of on coming early start close at in within a an and from now after "
    "day days week weeks fortnight month months year years quarter hour hours minute minutes "
    "min mins hr hrs half couple few working business am pm first thing later mid".split()
) | set(AMOUNTS)
VOCABULARY = STRONG | WEAK
_TYPO_TARGETS = sorted(
    w for w in STRONG | {"week", "month", "next", "hours", "minutes"} if len(w) >= 4
)
_NUMERIC = re.compile(
    r"\d{1,4}(?:[/.:-]\d{1,4}){0,2}(?:st|nd|rd|th|am|pm|h|hr|hrs|m|min|mins|d|w|wk|mo)?"
    r"|\d{1,2}h\d{1,2}m?"
)
_TOKEN = re.compile(r"[\w'/:.+-]+")

DUE_WORD = re.compile(r"\b(?:by|before|until|till|due|on|no later than)\s+", re.IGNORECASE)
_AMOUNT_WORDS = "|".join(sorted((re.escape(a) for a in AMOUNTS), key=len, reverse=True))
_WEEKDAY_WORDS = "|".join(w for w in WEEKDAYS if len(w) > 3)
BARE_DUE = re.compile(
    r"\b(?:tomorrow(?:\s+(?:morning|afternoon|evening|(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm)))?"
    r"|today|tonight|eod|eow|end of (?:the )?(?:day|week|month|quarter)"
    rf"|next (?:week|month|{_WEEKDAY_WORDS})|this (?:week|weekend|{_WEEKDAY_WORDS})"
    rf"|(?:in|within) (?:\d{{1,4}}|{_AMOUNT_WORDS})\s*(?:working days?|business days?|minutes?"
    r"|mins?|hours?|hrs?|h|days?|weeks?|fortnights?|months?)|asap)\b",
    re.IGNORECASE,
)
# Locales that write the month first in numeric dates (12/03 is 3 December there).
MONTH_FIRST_LOCALES = {"en-us", "en", "en-ph", "es-us", "en-as", "en-gu", "en-pr", "en-um"}

# Abbreviations people write after a time, as the region whose wall clock they mean (so
# "5pm CET" in July is 17:00 in Berlin, which is CEST then).
ZONE_ABBREVIATIONS = {
    "utc": "UTC",
    "gmt": "UTC",
    "z": "UTC",
    "cet": "Europe/Berlin",
    "cest": "Europe/Berlin",
    "met": "Europe/Berlin",
    "wet": "Europe/Lisbon",
    "west": "Europe/Lisbon",
    "eet": "Europe/Helsinki",
    "eest": "Europe/Helsinki",
    "bst": "Europe/London",
    "msk": "Europe/Moscow",
    "est": "America/New_York",
    "edt": "America/New_York",
    "et": "America/New_York",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "ct": "America/Chicago",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "pt": "America/Los_Angeles",
    "akst": "America/Anchorage",
    "hst": "Pacific/Honolulu",
    "ist": "Asia/Kolkata",
    "sgt": "Asia/Singapore",
    "hkt": "Asia/Hong_Kong",
    "jst": "Asia/Tokyo",
    "kst": "Asia/Seoul",
    "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney",
    "awst": "Australia/Perth",
    "nzst": "Pacific/Auckland",
    "nzdt": "Pacific/Auckland",
    "brt": "America/Sao_Paulo",
}
_OFFSET = re.compile(r"(?:utc|gmt)([+-])(\d{1,2})(?::?(\d{2}))?")


@functools.cache
def _zone_names() -> dict[str, str]:
    """IANA names by their lower-case spelling, and by their city ("berlin" for "berlin time")."""
    names: dict[str, str] = {}
    for key in available_timezones():
        names[key.lower()] = key
        if "/" in key:
            names.setdefault(key.rsplit("/", 1)[1].lower().replace("_", " ") + " time", key)
    return names


def zone_named(word: str) -> tzinfo | None:
    """The zone a word names: an abbreviation, an IANA name, or an offset ("UTC+2")."""
    word = word.lower().strip(" ,()")
    if offset := _OFFSET.fullmatch(word):
        sign = -1 if offset.group(1) == "-" else 1
        hours, minutes = int(offset.group(2)), int(offset.group(3) or 0)
        if hours > 14 or minutes > 59:
            return None
        return timezone(sign * timedelta(hours=hours, minutes=minutes), word.upper())
    key = ZONE_ABBREVIATIONS.get(word) or _zone_names().get(word)
    if key is None:
        return None
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def split_zone(phrase: str) -> tuple[str, tzinfo | None]:
    """A phrase without the time zone it names ("friday 5pm cet" -> "friday 5pm", Berlin)."""
    tokens = phrase.split()
    for index, token in enumerate(tokens):
        pair = " ".join(tokens[index : index + 2])
        if index + 1 < len(tokens) and tokens[index + 1] == "time" and (zone := zone_named(pair)):
            return " ".join(tokens[:index] + tokens[index + 2 :]).strip(" ,"), zone
        if index and (zone := zone_named(token)) is not None:  # a zone follows a day or time
            rest = tokens[:index] + tokens[index + 1 :]
            if rest and rest[-1] in ("in", "at"):
                rest = rest[:-1]
            return " ".join(rest).strip(" ,"), zone
    return phrase, None


def number_word(text: str) -> float:
    """2, 2.5, "two", "a couple of": the amount a duration counts."""
    text = text.strip()
    return AMOUNTS[text] if text in AMOUNTS else float(text)


def _known(token: str) -> bool:
    return token in VOCABULARY or bool(_NUMERIC.fullmatch(token))


def all_known(phrase: str) -> bool:
    """Whether every word of a phrase is a date word (or a number), so no word is ignored."""
    tokens = _TOKEN.findall(phrase)
    return bool(tokens) and all(_known(t) for t in tokens)


def _close_strong_word(word: str) -> bool:
    """A misspelt day or month ("frday", "tomorow"), not a longer word ("augustin")."""
    if len(word) < 4 or not word.isalpha():
        return False
    best = process.extractOne(word, _TYPO_TARGETS, scorer=fuzz.ratio, score_cutoff=80)
    return best is not None and not word.startswith(best[0])


def looks_like_date(text: str) -> bool:
    """Whether words could be meant as a date: the first word that is not a filler ("the",
    "next", "end of") is a day, a month, a number that reads as a date, or a typo of one."""
    tokens = _TOKEN.findall(text.lower().replace("’", "'"))
    for index, token in enumerate(tokens[:6]):
        if token in WEAK and token not in AMOUNTS:
            continue
        if token in STRONG or _close_strong_word(token):
            return True
        if not _NUMERIC.fullmatch(token):
            return False
        if not token.isdigit():
            return True  # 12/03, 5pm, 2h, 4th
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        return following == "" or following in VOCABULARY or following in MONTHS
    return False


def dateish_words(tokens: list[str]) -> int:
    """How many of the first words are date words, numbers or misspelt date words."""
    count, previous = 0, ""
    for token in tokens:
        word = token.lower().strip(",")
        month_slot = previous == "of" and word.isalpha()  # "the twelfth of neverember"
        if not (_known(word) or _close_strong_word(word) or month_slot):
            break
        count, previous = count + 1, word
    return count


def corrections(phrase: str) -> list[str]:
    """Readings a phrase was probably meant as, best first ("frday" -> "friday")."""
    if phrase in ("asap", "as soon as possible", "soon", "soonish", "right away"):
        return ["today", "tomorrow"]
    words: list[str] = []
    changed = False
    for token in _TOKEN.findall(phrase):
        if _known(token):
            words.append(token)
            continue
        best = None
        if len(token) >= 3 and token.isalpha():
            best = process.extractOne(token, _TYPO_TARGETS, scorer=fuzz.ratio, score_cutoff=70)
        if best is None:
            return []
        words.append(best[0])
        changed = True
    return [" ".join(words)] if changed else []
