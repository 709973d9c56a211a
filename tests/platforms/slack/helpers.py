"""Small helpers the Slack tests share: add a customer, read what was stored."""

from __future__ import annotations

from collections.abc import AsyncIterator

from sqlmodel import select

from handlers import commands
from handlers.context import Caller, Deps
from storage.models import Feedback, Loop, LoopEvent
from tests.support import slack_requests as sr
from tests.support.slack_fixtures import SlackTestApp, slack_deps


def slack_caller(user: str = sr.USER, team: str = sr.TEAM, **kw: object) -> Caller:
    return Caller(platform="slack", workspace=team, user=user, channel=sr.CHANNEL, **kw)  # type: ignore[arg-type]


def add_acme(deps: Deps, team: str = sr.TEAM, owner: str | None = None) -> None:
    text = "customer add Acme Corp aliases ACME, acme.com segment enterprise value 120k"
    if owner:
        text += f" owner <@{owner}>"
    reply = commands.run(deps, slack_caller(team=team), text)
    assert not reply.error, reply.text


def feedback(deps: Deps) -> list[Feedback]:
    with deps.uow() as uow:
        return list(uow.session.exec(select(Feedback).order_by(Feedback.id)))


def loops(deps: Deps) -> list[Loop]:
    with deps.uow() as uow:
        return list(uow.session.exec(select(Loop).order_by(Loop.id)))


def loop_events(deps: Deps) -> list[LoopEvent]:
    with deps.uow() as uow:
        return list(uow.session.exec(select(LoopEvent).order_by(LoopEvent.id)))


async def acme_app(db_url: str, fake: object, clock: object) -> AsyncIterator[SlackTestApp]:
    """A Slack app on `db_url` with the customer Acme, closed after the test."""
    app = SlackTestApp(slack_deps(db_url, fake, clock), fake)  # type: ignore[arg-type]
    add_acme(app.deps)
    yield app
    await app.close()
