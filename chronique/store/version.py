"""The store's version read cheaply enough to ask for it on every API request.

The version is views.store_version: the highest article pk, which every ingest moves. Read through
the engine it costs a pool checkout, a BEGIN, the query and a rollback, several hundred µs of
Python; the API's answer cache asks it for every request, cached or not. On a SQLite file the
probe keeps one read-only connection of its own in autocommit mode, so each read is one statement
that sees every commit made before it (by this process or another one), about 10 µs. Other
backends, and a database in memory (which another connection would not see), read it through the
engine.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from chronique.errors import StoreError
from chronique.store import views
from chronique.store.store import Store

QUERY = "SELECT coalesce(max(pk), 0) FROM articles"


class VersionProbe:
    """``probe()`` → the store's version now. Safe from any thread (one at a time on the connection)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        url = store.engine.url
        self._path = url.database if url.get_backend_name() == "sqlite" and url.database not in (None, "",
                                                                                                  ":memory:") else None
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    @property
    def cheap(self) -> bool:
        """Whether a read is a local statement of a few µs (else a round trip through the engine)."""
        return self._path is not None

    def __call__(self) -> int:
        if self._path is None:
            return views.store_version(self.store)
        with self._lock:
            try:
                if self._connection is None:
                    uri = Path(self._path).resolve().as_uri() + "?mode=ro"
                    self._connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
                return int(self._connection.execute(QUERY).fetchone()[0])
            except sqlite3.Error as exc:
                self._drop()
                raise StoreError(f"expected to read the store version of {self._path}, found {exc}",
                                 where=self._path) from exc

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
