"""The `loopkeeper` command line (also `python -m bot`)."""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from bot.core.errors import UserError
from bot.settings import Settings, SettingsError, load_settings

app = typer.Typer(
    help="Loopkeeper: close the customer feedback loop from Slack, Teams or the terminal.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database commands.", no_args_is_help=True)
customers_app = typer.Typer(help="Import or export customers as CSV.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(customers_app, name="customers")
workspace_app = typer.Typer(help="Workspace commands.", no_args_is_help=True)
app.add_typer(workspace_app, name="workspace")


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one line to stderr and leave with a non-zero code."""
    typer.echo(f"loopkeeper: {message}", err=True)
    return typer.Exit(code)


def settings() -> Settings:
    try:
        loaded = load_settings()
    except SettingsError as exc:
        raise fail(str(exc), 2) from None
    logging.basicConfig(
        level=loaded.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("alembic").setLevel(
        max(logging.WARNING, logging.getLevelName(loaded.log_level))
    )
    return loaded


def deps_for(loaded: Settings, migrate: bool = True):  # noqa: ANN201
    from bot.platforms.tickets.makers import ticket_makers
    from handlers.context import Deps
    from storage.db import make_engine, upgrade

    try:
        if migrate:
            upgrade(loaded.database_url)
        engine = make_engine(loaded.database_url)
        return Deps(engine=engine, settings=loaded, ticket_makers=ticket_makers(loaded))
    except Exception as exc:  # noqa: BLE001 - a database we can't open is the user's to fix
        raise fail(
            f"can't open the database {_safe_url(loaded.database_url)}: {str(exc).splitlines()[0]}"
        ) from None


def _safe_url(url: str) -> str:
    """The database URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':')[0]}:***@{host}"
    return url


@app.command()
def console(
    as_: Annotated[str, typer.Option("--as", help="Who you are in the chat.")] = "you",
    channel: Annotated[str, typer.Option(help="The channel your plain lines go to.")] = "general",
) -> None:
    """Chat with the bot in the terminal (SQLite by default, no tokens needed)."""
    from bot.platforms.console import run_console
    from bot.wiring.sweeper import sweep

    loaded = settings()
    code = run_console(
        deps_for(loaded), as_.lstrip("@"), channel.lstrip("#"), sys.stdin, sys.stdout, sweep
    )
    raise typer.Exit(code)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 3000,
    no_scheduler: Annotated[bool, typer.Option("--no-scheduler", help="Don't run sweeps.")] = False,
) -> None:
    """HTTP mode: POST /slack/events (and, with OAuth installs, GET /slack/install and GET
    /slack/oauth_redirect), POST /api/messages (Teams), GET /healthz."""
    loaded = settings()
    if not loaded.slack_configured and not loaded.teams_configured:
        raise fail(
            "nothing to serve: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (one workspace) "
            "or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and LOOPKEEPER_SECRET_KEY (OAuth installs) "
            "for Slack, or TEAMS_APP_ID (and TEAMS_APP_PASSWORD, TEAMS_TENANT_ID) for Teams",
            2,
        )
    from bot.wiring.web import serve as run_server

    run_server(deps_for(loaded), host, port, with_scheduler=not no_scheduler)


@app.command()
def socket() -> None:
    """Slack Socket Mode (needs SLACK_APP_TOKEN and SLACK_BOT_TOKEN), with the scheduler."""
    from bot.wiring.socket import run_socket_mode

    loaded = settings()
    if not loaded.slack_app_token or not loaded.slack_bot_token:
        raise fail("Socket Mode needs SLACK_APP_TOKEN (xapp-…) and SLACK_BOT_TOKEN (xoxb-…)", 2)
    run_socket_mode(deps_for(loaded))


