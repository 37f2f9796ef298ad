"""CPU per computed API answer, in process: the route functions of the filtered list, one event
and the timeline called directly (no HTTP, no response cache) on the store of benchmarks/store.py,
with the varied requests of api.py. Reports the median and p90 of CPU time (time.process_time)
per answer and a digest of every answer, so that two versions of the code can be shown to answer
the same bytes for the same requests.

    .venv/bin/python benchmarks/api_cpu.py --events 1000000 --requests 300 > cpu.json
    .venv/bin/python benchmarks/api_cpu.py --events 1000000 --profile "one event"  # cProfile, top 25
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import itertools
import json
import pstats
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

from chronique.api import routes_events
from chronique.api.state import ApiState
from chronique.settings import Settings
from chronique.store.query import EventQuery
from chronique.store.store import Store

FILTERS = ("since", "until", "actor", "recipient", "type", "cameo", "country", "place", "text")


def answer(state: ApiState, path: str) -> bytes:
    """The body the route answers for ``path`` (a GET of api.py's workloads)."""
    parts = urlsplit(path)
    params = dict(parse_qsl(parts.query))
    query = EventQuery(**{k: v for k, v in params.items() if k in FILTERS}, limit=int(params.get("limit", 100)))
    if parts.path == "/api/events":
        return bytes(routes_events.list_events(state, query, cursor=None, sort="-date", merge=False).body)
    if parts.path == "/api/timeline":
        return bytes(routes_events.timeline(state, query, bucket=params.get("bucket", "month"), by="type").body)
    return bytes(routes_events.get_event(state, parts.path.rsplit("/", 1)[1]).body)


def measure(state: ApiState, paths: list[str]) -> dict[str, Any]:
    cpu: list[float] = []
    digest = hashlib.blake2b(digest_size=12)
    for path in paths:
        start = time.process_time()
        body = answer(state, path)
        cpu.append((time.process_time() - start) * 1000)
        digest.update(body)
    cpu.sort()
    return {"requests": len(paths), "cpu_ms_median": round(statistics.median(cpu), 3),
            "cpu_ms_p90": round(cpu[int(0.9 * (len(cpu) - 1))], 3), "answers_digest": digest.hexdigest()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=300, help="varied requests per endpoint")
    parser.add_argument("--warm", type=int, default=30, help="requests per endpoint first, not measured")
    parser.add_argument("--profile", help="an endpoint name: cProfile its requests instead")
    parser.add_argument("--db", type=Path, help="an existing store (default: benchmarks/store.py's of --events)")
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"chronique-storebench-{args.events}.db"
    if not db.exists():
        sys.exit(f"expected the store of benchmarks/store.py --events {args.events} at {db}, found none")
    settings = Settings(database_url=f"sqlite:///{db}")
    store = Store.open(settings, migrate=False)
    state = ApiState(settings, store)
    out: dict[str, Any] = {"events": args.events, "load_before": _load()}
    for name, made in workloads(db, count=args.warm + args.requests).items():
        paths = list(itertools.islice(made, args.warm + args.requests))
        for path in paths[:args.warm]:
            answer(state, path)
        if args.profile == name:
            measured = paths[args.warm:]
            _profile(lambda: [answer(state, p) for p in measured])  # noqa: B023  (called at once)
        elif not args.profile:
            out[name] = measure(state, paths[args.warm:])
    out["load_after"] = _load()
    store.close()
    if not args.profile:
        print(json.dumps(out, indent=1))


def _profile(work: Callable[[], object]) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(work)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def _load() -> str:
    return Path("/proc/loadavg").read_text().split(" ", 1)[0] if Path("/proc/loadavg").exists() else "?"


if __name__ == "__main__":
    main()
