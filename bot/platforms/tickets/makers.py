"""Opening tickets from chat: GitHub's REST API and Linear's GraphQL API (the TicketMaker port).

Base addresses are settings (GITHUB_API_URL, LINEAR_API_URL) so tests run fakes on 127.0.0.1;
a CA file in SSL_CERT_FILE or REQUESTS_CA_BUNDLE is trusted, as by our other clients.
"""

from __future__ import annotations

import os
import ssl
from typing import Any

import httpx

from bot.core.errors import UserError
from bot.core.tickets import GITHUB, LINEAR, CreatedTicket, TicketRef, github_key
from bot.settings import Settings

TIMEOUT = 15.0


def _verify() -> ssl.SSLContext | bool:
    bundle = os.environ.get("SSL_CERT_FILE") or os.environ.get("REQUESTS_CA_BUNDLE")
    return ssl.create_default_context(cafile=bundle) if bundle else True


def _post(tracker: str, url: str, headers: dict[str, str], body: dict[str, Any]) -> Any:
    """POST JSON; a tracker's refusal or silence is a UserError saying nothing was created."""
    try:
        with httpx.Client(verify=_verify(), timeout=TIMEOUT) as client:
            answer = client.post(url, json=body, headers=headers)
        found = answer.json() if answer.content else {}
    except (httpx.HTTPError, ValueError) as exc:
        raise UserError(
            f"{tracker} could not be reached ({type(exc).__name__}): no ticket was "
            "opened; try again later."
        ) from None
    if answer.status_code >= 300 or (isinstance(found, dict) and found.get("errors")):
        why = found.get("message") if isinstance(found, dict) else None
        errors = found.get("errors") if isinstance(found, dict) else None
        if not why and isinstance(errors, list) and errors and isinstance(errors[0], dict):
            why = errors[0].get("message")
        reason = str(why or "no reason given")[:200]
        raise UserError(
            f"{tracker} refused the ticket ({answer.status_code}: {reason}): "
            "nothing was opened or linked."
        )
    return found


class GitHubMaker:
    system = GITHUB

    def __init__(self, settings: Settings) -> None:
        self.base = settings.github_api_url.rstrip("/")
        self.token, self.repository = settings.github_token, settings.github_repository

    def create(self, title: str, body: str) -> CreatedTicket:
        headers = {
            "Authorization": f"Bearer {self.token}",
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
        }
        url = f"{self.base}/repos/{self.repository}/issues"
        issue = _post("GitHub", url, headers, {"title": title, "body": body})
        key = github_key(str(self.repository), issue["number"])
        return CreatedTicket(
            TicketRef(GITHUB, key, issue.get("html_url")), issue.get("title", title)
        )


ISSUE_CREATE = """
mutation IssueCreate($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { id identifier title url } }
}
"""


class LinearMaker:
    system = LINEAR

    def __init__(self, settings: Settings) -> None:
        self.url, self.key, self.team = (
            settings.linear_api_url,
            settings.linear_api_key,
            settings.linear_team,
        )

    def create(self, title: str, body: str) -> CreatedTicket:
        variables = {"input": {"teamId": self.team, "title": title, "description": body}}
        headers = {"Authorization": str(self.key)}  # a personal API key goes without "Bearer"
        answer = _post("Linear", self.url, headers, {"query": ISSUE_CREATE, "variables": variables})
        issue = ((answer.get("data") or {}).get("issueCreate") or {}).get("issue")
        if not issue:
            raise UserError("Linear did not open the issue: nothing was linked.")
        ref = TicketRef(LINEAR, issue["identifier"].upper(), issue.get("url"))
        return CreatedTicket(ref, issue.get("title", title))


def ticket_makers(settings: Settings) -> dict[str, Any]:
    """The trackers this install can open tickets on: each whose token and target are set."""
    makers: dict[str, Any] = {}
    if settings.github_token and settings.github_repository:
        makers[GITHUB] = GitHubMaker(settings)
    if settings.linear_api_key and settings.linear_team:
        makers[LINEAR] = LinearMaker(settings)
    return makers
