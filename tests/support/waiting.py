"""Waiting, from a plain (not async) test, for something another thread or process does."""

from __future__ import annotations

import time
from collections.abc import Callable


def wait_until(condition: Callable[[], object], seconds: float = 10.0, what: str = "") -> None:
    """Return once `condition()` is true; fail after `seconds`, saying `what` never happened."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"never: {what}" if what else "nothing arrived"
        time.sleep(0.05)
