"""Socket Mode: the same Bolt app and listeners over Slack's WebSocket, with the scheduler."""

from __future__ import annotations

import asyncio
import logging
import signal

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from bot.platforms.slack.app import SlackBot
from bot.wiring.bootstrap import chat_deliveries
from bot.wiring.scheduler import start as start_scheduler
from bot.wiring.scheduler import stop as stop_scheduler
from handlers.context import Deps

log = logging.getLogger(__name__)


async def serve_socket_mode(
    deps: Deps, stop: asyncio.Event, with_scheduler: bool = True, **slack_options: object
) -> None:
    """Connect (apps.connections.open at SLACK_API_URL) and handle envelopes until `stop`."""
    bot = SlackBot(deps, **slack_options)  # type: ignore[arg-type]
    await bot.start()
    handler = AsyncSocketModeHandler(
        bot.app, deps.settings.slack_app_token, web_client=bot.parts.client
    )
    scheduler = None
    if with_scheduler:
        scheduler = start_scheduler(deps, chat_deliveries(deps, slack=bot.parts.delivery))
    try:
        await handler.connect_async()
        log.info("connected to Slack in Socket Mode")
        await stop.wait()
    finally:
        if scheduler is not None:
            await stop_scheduler(scheduler)
        await handler.close_async()
        await bot.stop()


def run_socket_mode(deps: Deps) -> None:
    """`loopkeeper socket`: run until interrupted (Ctrl-C or SIGTERM)."""

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError):
                pass
        await serve_socket_mode(deps, stop)

    asyncio.run(main())
