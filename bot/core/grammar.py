"""The `/loop` command grammar (PRODUCT.md), the same text on Slack, Teams and the console."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from bot.core import health as health_module
from bot.core import ticket_grammar
from bot.core.dates import split_due
from bot.core.errors import BadInput

REPORT_KINDS = (
    "weekly", "owners", "customers", "segments", "quiet", "loops", "feedback", "health",
)  # fmt: skip
LIST_SCOPES = ("mine", "all", "overdue", "user", "customer")


@dataclass(frozen=True)
class UserRef:
    """A user as named in a command: `<@U123>`/`<@U123|ann>` carries an id, `@ann` a name."""

    id: str | None = None
    name: str | None = None

    @property
    def shown(self) -> str:
        return f"<@{self.id}>" if self.id else f"@{self.name}"


@dataclass(frozen=True)
class Help:
    topic: str | None = None


@dataclass(frozen=True)
class LogFeedback:
    customer: str | None
    text: str


@dataclass(frozen=True)
class Commit:
    customer: str
    what: str
    owner: UserRef | None = None
    when: str | None = None


@dataclass(frozen=True)
class ListLoops:
    scope: str = "mine"  # mine, all, overdue, user, customer
    user: UserRef | None = None
    customer: str | None = None


@dataclass(frozen=True)
class LoopAction:
    """done, told, snooze, reassign, update or cancel on loop #number."""

    action: str
    number: int
    text: str = ""
    user: UserRef | None = None


@dataclass(frozen=True)
class AddCustomer:
    name: str
    aliases: tuple[str, ...] = ()
    segment: str | None = None
    value: float | None = None
    owner: UserRef | None = None


@dataclass(frozen=True)
class ShowCustomer:
    name: str
    page: int = 1  # of the timeline


@dataclass(frozen=True)
class ForgetCustomer:
    name: str


@dataclass(frozen=True)
class ListCustomers:
    pass


@dataclass(frozen=True)
class Report:
    kind: str = "weekly"
    csv: bool = False


@dataclass(frozen=True)
class Review:
    name: str
    quarter: str | None = None  # like 2026Q4; None: the current quarter


@dataclass(frozen=True)
class CustomerStatus:
    name: str
    status: str  # active, churned
    reason: str = ""


@dataclass(frozen=True)
class ChangeSettings:
    words: tuple[str, ...] = field(default_factory=tuple)


Command = (
    Help
    | LogFeedback
    | Commit
    | ListLoops
    | LoopAction
    | AddCustomer
    | ShowCustomer
    | ForgetCustomer
    | ListCustomers
    | Report
    | Review
    | CustomerStatus
    | ChangeSettings
    | ticket_grammar.LinkTicket
    | ticket_grammar.ShowTicket
    | ticket_grammar.NewTicket
)

USAGE = {
    "feedback": "feedback <customer>: <text>",
    "commit": "commit <customer>: <what> [owner @user] [by <when>]",
    "list": "list [mine | @user | customer <name> | overdue | all]",
    "done": "done <id> [note]",
    "told": "told <id> [how]",
    "snooze": "snooze <id> <when>",
    "reassign": "reassign <id> @user",
    "update": "update <id> <text>",
    "cancel": "cancel <id> <reason>",
    "customer": "customer add <name> [aliases <a>, <b>] [segment <s>] [value <n>] [owner @user]"
    " · customer <name> [page <n>] · customer forget <name>"
    " · customer <name> status churned|active [reason]",
    "review": "review <customer> [quarter, like 2026Q4]",
    "customers": "customers",
    "report": "report [weekly | owners | customers | segments | quiet | loops | feedback"
    " | health] [csv]",
    "settings": "settings [escalation #channel | digest #channel [day HH:MM] | cadence <segment>"
    " <hours> | quiet-days <segment> <days> | quiet-hours HH:MM-HH:MM | capture #channel on|off"
    " | date-order mdy|dmy]",
    **ticket_grammar.USAGE,
}

_USER = re.compile(r"<@([A-Za-z0-9_.:-]+)(?:\|([^>]*))?>|@([\w.\-]+)")
_NUMBER = re.compile(r"#?(\d{1,9})$")


def parse_user(text: str) -> UserRef | None:
    """`<@U123>`, `<@U123|ann>` or `@ann` (the whole text), else None."""
    match = _USER.fullmatch(text.strip())
    if not match:
        return None
    if match.group(1):
        return UserRef(id=match.group(1), name=match.group(2) or None)
    return UserRef(name=match.group(3))


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
        if not first.startswith("/") and not ticket_grammar.bare_command(lowered, rest):
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


