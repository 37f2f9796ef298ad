"""The store's version read cheaply enough to ask for it on every API request.

The version is views.store_version: the highest article pk, which every ingest moves. On a SQLite
file it also moves when the database was changed in any other way (events deleted or rewritten by
hand, which migration 0009's triggers carry into the rollups): the probe's connection asks
``PRAGMA data_version``, which changes whenever another connection commits, and each change adds
one to a count of this probe's, kept in the version's low bits (the version is
``pk << CHANGE_BITS | changes``: a pair never seen before by this process, even when a deleted
article lowers the highest pk). A server database (PostgreSQL) offers no such
counter: there, a change other than an ingest is seen after the next ingest or a restart. Read through
the engine it costs a pool checkout, a BEGIN, the query and a rollback, several hundred µs of
Python; the API's answer cache asks it for every request, cached or not. On a SQLite file the
probe keeps one read-only connection of its own in autocommit mode, so each read is one statement
that sees every commit made before it (by this process or another one), about 10 µs. Other
backends, and a database in memory (which another connection would not see), read it through the
engine.

Asking SQLite costs little CPU but, in the event loop, a release and a take-back of the GIL per
statement, which under load waits behind the answering threads: the probe first compares the
WAL-index header (wal_header.py, a read of mapped memory) with the one seen at its last statement,
and asks SQLite only when the header changed (a commit) or cannot be read.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from chronique.errors import StoreError
from chronique.store import views
from chronique.store.store import Store
from chronique.store.wal_header import WalHeader

# one statement: the highest pk and the connection's data_version (a GIL release each, not two)
QUERY = "SELECT (SELECT coalesce(max(pk), 0) FROM articles), data_version FROM pragma_data_version"
CHANGE_BITS = 20  # commits seen by this probe, counted modulo 2**20


class VersionProbe:
    """``probe()`` → the store's version now. Safe from any thread (one at a time on the connection)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        url = store.engine.url
        self._path = url.database if url.get_backend_name() == "sqlite" and url.database not in (None, "",
                                                                                                  ":memory:") else None
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._seen: int | None = None  # data_version at the last read
        self._changes = 0
        self._header = WalHeader(self._path) if self._path is not None else None
        self._known: tuple[bytes, int] | None = None  # (WAL-index header, version) of the last statement

    @property
    def cheap(self) -> bool:
        """Whether a read is a local statement of a few µs (else a round trip through the engine)."""
        return self._path is not None

    def __call__(self) -> int:
        if self._path is None or self._header is None:
            return views.store_version(self.store)
        header = self._header.read()
        known = self._known
        if header is not None and known is not None and known[0] == header:
            return known[1]  # no commit since the last statement
        with self._lock:
            try:
                if self._connection is None:
                    uri = Path(self._path).resolve().as_uri() + "?mode=ro"
                    self._connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
                pk, changed = self._connection.execute(QUERY).fetchone()
            except sqlite3.Error as exc:
                self._drop()
                raise StoreError(f"expected to read the store version of {self._path}, found {exc}",
                                 where=self._path) from exc
            if changed != self._seen:
                self._seen = changed
                self._changes = (self._changes + 1) % (1 << CHANGE_BITS)
            version = int(pk) << CHANGE_BITS | self._changes
            # the header read BEFORE the statement: a commit between them changed it, so this pair
            # is never used for a state newer than the version (the version may only be newer)
            if header is not None and self._header.attach():
                self._known = (header, version)
            elif header is None:
                self._header.attach()  # mapped now that this connection has opened the WAL index
            return version

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        self._known = None
        if self._header is not None:
            self._header.close()
        if self._connection is not None:
            self._connection.close()
            self._connection = None
