"""Capture: chat messages, mentions, shortcuts and reactions become feedback."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime, tzinfo

from bot.core import grammar, inputs
from bot.core.classify import feedback_kind, has_commitment, promise_title, sentiment
from bot.core.dates import date_order as order_of
from bot.core.dates import describe
from bot.core.due_in_text import Found, find_due
from bot.core.errors import BadInput, NotFound
from bot.core.matching import CustomerMatcher
from bot.core.replies import Button, Reply, Section
from handlers import customer_channels, loops
from handlers.chat_message import Capture, ChatMessage
from handlers.common import enter, find_customer, undo_button, workspace_of
from handlers.context import Caller, Deps
from handlers.settings import date_order
from storage.models import ChannelLink, Feedback
from storage.uow import UnitOfWork

CAPTURED_REACTION = "memo"
_matchers: dict[tuple[str, int], tuple[int, CustomerMatcher]] = {}
_matchers_lock = threading.Lock()


def matcher_for(uow: UnitOfWork, workspace_id: int, version: int | None = None) -> CustomerMatcher:
    """The workspace's customer matcher, rebuilt only when its aliases changed (`version`: the
    workspace's alias version when the caller has just read it)."""
    if version is None:
        version = uow.customers.aliases_version(workspace_id)
    key = (str(uow.engine.url), workspace_id)
    with _matchers_lock:
        cached = _matchers.get(key)
    if cached and cached[0] == version:
        return cached[1]
    # An alias stored before aliases were bounded would make every message cost seconds.
    aliases = [a for a in uow.customers.aliases(workspace_id) if inputs.alias_fits(a[1])]
    matcher = CustomerMatcher(aliases)
    with _matchers_lock:
        _matchers[key] = (version, matcher)
    return matcher


def capture_message(
    deps: Deps, caller: Caller, message: ChatMessage, event_key: str | None = None
) -> Reply | None:
    """Log a message that names known customers as feedback, once per message and customer.

    Returns None when nothing was captured (no customer, capture off, or already captured).
    `event_key` (the platform's event id) makes a redelivered event a no-op.
    """
    return capture_messages(deps, [Capture(caller, message, event_key)])[0]


def capture_messages(deps: Deps, captures: Sequence[Capture]) -> list[Reply | None]:
    """capture_message for a burst of messages in one transaction (one reply each, in order).

    An event or a message that comes twice, in the burst or before, is captured once: the
    first one gets the reply.
    """
    stored: list[list[int]] = [[] for _ in captures]
    said: list[list[str]] = [[] for _ in captures]  # reply loops opened or answered, per message
    with deps.uow() as uow:
        scopes: dict[tuple[str, str, str], tuple[int, int | None]] = {}
        by_workspace: dict[int, list[int]] = {}
        versions: dict[int, int | None] = {}
        ws_of: dict[int, int] = {}
        for index, capture in enumerate(captures):
            caller = capture.caller
            who = (caller.platform, caller.workspace, caller.user)
            if who not in scopes:
                scopes[who] = workspace_of(uow, deps, caller)
            ws, versions[ws] = scopes[who]
            by_workspace.setdefault(ws, []).append(index)
            ws_of[index] = ws
        now = deps.clock.now()
        for ws, indexes in sorted(by_workspace.items()):  # one order: see _store_burst
            group = [captures[i] for i in indexes]
            links = uow.channel_links.for_channels(ws, {c.message.channel for c in group})
            kept = _store_burst(
                uow, ws, versions[ws], group, now, [stored[i] for i in indexes], links
            )
            customer_channels.settle(
                uow, links, [group[k] for k in kept], now, deps.settings.zone,
                [said[indexes[k]] for k in kept],
            )  # fmt: skip
        names = uow.customers.names_by_id({cid for ids in stored for cid in ids})
        promised = _promises(captures, stored)  # the date order matters only then
        orders = {ws: uow.settings.get(ws, "date_order") for ws in by_workspace if promised}
        uow.commit()
    return [
        _captured(
            deps,
            capture,
            ids,
            names,
            order_of(orders.get(ws_of[index]), capture.caller.locale),
            said[index],
        )
        for index, (capture, ids) in enumerate(zip(captures, stored, strict=True))
    ]


def _promises(captures: Sequence[Capture], stored: list[list[int]]) -> bool:
    pairs = zip(captures, stored, strict=True)
    return any(ids and has_commitment(c.message.text) for c, ids in pairs)


