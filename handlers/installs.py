"""Slack installs: a workspace installed, uninstalled, served through its org, or forgotten.

An uninstalled workspace keeps its data (reports, CLI) but gets nothing sent: the sweep skips
it. Only `loopkeeper workspace forget` erases it.
"""

from __future__ import annotations

from collections import Counter

from bot.core.errors import UserError
from handlers.context import Deps
from storage.installations import Installations


def installed(deps: Deps, team_id: str | None, enterprise_id: str | None) -> None:
    """An install (or a reinstall) of a workspace, or of an org (`team_id` None): its
    follow-ups start again."""
    with deps.uow() as uow:
        uow.installs.set_installed(team_id, enterprise_id, None, deps.clock.now())
        uow.commit()


def uninstalled(deps: Deps, team_id: str | None, enterprise_id: str | None) -> int:
    """The app left a workspace (or an org): nothing more is sent there. Returns how many
    workspaces stopped."""
    now = deps.clock.now()
    with deps.uow() as uow:
        stopped = uow.installs.set_installed(team_id, enterprise_id, now, now)
        uow.commit()
    return stopped


def in_org(deps: Deps, team_id: str, enterprise_id: str) -> None:
    """`team_id` is served by its Enterprise Grid org's install (`enterprise_id`)."""
    with deps.uow() as uow:
        uow.installs.in_org(team_id, enterprise_id, deps.clock.now())
        uow.commit()


def enterprise_of(deps: Deps, team_id: str) -> str | None:
    """The org whose org-wide install serves `team_id`, when one does."""
    with deps.uow() as uow:
        return uow.installs.enterprise_of(team_id)


def forget_workspace(deps: Deps, external_id: str, confirmed: bool) -> Counter[str]:
    """Erase every row of a workspace (any platform) and its Slack tokens: how many rows of
    each table. Not `confirmed`: nothing changes, the counts say what would go. UserError when
    the database has no such workspace."""
    with deps.uow() as uow:
        found = [w for w in uow.workspaces.all() if w.external_id == external_id]
        if not found:
            known = ", ".join(sorted({w.external_id for w in uow.workspaces.all()})) or "none"
            raise UserError(f"no workspace {external_id!r} in the database (there are: {known})")
        erased: Counter[str] = Counter()
        for workspace in found:
            erased += uow.installs.erase(workspace.id)  # type: ignore[arg-type]
        if confirmed:
            uow.commit()
    return erased


def reseal_tokens(deps: Deps) -> int:
    """Seal every stored Slack token again with LOOPKEEPER_SECRET_KEY's first (newest) key, so
    an older key can then be dropped. Returns how many rows were rewritten."""
    store = Installations(
        str(deps.settings.slack_client_id), deps.engine, deps.settings.secret_keys
    )
    return store.reseal()
