"""Engineering tickets: reading a ticket reference, checking a webhook's signature, and what a
ticket's new status means for the loops linked to it. Pure rules, no I/O."""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.core.errors import BadInput

GITHUB, LINEAR, JIRA = "github", "linear", "jira"
SYSTEMS = (GITHUB, LINEAR, JIRA)
# A bare KEY-123 whose tracker is not known yet: whichever of Linear or Jira names it first.
EITHER = ""

# What a webhook says about a ticket.
DONE, REOPENED, OPEN = "done", "reopened", "open"
LINEAR_REPLAY_WINDOW = timedelta(minutes=1)
BODY_LIMIT = 1_000_000  # bytes; the services' issue payloads are far smaller


@dataclass(frozen=True)
class TicketRef:
    """A ticket as named in chat or by a webhook: its tracker and its key in that tracker
    (`owner/repo#12` on GitHub, `ENG-123` on Linear, `PROJ-42` on Jira)."""

    system: str
    key: str
    url: str | None = None

    @property
    def shown(self) -> str:
        return self.key


_GITHUB_URL = re.compile(
    r"https?://(?:www\.)?github\.com/([\w.-]+)/([\w.-]+)/(?:issues|pull)/(\d{1,9})(?:[/?#].*)?",
    re.IGNORECASE,
)
_LINEAR_URL = re.compile(
    r"https?://linear\.app/[\w.-]+/issue/([A-Za-z][A-Za-z0-9]{0,9}-\d{1,9})(?:[/?#].*)?",
    re.IGNORECASE,
)
_JIRA_URL = re.compile(
    r"(https?://[\w.-]+)/browse/([A-Za-z][A-Za-z0-9_]{0,19}-\d{1,9})(?:[/?#].*)?", re.IGNORECASE
)
_KEY = re.compile(r"([A-Za-z][A-Za-z0-9_]{0,19}-\d{1,9})")
_GITHUB_SHORT = re.compile(r"([\w.-]+)/([\w.-]+)#(\d{1,9})")
_NAMED = re.compile(r"(github|linear|jira)[: ]\s*(\S+)", re.IGNORECASE)

TICKET_FORMS = (
    "a GitHub issue or pull request URL (or owner/repo#12), a Linear URL or key (ENG-123), "
    "a Jira URL or key (PROJ-42)"
)


@dataclass(frozen=True)
class TicketChange:
    """What a webhook says: ticket `ref` is now `status` (DONE, REOPENED or OPEN)."""

    ref: TicketRef
    status: str
    title: str = ""


@dataclass(frozen=True)
class CreatedTicket:
    ref: TicketRef
    title: str


class TicketMaker(Protocol):
    """A tracker's API that opens tickets (the port; bot/platforms/tickets implements it)."""

    system: str

    def create(self, title: str, body: str) -> CreatedTicket:
        """Open a ticket; a UserError says why the tracker refused."""
        ...


def ticket_label(key: str, title: str, state: str) -> str:
    """A ticket on a loop card: `ENG-123 “Faster export” (shipped)`."""
    named = f"{key} “{title}”" if title else key
    return f"{named} (shipped)" if state == DONE else named


def github_key(repository: str, number: int | str) -> str:
    """The key of GitHub issue or pull request `number` in `owner/repo` (they share numbers)."""
    return f"{repository.lower()}#{number}"


def parse_ticket(text: str, bare_keys: str = EITHER) -> TicketRef:
    """Read a ticket reference; BadInput says which forms are understood.

    A bare `KEY-123` could be Linear's or Jira's: `bare_keys` is the tracker configured
    (LINEAR or JIRA) when only one is, else EITHER: the first webhook naming it decides.
    `linear ENG-1` or `jira:PROJ-42` names the tracker outright.
    """
    text = text.strip().strip("<>").split("|", 1)[0]  # Slack sends <url> or <url|label>
    named = _NAMED.fullmatch(text)
    if named and _KEY.fullmatch(named.group(2)) and named.group(1).lower() != GITHUB:
        return TicketRef(named.group(1).lower(), named.group(2).upper())
    if named:
        text = named.group(2)
    if match := _GITHUB_URL.fullmatch(text):
        repository = f"{match.group(1)}/{match.group(2)}"
        return TicketRef(GITHUB, github_key(repository, match.group(3)), text)
    if match := _GITHUB_SHORT.fullmatch(text):
        repository = f"{match.group(1)}/{match.group(2)}"
        return TicketRef(GITHUB, github_key(repository, match.group(3)))
    if match := _LINEAR_URL.fullmatch(text):
        return TicketRef(LINEAR, match.group(1).upper(), text)
    if match := _JIRA_URL.fullmatch(text):
        return TicketRef(JIRA, match.group(2).upper(), text)
    if _KEY.fullmatch(text):
        return TicketRef(bare_keys, text.upper())
    raise BadInput(f"I can't read “{text[:80]}” as a ticket. A ticket is {TICKET_FORMS}.")


def bare_key_system(linear: bool, jira: bool) -> str:
    """Which tracker a bare KEY-123 belongs to: the one configured, or EITHER when both or
    neither are."""
    if linear and not jira:
        return LINEAR
    if jira and not linear:
        return JIRA
    return EITHER


def system_label(system: str) -> str:
    return {GITHUB: "GitHub", LINEAR: "Linear", JIRA: "Jira"}.get(system, "Linear or Jira")


def same_ticket(stored_system: str, arrived_system: str) -> bool:
    """A stored ticket is the one a webhook names when the trackers agree (or it was bare)."""
    return stored_system in (arrived_system, EITHER)


def hmac_hex(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signature_ok(secret: str, body: bytes, header: str | None, prefix: str = "sha256=") -> bool:
    """True when `header` is `<prefix><hex HMAC-SHA256 of body>` under `secret` (constant time).

    GitHub's X-Hub-Signature-256 and Jira's X-Hub-Signature carry `sha256=`; Linear's
    Linear-Signature is the bare hex (prefix "").
    """
    if not secret or not header or not header.startswith(prefix):
        return False
    return hmac.compare_digest(header[len(prefix) :].strip().lower(), hmac_hex(secret, body))


def fresh(sent_ms: object, now: datetime, window: timedelta = LINEAR_REPLAY_WINDOW) -> bool:
    """A webhook stamped `sent_ms` (milliseconds since the epoch) is fresh within `window` of
    now, either way (clocks drift a little); anything else is a replay or a forgery."""
    if isinstance(sent_ms, bool) or not isinstance(sent_ms, int | float):
        return False
    return abs(now.timestamp() * 1000 - sent_ms) <= window.total_seconds() * 1000
