"""`ticket new` opens a GitHub or Linear issue through fake APIs on 127.0.0.1 and links it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.platforms.tickets.makers import ticket_makers
from handlers import commands
from handlers.context import Deps
from storage.db import make_engine
from tests.conftest import make_settings, person
from tests.support.fake_trackers import FakeTrackers

alice = person("alice")


@pytest.fixture
def fake() -> Iterator[FakeTrackers]:
    with FakeTrackers() as trackers:
        yield trackers


def deps_with(url: str, clock, fake: FakeTrackers, **env: str) -> Deps:  # noqa: ANN001
    settings = make_settings(url, **env)
    return Deps(make_engine(url), settings, clock, ticket_makers=ticket_makers(settings))


def both(url: str, clock, fake: FakeTrackers) -> Deps:  # noqa: ANN001
    return deps_with(
        url,
        clock,
        fake,
        GITHUB_TOKEN="ghp_test",
        GITHUB_REPOSITORY="acme/app",
        GITHUB_API_URL=fake.url,
        LINEAR_API_KEY="lin_api_test",
        LINEAR_TEAM="team-uuid",
        LINEAR_API_URL=f"{fake.url}/graphql",
    )


def say(deps: Deps, text: str):  # noqa: ANN201
    return commands.run(deps, alice, text)


def setup_loop(deps: Deps) -> None:
    assert not say(deps, "customer add Acme Corp aliases ACME value 120k owner @alice").error
    assert not say(deps, "feedback ACME: the CSV export times out at 10k rows").error
    assert not say(deps, "commit ACME: stream the CSV export").error


def test_github_issue_opened_with_the_customer_and_quotes_and_linked(
    sqlite_url, clock, fake
) -> None:  # noqa: ANN001
    deps = both(sqlite_url, clock, fake)
    setup_loop(deps)
    assert "say which" in say(deps, "ticket new 1").text  # both configured
    reply = say(deps, "ticket new 1 github")
    assert not reply.error, reply.text
    assert "Opened acme/app#41" in reply.text and "linked it to #1" in reply.text
    path, headers, body = fake.requests[-1]
    assert path == "/repos/acme/app/issues" and headers["Authorization"] == "Bearer ghp_test"
    assert body["title"] == "stream the CSV export (Acme Corp)"
    assert "the CSV export times out at 10k rows" in body["body"] and "120,000" in body["body"]
    assert "1 customer" in say(deps, "ticket acme/app#41").text


def test_linear_issue_opened_and_linked(sqlite_url, clock, fake) -> None:  # noqa: ANN001
    deps = both(sqlite_url, clock, fake)
    setup_loop(deps)
    reply = say(deps, "ticket new #1 linear")
    assert "Opened ENG-41" in reply.text, reply.text
    path, headers, body = fake.requests[-1]
    assert path == "/graphql" and headers["Authorization"] == "lin_api_test"
    assert body["variables"]["input"]["teamId"] == "team-uuid"
    assert "#1 stream the CSV export" in say(deps, "ticket linear:ENG-41").plain()


def test_a_refusal_is_friendly_and_links_nothing(sqlite_url, clock, fake) -> None:  # noqa: ANN001
    deps = both(sqlite_url, clock, fake)
    setup_loop(deps)
    fake.refuse = 401
    reply = say(deps, "ticket new 1 github")
    assert reply.error and "GitHub refused the ticket (401: Bad credentials)" in reply.text
    assert "Nothing is linked" in say(deps, "ticket acme/app#41").text


def test_only_configured_trackers_open_tickets(sqlite_url, clock, fake) -> None:  # noqa: ANN001
    deps = deps_with(sqlite_url, clock, fake, GITHUB_TOKEN="t", GITHUB_REPOSITORY="acme/app")
    setup_loop(deps)
    reply = say(deps, "ticket new 1 linear")
    assert reply.error and "set GITHUB_TOKEN and GITHUB_REPOSITORY, or LINEAR_API_KEY" in reply.text
    assert not fake.requests
