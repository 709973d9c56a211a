"""Rendering replies as Adaptive Cards (no network)."""

from __future__ import annotations

import json

from bot.core.replies import Button, Field, Reply, Section, Table
from bot.platforms.teams import cards
from handlers.common import loop_buttons
from storage.models import Loop


def _loop_section(number: int) -> Section:
    loop = Loop(workspace_id=1, number=number, customer_id=1, what="ship", owner="aad-1")
    return Section(
        f"#{number} ACME — ship feature {number} with a longer description",
        fields=[
            Field("Owner", "<@aad-1>"),
            Field("Due", "Fri 27 Nov 17:00"),
            Field("State", "open"),
        ],
        buttons=loop_buttons(loop),
    )


def test_fields_are_a_fact_set_and_people_are_named() -> None:
    reply = Reply(
        "<@aad-1> made you the owner of #3",
        sections=[_loop_section(3)],
        footer="Ask <@aad-9|Zed> or <@aad-7>",
    )

    card = cards.reply_card(reply, {"aad-1": "Dana Scully"})

    heading, section, footer = card["body"]
    assert heading["text"] == "Dana Scully made you the owner of #3"
    facts = section["items"][1]
    assert facts["type"] == "FactSet"
    assert facts["facts"][0] == {"title": "Owner", "value": "Dana Scully"}
    assert footer["text"] == "Ask Zed or aad-7"  # unknown people: the name given, else the id
    assert cards.mentioned_ids(reply) == {"aad-1", "aad-9", "aad-7"}


def test_errors_are_marked_and_tables_are_tables() -> None:
    rows = [{"owner": f"<@u{i}>", "open": i, "on_time_rate": None} for i in range(40)]
    reply = Reply("Owners", table=Table(["owner", "open", "on_time_rate"], rows), error=True)

    card = cards.reply_card(reply, {"u0": "Ann"})

    assert card["body"][0]["color"] == "Attention"
    table = card["body"][1]
    assert table["type"] == "Table" and card["version"] == "1.5"
    header, first = table["rows"][:2]
    assert [c["items"][0]["text"] for c in header["cells"]] == ["Owner", "Open", "On-time rate"]
    assert [c["items"][0]["text"] for c in first["cells"]] == ["Ann", "0", "—"]
    assert len(table["rows"]) == 1 + cards.MAX_TABLE_ROWS
    assert "First 25 of 40 rows" in card["body"][2]["text"]


def test_a_card_for_one_loop_may_be_replaced_a_list_may_not() -> None:
    one = cards.reply_card(Reply("x", sections=[_loop_section(1)]), {})
    many = cards.reply_card(Reply("x", sections=[_loop_section(1), _loop_section(2)]), {})

    def submits(card: dict) -> list[dict]:
        found: list[dict] = []
        for block in card["body"][1:]:
            for item in block["items"]:
                if item["type"] == "ActionSet":
                    found += [a["data"] for a in item["actions"] if a["title"] == "Done"]
        return found

    assert submits(one) == [{"action": "done", "loop": "1", "card": "one"}]
    assert submits(many) == [
        {"action": "done", "loop": "1", "card": "many"},
        {"action": "done", "loop": "2", "card": "many"},
    ]


def test_a_long_list_stays_under_teams_message_size() -> None:
    reply = Reply("All open loops: 20", sections=[_loop_section(n) for n in range(1, 21)])

    card = cards.reply_card(reply, {"aad-1": "Dana Scully"})

    assert len(json.dumps(card)) <= cards.MAX_CARD_BYTES
    titles = [
        a["title"]
        for block in card["body"][1:]
        for item in block.get("items", [])
        if item["type"] == "ActionSet"
        for a in item["actions"]
    ]
    assert titles.count("Done") == 20 and titles.count("Customer told") == 20
    assert "snooze 12 tomorrow" in card["body"][-1]["text"]  # the forms left out, said how


def test_the_track_button_hands_back_its_value() -> None:
    reply = Reply(
        "Logged",
        sections=[
            Section(
                "Track this commitment?",
                buttons=[
                    Button(
                        "Track this commitment", "track", "7|19:chan@thread.tacv2|1764", "primary"
                    )
                ],
            )
        ],
    )

    action = cards.reply_card(reply, {})["body"][1]["items"][1]["actions"][0]

    assert action == {
        "type": "Action.Submit",
        "title": "Track this commitment",
        "style": "positive",
        "data": {"action": "track", "value": "7|19:chan@thread.tacv2|1764"},
    }
