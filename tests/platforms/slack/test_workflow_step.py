"""The Workflow Builder step "Track a customer commitment": a signed `function_executed` event
makes the loop `/loop commit` would, completes the step with its number and link through the
run's own token, fails it in words a workflow author can act on, and makes one loop per run."""

from __future__ import annotations

import json

import pytest

from tests.platforms.slack.helpers import add_acme, loop_events, loops
from tests.support import slack_requests as sr
from tests.support.slack_fixtures import until


@pytest.fixture
def slack_app_url(db_url: str) -> str:
    return db_url  # every test here on SQLite and PostgreSQL


async def run_step(slack_app, execution: str, inputs: dict, retry_num: int | None = None):  # noqa: ANN001, ANN201
    """Deliver one run of the step (the same run again: same event id, `retry_num`)."""
    token = slack_app.fake.function_token(execution)
    event = sr.function_executed_event(execution, token, inputs)
    response = await slack_app.event(event, event_id=f"Ev-{execution}", retry_num=retry_num)
    await slack_app.settle()
    return response


def outcome(slack_app, execution: str) -> tuple[str, dict]:  # noqa: ANN001
    """The run's last completion: its method and what it carried (outputs decoded)."""
    call = slack_app.fake.completions(execution)[-1]
    return call.method, {**call.params, "outputs": completed_with(call)}


def completed_with(call) -> dict | None:  # noqa: ANN001
    outputs = call.params.get("outputs")
    return json.loads(outputs) if isinstance(outputs, str) else outputs


async def test_the_step_makes_the_loop_and_completes_with_its_number_and_link(
    slack_app,  # noqa: ANN001
) -> None:
    """Also catches complete() sent by Bolt's own client rather than our one Web API caller:
    the first completeSuccess is rate limited, and only ours waits it out and sends it again."""
    add_acme(slack_app.deps)
    slack_app.fake.fail_next("functions.completeSuccess", status=429, retry_after=0)
    inputs = {"customer": "ACME", "what": "send the SOC2 report", "owner": "U0042", "due": "Friday"}
    response = await run_step(slack_app, "Fx0001", inputs)
    assert response.status_code == 200

    [loop] = loops(slack_app.deps)
    assert (loop.what, loop.owner, loop.number) == ("send the SOC2 report", "U0042", 1)
    assert loop.due_at.isoformat() == "2026-11-27T17:00:00+00:00"  # Friday, end of day (UTC)
    method, params = outcome(slack_app, "Fx0001")
    assert method == "functions.completeSuccess"
    assert params["outputs"] == {
        "loop_number": 1,
        "loop_link": f"slack://app?team={sr.TEAM}&id={sr.APP}&tab=home",
    }
    # Completed with the run's token, never the bot token (Slack refuses that).
    completion = slack_app.fake.completions("Fx0001")[0]
    assert (
        completion.headers["Authorization"] == f"Bearer {slack_app.fake.function_token('Fx0001')}"
    )
    # The owner hears of the loop, as with `/loop commit … owner @them`.
    dm = slack_app.fake.wait_for("chat.postMessage")[0]
    assert dm.params["channel"] == "D0042" and "#1" in dm.text and "SOC2" in dm.text
    assert "Undo" not in dm.text  # the change is the workflow's, not the owner's to undo


async def test_a_timestamp_due_and_no_due_at_all_are_both_understood(slack_app) -> None:  # noqa: ANN001
    add_acme(slack_app.deps)
    inputs = {"customer": "acme.com", "what": "call back", "owner": "U0042"}
    await run_step(slack_app, "Fx0002", {**inputs, "due": 1796140800})  # 2026-12-01 16:00 UTC
    await run_step(slack_app, "Fx0003", inputs)
    first, second = loops(slack_app.deps)
    assert first.due_at.isoformat() == "2026-12-01T16:00:00+00:00"
    assert second.due_at.isoformat() == "2026-11-27T17:00:00+00:00"  # 3 working days
    assert [outcome(slack_app, x)[0] for x in ("Fx0002", "Fx0003")] == [
        "functions.completeSuccess"
    ] * 2


@pytest.mark.parametrize(
    ("inputs", "said"),
    [
        (
            {"customer": "Acmee", "what": "send the report", "owner": "U0042"},
            "No customer called “Acmee”. Did you mean Acme Corp? "
            "Add customers with /loop customer add.",
        ),
        (
            {"customer": "ACME", "what": "send the report", "owner": "U0042", "due": "Frday"},
            "“Frday”",
        ),
        ({"customer": "ACME", "what": "  ", "owner": "U0042"}, "The step's What input is empty"),
        (
            {"customer": "ACME", "what": "x" * 2001, "owner": "U0042"},
            "The step's What input is 2,001 characters long",
        ),
        (
            {"customer": "ACME", "what": "send it", "owner": "ann"},
            "The step's Owner input must be a person",
        ),
        (
            {"customer": "ACME", "what": "send it", "owner": "U0042", "due": 1577836800},
            "The step's Due input is Wed 01 Jan 2020",
        ),
    ],
    ids=[
        "unknown customer",
        "unreadable due",
        "missing what",
        "what too long",
        "owner not a user",
        "past due",
    ],
)
async def test_bad_inputs_fail_the_step_in_words_an_author_can_act_on(
    slack_app,  # noqa: ANN001
    inputs: dict,
    said: str,
) -> None:
    add_acme(slack_app.deps)
    response = await run_step(slack_app, "Fx0100", inputs)
    assert response.status_code == 200
    method, params = outcome(slack_app, "Fx0100")
    assert method == "functions.completeError"
    assert params["error"].startswith("Loopkeeper couldn't track this commitment. ")
    assert said in params["error"]
    assert "`" not in params["error"]  # plain words: Workflow Builder shows no markdown
    assert loops(slack_app.deps) == []


async def test_a_run_delivered_again_stays_one_loop_and_completes_with_the_same_number(
    slack_app,  # noqa: ANN001
) -> None:
    """Catches a step keyed on nothing (or on the event's delivery): Slack's redelivery of the
    same run (same function_execution_id) would make a second loop and a second DM."""
    add_acme(slack_app.deps)
    inputs = {"customer": "ACME", "what": "ship SSO", "owner": "U0042"}
    await run_step(slack_app, "Fx0200", inputs)
    await run_step(slack_app, "Fx0200", inputs, retry_num=1)
    await run_step(slack_app, "Fx0201", {**inputs, "what": "ship SCIM"})  # another run: a loop

    assert [(lp.number, lp.what) for lp in loops(slack_app.deps)] == [
        (1, "ship SSO"),
        (2, "ship SCIM"),
    ]
    again = slack_app.fake.completions("Fx0200")
    assert [completed_with(c)["loop_number"] for c in again] == [1, 1]
    assert len([e for e in loop_events(slack_app.deps) if e.kind == "created"]) == 2
    await until(lambda: len(slack_app.fake.answered("chat.postMessage")) >= 2)
    dms = slack_app.fake.answered("chat.postMessage")
    told = [d.params["text"].split(":")[0] for d in dms]
    assert told == [f"<@{sr.BOT_USER}> made you the owner of #{n} for Acme Corp" for n in (1, 2)]
