"""Engines on one corpus: the local engine with 1 and 2 workers, Ray with 2, and the bare spaCy
models on the same texts; articles/s, words/s, peak memory per worker, scaling 1 → 2 workers,
Ray's overhead, and the size of the Parquet shards. Also the arithmetic of the 1-billion plan.

The corpus is the real article texts of ../shared/eval (Wikinews, French and English), repeated
until it weighs --mb megabytes (the issue asks 20; a busy shared machine wants less). Each
configuration runs in a fresh process; workers first get a warm-up (models and knowledge load),
then the corpus is timed. Results go to stdout as JSON and, with --write, into docs/performance.md.

    .venv/bin/python benchmarks/engines.py --mb 20 --write docs/performance.md

A long run is cut into pieces: ``--pieces N`` splits the corpus into N slices of whole copies, and
each (configuration, piece) is one timed child, run piece by piece so that the configurations of a
piece run side by side under the same load. ``--results FILE`` keeps each finished one (a JSON line
with its size, piece and load averages), so a stopped run resumes where it stopped: a later call with
the same ``--mb``, ``--pieces`` and file times only what is missing. ``--only 0,1`` picks pieces,
``--runs local-1,local-2`` configurations, ``--stop-after S`` starts no child after S seconds. The
summary and the document use the pieces every configuration has finished, and say how many.

    nice -n 10 .venv/bin/python benchmarks/engines.py --mb 20 --pieces 18 --results engines.jsonl \
        --stop-after 3000 --write docs/performance.md
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from throughput import SHARED, write_section

SECTION = "engines"
SOURCES = ("dev/events/fr-wikinews/articles.jsonl", "train/events/en-wikinews-train/articles.jsonl",
           "train/events/fr-wikinews-train/articles.jsonl")
PETRARCH2_PER_HOUR = 2500  # published PETRARCH2 + CoreNLP throughput, stories per hour


def corpus(mb: float, pieces: int = 1, piece: int = 0) -> list[dict[str, str]]:
    """The texts repeated to ``mb`` megabytes, or the ``piece``-th of ``pieces`` slices of whole copies."""
    rows = []
    for name in SOURCES:
        path = SHARED / "eval" / name
        if path.is_file():
            rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not rows:
        sys.exit(f"no article texts under {SHARED / 'eval'}: this benchmark needs ../shared")
    copies = n_copies(rows, mb)
    if not 0 <= piece < pieces <= copies:
        sys.exit(f"expected a piece among {min(pieces, copies)} of a corpus of {copies} copies, found {piece}")
    chosen = range(copies * piece // pieces, copies * (piece + 1) // pieces)
    return [dict(r, id=f"{r['id']}#{k}") for k in chosen for r in rows]


def n_copies(rows: list[dict[str, str]], mb: float) -> int:
    return max(1, round(mb * 1e6 / sum(len(r["text"].encode()) for r in rows)))


def articles(rows: list[dict[str, str]]) -> list:  # type: ignore[type-arg]
    from chronique.schema import Article

    return [Article.create(r["text"], title=r.get("title"), published=r.get("published"),
                           language=r.get("language"), source=r["id"]) for r in rows]


def warmup(workers: int, chunk_size: int) -> list:  # type: ignore[type-arg]
    """Tiny French and English articles, four chunks per worker: every worker loads both languages'
    models and knowledge before the clock starts, at almost no cost of its own."""
    from chronique.schema import Article

    pair = [Article.create("Le ministre a parlé mardi à Paris.", language="fr", published="2020-01-07"),
            Article.create("The minister spoke in London on Tuesday.", language="en", published="2020-01-07")]
    return pair * (chunk_size * 2 * workers)


def child(engine_name: str, workers: int, mb: float, pieces: int, piece: int) -> None:
    """One timed configuration on one piece; prints a JSON line."""
    from chronique.engines import EngineOptions, make_engine, pipeline_factory
    from chronique.options import PipelineOptions
    from chronique.report import FailurePolicy, RunReport

    rows = corpus(mb, pieces, piece)
    given = articles(rows)
    options = EngineOptions(workers=workers)
    engine = make_engine(engine_name, options, pipeline_factory(PipelineOptions()))
    t0 = time.perf_counter()
    list(engine.extract_many(warmup(workers, options.chunk_size), policy=FailurePolicy.RECORD))
    load = time.perf_counter() - t0
    report = RunReport()
    cpu0, t0 = tree_cpu_seconds(), time.perf_counter()
    found = list(engine.extract_many(given, policy=FailurePolicy.RECORD, report=report))
    seconds, cpu = time.perf_counter() - t0, tree_cpu_seconds() - cpu0
    peaks = engine.worker_peaks_mb() if hasattr(engine, "worker_peaks_mb") else []
    engine.close()
    if not peaks:  # local workers are this process's children, waited for by close()
        peaks = [resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]
    shard_mb = _shard_mb(found) if engine_name == "local" else None
    print(json.dumps({"engine": engine_name, "workers": workers, "articles": len(given), "extracted": len(found),
                      "failures": report.skipped, "events": report.events,
                      "words": sum(len(a.text.split()) for a in given),
                      "bytes": sum(len(a.text.encode()) for a in given), "seconds": seconds, "load_seconds": load,
                      "cpu_seconds": cpu,
                      "worker_peak_mb": max(peaks), "driver_peak_mb": _self_peak(), "shard_mb_per_1000": shard_mb,
                      "copies": len({r["id"].rsplit("#", 1)[1] for r in rows}),
                      "load_average": os.getloadavg()[0]}))


def tree_cpu_seconds() -> float:
    """CPU seconds (user + system) used so far by this process and every live descendant (the
    local workers; Ray's daemons and actors): unlike wall time, it barely moves when neighbours
    share the cores. Linux /proc; 0 elsewhere."""
    tick = os.sysconf("SC_CLK_TCK")
    parent: dict[int, int] = {}
    used: dict[int, float] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split() if entry.isdigit() else []
        except OSError:  # the process ended meanwhile
            continue
        if fields:
            parent[int(entry)] = int(fields[1])
            used[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    tree, todo = set(), [os.getpid()]
    while todo:
        pid = todo.pop()
        tree.add(pid)
        todo += [child for child, ppid in parent.items() if ppid == pid and child not in tree]
    return sum(used.get(pid, 0.0) for pid in tree)


def _self_peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _shard_mb(found: list) -> float:  # type: ignore[type-arg]
    from chronique.engines.shards import ShardRow, write_shard

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "part-00000000.parquet"
        write_shard(path, [ShardRow(0, i, x) for i, x in enumerate(found)])
        return path.stat().st_size / 2**20 / len(found) * 1000


def bare(mb: float, pieces: int, piece: int) -> None:
    """The spaCy models alone on the same texts, one process."""
    from chronique.nlp.models import load_model

    rows = corpus(mb, pieces, piece)
    by_lang: dict[str, list[str]] = {}
    for r in rows:
        by_lang.setdefault(r.get("language") or "fr", []).append(r["text"])
    t0 = time.perf_counter()
    models = {lang: load_model(lang) for lang in by_lang}
    load = time.perf_counter() - t0
    cpu0, t0 = tree_cpu_seconds(), time.perf_counter()
    for lang, texts in by_lang.items():
        for _ in models[lang].pipe(texts, batch_size=16):
            pass
    seconds, cpu = time.perf_counter() - t0, tree_cpu_seconds() - cpu0
    print(json.dumps({"engine": "bare spaCy", "workers": 1, "articles": len(rows), "seconds": seconds,
                      "cpu_seconds": cpu, "load_seconds": load, "bytes": sum(len(r["text"].encode()) for r in rows),
                      "words": sum(len(r["text"].split()) for r in rows), "worker_peak_mb": _self_peak(),
                      "load_average": os.getloadavg()[0]}))


def run_child(*args: str) -> dict[str, object]:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    out = subprocess.run([sys.executable, __file__, *args], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# The store writer's rates, from the store benchmark of this document (benchmarks/store.py,
# ingest beside extraction, 43 real articles): articles per second one writer stores.
WRITER_RATE = {"sqlite": 614, "postgresql": 211}
STORE_MB_PER_1000 = {"sqlite": 24.7, "postgresql": 36.2}


def summary(runs: dict[str, dict[str, float]]) -> dict[str, float]:
    one, two, ray = runs["local-1"], runs["local-2"], runs["ray-2"]
    rate = {k: r["articles"] / r["seconds"] for k, r in runs.items()}
    words = {k: r["words"] / r["seconds"] for k, r in runs.items()}
    return {**{f"{k} articles/s": v for k, v in rate.items()}, **{f"{k} words/s": v for k, v in words.items()},
            "scaling 1->2": rate["local-2"] / (2 * rate["local-1"]),
            "ray overhead": rate["local-2"] / rate["ray-2"] - 1,
            "pipeline/bare words/s": words["local-1"] / words["bare"],
            "vs PETRARCH2": rate["local-1"] * 3600 / PETRARCH2_PER_HOUR,
            "per-core articles/s": rate["local-1"], "worker MB": max(one["worker_peak_mb"], two["worker_peak_mb"]),
            "ray worker MB": ray["worker_peak_mb"], "shard MB/1000": float(two["shard_mb_per_1000"] or 0),
            **cpu_summary(runs)}


def cpu_summary(runs: dict[str, dict[str, float]]) -> dict[str, float]:
    """The same ratios in CPU seconds per article, which the neighbours on a shared machine barely
    move: scaling is then the CPU one worker spends on an article over what two spend, and the
    per-core rate is what a core of one's own would give."""
    if not all(r.get("cpu_seconds") for r in runs.values()):
        return {}
    per = {k: r["cpu_seconds"] / r["articles"] for k, r in runs.items()}
    return {**{f"{k} cpu s/article": v for k, v in per.items()},
            "cpu scaling 1->2": per["local-1"] / per["local-2"], "ray cpu overhead": per["ray-2"] / per["local-2"] - 1,
            "cpu per-core articles/s": 1 / per["local-1"], "pipeline/bare cpu": per["bare"] / per["local-1"]}


def markdown(runs: dict[str, dict[str, Any]], mb: float, pieces: tuple[int, int] = (1, 1)) -> str:
    s = summary(runs)
    first = runs["local-1"]
    measured, total = pieces
    cut = (f" --pieces {total}`; measured: {measured} of its {total} pieces, " if total > 1 else "`, ")
    lines = [f"<!-- {SECTION} -->", "## Engines: all cores, and Ray", "",
             f"`benchmarks/engines.py --mb {mb:g}{cut}on {platform.machine()}, Python {platform.python_version()}, "
             f"{time.strftime('%Y-%m-%d')}: {first['articles']:,} articles, {first['words']:,} words, "
             f"{first['bytes'] / 1e6:.2f} MB of text (the real Wikinews texts of ../shared/eval, "
             f"copies: {first['copies']}). Each configuration of each piece is a fresh process, the four "
             "configurations of a piece one after the other; workers are warmed up (models loaded) before the "
             "corpus is timed; model loading is apart (load s: per process). The machine has 2 cores and was "
             "shared with other work: the load average at the first start and the last end, and its range "
             "over the pieces, are given.", "",
             "| engine | workers | articles/s | words/s | s | CPU s per article | load s | peak MB per worker "
             "| load avg start → end (range) |", "|---|---|---|---|---|---|---|---|---|"]
    for name, r in runs.items():
        lines.append(f"| {name} | {r['workers']} | {r['articles'] / r['seconds']:.2f} | "
                     f"{r['words'] / r['seconds']:.0f} | {r['seconds']:.1f} | {_per_article(r)} | "
                     f"{_seconds(r.get('load_seconds'))} | "
                     f"{r['worker_peak_mb']:.0f} | {_before(r)}{r['load_average']:.1f}{_range(r)} |")
    lines += ["", f"Scaling efficiency 1 → 2 local workers: {s['scaling 1->2']:.0%} (target ≥ 80%). "
              f"Ray's overhead over the local engine at 2 workers: {s['ray overhead']:+.0%} (local articles/s ÷ "
              f"Ray's − 1). The whole pipeline runs at {s['pipeline/bare words/s']:.0%} of the bare spaCy models' "
              f"words/s on the same texts (one worker against one process). One worker does "
              f"{s['per-core articles/s'] * 3600:,.0f} articles an hour, {s['vs PETRARCH2']:.1f}× the ~2,500 "
              f"stories an hour published for PETRARCH2 with CoreNLP parsing. Parquet shards of extractions: "
              f"{s['shard MB/1000']:.1f} MiB per 1,000 articles."]
    lines += [*_cpu_lines(s), "", *plan(s), f"<!-- /{SECTION} -->"]
    return "\n".join(lines) + "\n"


def _per_article(run: dict[str, float]) -> str:
    return f"{run['cpu_seconds'] / run['articles']:.3f}" if run.get("cpu_seconds") else "—"


def _cpu_lines(s: dict[str, float]) -> list[str]:
    if "cpu scaling 1->2" not in s:
        return []
    return ["", f"In CPU seconds per article (user + system of the driver and every worker or Ray process, "
            f"which other work on the cores barely changes): scaling 1 → 2 local workers "
            f"{s['cpu scaling 1->2']:.0%}, Ray's overhead over the local engine {s['ray cpu overhead']:+.0%}, "
            f"the whole pipeline at {s['pipeline/bare cpu']:.0%} of the bare models' speed, and a core of its own "
            f"would do {s['cpu per-core articles/s']:.2f} articles/s ({s['cpu per-core articles/s'] * 3600:,.0f} "
            f"an hour, {s['cpu per-core articles/s'] * 3600 / PETRARCH2_PER_HOUR:.1f}× PETRARCH2's rate)."]


def _before(run: dict[str, float]) -> str:
    return f"{run['load_average_before']:.1f} → " if run.get("load_average_before") is not None else ""


def _range(run: dict[str, Any]) -> str:
    return f" ({run['load_low']:.1f}–{run['load_high']:.1f})" if "load_low" in run else ""


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def plan(s: dict[str, float]) -> list[str]:
    """The 1-billion-article arithmetic from the measured per-core rate."""
    cpu = "cpu per-core articles/s" in s
    n = 1e9
    rate = s["cpu per-core articles/s"] if cpu else s["per-core articles/s"]
    eff = min(s["cpu scaling 1->2"] if cpu else s["scaling 1->2"], 1.0)
    core_hours = n / rate / 3600
    basis = "CPU time per article" if cpu else "wall time of one worker"
    lines = ["### 1 billion articles (arithmetic from the rates above)", "",
             f"- Extraction: {core_hours:,.0f} core-hours at {rate:.2f} articles/s per core (from the {basis}); "
             f"at the measured scaling ({eff:.0%}) that is {core_hours / eff:,.0f} worker-hours.",
             "", "| workers | hours | memory (workers × peak) |", "|---|---|---|"]
    for workers in (64, 512, 2048):
        memory = workers * s["worker MB"] / 1024
        lines.append(f"| {workers:,} | {core_hours / eff / workers:,.0f} | {memory:,.0f} GiB |")
    lines += ["", f"- Storage: shards {s['shard MB/1000'] * 1e6 / 2**20:,.1f} TiB; "
              + "; ".join(f"{db} store {mb * 1e6 / 2**20:,.1f} TiB" for db, mb in STORE_MB_PER_1000.items()) + "."]
    for db, writer in WRITER_RATE.items():
        lines.append(f"- One {db} writer stores {writer} articles/s: {n / writer / 86400:,.0f} days for the "
                     f"billion, and it is the limit beyond {writer / rate:.0f} workers.")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", choices=["local", "ray", "bare"])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB of text (the issue asks 20)")
    parser.add_argument("--pieces", type=int, default=1, help="slices of the corpus, each timed apart")
    parser.add_argument("--piece", type=int, default=0, help="(child) the slice to time")
    parser.add_argument("--only", help="pieces to time now (comma-separated numbers from 0; default: all)")
    parser.add_argument("--stop-after", type=float, help="seconds after which no new child starts")
    parser.add_argument("--write", type=Path)
    parser.add_argument("--runs", default=",".join(CONFIGS), help="configurations to time (comma-separated)")
    parser.add_argument("--results", type=Path, help="JSON lines of finished (configuration, piece), reused")
    args = parser.parse_args()
    if args.child == "bare":
        bare(args.mb, args.pieces, args.piece)
        return
    if args.child:
        child(args.child, args.workers, args.mb, args.pieces, args.piece)
        return
    wanted = [int(k) for k in args.only.split(",")] if args.only else list(range(args.pieces))
    done = measure(Size(args.mb, args.pieces), args.runs.split(","), wanted, args.results, args.stop_after)
    complete = sorted(k for k in range(args.pieces) if all((name, k) in done for name in CONFIGS))
    if not complete:
        print(json.dumps({"finished": sorted(f"{n} piece {k}" for n, k in done), "complete_pieces": []}, indent=2))
        return
    runs = {name: combine([done[name, k] for k in complete]) for name in CONFIGS}
    print(json.dumps({"complete_pieces": complete, "runs": runs, "summary": summary(runs)}, indent=2))
    if args.write:
        write_section(args.write, markdown(runs, args.mb, (len(complete), args.pieces)), SECTION)


