"""Ready answers: an ASGI layer in front of the app that serves a repeated read from memory.

A read of the API is a function of its URL and of the store's contents; the store's contents are
named by its version (the highest article pk: nothing but an ingest changes what a read returns,
and every ingest adds an article). So an answer is kept as the bytes sent, under (version, path,
query), and served again without FastAPI's routing, validation and encoding, which cost more than
a cached answer itself. The version is read for every request, before the app runs: an answer
kept under a version was computed from that version or a later one, never an older one, and an
ingest moves the version so that no answer kept before it is served after it.

Only 200 answers of the read routes are kept; errors, writes, downloads and the UI's files pass
through untouched. Each answer carries an ETag, and a client that shows it (If-None-Match) gets a
304 without the body.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

import anyio.to_thread

from chronique.errors import ChroniqueError
from chronique.store.version import VersionProbe

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

# The read routes whose answer depends on the URL and the store alone (not /api/export: a stream).
READS = ("/api/events", "/api/timeline", "/api/places", "/api/map", "/api/actors", "/api/articles/",
         "/api/transfers")
MAX_ANSWER = 256 * 1024  # bytes: a larger answer (a page of 1,000 events) is sent, not kept
BUDGET = 64 * 1024 * 1024  # bytes kept in all; the least recently served go first
PROBE_THREADS = 4  # concurrent version reads through the engine (a server database)
REVALIDATE = (b"cache-control", b"no-cache")  # a browser may keep it, but asks (If-None-Match) each time


@dataclass(frozen=True)
class Answer:
    headers: list[tuple[bytes, bytes]]  # as the app sent them, with the ETag
    body: bytes
    etag: bytes


@dataclass
class Answers:
    """Answers kept per (version, URL), least recently served first, within a byte budget.
    Touched only by the event loop's thread: no lock."""

    budget: int = BUDGET
    _items: OrderedDict[tuple[int, str], Answer] = field(default_factory=OrderedDict)
    _bytes: int = 0

    def get(self, key: tuple[int, str]) -> Answer | None:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def keep(self, key: tuple[int, str], answer: Answer) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self._bytes -= len(old.body)
        self._items[key] = answer
        self._bytes += len(answer.body)
        while self._bytes > self.budget and self._items:
            _, dropped = self._items.popitem(last=False)
            self._bytes -= len(dropped.body)

    def __len__(self) -> int:
        return len(self._items)


def url_key(scope: Scope) -> str:
    """The path and the query with its parameters in name order (same-name values keep theirs), so
    that ?a=1&b=2 and ?b=2&a=1 share an answer."""
    query = scope.get("query_string", b"").decode("latin-1")
    if not query:
        return str(scope["path"])
    pairs = sorted(parse_qsl(query, keep_blank_values=True), key=lambda kv: kv[0])
    return f"{scope['path']}?{urlencode(pairs)}"


def etag_of(version: int, body: bytes) -> bytes:
    return f'"{version:x}-{hashlib.blake2b(body, digest_size=8).hexdigest()}"'.encode()


def matches(scope: Scope, etag: bytes) -> bool:
    """Whether the request's If-None-Match names ``etag`` (or is *)."""
    for name, value in scope.get("headers", ()):
        if name == b"if-none-match":
            tags = {t.strip().removeprefix(b"W/") for t in value.split(b",")}
            return etag in tags or b"*" in tags
    return False


def is_read(scope: Scope) -> bool:
    return (scope["type"] == "http" and scope["method"] == "GET"
            and any(scope["path"] == r or scope["path"].startswith(r if r.endswith("/") else r + "/")
                    for r in READS))


