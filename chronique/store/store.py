"""The event store: writes Extractions atomically and idempotently, reads records back.

An article is identified by its content hash. ``write`` stores a batch in one transaction: each new
article with all its events, sources, transfers and full-text entry, plus the batch's failures;
articles already stored are left as they are. So a run killed at any moment loses at most the
batch in flight, and running it again completes the database without duplicating anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Integer, column, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from chronique.dedup import merge_events
from chronique.errors import ConfigError, StoreError
from chronique.export.flat import ArticleRef
from chronique.report import Failure
from chronique.schema import Article, Event, Extraction, Transfer
from chronique.settings import Settings
from chronique.store import engine as engines
from chronique.store import fts, links, rows, search
from chronique.store.query import (
    WALK_THRESHOLD,
    EventQuery,
    event_select,
    walk_join_select,
)
from chronique.store.records import EventRecords, MergedRecords
from chronique.store.sources import sources_of
from chronique.store.tables import TABLES, Table, articles, event_sources, events, failures, transfers

T = TypeVar("T")
WALK_CHUNK = 500  # events examined per round trip when a full-text query walks the table
RETRIES = 3  # attempts of a batch whose connection dropped (safe: writes are idempotent)
# Index pages read through a memory map rather than a read() each: a full-text walk seeks in
# several large indexes (about 3x faster per event on a 2.8 GB store; SQLite maps at most this).
READ_PRAGMAS = {"mmap_size": 1 << 32}
# The connection that reads share inside Store.reading(), with the engine it belongs to.
_PINNED: ContextVar[tuple[Engine, Connection] | None] = ContextVar("chronique_pinned_read", default=None)


@dataclass(frozen=True)
class Written:
    """What one ``write`` added (articles already stored count as ``already_stored``)."""

    articles: int = 0
    events: int = 0
    transfers: int = 0
    failures: int = 0
    already_stored: int = 0
    links: int = 0  # near-duplicate links between a new article and a copy of it (links.py)


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    @classmethod
    def open(cls, settings: Settings, *, migrate: bool = True,
             sqlite_pragmas: Mapping[str, Any] | None = None) -> Store:
        """Open (and by default migrate to the latest version) the database of ``settings``."""
        engine = engines.make_engine(settings, sqlite_pragmas={**READ_PRAGMAS, **(sqlite_pragmas or {})})
        store = cls(engine)
        if migrate:
            store._guard(lambda: engines.upgrade(engine), "migrate the database")
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Every read inside shares one connection and one transaction: an API request checks out
        one connection and reads one snapshot, however many queries it makes."""
        if self._pinned() is not None:
            yield
            return
        with self.engine.connect() as connection:
            token = _PINNED.set((self.engine, connection))
            try:
                yield
            finally:
                _PINNED.reset(token)

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection to read with: the one of the enclosing ``reading()``, else a fresh one."""
        pinned = self._pinned()
        if pinned is not None:
            yield pinned
            return
        with self.engine.connect() as connection:
            yield connection

    def _pinned(self) -> Connection | None:
        held = _PINNED.get()
        return held[1] if held is not None and held[0] is self.engine else None

    @property
    def where(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    # -- writing -------------------------------------------------------------------------------

    def write(self, extractions: Sequence[Extraction], failed: Sequence[Failure] = ()) -> Written:
        """Store a batch in one transaction; retried when the connection drops."""
        def attempt() -> Written:
            with self.engine.connect() as base, \
                    base.execution_options(**{engines.WRITE_OPTION: True}) as connection, connection.begin():
                return self._write(connection, extractions, failed)

        return self._guard(attempt, "store a batch of articles", retry=True)

    def has_article(self, article_id: str) -> bool:
        with self.connect() as connection:
            found = connection.scalar(select(articles.c.pk).where(articles.c.id == article_id))
        return found is not None

    def _insert(self, table: Table) -> Any:
        dialect = postgresql if self.dialect == "postgresql" else sqlite
        return dialect.insert(table).on_conflict_do_nothing()

    def _write(self, connection: Connection, extractions: Sequence[Extraction], failed: Sequence[Failure]) -> Written:
        wanted: dict[str, Extraction] = {}
        for x in extractions:
            wanted.setdefault(x.article.id, x)
        stored = set(connection.scalars(select(articles.c.id).where(articles.c.id.in_(list(wanted)))))
        new = [x for aid, x in wanted.items() if aid not in stored]
        n_events = n_transfers = n_links = 0
        if new:
            connection.execute(insert(articles), [rows.article_row(x) for x in new])
            indexed = [dict(r._mapping) for r in connection.execute(
                select(articles.c.pk, articles.c.id, articles.c.title, articles.c.text, articles.c.language)
                .where(articles.c.id.in_([x.article.id for x in new])))]
            n_links = links.link_articles(connection, [x.article for x in new])
            event_rows, transfer_rows = [], []
            source_rows: list[dict[str, Any]] = []
            for x in new:
                aid = x.article.id
                for e in x.events:
                    event_rows.append(rows.event_row(e, aid))
                    source_rows += [{"event_id": e.id, "article_id": s} for s in dict.fromkeys((aid, *e.sources))
                                    if s == aid or s in stored or s in wanted]
                transfer_rows += [rows.transfer_row(t, aid, i) for i, t in enumerate(x.transfers)]
            cited = {r["article_id"] for r in source_rows} & stored  # stored articles a new event cites
            pks = {r["id"]: r["pk"] for r in indexed} | _pks(connection, cited)
            for r in source_rows:
                r["article_pk"] = pks[r["article_id"]]
            keyed = self.dialect == "sqlite"
            before = _newest_dates(connection, cited) if keyed and cited else {}
            if event_rows:
                connection.execute(self._insert(events), event_rows)
                n_events = len({r["id"] for r in event_rows})
                connection.execute(self._insert(event_sources), source_rows)
            if keyed:
                newest = _newest_dates(connection, {r["id"] for r in indexed} | cited)
                for r in indexed:
                    r["key"] = fts.search_key(newest.get(r["id"]))
                _rekey_cited(connection, {aid: (fts.search_key(before.get(aid)), fts.search_key(newest.get(aid)))
                                          for aid in cited})
            fts.index_articles(connection, indexed)
            if transfer_rows:
                connection.execute(insert(transfers), transfer_rows)
                n_transfers = len(transfer_rows)
        n_failures = 0
        if failed:
            keys = {r["key"]: r for r in map(rows.failure_row, failed)}
            known = set(connection.scalars(select(failures.c.key).where(failures.c.key.in_(list(keys)))))
            fresh = [r for k, r in keys.items() if k not in known]
            if fresh:
                connection.execute(self._insert(failures), fresh)
            n_failures = len(fresh)
        return Written(articles=len(new), events=max(n_events, 0), transfers=max(n_transfers, 0),
                       failures=max(n_failures, 0), already_stored=len(extractions) - len(new), links=n_links)

    def record_failures(self, failed: Sequence[Failure]) -> Written:
        return self.write((), failed)

    # -- reading -------------------------------------------------------------------------------

    def events(self, query: EventQuery | None = None, **filters: Any) -> EventRecords:
        """The events matching ``query`` or the same filters given as keywords (``actor="RUS",
        since="2022-01-01", limit=None``…), newest first; ``.to_pandas()``/``.to_arrow()`` make the
        flat event table of them."""
        unknown = sorted(set(filters) - {f.name for f in fields(EventQuery)})
        if unknown:
            raise ConfigError(f"expected filters among {[f.name for f in fields(EventQuery)]}, found {unknown}",
                              where="Store.events")
        query = replace(query or EventQuery(), **filters)

        def run() -> EventRecords:
            with self.connect() as connection:
                found = self._walk(connection, query) if query.text else None
                if found is None:
                    found = [(r.id, r.record) for r in connection.execute(event_select(query, self.dialect))]
                sources = self._sources(connection, [event_id for event_id, _ in found])
            return EventRecords((rows.event_from_row(record, sources.get(event_id, [])) for event_id, record in found),
                                self.article_refs)

        return self._guard(run, "query events")

    def article_refs(self, article_ids: list[str]) -> dict[str, ArticleRef]:
        """The id, URL and title of the stored articles among ``article_ids`` (for flat exports)."""
        def run() -> dict[str, ArticleRef]:
            out: dict[str, ArticleRef] = {}
            with self.connect() as connection:
                for chunk in _chunks(sorted(set(article_ids)), 500):
                    q = select(articles.c.id, articles.c.url, articles.c.title).where(articles.c.id.in_(chunk))
                    out.update((r.id, ArticleRef(r.id, url=r.url, title=r.title)) for r in connection.execute(q))
            return out

        return self._guard(run, "read article references")

    def _walk(self, connection: Connection, query: EventQuery) -> list[tuple[str, str]] | None:
        """A frequent full-text query: newest events first, kept when a matching article reports
        them, until ``limit``; None when the query is rare enough for the IN-list plan."""
        if query.limit is None:
            return None
        # Count the matches only up to the threshold: a frequent term has too many to read.
        matches = fts.matching_pks(self.dialect, query.text or "").columns(column("pk", Integer)).subquery()
        if len(connection.scalars(select(matches.c.pk).limit(WALK_THRESHOLD + 1)).all()) <= WALK_THRESHOLD:
            return None
        if self.dialect == "sqlite":
            kept = search.newest_event_ids(connection, query)
        else:
            kept = self._walk_candidates(connection, query) if query.limit else []
        records = dict(connection.execute(select(events.c.id, events.c.record).where(events.c.id.in_(kept))).all())
        return [(i, records[i]) for i in kept]

    def _walk_candidates(self, connection: Connection, query: EventQuery) -> list[str]:
        """PostgreSQL: the filtered events stream newest first with their articles' pks (the
        filter's index, or the date index, serves the order); each chunk's pks are tested against
        their tsvectors by primary key, so the cost follows the events read, not the matches."""
        kept: list[str] = []
        seen: set[str] = set()
        among = fts.postgres_matching_among(query.text or "")
        result = connection.execution_options(stream_results=True, yield_per=WALK_CHUNK).execute(
            walk_join_select(query))
        for chunk in result.partitions(WALK_CHUNK):
            matching = set(connection.scalars(among, {"pks": sorted({pk for _, pk in chunk})}))
            for event_id, pk in chunk:
                if pk in matching and event_id not in seen:
                    seen.add(event_id)
                    kept.append(event_id)
            if query.limit is not None and len(kept) >= query.limit:
                break
        result.close()
        return kept[:query.limit]

    def _sources(self, connection: Connection, ids: list[str]) -> dict[str, list[str]]:
        return sources_of(connection, ids)

    def duplicate_pairs(self, article_ids: Iterable[str] | None = None) -> list[tuple[str, str, float]]:
        """Stored near-duplicate pairs (smaller id, larger id, score), as ``dedup.merge_events``
        takes them; only those touching ``article_ids`` when given."""
        def run() -> list[tuple[str, str, float]]:
            with self.connect() as connection:
                return links.stored_pairs(connection, article_ids)

        return self._guard(run, "read near-duplicate links")

    def merged_events(self, query: EventQuery | None = None, *, window_days: int = 1,
                      **filters: Any) -> MergedRecords:
        """The events matching ``query`` (or ``filters``, as ``events`` takes them) merged across
        articles (copies of one story counted once), newest first; ``query.limit`` bounds the merged
        events, not the reports read."""
        query = query or EventQuery()
        found = self.events(query, **{**filters, "limit": None})
        pairs = self.duplicate_pairs({s for e in found for s in e.sources})
        merged = merge_events(found, window_days=window_days, duplicates=pairs)
        merged.sort(key=lambda m: m.event.id)
        merged.sort(key=lambda m: m.event.date or "", reverse=True)
        limit = filters.get("limit", query.limit)
        return MergedRecords(merged if limit is None else merged[:limit], self.article_refs)

    def iter_events(self, batch: int = 1000) -> Iterator[Event]:
        yield from self.events(EventQuery(limit=None))

    def iter_transfers(self) -> Iterator[Transfer]:
        with self.connect() as connection:
            q = select(transfers).order_by(transfers.c.date, transfers.c.article_id, transfers.c.seq)
            for row in connection.execute(q):
                yield rows.transfer_from_row(row)

    def iter_article_transfers(self) -> Iterator[tuple[Article, list[Transfer]]]:
        """Each stored article that reports transfers, with them (for listings with evidence)."""
        with self.connect() as connection:
            q = select(transfers).order_by(transfers.c.article_id, transfers.c.seq)
            grouped: dict[str, list[Transfer]] = {}
            for row in connection.execute(q):
                grouped.setdefault(row.article_id, []).append(rows.transfer_from_row(row))
            for article_id, found in grouped.items():
                row = connection.execute(select(articles).where(articles.c.id == article_id)).one()
                yield rows.article_from_row(row), found

    def iter_articles(self) -> Iterator[Article]:
        with self.connect() as connection:
            for row in connection.execute(select(articles).order_by(articles.c.pk)):
                yield rows.article_from_row(row)

    def failures(self, *, code: str | None = None, limit: int | None = None) -> list[Failure]:
        q = select(failures).order_by(failures.c.at, failures.c.source, failures.c.record)
        if code:
            q = q.where(failures.c.code == code)
        if limit:
            q = q.limit(limit)
        with self.connect() as connection:
            return [rows.failure_from_row(r) for r in connection.execute(q)]

    def counts(self) -> dict[str, int]:
        with self.connect() as connection:
            return {t.name: int(connection.scalar(select(func.count()).select_from(t)) or 0) for t in TABLES}

    # -- errors --------------------------------------------------------------------------------

    def _guard(self, work: Callable[[], T], doing: str, *, retry: bool = False) -> T:
        """Run ``work``; a dropped connection is retried, every database error becomes a StoreError."""
        for attempt in range(1, RETRIES + 1):
            try:
                return work()
            except DBAPIError as exc:
                if retry and exc.connection_invalidated and attempt < RETRIES:
                    continue
                raise StoreError(f"expected to {doing}, found: {_reason(exc)}", where=self.where) from exc
            except SQLAlchemyError as exc:
                raise StoreError(f"expected to {doing}, found: {exc}", where=self.where) from exc
        raise AssertionError("unreachable")


def _pks(connection: Connection, article_ids: set[str]) -> dict[str, int]:
    """The pks of stored articles, by id."""
    out: dict[str, int] = {}
    for chunk in _chunks(sorted(article_ids), 500):
        out.update((aid, pk) for aid, pk in connection.execute(
            select(articles.c.id, articles.c.pk).where(articles.c.id.in_(chunk))))
    return out


def _newest_dates(connection: Connection, article_ids: set[str]) -> dict[str, str | None]:
    """Each article's greatest event date (the source of its full-text search key)."""
    out: dict[str, str | None] = {}
    for chunk in _chunks(sorted(article_ids), 500):
        q = (select(event_sources.c.article_id, func.max(events.c.date))
             .join(events, events.c.id == event_sources.c.event_id)
             .where(event_sources.c.article_id.in_(chunk)).group_by(event_sources.c.article_id))
        out.update((aid, newest) for aid, newest in connection.execute(q))
    return out


def _rekey_cited(connection: Connection, keys: dict[str, tuple[int, int]]) -> None:
    """Stored articles that a newer event now cites move up in the date-keyed full-text index."""
    moved = {aid: old_new for aid, old_new in keys.items() if old_new[0] != old_new[1]}
    if not moved:
        return
    found = connection.execute(select(articles.c.pk, articles.c.id, articles.c.title, articles.c.text)
                               .where(articles.c.id.in_(list(moved))))
    fts.rekey_articles(connection, [{"pk": r.pk, "title": r.title, "text": r.text, "old": moved[r.id][0],
                                     "new": moved[r.id][1]} for r in found])


def _reason(exc: DBAPIError) -> str:
    message = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    if "database is locked" in message:
        return f"{message} (another process holds the write lock; nothing from this batch was written)"
    if "full" in message:
        return f"{message} (the transaction was rolled back; nothing from this batch was written)"
    return message


def _chunks(items: list[T], size: int) -> Iterable[list[T]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
