"""Issue 13 on Teams: the token is checked before a byte of the body is read, the body is capped
and no nesting of JSON is a 500 (item 3)."""

from __future__ import annotations

import json
import time

from tests.platforms.teams.conftest import TeamsClient
from tests.proof.db import rows
from tests.support.fake_teams import Teams, TeamsUser
from tests.support.raw_http import MOST_TAKEN, send_chunked


def test_teams_reads_no_body_before_the_token(teams: TeamsClient) -> None:
    """Catches: /api/messages parsing any size of JSON before checking the token (100 MB took
    the server from 96 to 420 MB)."""
    status, sent = send_chunked(teams.url, {"Authorization": "Bearer not-a-token"})
    assert status == 401
    assert sent < MOST_TAKEN, f"the server read {sent} MB"


def test_teams_caps_the_body_even_with_a_valid_token(teams: TeamsClient) -> None:
    """Catches: an authenticated sender's body read whole, however large."""
    token = teams.bf.key.token(teams.bf.service_url)
    status, sent = send_chunked(teams.url, {"Authorization": f"Bearer {token}"})
    assert status == 413
    assert sent < MOST_TAKEN, f"the server read {sent} MB"


def test_deeply_nested_teams_json_is_a_400_not_a_500(teams: TeamsClient, dana: TeamsUser) -> None:
    """Catches: JSON nested past Python's recursion limit answering 500 with a traceback."""
    activity = teams.teams.personal(dana, "help")
    token = teams.bf.key.token(activity["serviceUrl"])
    for depth in (100_000, 500):
        body = json.dumps(activity)[:-1] + ', "value": ' + "[" * depth + "]" * depth + "}"
        response = teams.http.post(
            teams.url,
            content=body,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        assert response.status_code == 400, depth
    assert teams.post(activity).status_code == 200


def test_a_huge_teams_command_is_refused_before_it_is_read(
    teams: TeamsClient,
    bot_framework,
    dana: TeamsUser,  # noqa: ANN001
) -> None:
    """Catches (item 4): `commit X: by by by …`, 27,000 characters, holding the bot for 17.6 s.
    Baseline: a normal command answered in the same test."""
    teams.say(dana, "customer add X")
    started = time.perf_counter()
    teams.say(dana, "commit X: ship it by Friday")
    baseline = time.perf_counter() - started
    took = []  # refused, so nothing changes: the quickest of three, one pause cannot fail it
    for _ in range(3):
        started = time.perf_counter()
        teams.say(dana, "commit X: " + "by " * 9_000)
        took.append(time.perf_counter() - started)
        assert "at most 2,000" in bot_framework.posts()[-1].text
    assert min(took) - baseline < 1.0, (baseline, took)


def test_typed_markdown_is_shown_as_text_in_cards(
    teams: TeamsClient,
    bot_framework,
    dana: TeamsUser,  # noqa: ANN001
) -> None:
    """Catches (item 5): a customer name, feedback or loop text going into a TextBlock as
    Markdown, so `[Click to verify](https://example.com/login)` rendered as a link."""
    teams.say(dana, "customer add Evil [Click to verify](https://example.com/login) aliases evil")
    teams.say(dana, "commit evil: *urgent* [login](https://example.com/login)")
    teams.say(dana, "list all")
    card = json.dumps([s.cards for s in bot_framework.posts()])
    assert "[Click to verify](" not in card and "[login](" not in card
    assert "\\\\[Click to verify\\\\](https://example.com/login)" in card


def test_the_feedback_dialog_rebuilds_the_permalink_on_the_server(
    teams: TeamsClient,
    teams_deps,
    dana: TeamsUser,
    fox: TeamsUser,  # noqa: ANN001
) -> None:
    """Catches (item 5): the message-action dialog storing and showing the permalink the
    client sent back (a forged one pointed at a phishing page)."""
    teams.say(dana, "customer add ACME")
    fetch = teams.teams.fetch_task(dana, fox, "<p>ACME wants an audit log</p>")
    message_id = fetch["value"]["messagePayload"]["id"]
    data = {
        "permalink": "https://example.com/login",
        "messageId": message_id,
        "channel": "19:forged@thread.tacv2",
        "customer": "ACME",
        "text": "ACME wants an audit log",
    }
    assert teams.post(teams.teams.submit_action(dana, data)).status_code == 200
    (stored,) = rows(teams_deps.engine, "SELECT permalink, channel FROM feedback")
    assert stored["permalink"].startswith("https://teams.microsoft.com/l/message/")
    assert "evil" not in json.dumps(stored) and "forged" not in json.dumps(stored)


def test_a_card_never_exceeds_what_teams_accepts(
    teams: TeamsClient,
    bot_framework,
    dana: TeamsUser,  # noqa: ANN001
) -> None:
    """Catches (item 8): cards of up to 92 KB sent although Teams refuses ~28 KB."""
    teams.say(dana, "customer add ACME")
    for n in range(25):
        teams.say(dana, f"commit ACME: {'long promise text ' * 100} {n}")
    teams.say(dana, "list all")
    sizes = [len(json.dumps(c).encode()) for s in bot_framework.posts() for c in s.cards]
    assert max(sizes) <= 28_000, max(sizes)
    assert "left out" in bot_framework.posts()[-1].text


def test_with_teams_tenant_id_set_other_tenants_are_refused(
    teams: TeamsClient,
    teams_deps,
    bot_framework,
    dana: TeamsUser,  # noqa: ANN001
) -> None:
    """Catches (item 9): with TEAMS_TENANT_ID set, activities of any other tenant (a valid Bot
    Framework token says nothing about the tenant) still accepted."""
    other = Teams(bot_framework.service_url, tenant="00000000-0000-0000-0000-0000000000ff")
    response = teams.post(other.personal(dana, "customer add Intruder Inc"))
    assert response.status_code == 403
    assert rows(teams_deps.engine, "SELECT * FROM customer") == []
    teams.say(dana, "customer add Ours Inc")  # the bot's own tenant is served
    assert len(rows(teams_deps.engine, "SELECT * FROM customer")) == 1


def test_a_typed_mention_in_teams_is_text_not_a_person(
    teams: TeamsClient,
    teams_deps,
    bot_framework,
    dana: TeamsUser,
    fox: TeamsUser,  # noqa: ANN001
) -> None:
    """Catches (item 2): `<@id>` typed in Teams (sent raw or as `&lt;@id&gt;`) read as a real
    mention once decoded, so `owner <@someone>` named whoever the typist chose; and (item 9)
    direction controls shown in cards."""
    teams.say(fox, "list")  # fox is known to the bot
    teams.say(dana, "customer add ACME")
    fox_id = fox.aad
    assert rows(teams_deps.engine, "SELECT 1 FROM chat_user WHERE external_id = :f", f=fox_id)
    for typed in (f"<@{fox_id}>", f"&lt;@{fox_id}&gt;"):
        teams.say(dana, f"commit ACME: call back owner {typed}")
    owners = {r["owner"] for r in rows(teams_deps.engine, "SELECT owner FROM loop")}
    assert owners == {dana.aad}
    teams.say(dana, "commit ACME: invoice\u202egpj.exe")
    teams.say(dana, "list all")
    assert "\u202e" not in json.dumps([s.cards for s in bot_framework.posts()], ensure_ascii=False)
