"""Any value an admin types for a number setting, and any value an older release may have
stored, leaves the nudge policy finite and quick; any command of any length is answered, and
one past the cap is refused before it is read. Property-based (hypothesis), bounded."""

from __future__ import annotations

import json
import math
import os
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.inputs import MAX_COMMAND_CHARS
from bot.core.policy import (
    LONGEST_CATCH_UP,
    SHORTEST_CADENCE,
    LoopFacts,
    NudgePolicy,
    plan,
    slots,
)
from handlers import commands
from handlers.context import Caller
from tests.proof.db import rows

FUZZ = settings(
    max_examples=int(os.environ.get("PROOF_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ADMIN = Caller(platform="console", workspace="W", user="admin", user_name="admin", is_admin=True)
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.sampled_from(["1e-12", "0.000000000001", "inf", "-inf", "nan", "1e309", "0x10", "١٢"]),
)
STORED = st.one_of(
    st.none(), st.booleans(), st.text(max_size=8), st.floats(), st.integers(-(10**30), 10**30)
)


@FUZZ
@given(key=st.sampled_from(["cadence", "quiet-days"]), value=NUMBERS)
def test_a_typed_number_setting_is_saved_in_range_or_refused(sqlite_deps, key, value) -> None:  # noqa: ANN001
    """Catches: a number setting saved outside its finite range (0, 1e-12, inf, nan, 1e309)."""
    reply = commands.run(sqlite_deps, ADMIN, f"settings {key} standard {value}")
    name = "cadence_hours" if key == "cadence" else "quiet_days"
    stored = rows(sqlite_deps.engine, "SELECT value FROM workspace_setting WHERE key = :k", k=name)
    if reply.error:
        assert "from 1 to" in reply.text or "not a number" in reply.text, reply.text
        return
    saved = json.loads(stored[0]["value"])["standard"]
    assert math.isfinite(saved) and 1 <= saved <= (720 if key == "cadence" else 3650)


@FUZZ
@given(cadence=STORED, escalate=STORED, levels=STORED, overdue_days=st.integers(0, 400))
def test_any_stored_policy_plans_quickly(cadence, escalate, levels, overdue_days) -> None:  # noqa: ANN001
    """Catches: a stored cadence (0, 1e-12, inf, nan, text) making the slot walk loop forever,
    overflow or take seconds, whatever else the settings hold; and a walk not clamped to the
    catch-up window (400 days overdue at an hourly cadence walks ~9,600 slots)."""
    stored = {
        "cadence_hours": {"default": cadence},
        "escalate_after": escalate,
        "escalation_levels": levels,
    }
    policy = NudgePolicy.from_settings(stored, "standard")
    assert policy.cadence >= timedelta(hours=1)
    due = NOW - timedelta(days=overdue_days)
    facts = LoopFacts(state="open", created_at=due - timedelta(days=1), due_at=due)
    zone = ZoneInfo("Europe/Paris")
    assert plan(facts, zone, policy, NOW) is not None
    walked = sum(1 for _ in slots(facts, zone, policy, NOW))
    # Quick without a stopwatch: the walk covers at most the catch-up window at the shortest
    # cadence (a few hundred slots), not every hour since the due date.
    assert walked <= LONGEST_CATCH_UP / SHORTEST_CADENCE + 3, walked


@FUZZ
@given(text=st.text(min_size=0, max_size=MAX_COMMAND_CHARS * 3), verb=st.sampled_from(
    ["commit ACME: ", "feedback ACME: ", "customer add ", "list ", "settings ", ""]
))  # fmt: skip
def test_any_command_length_is_answered_and_long_ones_refused_unread(
    sqlite_deps, text, verb
) -> None:  # noqa: ANN001
    """Catches: a long command read at all (reading grows with the square of its length) or any
    length of text raising instead of answering."""
    line = verb + text
    reply = commands.run(sqlite_deps, ADMIN, line)
    if len(line) > MAX_COMMAND_CHARS:
        assert reply.error and "at most" in reply.text
    assert reply.text
