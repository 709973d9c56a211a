"""Block Kit rendering: user words verbatim, Slack's text decoded, loops replaced in place."""

from __future__ import annotations

from bot.core.replies import Button, Field, Reply, Section, Table
from bot.platforms.slack.blocks import (
    home_view,
    messages,
    pager,
    replace_loop,
    reply_blocks,
)
from bot.platforms.slack.text import escape, from_slack


def test_user_text_cannot_inject_markup_but_mentions_stay_mentions() -> None:
    assert escape("<!channel> & <https://evil.example.com|click> for <@U123> in <#C9|ops>") == (
        "&lt;!channel&gt; &amp; &lt;https://evil.example.com|click&gt; for <@U123> in <#C9|ops>"
    )


def test_text_from_slack_is_what_the_person_typed() -> None:
    assert from_slack(
        "AT&amp;T &lt;3 <https://acme.example.com|acme.example.com> <mailto:a@b.io|a@b.io> "
        "<!here> <@U1|ann> <#C1|general> <https://x.example.com>"
    ) == ("AT&T <3 acme.example.com a@b.io @here <@U1|ann> <#C1|general> https://x.example.com")


def test_a_loop_section_has_its_fields_and_elements() -> None:
    reply = Reply(
        "Your open loops: 1",
        sections=[
            Section(
                "#12 Acme <Corp> — ship *SSO*",
                fields=[
                    Field("Owner", "<@U1>"),
                    Field("Link", "https://acme.example.com/archives/C1/p1"),
                ],
                buttons=[
                    Button("Done", "done", "12", "primary"),
                    Button("Snooze", "snooze", "12"),
                    Button("Reassign", "reassign", "12"),
                ],
            )
        ],
    )
    section, actions = reply_blocks(reply)[1:]
    assert section["text"]["text"] == "#12 Acme &lt;Corp&gt; — ship *SSO*"
    assert section["block_id"] == "s:12:0" and actions["block_id"] == "a:12:0"
    assert section["fields"][0]["text"] == "*Owner*\n<@U1>"
    assert section["fields"][1]["text"].startswith("*Link*\n<https://acme.example.com/")
    done, snooze, reassign = actions["elements"]
    assert (done["action_id"], done["value"], done["style"]) == ("loop_done", "12", "primary")
    assert snooze["type"] == "static_select" and snooze["options"][0]["value"].startswith("12|")
    assert reassign["type"] == "users_select"


def test_tables_are_readable_lines() -> None:
    table = Table(
        ["customer", "segment", "value", "on_time_rate"],
        [
            {
                "customer": "Acme <Corp>",
                "segment": "enterprise",
                "value": 120000.0,
                "on_time_rate": None,
            },
            {"customer": "Globex", "segment": "smb", "value": 5.0, "on_time_rate": 0.333},
        ],
    )
    (block,) = reply_blocks(Reply("2 customers", table=table))[1:]
    assert block["text"]["text"] == (
        "• *Acme &lt;Corp&gt;* — segment enterprise · value 120,000 · on-time rate —\n"
        "• *Globex* — segment smb · value 5 · on-time rate 33%"
    )


def test_replacing_a_loop_keeps_the_rest_of_the_message() -> None:
    listing = Reply(
        "Loops",
        sections=[
            Section(f"#{n} item", buttons=[Button("Done", "done", str(n))]) for n in (1, 2, 3)
        ],
    )
    blocks = reply_blocks(listing)
    done = Reply("#2 is done.", sections=[Section("#2 item", fields=[Field("State", "done")])])
    replaced = replace_loop(blocks, 2, done)
    ids = [b.get("block_id") for b in replaced]
    assert ids[1:] == ["s:1:0", "a:1:0", "s:2:1", "t:2", "s:3:2", "a:3:2"]
    assert replace_loop(blocks, 9, done) is None


def test_big_replies_fit_slack_limits() -> None:
    long_text = "word " * 2000
    blocks = reply_blocks(Reply(long_text))
    assert all(len(b["text"]["text"]) <= 3000 for b in blocks) and len(blocks) == 4
    many = Reply(
        "Many",
        sections=[Section(f"#{n}", buttons=[Button("Done", "done", str(n))]) for n in range(1, 80)],
    )
    assert len(home_view(many)["blocks"]) <= 100
    assert all(len(chunk) <= 50 for _, chunk in messages(many))


def test_pages_get_previous_and_next_buttons() -> None:
    middle = Reply("Loops", page=2, pages=3)
    (block,) = pager(middle, "list all")
    assert [e["text"]["text"] for e in block["elements"]] == ["‹ Page 1", "Page 3 ›"]
    assert pager(Reply("Loops"), "list all") is None
