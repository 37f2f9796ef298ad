"""REST API load on a large store: requests/s and latency at N concurrent clients, over loopback.

The store is the synthetic SQLite store of benchmarks/store.py (same seed, built and cached there:
``--events 1000000`` takes about 4 minutes the first time). `chronique serve` runs it in its own
process on 127.0.0.1; Debian's `wrk` when installed (a native client, light on the shared cores:
wrk_load.py), else a small asyncio HTTP/1.1 client, keeps ``--clients`` keep-alive connections busy
with one endpoint at a time, for ``--seconds`` (the asyncio client also stops at ``--requests``):

- filtered list: /api/events with an actor, a type and a date range (random, like store.py's mix);
- one event: /api/events/{id} for random stored ids (the record, its sources, its merged reports);
- timeline: /api/timeline per month for an actor over a random date range.

Every request differs (actors, types, dates, event ids drawn from the store), so the server's
response cache rarely answers: these are computed answers. ``--fixed`` sends one request per
endpoint over and over instead, which the cache answers after the first.

With ``--ui`` the first page of the UI is loaded in Debian's Chromium (headless) and timed until
it is drawn and interactive (the table, the timeline and the map), cold then warm.

    .venv/bin/python benchmarks/api.py --events 1000000 --seconds 15 --workers 2 --label "2 workers" > w2.json
    .venv/bin/python benchmarks/api_report.py w1.json w2.json --write docs/performance.md  # runs side by side
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import api_report
import wrk_load
from store import DAYS, EVENT_TYPES, FIRST_DAY, World, synthetic_store
from throughput import ROOT
from throughput import write_section as write_doc_section

SECTION = "api-benchmarks"
HOST = "127.0.0.1"  # loopback only


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
    return port


def start_server(db: Path | str, port: int, workers: int, answer_threads: int | None = None) -> subprocess.Popen[bytes]:
    """`chronique serve` on ``db`` (a SQLite file or a database URL); ``answer_threads`` only when
    given (an older tree's serve has no such option)."""
    url = db if isinstance(db, str) else f"sqlite:///{db}"
    command = [sys.executable, "-m", "chronique", "serve", "--db", url, "--host", HOST,
               "--port", str(port), "--workers", str(workers)]
    if answer_threads is not None:
        command += ["--answer-threads", str(answer_threads)]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError(f"expected the server on {HOST}:{port} within 60 s, found none")


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    """One GET on a keep-alive connection; returns the status (the body is read and dropped)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nAccept: application/json\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next((int(v) for k, _, v in (line.partition(":") for line in lines[1:])
                   if k.lower() == "content-length"), 0)
    await reader.readexactly(length)
    return status


async def load(port: int, paths: Iterator[str], clients: int, requests: int, seconds: float) -> dict[str, Any]:
    """``clients`` connections issue requests from ``paths`` until ``requests`` or ``seconds``."""
    latencies: list[float] = []
    failures: dict[int, int] = {}
    issued = repeated = 0
    seen: set[str] = set()
    stop_at = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal issued, repeated
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            while issued < requests and time.perf_counter() < stop_at:
                issued += 1
                path = next(paths, None)
                if path is None:  # the paths are spent: the run stops rather than repeat them
                    break
                repeated += path in seen
                seen.add(path)
                t0 = time.perf_counter()
                status = await _get(reader, writer, path)
                latencies.append(time.perf_counter() - t0)
                if status != 200:
                    failures[status] = failures.get(status, 0) + 1
        finally:
            writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    wall = time.perf_counter() - t0
    ms = sorted(x * 1000 for x in latencies)
    return {"requests": len(ms), "seconds": wall, "rps": len(ms) / wall, "p50": statistics.median(ms),
            "p95": ms[int(0.95 * (len(ms) - 1))], "max": ms[-1], "failures": failures,
            "distinct_sent": len(seen), "repeated": repeated}


def tree_cpu(pid: int) -> float:
    """CPU seconds (user and system) used so far by process ``pid``, its living children (the
    workers of `serve --workers N`, PostgreSQL's backends) and those it has reaped: the server's CPU
    per answer, which the machine's load changes far less than its requests/s. 0 where /proc is
    missing."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # a process that ended meanwhile
            continue
        if stat.parent.name == str(pid):  # with its children that ended (PostgreSQL's closed connections)
            total += (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) / tick
        elif fields[1] == str(pid):  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def postmaster(url: str) -> int | None:
    """The pid of the PostgreSQL server at ``url`` when it runs on this machine (the parent of a
    backend's process, whose children are every connection's backend), else None."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as c:
            backend = int(c.scalar(text("SELECT pg_backend_pid()")) or 0)
        stat = Path(f"/proc/{backend}/stat")
        return int(stat.read_text().rsplit(")", 1)[1].split()[1]) if stat.exists() else None
    finally:
        engine.dispose()


def sessions(url: str) -> int:
    """Sessions PostgreSQL has opened so far in the database at ``url`` (this one included)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return int(c.scalar(text("SELECT sessions FROM pg_stat_database WHERE datname = current_database()"))
                       or 0)
    finally:
        engine.dispose()


def _window(rng: random.Random, longest: int) -> tuple[str, str]:
    start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - longest))
    return start.isoformat(), (start + timedelta(days=rng.randint(30, longest))).isoformat()


