"""The server's transport sends what one turn of the event loop wrote in one call (a response's head
and body together), sends what it holds before closing, and leaves the rest to the transport; and
uvicorn with that protocol answers keep-alive requests whole."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from typing import Any

import uvicorn

from chronique.api.held_writes import PROTOCOL, HeldWrites


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.closing = False

    def writelines(self, data: list[bytes]) -> None:
        self.calls.append(("writelines", list(data)))

    def close(self) -> None:
        self.calls.append(("close",))
        self.closing = True

    def is_closing(self) -> bool:
        return self.closing

    def get_extra_info(self, name: str) -> str:
        return f"info {name}"


def test_one_turn_of_writes_goes_out_in_one_call_and_close_sends_first() -> None:
    async def turns() -> list[tuple[Any, ...]]:
        raw = Recorder()
        held = HeldWrites(raw, asyncio.get_running_loop())  # type: ignore[arg-type]
        held.write(b"HTTP/1.1 200 OK\r\n\r\n")
        held.write(b"body")
        assert raw.calls == []  # nothing sent within the turn
        await asyncio.sleep(0)
        held.writelines([b"chunk", b"s"])
        await asyncio.sleep(0)
        held.write(b"last")
        held.close()  # before the end of the turn: what is held goes out, then the close
        await asyncio.sleep(0)  # the flush scheduled for "last" finds nothing left
        assert held.get_extra_info("peername") == "info peername"  # the rest is the transport's
        return raw.calls

    assert asyncio.run(turns()) == [("writelines", [b"HTTP/1.1 200 OK\r\n\r\n", b"body"]),
                                    ("writelines", [b"chunk", b"s"]),
                                    ("writelines", [b"last"]), ("close",)]


async def _app(scope: Any, receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    body = scope["path"].encode() * 1000
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-length", str(len(body)).encode()), (b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": body})


def test_uvicorn_with_held_writes_answers_keep_alive_requests_whole() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(_app, host="127.0.0.1", port=port, http=PROTOCOL, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as c:
            for path in ("/a", "/bb", "/ccc"):
                c.sendall(f"GET {path} HTTP/1.1\r\nHost: test\r\n\r\n".encode())
                answer = b""
                while b"\r\n\r\n" not in answer or len(answer.split(b"\r\n\r\n", 1)[1]) < len(path) * 1000:
                    answer += c.recv(65536)
                head, body = answer.split(b"\r\n\r\n", 1)
                assert head.startswith(b"HTTP/1.1 200") and body == path.encode() * 1000
    finally:
        server.should_exit = True
        thread.join(timeout=20)
