"""Customers: add one, list them, show one's timeline, forget one, import and export CSV."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import datetime

from bot.core import grammar, inputs, spreadsheet
from bot.core.dates import describe
from bot.core.errors import BadInput, Conflict, NotAllowed
from bot.core.matching import alias_key, strict_aliases
from bot.core.replies import Button, Field, Reply, Section, Table, counted
from handlers.common import enter, find_customer, looked_up, loop_section, resolve_user
from handlers.context import Caller, Deps
from storage.models import Customer
from storage.touchpoints import TimelineEntry
from storage.uow import UnitOfWork

CSV_COLUMNS = ["name", "aliases", "segment", "value", "owner"]
TIMELINE_PAGE = 15
OPEN_SHOWN = 10  # open loops shown above a customer's timeline


def add(deps: Deps, caller: Caller, command: grammar.AddCustomer) -> Reply:
    """Add a customer with its aliases, segment, value and account owner."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        owner = resolve_user(uow, scope, command.owner) if command.owner else None
        customer = add_one(
            uow,
            scope.workspace.id,
            scope.now,
            command.name,
            list(command.aliases),
            command.segment,
            command.value,
            owner,
        )
        aliases = uow.customers.aliases_of(customer.id)  # type: ignore[arg-type]
        # customer_id stays empty: undoing the add removes the customer this would point at
        uow.changes.record(
            scope.workspace.id,
            caller.user,
            "customer",
            customer.id,  # type: ignore[arg-type]
            None,
            f"added {customer.name}",
            {"added": True},
            scope.now,
        )
        uow.commit()
    return Reply(
        f"Added {customer.name} ({customer.segment}, value {_money(customer.value)}"
        + (f", account owner <@{owner}>" if owner else "")
        + f"). I'll notice it in chat as: {', '.join(aliases)}."
        + _strictness(aliases)
        + " Wrong? `undo` takes it back.",
    )


def _strictness(aliases: list[str]) -> str:
    """Which aliases match only as written or capitalised, and why (so nobody is surprised)."""
    strict = strict_aliases(aliases)
    if not strict:
        return ""
    return " Strict, so chat words are not mistaken for the customer: " + "; ".join(strict) + "."


def add_one(
    uow: UnitOfWork,
    workspace_id: int,
    now: datetime,
    name: str,
    aliases: list[str],
    segment: str | None,
    value: float | None,
    owner: str | None,
) -> Customer:
    if not alias_key(name):
        raise BadInput(f"“{name}” has no letters or digits to recognise it by.")
    inputs.check_aliases(name, aliases)
    if segment:
        inputs.check_segment(segment)
    # An alias that is the name again (any case) is the name: one row, not a duplicate key.
    aliases = [a for a in aliases if alias_key(a) != alias_key(name)]
    for alias in aliases:
        if not alias_key(alias):
            raise BadInput(f"The alias “{alias[:40]}” has no letters or digits.")
    for word in [name, *aliases]:
        taken = uow.customers.alias_owner(workspace_id, word)
        if taken is not None:
            what = (
                "already a customer"
                if alias_key(taken.name) == alias_key(word)
                else (f"already a name of {taken.name}")
            )
            raise Conflict(
                f"“{word}” is {what}. `customer {taken.name}` shows it; "
                f"`customer edit {taken.name} …` changes it."
            )
    keys = [alias_key(a) for a in aliases]
    if len(set(keys)) != len(keys):
        raise BadInput("The same alias is given twice.")
    customer = Customer(
        workspace_id=workspace_id,
        name=name,
        name_key=alias_key(name),
        segment=segment or "standard",
        value=value or 0.0,
        owner=owner,
        created_at=now,
    )
    return uow.customers.add(customer, aliases)


def list_customers(deps: Deps, caller: Caller) -> Reply:
    """Every customer with segment, value and account owner, biggest first."""
    customers, scope = looked_up(deps, caller, lambda uow, ws: uow.customers.all(ws))
    if not customers:
        return Reply(
            "No customers yet. Add one: `customer add ACME aliases Acme Corp, acme.com "
            "segment enterprise value 120000 owner @you`."
        )
    rows = [
        {
            "customer": c.name,
            "segment": c.segment,
            "value": c.value,
            "owner": f"<@{c.owner}>" if c.owner else "",
            "status": c.status,
        }
        for c in customers
    ]
    table = Table(list(rows[0]), rows, scope.zone, scope.now)
    return Reply(counted(len(customers), "customer"), table=table)


