"""Query latencies of the event store on PostgreSQL, on a smaller synthetic store.

The synthetic SQLite store of benchmarks/store.py (same seed, same distributions) is copied row
for row into a fresh PostgreSQL database made by the store's own migrations; the full-text index
is built by the store's own code (fts.index_articles: to_tsvector over unaccent()ed text with the
article's language). The same query kinds then go through Store.events.

    .venv/bin/python benchmarks/store_postgres.py --events 100000 --postgres "$(scripts/postgres)"
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store import fresh_database, measure_queries, synthetic_store

from chronique.settings import Settings
from chronique.store import fts
from chronique.store.store import Store
from chronique.store.tables import articles, event_sources, events

BATCH = 2000  # rows per executemany


def _copy(db: sqlite3.Connection, sql: str, table: Any, store: Store,
          after: Callable[[Any, list[dict[str, Any]]], None] | None = None) -> int:
    cursor = db.execute(sql)
    names = [d[0] for d in cursor.description]
    n = 0
    while rows := cursor.fetchmany(BATCH):
        batch = [dict(zip(names, r, strict=True)) for r in rows]
        with store.engine.begin() as connection:
            connection.execute(insert(table), batch)
            if after:
                after(connection, batch)
        n += len(batch)
    return n


def load(path: Path, store: Store) -> dict[str, float]:
    """Copy the synthetic SQLite store at ``path`` into ``store``; seconds per table."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    _copy(db, "SELECT pk, id, text, title, url, source, language, published, published_inferred, mentions "
              "FROM articles ORDER BY pk", articles, store,
          after=lambda c, batch: fts.index_articles(c, batch))
    seconds["articles and full-text index"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    _copy(db, "SELECT * FROM events", events, store)
    _copy(db, "SELECT s.event_id, s.article_id, a.pk AS article_pk FROM event_sources s "
              "JOIN articles a ON a.id = s.article_id", event_sources, store)
    seconds["events and sources"] = time.perf_counter() - t0
    db.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000, help="events in the synthetic store")
    parser.add_argument("--queries", type=int, default=200, help="random queries per kind")
    parser.add_argument("--postgres", required=True, help="a PostgreSQL server URL (scripts/postgres prints one)")
    args = parser.parse_args()

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    path, facts = synthetic_store(args.events, False, log)
    result: dict[str, Any] = {"synthetic": facts}
    with tempfile.TemporaryDirectory() as tmp, fresh_database("postgresql", args.postgres, Path(tmp)) as url:
        store = Store.open(Settings(database_url=url))
        result["load_s"] = load(path, store)
        log(f"loaded: {result['load_s']}")
        with store.engine.connect() as c:
            c.exec_driver_sql("ANALYZE")  # autovacuum would, soon after a bulk load
            c.commit()
        result["queries"] = measure_queries(store, args.queries)
        for q in result["queries"]:
            log(f"{q['kind']}: p50 {q['p50_ms']:.1f} ms, p95 {q['p95_ms']:.1f} ms")
        store.close()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
