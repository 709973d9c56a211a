"""Issue 13, item 8 on Slack: a signed action carrying values we never wrote (a non-numeric
value, an odd block_id, a page value that is not JSON, an update form without its loop number)
is a clear ephemeral answer and changes nothing, never a 500."""

from __future__ import annotations

import pytest

from bot.platforms.slack.blocks import UPDATE_MODAL
from handlers import commands
from tests.platforms.slack.helpers import add_acme, loop_events, loops, slack_caller
from tests.support import slack_requests as sr

DAMAGED = [
    sr.button("loop_done", "one"),
    sr.button("loop_done", "1e9"),
    sr.button("loop_cancel", "-1"),
    sr.button("loop_done", "9" * 5000),
    sr.select("loop_snooze", "x|tomorrow"),
    sr.user_select("loop_reassign", "U0002", block_id="odd"),
    sr.user_select("loop_reassign", "U0002", block_id="reassign:abc"),
    sr.button("loop_update", "#1"),
    sr.button("loop_page_next", "not json"),
    sr.button("loop_page_next", '{"text": "list all"}'),
    sr.button("loop_page_next", "[1, 2]"),
]


def state(deps) -> tuple[list[tuple[str, str]], int]:  # noqa: ANN001
    return [(lp.state, lp.owner) for lp in loops(deps)], len(loop_events(deps))


@pytest.mark.parametrize(
    "action", DAMAGED, ids=[f"{a['action_id']}-{i}" for i, a in enumerate(DAMAGED)]
)
async def test_a_damaged_button_is_an_ephemeral_not_a_500(slack_app, action) -> None:  # noqa: ANN001
    """Catches: int("one") or json.loads("not json") in a listener answering 500."""
    add_acme(slack_app.deps)
    assert not commands.run(slack_app.deps, slack_caller(), "commit ACME: ship SSO").error
    before = (
        [(lp.state, lp.owner) for lp in loops(slack_app.deps)],
        len(loop_events(slack_app.deps)),
    )
    body = sr.block_actions_body(action, response_url=slack_app.fake.response_url("damaged"))
    response = await slack_app.post(body)
    assert response.status_code == 200
    (said,) = await slack_app.fake.wait_for_async("response_url")
    assert "out of date" in said.text and said.params["response_type"] == "ephemeral"
    assert state(slack_app.deps) == before


@pytest.mark.parametrize("metadata", ["", "{}", "not json", '{"number": "x"}', "[]"])
async def test_an_update_form_without_its_loop_number_says_so(slack_app, metadata: str) -> None:  # noqa: ANN001
    """Catches: an update modal submitted without a loop number answering 500."""
    view = {"type": "modal", "callback_id": UPDATE_MODAL, "private_metadata": metadata}
    response = await slack_app.post(
        sr.view_submission_body(view, {"update": {"text": "spoke to them"}})
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["response_action"] == "errors" and "out of date" in answer["errors"]["update"]
