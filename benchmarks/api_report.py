"""The api-benchmarks section of docs/performance.md from one or more saved runs of benchmarks/api.py
(the JSON it prints), one table row per run, endpoint and client count, so that a before and an
after measured on the same machine the same day stand side by side.

    .venv/bin/python benchmarks/api_report.py before.json after.json --write docs/performance.md
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import write_section

SECTION = "api-benchmarks"
CLIENTS = {"wrk": "Debian's wrk (native, one thread)", "python": "the asyncio client of benchmarks/api.py"}


def label(r: dict[str, Any]) -> str:
    return str(r.get("label") or f"{r['workers']} worker(s)")


def _backend(facts: dict[str, Any]) -> str:
    if facts.get("backend") == "postgresql":
        return " copied into PostgreSQL (a local cluster of scripts/postgres, on the same cores)"
    return " on SQLite"


def _runs(results: list[dict[str, Any]]) -> list[str]:
    lines = []
    for r in results:
        ui = ""
        if r.get("ui"):
            ui = f"; UI first page {r['ui']['cold']:.2f} s cold, {r['ui']['warm']:.2f} s warm"
        if not r["load"]:  # --ui-only
            lines.append(f"- **{label(r)}**: the UI's first page alone, `chronique serve --workers {r['workers']}`; "
                         f"load average {r['load_before']:.1f} before, {r['load_after']:.1f} after{ui}.")
            continue
        fixed = " one fixed request per endpoint (the response cache answers);" if r.get("fixed") else ""
        lines.append(f"- **{label(r)}**:{fixed} `chronique serve --workers {r['workers']}`, load from "
                     f"{CLIENTS[r.get('client', 'python')]}, {r.get('seconds', 60):.0f} s per row; load average "
                     f"{r['load_before']:.1f} before, {r['load_after']:.1f} after{ui}.")
    return lines


def _table(results: list[dict[str, Any]]) -> list[str]:
    """One row per run label, endpoint and client count: the median of the runs with that label."""
    lines = ["| run | endpoint | clients | runs | requests/s | p50 ms | p95 ms (target ≤ 100 at 50 clients) "
             "| max ms | non-200 | repeated paths | server CPU ms per answer |", "|---" * 11 + "|"]
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in results:
        for key, m in r["load"].items():
            grouped.setdefault((label(r), key), []).append(m)
    keys = sorted(grouped, key=lambda k: (-int(k[1].split("|")[1]), k[1].split("|")[0]))  # 50 clients first
    for run, key in keys:
        ms = grouped[(run, key)]
        name, clients = key.split("|")

        def mid(field: str, ms: list[dict[str, Any]] = ms) -> float:
            return float(statistics.median(m[field] for m in ms))

        lines.append(f"| {run} | {name} | {clients} | {len(ms)} | {mid('rps'):.0f} | {mid('p50'):.0f} | "
                     f"{mid('p95'):.0f} | {mid('max'):.0f} | {sum(sum(m['failures'].values()) for m in ms)} | "
                     f"{_repeated(ms)} | {_cpu(ms)} |")
    return lines


def _repeated(ms: list[dict[str, Any]]) -> str:
    """Requests that sent a path already sent to that server (answered from its ready answers), out
    of all the runs' requests; '?' for runs saved before the count existed."""
    if any("repeated" not in m for m in ms):
        return "?"
    return f"{sum(m['repeated'] for m in ms)} of {sum(m['requests'] for m in ms)}"


def _cpu(ms: list[dict[str, Any]]) -> str:
    """The server's CPU per answer (median of the runs), and PostgreSQL's where it was measured."""
    found = [m["server_cpu_ms"] for m in ms if "server_cpu_ms" in m]
    database = [m["database_cpu_ms"] for m in ms if "database_cpu_ms" in m]
    if not found:
        return "?"
    return f"{statistics.median(found):.2f}" + (f" + {statistics.median(database):.2f} PostgreSQL" if database else "")


def _ui_table(results: list[dict[str, Any]]) -> list[str]:
    """The UI's first page per run label: median of its runs, cold (server just started, fresh
    browser page) and warm (a second fresh page on the same server)."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for r in results:
        if r.get("ui"):
            grouped.setdefault(label(r), []).append(r["ui"])
    if not grouped:
        return []
    lines = ["| run | runs | first page cold, median s (target ≤ 1) | each cold run s | warm, median s |",
             "|---|---|---|---|---|"]
    for run, uis in grouped.items():
        colds = [u["cold"] for u in uis]
        lines.append(f"| {run} | {len(uis)} | {statistics.median(colds):.2f} | "
                     f"{', '.join(f'{c:.2f}' for c in colds)} | {statistics.median(u['warm'] for u in uis):.2f} |")
    return ["", *lines]


def markdown(results: list[dict[str, Any]], notes: list[str]) -> str:
    facts = results[-1]["facts"]
    lines = [f"<!-- {SECTION} -->", "## REST API", "",
             f"`benchmarks/api.py` on {platform.machine()}, Python {platform.python_version()}, "
             f"{date.today().isoformat()}, a 2-core machine shared with other work; server and load client share "
             f"the 2 cores. Store: the synthetic store of benchmarks/store.py{_backend(facts)} "
             f"({facts['events']:,} events, {facts['articles']:,} articles, {facts['bytes'] / 2**30:.1f} GiB). "
             "`chronique serve` on 127.0.0.1 with keep-alive clients, each sending its next request when the last "
             "is answered. Runs, in the order measured:", "", *_runs(results), "", *_table(results),
             *_ui_table(results), "",
             "Filtered list: an actor, a type and a date range of up to a year, 50 per page. One event: the "
             "record, its source articles (text and evidence span) and the reports merged with it. Timeline: "
             "months of one actor over a random range of up to three years (a different query each time).", "",
             "With 50 clients a request waits behind the others: latency ≈ clients / throughput, so the p95 "
             "target needs well over 500 requests/s; the 1-client rows are the service time of one answer."]
    if notes:
        lines += ["", *notes]
    lines += [f"<!-- /{SECTION} -->", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runs", type=Path, nargs="+", help="saved JSON results, in the order measured")
    parser.add_argument("--notes", type=Path, help="a Markdown file of notes to add under the table")
    parser.add_argument("--write", type=Path, required=True)
    args = parser.parse_args()
    results = [json.loads(p.read_text(encoding="utf-8")) for p in args.runs]
    notes = args.notes.read_text(encoding="utf-8").strip().splitlines() if args.notes else []
    write_section(args.write, markdown(results, notes), SECTION)


if __name__ == "__main__":
    main()
