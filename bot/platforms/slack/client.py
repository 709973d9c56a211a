"""The one Web API caller: every Slack call (request paths, reactions, sweeps, Bolt's own)
goes to SLACK_API_URL through WebApi, with one rule for retries.

The rule: a dropped or refused connection is tried again twice; a 429 either raises
RateLimited with its Retry-After (the sweep: that recipient waits, the others go on) or, on a
request path, is waited out and sent again up to RATE_LIMIT_RETRIES times; `ok: false` and
other HTTP errors raise SlackApiError as the SDK would. Bolt and listeners get SlackClient, the
SDK's AsyncWebClient with its calls routed through the same WebApi.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import TypeVar
from urllib.parse import urlencode

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse
from slack_sdk.web.slack_response import SlackResponse

from bot.core.ports import RateLimited, retry_after_seconds
from bot.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")

# A request path waits out this many 429s in a row before giving up (and saying so in the log).
RATE_LIMIT_RETRIES = 8
TIMEOUT_SECONDS = 30
CONNECTION_RETRIES = 2  # like the SDK's: a connection that failed or was dropped idle
# Methods Slack takes a JSON body for when we call them ourselves; the others take form fields.
JSON_METHODS = frozenset({"chat.postMessage", "chat.update", "conversations.open"})

# With OAuth installs each workspace has its own bot token: the request being handled (Bolt's
# authorization, or the fast path) sets it here, and every call made for that request (and the
# work it leaves for after the ack, which copies this context) uses it.
current_token: ContextVar[str | None] = ContextVar("slack_token", default=None)


async def patiently(send: Callable[[], Awaitable[T]], what: str) -> T:
    """Send, waiting out 429s (RateLimited) for as long as Slack asks, up to
    RATE_LIMIT_RETRIES times: the request paths' rule (a sweep lets RateLimited through)."""
    for waits in range(RATE_LIMIT_RETRIES + 1):
        try:
            return await send()
        except RateLimited as exc:
            if waits == RATE_LIMIT_RETRIES:
                log.warning("Slack rate limit on %s: gave up after %d waits", what, waits)
                raise
            log.info("Slack rate limit on %s: retrying in %.1fs", what, exc.retry_after)
            await asyncio.sleep(exc.retry_after)
    raise AssertionError("unreachable")  # pragma: no cover


def api_url(settings: Settings) -> str:
    """SLACK_API_URL with the trailing slash method names are joined to."""
    url = settings.slack_api_url
    return url if url.endswith("/") else url + "/"


