"""Request bodies that arrive before anyone is authenticated: read as a stream and cut off at a
few megabytes (a declared length is not trusted: a chunked body has none), and JSON parsed so
that no depth of nesting becomes a crash."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

# Slack's largest payloads (a block_actions carrying a 50-block message) and Teams activities
# stay well below this.
MAX_BODY_BYTES = 4 * 1024 * 1024
MAX_JSON_DEPTH = 64  # Slack and Teams nest a dozen levels at most


class BodyTooLarge(Exception):
    """The body is longer than the endpoint accepts (HTTP 413)."""


async def read_capped(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The request's body, read chunk by chunk; BodyTooLarge as soon as it passes `limit`."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    body = b"".join(chunks)
    request._body = body  # Starlette's own cache: later `.body()` and `.json()` read this copy
    return body


def parse_json(body: bytes | str) -> Any:
    """The JSON value of `body`; ValueError when it is not JSON or nests deeper than Slack or
    Teams ever do."""
    try:
        value = json.loads(body)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    if _depth(value) > MAX_JSON_DEPTH:
        raise ValueError("JSON nested too deeply")
    return value


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, depth)
            if depth <= MAX_JSON_DEPTH:
                children = node.values() if isinstance(node, dict) else node
                stack.extend((child, depth + 1) for child in children)
    return deepest
