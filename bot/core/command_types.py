"""The `/loop` commands as values: what each parsed command carries, their usage lines, and
the user references (`<@U123>`, `@ann`) they name. Parsing them is bot.core.grammar's job."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core import channel_grammar, ticket_grammar
from bot.core.errors import BadInput

REPORT_KINDS = (
    "weekly", "owners", "customers", "segments", "quiet", "loops", "feedback", "health", "csat",
    "response",
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
class Tell:
    """`tell <id> [message]`: post the answer in the customer's channel and close the loop."""

    number: int
    text: str = ""


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
    confirmed: bool = False  # `--yes`: nothing is erased without it


@dataclass(frozen=True)
class EditLoop:
    """`edit <id> what <text> | due <when> | owner @user | customer <name>`."""

    number: int
    field: str  # what, due, owner, customer
    text: str = ""
    user: UserRef | None = None


@dataclass(frozen=True)
class Undo:
    change: int | None = None  # an Undo button names its change; `undo` means your last


@dataclass(frozen=True)
class EditCustomer:
    name: str
    new_name: str | None = None
    aliases_add: tuple[str, ...] = ()
    aliases_remove: tuple[str, ...] = ()
    segment: str | None = None
    value: float | None = None
    owner: UserRef | None = None


@dataclass(frozen=True)
class ChangeFeedback:
    """`feedback delete <id>`, `feedback <id> kind <kind>`, `feedback <id> customer <name>`."""

    feedback_id: int
    field: str  # delete, kind, customer
    text: str = ""


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
    | EditLoop
    | Undo
    | EditCustomer
    | ChangeFeedback
    | ListCustomers
    | Report
    | Review
    | CustomerStatus
    | ChangeSettings
    | ticket_grammar.LinkTicket
    | ticket_grammar.ShowTicket
    | ticket_grammar.NewTicket
    | Tell
    | channel_grammar.LinkChannel
    | channel_grammar.ListChannels
)

USAGE = {
    "feedback": "feedback <customer>: <text> · feedback delete <id> · feedback <id> kind <kind>"
    " · feedback <id> customer <name>",
    "commit": "commit <customer>: <what> [owner @user] [by <when>]",
    "list": "list [mine | @user | customer <name> | overdue | all]",
    "done": "done <id> [note]",
    "told": "told <id> [how]",
    "snooze": "snooze <id> <when>",
    "reassign": "reassign <id> @user",
    "update": "update <id> <text>",
    "cancel": "cancel <id> <reason>",
    "edit": "edit <id> what <text> | due <when> | owner @user | customer <name>",
    "reopen": "reopen <id> [why]",
    "tell": "tell <id> [message] (posts it in the customer's linked channel and closes the loop)",
    "undo": "undo (your own last change, within 10 minutes)",
    "customer": "customer add <name> [aliases <a>, <b>] [segment <s>] [value <n>] [owner @user]"
    " · customer edit <name> [name <new>] [aliases add|remove <a>, …] [segment <s>] [value <n>]"
    " [owner @user] · customer <name> [page <n>] · customer forget <name>"
    " · customer <name> status churned|active [reason]",
    "review": "review <customer> [quarter, like 2026Q4]",
    "customers": "customers",
    "report": "report [weekly | owners | customers | segments | quiet | loops | feedback"
    " | health | csat | response] [csv]",
    "settings": "settings [escalation #channel | digest #channel [day HH:MM] | cadence <segment>"
    " <hours> | quiet-days <segment> <days> | response-time <segment> <duration, like 2h or 30m>"
    " | quiet-hours HH:MM-HH:MM | capture #channel on|off"
    " | date-order mdy|dmy | csat on|off]",
    **ticket_grammar.USAGE,
    **channel_grammar.USAGE,
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


def usage_error(verb: str, problem: str) -> BadInput:
    return BadInput(f"{problem} Usage: `{USAGE[verb]}`")
