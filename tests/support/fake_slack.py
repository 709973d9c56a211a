"""A fake Slack Web API over real HTTP on 127.0.0.1, recording every call.

    fake = FakeSlack(token="xoxb-test").start()   # fake.url is SLACK_API_URL
    ...                                            # point the app at it
    fake.calls("chat.postMessage")                 # what was sent, in order
    fake.wait_for("reactions.add")                 # block until the call arrives (or fail)
    fake.fail_next("chat.postMessage", status=429, retry_after=1, times=2)
    fake.stop()

Implements what Loopkeeper uses: auth.test, chat.postMessage, chat.update, chat.postEphemeral,
chat.getPermalink, conversations.open, conversations.history, conversations.replies,
conversations.info, team.info, reactions.add, users.info, views.open, views.update,
views.publish, files.getUploadURLExternal
(+ the upload URL it hands out), files.completeUploadExternal, apps.connections.open (+ a
Socket Mode WebSocket: `socket_send`, `socket_disconnect`, see "Socket Mode" below),
oauth.v2.access (OAuth installs: `add_install(code, team…)` readies a code; each install's
bot token is then accepted, and auth.test answers for its workspace; `expires_in` makes the
token rotating, refreshed with grant_type=refresh_token),
apps.event.authorizations.list (answers `event_authorizations[event_context]`),
functions.completeSuccess / completeError (a workflow step's outcome, accepted only with the
token `function_token(execution)` issued for that run: `completions(execution)`).
`response_url(name)` gives a URL for interaction payloads; posts to it are recorded as method
"response_url".

It keeps Slack's defaults and refusals, so code that leans on a lax fake fails here too:
conversations.history/replies return message metadata only with include_all_metadata=true, and
treat oldest/latest as exclusive unless inclusive=true; a missing required argument is
{"ok": false, "error": "invalid_arguments"}; users.info of a user the fake was not told about
(`add_user`, or `auto_users` for ids starting with U/W) is user_not_found.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiohttp import WSMsgType, web


@dataclass
class Call:
    """One request the fake received."""

    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    body: bytes = b""
    at: float = field(default_factory=time.monotonic)

    @property
    def blocks(self) -> list[dict[str, Any]]:
        """The blocks sent (decoded when they came form-encoded)."""
        return _decoded(self.params.get("blocks")) or []

    @property
    def view(self) -> dict[str, Any]:
        return _decoded(self.params.get("view")) or {}

    @property
    def text(self) -> str:
        """Every text the call carries (message text and block texts), for assertions."""
        parts = [str(self.params.get("text") or "")]
        parts += _texts(self.blocks) + _texts(self.view.get("blocks", []))
        return "\n".join(p for p in parts if p)


# What each method refuses to run without, as Slack does (invalid_arguments).
REQUIRED: dict[str, tuple[str, ...]] = {
    "chat.postMessage": ("channel",),
    "chat.update": ("channel", "ts"),
    "chat.postEphemeral": ("channel", "user"),
    "chat.getPermalink": ("channel", "message_ts"),
    "conversations.open": ("users",),
    "conversations.history": ("channel",),
    "conversations.replies": ("channel", "ts"),
    "reactions.add": ("channel", "timestamp", "name"),
    "users.info": ("user",),
    "conversations.info": ("channel",),
    "views.open": ("trigger_id", "view"),
    "views.update": ("view",),
    "views.publish": ("user_id", "view"),
    "functions.completeSuccess": ("function_execution_id", "outputs"),
    "functions.completeError": ("function_execution_id", "error"),
}
# Methods called with the app-level token (xapp-…), not a bot token.
APP_TOKEN_METHODS = ("apps.connections.open", "apps.event.authorizations.list")
# Slack's form-encoded booleans: "true" or "1" (JSON bodies: true).
_TRUE = {"true", "1", True}


def _flag(params: dict[str, Any], name: str) -> bool:
    return params.get(name) in _TRUE


def _decoded(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def _texts(node: Any) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "text" and isinstance(value, str):
                found.append(value)
            else:
                found += _texts(value)
    elif isinstance(node, list):
        for item in node:
            found += _texts(item)
    return found


@dataclass
class Install:
    """One workspace's (or, org_wide, one org's) install of the app, as oauth.v2.access
    answers it."""

    team: str | None
    enterprise: str | None = None
    org_wide: bool = False
    bot_user: str = "UBOT"
    bot_id: str = "BBOT"
    expires_in: int | None = None  # seconds: a rotating token
    token: str = ""
    refresh_token: str | None = None


@dataclass
class _Failure:
    status: int
    retry_after: float | None
    times: int
    error: str | None = None


class FakeSlack:
    """The fake server; one per test (cheap: an aiohttp app in a thread)."""

    def __init__(
        self,
        token: str | None = "xoxb-test-token",
        team: str = "T0001",
        bot_user: str = "UBOT",
        bot_id: str = "BBOT",
        app_token: str | None = "xapp-test-token",
        auto_users: bool = True,
    ) -> None:
        self.token, self.team, self.bot_user, self.bot_id = token, team, bot_user, bot_id
        self.app_token = app_token
        # Any U…/W… id is a person with default facts (tests name many owners); False: only
        # the users added. Ids of another shape are never found, as in Slack.
        self.auto_users = auto_users
        self.users: dict[str, dict[str, Any]] = {}
        self.channels: dict[str, dict[str, Any]] = {}  # conversations.info
        self.teams: dict[str, dict[str, Any]] = {}  # team.info
        self.messages: dict[str, list[dict[str, Any]]] = {}  # channel -> messages
        self.uploads: dict[str, bytes] = {}
        self._calls: list[Call] = []
        self._failures: dict[str, list[_Failure]] = {}
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._sockets: list[web.WebSocketResponse] = []
        self._socket_acks: dict[str, dict[str, Any]] = {}
        self._tickets: set[str] = set()  # Socket Mode URLs handed out and not yet used
        self._retiring: set[web.WebSocketResponse] = set()  # told to disconnect, not yet closed
        self.socket_connections = 0  # WebSocket connections accepted so far
        self.port = 0
        # Message timestamps follow this clock (a FixedClock's `now` in tests that move time).
        self.clock: Callable[[], datetime] | None = None
        self._last_ts = 0.0
        self._reactions: set[tuple[Any, Any, Any]] = set()
        self._function_tokens: dict[str, str] = {}  # workflow step run -> its function token
        # OAuth: the app's credentials, codes waiting for an exchange, tokens installs hold.
        self.client_id, self.client_secret = "1111.2222", "test-client-secret"
        self._codes: dict[str, Install] = {}
        self.installed: dict[str, Install] = {}  # bot token -> its install
        self._refreshes: dict[str, Install] = {}  # refresh token -> its install
        # apps.event.authorizations.list: event_context -> the authorizations it answers
        self.event_authorizations: dict[str, list[dict[str, Any]]] = {}

    # ----- lifecycle -------------------------------------------------------------------------
    def start(self) -> FakeSlack:
        ready = threading.Event()
        self._loop = asyncio.new_event_loop()

        def run() -> None:
            asyncio.set_event_loop(self._loop)
            self._loop.run_until_complete(self._serve())  # type: ignore[union-attr]
            ready.set()
            self._loop.run_forever()  # type: ignore[union-attr]

        self._thread = threading.Thread(target=run, name="fake-slack", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the fake Slack server did not start")
        return self

    async def _serve(self) -> None:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_post("/response/{name}", self._response_url)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    def stop(self) -> None:
        if self._loop is None:
            return

        async def shutdown() -> None:
            for ws in list(self._sockets):
                await ws.close()
            if self._runner:
                await self._runner.cleanup()

        asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread:
            self._thread.join(10)
        self._loop = None

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """What SLACK_API_URL should be."""
        return f"{self.base}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.base}/response/{name}"

    # ----- what tests set up and read ---------------------------------------------------------
    def add_install(
        self,
        code: str,
        team: str | None,
        enterprise: str | None = None,
        org_wide: bool = False,
        expires_in: int | None = None,
        bot_user: str = "UBOT",
    ) -> Install:
        """Ready `code` for one oauth.v2.access exchange installing the app in `team` (or,
        `org_wide`, in every workspace of `enterprise`)."""
        install = Install(team, enterprise, org_wide, bot_user, "B" + bot_user[1:], expires_in)
        self._codes[code] = install
        return install

    def revoke(self, token: str) -> None:
        """Slack forgets a token (the app was uninstalled): calls with it are invalid_auth."""
        self.installed.pop(token, None)

    def token_of(self, call: Call) -> str:
        return call.headers.get("Authorization", "").removeprefix("Bearer ")

    def team_of(self, call: Call) -> str | None:
        """The workspace (or the org, for an org-wide install) whose token made `call`."""
        install = self.installed.get(self.token_of(call))
        return None if install is None else install.team or install.enterprise

    def add_user(
        self,
        user_id: str,
        name: str,
        tz: str = "UTC",
        is_admin: bool = False,
        is_owner: bool = False,
        is_bot: bool = False,
        team: str | None = None,
    ) -> None:
        """A person; `team`: another organisation's (a Slack Connect guest), else ours."""
        self.users[user_id] = {
            "id": user_id,
            "name": name,
            "real_name": name.title(),
            "tz": tz,
            "is_admin": is_admin,
            "is_owner": is_owner,
            "is_bot": is_bot,
            "team_id": team or self.team,
            "profile": {"display_name": name, "real_name": name.title()},
        }

    def add_channel(
        self, channel: str, name: str, shared_with: tuple[str, ...] = (), **extra: Any
    ) -> None:
        """A channel conversations.info knows; `shared_with`: other organisations' team ids
        (a Slack Connect channel)."""
        self.channels[channel] = {
            "id": channel,
            "name": name,
            "is_channel": True,
            "is_ext_shared": bool(shared_with),
            "is_shared": bool(shared_with),
            "context_team_id": self.team,
            "connected_team_ids": [self.team, *shared_with] if shared_with else [],
            **extra,
        }

    def add_team(self, team: str, name: str, domain: str, email_domain: str = "") -> None:
        """Another organisation, as team.info describes it."""
        self.teams[team] = {
            "id": team, "name": name, "domain": domain, "email_domain": email_domain
        }  # fmt: skip

    def add_message(
        self,
        channel: str,
        ts: str,
        text: str,
        user: str = "U0001",
        thread_ts: str | None = None,
        **extra: Any,
    ) -> None:
        message = {"type": "message", "ts": ts, "text": text, "user": user, **extra}
        if thread_ts:
            message["thread_ts"] = thread_ts
        self.messages.setdefault(channel, []).append(message)

    def function_token(self, execution: str) -> str:
        """The token a workflow step's run carries (`bot_access_token`): only it may complete
        or fail that run."""
        return self._function_tokens.setdefault(execution, f"xwfp-{execution}-{next(self._ids)}")

    def completions(self, execution: str) -> list[Call]:
        """functions.completeSuccess / completeError calls answered for one run, in order."""
        done = self.answered("functions.completeSuccess") + self.answered("functions.completeError")
        found = [c for c in done if c.params.get("function_execution_id") == execution]
        return sorted(found, key=lambda c: c.at)

    def calls(self, method: str | None = None) -> list[Call]:
        """Calls received so far (of one method, or all), oldest first; 429s/500s included."""
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def answered(self, method: str) -> list[Call]:
        """Calls of `method` that were answered successfully (not failed on purpose)."""
        return [c for c in self.calls(method) if not c.params.get("_failed")]

    def clear(self) -> None:
        with self._lock:
            self._calls.clear()

    def fail_next(
        self,
        method: str,
        status: int = 429,
        retry_after: float | None = 1,
        times: int = 1,
        error: str | None = None,
    ) -> None:
        """Answer the next `times` calls of `method` with `status` (429 carries Retry-After);
        status 200 with `error` answers {"ok": false, "error": error}."""
        with self._lock:
            self._failures.setdefault(method, []).append(
                _Failure(status, retry_after, times, error)
            )

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Wait until `count` answered calls of `method` arrived; AssertionError otherwise."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.answered(method)
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                seen = sorted({c.method for c in self.calls()})
                raise AssertionError(
                    f"{method} called {len(found)} times, wanted {count}; calls seen: {seen}"
                )
            time.sleep(0.01)

    async def wait_for_async(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """wait_for from inside an event loop (does not block it)."""
        deadline = time.monotonic() + timeout
        while len(self.answered(method)) < count and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        return self.wait_for(method, count, timeout=0)

    # ----- Socket Mode ------------------------------------------------------------------------
    # Slack's protocol: apps.connections.open hands out a WebSocket URL good for one connection;
    # the connection starts with `hello`; each envelope (events_api, slash_commands,
    # interactive) is acknowledged with its envelope_id (and a response payload where it
    # accepts one); `disconnect` says the connection ends (`warning`: soon; `refresh_requested`:
    # now, and the socket closes), and the app opens a new one through apps.connections.open.
    def socket_connected(self, timeout: float = 10.0, count: int = 1) -> bool:
        """True once `count` connections were opened in all and one is open."""
        deadline = time.monotonic() + timeout
        while not self._socket_ready(count) and time.monotonic() < deadline:
            time.sleep(0.02)
        return self._socket_ready(count)

    async def socket_connected_async(self, timeout: float = 10.0, count: int = 1) -> bool:
        """socket_connected from inside an event loop (does not block it)."""
        deadline = time.monotonic() + timeout
        while not self._socket_ready(count) and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        return self._socket_ready(count)

    def _socket_ready(self, count: int) -> bool:
        return self.socket_connections >= count and bool(self._sockets)

    def socket_send(self, kind: str, payload: dict[str, Any], retry_attempt: int = 0) -> str:
        """Send an envelope (events_api, slash_commands, interactive) on the newest connection;
        `retry_attempt` > 0 is Slack delivering it again after no ack came."""
        envelope_id = f"env-{next(self._ids)}"
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
            "retry_attempt": retry_attempt,
            "retry_reason": "timeout" if retry_attempt else "",
        }
        self._on_socket(lambda ws: ws.send_json(envelope))
        return envelope_id

    def socket_disconnect(self, reason: str = "refresh_requested", grace: float = 1.0) -> None:
        """Slack's `disconnect` on the newest connection. Unless it is a `warning`, that
        connection is then closed: once the app has opened another, or after `grace` seconds."""

        async def notice(ws: web.WebSocketResponse) -> None:
            await ws.send_json(
                {"type": "disconnect", "reason": reason, "debug_info": {"host": "fake-applink"}}
            )
            if reason != "warning":
                self._retiring.add(ws)
                asyncio.get_running_loop().call_later(grace, self._retire, ws)

        self._on_socket(notice)

    def _retire(self, ws: web.WebSocketResponse) -> None:
        self._retiring.discard(ws)
        asyncio.ensure_future(ws.close())

    def _on_socket(self, act: Callable[[web.WebSocketResponse], Any]) -> None:
        assert self._loop is not None and self._sockets, "no Socket Mode client connected"
        ws = self._sockets[-1]
        asyncio.run_coroutine_threadsafe(act(ws), self._loop).result(5)

    def socket_ack(self, envelope_id: str, timeout: float = 5.0) -> dict[str, Any] | None:
        """The app's acknowledgement of an envelope (None when it never came)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if envelope_id in self._socket_acks:
                return self._socket_acks[envelope_id]
            time.sleep(0.01)
        return None

    async def socket_ack_async(
        self, envelope_id: str, timeout: float = 5.0
    ) -> dict[str, Any] | None:
        """socket_ack from inside an event loop (does not block it)."""
        deadline = time.monotonic() + timeout
        while envelope_id not in self._socket_acks and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        return self._socket_acks.get(envelope_id)

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        ticket = request.query.get("ticket", "")
        with self._lock:
            fresh = ticket in self._tickets
            self._tickets.discard(ticket)
        if not fresh:  # a URL serves one connection: reconnecting needs apps.connections.open
            return web.Response(status=401, text="this Socket Mode URL was used or never issued")
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        for old in list(self._retiring):  # the app moved to this connection: close the old
            self._retire(old)
        self._sockets.append(ws)
        self.socket_connections += 1
        await ws.send_json(
            {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0001"}}
        )
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                data = json.loads(message.data)
                if "envelope_id" in data:
                    self._socket_acks[data["envelope_id"]] = data
        self._sockets.remove(ws)
        return ws

    # ----- the HTTP side ----------------------------------------------------------------------
    async def _read(self, request: web.Request) -> tuple[dict[str, Any], bytes]:
        params: dict[str, Any] = dict(request.query)
        body = await request.read()
        kind = request.content_type
        if body and kind == "application/json":
            params.update(json.loads(body))
        elif body and kind == "application/x-www-form-urlencoded":
            params.update(dict(urllib.parse.parse_qsl(body.decode(), keep_blank_values=True)))
        elif body and kind.startswith("multipart/"):
            form = await _multipart(request, body)
            params.update(form)
        return params, body

    def _record(
        self, method: str, params: dict[str, Any], request: web.Request, body: bytes
    ) -> _Failure | None:
        with self._lock:
            failure = None
            queue = self._failures.get(method)
            if queue:
                failure = queue[0]
                failure.times -= 1
                if failure.times <= 0:
                    queue.pop(0)
                params = {**params, "_failed": failure.status}
            self._calls.append(Call(method, params, dict(request.headers), body))
            return failure

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params, body = await self._read(request)
        failure = self._record(method, params, request, body)
        if failure is not None:
            if failure.error:
                return web.json_response({"ok": False, "error": failure.error})
            headers = {}
            if failure.retry_after is not None:
                headers["Retry-After"] = str(failure.retry_after).removesuffix(".0")
            error = "ratelimited" if failure.status == 429 else "fatal_error"
            return web.json_response(
                {"ok": False, "error": error}, status=failure.status, headers=headers
            )
        auth = request.headers.get("Authorization", "")
        if method == "oauth.v2.access":
            return web.json_response(self._oauth_v2_access(params, auth))
        wanted = self._wanted_token(method, params)
        given = auth.removeprefix("Bearer ") if auth else params.get("token")
        # A workflow step's run is completed with its own token only, never a bot token.
        installed = given in self.installed and not method.startswith("functions.")
        if not installed and wanted is not None and given != wanted:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        if method == "auth.test" and given in self.installed:
            return web.json_response(self._install_auth_test(self.installed[given]))
        answer = getattr(self, "_m_" + method.replace(".", "_"), None)
        if answer is None:
            return web.json_response({"ok": False, "error": "unknown_method"})
        missing = [name for name in REQUIRED.get(method, ()) if params.get(name) in (None, "")]
        if missing:
            return web.json_response(
                {"ok": False, "error": "invalid_arguments", "missing": missing}
            )
        if method == "chat.postMessage" and not (
            params.get("text") or params.get("blocks") or params.get("attachments")
        ):
            return web.json_response({"ok": False, "error": "no_text"})
        return web.json_response(answer(params))

    def _wanted_token(self, method: str, params: dict[str, Any]) -> str | None:
        if method in APP_TOKEN_METHODS:
            return self.app_token
        if method.startswith("functions."):  # a run's own token, never the bot token
            execution = str(params.get("function_execution_id") or "")
            return self._function_tokens.get(execution, "no token was issued for this run")
        return self.token

    async def _upload(self, request: web.Request) -> web.Response:
        body = await request.read()
        file_id = request.match_info["file_id"]
        params: dict[str, Any] = {"file_id": file_id}
        content = body
        if request.content_type.startswith("multipart/"):
            form = await _multipart(request, body)
            content = form.get("file", body)
        self.uploads[file_id] = content if isinstance(content, bytes) else str(content).encode()
        self._record("upload", params, request, body)
        return web.Response(text=f"OK - {len(self.uploads[file_id])}", content_type="text/plain")

    async def _response_url(self, request: web.Request) -> web.Response:
        params, body = await self._read(request)
        params["name"] = request.match_info["name"]
        self._record("response_url", params, request, body)
        return web.Response(text="ok", content_type="text/plain")

    # ----- the methods ------------------------------------------------------------------------
    def _ts(self) -> str:
        """A new message timestamp: `clock`'s time (default: now), unique and increasing."""
        now = self.clock().timestamp() if self.clock else time.time()
        with self._lock:
            self._last_ts = max(now, self._last_ts + 0.000001)
            return f"{self._last_ts:.6f}"

    def _m_auth_test(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": f"{self.base}/",
            "team": "Acme Inc",
            "user": "loopkeeper",
            "team_id": self.team,
            "user_id": self.bot_user,
            "bot_id": self.bot_id,
            "is_enterprise_install": False,
        }

    def _oauth_v2_access(self, params: dict[str, Any], auth: str) -> dict[str, Any]:
        """A code (or, grant_type=refresh_token, a refresh token) exchanged for a bot token;
        the app's own credentials come in HTTP Basic auth or as fields, as Slack takes them."""
        client = (params.get("client_id"), params.get("client_secret"))
        if auth.startswith("Basic "):
            pair = base64.b64decode(auth.removeprefix("Basic ")).decode()
            client = tuple(pair.split(":", 1))  # type: ignore[assignment]
        if client != (self.client_id, self.client_secret):
            return {"ok": False, "error": "invalid_client_id"}
        with self._lock:
            if params.get("grant_type") == "refresh_token":
                install = self._refreshes.pop(str(params.get("refresh_token")), None)
                if install is None:
                    return {"ok": False, "error": "invalid_refresh_token"}
                self.installed.pop(install.token, None)  # the old token stops working
                install.expires_in = 12 * 3600  # as Slack's: twelve hours
            else:
                install = self._codes.pop(str(params.get("code")), None)  # one use
                if install is None:
                    return {"ok": False, "error": "invalid_code"}
            n = next(self._ids)
            install.token = f"xoxb-{install.team or install.enterprise}-{n}"
            self.installed[install.token] = install
            answer: dict[str, Any] = {
                "ok": True,
                "access_token": install.token,
                "token_type": "bot",
                "scope": "chat:write,commands",
                "bot_user_id": install.bot_user,
                "app_id": "A0001",
                "team": {"id": install.team, "name": f"Team {install.team}"}
                if install.team
                else None,
                "enterprise": {"id": install.enterprise, "name": "Grid"}
                if install.enterprise
                else None,
                "authed_user": {"id": "UINSTALLER"},
                "is_enterprise_install": install.org_wide,
            }
            if install.expires_in is not None:
                install.refresh_token = f"xoxe-1-{n}"
                self._refreshes[install.refresh_token] = install
                answer["refresh_token"] = install.refresh_token
                answer["expires_in"] = install.expires_in
            return answer

    def _install_auth_test(self, install: Install) -> dict[str, Any]:
        return {
            "ok": True,
            "url": f"{self.base}/",
            "team": f"Team {install.team}",
            "user": "loopkeeper",
            "team_id": install.team,
            "enterprise_id": install.enterprise,
            "user_id": install.bot_user,
            "bot_id": install.bot_id,
            "is_enterprise_install": install.org_wide,
        }

    def _m_chat_postMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = params.get("channel", "")
        ts = self._ts()
        message = {
            "type": "message",
            "ts": ts,
            "text": params.get("text", ""),
            "bot_id": self.bot_id,
            "user": self.bot_user,
        }
        if params.get("metadata"):
            message["metadata"] = _decoded(params["metadata"])
        if params.get("thread_ts"):
            message["thread_ts"] = params["thread_ts"]
        self.messages.setdefault(channel, []).append(message)
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _m_chat_update(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "channel": params.get("channel"),
            "ts": params.get("ts"),
            "text": params.get("text", ""),
        }

    def _m_chat_postEphemeral(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "message_ts": self._ts()}

    def _m_chat_getPermalink(self, params: dict[str, Any]) -> dict[str, Any]:
        channel, ts = params.get("channel", ""), str(params.get("message_ts", ""))
        return {
            "ok": True,
            "channel": channel,
            "permalink": f"{self.base}/archives/{channel}/p{ts.replace('.', '')}",
        }

    def _m_conversations_open(self, params: dict[str, Any]) -> dict[str, Any]:
        users = str(params.get("users", ""))
        return {"ok": True, "channel": {"id": "D" + users.split(",")[0].lstrip("UW")}}

    def _m_conversations_history(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = params.get("channel", "")
        if channel not in self.messages and not channel.startswith("D"):
            return {"ok": False, "error": "channel_not_found"}
        found = _between(self.messages.get(channel, []), params)
        found = [m for m in found if "thread_ts" not in m or m["thread_ts"] == m["ts"]]
        found = sorted(found, key=lambda m: float(m["ts"]), reverse=True)
        found = found[: int(params.get("limit", 100))]
        return {"ok": True, "messages": _shown(found, params), "has_more": False}

    def _m_conversations_replies(self, params: dict[str, Any]) -> dict[str, Any]:
        channel, ts = params.get("channel", ""), str(params.get("ts", ""))
        messages = self.messages.get(channel, [])
        target = next((m for m in messages if m["ts"] == ts), None)
        if target is None:
            return {"ok": False, "error": "thread_not_found"}
        parent = target.get("thread_ts", target["ts"])
        thread = [m for m in messages if m["ts"] == parent or m.get("thread_ts") == parent]
        # The parent always comes first; oldest/latest bound the replies after it.
        replies = [m for m in _between(thread, params) if m["ts"] != parent]
        head = [m for m in thread if m["ts"] == parent]
        return {
            "ok": True,
            "messages": _shown(head + sorted(replies, key=lambda m: float(m["ts"])), params),
            "has_more": False,
        }

    def _m_reactions_add(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (params.get("channel"), params.get("timestamp"), params.get("name"))
        with self._lock:
            if key in self._reactions:
                return {"ok": False, "error": "already_reacted"}
            self._reactions.add(key)
        return {"ok": True}

    def _m_conversations_info(self, params: dict[str, Any]) -> dict[str, Any]:
        found = self.channels.get(str(params.get("channel", "")))
        if found is None:
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "channel": found}

    def _m_team_info(self, params: dict[str, Any]) -> dict[str, Any]:
        found = self.teams.get(str(params.get("team") or self.team))
        if found is None:
            return {"ok": False, "error": "team_not_found"}
        return {"ok": True, "team": found}

    def _m_users_info(self, params: dict[str, Any]) -> dict[str, Any]:
        user_id = str(params.get("user", ""))
        user = self.users.get(user_id)
        if user is None and not (self.auto_users and user_id[:1] in ("U", "W")):
            return {"ok": False, "error": "user_not_found"}
        if user is None:
            user = {
                "id": user_id,
                "name": user_id.lower(),
                "real_name": user_id,
                "tz": "UTC",
                "is_admin": False,
                "is_owner": False,
                "is_bot": False,
                "team_id": self.team,
            }
        return {"ok": True, "user": user}

    def _view(self, params: dict[str, Any], view_id: str | None = None) -> dict[str, Any]:
        view = _decoded(params.get("view")) or {}
        return {
            "ok": True,
            "view": {
                **view,
                "id": view_id or f"V{next(self._ids):05d}",
                "hash": f"h{next(self._ids)}",
                "team_id": self.team,
            },
        }

    def _m_views_open(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._view(params)

    def _m_views_update(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._view(params, params.get("view_id"))

    def _m_views_publish(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._view(params, f"VHOME{params.get('user_id', '')}")

    def _m_files_getUploadURLExternal(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = f"F{next(self._ids):05d}"
        return {"ok": True, "upload_url": f"{self.base}/upload/{file_id}", "file_id": file_id}

    def _m_files_completeUploadExternal(self, params: dict[str, Any]) -> dict[str, Any]:
        files = _decoded(params.get("files")) or []
        return {"ok": True, "files": [{"id": f.get("id"), "title": f.get("title")} for f in files]}

    def _m_functions_completeSuccess(self, params: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(_decoded(params.get("outputs")), dict):
            return {"ok": False, "error": "invalid_arguments"}
        return {"ok": True}

    def _m_functions_completeError(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True}

    def _m_apps_event_authorizations_list(self, params: dict[str, Any]) -> dict[str, Any]:
        found = self.event_authorizations.get(str(params.get("event_context")))
        if found is None:
            return {"ok": False, "error": "invalid_event_context"}
        return {"ok": True, "authorizations": found}

    def _m_apps_connections_open(self, params: dict[str, Any]) -> dict[str, Any]:
        ticket = f"ticket-{next(self._ids)}"
        with self._lock:
            self._tickets.add(ticket)
        return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket?ticket={ticket}"}


def _between(messages: list[dict[str, Any]], params: dict[str, Any]) -> list[dict[str, Any]]:
    """Messages inside oldest/latest: exclusive bounds, unless inclusive=true (Slack's default)."""
    inclusive = _flag(params, "inclusive")
    latest, oldest = params.get("latest"), params.get("oldest")
    found = messages
    if latest is not None:
        top = float(latest)
        found = [m for m in found if float(m["ts"]) < top or (inclusive and float(m["ts"]) == top)]
    if oldest is not None:
        low = float(oldest)
        found = [m for m in found if float(m["ts"]) > low or (inclusive and float(m["ts"]) == low)]
    return found


def _shown(messages: list[dict[str, Any]], params: dict[str, Any]) -> list[dict[str, Any]]:
    """Messages as a read returns them: their metadata only when include_all_metadata=true."""
    if _flag(params, "include_all_metadata"):
        return messages
    return [{k: v for k, v in m.items() if k != "metadata"} for m in messages]


async def _multipart(request: web.Request, body: bytes) -> dict[str, Any]:
    """Fields of a multipart body (files as bytes)."""
    from aiohttp import BodyPartReader, MultipartReader
    from aiohttp.streams import StreamReader

    stream = StreamReader(request.protocol, limit=2**16, loop=asyncio.get_running_loop())
    stream.feed_data(body)
    stream.feed_eof()
    reader = MultipartReader(request.headers, stream)
    fields: dict[str, Any] = {}
    while True:
        part = await reader.next()
        if part is None:
            break
        assert isinstance(part, BodyPartReader)
        data = await part.read()
        fields[part.name or "file"] = data if part.filename else data.decode()
    return fields
