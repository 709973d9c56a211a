"""SQL, Block Kit and mrkdwn typed into customer names and feedback travel through the real
Slack HTTP path and come back verbatim: the database row holds exactly what was typed, the
tables are all still there, and the Block Kit sent back shows the characters instead of acting
on them (no @channel, no link, no extra block). On SQLite and on PostgreSQL."""

from __future__ import annotations

import json

import pytest

from handlers import reports
from tests.platforms.slack.helpers import feedback
from tests.proof.db import count, rows
from tests.support import slack_requests as sr

NAME = "Robert'); DROP TABLE feedback;--"
ALIAS = "O'Brien & Sons <Ltd>"
SAID = (
    "Robert'); DROP TABLE feedback;-- says: <!channel> *urgent* _now_ ~gone~ `x` "
    '<http://127.0.0.1/evil|click here> & {"type": "actions", "elements": []} '
    "\"quoted\" \\ back\\slash 😀 ' OR '1'='1"
)
RAW_MARKUP = ["<!channel>", "<http://127.0.0.1/evil|click here>", "& {"]


@pytest.fixture
def slack_app_url(db_url: str) -> str:
    """`slack_app` on each backend, not only SQLite."""
    return db_url


def as_slack_sends(typed: str) -> str:
    """Slack escapes &, < and > in what people type before sending it to apps."""
    return typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def walk(node: object) -> list[dict]:
    """Every object inside a Block Kit tree."""
    found = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found += walk(value)
    elif isinstance(node, list):
        for item in node:
            found += walk(item)
    return found


def shown(response) -> tuple[str, list[dict]]:  # noqa: ANN001
    blocks = response.json().get("blocks", [])
    texts = [o["text"] for o in walk(blocks) if isinstance(o.get("text"), str)]
    return "\n".join(texts), blocks


async def test_injection_is_stored_and_shown_verbatim(slack_app) -> None:  # noqa: ANN001
    added = await slack_app.command(as_slack_sends(f"customer add {NAME} aliases {ALIAS}"))
    assert added.status_code == 200, added.text
    event = sr.message_event(as_slack_sends(SAID))
    assert (await slack_app.event(event)).status_code == 200
    await slack_app.command(as_slack_sends(f"feedback {ALIAS}: {SAID}"))
    await slack_app.command(as_slack_sends(f"commit {ALIAS}: fix {SAID} by Friday"))
    await slack_app.settle()

    engine = slack_app.deps.engine
    assert [r["name"] for r in rows(engine, "SELECT name FROM customer")] == [NAME]
    assert {r["alias"] for r in rows(engine, "SELECT alias FROM customer_alias")} == {NAME, ALIAS}
    assert [f.text for f in feedback(slack_app.deps)] == [SAID, SAID]
    assert [r["what"] for r in rows(engine, "SELECT what FROM loop")] == [f"fix {SAID}"]
    assert count(engine, "feedback") == 2  # the table is still there

    timeline = await slack_app.command(as_slack_sends(f"customer {ALIAS}"))
    listing = await slack_app.command("list all")
    checked = 0
    for response in (timeline, listing):
        text, blocks = shown(response)
        assert f"{NAME} — fix {NAME} says: {as_slack_sends('<!channel>')}" in text
        for markup in RAW_MARKUP:  # shown as characters, never acted on by Slack
            assert markup not in text, (markup, text)
        # The JSON in the text stays text: no block or element came from it.
        injected = [o for o in walk(blocks) if o.get("type") == "actions" and not o.get("elements")]
        assert injected == []
        checked += len(blocks)
    assert as_slack_sends(ALIAS) in shown(timeline)[0]  # the aliases line
    # The report a script reads gives back exactly what was typed.
    table = reports.table_for_cli(slack_app.deps, "feedback", sr.TEAM)
    assert [(r["customer"], r["text"]) for r in table.rows] == [(NAME, SAID), (NAME, SAID)]
    print(
        f"\ninjection: name, alias, 2 feedback texts and a loop stored verbatim; {checked} "
        "blocks read back, none acting on the typed markup"
    )


async def test_a_customer_name_with_markup_is_shown_as_characters_in_buttons_and_fields(
    slack_app,  # noqa: ANN001
) -> None:
    await slack_app.command(as_slack_sends("customer add <!here> Corp aliases HC Inc"))
    await slack_app.command("commit HC Inc: call back by Friday")
    response = await slack_app.command("list all")
    text, blocks = shown(response)
    assert "<!here>" not in json.dumps(blocks) and "&lt;!here&gt; Corp" in text
