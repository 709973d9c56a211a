"""A brief's buttons act on their own line: pressing Done on one loop of an owner's brief updates
that line in place and leaves the others as they were."""

from __future__ import annotations

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
