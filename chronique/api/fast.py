"""The hot reads answered before FastAPI: the filtered list (merged or not), one event, the
timeline, one article, one actor, the actors of a filter and the map.

A computed answer of these routes cost about as much CPU in FastAPI's routing, dependency
resolution, validation and response machinery as in the store (1–1.5 ms of each per answer). This
ASGI layer reads their parameters itself, with the routes' own constraints, and calls the very
functions the routes call (routes_events.list_answer, event_answer, timeline_answer), so the body
is the same bytes (the routes of routes_store.py likewise: article_answer, actor_answer,
actors_answer, places_answer). It accepts only what it can check exactly as FastAPI does: any
other request (an unknown or repeated parameter, a value outside the strict forms below) goes on
to FastAPI; ``merge`` is taken as exactly "true" or "false" (pydantic's other spellings go on to
FastAPI). An error raised on purpose while computing (a 404, since > until, a bad cursor) is
answered by the same handler as FastAPI's (errors.reply_for): the one error shape, the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any
from urllib.parse import parse_qsl

import anyio
import anyio.to_thread

from chronique.api import routes_events, routes_store
from chronique.api.answers import App, Receive, Scope, Send
from chronique.api.errors import ApiError, reply_for
from chronique.api.params import CODE, IDENT, MAX_CURSOR, MAX_LIMIT, MAX_PLACE, MAX_TEXT, event_filters
from chronique.api.state import ApiState
from chronique.api.timeline import BUCKETS, GROUPS
from chronique.errors import ChroniqueError
from chronique.store.query import bound_shape
from chronique.store.role_months import role_of

_CODE = re.compile(CODE.strip("^$"))
_IDENT = re.compile(IDENT.strip("^$"))
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # pydantic takes more forms: those go to FastAPI
_COUNT = re.compile(r"[1-9][0-9]{0,3}")  # 1–9999 without sign, blank or leading zero; the bound is checked after
EVENTS, TIMELINE, ACTORS = "/api/events", "/api/timeline", "/api/actors"
PLACES = ("/api/places", "/api/map")
_EVENT_PREFIX, _ACTOR_PREFIX, _ARTICLE_PREFIX = EVENTS + "/", ACTORS + "/", "/api/articles/"
HEADERS = (b"content-type", b"application/json")
# Where a bounded answer (a few indexed reads of a SQLite file, under a millisecond of CPU) is
# computed: 0, in the event loop's thread, as the request arrives; N > 0, in one of N threads. A
# hop to a thread costs the loop a hand-off and a wake-up per request, and the threads and the loop
# then pass the GIL back and forth at every row SQLite returns: with 4 threads, one worker spent
# 20-40 % more CPU per answer than in the loop (docs/performance.md). In the loop, one worker uses
# one core and answers its clients one after the other; on N cores, run N workers.
ANSWER_THREADS = 0
# On a server database (PostgreSQL) every read is a round trip that the loop must not wait for: the
# bounded answers go to this many threads whatever ANSWER_THREADS says (0 would serialise the
# round trips: 83 list answers/s at 50 clients against 261 in threads, docs/performance.md).
REMOTE_THREADS = 4


class Refused(Exception):
    """A parameter this layer does not check itself: FastAPI answers the request."""


def _day(value: str) -> date:
    if not _DAY.fullmatch(value):
        raise Refused
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise Refused from exc


def _code(value: str) -> str:
    if not _CODE.fullmatch(value):
        raise Refused
    return value


def _count(most: int) -> Callable[[str], int]:
    def check(value: str) -> int:
        if not _COUNT.fullmatch(value) or int(value) > most:
            raise Refused
        return int(value)
    return check


def _merge(value: str) -> bool:
    if value not in ("true", "false"):  # pydantic takes more spellings (1, yes, on…): those go to FastAPI
        raise Refused
    return value == "true"


def _bounded(most: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > most:
            raise Refused
        return value
    return check


def _one_of(allowed: tuple[str, ...]) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in allowed:
            raise Refused
        return value
    return check


# Each parameter the fast path takes, with the check that gives it the value FastAPI would pass.
FILTERS: dict[str, Callable[[str], Any]] = {
    "since": _day, "until": _day, "actor": _code, "recipient": _code, "type": _code, "cameo": _code,
    "country": _code, "place": _bounded(MAX_PLACE), "text": _bounded(MAX_TEXT), "limit": _count(MAX_LIMIT)}
LIST = {**FILTERS, "cursor": _bounded(MAX_CURSOR), "sort": _one_of(("-date", "date")), "merge": _merge}
TIMES = {**FILTERS, "bucket": _one_of(BUCKETS), "by": _one_of(GROUPS)}
MAP = {**FILTERS, "places": _count(routes_store.MAX_PLACES)}


def parameters(scope: Scope, allowed: dict[str, Callable[[str], Any]]) -> dict[str, Any]:
    """The query's parameters as the route receives them; Refused when one is not in ``allowed``,
    appears twice or fails its check."""
    raw = scope.get("query_string", b"")
    if not raw:
        return {}
    out: dict[str, Any] = {}
    # as Starlette reads a query (QueryParams): latin-1 text, percent-escapes as UTF-8, blanks kept
    for name, value in parse_qsl(raw.decode("latin-1"), keep_blank_values=True):
        check = allowed.get(name)
        if check is None or name in out:
            raise Refused
        out[name] = check(value)
    return out


class FastReads:
    """The ASGI layer: GETs of the three hot routes with parameters it can check are computed here;
    everything else goes to ``app``."""

    def __init__(self, app: App, state: ApiState, answer_threads: int = ANSWER_THREADS) -> None:
        self.app, self.state = app, state
        # the version probe is cheap exactly when the store is a local SQLite file
        self.answer_threads = answer_threads if state.version.cheap else answer_threads or REMOTE_THREADS
        self._limiter: anyio.CapacityLimiter | None = None  # made in the server's loop, on first use

    async def _run(self, bounded: bool, compute: Callable[..., bytes], *args: Any) -> bytes:
        """``compute(*args)``: a bounded answer in the loop (or one of ``answer_threads`` threads);
        any other (a full-text or place filter may scan) in the pool, so that the loop goes on."""
        if not bounded:
            return await anyio.to_thread.run_sync(compute, *args)
        if self.answer_threads == 0:
            return compute(*args)
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.answer_threads)
        return await anyio.to_thread.run_sync(compute, *args, limiter=self._limiter)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        work = self.work(scope) if scope["type"] == "http" and scope["method"] == "GET" else None
        if work is None:
            await self.app(scope, receive, send)
            return
        try:
            body = await work()
        except Refused:  # FastAPI checks the request and answers it
            await self.app(scope, receive, send)
            return
        except (ApiError, ChroniqueError) as exc:  # as FastAPI's handlers answer it (a 404, a bad cursor…)
            await reply_for(exc)(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-length", str(len(body)).encode()), HEADERS]})
        await send({"type": "http.response.body", "body": body})

    def work(self, scope: Scope) -> Callable[[], Awaitable[bytes]] | None:
        """The computation of this request's answer, or None when it is not one of the hot reads."""
        path: str = scope["path"]
        state = self.state
        if path == EVENTS:
            async def page() -> bytes:
                p = parameters(scope, LIST)
                query = await _filters(p)
                merge = p.get("merge", False)
                return await self._run(not merge and bound_shape(query) is not None, routes_events.list_answer,
                                       state, query, p.get("cursor"), p.get("sort", "-date"), merge)
            return page
        if path == TIMELINE:
            async def timeline() -> bytes:
                p = parameters(scope, TIMES)
                query = await _filters(p)
                bucket = p.get("bucket", "month")
                bounded = bucket == "month" and role_of(query) is not None
                return await self._run(bounded, routes_events.timeline_answer, state, query, bucket,
                                       p.get("by", "type"))
            return timeline
        if path in PLACES:
            async def places() -> bytes:
                p = parameters(scope, MAP)
                query = await _filters(p)
                return await self._run(False, routes_store.places_answer, state, query,
                                       p.get("places", routes_store.PLACES))
            return places
        if path == ACTORS:
            async def actors() -> bytes:
                query = await _filters(parameters(scope, FILTERS))
                return await self._run(False, routes_store.actors_answer, state, query)
            return actors
        # one record by its id or code: an event or an article is a few indexed reads (bounded); an
        # actor's first summary per version groups all its events (the pool)
        one = _one(path, _EVENT_PREFIX, _IDENT, routes_events.event_answer, True) \
            or _one(path, _ARTICLE_PREFIX, _IDENT, routes_store.article_answer, True) \
            or _one(path, _ACTOR_PREFIX, _CODE, routes_store.actor_answer, False)
        if one is None:
            return None
        compute, ident, bounded = one

        async def record() -> bytes:
            if scope.get("query_string"):  # these routes take none; FastAPI ignores a stray one: left to it
                raise Refused
            return await self._run(bounded, compute, state, ident)
        return record


def _one(path: str, prefix: str, pattern: re.Pattern[str], compute: Callable[[ApiState, str], bytes],
         bounded: bool) -> tuple[Callable[[ApiState, str], bytes], str, bool] | None:
    """(compute, the path's id, bounded) when ``path`` is ``prefix`` + an id ``pattern`` takes."""
    if path.startswith(prefix) and pattern.fullmatch(ident := path[len(prefix):]):
        return compute, ident, bounded
    return None


async def _filters(p: dict[str, Any]) -> Any:
    """params.event_filters itself (its checks and its EventQuery), on the checked values."""
    return await event_filters(**{name: p[name] for name in FILTERS if name in p})
