"""A signed request seen twice is applied once. Slack signs `v0:timestamp:body` and we accept a
signature for five minutes; within them, a captured request sent again (same timestamp, same
signature) is answered with an empty 200 and does nothing. Slack's own retries carry a new
timestamp, so they are not replays (their event ids make them no-ops elsewhere)."""

from __future__ import annotations

import threading
import time

WINDOW_SECONDS = 5 * 60 + 30  # Slack's five minutes, and a little clock skew
MOST_REMEMBERED = 200_000  # ~20 MB at most; far past what one process serves in five minutes


class ReplayGuard:
    """Signatures of verified requests, remembered as long as they would be accepted."""

    def __init__(self, now=time.monotonic) -> None:  # noqa: ANN001
        self._now = now
        self._seen: dict[str, float] = {}  # signature -> when it stops being accepted
        self._lock = threading.Lock()

    def first_time(self, timestamp: str, signature: str) -> bool:
        """True the first time a (verified) request is seen within the window."""
        key = f"{timestamp}:{signature}"
        now = self._now()
        with self._lock:
            if len(self._seen) >= MOST_REMEMBERED or len(self._seen) % 1000 == 0:
                self._forget_expired(now)
            expires = self._seen.get(key)
            if expires is not None and expires > now:
                return False
            self._seen[key] = now + WINDOW_SECONDS
            return True

    def forget(self, timestamp: str, signature: str) -> None:
        """The request failed (Slack will retry it): let the same request in again."""
        with self._lock:
            self._seen.pop(f"{timestamp}:{signature}", None)

    def _forget_expired(self, now: float) -> None:
        for key in [k for k, expires in self._seen.items() if expires <= now]:
            del self._seen[key]
        while len(self._seen) >= MOST_REMEMBERED:  # still full: the oldest go first
            del self._seen[next(iter(self._seen))]