class ReadyAnswers:
    """The ASGI layer: a kept answer is sent as it is; a missing one is computed by ``app`` and kept.
    Requests for an answer already being computed wait for it: after an ingest moves the version,
    a page open in many browsers is computed once, not once per browser."""

    def __init__(self, app: App, version: VersionProbe, answers: Answers) -> None:
        self.app, self.version, self.answers = app, version, answers
        self.computing: dict[tuple[int, str], asyncio.Future[Answer | None]] = {}
        self._probes: anyio.CapacityLimiter | None = None  # made in the server's loop, on first use

    async def _remote_version(self) -> int:
        """The version read through the engine in a thread, PROBE_THREADS at a time: with one per
        request in the 40-thread pool, 50 clients kept more connections checked out than the
        engine's pool holds, and PostgreSQL forked a new session every 6-15 answers."""
        if self._probes is None:
            self._probes = anyio.CapacityLimiter(PROBE_THREADS)
        return await anyio.to_thread.run_sync(self.version, limiter=self._probes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not is_read(scope):
            await self.app(scope, receive, send)
            return
        try:
            # SQLite: in the loop's thread, the lookup costs less than a hop to the thread pool;
            # a server database: in the pool, so that a slow round trip holds up no other request.
            version = self.version() if self.version.cheap else await self._remote_version()
        except ChroniqueError:  # the app meets the same failure and answers it in the one error shape
            await self.app(scope, receive, send)
            return
        key = (version, url_key(scope))
        found = self.answers.get(key)
        awaited = found is None and key in self.computing
        if awaited:
            found = await asyncio.shield(self.computing[key])
        if found is not None:
            await _send(send, scope, found)
            return
        if awaited:  # the answer awaited was not kept (an error, too large): compute this one alone
            await self.app(scope, receive, send)
            return
        done: asyncio.Future[Answer | None] = asyncio.get_running_loop().create_future()
        self.computing[key] = done
        keeper = _Keeper(self.answers, key, scope, send)
        try:
            await self.app(scope, receive, keeper)
        finally:
            del self.computing[key]
            done.set_result(keeper.kept)


async def _send(send: Send, scope: Scope, answer: Answer) -> None:
    if matches(scope, answer.etag):
        await send({"type": "http.response.start", "status": 304,
                    "headers": [(b"etag", answer.etag), REVALIDATE]})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": 200, "headers": answer.headers})
    await send({"type": "http.response.body", "body": answer.body})


class _Keeper:
    """The ``send`` of a computed answer: a 200 is held until its last byte, kept, then sent with
    its ETag; anything else (an error, an answer too large to keep) goes through as it comes."""

    def __init__(self, answers: Answers, key: tuple[int, str], scope: Scope, send: Send) -> None:
        self.answers, self.key, self.scope, self.send = answers, key, scope, send
        self.start: Message | None = None
        self.chunks: list[bytes] = []
        self.size = 0
        self.passing = False
        self.kept: Answer | None = None  # the answer, once computed and kept

    async def __call__(self, message: Message) -> None:
        if self.passing:
            await self.send(message)
        elif message["type"] == "http.response.start":
            if message["status"] == 200:
                self.start = message
            else:
                self.passing = True
                await self.send(message)
        elif message["type"] == "http.response.body" and self.start is not None:
            body = message.get("body", b"")
            self.chunks.append(body)
            self.size += len(body)
            if not message.get("more_body", False):
                await self._finish()
            elif self.size > MAX_ANSWER:  # too large to keep: send what came, then stream the rest
                self.passing = True
                await self.send(self.start)
                await self.send({"type": "http.response.body", "body": b"".join(self.chunks), "more_body": True})
        else:
            await self.send(message)

    async def _finish(self) -> None:
        assert self.start is not None
        body = b"".join(self.chunks)
        etag = etag_of(self.key[0], body)
        headers = [(k, v) for k, v in self.start.get("headers", ()) if k.lower() not in (b"etag", b"cache-control")]
        answer = Answer(headers=[*headers, (b"etag", etag), REVALIDATE], body=body, etag=etag)
        if len(body) <= MAX_ANSWER:
            self.answers.keep(self.key, answer)
            self.kept = answer
        await _send(self.send, self.scope, answer)