class WebApi:
    """Slack's Web API without the SDK's machinery: one aiohttp session (a keep-alive pool) per
    event loop for the caller's lifetime, a JSON or form body, the token in the Authorization
    header (never logged)."""

    def __init__(self, settings: Settings, token: str | None = None) -> None:
        self.base = api_url(settings)
        self.token = token or settings.slack_bot_token or ""
        self._sessions: dict[asyncio.AbstractEventLoop, aiohttp.ClientSession] = {}

    def session(self) -> aiohttp.ClientSession:
        """This event loop's session (a session belongs to the loop it was made in)."""
        loop = asyncio.get_running_loop()
        session = self._sessions.get(loop)
        if session is None:
            for other in [o for o in self._sessions if o.is_closed()]:
                del self._sessions[other]  # its loop is gone, and its connections with it
            session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT_SECONDS))
            self._sessions[loop] = session
        return session

    async def call(
        self,
        method: str,
        params: dict[str, object],
        *,
        wait: bool = False,
        as_json: bool | None = None,
        token: str | None = None,
        basic: tuple[str, str] | None = None,
    ) -> dict:
        """One Web API method. `wait`: a 429 is waited out (request paths) instead of raising
        RateLimited (sweeps). `as_json`: the body's encoding (default: by method). `token`:
        default the request's workspace's (current_token), else SLACK_BOT_TOKEN. `basic`: the
        app's client id and secret instead of a token (oauth.v2.access)."""
        url = self.base + method
        params = {k: v for k, v in params.items() if v is not None}  # as the SDK sends them
        if method in JSON_METHODS if as_json is None else as_json:
            body = _json_body(params)
            kind = "application/json; charset=utf-8"
        else:
            body = urlencode({k: _form(v) for k, v in params.items()}).encode()
            kind = "application/x-www-form-urlencoded"
        if basic is not None:
            pair = base64.b64encode(f"{basic[0]}:{basic[1]}".encode()).decode()
            authorization = f"Basic {pair}"
        else:
            authorization = f"Bearer {token or current_token.get() or self.token}"
        headers = {"Authorization": authorization, "Content-Type": kind}

        async def once() -> tuple[int, object, bytes]:
            status, answer_headers, raw = await self._post(url, body, headers)
            if status == 429:
                raise RateLimited(retry_after_seconds(answer_headers))
            return status, answer_headers, raw

        status, answer_headers, raw = await (patiently(once, method) if wait else once())
        try:
            data = _json_loads(raw)
        except ValueError:
            data = {"ok": False, "error": f"http_{status}"}
        if status != 200 or not isinstance(data, dict) or not data.get("ok"):
            response = SlackResponse(
                client=None,
                http_verb="POST",
                api_url=url,
                req_args={},
                data=data if isinstance(data, dict) else {"ok": False},
                headers=dict(answer_headers),
                status_code=status,
            )
            raise SlackApiError(f"The request to the Slack API failed. (url: {url})", response)
        return data

    async def _post(self, url: str, body: bytes, headers: dict[str, str]):  # noqa: ANN202
        session = self.session()
        for attempt in range(CONNECTION_RETRIES + 1):
            try:
                async with session.post(url, data=body, headers=headers) as answer:
                    return answer.status, answer.headers, await answer.read()
            except aiohttp.ClientConnectionError:
                if attempt == CONNECTION_RETRIES:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    async def aclose(self) -> None:
        """Close this event loop's session."""
        session = self._sessions.pop(asyncio.get_running_loop(), None)
        if session is not None:
            await session.close()


class SlackClient(AsyncWebClient):
    """The SDK's client (what Bolt, `say` and listeners use), every method sent through WebApi:
    one retry rule, one connection pool. `wait_on_rate_limit`: request paths wait 429s out;
    a sweep's file uploads get RateLimited raised instead."""

    def __init__(
        self, web: WebApi, wait_on_rate_limit: bool = True, token: str | None = None
    ) -> None:
        super().__init__(token=token or web.token, base_url=web.base, timeout=TIMEOUT_SECONDS)
        self.web = web
        self.wait_on_rate_limit = wait_on_rate_limit
        self._own_token = token  # None: WebApi's (the bot token)

    def with_token(self, token: str) -> SlackClient:
        """The same caller, its calls made with `token` (a workflow step's function token)."""
        return SlackClient(self.web, self.wait_on_rate_limit, token)

    async def api_call(  # type: ignore[override]
        self,
        api_method: str,
        *,
        http_verb: str = "POST",
        files: dict | None = None,
        data: dict | aiohttp.FormData | None = None,
        params: dict | None = None,
        json: dict | None = None,  # noqa: A002 - the SDK's name
        headers: dict | None = None,
        auth: dict | None = None,
    ) -> AsyncSlackResponse:
        if files is not None or isinstance(data, aiohttp.FormData):
            raise NotImplementedError(f"{api_method}: multipart calls")
        fields = {**(params or {}), **(data or {}), **(json or {})}
        token = fields.pop("token", None) or self._own_token
        answer = await self.web.call(
            api_method,
            fields,
            wait=self.wait_on_rate_limit,
            as_json=json is not None,
            token=str(token) if token else None,
            basic=(str(auth["client_id"]), str(auth["client_secret"])) if auth else None,
        )
        return AsyncSlackResponse(
            client=self,
            http_verb="POST",
            api_url=self.web.base + api_method,
            req_args={},
            data=answer,
            headers={},
            status_code=200,
        )


def _json_body(params: dict[str, object]) -> bytes:
    return json.dumps(params, ensure_ascii=False).encode()


_json_loads = json.loads
try:  # orjson, when installed, encodes a nudge's blocks several times faster
    import orjson
except ImportError:  # pragma: no cover - the standard library does the same, slower
    pass
else:
    _json_body = orjson.dumps  # noqa: F811
    _json_loads = orjson.loads


def _form(value: object) -> object:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return value