def _usage_error(verb: str, problem: str) -> BadInput:
    return BadInput(f"{problem} Usage: `{USAGE[verb]}`")


def _customer_and_text(verb: str, rest: str) -> tuple[str, str]:
    customer, colon, body = rest.partition(":")
    if not colon or not customer.strip() or not body.strip():
        raise _usage_error(verb, "I need a customer, a colon, then the text.")
    return customer.strip(), body.strip()


def _feedback(rest: str) -> Command:
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
        if verb in ("snooze", "update", "cancel") and not tail:
            need = {
                "snooze": "Until when?",
                "update": "What's the update?",
                "cancel": "Why cancel? A reason is kept in the loop's history.",
            }[verb]
            raise _usage_error(verb, need)
        return LoopAction(verb, number, text=tail)

    return parse_action


_CUSTOMER_OPTION = re.compile(r"\s(aliases|alias|segment|value|owner)\s+", re.IGNORECASE)


_TIMELINE_PAGE = re.compile(r"(.+?)\s+page\s+(\d{1,6})", re.IGNORECASE)


def _customer(rest: str) -> Command:
    word, _, tail = rest.partition(" ")
    if not rest:
        raise _usage_error("customer", "Which customer?")
    if word.lower() == "add":
        return _add_customer(tail.strip())
    if word.lower() in ("forget", "erase"):
        if not tail.strip():
            raise _usage_error("customer", "Which customer should I forget?")
        return ForgetCustomer(tail.strip())
    status = _STATUS.fullmatch(rest.strip())
    if status:
        return CustomerStatus(
            status.group(1).strip(), status.group(2).lower(), status.group(3) or ""
        )
    paged = _TIMELINE_PAGE.fullmatch(rest.strip())
    if paged:
        return ShowCustomer(paged.group(1), int(paged.group(2)))
    return ShowCustomer(rest.strip())


def _add_customer(rest: str) -> Command:
    padded = " " + rest
    parts = _CUSTOMER_OPTION.split(padded)
    name = parts[0].strip().strip('"')
    if not name:
        raise _usage_error("customer", "The new customer needs a name.")
    options: dict[str, str] = {}
    for key, value in zip(parts[1::2], parts[2::2], strict=True):
        key = "aliases" if key.lower() == "alias" else key.lower()
        if key in options:
            raise _usage_error("customer", f"“{key}” is given twice.")
        options[key] = value.strip()
    aliases = tuple(a.strip() for a in options.get("aliases", "").split(",") if a.strip())
    value = None
    if "value" in options:
        raw = options["value"].replace(",", "").replace("_", "").lstrip("$€£")
        multiplier = 1.0
        if raw[-1:].lower() in ("k", "m"):
            multiplier = 1000.0 if raw[-1].lower() == "k" else 1_000_000.0
            raw = raw[:-1]
        try:
            value = float(raw) * multiplier
            if not math.isfinite(value):  # "nan", "inf", "1e309": not an amount of money
                raise ValueError(raw)
        except ValueError:
            raise _usage_error(
                "customer", f"The value “{options['value']}” is not a number."
            ) from None
        if value < 0:
            raise _usage_error("customer", "The value can't be negative.")
    owner = None
    if "owner" in options:
        owner = parse_user(options["owner"])
        if owner is None:
            raise _usage_error("customer", "Name the account owner as @user.")
    segment = options.get("segment")
    if segment is not None and not re.fullmatch(r"[\w-]{1,64}", segment):
        raise _usage_error("customer", "A segment is one word, like enterprise or smb.")
    return AddCustomer(name, aliases, segment.lower() if segment else None, value, owner)


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


_STATUS = re.compile(r"(.+?)\s+status\s+(churned|active)(?:\s+(.*))?", re.IGNORECASE | re.DOTALL)
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
    "customer": _customer,
    "customers": _customers,
    "report": _report,
    "review": _review,
    "settings": _settings,
    "link": ticket_grammar.parse_link,
    "ticket": ticket_grammar.parse_ticket_command,
}


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
    lines.append(
        "Dates in plain words: by Friday, in 3 days, 2h, tomorrow 5pm CET, end of month, "
        "2026-12-01, 12/03 (in the workspace's `settings date-order`). "
        "Loops are numbered: 12 or #12."
    )
    return "\n".join(lines)
