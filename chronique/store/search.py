"""A full-text query for the newest events on SQLite, served by the date-keyed FTS5 index (fts.py).

FTS5 hands out the articles matching the text in descending rowid, that is newest search key
first (the day of the newest event an article reports). The walk reads them window by window
going back in time, and stops as soon as ``limit`` events dated on or after
the window's first day are known: every event not yet seen is reported only by articles keyed
before that day, so it is dated before it (fts.search_key) and cannot rank higher.

Two ways to find the events of a window, chosen by the query:
- by article: the events of the matching articles read in batches that double (no selective
  filter: the text is what narrows; a frequent term fills ``limit`` from a few articles);
- by filter: the events that a selective filter's index (actor, recipient…) finds in the
  window, kept when a matching article already read reports them (a rare actor would otherwise
  read matching articles for years).
The answer is the straightforward query's (query.event_select): same rows, same order (date
descending with undated events last, as SQLite sorts them, ties by id).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, Select, or_, text

from chronique.store import fts
from chronique.store.query import EventQuery, event_select
from chronique.store.tables import articles, event_sources, events

FIRST_SPAN = 8  # days of the filter's events read in the first window; each next one is twice as long
FIRST_BATCH = 16  # matching articles read in the first batch (at least limit / 2); each next one twice as many
CHUNK = 500  # article pks per IN list

_KEYED_SQL = (f"SELECT rowid & {fts.PK_MASK} FROM articles_fts WHERE articles_fts MATCH ? "
              "AND rowid >= ? AND rowid < ?")
_KEYED_DESC = text(f"SELECT rowid, rowid & {fts.PK_MASK} FROM articles_fts WHERE articles_fts MATCH :q "
                   "AND rowid < :below ORDER BY rowid DESC LIMIT :n")
_NEWEST = text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q ORDER BY rowid DESC LIMIT 1")


def selective(query: EventQuery) -> bool:
    """Whether a filter narrows events through its own index more than the text does."""
    return bool(query.actor or query.recipient or query.country or query.cameo or query.place)


def newest_event_ids(connection: Connection, query: EventQuery) -> list[str]:
    """The ids of the first ``query.limit`` events of ``query`` (with a text and a limit), in order."""
    assert query.text and query.limit is not None
    match = fts.sqlite_match(query.text)
    top = connection.scalar(_NEWEST, {"q": match})
    if top is None or query.limit == 0:
        return []
    dated = event_select(replace(query, text=None, limit=None), "sqlite").with_only_columns(
        events.c.id, events.c.date).order_by(None)
    walk = _by_filter if selective(query) else _by_article
    found = walk(connection, query, match, dated, top)
    ordered = sorted(found.items())  # id ascending breaks ties…
    ordered.sort(key=lambda item: (item[1] is not None, item[1] or ""), reverse=True)  # …newest first
    return [i for i, _ in ordered[:query.limit]]


def _enough(found: dict[str, str | None], key: int, query: EventQuery) -> bool:
    """Whether the events found dated on or after day ``key`` fill the limit (or reach ``since``):
    the caller has read every matching article keyed ``key`` or later."""
    if key > fts.LAST_DAY:
        return False  # an article keyed on the last day (a date that sorts after every day) is unread
    first_day = fts.day(key)
    if query.since and first_day <= query.since:
        return True  # every unseen event is older than ``since``
    return sum(1 for d in found.values() if d is not None and d >= first_day) >= (query.limit or 0)


def _by_article(connection: Connection, query: EventQuery, match: str, dated: Select[Any],
                top: int) -> dict[str, str | None]:
    """Matching articles newest first, in batches that double; the filtered events of each."""
    found: dict[str, str | None] = {}
    below, batch = top + 1, max(FIRST_BATCH, (query.limit or 0) // 2)
    while True:
        pks = connection.execute(_KEYED_DESC, {"q": match, "below": below, "n": batch}).all()
        for chunk in _chunks([pk for _, pk in pks], CHUNK):
            q = (dated.join(event_sources, event_sources.c.event_id == events.c.id)
                 .join(articles, articles.c.id == event_sources.c.article_id)
                 .where(articles.c.pk.in_(chunk)))
            found.update((i, d) for i, d in connection.execute(q))
        if len(pks) < batch:
            return found  # every matching article read
        below = pks[-1][0]
        # Unread articles are keyed at most like the last one read: their events are older than the next day.
        if _enough(found, (below >> fts.KEY_SHIFT) + 1, query):
            return found
        batch *= 2


def _by_filter(connection: Connection, query: EventQuery, match: str, dated: Select[Any],
               top: int) -> dict[str, str | None]:
    """The filter's events window by window back in time (windows double), kept when a matching
    article keyed inside or after the window reports them."""
    matching: set[int] = set()
    found: dict[str, str | None] = {}
    hi, span = (top >> fts.KEY_SHIFT) + 1, FIRST_SPAN  # hi: exclusive upper key of the window
    while True:
        lo = max(hi - span, 0)  # key 0: the rest (articles without a dated event included)
        # Thousands of pks: read through the driver's cursor, without a result object per row.
        matching.update(pk for (pk,) in _driver(connection).execute(
            _KEYED_SQL, (match, lo << fts.KEY_SHIFT, hi << fts.KEY_SHIFT)))
        q = (_window(dated, lo, hi, first=span == FIRST_SPAN).add_columns(articles.c.pk)
             .join(event_sources, event_sources.c.event_id == events.c.id)
             .join(articles, articles.c.id == event_sources.c.article_id)
             .order_by(events.c.date.desc()))
        cut: str | None = None  # once ``limit`` are found: the date below which nothing can rank
        for i, d, pk in connection.execute(q):
            if cut is not None and (d is None or d < cut):
                return found  # the rest of the window is older than ``limit`` events found
            if pk in matching:
                found[i] = d
                if cut is None and d is not None and len(found) >= (query.limit or 0):
                    cut = d
        if lo == 0 or _enough(found, lo, query):
            return found
        hi, span = lo, span * 2


def _window(dated: Select[Any], lo: int, hi: int, *, first: bool) -> Select[Any]:
    """The filtered events dated in the window [day(lo), day(hi)); the first window has no upper
    bound, the last (lo = 0) takes undated events too."""
    q = dated
    if not first:
        q = q.where(events.c.date < fts.day(hi))
    if lo > 0:
        q = q.where(events.c.date >= fts.day(lo))
    elif not first:
        q = dated.where(or_(events.c.date < fts.day(hi), events.c.date.is_(None)))
    return q


def _driver(connection: Connection) -> Any:
    """The sqlite3 connection under ``connection`` (same transaction)."""
    return connection.connection.dbapi_connection


def _chunks(items: list[int], size: int) -> list[list[int]]:
    return [items[i:i + size] for i in range(0, len(items), size)]
