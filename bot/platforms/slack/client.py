"""The Web API client: every call goes to SLACK_API_URL; a 429 waits its Retry-After."""

from __future__ import annotations

import asyncio
import logging

import aiohttp
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import AsyncConnectionErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient

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
