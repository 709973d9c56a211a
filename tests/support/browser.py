"""A page loaded in Debian's headless chromium over the DevTools protocol (aiohttp websocket on
127.0.0.1): its DOM, and every console error, uncaught exception, failed request and refused
load (Content-Security-Policy) the browser reported while loading it."""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

BROWSER = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)
# No network of its own, no first-run work: what a machine with a closed network needs.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
]


@dataclass
class Loaded:
    html: str = ""
    problems: list[str] = field(default_factory=list)


def load(url: str, profile: Path, seconds: float = 60.0) -> Loaded:
    """Open `url` in a fresh headless chromium and report what it showed and complained of."""
    assert BROWSER is not None
    process = subprocess.Popen(
        [BROWSER, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        endpoint = None
        for line in process.stderr:  # type: ignore[union-attr]
            found = re.search(r"DevTools listening on (ws://\S+)", line)
            if found:
                endpoint = found.group(1)
                break
        assert endpoint, "chromium printed no DevTools address"
        return asyncio.run(asyncio.wait_for(_load(endpoint, url), seconds))
    finally:
        process.kill()
        process.wait(10)


async def _load(endpoint: str, url: str) -> Loaded:
    loaded = Loaded()
    ids = itertools.count(1)
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(endpoint, max_msg_size=0) as ws:

            async def call(method: str, session_id: str | None = None, **params: object) -> dict:
                number = next(ids)
                message = {"id": number, "method": method, "params": params}
                if session_id:
                    message["sessionId"] = session_id
                await ws.send_str(json.dumps(message))
                while True:
                    answer = json.loads((await ws.receive()).data)
                    _note(answer, loaded)
                    if answer.get("id") == number:
                        return answer.get("result", {})

            target = (await call("Target.createTarget", url="about:blank"))["targetId"]
            attached = await call("Target.attachToTarget", targetId=target, flatten=True)
            page = attached["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                await call(f"{domain}.enable", page)
            await call("Page.navigate", page, url=url)
            while True:  # until the page has loaded
                answer = json.loads((await ws.receive()).data)
                _note(answer, loaded)
                if answer.get("method") == "Page.loadEventFired":
                    break
            result = await call(
                "Runtime.evaluate", page, expression="document.documentElement.outerHTML"
            )
            loaded.html = result.get("result", {}).get("value", "")
    return loaded


def _note(event: dict, loaded: Loaded) -> None:
    method, params = event.get("method"), event.get("params") or {}
    if method == "Runtime.exceptionThrown":
        loaded.problems.append(f"exception: {params.get('exceptionDetails', {}).get('text')}")
    elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning"):
        loaded.problems.append(f"console {params.get('type')}: {params.get('args')}")
    elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in (
        "error",
        "warning",
    ):
        loaded.problems.append(f"log: {params['entry'].get('text')}")
    elif method == "Network.loadingFailed":
        loaded.problems.append(f"failed request: {params.get('errorText')}")