def timeline(deps: Deps, caller: Caller, name: str, page: int = 1) -> Reply:
    """A customer's story: open loops first (on page 1), then every touchpoint — feedback,
    commitments, updates, deliveries, closures — newest first with its permalink, a page at a
    time (`customer <name> page 2`)."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        customer = find_customer(uow, scope.workspace.id, name)
        cid: int = customer.id  # type: ignore[assignment]
        live, overdue = uow.touchpoints.customer_loops(scope.workspace.id, cid, scope.now)
        feedback, events = uow.touchpoints.timeline_size(scope.workspace.id, cid)
        pages = max(1, -(-(feedback + events) // TIMELINE_PAGE))
        page = min(max(page, 1), pages)
        entries = uow.touchpoints.timeline(scope.workspace.id, cid, page * TIMELINE_PAGE)[
            (page - 1) * TIMELINE_PAGE :
        ]
        open_loops = (
            uow.loops.listing(scope.workspace.id, customer_id=cid, limit=OPEN_SHOWN)
            if page == 1
            else []
        )
        aliases = uow.customers.aliases_of(cid)
        tickets = uow.tickets.labels({lp.id for lp in open_loops})  # type: ignore[misc]
        uow.commit()
    header = (
        f"{customer.name} — {customer.segment}, value {_money(customer.value)}"
        + (f", account owner <@{customer.owner}>" if customer.owner else "")
        + f". {live} open loop{'' if live == 1 else 's'} ({overdue} overdue), {feedback} feedback."
    )
    sections = [
        loop_section(lp, customer.name, scope.zone, scope.now, tickets=tickets.get(lp.id, []))  # type: ignore[arg-type]
        for lp in open_loops
    ]
    if live > len(open_loops) and page == 1:
        sections.append(
            Section(
                f"…and {live - len(open_loops)} more open loops: `list customer {customer.name}`."
            )
        )
    sections += [
        Section(
            f"{describe(entry.at, scope.zone, scope.now)} · {_entry_text(entry)}",
            fields=[Field("Link", entry.permalink)] if entry.permalink else [],
        )
        for entry in entries
    ]
    if not entries:
        sections.append(Section("No touchpoints yet."))
    footer = f"Aliases: {', '.join(aliases)}."
    if pages > 1:
        footer += f" Page {page} of {pages} of the timeline, newest first"
        footer += f"; older: `customer {customer.name} page {page + 1}`." if page < pages else "."
    return Reply(header, sections=sections, footer=footer, page=page, pages=pages)


def _entry_text(entry: TimelineEntry) -> str:
    if entry.kind == "feedback":
        return (
            f"💬 {entry.feedback_kind} ({entry.source}, feedback {entry.number}) "
            f"from <@{entry.who}>: {entry.text}"
        ) + (" [deleted]" if entry.deleted else "")
    return _event_text(entry.kind, entry.number or 0, entry.text, entry.who, entry.note)


_EVENT_WORDS = {
    "created": "🤝 committed",
    "done": "✔️ delivered",
    "told": "📣 customer told, closed",
    "cancelled": "✖️ cancelled",
    "cancel": "✖️ cancelled",
    "update": "📝 update on",
    "snooze": "💤 snoozed",
    "reassigned": "↪️ reassigned",
    "nudged": "🔔 nudged about",
    "escalated": "🚨 escalated",
    "edit": "✏️ edited",
    "reopen": "↩️ reopened",
    "undo": "↶ undid a change on",
}


def _event_text(kind: str, number: int, what: str, actor: str, note: str | None) -> str:
    verb = _EVENT_WORDS.get(kind, kind)
    text = f"{verb} #{number} {what} (<@{actor}>)" if actor else f"{verb} #{number} {what}"
    return text + (f": {note}" if note and note != what else "")


def _money(value: float) -> str:
    return f"{value:,.0f}"


def forget(deps: Deps, caller: Caller, name: str, confirmed: bool = False) -> Reply:
    """Erase a customer's feedback text and personal data (a privacy request), keeping counts;
    asked first, with a button that confirms (`confirmed`: nothing is erased without it)."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        if not scope.actor.is_admin:
            raise NotAllowed("Only an admin can make me forget a customer.")
        customer = find_customer(uow, scope.workspace.id, name)
        if not confirmed:
            return Reply(
                f"Forget {customer.name}? This erases the text of its feedback and loops, its "
                "aliases and account owner for good (counts stay, without names). Nothing is "
                "erased until you confirm.",
                sections=[
                    Section(
                        f"Erase {customer.name}",
                        buttons=[
                            Button(
                                f"Forget {customer.name}",
                                "run",
                                f"customer forget {customer.name} --yes",
                                "danger",
                            )
                        ],
                    )
                ],
            )
        erased = uow.customers.erase(customer, scope.now)
        uow.commit()
    return Reply(
        f"Forgot {name}: erased the text of {counted(erased['feedback'], 'feedback item')} "
        f"and {counted(erased['loops'], 'loop')}, {counted(erased['aliases'], 'alias', 'aliases')}"
        " and the account owner. "
        "Counts stay, without names."
    )


