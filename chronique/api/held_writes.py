"""uvicorn's HTTP protocol with the writes of one turn of the event loop sent together.

uvicorn writes a response's head when the app starts the response and its body when the app sends
it: two writes, each a system call that, on loopback, runs the TCP path of both ends and wakes the
client twice. Under 50 clients the two writes were a fifth of the server's CPU (py-spy of one
worker, docs/performance.md). Here the transport holds what is written during one turn of the loop
and sends it as one ``writelines`` (one writev) at the end of that turn: head and body in one
segment. A streamed answer still goes out chunk by chunk (each chunk in the turn it was written),
and uvicorn's flow control (pause and resume on the real transport) is unchanged.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

PROTOCOL = "chronique.api.held_writes:HeldWritesProtocol"  # what `uvicorn.run(http=...)` imports


class HeldWrites:
    """A transport that sends what one turn of the loop wrote in one call; anything else is the
    transport's own (closing sends what is held first)."""

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport, self._loop = transport, loop
        self._held: list[bytes] = []

    def write(self, data: bytes) -> None:
        if not self._held:
            self._loop.call_soon(self.flush)
        self._held.append(data)

    def writelines(self, data: Any) -> None:
        for chunk in data:
            self.write(chunk)

    def flush(self) -> None:
        if self._held:
            held, self._held = self._held, []
            if not self._transport.is_closing():
                self._transport.writelines(held)

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def write_eof(self) -> None:
        self.flush()
        self._transport.write_eof()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class HeldWritesProtocol(HttpToolsProtocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(HeldWrites(transport, self.loop))  # type: ignore[arg-type]