def _store_burst(
    uow: UnitOfWork,
    ws: int,
    version: int | None,
    captures: list[Capture],
    now: datetime,
    stored: list[list[int]],
    links: dict[str, ChannelLink],
) -> list[int]:
    """Store one workspace's messages; fills `stored` with the customers each was stored for.
    Returns which of them were new (not a redelivered event, nor in a channel not captured)."""
    fresh = uow.events.first_times(ws, [c.event_key for c in captures if c.event_key], now)
    off = set(uow.settings.get(ws, "capture_off", []) or [])
    matcher = matcher_for(uow, ws, version)
    rows, owner, kept = [], {}, []
    for index, capture in enumerate(captures):
        message = capture.message
        if capture.event_key:
            if capture.event_key[:255] not in fresh:
                continue
            fresh.discard(capture.event_key[:255])  # the same event twice in one burst
        if message.channel in off:
            continue
        kept.append(index)
        kind, feeling = feedback_kind(message.text), round(sentiment(message.text), 2)
        voice = customer_channels.voice_of(links.get(message.channel), message)
        source = customer_channels.SOURCE if voice is not None else message.source
        for customer_id in (
            [voice] if voice else [m.customer_id for m in matcher.find(message.text)]
        ):
            key = (message.channel, message.message_ts, customer_id)
            if key in owner:  # the same message twice in one burst (an event and a mention)
                continue
            owner[key] = index
            rows.append(
                {
                    "workspace_id": ws,
                    "customer_id": customer_id,
                    "text": message.text,
                    "kind": kind,
                    "sentiment": feeling,
                    "source": source,
                    "author": capture.caller.user,
                    "channel": message.channel,
                    "message_ts": message.message_ts,
                    "permalink": message.permalink,
                    "created_at": now,
                }
            )
    # In one order for every transaction (customer, then message): storing feedback updates
    # the customer's row of per-day sums, held until commit, and two bursts that reached two
    # customers' rows in opposite orders would deadlock on PostgreSQL.
    rows.sort(key=lambda row: (row["customer_id"], row["channel"], row["message_ts"]))
    added = uow.feedback.add_many(rows) if rows else set()
    for key, index in owner.items():  # in mention order: dicts keep insertion order
        if key in added:
            stored[index].append(key[2])
    return kept


def _captured(
    deps: Deps,
    capture: Capture,
    stored: list[int],
    names: dict[int, str],
    order: str,
    said: list[str],
) -> Reply | None:
    if not stored:
        return Reply(" ".join(said)) if said else None
    message = capture.message
    kind = feedback_kind(message.text)
    who = [names[c] for c in stored]
    text = " ".join([f"📝 Logged {kind} feedback for {', '.join(who)}.", *said])
    reply = Reply(text, react=CAPTURED_REACTION)
    if has_commitment(message.text) and not message.external:  # a promise is ours to make
        now, zone = deps.clock.now(), capture.caller.zone(deps.settings.zone)
        prompt = _track_prompt(message, stored, loops.listed(who), now, zone, order)
        reply.sections.append(prompt)
    return reply


def _track_prompt(
    message: ChatMessage, stored: list[int], who: str, now: datetime, zone: tzinfo, order: str
) -> Section:
    """ "Track this commitment?" with what would be tracked for whom and when; a date that
    can't be read is said at once (and no button offered: nothing would be created)."""
    found = find_due(message.text, now, zone, order)
    what = _promise_of(message.text, found)
    if found is not None and found.problem is not None:
        guess = next(iter(found.problem.suggestions), "<when>")
        return Section(
            f"Sounds like a promise to {who}, but {found.problem.message} To track it: "
            f"`commit {who}: {what} by {guess}`."
        )
    due = describe(found.due, zone, now) if found and found.due else "in 3 working days"
    value = ",".join(str(c) for c in stored) + f"|{message.channel}|{message.message_ts}"
    each = " (one loop each)" if len(stored) > 1 else ""
    return Section(
        f"Sounds like a promise to {who}{each}: “{what}”, due {due}. Track this commitment?",
        buttons=[Button("Track this commitment", "track", value, "primary")],
    )


def _promise_of(text: str, found: Found | None) -> str:
    """The loop's title: the promise without its date words."""
    if found is not None:
        text = text[: found.start] + " " + text[found.end :]
    return promise_title(text)


