"""What the routes share: the store, the settings, the write lock, a cache of aggregates and the
answers kept by the ASGI layer (answers.py).

Aggregates (timeline, map, actor counts) scan the filtered events and serve several answers (days,
weeks or months; the map and /api/places). They are cached per store version (the highest article
pk, one indexed lookup; on a SQLite file also any other commit: store/version.py), so a cached
aggregate is never stale: any ingest moves the version and misses the cache. Whole answers are
kept by answers.ReadyAnswers, under the same version.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fastapi import Request

from chronique.api.answers import Answers
from chronique.settings import Settings
from chronique.store import views
from chronique.store.raw_pages import RawPages
from chronique.store.store import Store
from chronique.store.version import VersionProbe

T = TypeVar("T")
CACHE_SIZE = 1024  # aggregates kept


@dataclass
class AggregateCache:
    """Aggregates per (store version, key). One computation per key at a time: a request for an
    aggregate another thread is computing (the server's warm-up, a concurrent request) waits for it
    instead of scanning the same rows again on the same cores."""

    size: int = CACHE_SIZE
    version: Callable[[], int] | None = None  # the store's version (ApiState's probe); else views.store_version
    _items: OrderedDict[Hashable, Any] = field(default_factory=OrderedDict)
    _pending: dict[Hashable, threading.Event] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, store: Store, key: Hashable, compute: Callable[[], T]) -> T:
        full = (self.version() if self.version is not None else views.store_version(store), key)
        while True:
            with self._lock:
                if full in self._items:
                    self._items.move_to_end(full)
                    return self._items[full]  # type: ignore[no-any-return]
                pending = self._pending.get(full)
                if pending is None:
                    self._pending[full] = threading.Event()
                    break
            pending.wait()  # found next time round, or its computation failed and this one takes over
        try:
            value = compute()
            with self._lock:
                self._items[full] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
            return value
        finally:
            with self._lock:
                self._pending.pop(full).set()


@dataclass
class ApiState:
    settings: Settings
    store: Store
    cache: AggregateCache = field(default_factory=AggregateCache)
    answers: Answers = field(default_factory=Answers)
    version: VersionProbe = field(init=False)  # the store's version, read for every request
    pages: RawPages = field(init=False)  # the common pages of a SQLite file, read without the engine
    write_lock: threading.Lock = field(default_factory=threading.Lock)  # one ingest at a time
    pipelines: dict[tuple[str | None, str | None], Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.version = VersionProbe(self.store)
        self.cache.version = self.version  # the same version as the kept answers (a change by hand included)
        self.pages = RawPages(self.store)


async def get_state(request: Request) -> ApiState:  # async: no thread-pool hop
    state: ApiState = request.app.state.chronique
    return state