@app.command()
def sweep(
    at: Annotated[str | None, typer.Option(help="Pretend it is this time (ISO-8601).")] = None,
) -> None:
    """Run one follow-up pass now and print what it sent."""
    from bot.core.clock import FixedClock, SystemClock
    from bot.core.invisible import visible
    from bot.wiring.sweeper import sweep_once

    loaded = settings()
    clock = SystemClock()
    if at:
        try:
            moment = datetime.fromisoformat(at)
        except ValueError:
            raise fail(
                f"--at {at!r} is not an ISO-8601 time (e.g. 2026-12-01T09:00:00Z)", 2
            ) from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=loaded.zone)
        clock = FixedClock(moment)
    deps = deps_for(loaded)
    deps.clock = clock
    lines = sweep_once(deps)
    for line in lines:
        typer.echo(visible(line))
    if not lines:
        typer.echo("Nothing due.")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply database migrations."""
    loaded = settings()
    deps = deps_for(loaded)
    typer.echo(f"Database {_safe_url(loaded.database_url)} is up to date.")
    if loaded.slack_oauth:
        from bot.core.replies import counted
        from handlers.installs import reseal_tokens

        count = reseal_tokens(deps)
        typer.echo(f"Slack tokens sealed with the newest key: {counted(count, 'install row')}.")


@workspace_app.command("forget")
def workspace_forget(
    workspace: Annotated[str, typer.Argument(help="The workspace id (Slack team, Teams tenant).")],
    yes: Annotated[bool, typer.Option("--yes", help="Really erase it (there is no undo).")] = False,
) -> None:
    """Erase every customer, loop, feedback, setting and token of a workspace (after the app
    was uninstalled from it: its data stays until this)."""
    from bot.core.replies import counted
    from handlers.installs import forget_workspace

    deps = deps_for(settings())
    try:
        erased = forget_workspace(deps, workspace, confirmed=yes)
    except UserError as exc:
        raise fail(exc.message) from None
    rows = sum(erased.values())
    what = ", ".join(f"{n} {t}" for t, n in sorted(erased.items()) if n)
    if not yes:
        raise fail(f"this would erase {counted(rows, 'row')} of {workspace} ({what}); add --yes")
    typer.echo(f"Erased workspace {workspace}: {counted(rows, 'row')} ({what}).")


# The options `report` and `review` share.
WorkspaceOption = Annotated[
    str | None,
    typer.Option(help="Workspace id (team/tenant); may be left out when there is only one."),
]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write to a file.")]


def write_out(text: str, output: Path | None) -> None:
    """A report or review to the file asked for (UTF-8), else to standard output."""
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def report(
    kind: Annotated[
        str,
        typer.Argument(
            help="loops, feedback, weekly, owners, customers, segments, quiet, health, csat or "
            "response"
        ),
    ],
    format: Annotated[Format, typer.Option("--format", help="table, csv or json")] = Format.table,
    workspace: WorkspaceOption = None,
    output: OutputOption = None,
) -> None:
    """Print a report: the same numbers as `/loop report` in chat."""
    from bot.core.spreadsheet import table_csv
    from bot.platforms.terminal import print_table, render_json
    from handlers import reports

    deps = deps_for(settings())
    try:
        table = reports.table_for_cli(deps, kind, workspace)
    except UserError as exc:
        raise fail(exc.message, 2) from None
    if format is Format.table and output is None:
        print_table(table)
        return
    write_out(render_json(table) if format is Format.json else table_csv(table), output)


class ReviewFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


@app.command()
def review(
    customer: Annotated[str, typer.Argument(help="The customer's name or one of its aliases.")],
    quarter: Annotated[
        str | None, typer.Option(help="Like 2026Q4; default: the current quarter.")
    ] = None,
    format: Annotated[ReviewFormat, typer.Option("--format", help="md, html or json")] = (
        ReviewFormat.md
    ),
    workspace: WorkspaceOption = None,
    output: OutputOption = None,
) -> None:
    """A customer's quarterly review: the quarter against the one before, health and why."""
    import json

    from bot.core.health import parse_quarter
    from bot.platforms import review_page
    from handlers import reviews

    deps = deps_for(settings())
    try:
        asked = parse_quarter(quarter) if quarter else None
        found = reviews.review_for_cli(deps, customer, asked, workspace)
    except UserError as exc:
        raise fail(exc.message, 2) from None
    if format is ReviewFormat.json:
        text = json.dumps(review_page.as_json(found), ensure_ascii=False, indent=2) + "\n"
    elif format is ReviewFormat.html:
        text = review_page.html(found)
    else:
        text = review_page.markdown(found)
    write_out(text, output)