def customers_named(deps: Deps, caller: Caller, text: str) -> list[str]:
    """The names of the known customers a text mentions (to prefill a form)."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        found = matcher_for(uow, scope.workspace.id).find(text)
        customers = uow.customers.by_ids({m.customer_id for m in found})
        uow.commit()
    return [customers[m.customer_id].name for m in found if m.customer_id in customers]


def log_feedback(
    deps: Deps,
    caller: Caller,
    command: grammar.LogFeedback,
    source: str = "command",
    message: ChatMessage | None = None,
    customer_id: int | None = None,
) -> Reply:
    """Log feedback for a named customer (the command, the shortcut's modal, the reaction);
    `customer_id`: the customer picked from a list."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        ws = scope.workspace.id
        picked = uow.customers.get(customer_id) if customer_id is not None else None
        if picked is not None and picked.workspace_id == ws and picked.erased_at is None:
            customer = picked
        elif customer_id is not None:
            raise NotFound("That customer is gone; react again to pick another.")
        elif command.customer:
            customer = find_customer(uow, ws, command.customer)
        else:
            found = matcher_for(uow, ws).find(command.text)
            if len(found) != 1:
                raise BadInput(
                    "Which customer said it? "
                    + ("I see several: name one. " if found else "")
                    + f"Usage: `{grammar.USAGE['feedback']}`"
                )
            customer = uow.customers.get(found[0].customer_id)
            assert customer is not None
        chat = message or ChatMessage(command.text, caller.channel or "", "", None, source)
        new_id = uow.feedback.add(
            workspace_id=ws,
            customer_id=customer.id,
            text=command.text,
            kind=feedback_kind(command.text),
            sentiment=round(sentiment(command.text), 2),
            source=source,
            author=caller.user,
            channel=chat.channel or caller.channel,
            message_ts=chat.message_ts or None,
            permalink=chat.permalink,
            created_at=scope.now,
        )
        if new_id is not None:
            summary = f"logged feedback {new_id} for {customer.name}"
            change = uow.changes.record(
                ws,
                caller.user,
                "feedback",
                new_id,
                customer.id,
                summary,
                {"logged": True},
                scope.now,
            )
        uow.commit()
    if new_id is None:
        return Reply(f"That message is already logged for {customer.name}.")
    return Reply(
        f"📝 Logged {feedback_kind(command.text)} feedback for {customer.name}: {command.text}",
        sections=[Section(f"Feedback {new_id}", buttons=[undo_button(change.id)])],  # type: ignore[arg-type]
        react=CAPTURED_REACTION,
        footer=f"Wrong? `feedback {new_id} kind <kind>`, `feedback {new_id} customer <name>` "
        f"or `feedback delete {new_id}`.",
    )


def track_commitment(deps: Deps, caller: Caller, value: str) -> Reply:
    """The "Track this commitment?" button: one loop per customer the message names, titled
    with the promise, owned by its speaker, due when the message says (or in 3 working days);
    the whole message and its link go into each loop's history. Clicking twice makes no more
    loops; a date in the message that can't be read makes none."""
    try:
        customer_ids, channel, message_ts = value.split("|", 2)
        wanted = [int(c) for c in customer_ids.split(",")]
    except ValueError:
        raise BadInput("That button is out of date.") from None
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        items = {
            f.customer_id: f
            for f in uow.feedback.for_message(scope.workspace.id, channel, message_ts)
        }
        feedback = [items[c] for c in wanted if c in items]
        if not feedback:
            raise NotFound("I can't find that message any more.")
        names = uow.customers.names_by_id({f.customer_id for f in feedback})
        order = date_order(uow, scope.workspace.id, scope.locale)
        uow.commit()
    text = feedback[0].text
    found = find_due(text, scope.now, scope.zone, order)
    if found is not None and found.problem is not None:
        raise found.problem
    link = feedback[0].permalink
    command = grammar.Commit(
        loops.listed([names[f.customer_id] for f in feedback]),
        _promise_of(text, found),
        grammar.UserRef(id=feedback[0].author),
    )
    promised = [
        loops.Promised(f.customer_id, f.id, f"track:{channel}:{message_ts}:{f.customer_id}")
        for f in feedback
    ]
    return loops.commit(
        deps,
        caller,
        command,
        promised,
        due=found.due if found else None,
        message=f"{text} — {link}" if link else text,
    )


def message_changed(deps: Deps, caller: Caller, channel: str, message_ts: str, text: str) -> int:
    """An edited message updates the stored feedback text; returns how many items changed."""
    return _touch_message(deps, caller, channel, message_ts, text=text)


def message_deleted(deps: Deps, caller: Caller, channel: str, message_ts: str) -> int:
    """A deleted message marks its feedback deleted (kept for counts); a customer's question
    nobody has answered yet no longer waits for an answer (its reply loop is cancelled)."""
    return _touch_message(deps, caller, channel, message_ts, text=None)


def _touch_message(
    deps: Deps, caller: Caller, channel: str, message_ts: str, text: str | None
) -> int:
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        items: list[Feedback] = list(
            uow.feedback.for_message(scope.workspace.id, channel, message_ts)
        )
        for item in items:
            if text is None:
                item.deleted_at = scope.now
            else:
                item.text, item.edited_at = text, scope.now
                item.kind, item.sentiment = feedback_kind(text), round(sentiment(text), 2)
            uow.feedback.save(item)
        if text is None:
            customer_channels.withdrawn(uow, scope.workspace.id, channel, message_ts, scope.now)  # type: ignore[arg-type]
        uow.commit()
    return len(items)