# Each configuration's child arguments, in the order they are measured and reported.
CONFIGS = {"local-1": ("local", "1"), "local-2": ("local", "2"), "ray-2": ("ray", "2"), "bare": ("bare", "1")}


@dataclass(frozen=True)
class Size:
    mb: float
    pieces: int

    def matches(self, row: dict[str, Any]) -> bool:
        return bool(row.get("mb") == self.mb and row.get("pieces", 1) == self.pieces)


Run = dict[str, Any]


def measure(size: Size, names: list[str], pieces: list[int], results: Path | None,
            stop_after: float | None = None) -> dict[tuple[str, int], Run]:
    """The (configuration, piece) runs of this size already in ``results``, plus those timed now:
    piece by piece, each piece's configurations one after the other (side by side in time)."""
    started = time.perf_counter()
    done: dict[tuple[str, int], Run] = {}
    if results is not None and results.is_file():
        for line in results.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if size.matches(row):
                done[row["name"], row.get("piece", 0)] = row
    for name in names:
        if name not in CONFIGS:
            sys.exit(f"unknown configuration {name!r}; expected some of {', '.join(CONFIGS)}")
    for piece in pieces:
        for name in names:
            if (name, piece) in done:
                continue
            if stop_after is not None and time.perf_counter() - started > stop_after:
                return done
            engine, workers = CONFIGS[name]
            before = os.getloadavg()[0]
            row = run_child("--child", engine, "--workers", workers, "--mb", str(size.mb), "--pieces",
                            str(size.pieces), "--piece", str(piece))
            done[name, piece] = dict(row, name=name, mb=size.mb, pieces=size.pieces, piece=piece,
                                     load_average_before=before, finished=time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                                                        time.gmtime()))
            if results is not None:
                with results.open("a", encoding="utf-8") as out:
                    out.write(json.dumps(done[name, piece]) + "\n")
    return done


ADDED = ("articles", "extracted", "failures", "events", "words", "bytes", "seconds", "cpu_seconds", "load_seconds",
         "copies")


def combine(rows: list[Run]) -> Run:
    """One configuration's pieces as one run: counts and seconds added, peaks the largest, the load
    averages of the first start and the last end, and the range of the per-piece load averages."""
    first, last = rows[0], rows[-1]
    combined: Run = {key: sum(r[key] for r in rows) for key in ADDED if all(key in r for r in rows)}
    combined["load_seconds"] = sum(r.get("load_seconds") or 0.0 for r in rows) / len(rows)  # per child
    combined.update(workers=first["workers"], worker_peak_mb=max(r["worker_peak_mb"] for r in rows),
                    load_average_before=first.get("load_average_before"), load_average=last["load_average"],
                    load_low=min(min(r.get("load_average_before", r["load_average"]), r["load_average"]) for r in rows),
                    load_high=max(max(r.get("load_average_before", r["load_average"]), r["load_average"])
                                  for r in rows))
    shards = [r["shard_mb_per_1000"] for r in rows if r.get("shard_mb_per_1000")]
    combined["shard_mb_per_1000"] = sum(shards) / len(shards) if shards else None
    return combined


if __name__ == "__main__":
    main()