@customers_app.command("import")
def customers_import(
    file: Annotated[Path, typer.Argument(help="CSV with header name,aliases,segment,value,owner")],
    workspace: Annotated[
        str | None, typer.Option(help="Workspace id; default: the only one, or the console's.")
    ] = None,
    update: Annotated[
        bool, typer.Option("--update", help="Update the customers the file names by name.")
    ] = False,
    check: Annotated[
        bool,
        typer.Option("--check", help="With --update: print what would change, change nothing."),
    ] = False,
) -> None:
    """Add customers from a CSV file (with --update, also update known ones): all rows, or
    none when a row is bad."""
    from bot.core.replies import counted
    from bot.wiring.customer_files import import_customers, update_customers

    if check and not update:
        raise fail("--check goes with --update: `customers import --update --check FILE`", 2)
    deps = deps_for(settings())
    try:
        if update:
            typer.echo(update_customers(deps, file, workspace, check))
            return
        count = import_customers(deps, file, workspace)
    except UserError as exc:
        raise fail(f"{file}: {exc.message}; nothing was imported", 2) from None
    except OSError as exc:
        raise fail(f"can't read {file}: {exc.strerror}", 2) from None
    typer.echo(f"Imported {counted(count, 'customer')}.")


@customers_app.command("export")
def customers_export(
    file: Annotated[Path, typer.Argument(help="Where to write the CSV ('-' for stdout).")],
    workspace: Annotated[str | None, typer.Option(help="Workspace id.")] = None,
) -> None:
    """Write every customer to a CSV file that `customers import` reads back."""
    from bot.core.replies import counted
    from bot.wiring.customer_files import export_customers

    deps = deps_for(settings())
    try:
        text, count = export_customers(deps, workspace)
    except UserError as exc:
        raise fail(exc.message, 2) from None
    if str(file) == "-":
        sys.stdout.write(text)
        return
    file.write_text(text)
    typer.echo(f"Exported {counted(count, 'customer')} to {file}.")


@app.command()
def manifest(
    url: Annotated[
        str | None,
        typer.Option(
            help="Public base URL of `serve` (HTTP mode); without it the manifest uses Socket Mode."
        ),
    ] = None,
    teams: Annotated[
        bool, typer.Option("--teams", help="Write a Teams app package instead.")
    ] = False,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the Teams package.")
    ] = Path("loopkeeper-teams.zip"),
    oauth: Annotated[
        bool,
        typer.Option(
            "--oauth",
            help="Distributed app (with --url): OAuth installs, org-wide, rotating tokens.",
        ),
    ] = False,
) -> None:
    """Print the Slack app manifest (YAML), or write the Teams app package (--teams)."""
    loaded = settings()
    if oauth and not url:
        raise fail(
            "--oauth needs --url: Slack sends installers back to <url>/slack/oauth_redirect", 2
        )
    if teams:
        from bot.platforms.teams.package import write_package

        try:
            path = write_package(loaded, output, url)
        except UserError as exc:
            raise fail(exc.message, 2) from None
        typer.echo(f"Wrote the Teams app package to {path}.")
        return
    from bot.platforms.slack.manifest import manifest_yaml

    sys.stdout.write(manifest_yaml(loaded, url, oauth))


def main() -> None:
    app()
