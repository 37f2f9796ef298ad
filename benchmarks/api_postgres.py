"""The API's computed answers on PostgreSQL: the generic path (the route functions through the
engine, as the server runs them) against a direct psycopg path with prepared statements, and
against the same answers on SQLite.

The synthetic store of benchmarks/store.py (--events, 100,000 by default) is copied into a fresh
PostgreSQL database made by the store's migrations (store_postgres.load), then ANALYZEd. For each
endpoint of api.py's varied requests, the answer is computed in process, and its wall and CPU time
per answer are reported (median and p90; on PostgreSQL the wall time includes the server's work,
on the same cores). The direct path is measured for the filtered list page only, the answer the
plain sqlite3 reader (raw_pages.py) serves on SQLite: the SAME SQL as views.event_page, compiled
once per shape for PostgreSQL, run on one psycopg connection with ``prepare=True`` (a server-side
prepared statement), its page and sources in one transaction; its bytes are checked equal to the
generic path's for every request.

    .venv/bin/python benchmarks/api_postgres.py --events 100000 --postgres "$(scripts/postgres)" > pg.json
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api import workloads
from api_cpu import FILTERS, answer
from store import fresh_database, synthetic_store
from store_postgres import load

from chronique.api.state import ApiState
from chronique.settings import Settings
from chronique.store import views
from chronique.store.query import EventQuery, bound_shape, bound_values
from chronique.store.store import Store


def timed(work: Callable[[str], bytes], paths: list[str]) -> dict[str, Any]:
    wall: list[float] = []
    cpu: list[float] = []
    digest = hashlib.blake2b(digest_size=12)
    for path in paths:
        w0, c0 = time.perf_counter(), time.process_time()
        body = work(path)
        cpu.append((time.process_time() - c0) * 1000)
        wall.append((time.perf_counter() - w0) * 1000)
        digest.update(body)
    return {"requests": len(paths), "wall_ms_median": _q(wall, 0.5), "wall_ms_p90": _q(wall, 0.9),
            "cpu_ms_median": _q(cpu, 0.5), "cpu_ms_p90": _q(cpu, 0.9), "answers_digest": digest.hexdigest()}


def _q(values: list[float], at: float) -> float:
    ordered = sorted(values)
    return round(statistics.median(ordered) if at == 0.5 else ordered[int(at * (len(ordered) - 1))], 3)


class DirectPages:
    """A list page read by psycopg itself: views._dated_page compiled for PostgreSQL (pyformat
    parameters), executed as a prepared statement; the page's sources by one prepared
    ``= ANY(%(ids)s)`` statement. The bytes of routes_events.list_answer."""

    SOURCES = ("SELECT event_id, article_id FROM event_sources WHERE event_id = ANY(%(ids)s) "
               "ORDER BY event_id, article_id")

    def __init__(self, url: str) -> None:
        import psycopg
        from sqlalchemy.dialects import postgresql
        from sqlalchemy.engine import make_url

        self._dialect = postgresql.psycopg.dialect(paramstyle="pyformat")  # type: ignore[attr-defined]
        plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        self.connection = psycopg.connect(plain)
        self._sql: dict[tuple[str, ...], tuple[str, dict[str, Any]]] = {}

    def page(self, path: str) -> bytes:
        params = dict(parse_qsl(urlsplit(path).query))
        query = EventQuery(**{k: v for k, v in params.items() if k in FILTERS}, limit=int(params.get("limit", 100)))
        shape = bound_shape(query)
        assert shape is not None and query.limit is not None
        if shape not in self._sql:
            compiled = views._dated_page(shape, "-date", False).compile(dialect=self._dialect)
            self._sql[shape] = compiled.string, dict(compiled.params)
        sql, defaults = self._sql[shape]
        with self.connection.transaction(), self.connection.cursor() as cursor:
            found = cursor.execute(sql, {**defaults, **bound_values(query), "limit": query.limit + 1},
                                   prepare=True).fetchall()
            page = found[:query.limit]
            sources: dict[str, list[str]] = {}
            for ident, aid in cursor.execute(self.SOURCES, {"ids": [r[0] for r in page]}, prepare=True).fetchall():
                sources.setdefault(ident, []).append(aid)
        built = [views.StoredEvent(i, d, record, sources.get(i, [])) for i, record, d in page]
        nxt = views.Cursor(built[-1].date, built[-1].id).encode() if len(found) > query.limit and built else None
        listed = ",".join(item.json() for item in built)
        return f'{{"events":[{listed}],"next_cursor":{json.dumps(nxt)}}}'.encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--postgres", required=True, help="a PostgreSQL server URL (scripts/postgres prints one)")
    parser.add_argument("--requests", type=int, default=300, help="varied requests per endpoint")
    parser.add_argument("--warm", type=int, default=30, help="requests per endpoint first, not measured")
    parser.add_argument("--rounds", type=int, default=2, help="generic and direct alternated this many times")
    args = parser.parse_args()
    if args.events >= 1_000_000:
        sys.exit("use a smaller store: this copies it into PostgreSQL (and upgrades the cached SQLite file)")

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    path, facts = synthetic_store(args.events, False, log)
    out: dict[str, Any] = {"synthetic": facts, "load_before": _load()}
    requests = {name: list(itertools.islice(made, args.warm + args.requests))
                for name, made in workloads(path, count=args.warm + args.requests).items()}
    with tempfile.TemporaryDirectory() as tmp, fresh_database("postgresql", args.postgres, Path(tmp)) as url:
        pg = Store.open(Settings(database_url=url))
        out["load_s"] = load(path, pg)
        with pg.engine.connect() as c:
            c.exec_driver_sql("ANALYZE")  # autovacuum would, soon after a bulk load
            c.commit()
        sqlite = Store.open(Settings(database_url=f"sqlite:///{path}"), migrate=False)
        states = {"postgresql": ApiState(Settings(database_url=url), pg),
                  "sqlite": ApiState(Settings(database_url=f"sqlite:///{path}"), sqlite)}
        direct = DirectPages(url)
        runs: list[dict[str, Any]] = []
        for round_ in range(args.rounds):
            for backend, state in states.items():
                for name, paths in requests.items():
                    for p in paths[:args.warm]:
                        answer(state, p)
                    runs.append({"round": round_, "path": "generic", "backend": backend, "endpoint": name,
                                 **timed(lambda p, s=state: answer(s, p), paths[args.warm:])})
                    log(f"{runs[-1]}")
            listed = requests["filtered list"]
            for p in listed[:args.warm]:
                direct.page(p)
            runs.append({"round": round_, "path": "direct psycopg, prepared", "backend": "postgresql",
                         "endpoint": "filtered list", **timed(direct.page, listed[args.warm:])})
            log(f"{runs[-1]}")
        direct.connection.close()
        pg.close()
        sqlite.close()
    out["runs"] = runs
    out["load_after"] = _load()
    print(json.dumps(out, indent=1))


def _load() -> str:
    return Path("/proc/loadavg").read_text().split(" ", 1)[0] if Path("/proc/loadavg").exists() else "?"


if __name__ == "__main__":
    main()
