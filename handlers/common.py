"""Lookups every handler shares: the caller's workspace and user, customers, loops, people."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar
from zoneinfo import ZoneInfo

from bot.core.dates import describe
from bot.core.errors import BadInput, NotFound
from bot.core.grammar import UserRef
from bot.core.loops import DONE, OPEN, Actor, state_label
from bot.core.matching import closest_names
from bot.core.replies import Button, Field, Section
from bot.core.zones import zone_or
from handlers.context import Caller, Deps
from storage.models import ChatUser, Customer, Loop, Workspace
from storage.uow import UnitOfWork


@dataclass
class Scope:
    """The caller resolved inside one unit of work."""

    workspace: Workspace
    user: ChatUser
    actor: Actor
    zone: ZoneInfo
    now: datetime
    locale: str | None = None  # the caller's, when the platform says


def enter(uow: UnitOfWork, deps: Deps, caller: Caller) -> Scope:
    """Find or create the caller's workspace and user; work out their zone and admin rights."""
    now = deps.clock.now()
    workspace = uow.workspaces.get_or_create(
        caller.platform, caller.workspace, now, caller.workspace_name
    )
    user = uow.users.upsert(
        workspace.id,
        caller.user,
        name=caller.user_name or None,
        tz=caller.tz or None,
        is_admin=caller.is_admin or None,
    )
    admins = deps.settings.admin_ids
    # A chat name is chosen by its owner; only the console's names are ids (.env.example).
    named = caller.platform == "console" and user.name in admins
    is_admin = caller.is_admin or user.is_admin or caller.user in admins or named
    zone = caller.zone(deps.settings.zone) if caller.tz else _user_zone(user, deps)
    return Scope(workspace, user, Actor(caller.user, is_admin), zone, now, caller.locale)


T = TypeVar("T")


def looked_up(deps: Deps, caller: Caller, query: Callable[[UnitOfWork, int], T]) -> tuple[T, Scope]:
    """What `query` reads for the caller's workspace (given its id), with the caller's scope."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        found = query(uow, scope.workspace.id)  # type: ignore[arg-type]
        uow.commit()
    return found, scope


def workspace_of(uow: UnitOfWork, deps: Deps, caller: Caller) -> tuple[int, int | None]:
    """The caller's workspace id and its alias version (None if unknown), with the workspace
    and user stored as enter() leaves them: two small lookups when nothing changed, which is
    every message but a newcomer's (the capture path runs this for each burst)."""
    found = uow.workspaces.id_and_alias_version(caller.platform, caller.workspace)
    if found is not None:
        facts = uow.users.facts(found[0], caller.user)
        wanted = {"name": caller.user_name, "tz": caller.tz, "is_admin": caller.is_admin}
        if facts is not None and all(not v or facts[k] == v for k, v in wanted.items()):
            return found
    return enter(uow, deps, caller).workspace.id, None  # type: ignore[return-value]


def _user_zone(user: ChatUser, deps: Deps) -> ZoneInfo:
    return zone_or(user.tz, deps.settings.zone)


def find_customer(uow: UnitOfWork, workspace_id: int, name: str) -> Customer:
    """The customer named `name` (or one of its aliases); NotFound lists the closest names."""
    customer = uow.customers.by_key(workspace_id, name)
    if customer is not None and customer.erased_at is None:
        return customer
    close = closest_names(name, uow.customers.names(workspace_id))
    hint = f"Did you mean {', '.join(close)}? " if close else ""
    raise NotFound(
        f"I don't know a customer called “{name}”. {hint}"
        f"Add one with `customer add {name} [aliases …] [segment …] [value …]`."
    )


def find_loop(uow: UnitOfWork, workspace_id: int, number: int) -> Loop:
    loop = uow.loops.by_number(workspace_id, number, for_update=True)
    if loop is None:
        raise NotFound(f"There is no loop #{number}. `list all` shows the open ones.")
    return loop


