"""The `/loop` command grammar (PRODUCT.md), the same text on Slack, Teams and the console.

The commands as values are in bot.core.command_types (re-exported here, so `grammar.Commit`
reads as before); the `customer …` commands are parsed in bot.core.customer_grammar."""

from __future__ import annotations

import re

from bot.core import channel_grammar, ticket_grammar
from bot.core import health as health_module
from bot.core.command_types import (
    _NUMBER,
    LIST_SCOPES,
    REPORT_KINDS,
    USAGE,
    AddCustomer,
    ChangeFeedback,
    ChangeSettings,
    Command,
    Commit,
    CustomerStatus,
    EditCustomer,
    EditLoop,
    ForgetCustomer,
    Help,
    ListCustomers,
    ListLoops,
    LogFeedback,
    LoopAction,
    Report,
    Review,
    ShowCustomer,
    Tell,
    Undo,
    UserRef,
    parse_user,
)
from bot.core.command_types import usage_error as _usage_error
from bot.core.customer_grammar import parse_customer
from bot.core.due_in_text import split_due

__all__ = [
    "AddCustomer",
    "ChangeFeedback",
    "ChangeSettings",
    "Command",
    "command_text",
    "Commit",
    "CustomerStatus",
    "EditCustomer",
    "EditLoop",
    "ForgetCustomer",
    "Help",
    "help_text",
    "LIST_SCOPES",
    "ListCustomers",
    "ListLoops",
    "LogFeedback",
    "LoopAction",
    "parse",
    "parse_customer",
    "parse_user",
    "Report",
    "REPORT_KINDS",
    "Review",
    "ShowCustomer",
    "Tell",
    "Undo",
    "USAGE",
    "UserRef",
]


def command_text(text: str, command: str = "/loop") -> str | None:
    """The command a chat line gives, without its command word, or None for a plain message.

    `/loop list`, `loop list` and a bare `list` all give `list` (Teams and the console have no
    slash commands, and people type what the README shows); a line starting with another
    word is a message to capture.
    """
    text = text.strip()
    first, _, rest = text.partition(" ")
    lowered = first.lower()
    bare = {command.lower().lstrip("/"), "loop"} - set(_PARSERS)  # a verb stays a verb
    if lowered in {command.lower(), "/loop", *bare}:
        return rest.strip()
    if lowered.lstrip("/") in _PARSERS:
        bare_ok = ticket_grammar.bare_command(lowered, rest)
        bare_ok = bare_ok and channel_grammar.bare_command(lowered, rest)
        if not first.startswith("/") and not bare_ok:
            return None
        return text.lstrip("/")
    return None


def parse(text: str, command: str = "/loop") -> Command:
    """Read one command line (with or without the leading `/loop` or `loop`). Raises BadInput."""
    stripped = command_text(text, command)
    text = text.strip() if stripped is None else stripped
    if not text:
        return Help()
    verb, _, rest = text.partition(" ")
    verb, rest = verb.lower(), rest.strip()
    parser = _PARSERS.get(verb)
    if parser is None:
        return Help(topic=verb)
    return parser(rest)


def _customer_and_text(verb: str, rest: str) -> tuple[str, str]:
    customer, colon, body = rest.partition(":")
    if not colon or not customer.strip() or not body.strip():
        raise _usage_error(verb, "I need a customer, a colon, then the text.")
    return customer.strip(), body.strip()


_FEEDBACK_DELETE = re.compile(r"(?:delete|remove)\s+#?(\d{1,9})", re.IGNORECASE)
_FEEDBACK_CHANGE = re.compile(r"#?(\d{1,9})\s+(kind|customer)\s+(.+)", re.IGNORECASE)
FEEDBACK_KINDS = ("request", "problem", "praise", "question", "risk", "other")


def _feedback(rest: str) -> Command:
    if ":" not in rest and (deleted := _FEEDBACK_DELETE.fullmatch(rest)):
        return ChangeFeedback(int(deleted.group(1)), "delete")
    if ":" not in rest and (changed := _FEEDBACK_CHANGE.fullmatch(rest)):
        field, text = changed.group(2).lower(), changed.group(3).strip()
        if field == "kind" and text.lower() not in FEEDBACK_KINDS:
            raise _usage_error(
                "feedback", f"“{text}” is not a kind; use one of {', '.join(FEEDBACK_KINDS)}."
            )
        return ChangeFeedback(
            int(changed.group(1)), field, text.lower() if field == "kind" else text
        )
    if ":" not in rest:
        if not rest:
            raise _usage_error("feedback", "Tell me what the customer said.")
        return LogFeedback(customer=None, text=rest)
    customer, body = _customer_and_text("feedback", rest)
    return LogFeedback(customer=customer, text=body)


_OWNER = re.compile(r"(?:^|\s)owner\s+(<@[^>]+>|@[\w.\-]+)", re.IGNORECASE)


def _commit(rest: str) -> Command:
    customer, body = _customer_and_text("commit", rest)
    owner = None
    owner_match = _OWNER.search(body)
    if owner_match:
        owner = parse_user(owner_match.group(1))
        body = (body[: owner_match.start()] + body[owner_match.end() :]).strip()
    # The last "by ..." is the due date when it looks like one; "export by CSV" stays the what.
    body, when = split_due(body)
    if not body:
        raise _usage_error("commit", "What was promised?")
    return Commit(customer=customer, what=body, owner=owner, when=when)


def _list(rest: str) -> Command:
    word, _, tail = rest.partition(" ")
    lowered = word.lower()
    if not rest or lowered == "mine":
        return ListLoops("mine")
    if lowered in ("all", "overdue"):
        return ListLoops(lowered)
    if lowered == "customer":
        if not tail.strip():
            raise _usage_error("list", "Which customer?")
        return ListLoops("customer", customer=tail.strip())
    user = parse_user(rest)
    if user:
        return ListLoops("user", user=user)
    raise _usage_error("list", f"I don't know the list “{rest}”.")


