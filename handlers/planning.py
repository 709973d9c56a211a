"""Planning a loop's nudges: when the next one is due, in its owner's zone, under its
workspace's policy.

`replan` runs after every change to a loop, so the database always says when its next nudge is
due (`next_nudge_at`); a sweep plans many loops at once with one Planner and a PlanCache.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.core.policy import (
    OVERDUE,
    LoopFacts,
    NudgePolicy,
    PlannedNudge,
    plan,
)
from bot.core.zones import zone_or
from handlers.settings import DEFAULTS
from storage.models import Loop
from storage.plan_facts import PlanFactRepo
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
PLAN_RETRY = timedelta(hours=1)  # a loop whose plan fails is looked at again this much later


@dataclass
class PlanCache:
    """Facts about workspaces, customers and people that planning reads; one sweep loads each
    once, however many batches it claims and records."""

    settings: dict[int, dict[str, object]] = field(default_factory=dict)
    workspaces: dict[int, Any] = field(default_factory=dict)
    customers: dict[int, Any] = field(default_factory=dict)
    users: dict[tuple[int, str], Any] = field(default_factory=dict)
    policies: dict[tuple[int, str | None], NudgePolicy] = field(default_factory=dict)


class Planner:
    """Works out loops' next nudges; loads the facts it needs (settings, zones, segments) once
    for many loops. Loops may be ORM rows or the sweep's plain rows."""

    def __init__(
        self, facts: PlanFactRepo, default_zone: ZoneInfo, cache: PlanCache | None = None
    ) -> None:
        self.facts = facts
        self.default_zone = default_zone
        cache = cache if cache is not None else PlanCache()
        self.settings, self.workspaces = cache.settings, cache.workspaces
        self.customers, self.users, self.policies = cache.customers, cache.users, cache.policies

    def load(self, loops: Iterable[Any]) -> Planner:
        loops = list(loops)
        new_ws = {lp.workspace_id for lp in loops} - set(self.settings)
        if new_ws:
            self.settings.update(self.facts.settings(new_ws))
            self.workspaces.update(self.facts.workspaces(new_ws))
        new_customers = {lp.customer_id for lp in loops} - set(self.customers)
        if new_customers:
            self.customers.update(self.facts.customers(new_customers))
        owners = {(lp.workspace_id, lp.owner) for lp in loops}
        accounts = {
            (lp.workspace_id, c.owner)
            for lp in loops
            if (c := self.customers.get(lp.customer_id)) and c.owner
        }
        new_users = (owners | accounts) - set(self.users)
        if new_users:
            found = self.facts.users(new_users)
            self.users.update({key: found.get(key) for key in new_users})
        return self

    def setting(self, workspace_id: int, key: str) -> object:
        return self.settings.get(workspace_id, {}).get(key, DEFAULTS.get(key))

    def zone(self, loop: Any) -> ZoneInfo:
        """The owner's zone from their chat profile, else the workspace default."""
        user = self.users.get((loop.workspace_id, loop.owner))
        return zone_or(user.tz if user else None, self.default_zone)

    def policy(self, loop: Any) -> NudgePolicy:
        customer = self.customers.get(loop.customer_id)
        key = (loop.workspace_id, customer.segment if customer else None)
        if key not in self.policies:
            self.policies[key] = NudgePolicy.from_settings(self.settings.get(key[0], {}), key[1])
        return self.policies[key]

    def plan(self, loop: Any, now: datetime) -> PlannedNudge | None:
        """The loop's next nudge; when planning it fails (a setting no rule foresaw), the loop
        is looked at again later and every other loop, of this workspace or another, goes on."""
        try:
            return self._plan(loop, now)
        except Exception:  # noqa: BLE001 - one workspace's odd data stops no one else's nudges
            log.exception(
                "can't plan loop %s of workspace %s; trying again later",
                loop.id,
                loop.workspace_id,
            )
            return PlannedNudge(now + PLAN_RETRY, OVERDUE, now + PLAN_RETRY)

    def _plan(self, loop: Any, now: datetime) -> PlannedNudge | None:
        customer = self.customers.get(loop.customer_id)
        if customer is not None and customer.status == "churned":
            return None  # a churned customer's loops keep their history but nudge no one
        facts = LoopFacts(
            state=loop.state,
            created_at=loop.created_at,
            due_at=loop.due_at,
            done_at=loop.done_at,
            snoozed_until=loop.snoozed_until,
            last_nudge_at=loop.last_nudge_at,
            overdue_nudges=loop.overdue_nudges,
            escalation_level=loop.escalation_level,
        )
        return plan(facts, self.zone(loop), self.policy(loop), now)

    def replan(self, loop: Any, now: datetime) -> None:
        planned = self.plan(loop, now)
        loop.next_nudge_at = planned.at if planned else None

    def name(self, workspace_id: int, user: str) -> str:
        found = self.users.get((workspace_id, user))
        return found.name if found and found.name else user

    def dm_channel(self, workspace_id: int, user: str) -> str | None:
        found = self.users.get((workspace_id, user))
        return found.dm_channel if found else None


def replan(uow: UnitOfWork, loop: Loop, now: datetime, default_zone: ZoneInfo) -> None:
    """Set the loop's next nudge time from its state, due date, snooze and nudges so far, in its
    owner's zone and under its workspace's policy."""
    Planner(uow.plan_facts, default_zone).load([loop]).replan(loop, now)
