"""Every Slack listener, registered in one place (HTTP and Socket Mode share them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.platforms.slack.app import SlackBot


def register(bot: SlackBot) -> None:
    from bot.platforms.slack.listeners import actions, commands, events, shortcuts

    events.register(bot)
    commands.register(bot)
    actions.register(bot)
    shortcuts.register(bot)
