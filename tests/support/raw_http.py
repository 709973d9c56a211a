"""HTTP written by hand on a socket, for what clients never send: a chunked body of a hundred
megabytes that stops as soon as the server answers or stops reading."""

from __future__ import annotations

import select
import socket
from urllib.parse import urlsplit

MB = b"x" * (1024 * 1024)
OFFERED = 128  # megabytes the attacker is willing to send
# The cap is 4 MB; the kernel's socket buffers can hold a few MB more before the sender blocks.
MOST_TAKEN = 32


def send_chunked(url: str, headers: dict[str, str]) -> tuple[int, int]:
    """POST OFFERED megabytes as a chunked body (no Content-Length), stopping when the server
    answers or stops reading. Returns (status, megabytes the server let us send)."""
    where = urlsplit(url)
    sock = socket.create_connection((where.hostname, where.port), timeout=3)
    head = [f"POST {where.path} HTTP/1.1", f"Host: {where.netloc}", "Transfer-Encoding: chunked"]
    head += [f"{k}: {v}" for k, v in headers.items()]
    sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
    sent = 0
    try:
        for _ in range(OFFERED):
            if select.select([sock], [], [], 0)[0]:
                break  # the server has answered
            sock.sendall(f"{len(MB):x}\r\n".encode() + MB + b"\r\n")
            sent += 1
        else:
            sock.sendall(b"0\r\n\r\n")
    except OSError:  # reset, or blocked because the server stopped reading
        pass
    sock.settimeout(30)
    status_line = sock.recv(200).split(b"\r\n", 1)[0]
    sock.close()
    return int(status_line.split()[1]), sent
