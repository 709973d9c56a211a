"""Tables for people: headers in words, times in the reader's zone, rates in %, 80 columns."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from rich.console import Console

from bot.core import readable
from bot.core.replies import Table, counted
from bot.platforms.terminal import print_table

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_headers_are_words() -> None:
    assert readable.header("on_time_rate") == "On-time rate"
    assert readable.header("last_touchpoint") == "Last touchpoint"
    assert readable.header("week_start") == "Week of"


def test_cells_as_people_read_them() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    assert readable.cell("due", "2026-12-04T16:00:00+00:00", berlin, NOW) == "Fri 4 Dec, 17:00"
    assert readable.cell("due", "2027-01-04T16:00:00+00:00", UTC, NOW) == "Mon 4 Jan 2027, 16:00"
    assert readable.cell("week_start", "2026-11-23", UTC, NOW) == "Mon 23 Nov"
    assert readable.cell("on_time_rate", 0.333, UTC) == "33%"
    assert readable.cell("on_time_rate", None, UTC) == "—"
    assert readable.cell("value", 120000.0, UTC) == "120,000"
    assert readable.cell("sentiment", -0.5, UTC) == "-0.5"
    assert (
        readable.cell("reasons", ["2 overdue", "quiet 40 days"], UTC) == "2 overdue; quiet 40 days"
    )
    assert readable.cell("retained_value_rate", 0.875, UTC) == "88%"


def test_plurals() -> None:
    assert [counted(n, "customer") for n in (0, 1, 2)] == [
        "0 customers",
        "1 customer",
        "2 customers",
    ]
    assert (
        counted(1, "alias", "aliases") == "1 alias"
        and counted(3, "alias", "aliases") == "3 aliases"
    )


def test_a_wide_table_fits_80_columns_and_says_what_it_left_out() -> None:
    columns = "id customer what owner state due created closed".split()
    row = {
        "id": 12, "customer": "Acme Corp", "what": "ship SSO with SCIM for all their subsidiaries",
        "owner": "alice", "state": "open", "due": "2026-12-04T16:00:00+00:00",
        "created": "2026-11-20T09:00:00+00:00", "closed": None,
    }  # fmt: skip
    out = io.StringIO()
    print_table(Table(columns, [row], UTC, NOW), Console(file=out, width=80, color_system=None))
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 80, out.getvalue()
    assert "Fri 4 Dec, 16:00" in out.getvalue() and "2026-12-04T" not in out.getvalue()
    assert lines[-1] == "Left out to fit 80 columns: Created, Closed (the CSV has them all)."
