"""Reports in the terminal: rich tables for people, JSON for scripts (the console and the CLI)."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table as RichTable

from bot.core.invisible import visible
from bot.core.replies import Table


def print_table(table: Table, console: Console | None = None) -> None:
    """A report as a rich table in the terminal (empty cells for nulls)."""
    console = console or Console()
    if not table.rows:
        console.print("No rows.")
        return
    shown = RichTable(show_header=True, header_style="bold")
    for column in table.columns:
        shown.add_column(column, overflow="fold")
    for row in table.rows:
        shown.add_row(*(_cell(row.get(c)) for c in table.columns))
    console.print(shown)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.0f}"
    return visible(str(value))


def render_json(table: Table) -> str:
    """One JSON array of objects, one per row, keys in column order."""
    rows = [{c: row.get(c) for c in table.columns} for row in table.rows]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
