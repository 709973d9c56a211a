"""What every handler is given: who acts where (Caller) and the parts it works with (Deps)."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine

from bot.core.clock import Clock, SystemClock
from bot.core.tickets import TicketMaker
from bot.core.zones import zone_or
from bot.settings import Settings
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class Caller:
    """The neutral input a platform builds from what arrived.

    `workspace` is the platform's team/tenant id, `user` the platform's user id. `tz` is the
    user's time zone from their profile (None: the workspace default). `is_admin` is what the
    platform says (Slack workspace admins); LOOPKEEPER_ADMINS is added by the handlers.
    `locale` is the user's language and region as the platform sends it (Teams does).
    """

    platform: str
    workspace: str
    user: str
    user_name: str | None = None
    channel: str | None = None
    tz: str | None = None
    is_admin: bool = False
    workspace_name: str = ""
    locale: str | None = None  # "en-GB", when the platform says (numeric dates' order)

    def zone(self, default: ZoneInfo) -> ZoneInfo:
        return zone_or(self.tz, default)


@dataclass
class Deps:
    """The database, the clock and the settings: everything a handler needs besides the caller."""

    engine: Engine
    settings: Settings
    clock: Clock = field(default_factory=SystemClock)
    # The trackers `ticket new` can open tickets on (github, linear), as the wiring configures.
    ticket_makers: dict[str, TicketMaker] = field(default_factory=dict)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.engine)
