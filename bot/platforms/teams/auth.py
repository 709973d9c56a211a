"""Bot Framework authentication: tokens on incoming activities, and our app token for replies.

Incoming: an RS256 JWT from Bot Framework, checked against keys published at the `jwks_uri` of
TEAMS_OPENID_METADATA_URL (the SDK 1.9 validator maps issuers to Microsoft's own key addresses
instead, so sovereign clouds and tests could not point it elsewhere).
Outgoing: client credentials from `{TEAMS_LOGIN_URL}/{TEAMS_TENANT_ID}` with MSAL, built with
instance discovery off so a non-Microsoft authority (sovereign cloud, test) is used as given.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx
import jwt

from bot.platforms.teams.tls import ca_bundle, ssl_context
from bot.settings import Settings

log = logging.getLogger(__name__)

ISSUER = "https://api.botframework.com"
SCOPE = "https://api.botframework.com/.default"
# Bot Framework allows five minutes of clock skew between its servers and ours.
LEEWAY_SECONDS = 300
KEYS_MAX_AGE = 24 * 3600.0
# A token naming a key we don't have refreshes the key set at most this often: forged tokens
# with made-up key ids must not turn the bot into a client hammering the key server.
MIN_REFRESH_SECONDS = 1.0
# Renew the app token this long before it expires.
TOKEN_MARGIN_SECONDS = 300


class Unauthorized(Exception):
    """The activity's token is missing or not acceptable (HTTP 401)."""


class KeysUnavailable(Exception):
    """The signing keys could not be fetched (HTTP 503: Bot Framework retries)."""


class TeamsCallFailed(Exception):
    """An outgoing call to Teams (token or Bot Connector) failed."""


@dataclass(frozen=True)
class Verified:
    """A token whose signature checked out, and the channels its key is endorsed for."""

    claims: dict[str, Any]
    endorsements: object

    def endorsed_for(self, channel_id: object) -> None:
        """Unauthorized unless the key may sign activities of `channel_id` (e.g. msteams)."""
        if isinstance(self.endorsements, list) and channel_id not in self.endorsements:
            raise Unauthorized(f"key is not endorsed for channel {channel_id!r}")


class TokenValidator:
    """Checks Bot Framework tokens: issuer, audience, expiry, signature by a published key."""

    def __init__(self, metadata_url: str, app_id: str) -> None:
        self.metadata_url = metadata_url
        self.app_id = app_id
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched_at: float | None = None
        self._lock = threading.Lock()

    async def claims(self, authorization: str | None, channel_id: str | None) -> dict[str, Any]:
        """The verified claims of the `Authorization: Bearer …` header, or Unauthorized."""
        verified = await self.verify(authorization)
        verified.endorsed_for(channel_id)
        return verified.claims

    async def verify(self, authorization: str | None) -> Verified:
        """The token checked before the activity is read (its signature, issuer, audience and
        expiry); the channel its key is endorsed for is checked once the body is parsed."""
        if not authorization or not authorization.startswith("Bearer "):
            raise Unauthorized("no bearer token")
        token = authorization.removeprefix("Bearer ").strip()
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError as exc:
            raise Unauthorized(f"malformed token: {exc}") from None
        # Everything checkable without keys comes first: a forged token never makes us call out.
        if header.get("alg") != "RS256":
            raise Unauthorized("token is not RS256")
        if unverified.get("iss") != ISSUER:
            raise Unauthorized("wrong issuer")
        if unverified.get("aud") != self.app_id:
            raise Unauthorized("wrong audience")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise Unauthorized("token names no key")
        jwk = await self._key(kid)
        if jwk is None:
            raise Unauthorized("token signed by an unknown key")
        try:
            key = jwt.PyJWK(jwk, algorithm="RS256").key
            claims = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                audience=self.app_id,
                issuer=ISSUER,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as exc:
            raise Unauthorized(f"token rejected: {exc}") from None
        return Verified(claims, jwk.get("endorsements"))

    async def _key(self, kid: str) -> dict[str, Any] | None:
        now = time.monotonic()
        with self._lock:
            fetched_at, key = self._fetched_at, self._keys.get(kid)
        stale = fetched_at is None or now - fetched_at > KEYS_MAX_AGE
        if key is not None and not stale:
            return key
        if stale or now - fetched_at >= MIN_REFRESH_SECONDS:  # type: ignore[operator]
            await self._refresh()
        with self._lock:
            return self._keys.get(kid)

    async def _refresh(self) -> None:
        try:
            async with httpx.AsyncClient(verify=ssl_context(), timeout=10) as client:
                metadata = (await client.get(self.metadata_url)).raise_for_status().json()
                jwks_uri = metadata["jwks_uri"]
                jwks = (await client.get(jwks_uri)).raise_for_status().json()
            keys = {
                k["kid"]: k for k in jwks.get("keys", []) if isinstance(k, dict) and k.get("kid")
            }
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
            log.error("can't fetch Bot Framework signing keys from %s: %s", self.metadata_url, exc)
            raise KeysUnavailable(str(exc)) from None
        with self._lock:
            self._keys, self._fetched_at = keys, time.monotonic()
        log.info("loaded %d Bot Framework signing keys", len(keys))


class AppTokens:
    """The app's Bot Connector token (client credentials via MSAL), kept until shortly before
    it expires."""

    def __init__(self, settings: Settings) -> None:
        self.client_id = settings.teams_app_id or ""
        self.secret = settings.teams_app_password
        tenant = settings.teams_tenant_id or "botframework.com"
        self.authority = f"{settings.teams_login_url.rstrip('/')}/{tenant}"
        self._app: Any = None
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = threading.Lock()

    async def token(self) -> str:
        with self._lock:
            if self._token and time.monotonic() < self._expires_at - TOKEN_MARGIN_SECONDS:
                return self._token
        return await asyncio.to_thread(self._acquire)

    def _acquire(self) -> str:
        with self._lock:
            if self._token and time.monotonic() < self._expires_at - TOKEN_MARGIN_SECONDS:
                return self._token
            if not self.secret:
                raise TeamsCallFailed(
                    "TEAMS_APP_PASSWORD is not set: Loopkeeper can't reply on Teams"
                )
            try:
                result = self._msal().acquire_token_for_client(scopes=[SCOPE])
            except Exception as exc:  # noqa: BLE001 - MSAL raises many kinds; all mean "no token"
                raise TeamsCallFailed(
                    f"can't reach {self.authority} for an app token: {exc}"
                ) from None
            if "access_token" not in result:
                raise TeamsCallFailed(
                    f"{self.authority} refused an app token: "
                    f"{result.get('error')}: {result.get('error_description')}"
                )
            self._token = result["access_token"]
            self._expires_at = time.monotonic() + float(result.get("expires_in") or 3600)
            return self._token  # type: ignore[return-value]

    def _msal(self) -> Any:
        if self._app is None:
            import msal

            self._app = msal.ConfidentialClientApplication(
                self.client_id,
                client_credential=self.secret,
                authority=self.authority,
                instance_discovery=False,
                verify=ca_bundle() or True,
                timeout=15,
            )
        return self._app


_tokens: dict[tuple[str, ...], AppTokens] = {}
_tokens_lock = threading.Lock()


def app_tokens(settings: Settings) -> AppTokens:
    """One token cache per app and authority, shared by replies and proactive messages."""
    key = (
        settings.teams_app_id or "",
        settings.teams_app_password or "",
        settings.teams_login_url,
        settings.teams_tenant_id or "",
    )
    with _tokens_lock:
        if key not in _tokens:
            _tokens[key] = AppTokens(settings)
        return _tokens[key]
