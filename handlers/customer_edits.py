"""Changing a customer after the fact: name, aliases, segment, value, account owner (chat's
`customer edit` and the CLI's `customers import --update`), each change in the history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.core import grammar
from bot.core.errors import BadInput, Conflict, NotAllowed, UserError
from bot.core.matching import alias_key
from bot.core.replies import Reply, Section
from handlers.common import Scope, enter, find_customer, resolve_user, undo_button
from handlers.context import Caller, Deps
from handlers.customers import add_one, read_row
from storage.changes import snapshot
from storage.models import Customer
from storage.uow import UnitOfWork

CUSTOMER_COLUMNS = ("name", "name_key", "segment", "value", "owner")


@dataclass(frozen=True)
class CustomerChange:
    """What should become of a customer; None leaves a field as it is."""

    name: str | None = None
    aliases: list[str] | None = None  # the whole list, besides the name
    segment: str | None = None
    value: float | None = None
    owner: str | None = None


def edit(deps: Deps, caller: Caller, command: grammar.EditCustomer) -> Reply:
    """`customer edit <name> [name <new>] [aliases add|remove …] [segment …] [value …]
    [owner @user]`: the account owner or an admin (anyone, while it has no account owner)."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        customer = find_customer(uow, scope.workspace.id, command.name)
        if customer.owner and not (scope.actor.is_admin or caller.user == customer.owner):
            raise NotAllowed(
                f"Only {customer.name}'s account owner (<@{customer.owner}>) or an admin can "
                "edit it."
            )
        aliases = _edited_aliases(uow, customer, command)
        owner = resolve_user(uow, scope, command.owner) if command.owner else None
        wanted = CustomerChange(command.new_name, aliases, command.segment, command.value, owner)
        said, change_id = update(uow, scope, customer, wanted)
        uow.commit()
    if not said:
        return Reply(f"{customer.name} already looks like that; nothing changed.")
    return Reply(
        f"Updated {customer.name}: {'; '.join(said)}.",
        sections=[Section(customer.name, buttons=[undo_button(change_id)])],
    )


def _edited_aliases(
    uow: UnitOfWork, customer: Customer, command: grammar.EditCustomer
) -> list[str] | None:
    if not command.aliases_add and not command.aliases_remove:
        return None
    current = [a for a in uow.customers.aliases_of(customer.id) if a != customer.name]  # type: ignore[arg-type]
    gone = {alias_key(a) for a in command.aliases_remove}
    unknown = gone - {alias_key(a) for a in current}
    if alias_key(customer.name) in gone:
        raise BadInput(f"“{customer.name}” is its name; rename it with `name <new>` instead.")
    if unknown:
        raise BadInput(f"{customer.name} has no alias like that. It has: {', '.join(current)}.")
    return [a for a in current if alias_key(a) not in gone] + list(command.aliases_add)


def update(
    uow: UnitOfWork, scope: Scope, customer: Customer, wanted: CustomerChange
) -> tuple[list[str], int | None]:
    """Apply the change and record it for undo; what changed, in words, and the change's id
    (None and nothing recorded when nothing changed)."""
    old_aliases = [a for a in uow.customers.aliases_of(customer.id) if a != customer.name]  # type: ignore[arg-type]
    before: dict[str, object] = {**snapshot(customer, CUSTOMER_COLUMNS), "aliases": old_aliases}
    said = _describe(customer, old_aliases, wanted)
    if not said:
        return [], None
    new_name = wanted.name or customer.name
    new_aliases = old_aliases if wanted.aliases is None else wanted.aliases
    _check_free(uow, customer, [new_name, *new_aliases])
    customer.name, customer.name_key = new_name, alias_key(new_name)
    customer.segment = wanted.segment or customer.segment
    customer.value = customer.value if wanted.value is None else wanted.value
    customer.owner = wanted.owner or customer.owner
    uow.customers.save(customer)
    if new_name != before["name"] or wanted.aliases is not None:
        uow.customers.set_aliases(customer, new_aliases)
    change = uow.changes.record(
        scope.workspace.id,
        scope.actor.user,
        "customer",
        customer.id,  # type: ignore[arg-type]
        customer.id,
        f"{customer.name}: {'; '.join(said)}",
        before,
        scope.now,
    )
    return said, change.id


def _describe(customer: Customer, old_aliases: list[str], wanted: CustomerChange) -> list[str]:
    said = []
    if wanted.name and wanted.name != customer.name:
        said.append(f"name {customer.name} → {wanted.name}")
    if wanted.aliases is not None:
        old, new = {alias_key(a) for a in old_aliases}, {alias_key(a) for a in wanted.aliases}
        added = [a for a in wanted.aliases if alias_key(a) not in old]
        removed = [a for a in old_aliases if alias_key(a) not in new]
        if added:
            said.append("aliases added: " + ", ".join(added))
        if removed:
            said.append("aliases removed: " + ", ".join(removed))
    if wanted.segment and wanted.segment != customer.segment:
        said.append(f"segment {customer.segment} → {wanted.segment}")
    if wanted.value is not None and wanted.value != customer.value:
        said.append(f"value {customer.value:,.0f} → {wanted.value:,.0f}")
    if wanted.owner and wanted.owner != customer.owner:
        before = f"<@{customer.owner}>" if customer.owner else "nobody"
        said.append(f"account owner {before} → <@{wanted.owner}>")
    return said


def _check_free(uow: UnitOfWork, customer: Customer, words: list[str]) -> None:
    keys = [alias_key(w) for w in words]
    if not keys[0]:
        raise BadInput(f"“{words[0]}” has no letters or digits to recognise it by.")
    if len(set(keys)) != len(keys):
        raise BadInput("The same alias is given twice.")
    for word in words:
        taken = uow.customers.alias_owner(customer.workspace_id, word)
        if taken is not None and taken.id != customer.id:
            raise Conflict(f"“{word}” is already a name of {taken.name}.")


@dataclass
class Imported:
    """What an import with `--update` did (or, checked, would do)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)  # "Acme Corp: value 120,000 → 150,000"
    unchanged: int = 0


def import_update(
    deps: Deps, caller: Caller, rows: Iterable[dict[str, str]], check: bool = False
) -> Imported:
    """Customers from CSV rows: a row naming a known customer updates it (an empty cell leaves
    that field alone), any other row adds one; all rows or none. `check` changes nothing and
    says what would change. Each update is in the history, as `customer edit` is."""
    done = Imported()
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        ws = scope.workspace.id
        for line, row in enumerate(rows, start=2):
            try:
                name, aliases, segment, value, owner = read_row(uow, scope, row)
                customer = uow.customers.by_key(ws, name)
                if customer is None or customer.erased_at is not None:
                    add_one(uow, ws, scope.now, name, aliases, segment, value or 0.0, owner)
                    done.added.append(name)
                    continue
                wanted = CustomerChange(None, aliases or None, segment, value, owner)
                said, _ = update(uow, scope, customer, wanted)
            except UserError as exc:
                raise BadInput(f"line {line}: {exc.message}") from None
            if said:
                done.updated.append(f"{customer.name}: {'; '.join(said)}")
            else:
                done.unchanged += 1
        if not check:
            uow.commit()
    return done
