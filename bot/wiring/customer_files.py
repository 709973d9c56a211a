"""`loopkeeper customers import|export`: customer CSV files read and written for the CLI."""

from __future__ import annotations

from pathlib import Path

from rich.progress import Progress

from bot.core.errors import BadInput
from bot.core.replies import counted
from handlers import customer_edits, customers
from handlers.common import workspace_for_cli
from handlers.context import Caller, Deps

CLI_USER = "cli"


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
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"the file is not UTF-8 text (byte {exc.start + 1}); save it as UTF-8 CSV"
        ) from None
    rows = customers.read_csv(text)
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


def update_customers(deps: Deps, path: Path, workspace: str | None, check: bool) -> str:
    """Import a customers CSV that may name known customers (they are updated); what was done,
    or with `check` what would be, in a few lines."""
    rows = customers.read_csv(path.read_text(encoding="utf-8-sig"))
    if not rows:
        raise BadInput("no rows after the header")
    done = customer_edits.import_update(deps, cli_caller(deps, workspace, create=True), rows, check)
    would = "Would add" if check else "Added"
    lines = [f"{would} {counted(len(done.added), 'customer')}" + _names(done.added)]
    lines.append(
        ("Would update " if check else "Updated ") + counted(len(done.updated), "customer")
    )
    lines += [f"  {change}" for change in done.updated]
    lines.append(f"{counted(done.unchanged, 'customer')} unchanged.")
    if check:
        lines.append("Nothing was changed (--check).")
    return "\n".join(lines)


def _names(names: list[str], shown: int = 10) -> str:
    if not names:
        return "."
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ": " + ", ".join(names[:shown]) + more + "."


def export_customers(deps: Deps, workspace: str | None) -> tuple[str, int]:
    """Every customer of the workspace as CSV text, and how many there were."""
    try:
        caller = cli_caller(deps, workspace, create=False)
    except BadInput:
        if workspace is not None:
            raise
        return ",".join(customers.CSV_COLUMNS) + "\n", 0
    return customers.export_csv(deps, caller)
