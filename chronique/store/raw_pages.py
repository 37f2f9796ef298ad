"""Pages of events (and an actor's monthly counts) read from a SQLite file by plain sqlite3
connections, one per thread.

The API's filtered list is its most requested computed answer. Through the engine, a page costs a
pool checkout, a BEGIN, two statements through SQLAlchemy's execution and result machinery and a
rollback: more CPU in Python than SQLite spends on the page. Here each thread keeps a read-only
connection of its own (its statements stay prepared in sqlite3's statement cache) and runs the
SAME SQL as views.event_page, compiled once per shape by SQLAlchemy, in one read transaction (one
snapshot for the page and its sources). It serves the pages whose statement is built once
(query.bound_shape) over a date range (no undated tail to append); views.event_page serves every
other page, and every page of another backend or of a database in memory. The monthly counts of
one actor or recipient (role_months.py) are read the same way, for the timeline.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Select
from sqlalchemy.dialects import sqlite

from chronique.store import role_months, views
from chronique.store.query import EventQuery, bound_shape, bound_values
from chronique.store.sources import CHUNK
from chronique.store.store import READ_PRAGMAS, Store

log = logging.getLogger("chronique.store")
T = TypeVar("T")
_SOURCES = "SELECT event_id, article_id FROM event_sources WHERE event_id IN ({}) ORDER BY event_id, article_id"


def _sql(statement: Select[Any]) -> tuple[str, dict[str, Any]]:
    """``statement`` as SQLite SQL with named parameters, and its parameters' defaults."""
    compiled = statement.compile(dialect=sqlite.dialect(paramstyle="named"))
    return compiled.string, dict(compiled.params)


@lru_cache(maxsize=4 * 2 ** 6)
def _page_sql(shape: tuple[str, ...], sort: str, after: bool) -> tuple[str, dict[str, Any]]:
    return _sql(views._dated_page(shape, sort, after))


@lru_cache(maxsize=2 * 8)
def _months_sql(shape: role_months.Shape) -> tuple[str, dict[str, Any]]:
    return _sql(role_months.statement(shape))


class RawPages:
    """``page(query, cursor, sort)`` → the EventPage of views.event_page, or None when this reader
    does not serve that page or could not read it (the caller then asks views.event_page)."""

    def __init__(self, store: Store) -> None:
        url = store.engine.url
        self._path = url.database if url.get_backend_name() == "sqlite" and url.database not in (None, "",
                                                                                                  ":memory:") else None
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def page(self, query: EventQuery, cursor: str | None = None, sort: str = "-date") -> views.EventPage | None:
        plan = page_plan(query, cursor, sort) if self._path is not None else None
        if plan is None:
            return None
        return self.read(lambda connection: page_in(connection, plan))  # one snapshot for the page and its sources

    def read(self, work: Callable[[sqlite3.Connection], T]) -> T | None:
        """``work(connection)`` in one read transaction of this thread's connection; None when this
        reader serves no file or the read failed (the caller then asks the engine)."""
        if self._path is None:
            return None
        try:
            connection = self._connection()
            connection.execute("BEGIN")
            try:
                return work(connection)
            finally:
                connection.execute("COMMIT")
        except sqlite3.Error as exc:
            self._failed(exc)
            return None

    def month_counts(self, query: EventQuery) -> list[tuple[str, str, int]] | None:
        """role_months.month_counts(store, query) read here; None when this reader does not serve
        it (another backend, a database in memory, a query of no one role)."""
        found = role_months.bound(query) if self._path is not None else None
        if found is None:
            return None
        shape, values = found
        sql, defaults = _months_sql(shape)
        try:
            rows = self._connection().execute(sql, {**defaults, **values}).fetchall()  # one statement: one snapshot
        except sqlite3.Error as exc:
            self._failed(exc)
            return None
        return [(str(m), str(t), int(n)) for m, t, n in rows]

    def _failed(self, exc: sqlite3.Error) -> None:
        """A read that failed here (the file replaced, a WAL index it may not create…) is left to the
        engine, which answers it or reports the store's failure in its own words."""
        log.warning("plain read of %s failed, the engine reads it: %s", self._path, exc)
        self._drop()

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            assert self._path is not None
            uri = Path(self._path).resolve().as_uri() + "?mode=ro"
            connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            for name, value in READ_PRAGMAS.items():
                connection.execute(f"PRAGMA {name} = {int(value)}")
            self._local.connection = connection
            with self._lock:
                self._all.append(connection)
        return connection

    def _drop(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            self._local.connection = None
            with self._lock:
                if connection in self._all:
                    self._all.remove(connection)
            connection.close()

    def close(self) -> None:
        """Close every thread's connection (when the server stops)."""
        with self._lock:
            for connection in self._all:
                connection.close()
            self._all.clear()


@dataclass(frozen=True)
class PagePlan:
    sql: str
    values: dict[str, Any]
    limit: int


def page_plan(query: EventQuery, cursor: str | None = None, sort: str = "-date") -> PagePlan | None:
    """The statement and values of views.event_page's page, when this reader serves it: the
    filters of a statement built once (query.bound_shape) over a date range (no undated tail)."""
    shape = bound_shape(query)
    if shape is None or not (query.since or query.until) or sort not in views.SORTS:
        return None
    after = views.Cursor.decode(cursor) if cursor else None
    if after is not None and after.date is None:
        return None  # a cursor in the undated tail (a page of another query): the engine's reader answers
    limit = query.limit if query.limit is not None else 100
    sql, defaults = _page_sql(shape, sort, after is not None)
    values: dict[str, Any] = {**defaults, **bound_values(query), "limit": limit + 1}
    if after is not None:
        values.update(after_date=after.date, after_id=after.id)
    return PagePlan(sql, values, limit)


def page_in(connection: sqlite3.Connection, plan: PagePlan) -> views.EventPage:
    """The page of ``plan`` read on ``connection`` (inside the caller's transaction)."""
    found = connection.execute(plan.sql, plan.values).fetchall()
    page = found[:plan.limit]
    sources = sources_in(connection, [r[0] for r in page])
    built = [views.StoredEvent(ident, day, record, sources.get(ident, [])) for ident, record, day in page]
    nxt = views.Cursor(built[-1].date, built[-1].id).encode() if len(found) > plan.limit and built else None
    return views.EventPage(built, nxt)


def sources_in(connection: sqlite3.Connection, ids: list[str]) -> dict[str, list[str]]:
    """sources.sources_of on a plain connection: the same statement, positional marks."""
    out: dict[str, list[str]] = {}
    for at in range(0, len(ids), CHUNK):
        chunk = ids[at:at + CHUNK]
        for ident, aid in connection.execute(_SOURCES.format(",".join("?" * len(chunk))), chunk).fetchall():
            out.setdefault(ident, []).append(aid)
    return out
