"""The Web API client: every call goes to SLACK_API_URL; a 429 waits its Retry-After."""

from __future__ import annotations

import asyncio
import json
import logging
from urllib.parse import urlencode

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import AsyncConnectionErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.slack_response import SlackResponse

from bot.core.ports import RateLimited
from bot.settings import Settings

log = logging.getLogger(__name__)

# A request path waits out this many 429s in a row before giving up (and saying so in the log).
RATE_LIMIT_RETRIES = 8
TIMEOUT_SECONDS = 30


def retry_after(headers: object, default: float = 1.0) -> float:
    """Seconds from a Retry-After header (any case); `default` when absent or unreadable."""
    items = headers.items() if hasattr(headers, "items") else []  # type: ignore[union-attr]
    for name, value in items:
        if str(name).lower() == "retry-after":
            raw = value[0] if isinstance(value, list) else value
            try:
                return max(0.0, float(raw))
            except (TypeError, ValueError):
                return default
    return default


class WaitRetryAfter(AsyncRetryHandler):
    """On 429, sleep exactly what Slack asked for (Retry-After) and send the call again."""

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and response.status_code == 429

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        assert response is not None
        wait = retry_after(response.headers)
        log.info("Slack rate limit on %s: retrying in %.1fs", request.url.rsplit("/", 1)[-1], wait)
        state.next_attempt_requested = True
        await asyncio.sleep(wait)
        state.increment_current_attempt()


def api_url(settings: Settings) -> str:
    """SLACK_API_URL with the trailing slash the SDK joins method names to."""
    url = settings.slack_api_url
    return url if url.endswith("/") else url + "/"


def web_client(
    settings: Settings,
    *,
    wait_on_rate_limit: bool = True,
    session: aiohttp.ClientSession | None = None,
    token: str | None = None,
) -> AsyncWebClient:
    """A client for the bot token. Request paths wait out 429s; the sweeper gets them raised."""
    handlers: list[AsyncRetryHandler] = [AsyncConnectionErrorRetryHandler(max_retry_count=2)]
    if wait_on_rate_limit:
        handlers.append(WaitRetryAfter(max_retry_count=RATE_LIMIT_RETRIES))
    return AsyncWebClient(
        token=token or settings.slack_bot_token,
        base_url=api_url(settings),
        timeout=TIMEOUT_SECONDS,
        session=session,
        retry_handlers=handlers,
    )


# Methods Slack takes a JSON body for; the others (reads: users.info, conversations.history)
# take form fields.
JSON_METHODS = frozenset({"chat.postMessage", "chat.update", "conversations.open"})
CONNECTION_RETRIES = 2  # like the SDK's: a connection that failed or was dropped idle


class WebApi:
    """The Web API without the SDK's machinery, for the sweep's hot path: one aiohttp session
    (a keep-alive connection pool) per event loop for the caller's lifetime, a JSON or form body,
    the token in the Authorization header (never logged). A 429 raises RateLimited with its
    Retry-After; `ok: false` and other HTTP errors raise SlackApiError as the SDK would."""

    def __init__(self, settings: Settings, token: str | None = None) -> None:
        self.base = api_url(settings)
        self._headers = {"Authorization": f"Bearer {token or settings.slack_bot_token}"}
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

    async def call(self, method: str, params: dict[str, object]) -> dict:
        url = self.base + method
        params = {k: v for k, v in params.items() if v is not None}  # as the SDK sends them
        if method in JSON_METHODS:
            body = _json_body(params)
            kind = "application/json; charset=utf-8"
        else:
            body = urlencode({k: _form(v) for k, v in params.items()}).encode()
            kind = "application/x-www-form-urlencoded"
        headers = {**self._headers, "Content-Type": kind}
        session = self.session()
        for attempt in range(CONNECTION_RETRIES + 1):
            try:
                async with session.post(url, data=body, headers=headers) as answer:
                    raw = await answer.read()
                    status, answer_headers = answer.status, answer.headers
                break
            except (aiohttp.ClientConnectorError, aiohttp.ServerDisconnectedError):
                if attempt == CONNECTION_RETRIES:
                    raise
        if status == 429:
            raise RateLimited(retry_after(answer_headers))
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

    async def aclose(self) -> None:
        """Close this event loop's session."""
        session = self._sessions.pop(asyncio.get_running_loop(), None)
        if session is not None:
            await session.close()


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
