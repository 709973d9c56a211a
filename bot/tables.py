"""Terminal output of reports and CSV files of customers: what the CLI prints and reads."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.table import Table as RichTable

from bot.core.errors import BadInput
from bot.core.replies import Table
from handlers import customers
from handlers.common import workspace_for_cli
from handlers.context import Caller, Deps

CLI_USER = "cli"


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
    return str(value)


def render_json(table: Table) -> str:
    """One JSON array of objects, one per row, keys in column order."""
    rows = [{c: row.get(c) for c in table.columns} for row in table.rows]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def render_csv(table: Table) -> str:
    """The same columns as JSON, with a header row; nulls are empty cells."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in table.columns])
    return out.getvalue()


def cli_caller(deps: Deps, workspace: str | None, create: bool) -> Caller:
    """Act as the CLI in one workspace: the one named, the only one, or (create) the console's."""
    with deps.uow() as uow:
        chosen = workspace_for_cli(uow, workspace)
        found = (chosen.platform, chosen.external_id) if chosen else None
    if found:
        return Caller(platform=found[0], workspace=found[1], user=CLI_USER, user_name=CLI_USER)
    if not create:
        raise BadInput("no workspace in this database yet")
    return Caller(platform="console", workspace="console", user=CLI_USER, user_name=CLI_USER)


def import_customers(deps: Deps, path: Path, workspace: str | None) -> int:
    """Import a customers CSV, all rows or none, with a progress bar for big files."""
    rows = customers.read_csv(path.read_text(encoding="utf-8-sig"))
    if not rows:
        raise BadInput("no rows after the header")
    caller = cli_caller(deps, workspace, create=True)
    if len(rows) < 200:
        return customers.import_rows(deps, caller, rows)
    with Progress(transient=True) as progress:
        task = progress.add_task("Importing customers", total=len(rows))
        return customers.import_rows(
            deps, caller, rows, progress=lambda n: progress.update(task, completed=n)
        )


def export_customers(deps: Deps, workspace: str | None) -> tuple[str, int]:
    """Every customer of the workspace as CSV text, and how many there were."""
    try:
        caller = cli_caller(deps, workspace, create=False)
    except BadInput:
        if workspace is not None:
            raise
        return ",".join(customers.CSV_COLUMNS) + "\n", 0
    return customers.export_csv(deps, caller)