def workloads(db: Path, fixed: bool = False, seed: int = 11, more: bool = False,
              count: int = 100_000) -> dict[str, Iterator[str]]:
    """The requests per endpoint, each path once: a row of a run takes the next paths of its
    endpoint's iterator, so no path repeats within a row or across the rows of a run (whose server
    keeps its answers). One event and one article are drawn without replacement from ``count``
    distinct stored rows; ``more`` adds the other reads of an analyst's UI (one article, one actor,
    the map of a filter, the merged list). One actor has 200 codes only: its paths repeat."""
    world = World.make()
    rng = random.Random(seed)
    ids, articles = _stored(db, rng, count)

    def listed() -> Iterator[str]:
        while True:
            since, until = _window(rng, 365)
            yield (f"/api/events?actor={world.actor()}&type={rng.choice(list(EVENT_TYPES))}"
                   f"&since={since}&until={until}&limit=50")

    def one() -> Iterator[str]:
        return (f"/api/events/{i}" for i in ids)

    def timeline() -> Iterator[str]:
        while True:
            since, until = _window(rng, 3 * 365)
            yield f"/api/timeline?actor={world.actor()}&since={since}&until={until}&bucket=month"

    def article() -> Iterator[str]:
        return (f"/api/articles/{a}" for a in articles)

    def actor() -> Iterator[str]:  # 200 codes: a run asks for each many times (cached per version)
        while True:
            yield f"/api/actors/{world.actor()}"

    def mapped() -> Iterator[str]:
        while True:
            since, until = _window(rng, 90)
            yield f"/api/map?actor={world.actor()}&since={since}&until={until}"

    def merged() -> Iterator[str]:
        while True:
            since, until = _window(rng, 90)
            yield (f"/api/events?merge=true&actor={world.actor()}&type={rng.choice(list(EVENT_TYPES))}"
                   f"&since={since}&until={until}&limit=50")

    made = {"filtered list": listed, "one event": one, "timeline": timeline}
    if more:
        made |= {"one article": article, "one actor": actor, "map (actor, 3 months)": mapped,
                 "merged list": merged}
    if fixed:  # the same request again and again: what the response cache gives a repeated view
        return {name: itertools.repeat(next(make())) for name, make in made.items()}
    return {name: make() if name == "one actor" else _once(make()) for name, make in made.items()}


def _once(paths: Iterator[str]) -> Iterator[str]:
    """``paths`` without the ones already given; ends when they are spent."""
    seen: set[str] = set()
    for path in paths:
        if path not in seen:
            seen.add(path)
            yield path


def _stored(db: Path, rng: random.Random, count: int) -> tuple[list[str], list[str]]:
    """``count`` distinct event ids (fewer if the store has fewer) drawn at random, and the
    distinct articles of those events, in random order."""
    with sqlite3.connect(db) as connection:
        top = connection.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0
        picked = rng.sample(range(1, top + 1), min(count, top))
        ids: list[str] = []
        articles: list[str] = []
        for at in range(0, len(picked), 20_000):  # under SQLite's limit of bound values
            chunk = picked[at:at + 20_000]
            rows = connection.execute(f"SELECT id, article_id FROM events WHERE rowid IN "
                                      f"({','.join('?' * len(chunk))})", chunk).fetchall()
            ids += [r[0] for r in rows]
            articles += [r[1] for r in rows]
    rng.shuffle(ids)
    articles = list(dict.fromkeys(articles))
    rng.shuffle(articles)
    return ids, articles


