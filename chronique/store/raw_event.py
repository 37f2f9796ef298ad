"""One event with its sources' articles, read from a SQLite file by a plain sqlite3 connection in
one read transaction (raw_pages.RawPages.read).

Through the engine, the one-event answer cost a pool checkout, a BEGIN, three statements through
SQLAlchemy's execution and result machinery (the event, its sources, its articles) and a rollback:
under load the largest part of its server CPU (py-spy, docs/performance.md). Here the same rows are
read with the same SQL, plus the two-row page of the event's merge window that tells whether any
other report could merge with it. An event alone there (most) is answered from these reads; one
with a possible partner, and every event of another backend, is read by the engine's path, which
reads the whole window and the near-duplicate links.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import NamedTuple

from chronique.schema import Article, Event
from chronique.store import rows
from chronique.store.query import EventQuery
from chronique.store.raw_pages import RawPages, page_in, page_plan, sources_in
from chronique.store.sources import CHUNK

_EVENT = "SELECT id, record FROM events WHERE id = ?"


class _ArticleRow(NamedTuple):  # the columns rows.article_from_row reads, by name
    id: str
    text: str
    title: str | None
    url: str | None
    source: str | None
    language: str | None
    published: str | None
    published_inferred: bool


_ARTICLES = f"SELECT {', '.join(_ArticleRow._fields)} FROM articles WHERE id IN ({{}})"


@dataclass(frozen=True)
class AloneEvent:
    """The event (None: no event has that id) and the articles of its sources."""

    event: Event | None
    articles: dict[str, Article]


def read_alone(pages: RawPages, event_id: str, window: Callable[[Event], EventQuery | None]) -> AloneEvent | None:
    """The event ``event_id`` when it has no possible merge partner (fewer than two events in
    ``window(event)``, or no window), with its articles; None when this reader cannot tell (another
    backend, a database in memory, a failed read) or a partner may exist: the engine's path answers."""

    def work(connection: sqlite3.Connection) -> AloneEvent | None:
        row = connection.execute(_EVENT, (event_id,)).fetchone()
        if row is None:
            return AloneEvent(None, {})
        event = rows.event_from_row(row[1], sources_in(connection, [event_id]).get(event_id, []))
        near = window(event)
        if near is not None:
            plan = page_plan(replace(near, limit=2))
            if plan is None or len(page_in(connection, plan).items) >= 2:
                return None
        found: dict[str, Article] = {}
        wanted = list(dict.fromkeys(event.sources))
        for at in range(0, len(wanted), CHUNK):
            chunk = wanted[at:at + CHUNK]
            for r in connection.execute(_ARTICLES.format(",".join("?" * len(chunk))), chunk).fetchall():
                found[r[0]] = rows.article_from_row(_ArticleRow(*r))
        return AloneEvent(event, found)

    return pages.read(work)