def resolve_user(uow: UnitOfWork, scope: Scope, ref: UserRef) -> str:
    """A user id from `<@U123>` or `@name`. Console names are ids; elsewhere names must be known."""
    if ref.id:
        # The label of `<@U1|bob>` is whatever the sender's text said: names come only from
        # the platform's profile, so a label never names anyone.
        uow.users.upsert(scope.workspace.id, ref.id)
        return ref.id
    assert ref.name is not None
    named = uow.users.named(scope.workspace.id, ref.name)
    if len(named) > 1:
        raise BadInput(
            f"More than one person here is called @{ref.name}. Mention the one you mean so "
            "chat links the name (it turns blue)."
        )
    known = named[0] if named else uow.users.get(scope.workspace.id, ref.name)
    if known:
        return known.external_id
    if scope.workspace.platform == "console":
        uow.users.upsert(scope.workspace.id, ref.name, name=ref.name)
        return ref.name
    raise NotFound(
        f"I don't know @{ref.name} yet. Mention them so chat links the name (it turns blue)."
    )


def is_overdue(loop: Loop, now: datetime) -> bool:
    return loop.state == OPEN and loop.due_at is not None and loop.due_at < now


def loop_buttons(loop: Loop, linked: bool = False) -> list[Button]:
    """The buttons a live loop carries: Done, Customer told, Snooze, Reassign, Add update; and
    Tell the customer when their channel is linked (`linked`) or the loop answers a message
    in it."""
    number = str(loop.number)
    buttons = []
    if loop.state == OPEN:
        buttons.append(Button("Done", "done", number, "primary"))
    if loop.state in (OPEN, DONE) and (linked or loop.reply_ts):
        buttons.append(Button("Tell the customer", "tell", number))
    if loop.state in (OPEN, DONE):
        buttons += [
            Button("Customer told", "told", number, "primary" if loop.state == DONE else "default"),
            Button("Snooze", "snooze", number),
            Button("Reassign", "reassign", number),
            Button("Add update", "update", number),
        ]
    return buttons


def undo_button(change_id: int) -> Button:
    """The button on a confirmation that takes the change back (`undo`, within minutes)."""
    return Button("Undo", "run", f"undo {change_id}")


def loop_section(
    loop: Loop,
    customer_name: str,
    zone: ZoneInfo,
    now: datetime,
    with_buttons: bool = True,
    tickets: Sequence[str] = (),
    linked: bool = False,
) -> Section:
    """One loop as a reply section: `#12 ACME — ship SSO`, its owner, due and state (and
    the tickets that keep it, as `ticket_label` shows them)."""
    overdue = is_overdue(loop, now)
    due = describe(loop.due_at, zone, now) if loop.due_at else "no due date"
    if overdue:
        due += " — OVERDUE"
    fields = [
        Field("Owner", f"<@{loop.owner}>"),
        Field("Due", due),
        Field("State", state_label(loop.state, overdue)),
    ]
    if tickets:
        fields.append(Field("Ticket", ", ".join(tickets)))
    return Section(
        text=f"#{loop.number} {customer_name} — {loop.what}",
        fields=fields,
        buttons=loop_buttons(loop, linked) if with_buttons else [],
    )


def workspace_for_cli(uow: UnitOfWork, external_id: str | None) -> Workspace | None:
    """The workspace a CLI command means: the one named, or the only one (None: none yet)."""
    known = list(uow.workspaces.all())
    names = ", ".join(f"{w.external_id} ({w.platform})" for w in known) or "none yet"
    if external_id is not None:
        for candidate in known:
            if candidate.external_id == external_id:
                return candidate
        raise BadInput(f"no workspace {external_id!r} in this database (known: {names})")
    if len(known) > 1:
        raise BadInput(
            f"this database serves several workspaces; name one with --workspace: {names}"
        )
    return known[0] if known else None
