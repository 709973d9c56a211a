"""`loopkeeper customers import|export`: customer CSV files read and written for the CLI."""

from __future__ import annotations

from pathlib import Path

from rich.progress import Progress

from bot.core.errors import BadInput
from handlers import customers
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


def export_customers(deps: Deps, workspace: str | None) -> tuple[str, int]:
    """Every customer of the workspace as CSV text, and how many there were."""
    try:
        caller = cli_caller(deps, workspace, create=False)
    except BadInput:
        if workspace is not None:
            raise
        return ",".join(customers.CSV_COLUMNS) + "\n", 0
    return customers.export_csv(deps, caller)
