"""The App Home tab: the user's open loops with their buttons."""

from __future__ import annotations

from bot.core.replies import Reply
from bot.platforms.slack.blocks import home_view
from bot.platforms.slack.parts import SlackParts
from handlers import loops


async def publish_home(
    slack: SlackParts, team: str, user: str, status: str | None = None, decide_now: bool = False
) -> None:
    """Show the user's open loops on their App Home tab (overdue first)."""

    async def decide() -> Reply:
        caller = await slack.callers.caller(team, user)
        return await slack.db(loops.home, slack.deps, caller)

    async def tell(reply: Reply) -> None:
        await slack.client.views_publish(user_id=user, view=home_view(reply, status))

    if decide_now:
        await slack.work.decide_then(decide, tell)
    else:
        await tell(await decide())
