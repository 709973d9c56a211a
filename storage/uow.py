"""The unit of work: one session and one transaction per handler call."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.engine import Engine
from sqlmodel import Session

from storage.changes import ChangeRepo
from storage.channels import ChannelLinkRepo
from storage.customers import CustomerRepo
from storage.due_loops import DueLoopRepo
from storage.exports import ExportRepo
from storage.installs import InstallRepo
from storage.loops import FeedbackRepo, LoopRepo
from storage.nudges import NudgeRepo
from storage.plan_facts import PlanFactRepo
from storage.profiles import ProfileRepo
from storage.reports import ReportRepo
from storage.repos import (
    EventRepo,
    SettingRepo,
    UserRepo,
    WorkspaceRepo,
)
from storage.responses import ResponseRepo
from storage.reviews import ReviewRepo
from storage.tickets import TicketRepo
from storage.touchpoints import TouchpointRepo


class UnitOfWork:
    """`with uow: ... uow.commit()`; leaving without commit rolls everything back."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __enter__(self) -> UnitOfWork:
        self.session = Session(self.engine, expire_on_commit=False)
        self.workspaces = WorkspaceRepo(self.session)
        self.users = UserRepo(self.session)
        self.customers = CustomerRepo(self.session)
        self.feedback = FeedbackRepo(self.session)
        self.loops = LoopRepo(self.session)
        self.events = EventRepo(self.session)
        self.changes = ChangeRepo(self.session)
        self.channel_links = ChannelLinkRepo(self.session)
        self.settings = SettingRepo(self.session)
        self.reports = ReportRepo(self.session)
        self.responses = ResponseRepo(self.session)
        self.reviews = ReviewRepo(self.session)
        self.touchpoints = TouchpointRepo(self.session)
        self.exports = ExportRepo(self.session)
        # the follow-up engine's
        self.due_loops = DueLoopRepo(self.session)
        self.nudges = NudgeRepo(self.session)
        self.plan_facts = PlanFactRepo(self.session)
        self.profiles = ProfileRepo(self.session)
        self.tickets = TicketRepo(self.session)
        self.installs = InstallRepo(self.session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # close() rolls back whatever was not committed and detaches the objects with what they
        # had loaded, so a reply can still be built from them after the unit of work ends.
        self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
