"""Only activities Bot Framework really sent are handled; our replies carry our app token."""

from __future__ import annotations

import pytest

from bot.platforms.teams import auth
from tests.platforms.teams.conftest import TeamsClient
from tests.support.fake_teams import APP_ID, TENANT, FakeBotFramework, SigningKey, TeamsUser


def test_a_signed_activity_is_answered(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    response = teams.post(teams.teams.personal(dana, "help"))

    assert response.status_code == 200
    [reply] = bot_framework.posts()
    assert "/loop" in reply.text or "feedback" in reply.text
    assert bot_framework.key_requests == 1 and bot_framework.metadata_requests == 1
    health = teams.http.get(teams.url.removesuffix("/api/messages") + "/healthz").json()
    assert health["platforms"] == ["teams"]  # served by `loopkeeper serve`'s app


@pytest.mark.parametrize(
    "case",
    [
        "missing",
        "not bearer",
        "garbage",
        "bad signature",
        "expired",
        "not yet valid",
        "wrong audience",
        "wrong issuer",
        "service url mismatch",
        "no service url claim",
        "unknown key",
        "not endorsed for teams",
        "HS256",
    ],
)
def test_tokens_that_are_not_acceptable_get_401(
    case: str, teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    activity = teams.teams.personal(dana, "commit ACME: ship SSO")
    service_url = activity["serviceUrl"]
    key = bot_framework.key
    if case == "not endorsed for teams":
        skype = SigningKey("skype-only", endorsements=("skype",))
        bot_framework.keys.append(skype)
    tokens = {  # made lazily: RSA keys take a moment
        "missing": lambda: None,
        "garbage": lambda: "not.a.jwt",
        "bad signature": lambda: SigningKey(key.kid).token(service_url),  # same kid, other key
        "expired": lambda: key.token(service_url, expires_in=-600),  # beyond the 5 minutes of skew
        "not yet valid": lambda: key.token(service_url, not_before=900),
        "wrong audience": lambda: key.token(service_url, audience="another-app"),
        "wrong issuer": lambda: key.token(
            service_url, issuer="https://127.0.0.1:9/not-bot-framework"
        ),
        "service url mismatch": lambda: key.token("https://127.0.0.1:1/elsewhere/"),
        "no service url claim": lambda: key.token(""),
        "unknown key": lambda: SigningKey().token(service_url),
        "not endorsed for teams": lambda: bot_framework.keys[-1].token(service_url),
        "HS256": lambda: _hs256(service_url),
    }
    if case == "not bearer":
        response = teams.http.post(
            teams.url, json=activity, headers={"Authorization": "Basic dXNlcjpwYXNz"}
        )
    else:
        response = teams.post(activity, token=tokens[case]())

    assert response.status_code == 401
    assert bot_framework.sent == []  # nothing was done for it


def _hs256(service_url: str) -> str:
    import time

    import jwt

    return jwt.encode(
        {
            "iss": auth.ISSUER,
            "aud": APP_ID,
            "serviceurl": service_url,
            "exp": int(time.time()) + 600,
        },
        "secret-that-is-long-enough-for-hs256",
        algorithm="HS256",
        headers={"kid": "bf-key-1"},
    )


def test_a_forged_issuer_never_makes_the_bot_call_out(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    activity = teams.teams.personal(dana, "help")
    forged = SigningKey().token(
        activity["serviceUrl"], issuer="https://127.0.0.1:9/not-bot-framework"
    )

    assert teams.post(activity, token=forged).status_code == 401
    assert bot_framework.metadata_requests == 0 and bot_framework.key_requests == 0


def test_keys_are_cached_and_refreshed_when_a_new_key_signs(
    teams: TeamsClient,
    bot_framework: FakeBotFramework,
    dana: TeamsUser,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    teams.say(dana, "help")
    teams.say(dana, "help")
    assert bot_framework.key_requests == 1  # cached

    monkeypatch.setattr(auth, "MIN_REFRESH_SECONDS", 0.0)
    rotated = SigningKey("bf-key-2")
    bot_framework.keys.append(rotated)
    activity = teams.teams.personal(dana, "help")
    response = teams.post(activity, token=rotated.token(activity["serviceUrl"]))

    assert response.status_code == 200
    assert bot_framework.key_requests == 2


def test_made_up_key_ids_refresh_the_keys_at_most_once_a_second(
    teams: TeamsClient,
    bot_framework: FakeBotFramework,
    dana: TeamsUser,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The interval stretched to an hour: on a busy machine five requests can take more than a
    # second (each signs with a new RSA key), and the rule is "one refresh per interval".
    monkeypatch.setattr(auth, "MIN_REFRESH_SECONDS", 3600.0)
    teams.say(dana, "help")
    for _ in range(5):
        activity = teams.teams.personal(dana, "help")
        assert (
            teams.post(activity, token=SigningKey().token(activity["serviceUrl"])).status_code
            == 401
        )

    assert bot_framework.key_requests <= 2


def test_keys_are_fetched_over_https_trusting_only_the_configured_ca(
    teams: TeamsClient,
    bot_framework: FakeBotFramework,
    dana: TeamsUser,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE")
    monkeypatch.delenv("REQUESTS_CA_BUNDLE")

    response = teams.post(teams.teams.personal(dana, "help"))

    assert response.status_code == 503  # the test CA is unknown: no keys, no trust
    assert bot_framework.sent == []


def test_replies_use_a_client_credentials_token_kept_until_it_expires(
    teams: TeamsClient, bot_framework: FakeBotFramework, dana: TeamsUser
) -> None:
    teams.say(dana, "help")
    teams.say(dana, "list")

    [request] = bot_framework.token_requests
    assert request["tenant"] == TENANT
    assert request["grant_type"] == "client_credentials"
    assert request["client_id"] == APP_ID
    assert request["scope"] == auth.SCOPE
    first, second = bot_framework.posts()
    assert first.token and first.token == second.token
    assert first.token in bot_framework.issued
