"""The fake Bot Connector answers errors in the Bot Connector's shape and refuses what Teams
refuses, so code that only works against a lax fake fails here too."""

from __future__ import annotations

import ssl

import httpx

from tests.support import fake_teams
from tests.support.fake_teams import FakeBotFramework


def test_errors_have_the_connector_shape(
    bot_framework: FakeBotFramework, teams_ca: fake_teams.TestCA
) -> None:
    url = bot_framework.service_url + "v3/conversations/a:1x/activities"
    with httpx.Client(verify=ssl.create_default_context(cafile=teams_ca.ca_file)) as http:
        denied = http.post(url, json={"type": "message", "text": "hi"})
        assert denied.status_code == 401
        assert denied.json()["error"]["code"] == "Unauthorized"
        token = "app-token-test"
        bot_framework.issued.add(token)
        headers = {"Authorization": f"Bearer {token}"}
        empty = http.post(url, json={"type": "message"}, headers=headers)
        assert empty.status_code == 400 and empty.json()["error"]["code"] == "BadArgument"
        bot_framework.refuse_next.append(429)
        limited = http.post(url, json={"type": "message", "text": "hi"}, headers=headers)
        assert limited.status_code == 429 and limited.headers["Retry-After"] == "7"
        assert set(limited.json()["error"]) == {"code", "message"}
        create = bot_framework.service_url + "v3/conversations"
        lonely = http.post(create, json={"isGroup": False, "members": []}, headers=headers)
        assert lonely.status_code == 400 and lonely.json()["error"]["code"] == "BadArgument"
