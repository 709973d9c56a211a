"""The message shortcut "Log customer feedback": a prefilled modal and its submission."""

from __future__ import annotations

from tests.platforms.slack.helpers import add_acme, feedback
from tests.support import slack_requests as sr


async def open_modal(slack_app, text: str) -> tuple[dict, dict]:  # noqa: ANN001
    message = {"ts": sr.new_ts(), "user": "U0002", "text": text}
    response = await slack_app.post(sr.message_action_body(message))
    assert response.status_code == 200
    return message, (await slack_app.fake.wait_for_async("views.open"))[0].view


async def test_the_modal_is_prefilled_with_text_customer_and_permalink(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    message, modal = await open_modal(slack_app, "acme.com says exports time out &lt;again&gt;")
    inputs = {
        b["block_id"]: b["element"].get("initial_value")
        for b in modal["blocks"]
        if b["type"] == "input"
    }
    assert inputs == {"customer": "Acme Corp", "text": "acme.com says exports time out <again>"}
    link = slack_app.fake.calls("chat.getPermalink")[0]
    assert link.params["message_ts"] == message["ts"]
    assert "/archives/C0001/p" in str(modal["blocks"][-1])


async def test_submitting_logs_the_feedback_and_marks_the_message(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    message, modal = await open_modal(slack_app, "They love the new reports")
    body = sr.view_submission_body(
        modal, {"customer": {"value": "acme"}, "text": {"value": "They love the new reports"}}
    )
    response = await slack_app.post(body)
    assert response.status_code == 200 and response.text == ""  # the modal closes
    await slack_app.settle()
    stored = feedback(slack_app.deps)
    assert [(f.text, f.source, f.message_ts) for f in stored] == [
        ("They love the new reports", "shortcut", message["ts"])
    ]
    assert stored[0].permalink and "/archives/C0001/" in stored[0].permalink
    assert slack_app.fake.calls("reactions.add")[0].params["timestamp"] == message["ts"]
    assert (
        "Logged praise feedback for Acme Corp" in slack_app.fake.calls("chat.postEphemeral")[0].text
    )


async def test_mistakes_are_shown_in_the_modal(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    _, modal = await open_modal(slack_app, "Someone said something")
    unknown = sr.view_submission_body(
        modal, {"customer": {"value": "Acmee"}, "text": {"value": "Too slow"}}
    )
    answer = (await slack_app.post(unknown)).json()
    assert answer["response_action"] == "errors"
    assert "Acme Corp" in answer["errors"]["customer"]  # the closest known customer
    empty = sr.view_submission_body(modal, {"customer": {"value": ""}, "text": {"value": ""}})
    assert set((await slack_app.post(empty)).json()["errors"]) == {"customer", "text"}
    assert feedback(slack_app.deps) == []


async def test_outside_the_bots_channels_the_answer_comes_as_a_dm(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    message, modal = await open_modal(slack_app, "ACME wants audit logs")
    slack_app.fake.fail_next("chat.postEphemeral", status=200, error="not_in_channel")
    body = sr.view_submission_body(
        modal, {"customer": {"value": "ACME"}, "text": {"value": "ACME wants audit logs"}}
    )
    assert (await slack_app.post(body)).status_code == 200
    await slack_app.settle()
    dm = slack_app.fake.calls("chat.postMessage")[0]
    assert dm.params["channel"] == "D0001" and "Logged request feedback" in dm.text
