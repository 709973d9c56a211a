"""Every request is signed by Slack: forged or stale ones are refused; tokens never logged."""

from __future__ import annotations

import logging
import time

from tests.platforms.slack.helpers import add_acme, feedback
from tests.support import slack_requests as sr


async def test_url_verification_answers_the_challenge(slack_app) -> None:  # noqa: ANN001
    response = await slack_app.post(sr.url_verification_body("c-123"))
    assert response.status_code == 200 and response.json() == {"challenge": "c-123"}


async def test_forged_signatures_are_refused_and_change_nothing(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    body = sr.event_body(sr.message_event("ACME wants SSO"))
    forged = await slack_app.post(body, secret="not-the-secret")
    assert forged.status_code == 401
    unsigned = await slack_app.client.post("/slack/events", content=body)
    assert unsigned.status_code == 401
    command = await slack_app.post(sr.command_body("help"), secret="guess")
    assert command.status_code == 401
    assert feedback(slack_app.deps) == []


async def test_stale_timestamps_are_refused(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    old = int(time.time()) - 6 * 60  # a replay from more than five minutes ago
    response = await slack_app.post(
        sr.event_body(sr.message_event("ACME wants SSO")), timestamp=old
    )
    assert response.status_code == 401
    assert feedback(slack_app.deps) == []


async def test_the_workspace_of_the_request_scopes_what_it_sees(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps, team="T0001")
    await slack_app.post(
        sr.event_body(sr.message_event("ACME wants SSO", team="T0002"), team="T0002")
    )
    response = await slack_app.post(sr.command_body("customers", team="T0002"))
    assert "No customers yet" in response.text
    assert feedback(slack_app.deps) == []  # ACME is a customer of T0001 only


async def test_tokens_never_reach_the_log(slack_app, caplog) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    caplog.set_level(logging.DEBUG)
    logging.getLogger("tests").debug("token=%s", slack_app.deps.settings.slack_bot_token)
    await slack_app.event(sr.message_event("ACME wants SSO"))
    await slack_app.command("list")
    await slack_app.settle()
    assert slack_app.fake.calls("reactions.add")
    assert caplog.records  # the SDK and Bolt did log at DEBUG
    logged = caplog.text + "".join(r.getMessage() for r in caplog.records)
    assert slack_app.deps.settings.slack_bot_token not in logged
    assert sr.SECRET not in logged


async def test_a_shared_channel_message_belongs_to_the_workspace_that_installed_us(
    slack_app,  # noqa: ANN001
) -> None:
    """In a Slack Connect channel the envelope's team_id is the speaker's workspace; the
    installing workspace is authorizations[0] (where Bolt looks too): its customers match."""
    import json

    add_acme(slack_app.deps, team="T0001")
    envelope = json.loads(sr.event_body(sr.message_event("ACME wants SSO", team="T0002"), "T0002"))
    envelope["authorizations"][0]["team_id"] = "T0001"
    envelope["is_ext_shared_channel"] = True
    response = await slack_app.post(json.dumps(envelope).encode())
    assert response.status_code == 200
    assert [f.text for f in feedback(slack_app.deps)] == ["ACME wants SSO"]