def wait_warm(port: int) -> None:
    """Wait for the whole-store aggregates the server computes at start, so that the scan does not
    run under the first measured load (the UI timing measures that cold start instead)."""
    from urllib.request import urlopen

    for path in ("/api/timeline", "/api/map"):
        with urlopen(f"http://{HOST}:{port}{path}", timeout=600) as answer:
            answer.read()


RESOURCES = "performance.getEntriesByType('resource').map(e => [e.name, e.startTime, e.responseEnd])"
# when the page's own HTML was asked for and came, and when app.js marked the page drawn (ms)
NAVIGATION = ("(() => { const n = performance.getEntriesByType('navigation')[0]; "
              "const r = performance.getEntriesByName('chronique-ready')[0]; "
              "return {request: n.requestStart, response: n.responseEnd, dom: n.domContentLoadedEventEnd, "
              "ready: r ? r.startTime : null}; })()")


def first_page(port: int) -> dict[str, Any]:
    """Seconds until the UI's first page is drawn and interactive in Chromium, cold then warm, and
    when each file and API answer of the cold load arrived (ms from the navigation's start)."""
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]
    out: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=args)
        for run in ("cold", "warm"):
            page = browser.new_page()
            t0 = time.perf_counter()
            page.goto(f"http://{HOST}:{port}/")
            page.wait_for_selector("body[data-ready=true]", timeout=60_000)
            out[run] = time.perf_counter() - t0
            if run == "cold":
                out["cold_resources"] = [(name.split(str(port), 1)[-1], round(start), round(end))
                                         for name, start, end in page.evaluate(RESOURCES)]
                out["cold_navigation"] = page.evaluate(NAVIGATION)
            page.close()
        browser.close()
    return out


