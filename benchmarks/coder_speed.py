"""French extraction throughput with each event coder (rules, trained), one core each.

Each coder runs in its own child process pinned to one core (taskset when available), on the
French texts of benchmarks/throughput.py, after the models and weights are loaded; runs alternate
so that both share the machine's noise. With --write, the table replaces its section of
docs/performance.md.

    .venv/bin/python benchmarks/coder_speed.py --repeat 3 --write docs/performance.md
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import corpus

SECTION = "coder-speed"
CODERS = ("rules", "trained")


def child(coder: str) -> None:
    from chronique.nlp.pipeline import Annotator
    from chronique.nlp.resources import Resources
    from chronique.options import PipelineOptions
    from chronique.schema import Article

    annotator = Annotator(Resources(PipelineOptions(coder=coder)))
    list(annotator.annotate_many([Article.create("Amorce.", language="fr")]))  # load apart
    articles = [Article.create(t, language="fr", published="2022-06-26") for t in corpus("fr")]
    t0 = time.perf_counter()
    events = sum(len(x.events) for x in annotator.annotate_many(articles, batch_size=16))
    print(json.dumps({"coder": coder, "articles": len(articles), "seconds": time.perf_counter() - t0,
                      "events": events}))


def run_child(coder: str) -> dict[str, float]:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [sys.executable, __file__, "--child", coder]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "0", *cmd]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def table(repeat: int) -> str:
    runs: dict[str, list[dict[str, float]]] = {c: [] for c in CODERS}
    for _ in range(repeat):
        for coder in CODERS:
            runs[coder].append(run_child(coder))
    lines = ["| coder | articles | events | median s | articles/s (target ≥ 8) |", "|---|---|---|---|---|"]
    for coder, rows in runs.items():
        seconds = statistics.median(r["seconds"] for r in rows)
        lines.append(f"| {coder} | {rows[0]['articles']:.0f} | {rows[0]['events']:.0f} | {seconds:.1f} | "
                     f"{rows[0]['articles'] / seconds:.2f} |")
    return "\n".join(lines)


def write(path: Path, body: str, repeat: int, load: float) -> None:
    section = (f"<!-- {SECTION} -->\n## French throughput per event coder (one core)\n\n"
               f"`benchmarks/coder_speed.py --repeat {repeat}`, {time.strftime('%Y-%m-%d')}: the French texts of "
               "the throughput benchmark, every stage, models loaded beforehand, median of the runs. Machine load "
               f"average when it started: {load:.1f} (compare the coders with each other, not with other days).\n\n"
               f"{body}\n<!-- /{SECTION} -->")
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    pattern = re.compile(rf"<!-- {SECTION} -->.*?<!-- /{SECTION} -->", re.DOTALL)
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", choices=CODERS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    load = os.getloadavg()[0]
    body = table(args.repeat)
    print(body)
    if args.write:
        write(args.write, body, args.repeat, load)


if __name__ == "__main__":
    main()
