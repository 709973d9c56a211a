"""A brief's buttons act on their own line: pressing Done on one loop of an owner's brief updates
that line in place and leaves the others as they were."""

from __future__ import annotations

import json

from bot.platforms.slack.blocks import reply_blocks
from handlers.nudges import brief, nudge_reply
from storage.due_loops import HistorySummary
from tests.platforms.slack.helpers import loops
from tests.platforms.slack.test_buttons import OWNER, app, element, loop_message  # noqa: F401
from tests.support import slack_requests as sr
from tests.support.slack_fixtures import SlackTestApp


def brief_message(app: SlackTestApp) -> dict:  # noqa: F811
    """Loops #1–#3 (owner U0007) as one brief, the way a sweep sends them."""
    for _ in range(3):
        loop_message(app)
    now, zone = app.deps.clock.now(), app.deps.settings.zone
    shown = brief(
        [
            nudge_reply("at_due", loop, "Acme Corp", zone, now, HistorySummary({}, None))
            for loop in loops(app.deps)
        ]
    )
    return {"ts": sr.new_ts(), "text": shown.text, "blocks": reply_blocks(shown)}


def _line(blocks: list[dict], number: int) -> list[dict]:
    return [b for b in blocks if str(b.get("block_id", "")).split(":")[:2] in (
        ["s", str(number)], ["a", str(number)])]  # fmt: skip


async def test_done_on_one_line_of_a_brief_changes_that_line_only(app) -> None:  # noqa: ANN001, F811
    """Breakage caught: the whole brief replaced by the one loop's card (the owner loses the
    other loops' buttons), or the clicked line left as it was."""
    message = brief_message(app)
    done, block_id = element(_line(message["blocks"], 2), "loop_done")
    response = await app.post(
        sr.block_actions_body(
            sr.button("loop_done", done["value"], block_id),
            user=OWNER,
            channel="D0007",
            message=message,
        )
    )
    assert response.status_code == 200
    await app.settle()
    assert [lp.state for lp in loops(app.deps)] == ["open", "done", "open"]
    update = app.fake.calls("chat.update")[0]
    assert update.params["ts"] == message["ts"]
    for other in (1, 3):  # the other lines are as they were, buttons and all
        assert _line(update.blocks, other) == _line(message["blocks"], other)
    clicked = [e.get("action_id") for b in _line(update.blocks, 2) for e in b.get("elements", [])]
    assert "loop_done" not in clicked  # the clicked line moved on: no Done button any more
    assert any(b.get("block_id") == "t:2" for b in update.blocks)  # and says what changed


async def test_a_loop_acted_on_in_one_brief_says_it_moved_on_in_its_other_briefs(app) -> None:  # noqa: ANN001, F811
    """Friday's brief and Monday's both list #1–#3; Done on #2 in Monday's updates that line in
    place and redraws Friday's with #2 moved on and no buttons, #1 and #3 still offered.
    Breakage caught: an older brief still offering Done on a loop that is done."""
    from datetime import UTC, datetime

    from bot.wiring.sweeper import sweep
    from tests.followups.helpers import nudge_rows

    for _ in range(3):
        loop_message(app)  # due Friday 27 Nov 17:00, owner U0007
    delivery = app.bot.parts.delivery
    for moment in (
        datetime(2026, 11, 27, 17, 0, tzinfo=UTC),
        datetime(2026, 11, 30, 8, 0, tzinfo=UTC),
    ):
        app.deps.clock.set(moment)
        assert len(await sweep(app.deps, {"slack": delivery})) == 3  # one brief each time
    sent = {(n.channel, n.message_ts) for n in nudge_rows(app.deps)}
    friday, monday = sorted(sent, key=lambda ref: float(ref[1]))
    briefs = [c for c in app.fake.calls("chat.postMessage") if len(c.blocks) > 6]
    assert len(briefs) == 2
    message = {"ts": monday[1], "text": "brief", "blocks": briefs[1].blocks}
    done, block_id = element(_line(message["blocks"], 2), "loop_done")
    click = sr.button("loop_done", done["value"], block_id)
    body = sr.block_actions_body(click, user=OWNER, channel=monday[0], message=message)
    assert (await app.post(body)).status_code == 200
    await app.settle()
    updates = {c.params["ts"]: c for c in app.fake.calls("chat.update")}
    assert set(updates) == {friday[1], monday[1]}
    redrawn = updates[friday[1]]
    shown = json.dumps(redrawn.blocks, ensure_ascii=False)
    assert "✅ Moved on: done, customer not told yet\\n*#2 Acme Corp — ship SSO*" in shown
    offered = {
        e.get("value") for b in redrawn.blocks for e in b.get("elements", []) if e.get("action_id")
    }
    assert "2" not in offered and {"1", "3"} <= offered  # no button acts on #2 any more