def _facts(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as connection:
        n_articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        n_events = connection.execute("SELECT count(*) FROM events").fetchone()[0]
    return {"articles": n_articles, "events": n_events, "bytes": db.stat().st_size}


def _measure(args: argparse.Namespace, client: str, port: int, paths: Iterator[str], clients: int) -> dict[str, Any]:
    if client == "wrk":
        return wrk_load.load(HOST, port, paths, clients, args.seconds, args.wrk_threads)
    requests = args.requests if clients > 1 else min(args.requests, 300)
    return asyncio.run(load(port, paths, clients, requests, args.seconds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, action="append", help="concurrent clients (repeatable; default 50 "
                        "then 1, the latter the latency without queueing)")
    parser.add_argument("--requests", type=int, default=3000, help="per endpoint, at most")
    parser.add_argument("--seconds", type=float, default=60, help="per endpoint, at most")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--answer-threads", type=int, help="`serve --answer-threads` (default: the server's)")
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto",
                        help="load client: wrk (native, Debian's package; auto when installed) or the asyncio one")
    parser.add_argument("--wrk-threads", type=int, default=1, help="wrk threads (each drives clients/threads)")
    parser.add_argument("--ui", action="store_true", help="time the UI's first page in Chromium")
    parser.add_argument("--ui-only", action="store_true", help="time the UI's first page and send no load")
    parser.add_argument("--db", type=Path, help="an existing SQLite store instead of the synthetic one")
    parser.add_argument("--postgres", help="a PostgreSQL server URL (scripts/postgres prints one): the store is "
                        "copied into a fresh database there, which the server then serves (a store of "
                        "100,000 events: --events 100000)")
    parser.add_argument("--fixed", action="store_true", help="one fixed request per endpoint instead of varied "
                        "ones (they are answered from the response cache after the first)")
    parser.add_argument("--more", action="store_true", help="also one article, one actor, the map of a filter "
                        "and the merged list")
    parser.add_argument("--only", action="append", help="only this endpoint (repeatable)")
    parser.add_argument("--label", help="the run's name in the table (default: its worker count)")
    parser.add_argument("--write", type=Path, help="write the section of this run alone (api_report.py joins runs)")
    args = parser.parse_args()
    if args.db:
        db, facts = args.db, _facts(args.db)
    else:
        db, facts = synthetic_store(args.events, False, lambda m: print(m, file=sys.stderr))
    client = ("wrk" if wrk_load.available() else "python") if args.client == "auto" else args.client
    with contextlib.ExitStack() as stack:
        served: Path | str = db
        if args.postgres:
            served, facts["postgres_load_s"] = stack.enter_context(on_postgres(db, args.postgres))
        facts["backend"] = "postgresql" if args.postgres else "sqlite"
        run(args, db, served, facts, client)


def on_postgres(db: Path, postgres: str) -> contextlib.AbstractContextManager[tuple[str, dict[str, float]]]:
    """A fresh PostgreSQL database holding a copy of the SQLite store ``db`` (vacuumed and analysed):
    its URL and the copy's seconds per table; dropped afterwards."""
    from store import fresh_database
    from store_postgres import load as copy_into

    from chronique.settings import Settings
    from chronique.store.store import Store

    @contextlib.contextmanager
    def made() -> Iterator[tuple[str, dict[str, float]]]:
        with tempfile.TemporaryDirectory() as tmp, fresh_database("postgresql", postgres, Path(tmp)) as url:
            store = Store.open(Settings(database_url=url))
            try:
                seconds = copy_into(db, store)
                # what autovacuum would do soon after a bulk load, done before the load test rather
                # than during it (the visibility map lets the indexes answer without the table)
                with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                    c.exec_driver_sql("VACUUM ANALYZE")
            finally:
                store.close()
            yield url, seconds
    return made()


def run(args: argparse.Namespace, db: Path, served: Path | str, facts: dict[str, Any], client: str) -> None:
    """The measured rows of one run: ``served`` (the SQLite file ``db`` or a database URL) behind
    `chronique serve`; the requests are drawn from ``db``."""
    port = free_port()
    server = start_server(served, port, args.workers, args.answer_threads)
    database = postmaster(served) if isinstance(served, str) else None
    try:
        result: dict[str, Any] = {"events_asked": args.events, "clients": args.clients or [50, 1],
                                  "requests": args.requests, "seconds": args.seconds, "client": client,
                                  "label": args.label, "fixed": args.fixed,
                                  "workers": args.workers, "answer_threads": args.answer_threads,
                                  "facts": facts, "load": {},
                                  "load_before": os.getloadavg()[0]}
        if args.ui or args.ui_only:
            result["ui"] = first_page(port)
        else:
            wait_warm(port)
        # one iterator per endpoint for the whole run: each row takes the paths after the last
        # row's, so the 1-client rows do not replay requests the 50-client rows left in the answers
        per_row = wrk_load.paths_for(args.seconds) if client == "wrk" else args.requests
        planned = workloads(db, args.fixed, more=args.more, count=per_row * len(result["clients"]))
        for clients in [] if args.ui_only else result["clients"]:
            for name, paths in planned.items():
                if args.only and name not in args.only:
                    continue
                cpu, db_cpu = tree_cpu(server.pid), tree_cpu(database) if database else 0.0
                opened = sessions(str(served)) if database else 0
                measured = _measure(args, client, port, paths, clients)
                if database:  # connections the server opened during the row (each a new backend process)
                    measured["database_sessions"] = sessions(str(served)) - opened - 1
                measured["server_cpu_ms"] = (tree_cpu(server.pid) - cpu) * 1000 / max(1, measured["requests"])
                if database:  # PostgreSQL's own processes, on the same cores
                    measured["database_cpu_ms"] = (tree_cpu(database) - db_cpu) * 1000 / max(1, measured["requests"])
                result["load"][f"{name}|{clients}"] = measured
                print(name, clients, json.dumps(measured), f"load average {os.getloadavg()[0]:.2f}", file=sys.stderr)
        result["load_after"] = os.getloadavg()[0]
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(json.dumps(result, indent=2, default=str))
    if args.write:
        write_doc_section(args.write, api_report.markdown([result], []), SECTION)


if __name__ == "__main__":
    main()
