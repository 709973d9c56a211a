"""What handlers return: neutral replies that each platform renders its own way.

Text may contain user mentions written as `<@USERID>`; Slack shows them natively, the console
prints `@USERID` and Teams the user's display name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Literal

ButtonStyle = Literal["primary", "danger", "default"]


@dataclass(frozen=True)
class Button:
    """A button; `action` names what it does (done, told, snooze, ...), `value` what it acts on."""

    label: str
    action: str
    value: str
    style: ButtonStyle = "default"


@dataclass(frozen=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True)
class Picker:
    """A list to pick one from (a select): each choice is (label, the command it runs).

    With another `action` than "run", a choice's value is what that action acts on and `about`
    is what the pick is about (carried with the select); `search`: too many choices to list,
    the platform offers a search over them (`choices` holds the first ones)."""

    placeholder: str
    choices: tuple[tuple[str, str], ...]
    action: str = "run"
    about: str = ""
    search: bool = False


@dataclass
class Section:
    """One block of a reply: a line of text, optional fields and the buttons that act on it."""

    text: str
    fields: list[Field] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)
    picker: Picker | None = None


@dataclass
class Table:
    """Rows of a report: columns are snake_case keys, rows hold plain values (None = empty).

    `zone` and `now` say how a person reads its times (chat: the caller's zone); they are not
    part of what the table holds."""

    columns: list[str]
    rows: list[dict[str, object]]
    zone: tzinfo = field(default=UTC, compare=False)
    now: datetime | None = field(default=None, compare=False)


@dataclass
class Reply:
    """The answer to one user action.

    `ephemeral` replies are seen only by the caller. `sections` hold items (loops, touchpoints)
    with their buttons; `table` holds report rows; `footer` a line of definitions or hints.
    """

    text: str
    sections: list[Section] = field(default_factory=list)
    table: Table | None = None
    footer: str | None = None
    ephemeral: bool = True
    error: bool = False
    # Messages for other people or channels caused by this action (e.g. a reassigned owner's DM).
    notices: list[Notice] = field(default_factory=list)
    # Set by capture: the bot should mark the message (Slack adds a reaction).
    react: str | None = None
    # Files that go with the reply (a CSV export, a chart): platforms upload them.
    attachments: list[Attachment] = field(default_factory=list)
    # Idempotency keys a platform may attach to the message it sends (Slack: message metadata),
    # so after a crash the sweeper can ask whether a nudge already went out; a brief carries
    # one per nudge in it, separated by spaces.
    key: str | None = None
    # A paged list: this is page `page` of `pages` (platforms offer the other pages).
    page: int = 1
    pages: int = 1
    # `tell`: a message the platform posts in the customer's channel, then reports back.
    to_customer: CustomerPost | None = None

    def keys(self) -> list[str]:
        """The idempotency keys this message carries (one per nudge)."""
        return self.key.split() if self.key else []

    def plain(self) -> str:
        """The whole reply as plain text (console, logs, tests)."""
        lines = [self.text]
        for section in self.sections:
            lines.append(section.text)
            lines.extend(f"    {f.label}: {f.value}" for f in section.fields)
        if self.footer:
            lines.append(self.footer)
        return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    title: str
    mime: str = "application/octet-stream"


@dataclass
class Notice:
    """A message to deliver somewhere other than the caller's reply.

    `to_user` is a user id (a DM), `to_channel` a channel id; exactly one is set. `thread`:
    the message (in `to_channel`) whose thread it goes in.
    """

    reply: Reply
    to_user: str | None = None
    to_channel: str | None = None
    thread: str | None = None


@dataclass(frozen=True)
class CustomerPost:
    """What `tell` posts in a customer's linked channel: `text`, for loop #`number`, in the
    thread of `thread` when the loop came from one; `claim` keeps two tells from both posting."""

    number: int
    channel: str
    text: str
    thread: str | None
    claim: str


def error_reply(message: str, suggestions: list[str] | None = None) -> Reply:
    """An ephemeral reply for a UserError: the message and its suggestions."""
    lines = [message, *(f"• {s}" for s in (suggestions or []))]
    return Reply(text="\n".join(lines), ephemeral=True, error=True)


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """ "1 customer", "2 customers", "0 loops": a count with its word in the right number."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"