def _number(verb: str, rest: str) -> tuple[int, str]:
    first, _, tail = rest.partition(" ")
    match = _NUMBER.fullmatch(first.strip())
    if not match:
        raise _usage_error(verb, "I need the loop's number, like 12 or #12.")
    return int(match.group(1)), tail.strip()


def _loop_action(verb: str):  # noqa: ANN202
    def parse_action(rest: str) -> Command:
        number, tail = _number(verb, rest)
        if verb == "reassign":
            user = parse_user(tail)
            if not user:
                raise _usage_error(verb, "Who should own it? Name them as @user.")
            return LoopAction(verb, number, user=user)
        if verb == "edit":
            return _edit(number, tail)
        if verb in ("snooze", "update", "cancel") and not tail:
            need = {
                "snooze": "Until when?",
                "update": "What's the update?",
                "cancel": "Why cancel? A reason is kept in the loop's history.",
            }[verb]
            raise _usage_error(verb, need)
        return LoopAction(verb, number, text=tail)

    return parse_action


EDIT_FIELDS = ("what", "due", "owner", "customer")


def _edit(number: int, rest: str) -> Command:
    field, _, text = rest.partition(" ")
    field, text = field.lower(), text.strip()
    if field == "by":
        field = "due"
    if field not in EDIT_FIELDS or not text:
        raise _usage_error("edit", "Say what to change and to what, like `edit 2 due tomorrow`.")
    if field == "owner":
        user = parse_user(text)
        if not user:
            raise _usage_error("edit", "Name the new owner as @user.")
        return EditLoop(number, field, user=user)
    return EditLoop(number, field, text)


def _undo(rest: str) -> Command:
    if not rest:
        return Undo()
    match = _NUMBER.fullmatch(rest.strip())
    if not match:
        raise _usage_error("undo", "Just `undo`: it undoes your own last change.")
    return Undo(int(match.group(1)))


def _tell(rest: str) -> Command:
    number, _, text = rest.strip().partition(" ")
    match = _NUMBER.fullmatch(number)
    if not match:
        raise _usage_error("tell", "Which loop? Like `tell 12 the fix is live`.")
    return Tell(int(match.group(1)), text.strip())


def _customers(rest: str) -> Command:
    return ListCustomers()


def _report(rest: str) -> Command:
    tokens = [t.lower() for t in rest.split()]
    as_csv = "csv" in tokens
    tokens = [t for t in tokens if t != "csv"]
    kind = tokens[0] if tokens else "weekly"
    if kind not in REPORT_KINDS or len(tokens) > 1:
        raise _usage_error("report", f"I don't know the report “{' '.join(tokens)}”.")
    return Report(kind, as_csv)


_QUARTER_AT_END = re.compile(r"(.+?)\s+(\d{4}\s*-?\s*q\d)\s*$", re.IGNORECASE)


def _review(rest: str) -> Command:
    if not rest.strip():
        raise _usage_error("review", "Which customer?")
    found = _QUARTER_AT_END.fullmatch(rest.strip())
    if found:
        return Review(found.group(1).strip(), found.group(2).replace(" ", "").upper())
    return Review(rest.strip())


def _settings(rest: str) -> Command:
    return ChangeSettings(tuple(rest.split()))


def _help(rest: str) -> Command:
    return Help(topic=rest.strip().lower() or None)


_PARSERS = {
    "help": _help,
    "feedback": _feedback,
    "commit": _commit,
    "list": _list,
    "ls": _list,
    "done": _loop_action("done"),
    "told": _loop_action("told"),
    "snooze": _loop_action("snooze"),
    "reassign": _loop_action("reassign"),
    "update": _loop_action("update"),
    "cancel": _loop_action("cancel"),
    "edit": _loop_action("edit"),
    "reopen": _loop_action("reopen"),
    "tell": _tell,
    "undo": _undo,
    "customer": parse_customer,
    "customers": _customers,
    "report": _report,
    "review": _review,
    "settings": _settings,
    "link": ticket_grammar.parse_link,
    "ticket": ticket_grammar.parse_ticket_command,
    "channel": channel_grammar.parse_channel,
    "channels": channel_grammar.parse_channels,
}


CUSTOMER_CHANNELS = (
    "Customer channels: `channel link <customer>` in a shared channel makes what their people "
    "say there their feedback; their questions, requests and problems open reply loops (due "
    "after `settings response-time <segment> <duration>`, 2 working hours unless set), closed "
    "by our first reply in the message's thread. In the console, `guest <name>: <text>` speaks "
    "as the customer's person (`guest <name>: <number>` answers “How did we do?” after a "
    "`tell`) and `thread #<id>: <text>` answers in the thread of reply loop #<id>."
)


def help_text(command: str = "/loop", topic: str | None = None) -> str:
    """The help: every subcommand with its usage (a note first when `topic` was unknown)."""
    lines = []
    if topic and topic not in USAGE and topic != "help":
        lines.append(f"I don't know “{topic}”. Here is what I can do:")
    else:
        lines.append("Loopkeeper keeps track of what customers said and what we promised them.")
    lines += [f"`{command} {usage}`" for usage in USAGE.values()]
    if topic in ("review", "health"):
        lines.append(health_module.__doc__ or "")
    lines.append(CUSTOMER_CHANNELS)
    lines.append(
        "Dates in plain words: by Friday, in 3 days, 2h, tomorrow 5pm CET, end of month, "
        "2026-12-01, 12/03 (in the workspace's `settings date-order`). "
        "Loops are numbered: 12 or #12."
    )
    return "\n".join(lines)
