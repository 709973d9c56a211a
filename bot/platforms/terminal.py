"""Reports in the terminal: rich tables for people, JSON for scripts (the console and the CLI)."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table as RichTable

from bot.core import readable
from bot.core.invisible import visible
from bot.core.replies import Table

# Long words wrap in these columns instead of pushing the others off the screen.
WRAPPED = {"what": 28, "text": 28, "customer": 18, "permalink": 24, "reasons": 28}


def print_table(table: Table, console: Console | None = None) -> None:
    """A report as a table for people (headers in words, times in the table's zone, rates in
    %), as wide as the terminal: columns that do not fit are left out, with a note."""
    console = console or Console()
    if not table.rows:
        console.print("No rows.")
        return
    cells = [
        [visible(readable.cell(c, row.get(c), table.zone, table.now)) for c in table.columns]
        for row in table.rows
    ]
    headers = [readable.header(c) for c in table.columns]
    widths = [
        min(max(len(headers[i]), *(len(r[i]) for r in cells)), WRAPPED.get(c, 10**6))
        for i, c in enumerate(table.columns)
    ]
    _narrow(widths, [c in WRAPPED for c in table.columns], console.width)
    shown = readable.fit(widths, console.width)
    out = RichTable(show_header=True, header_style="bold")
    for column, title, width in zip(table.columns, headers, widths, strict=True):
        if len(out.columns) == shown:
            break
        wrapped = column in WRAPPED
        out.add_column(title, overflow="fold", max_width=width if wrapped else None)
    for row in cells:
        out.add_row(*row[:shown])
    console.print(out)
    if shown < len(table.columns):
        left = ", ".join(headers[shown:])
        console.print(f"Left out to fit {console.width} columns: {left} (the CSV has them all).")


def _narrow(widths: list[int], wraps: list[bool], room: int, least: int = 14) -> None:
    """Wrap long text columns more tightly (not under `least`) before any column is dropped."""
    while readable.fit(widths, room) < len(widths):
        candidates = [i for i, w in enumerate(widths) if wraps[i] and w > least]
        if not candidates:
            return
        widest = max(candidates, key=lambda i: widths[i])
        widths[widest] -= 1


def render_json(table: Table) -> str:
    """One JSON array of objects, one per row, keys in column order."""
    rows = [{c: row.get(c) for c in table.columns} for row in table.rows]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
