"""Finding the due date a chat message or a command promises ("we'll send it by Friday,
thanks"): the words, where they are, and what they mean or why they can't be read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, tzinfo

from bot.core import datewords
from bot.core.dates import DEFAULT_ORDER, looks_like_date, parse_due
from bot.core.errors import BadInput


@dataclass(frozen=True)
class Found:
    """A due date found in a chat message: the words (and where they are), and what they mean.

    `due` is None when the words look like a date but cannot be read; `problem` then says why,
    with the closest reading.
    """

    start: int
    end: int
    words: str
    due: datetime | None
    problem: BadInput | None = None


def split_due(text: str) -> tuple[str, str | None]:
    """A promise and the date words at its end: "fix the export by Friday" -> ("fix the
    export", "Friday"). A `by` phrase that is not a date ("report made by finance") stays."""
    for match in reversed(list(datewords.DUE_WORD.finditer(text))):
        tail = text[match.end() :].strip()
        if match.group(0).strip().lower() != "on" and looks_like_date(tail):
            return text[: match.start()].strip(), tail
    ending = text.rstrip(" .!")
    for match in datewords.BARE_DUE.finditer(ending):
        if match.end() == len(ending):
            return text[: match.start()].strip(), match.group(0)
    return text, None


def find_due(text: str, now: datetime, zone: tzinfo, order: str = DEFAULT_ORDER) -> Found | None:
    """The due date a chat message promises ("we'll send it by Friday, thanks"), if any.

    A phrase after by/before/until that looks like a date but cannot be read is found too,
    with its problem, so that nothing is tracked on a date the bot did not understand.
    """
    for match in reversed(list(datewords.DUE_WORD.finditer(text))):
        tail_text = re.split(r"[.;!?\n,(]", text[match.end() :])[0]
        tail = list(re.finditer(r"\S+", tail_text))
        if not tail or not looks_like_date(tail_text):
            continue
        # Never read part of the date words: "by the twelfth of neverember" is not the 12th.
        dateish = datewords.dateish_words([t.group(0) for t in tail[:7]]) or 1
        for size in range(min(len(tail), 7), dateish - 1, -1):
            end = match.end() + tail[size - 1].end()
            phrase = text[match.end() : end]
            try:
                return Found(
                    match.start(),
                    end,
                    text[match.start() : end],
                    parse_due(phrase, now, zone, order),
                )
            except BadInput:
                continue
        # Quote the words that look like a date ("by tomorow"), not the rest ("for ACME").
        end = match.end() + tail[min(dateish, len(tail)) - 1].end()
        words = text[match.start() : end]
        try:
            parse_due(words, now, zone, order)
        except BadInput as problem:
            return Found(match.start(), end, words, None, problem)
    for match in reversed(list(datewords.BARE_DUE.finditer(text))):
        try:
            due = parse_due(match.group(0), now, zone, order)
        except BadInput as problem:
            if match.group(0).lower().strip() == "asap":
                return Found(match.start(), match.end(), match.group(0), None, problem)
            continue
        return Found(match.start(), match.end(), match.group(0), due)
    return None


def find_due_in_text(
    text: str, now: datetime, zone: tzinfo, order: str = DEFAULT_ORDER
) -> datetime | None:
    """The due date a chat message promises, if any words in it can be read as one."""
    found = find_due(text, now, zone, order)
    return found.due if found else None
