"""`POST /api/messages`: the Bot Framework endpoint, as Starlette routes for `loopkeeper serve`.

The SDK's hosting is aiohttp-only, so the web app (Starlette) mounts these routes instead; an
activity is handled only when its token is valid and its serviceUrl is the token's `serviceurl`.
"""

from __future__ import annotations

import logging
from typing import Any

from microsoft_agents.activity import Activity
from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.platforms.bodies import BodyTooLarge, parse_json, read_capped
from bot.platforms.teams.auth import KeysUnavailable, TokenValidator, Unauthorized
from bot.platforms.teams.turns import TeamsBot
from handlers.context import Deps

log = logging.getLogger(__name__)
PATH = "/api/messages"


def teams_routes(deps: Deps) -> list[Route]:
    """The Teams endpoint, for the web app to mount when TEAMS_APP_ID is set."""
    settings = deps.settings
    if not settings.teams_app_password:
        log.warning(
            "TEAMS_APP_PASSWORD is not set: Teams activities are accepted but the bot "
            "can't answer them"
        )
    validator = TokenValidator(settings.teams_openid_metadata_url, settings.teams_app_id or "")
    bot = TeamsBot(deps)

    async def messages(request: Request) -> Response:
        authorization = request.headers.get("authorization")
        if not authorization:
            return _refuse("no Authorization header")
        try:  # the token first: nobody unauthenticated makes us read or parse a body
            verified = await validator.verify(authorization)
        except Unauthorized as exc:
            return _refuse(str(exc))
        except KeysUnavailable:
            return JSONResponse({"error": "signing keys unavailable"}, status_code=503)
        try:
            body: Any = parse_json(await read_capped(request))
        except BodyTooLarge:
            return JSONResponse({"error": "the body is too large"}, status_code=413)
        except ValueError:
            return JSONResponse({"error": "the body is not JSON"}, status_code=400)
        if not isinstance(body, dict):
            return JSONResponse({"error": "the body is not an activity"}, status_code=400)
        try:
            verified.endorsed_for(body.get("channelId"))
        except Unauthorized as exc:
            return _refuse(str(exc))
        claims = verified.claims
        if not body.get("serviceUrl") or claims.get("serviceurl") != body.get("serviceUrl"):
            return _refuse("serviceUrl does not match the token")
        try:
            activity = Activity.model_validate(body)
        except ValidationError as exc:
            return JSONResponse(
                {"error": f"not an activity: {exc.error_count()} problems"}, status_code=400
            )
        answer = await bot.handle(activity)
        if answer.body is None:
            return Response(status_code=answer.status)
        return JSONResponse(answer.body, status_code=answer.status)

    return [Route(PATH, messages, methods=["POST"])]


def _refuse(reason: str) -> Response:
    log.info("Teams activity refused: %s", reason)
    return JSONResponse(
        {"error": "unauthorized"}, status_code=401, headers={"WWW-Authenticate": "Bearer"}
    )
