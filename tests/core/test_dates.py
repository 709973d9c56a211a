"""Due dates in plain words, in the caller's zone (START is Tuesday 2026-11-24 09:00 UTC)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.dates import date_order, default_due, describe, parse_due, reading_note
from bot.core.due_in_text import find_due, find_due_in_text, split_due
from bot.core.errors import BadInput

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # Tuesday
UTC_ZONE = ZoneInfo("UTC")
PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")


def local(due: datetime, zone: ZoneInfo) -> str:
    return due.astimezone(zone).strftime("%a %Y-%m-%d %H:%M")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("by Friday", "Fri 2026-11-27 17:00"),
        ("Friday", "Fri 2026-11-27 17:00"),
        ("in 3 days", "Fri 2026-11-27 17:00"),
        ("tomorrow 5pm", "Wed 2026-11-25 17:00"),
        ("tomorrow at 9:30am", "Wed 2026-11-25 09:30"),
        ("tomorrow", "Wed 2026-11-25 17:00"),
        ("end of month", "Mon 2026-11-30 17:00"),
        ("end of week", "Fri 2026-11-27 17:00"),
        ("next week", "Mon 2026-11-30 17:00"),
        ("next month", "Tue 2026-12-01 17:00"),
        ("2026-12-01", "Tue 2026-12-01 17:00"),
        ("2026-12-01 14:30", "Tue 2026-12-01 14:30"),
        ("Dec 3", "Thu 2026-12-03 17:00"),
        ("today", "Tue 2026-11-24 17:00"),
        ("by tuesday", "Tue 2026-11-24 17:00"),
        ("next tuesday", "Tue 2026-12-01 17:00"),
        ("monday 9am", "Mon 2026-11-30 09:00"),
        ("in 2 hours", "Tue 2026-11-24 11:00"),
    ],
)
def test_plain_words_in_utc(phrase: str, expected: str) -> None:
    assert local(parse_due(phrase, NOW, UTC_ZONE), UTC_ZONE) == expected


def test_words_are_read_in_the_callers_zone() -> None:
    due = parse_due("tomorrow 5pm", NOW, NEW_YORK)
    assert local(due, NEW_YORK) == "Wed 2026-11-25 17:00"
    assert due.tzinfo is not None and due.utcoffset().total_seconds() == 0
    assert due == datetime(2026, 11, 25, 22, 0, tzinfo=UTC)


def test_late_evening_friday_in_paris_is_already_friday() -> None:
    # 23:30 UTC Thursday is 00:30 Friday in Paris: "by Friday" means today there.
    late = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)
    assert local(parse_due("by Friday", late, PARIS), PARIS) == "Fri 2026-11-27 17:00"
    assert local(parse_due("by Friday", late, UTC_ZONE), UTC_ZONE) == "Fri 2026-11-27 17:00"


def test_default_is_three_working_days_skipping_the_weekend() -> None:
    assert local(default_due(NOW, UTC_ZONE), UTC_ZONE) == "Fri 2026-11-27 17:00"
    friday = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
    assert local(default_due(friday, UTC_ZONE), UTC_ZONE) == "Wed 2026-12-02 17:00"


@pytest.mark.parametrize("phrase", ["banana", "by the time pigs fly", "", "soonish"])
def test_unreadable_words_say_so_with_examples(phrase: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_due(phrase, NOW, UTC_ZONE)
    assert "couldn't read" in caught.value.message
    assert "by Friday" in caught.value.message and "2026-12-01" in caught.value.message


def test_a_past_date_says_what_it_understood() -> None:
    with pytest.raises(BadInput) as caught:
        parse_due("2020-01-01", NOW, UTC_ZONE)
    assert "2020" in caught.value.message and "passed" in caught.value.message


def test_due_dates_found_in_chat_messages() -> None:
    found = find_due_in_text("We'll send ACME the fix by Friday, promise.", NOW, UTC_ZONE)
    assert found is not None and local(found, UTC_ZONE) == "Fri 2026-11-27 17:00"
    found = find_due_in_text("I'll call them back tomorrow", NOW, UTC_ZONE)
    assert found is not None and local(found, UTC_ZONE) == "Wed 2026-11-25 17:00"
    assert find_due_in_text("we'll look into it", NOW, UTC_ZONE) is None


def test_describe_names_the_zone() -> None:
    due = datetime(2026, 11, 27, 16, 0, tzinfo=UTC)
    assert describe(due, PARIS) == "Fri 27 Nov 17:00 (Europe/Paris)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fix the CSV export by Friday", ("fix the CSV export", "Friday")),
        ("fix the CSV export by Frday", ("fix the CSV export", "Frday")),
        ("send the report made by finance", ("send the report made by finance", None)),
        ("export by CSV", ("export by CSV", None)),
        ("ship the fix by the next release", ("ship the fix by the next release", None)),
        ("ship it in 2 weeks", ("ship it", "in 2 weeks")),
        ("ship it by friday 5pm CET", ("ship it", "friday 5pm CET")),
        ("call them asap", ("call them", "asap")),
        ("report made by finance next week", ("report made by finance", "next week")),
    ],
)
def test_date_words_are_split_from_the_promise(text: str, expected: tuple) -> None:
    assert split_due(text) == expected


def test_a_chat_message_with_an_unreadable_date_says_so_with_the_closest_reading() -> None:
    found = find_due("we'll ship the fix by tomorow, sorry", NOW, UTC_ZONE)
    assert found is not None and found.due is None and found.words == "by tomorow"
    assert found.problem is not None and "Wed 25 Nov 17:00" in found.problem.message
    found = find_due("we'll ship the fix by Friday 5pm CET, promise", NOW, UTC_ZONE)
    assert found is not None and found.words == "by Friday 5pm CET"
    assert found.due == datetime(2026, 11, 27, 16, 0, tzinfo=UTC)
    assert find_due("the report made by finance looks fine", NOW, UTC_ZONE) is None


def test_numeric_dates_are_said_back_with_the_order_they_were_read_in() -> None:
    assert "read month first" in reading_note("12/03", "mdy")
    assert "read day first" in reading_note("12/03 5pm", "dmy")
    assert reading_note("2026-12-03", "dmy") == ""
    assert reading_note("friday", "mdy") == ""


def test_the_date_order_comes_from_the_setting_else_the_locale_else_month_first() -> None:
    assert date_order("dmy") == "dmy" and date_order(None) == "mdy"
    assert date_order(None, "en-GB") == "dmy" and date_order(None, "en-US") == "mdy"
    assert date_order("mdy", "de-DE") == "mdy"


def test_snoozing_for_two_hours_is_two_hours_even_across_a_dst_change() -> None:
    # Europe/Paris leaves summer time at 03:00 on Sunday 25 Oct 2026.
    night = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert parse_due("2h", night, PARIS) == night + timedelta(hours=2)
    assert local(parse_due("sunday 9am", night, PARIS), PARIS) == "Sun 2026-10-25 09:00"
    assert parse_due("sunday 9am", night, PARIS) == datetime(2026, 10, 25, 8, 0, tzinfo=UTC)


def test_an_unreadable_date_in_chat_is_quoted_without_the_words_after_it() -> None:
    found = find_due("we'll fix it by tomorow for ACME and Globex", NOW, UTC_ZONE)
    assert found is not None and found.words == "by tomorow"
    assert found.problem is not None and "Did you mean Wed 25 Nov" in found.problem.message
    found = find_due("we'll fix it by the twelfth of neverember for them", NOW, UTC_ZONE)
    assert found is not None and found.words == "by the twelfth of neverember"
