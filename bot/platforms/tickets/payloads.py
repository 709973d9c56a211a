"""What each tracker's webhook body says about one ticket, as a TicketChange (None: nothing
about a ticket's status, like GitHub's ping or a Linear comment)."""

from __future__ import annotations

from typing import Any

from bot.core.tickets import (
    DONE,
    GITHUB,
    JIRA,
    LINEAR,
    OPEN,
    REOPENED,
    TicketChange,
    TicketRef,
    github_key,
)

GITHUB_ACTIONS = {"closed", "reopened", "edited", "opened"}


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def github_change(event: str, body: dict[str, Any]) -> TicketChange | None:
    """`issues` and `pull_request` events: an issue closed as completed or a merged pull request
    is done; closed as not planned, closed unmerged or reopened is not (REOPENED)."""
    if event not in ("issues", "pull_request") or body.get("action") not in GITHUB_ACTIONS:
        return None
    item = _dict(body.get("issue" if event == "issues" else "pull_request"))
    repository = _text(_dict(body.get("repository")).get("full_name"))
    number = item.get("number")
    if not repository or not isinstance(number, int) or isinstance(number, bool):
        return None
    if item.get("state") == "closed":
        if event == "issues":
            shipped = item.get("state_reason") in ("completed", None)
        else:
            shipped = bool(item.get("merged")) or bool(item.get("merged_at"))
        status = DONE if shipped else REOPENED
    else:
        status = REOPENED if body.get("action") == "reopened" else OPEN
    ref = TicketRef(GITHUB, github_key(repository, number), _text(item.get("html_url")) or None)
    return TicketChange(ref, status, _text(item.get("title"))[:500])


def linear_change(body: dict[str, Any]) -> TicketChange | None:
    """An `Issue` event: done when its workflow state's type is `completed`."""
    if body.get("type") != "Issue" or body.get("action") not in ("create", "update"):
        return None
    issue = _dict(body.get("data"))
    key = _text(issue.get("identifier")).upper()
    if not key:
        return None
    kind = _text(_dict(issue.get("state")).get("type"))
    status = DONE if kind == "completed" else REOPENED if kind == "canceled" else OPEN
    url = _text(issue.get("url")) or _text(body.get("url")) or None
    return TicketChange(TicketRef(LINEAR, key, url), status, _text(issue.get("title"))[:500])


def jira_change(body: dict[str, Any]) -> TicketChange | None:
    """`jira:issue_updated` (or created): done when its status category's key is `done`."""
    if body.get("webhookEvent") not in ("jira:issue_updated", "jira:issue_created"):
        return None
    issue = _dict(body.get("issue"))
    key = _text(issue.get("key")).upper()
    if not key:
        return None
    fields = _dict(issue.get("fields"))
    category = _text(_dict(_dict(fields.get("status")).get("statusCategory")).get("key"))
    site = _text(issue.get("self")).split("/rest/", 1)[0]
    url = f"{site}/browse/{key}" if site.startswith("https://") else None
    status = DONE if category == "done" else OPEN
    return TicketChange(TicketRef(JIRA, key, url), status, _text(fields.get("summary"))[:500])
