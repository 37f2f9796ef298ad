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
  window with their articles' pks (event_sources.article_pk, one covering probe each); FTS5 then
  scans in C the matches keyed on or after the window's first day and returns those among the
  window's candidates. Reading every matching pk into Python instead cost ~0.7 µs each: tens of
  thousands for a rare actor with a mid-frequency word. A window is sized in candidates, not days,
  and the next one from the share kept so far: each window rescans the matches keyed after it
  (in C, but not for free), so few windows is the aim.
The answer is the straightforward query's (query.event_select): same rows, same order (date
descending with undated events last, as SQLite sorts them, ties by id).
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, Select, or_, text

from chronique.store import fts
from chronique.store.query import EventQuery, event_select
from chronique.store.tables import articles, event_sources, events

FIRST_CANDIDATES = 200  # filter events in the first window at least (and ``limit``)
FIRST_BATCH = 16  # matching articles read in the first batch (at least limit / 2); each next one twice as many
CHUNK = 500  # article pks per IN list

# The candidate article pks (a JSON array) that match, among the articles keyed from a day on.
_CANDIDATES_SQL = (f"SELECT rowid & {fts.PK_MASK} FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? "
                   f"AND (rowid & {fts.PK_MASK}) IN (SELECT value FROM json_each(?))")
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
    """The filter's events in windows back in time, each reaching the date of the ``wanted``-th
    newest candidate, kept when a matching article keyed on or after the window's first day
    reports them. ``wanted`` grows with the share of candidates kept so far, so that a rare filter
    with a rare word takes one or two windows and a frequent word stops after a few hundred."""
    found: dict[str, str | None] = {}
    limit = query.limit or 0
    hi = (top >> fts.KEY_SHIFT) + 1  # exclusive upper key; no event dated after the top match can match
    dates = (dated if hi > fts.LAST_DAY else _window(dated, 0, hi, first=False)).with_only_columns(
        events.c.date).order_by(events.c.date.desc())  # newest first, undated last
    first, wanted, seen = True, max(FIRST_CANDIDATES, limit), 0
    while True:
        last = connection.scalar(dates.offset(wanted - 1).limit(1))
        lo = min(fts.search_key(last), hi - 1) if last is not None else 0  # 0: the rest, undated too
        # One covering probe of (event_id, article_pk) per event (migration 0005).
        q = (_window(dated, lo, hi, first=first).add_columns(event_sources.c.article_pk)
             .join(event_sources, event_sources.c.event_id == events.c.id))
        window = connection.execute(q).all()
        if window:
            # An event dated in the window is reported only by articles keyed on or after its day:
            # FTS5 scans those matches in C and hands back the few that are candidates.
            candidates = json.dumps(sorted({pk for _, _, pk in window}))
            reported = {pk for (pk,) in _driver(connection).execute(
                _CANDIDATES_SQL, (match, lo << fts.KEY_SHIFT, candidates))}
            found.update((i, d) for i, d, pk in window if pk in reported)
            seen += len({i for i, _, _ in window})
        if lo == 0 or _enough(found, lo, query):
            return found
        # Enough candidates for ``limit`` at the share kept so far, with a margin; at least twice as many.
        share = len(found) / max(seen, 1)
        wanted = max(2 * wanted, int(1.5 * limit / share) if share else 8 * wanted)
        hi, first = lo, False


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
