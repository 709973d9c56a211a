"""Fake GitHub REST and Linear GraphQL APIs on 127.0.0.1: they open issues and record what
they were sent (real HTTP, no mocks)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeTrackers:
    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str], dict[str, Any]]] = []
        self.refuse: int | None = None  # answer this status with an error body
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                body = json.loads(raw or b"{}")
                owner.requests.append((self.path, dict(self.headers), body))
                status, answer = owner.answer(self.path, body)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def answer(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if self.refuse:
            return self.refuse, {"message": "Bad credentials"}
        number = len(self.requests) + 40
        if path.endswith("/issues"):
            repo = path.split("/repos/", 1)[1].rsplit("/issues", 1)[0]
            url = f"https://github.com/{repo}/issues/{number}"
            return 201, {"number": number, "html_url": url, "title": body["title"]}
        if path == "/graphql":
            title = body["variables"]["input"]["title"]
            issue = {
                "id": "uuid-1",
                "identifier": f"ENG-{number}",
                "title": title,
                "url": f"https://linear.app/acme/issue/ENG-{number}/export",
            }
            return 200, {"data": {"issueCreate": {"success": True, "issue": issue}}}
        return 404, {"message": "Not Found"}

    def __enter__(self) -> FakeTrackers:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
