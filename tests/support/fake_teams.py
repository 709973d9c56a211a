"""Fakes for Teams tests, all on 127.0.0.1: a test CA, Bot Framework's OpenID metadata and keys,
a client-credentials token endpoint, a Bot Connector that records what the bot sends, RS256 tokens
signed like Bot Framework's, and activities shaped the way Teams sends them.
"""

from __future__ import annotations

import base64
import datetime as dt
import ipaddress
import itertools
import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import jwt
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.platforms.teams.auth import ISSUER

APP_ID = "8a2b7c1e-3f4d-4e5a-9b6c-7d8e9f0a1b2c"
APP_PASSWORD = "app-secret"
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
BOT = f"28:{APP_ID}"
# Real Teams ids have these shapes and lengths (a 1:1 conversation id is far longer than 64).
TEAM = "19:4b0fb5bd07d64b8ca7e8f1a06c3ea7e1@thread.tacv2"
CHANNEL = "19:9c1e3a3b1e5d4f0aa3e1a7b5e2b8c4d9@thread.tacv2"


# --- TLS ---------------------------------------------------------------------------------------


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _pem_key(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


@dataclass
class TestCA:
    """A certificate authority made for the test run, and a server certificate for 127.0.0.1.

    Point SSL_CERT_FILE/REQUESTS_CA_BUNDLE at `ca_file` so our clients trust the fakes."""

    folder: Path
    ca_file: Path = field(init=False)
    cert_file: Path = field(init=False)
    key_file: Path = field(init=False)

    def __post_init__(self) -> None:
        now = dt.datetime.now(dt.UTC)
        ca_key, server_key = _key(), _key()
        ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Loopkeeper test CA")])
        ca = (
            x509.CertificateBuilder()
            .subject_name(ca_name)
            .issuer_name(ca_name)
            .public_key(ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(hours=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    key_cert_sign=True,
                    crl_sign=True,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
            )
            .sign(ca_key, hashes.SHA256())
        )
        server = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name)
            .public_key(server_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(hours=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(
                x509.SubjectAlternativeName(
                    [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
                ),
                critical=False,
            )
            .add_extension(
                x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                critical=False,
            )
            .sign(ca_key, hashes.SHA256())
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        self.ca_file = self.folder / "ca.pem"
        self.cert_file = self.folder / "server.pem"
        self.key_file = self.folder / "server-key.pem"
        self.ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
        self.cert_file.write_bytes(server.public_bytes(serialization.Encoding.PEM))
        self.key_file.write_bytes(_pem_key(server_key))


# --- serving an ASGI app from a thread ---------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerThread:
    """uvicorn serving `app` on 127.0.0.1 in a background thread (https when given a CA)."""

    def __init__(self, app: Any, tls: TestCA | None = None) -> None:
        self.port = free_port()
        scheme = "https" if tls else "http"
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        options: dict[str, Any] = {}
        if tls:
            options = {"ssl_certfile": str(tls.cert_file), "ssl_keyfile": str(tls.key_file)}
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off", **options
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"server on {self.url} did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.server.force_exit = True  # don't wait for clients' idle keep-alive connections
        self.thread.join(timeout=10)


# --- tokens ------------------------------------------------------------------------------------


class SigningKey:
    """An RS256 key like Bot Framework's, with its public JWK (endorsed for msteams)."""

    def __init__(self, kid: str | None = None, endorsements: tuple[str, ...] = ("msteams",)):
        self.kid = kid or "key-" + uuid.uuid4().hex[:8]
        self.private = _key()
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.private.public_key()))
        self.jwk = {
            **public,
            "kid": self.kid,
            "use": "sig",
            "alg": "RS256",
            "endorsements": list(endorsements),
        }

    def token(
        self,
        service_url: str,
        *,
        audience: str = APP_ID,
        issuer: str = ISSUER,
        expires_in: int = 3600,
        not_before: int = -60,
        kid: str | None = None,
        **claims: Any,
    ) -> str:
        now = int(time.time())
        payload = {
            "iss": issuer,
            "aud": audience,
            "serviceurl": service_url,
            "nbf": now + not_before,
            "exp": now + expires_in,
            "iat": now + not_before,
            **claims,
        }
        return jwt.encode(
            payload, _pem_key(self.private), algorithm="RS256", headers={"kid": kid or self.kid}
        )


# --- the fake Bot Framework --------------------------------------------------------------------


@dataclass
class Sent:
    """One call the bot made to the Bot Connector."""

    method: str
    path: str
    body: dict[str, Any]
    token: str | None
    id: str = ""  # the activity id the connector gave back

    @property
    def cards(self) -> list[dict[str, Any]]:
        return [
            a["content"]
            for a in self.body.get("attachments") or []
            if a.get("contentType") == "application/vnd.microsoft.card.adaptive"
        ]

    @property
    def text(self) -> str:
        """Every text shown in the message's cards, one line each (what the user reads)."""
        lines: list[str] = []
        for card in self.cards:
            _collect_text(card, lines)
        return "\n".join(lines)

    def actions(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for card in self.cards:
            _collect_actions(card, found)
        return found


def _collect_text(node: Any, lines: list[str]) -> None:
    if isinstance(node, dict):
        if node.get("type") == "TextBlock":
            lines.append(node.get("text", ""))
        if node.get("type") == "FactSet":
            lines += [f"{f['title']}: {f['value']}" for f in node.get("facts", [])]
        for value in node.values():
            _collect_text(value, lines)
    elif isinstance(node, list):
        for item in node:
            _collect_text(item, lines)


def _collect_actions(node: Any, found: list[dict[str, Any]]) -> None:
    if isinstance(node, dict):
        if str(node.get("type", "")).startswith("Action."):
            found.append(node)
        for value in node.values():
            _collect_actions(value, found)
    elif isinstance(node, list):
        for item in node:
            _collect_actions(item, found)


# The Bot Connector's error codes for the statuses the tests make it answer.
ERROR_CODES = {
    400: "BadArgument",
    401: "Unauthorized",
    403: "BotNotInConversationRoster",
    404: "ConversationNotFound",
    429: "TooManyRequests",
}


def connector_error(status: int, message: str, code: str | None = None, **headers: str) -> Response:
    """An error as the Bot Connector answers it: {"error": {"code": …, "message": …}}."""
    code = code or ERROR_CODES.get(status, "ServiceError")
    body = {"error": {"code": code, "message": message}}
    return JSONResponse(body, status_code=status, headers=headers or None)


def _activity_refused(body: dict[str, Any]) -> str | None:
    """Why the Bot Connector would refuse this activity, or None."""
    if not body.get("type"):
        return "Activity type is required"
    if body["type"] == "message" and not (body.get("text") or body.get("attachments")):
        return "Message activity must have text or attachments"
    return None


class FakeBotFramework:
    """OpenID metadata + keys, a token endpoint and a Bot Connector, on one https server.

    `service_url` is what activities carry; the bot's replies land in `sent`. Its errors have
    the Bot Connector's shape ({"error": {"code", "message"}}); an activity without a type, a
    message without text or attachments and a conversation without members or tenant are
    refused with 400 BadArgument, as Teams refuses them.
    """

    def __init__(self, tls: TestCA) -> None:
        self.keys: list[SigningKey] = [SigningKey("bf-key-1")]
        self.key_requests = 0
        self.metadata_requests = 0
        self.token_requests: list[dict[str, str]] = []
        self.issued: set[str] = set()
        self.sent: list[Sent] = []
        self.members: dict[str, dict[str, Any]] = {}
        self.conversations: dict[str, str] = {}  # member id -> personal conversation id
        self.refuse_next: list[int] = []  # statuses to answer the next connector calls with
        self._ids = itertools.count(1000)
        self._lock = threading.Lock()
        self.server = ServerThread(self._app(), tls)

    # addresses
    @property
    def url(self) -> str:
        return self.server.url

    @property
    def metadata_url(self) -> str:
        return f"{self.url}/openid/.well-known/openidconfiguration"

    @property
    def login_url(self) -> str:
        return f"{self.url}/login"

    @property
    def service_url(self) -> str:
        return f"{self.url}/connector/"

    @property
    def key(self) -> SigningKey:
        return self.keys[0]

    def env(self) -> dict[str, str]:
        return {
            "TEAMS_APP_ID": APP_ID,
            "TEAMS_APP_PASSWORD": APP_PASSWORD,
            "TEAMS_TENANT_ID": TENANT,
            "TEAMS_OPENID_METADATA_URL": self.metadata_url,
            "TEAMS_LOGIN_URL": self.login_url,
        }

    def reset(self) -> None:
        with self._lock:
            self.sent.clear()
            self.token_requests.clear()
            self.members.clear()
            self.conversations.clear()
            self.refuse_next.clear()
            self.keys = [self.keys[0]]
            self.key_requests = self.metadata_requests = 0

    def start(self) -> FakeBotFramework:
        self.server.start()
        return self

    def stop(self) -> None:
        self.server.stop()

    # what the bot sent
    def posts(self, predicate: Callable[[Sent], bool] = lambda s: True) -> list[Sent]:
        with self._lock:
            return [
                s
                for s in self.sent
                if s.method == "POST" and "/activities" in s.path and predicate(s)
            ]

    def updates(self) -> list[Sent]:
        with self._lock:
            return [s for s in self.sent if s.method == "PUT"]

    def created(self) -> list[Sent]:
        with self._lock:
            return [s for s in self.sent if s.method == "POST" and s.path == "/v3/conversations"]

    def add_member(self, user: TeamsUser) -> None:
        self.members[user.id] = self.members[user.aad] = {
            "id": user.id,
            "name": user.name,
            "aadObjectId": user.aad,
            "userPrincipalName": f"{user.name.split()[0].lower()}@contoso.test",
        }

    # the app
    def _app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/openid/.well-known/openidconfiguration", self._metadata),
                Route("/openid/keys", self._jwks),
                Route("/login/{tenant}/v2.0/.well-known/openid-configuration", self._discovery),
                Route("/login/{tenant}/oauth2/v2.0/token", self._token, methods=["POST"]),
                Route("/connector/v3/conversations", self._create, methods=["POST"]),
                Route(
                    "/connector/v3/conversations/{conversation}/activities",
                    self._activity,
                    methods=["POST"],
                ),
                Route(
                    "/connector/v3/conversations/{conversation}/activities/{activity}",
                    self._activity,
                    methods=["POST", "PUT"],
                ),
                Route("/connector/v3/conversations/{conversation}/members/{member}", self._member),
            ]
        )

    async def _metadata(self, request: Request) -> Response:
        self.metadata_requests += 1
        return JSONResponse(
            {
                "issuer": ISSUER,
                "jwks_uri": f"{self.url}/openid/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            }
        )

    async def _jwks(self, request: Request) -> Response:
        self.key_requests += 1
        return JSONResponse({"keys": [k.jwk for k in self.keys]})

    async def _discovery(self, request: Request) -> Response:
        base = f"{self.url}/login/{request.path_params['tenant']}"
        return JSONResponse(
            {
                "issuer": f"{base}/v2.0",
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "token_endpoint": f"{base}/oauth2/v2.0/token",
            }
        )

    async def _token(self, request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode()))
        form["tenant"] = request.path_params["tenant"]
        with self._lock:
            self.token_requests.append({k: str(v) for k, v in form.items()})
        if form.get("client_id") != APP_ID or form.get("client_secret") != APP_PASSWORD:
            return JSONResponse(
                {"error": "invalid_client", "error_description": "bad secret"}, status_code=401
            )
        token = "app-token-" + uuid.uuid4().hex
        self.issued.add(token)
        return JSONResponse({"token_type": "Bearer", "expires_in": 3599, "access_token": token})

    def _record(self, request: Request, body: dict[str, Any]) -> tuple[Sent, Response | None]:
        """Keep the call; the error to answer with instead, if any (bad token, refusal)."""
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        path = request.url.path.removeprefix("/connector")
        with self._lock:
            sent = Sent(request.method, path, body, token, str(next(self._ids)))
            if request.method == "PUT":
                sent.id = request.path_params["activity"]
            self.sent.append(sent)
            refused = self.refuse_next.pop(0) if self.refuse_next else None
        if token not in self.issued:
            return sent, connector_error(401, "Authorization has been denied for this request.")
        if refused:
            return sent, connector_error(refused, "refused on purpose", **{"Retry-After": "7"})
        return sent, None

    async def _create(self, request: Request) -> Response:
        body = await request.json()
        _, refused = self._record(request, body)
        if refused:
            return refused
        tenant = body.get("tenantId") or (body.get("channelData") or {}).get("tenant", {}).get("id")
        if not body.get("members") or not body["members"][0].get("id") or not tenant:
            return connector_error(400, "Conversation needs members and a tenant id")
        member = body["members"][0]["id"]
        conversation = self.conversations.setdefault(
            member, "a:1personal" + base64.urlsafe_b64encode(os.urandom(90)).decode()
        )
        return JSONResponse({"id": conversation}, status_code=201)

    async def _activity(self, request: Request) -> Response:
        sent, refused = self._record(request, await request.json())
        if refused:
            return refused
        invalid = _activity_refused(sent.body)
        if invalid:
            return connector_error(400, invalid)
        return JSONResponse({"id": sent.id}, status_code=200 if request.method == "PUT" else 201)

    async def _member(self, request: Request) -> Response:
        _, refused = self._record(request, {})
        if refused:
            return refused
        member = self.members.get(request.path_params["member"])
        if member is None:
            return connector_error(
                404, "The member was not found in the conversation", "MemberNotFoundInConversation"
            )
        return JSONResponse(member)


# --- activities --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TeamsUser:
    name: str
    aad: str = field(default_factory=lambda: str(uuid.uuid4()))
    id: str = ""
    tenant: str | None = None  # another organisation's tenant (a shared channel's guest)

    def __post_init__(self) -> None:
        if not self.id:
            raw = base64.urlsafe_b64encode(uuid.UUID(self.aad).bytes * 3).decode().rstrip("=")
            object.__setattr__(self, "id", "29:1" + raw)

    def account(self) -> dict[str, str]:
        found = {"id": self.id, "name": self.name, "aadObjectId": self.aad}
        return {**found, "tenantId": self.tenant} if self.tenant else found

    def mention(self) -> tuple[str, dict[str, Any]]:
        """`<at>Name</at>` and its entity (without aadObjectId, as Teams often sends it)."""
        text = f"<at>{self.name}</at>"
        return text, {
            "type": "mention",
            "text": text,
            "mentioned": {"id": self.id, "name": self.name},
        }


_activity_ids = itertools.count(1_764_000_000_000)


def bot_mention() -> tuple[str, dict[str, Any]]:
    text = "<at>Loopkeeper</at>"
    return text, {"type": "mention", "text": text, "mentioned": {"id": BOT, "name": "Loopkeeper"}}


class Teams:
    """Builds activities as Teams sends them to the bot, for one tenant and serviceUrl."""

    def __init__(self, service_url: str, tenant: str = TENANT) -> None:
        self.service_url = service_url
        self.tenant = tenant

    def _base(self, user: TeamsUser, conversation: dict[str, Any], **fields: Any) -> dict:
        return {
            "id": str(next(_activity_ids)),
            "timestamp": "2026-11-24T09:00:00.000Z",
            "serviceUrl": self.service_url,
            "channelId": "msteams",
            "from": user.account(),
            "conversation": {"tenantId": self.tenant, **conversation},
            "recipient": {"id": BOT, "name": "Loopkeeper"},
            **fields,
        }

    def personal_conversation(self, user: TeamsUser) -> dict[str, Any]:
        return {"conversationType": "personal", "id": self.dm(user)}

    def dm(self, user: TeamsUser) -> str:
        """The id of the user's 1:1 chat with the bot (Teams' are long and opaque)."""
        return "a:1" + base64.urlsafe_b64encode(uuid.UUID(user.aad).bytes * 6).decode()

    def _channel_data(self, channel: str = CHANNEL) -> dict[str, Any]:
        return {
            "teamsChannelId": channel,
            "teamsTeamId": TEAM,
            "channel": {"id": channel},
            "team": {"id": TEAM},
            "tenant": {"id": self.tenant},
        }

    def personal(
        self,
        user: TeamsUser,
        text: str,
        tz: str | None = "Europe/Paris",
        entities: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """A 1:1 message to the bot."""
        client = (
            [
                {
                    "type": "clientInfo",
                    "locale": "en-US",
                    "country": "FR",
                    "platform": "Web",
                    "timezone": tz,
                }
            ]
            if tz
            else []
        )
        return self._base(
            user,
            self.personal_conversation(user),
            type="message",
            text=text,
            textFormat="plain",
            locale="en-US",
            entities=[*(entities or []), *client],
            channelData={"tenant": {"id": self.tenant}},
            **({"localTimezone": tz} if tz else {}),
        )

    def channel(
        self,
        user: TeamsUser,
        text: str,
        mentions: list[tuple[str, dict]] | None = None,
        channel: str = CHANNEL,
        reply_to_root: str | None = None,
    ) -> dict[str, Any]:
        """A channel message that @mentions the bot (the text already holds the <at> tags)."""
        activity_id = str(next(_activity_ids))
        root = reply_to_root or activity_id
        body = self._base(
            user,
            {"conversationType": "channel", "isGroup": True, "id": f"{channel};messageid={root}"},
            type="message",
            text=text,
            textFormat="plain",
            entities=[m[1] for m in (mentions or [bot_mention()])],
            channelData=self._channel_data(channel),
        )
        body["id"] = activity_id
        return body

    def submit(
        self,
        user: TeamsUser,
        value: dict[str, Any],
        reply_to: str,
        conversation: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """An Action.Submit press: a message with no text, the button's data in `value`."""
        return self._base(
            user,
            conversation or self.personal_conversation(user),
            type="message",
            value=value,
            replyToId=reply_to,
            channelData={"tenant": {"id": self.tenant}, "source": {"name": "message"}},
            entities=[{"type": "clientInfo", "locale": "en-US", "timezone": "Europe/Paris"}],
        )

    def _message_action(
        self, user: TeamsUser, name: str, message_id: str, channel: str, **value: Any
    ) -> dict[str, Any]:
        """An invoke of the "Log customer feedback" message action (context: message)."""
        conversation: dict[str, Any] = {
            "conversationType": "channel",
            "isGroup": True,
            "id": f"{channel};messageid={message_id}",
        }
        channel_data = self._channel_data(channel)
        if channel.endswith("@unq.gbl.spaces"):  # a 1:1 chat between two people
            conversation = {"conversationType": "personal", "id": channel}
            channel_data = {"tenant": {"id": self.tenant}}
        value = {
            "commandId": "logFeedback",
            "commandContext": "message",
            "context": {"theme": "default"},
            **value,
        }
        return self._base(
            user, conversation, type="invoke", name=name, channelData=channel_data, value=value
        )

    def chat_between(self, one: TeamsUser, other: TeamsUser) -> str:
        """The id of a 1:1 chat between two people (longer than 64 characters)."""
        return f"19:{one.aad}_{other.aad}@unq.gbl.spaces"

    def fetch_task(
        self, user: TeamsUser, author: TeamsUser, html: str, channel: str = CHANNEL
    ) -> dict[str, Any]:
        """The action opened on someone's channel message: Teams asks for the dialog."""
        message_id = str(next(_activity_ids))
        link = f"{self.service_url}l/message/{channel}/{message_id}?tenantId={self.tenant}"
        payload = {
            "id": message_id,
            "messageType": "message",
            "createdDateTime": "2026-11-24T08:59:00.000Z",
            "linkToMessage": link,
            "from": {"user": {"id": author.aad, "displayName": author.name}},
            "body": {"contentType": "html", "content": html},
            "attachments": [],
            "mentions": [],
            "reactions": [],
        }
        return self._message_action(
            user,
            "composeExtension/fetchTask",
            message_id,
            channel,
            requestId=uuid.uuid4().hex,
            messagePayload=payload,
        )

    def submit_action(
        self, user: TeamsUser, data: dict[str, Any], channel: str = CHANNEL
    ) -> dict[str, Any]:
        """The dialog's Log feedback button: its data holds the inputs."""
        return self._message_action(
            user,
            "composeExtension/submitAction",
            str(data.get("messageId") or "1"),
            channel,
            data=data,
        )
