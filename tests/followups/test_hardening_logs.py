"""Issue 13, item 9: log lines at INFO and above name ids, never what customers said or what
was promised them (logs go to places customer data must not)."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from bot.wiring.scheduler import run_sweep
from tests.followups.helpers import acme, bob, run
from tests.followups.recording import RecordingDelivery

SECRET = "ZEBRA-SECRET-COMMITMENT"


def test_sweep_logs_name_ids_not_customer_text(deps, caplog) -> None:  # noqa: ANN001
    """Catches: "sent nudge #1 to @bob (overdue, Acme Corp: ZEBRA-SECRET-COMMITMENT)" at INFO,
    and the same text in the warning when a send fails."""
    acme(deps)
    run(deps, bob, f"commit ACME: {SECRET} by tomorrow")
    run(deps, bob, f"commit ACME: second {SECRET} by tomorrow owner @carol")
    deps.clock.advance(seconds=timedelta(days=7).total_seconds())
    delivery = RecordingDelivery(failing={"carol"})
    with caplog.at_level(logging.INFO):
        lines = asyncio.run(run_sweep(deps, {delivery.platform: delivery}))
    assert any(SECRET in line for line in lines)  # `loopkeeper sweep` still prints them
    logged = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert any("sweep sent" in m for m in logged) and any("failed" in m for m in logged)
    assert not [m for m in logged if SECRET in m or "Acme" in m]
