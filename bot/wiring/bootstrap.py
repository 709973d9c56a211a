"""The one place that picks concrete deliveries and builds what the entry points run with.

Handlers and the sweeper know only the ports in `bot.core.ports`; this module names the
platforms that implement them (as cosmicpython's bootstrap does).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable

from bot.core.ports import Delivery
from bot.platforms.console import ConsoleDelivery
from handlers.context import Deps


def deliveries_for(deps: Deps, slack: Delivery | None = None) -> dict[str, Delivery]:
    """One Delivery per platform this install can reach (console always). `slack`: the
    server's own SlackDelivery, so a process holds one."""
    found: dict[str, Delivery] = {"console": ConsoleDelivery()}
    if slack is not None:
        found["slack"] = slack
    elif deps.settings.slack_bot_token or deps.settings.slack_oauth:
        from bot.platforms.slack.parts import sweep_delivery

        found["slack"] = sweep_delivery(deps)
    if deps.settings.teams_configured:
        from bot.platforms.teams.delivery import TeamsDelivery

        found["teams"] = TeamsDelivery(deps)
    return found


def chat_deliveries(deps: Deps, slack: Delivery | None = None) -> dict[str, Delivery]:
    """What a server's scheduler sweeps for: every chat platform configured, not the console
    (console nudges are printed by the console itself)."""
    return {name: d for name, d in deliveries_for(deps, slack).items() if name != "console"}


async def close_deliveries(deliveries: Iterable[object]) -> None:
    """Close what deliveries hold open (HTTP sessions) once a sweep or a server is over."""
    for delivery in deliveries:
        close = getattr(delivery, "aclose", None) or getattr(delivery, "close", None)
        if close is not None:
            result = close()
            if inspect.isawaitable(result):
                await result
