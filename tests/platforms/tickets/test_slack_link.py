"""`/loop link` and `/loop ticket` as Slack sends them (signed slash commands, URLs in <…>)."""

from __future__ import annotations

import json

from tests.platforms.slack.helpers import add_acme, loops


def answer(response) -> tuple[str, str]:  # noqa: ANN001
    body = response.json()
    return body.get("response_type", ""), json.dumps(body.get("blocks", []), ensure_ascii=False)


async def test_a_ticket_linked_from_slack_shows_on_the_loop(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    await slack_app.command("commit ACME: stream the CSV export")
    url = "https://github.com/acme/app/issues/12"
    kind, text = answer(await slack_app.command(f"link 1 <{url}|acme/app#12>"))
    assert kind == "ephemeral" and "Linked #1 to acme/app#12 (GitHub)" in text
    _, listed = answer(await slack_app.command("list all"))
    assert "Ticket" in listed and "acme/app#12" in listed
    _, shown = answer(await slack_app.command("ticket acme/app#12"))
    assert "1 customer" in shown and "#1 stream the CSV export" in shown


async def test_a_bad_ticket_is_an_ephemeral_error_and_changes_nothing(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    await slack_app.command("commit ACME: stream the CSV export")
    kind, text = answer(await slack_app.command("link 1 the roadmap"))
    assert kind == "ephemeral" and "Usage" in text
    kind, text = answer(await slack_app.command("link 1 roadmap"))
    assert kind == "ephemeral" and "can't read “roadmap” as a ticket" in text
    assert [lp.state for lp in loops(slack_app.deps)] == ["open"]
