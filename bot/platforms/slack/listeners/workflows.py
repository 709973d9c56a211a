"""The Workflow Builder step "Track a customer commitment" (a custom function, `function_executed`):
its inputs become the commitment `/loop commit` records; `complete()` hands the workflow the
loop's number and link, `fail()` tells the workflow's author what to fix."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.complete.async_complete import AsyncComplete
from slack_bolt.context.fail.async_fail import AsyncFail

from bot.core import grammar
from bot.core.command_types import UserRef
from bot.core.errors import BadInput
from bot.platforms.slack import send
from bot.platforms.slack.inbound import as_reply, team_of
from bot.platforms.slack.parts import SlackParts
from handlers import workflow_steps
from handlers.workflow_steps import Tracked

log = logging.getLogger(__name__)

TRACK_STEP = "track_commitment"  # the function's callback id in the manifest
SLACK_USER = re.compile(r"^[UW][A-Z0-9]{2,40}$")
TIMESTAMP = re.compile(r"^\d{9,11}$")  # Unix seconds, as Slack's timestamp inputs carry them
FAILED = "Loopkeeper couldn't track this commitment. "


def function_token(slack: SlackParts) -> Callable[..., Awaitable[None]]:
    """Listener middleware: a step's complete()/fail() (Bolt builds them from the context's
    client) go through our one Web API caller, with the run's function token as Slack asks."""

    async def middleware(context: AsyncBoltContext, next: Callable[[], Awaitable[None]]) -> None:  # noqa: A002 - Bolt's name
        token, run = context.function_bot_access_token, context.function_execution_id
        if token:
            client = slack.client.with_token(token)
            context["client"] = client
            # Bolt made these from its own client already (for this middleware's arguments).
            context["complete"] = AsyncComplete(client, run)
            context["fail"] = AsyncFail(client, run)
        await next()

    return middleware


async def on_track_step(
    slack: SlackParts,
    body: dict[str, Any],
    event: dict[str, Any],
    context: AsyncBoltContext,
    complete: AsyncComplete,
    fail: AsyncFail,
) -> None:
    """Record the commitment before the ack (a database failure fails the request, so Slack
    delivers the run again; the run's id keeps it one loop), then complete or fail the step."""
    team, run = team_of(context), str(event["function_execution_id"])
    app_id = (event.get("function") or {}).get("app_id") or body.get("api_app_id") or ""
    actor = context.bot_user_id or "workflow"  # the step acts as the bot: the owner is told

    async def decide() -> Tracked | str:
        caller = await slack.callers.caller(team, actor)
        try:
            command, due_at = step_inputs(event.get("inputs") or {})
            track = workflow_steps.track_commitment
            return await slack.db(track, slack.deps, caller, command, due_at, run)
        except Exception as exc:  # noqa: BLE001 - the author is told; a database failure re-raised
            return FAILED + as_reply(exc, "the workflow step", log).text.replace("`", "")

    async def tell(outcome: Tracked | str) -> None:
        if isinstance(outcome, str):
            await fail(outcome)
            return
        if outcome.number is None:
            return  # another delivery of this run is making the loop; it completes the step
        await complete({"loop_number": outcome.number, "loop_link": home_link(team, app_id)})
        if outcome.reply is not None:  # the owner hears of their new loop
            await send.follow_ups(slack.delivery, team, outcome.reply, None, actor)

    await slack.work.decide_then(decide, tell)


def step_inputs(inputs: dict[str, Any]) -> tuple[grammar.Commit, datetime | None]:
    """The step's inputs as a commitment, and its due timestamp when `due` is one (Unix
    seconds) rather than words or a date."""
    owner = str(inputs.get("owner") or "").strip()
    if owner and not SLACK_USER.match(owner):
        raise BadInput(
            f"The step's Owner input must be a person (pick one, or a person from an earlier "
            f"step), not “{owner[:60]}”."
        )
    due = str(inputs.get("due") if inputs.get("due") is not None else "").strip()
    due_at = datetime.fromtimestamp(int(due), UTC) if TIMESTAMP.match(due) else None
    command = grammar.Commit(
        customer=str(inputs.get("customer") or ""),
        what=str(inputs.get("what") or ""),
        owner=UserRef(id=owner) if owner else None,
        when=None if due_at or not due else due,
    )
    return command, due_at


def home_link(team: str, app_id: str) -> str:
    """Where the loop lives in Slack: Loopkeeper's Home tab, which lists the owner's loops
    with their buttons."""
    return f"slack://app?team={team}&id={app_id}&tab=home"
