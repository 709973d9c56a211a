"""Private links to a review page: an HMAC-signed token naming the workspace, the customer and
the quarter, valid 7 days. The key is derived from LOOPKEEPER_SECRET_KEY, so rotating that key
revokes every link; a bad, expired or altered token reads as nothing at all."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

VALID_FOR = timedelta(days=7)


@dataclass(frozen=True)
class ReviewLink:
    workspace_id: int
    customer_id: int
    quarter: str
    expires: int  # Unix seconds


def _key(secret: str) -> bytes:
    return hmac.new(secret.encode(), b"loopkeeper review links", hashlib.sha256).digest()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(secret: str, workspace_id: int, customer_id: int, quarter: str, now: datetime) -> str:
    """A token for this review, valid VALID_FOR from `now`."""
    expires = int((now + VALID_FOR).timestamp())
    payload = _b64(
        json.dumps([workspace_id, customer_id, quarter, expires], separators=(",", ":")).encode()
    )
    mac = hmac.new(_key(secret), payload.encode(), hashlib.sha256).digest()
    return f"{payload}.{_b64(mac)}"


def verify(secret: str, token: str, now: datetime) -> ReviewLink | None:
    """What a token names, or None when it is malformed, altered or expired."""
    payload, dot, mac = token.partition(".")
    if not dot or len(token) > 512:
        return None
    try:
        given = _unb64(mac)
        expected = hmac.new(_key(secret), payload.encode(), hashlib.sha256).digest()
        if not hmac.compare_digest(given, expected):
            return None
        workspace_id, customer_id, quarter, expires = json.loads(_unb64(payload))
    except (ValueError, TypeError):
        return None
    if not (isinstance(workspace_id, int) and isinstance(customer_id, int)):
        return None
    if not isinstance(quarter, str) or not isinstance(expires, int):
        return None
    if now.timestamp() >= expires:
        return None
    return ReviewLink(workspace_id, customer_id, quarter, expires)