def import_rows(
    deps: Deps,
    caller: Caller,
    rows: Iterable[dict[str, str]],
    progress: Callable[[int], None] | None = None,
) -> int:
    """Add customers from CSV rows (name,aliases,segment,value,owner), all or nothing.

    A bad row raises BadInput naming its line number; nothing is stored then.
    """
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        count = 0
        for line, row in enumerate(rows, start=2):
            try:
                _import_row(uow, scope, row)
            except BadInput as exc:
                raise BadInput(f"line {line}: {exc.message}") from None
            except Conflict as exc:
                known = exc.message.split(" `customer ")[0]
                raise BadInput(f"line {line}: {known} (--update updates known customers)") from None
            count += 1
            if progress:
                progress(count)
        uow.commit()
    return count


def _import_row(uow: UnitOfWork, scope, row: dict[str, str]) -> None:  # noqa: ANN001
    name, aliases, segment, value, owner = read_row(uow, scope, row)
    add_one(uow, scope.workspace.id, scope.now, name, aliases, segment, value or 0.0, owner)


def read_row(
    uow: UnitOfWork,
    scope,  # noqa: ANN001
    row: dict[str, str],
) -> tuple[str, list[str], str | None, float | None, str | None]:
    """A CSV row's name, aliases, segment, value and owner (None: the cell is empty)."""
    name = (row.get("name") or "").strip()
    if not name:
        raise BadInput("the name is empty")
    raw_value = (row.get("value") or "").strip().replace(",", "")
    try:
        value = float(raw_value) if raw_value else None
        if value is not None and not math.isfinite(value):  # "nan", "inf": not money
            raise ValueError(raw_value)
    except ValueError:
        raise BadInput(f"the value “{raw_value}” is not a number") from None
    if value is not None and value < 0:
        raise BadInput("the value can't be negative")
    aliases = [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
    if len(aliases) == 1 and "," in aliases[0]:
        aliases = [a.strip() for a in aliases[0].split(",") if a.strip()]
    owner_text = (row.get("owner") or "").strip()
    owner = None
    if owner_text:
        ref = grammar.parse_user(
            owner_text if owner_text.startswith(("@", "<@")) else "@" + owner_text
        )
        if ref is None:
            raise BadInput(f"the owner “{owner_text}” is not a user name")
        owner = resolve_user(uow, scope, ref)
    segment = (row.get("segment") or "").strip().lower() or None  # checked as chat checks it
    return name, aliases, segment, value, owner


def read_csv(text: str) -> list[dict[str, str]]:
    """Rows of a customers CSV; the header must name the columns (extra columns are ignored)."""
    return spreadsheet.read_rows(text, "name", CSV_COLUMNS)


def export_csv(deps: Deps, caller: Caller) -> tuple[str, int]:
    """Every customer as CSV (aliases separated by ';'), the format import reads back, and how
    many customers it holds."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        customers = uow.customers.all(scope.workspace.id)
        rows = []
        owners = uow.users.names(scope.workspace.id, {c.owner for c in customers if c.owner})
        aliases_of: dict[int, list[str]] = {}
        for customer_id, alias in uow.customers.aliases(scope.workspace.id):  # one query, not N
            aliases_of.setdefault(customer_id, []).append(alias)
        for c in customers:
            aliases = [a for a in aliases_of.get(c.id, []) if a != c.name]  # type: ignore[arg-type]
            value = int(c.value) if c.value == int(c.value) else c.value
            owner = owners.get(c.owner, c.owner) if c.owner else ""
            rows.append([c.name, ";".join(aliases), c.segment, value, owner])
        uow.commit()
    return spreadsheet.csv_text(CSV_COLUMNS, rows), len(customers)
