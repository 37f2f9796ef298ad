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
import itertools
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
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


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "chronique", "serve", "--db", f"sqlite:///{db}", "--host", HOST,
               "--port", str(port), "--workers", str(workers)]
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
    issued = 0
    stop_at = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal issued
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            while issued < requests and time.perf_counter() < stop_at:
                issued += 1
                path = next(paths)
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
            "p95": ms[int(0.95 * (len(ms) - 1))], "max": ms[-1], "failures": failures}


def _window(rng: random.Random, longest: int) -> tuple[str, str]:
    start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - longest))
    return start.isoformat(), (start + timedelta(days=rng.randint(30, longest))).isoformat()


def workloads(db: Path, fixed: bool = False, seed: int = 11,
              more: bool = False) -> dict[str, Callable[[], Iterator[str]]]:
    """The varied requests per endpoint; ``more`` adds the other reads of an analyst's UI (one
    article, one actor, the map of a filter, the merged list)."""
    world = World.make()
    rng = random.Random(seed)
    with sqlite3.connect(db) as connection:
        top = connection.execute("SELECT max(rowid) FROM events").fetchone()[0]
        # as many ids as wrk_load's paths: a run at these rates asks for each about once
        picked = [rng.randint(1, top) for _ in range(wrk_load.PATHS)]
        ids = [r[0] for r in connection.execute(
            f"SELECT id FROM events WHERE rowid IN ({','.join('?' * len(picked))})", picked)]
        articles = [r[0] for r in connection.execute(
            f"SELECT article_id FROM events WHERE rowid IN ({','.join('?' * len(picked))})", picked)]

    def listed() -> Iterator[str]:
        while True:
            since, until = _window(rng, 365)
            yield (f"/api/events?actor={world.actor()}&type={rng.choice(list(EVENT_TYPES))}"
                   f"&since={since}&until={until}&limit=50")

    def one() -> Iterator[str]:
        while True:
            yield f"/api/events/{rng.choice(ids)}"

    def timeline() -> Iterator[str]:
        while True:
            since, until = _window(rng, 3 * 365)
            yield f"/api/timeline?actor={world.actor()}&since={since}&until={until}&bucket=month"

    def article() -> Iterator[str]:
        while True:
            yield f"/api/articles/{rng.choice(articles)}"

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
        return {name: _repeat(next(make())) for name, make in made.items()}
    return made


def _repeat(path: str) -> Callable[[], Iterator[str]]:
    return lambda: itertools.repeat(path)


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
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto",
                        help="load client: wrk (native, Debian's package; auto when installed) or the asyncio one")
    parser.add_argument("--wrk-threads", type=int, default=1, help="wrk threads (each drives clients/threads)")
    parser.add_argument("--ui", action="store_true", help="time the UI's first page in Chromium")
    parser.add_argument("--ui-only", action="store_true", help="time the UI's first page and send no load")
    parser.add_argument("--db", type=Path, help="an existing SQLite store instead of the synthetic one")
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
    port = free_port()
    server = start_server(db, port, args.workers)
    try:
        result: dict[str, Any] = {"events_asked": args.events, "clients": args.clients or [50, 1],
                                  "requests": args.requests, "seconds": args.seconds, "client": client,
                                  "label": args.label, "fixed": args.fixed,
                                  "workers": args.workers, "facts": facts, "load": {},
                                  "load_before": os.getloadavg()[0]}
        if args.ui or args.ui_only:
            result["ui"] = first_page(port)
        else:
            wait_warm(port)
        for clients in [] if args.ui_only else result["clients"]:
            # a seed per client count: the 1-client rows must not replay requests the 50-client rows
            # left in the answer cache
            for name, make in workloads(db, args.fixed, seed=11 + clients, more=args.more).items():
                if args.only and name not in args.only:
                    continue
                measured = _measure(args, client, port, make(), clients)
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
