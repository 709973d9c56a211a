"""HTTP mode: Slack at POST /slack/events, Teams at POST /api/messages, the trackers' webhooks
at POST /webhooks/{github,linear,jira}, GET /healthz."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from bot.platforms import review_page as page
from bot.platforms.tickets.webhooks import ticket_routes
from bot.wiring.bootstrap import chat_deliveries
from bot.wiring.scheduler import SweepWatch, stuck_after
from bot.wiring.scheduler import start as start_scheduler
from bot.wiring.scheduler import stop as stop_scheduler
from handlers import reviews
from handlers.context import Deps
from storage.db import ping

log = logging.getLogger(__name__)

HEALTH_SECONDS = 3.0
# A review page is for whoever holds its link: not cached, not indexed, sent nowhere else.
PRIVATE_PAGE = {
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
}


def create_app(deps: Deps, with_scheduler: bool = False, **slack_options: Any) -> Starlette:
    """The ASGI app for whichever platforms are configured (and the health check)."""
    routes: list[BaseRoute] = []
    platforms: list[str] = []
    slack = None
    if deps.settings.slack_configured:
        from bot.platforms.slack.app import SlackBot

        slack = SlackBot(deps, **slack_options)
        from bot.platforms.slack.payload_checks import refuse_what_slack_never_sends

        events = refuse_what_slack_never_sends(slack.handle, slack.fast.answer)
        routes.append(Route("/slack/events", events, methods=["POST"]))
        if slack.parts.installs is not None:  # OAuth installs: "Add to Slack"
            from bot.platforms.slack.oauth import INSTALL_PATH, REDIRECT_PATH

            for path in (INSTALL_PATH, REDIRECT_PATH):
                routes.append(Route(path, slack.oauth, methods=["GET"]))
        platforms.append("slack")
    if deps.settings.teams_configured:
        try:
            from bot.platforms.teams.http import teams_routes
        except ImportError as exc:
            log.error("Teams is configured but its HTTP endpoint is missing: %s", exc)
        else:
            routes += teams_routes(deps)
            platforms.append("teams")

    routes += ticket_routes(deps)  # GitHub, Linear, Jira: each when its secret is set
    watch = SweepWatch()

    async def healthz(request: Request) -> JSONResponse:
        try:
            await asyncio.wait_for(asyncio.to_thread(ping, deps.engine), HEALTH_SECONDS)
        except Exception as exc:  # noqa: BLE001 - any failure means: not healthy
            reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
            return JSONResponse(
                {"ok": False, "database": reason, "platforms": platforms}, status_code=503
            )
        stuck = watch.stuck_for()
        if with_scheduler and stuck > stuck_after(deps):
            return JSONResponse(
                {"ok": False, "sweep": f"running for {stuck:.0f} s", "platforms": platforms},
                status_code=503,
            )
        return JSONResponse({"ok": True, "database": "ok", "platforms": platforms})

    routes.append(Route("/healthz", healthz, methods=["GET"]))

    async def review_page(request: Request) -> Response:
        """GET /reviews/<token>: the private review page; anything else is a plain 404."""
        token = str(request.path_params.get("token", ""))
        found = await asyncio.to_thread(reviews.review_for_link, deps, token)
        if found is None:
            return PlainTextResponse("Not Found", status_code=404)
        return HTMLResponse(page.html(found), headers=PRIVATE_PAGE)

    routes.append(Route("/reviews/{token}", review_page, methods=["GET"]))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if slack is not None:
            await slack.start()
        scheduler = None
        if with_scheduler:  # the server's own SlackDelivery: one per process
            own = slack.parts.delivery if slack is not None else None
            scheduler = start_scheduler(deps, chat_deliveries(deps, slack=own), watch)
        try:
            yield
        finally:
            if scheduler is not None:
                await stop_scheduler(scheduler)
            if slack is not None:
                await slack.stop()

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.slack = slack
    app.state.deps = deps
    app.state.sweep_watch = watch
    return app


def serve(deps: Deps, host: str, port: int, with_scheduler: bool) -> None:
    """Run the app under uvicorn until interrupted."""
    import uvicorn

    app = create_app(deps, with_scheduler=with_scheduler)
    level = deps.settings.log_level.lower()
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=level,
        access_log=level == "debug",
        proxy_headers=True,
        timeout_graceful_shutdown=10,
    )
