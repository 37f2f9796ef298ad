"""Extraction throughput and peak memory: chronique against the bare spaCy model, side by side.

Each measurement runs in its own child process pinned to one core (taskset when available,
single-threaded BLAS), so peak RSS is that run's own. Runs alternate bare/chronique to share
the machine's noise. Results go to stdout as JSON and, with --write, into docs/performance.md.

    .venv/bin/python benchmarks/throughput.py --repeat 3 --write docs/performance.md
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CHRONIQUE_SHARED", ROOT.parent / "shared"))
SECTION = "extraction-throughput"


def corpus(lang: str) -> list[str]:
    """The texts measured: the team's examples plus, when ../shared is there, real news copy."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    if lang == "fr":
        wikinews = SHARED / "eval/dev/events/fr-wikinews/articles.jsonl"
        if wikinews.is_file():
            texts += [json.loads(line)["text"] for line in wikinews.read_text(encoding="utf-8").splitlines() if line]
        seed = SHARED / "examples/fr-russia-belarus-iskander.txt"
        if seed.is_file():
            texts.append(seed.read_text(encoding="utf-8"))
    else:
        import xml.etree.ElementTree as ET

        geovirus = SHARED / "eval/dev/places/GeoVirus.xml"
        if geovirus.is_file():
            root = ET.parse(geovirus).getroot()
            texts += [el.text or "" for el in root.iter("text")][:60]
    return [t for t in texts if t.strip()]


def child(mode: str, lang: str) -> None:
    """One measured run; prints a JSON line."""
    from chronique.ingest.language import detect_language

    texts = corpus(lang)
    texts = [t for t in texts if detect_language(t) == lang]
    words = sum(len(t.split()) for t in texts)
    if mode == "bare":
        from chronique.nlp.models import load_model

        nlp = load_model(lang)
        t0 = time.perf_counter()
        load = 0.0
        for _ in nlp.pipe(texts, batch_size=16):
            pass
    else:
        from chronique.nlp.pipeline import Annotator
        from chronique.schema import Article

        annotator = Annotator()
        t0 = time.perf_counter()
        annotator.language(lang)  # model + knowledge, measured apart from throughput
        list(annotator.annotate_many([Article.create("Amorce.", language=lang)]))
        load = time.perf_counter() - t0
        articles = [Article.create(t, language=lang, published="2022-06-26") for t in texts]
        t0 = time.perf_counter()
        for _ in annotator.annotate_many(articles, batch_size=16):
            pass
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "lang": lang, "articles": len(texts), "words": words,
                      "seconds": seconds, "load_seconds": load, "peak_mb": peak_mb}))


def run_child(mode: str, lang: str) -> dict[str, float]:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [sys.executable, __file__, "--child", mode, "--lang", lang]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "0", *cmd]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure(repeat: int, langs: list[str]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for lang in langs:
        runs: dict[str, list[dict[str, float]]] = {"bare": [], "chronique": []}
        for _ in range(repeat):
            for mode in ("bare", "chronique"):
                runs[mode].append(run_child(mode, lang))
        bare = statistics.median(r["seconds"] for r in runs["bare"])
        ours = statistics.median(r["seconds"] for r in runs["chronique"])
        first = runs["bare"][0]
        rows.append({
            "lang": lang, "articles": first["articles"], "words": first["words"],
            "bare_s": bare, "chronique_s": ours,
            "bare_words_per_s": first["words"] / bare, "chronique_words_per_s": first["words"] / ours,
            "chronique_articles_per_s": first["articles"] / ours,
            "overhead": ours / bare - 1,
            "load_s": statistics.median(r["load_seconds"] for r in runs["chronique"]),
            "bare_peak_mb": max(r["peak_mb"] for r in runs["bare"]),
            "chronique_peak_mb": max(r["peak_mb"] for r in runs["chronique"]),
        })
    return rows


def markdown(rows: list[dict[str, object]], repeat: int) -> str:
    lines = [
        f"<!-- {SECTION} -->",
        "## Extraction throughput (one core)",
        "",
        f"`benchmarks/throughput.py --repeat {repeat}` on {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}. Each run is a fresh process pinned "
        "to one core; the bare spaCy model and chronique (model + sentence splitter + every chronique "
        "stage) process the same texts, alternating; times are medians; model and knowledge loading "
        "is measured apart.",
        "",
        "| lang | articles | words | bare spaCy words/s | chronique words/s | chronique articles/s "
        "| overhead (target ≤ 25%) | load s | peak MB bare | peak MB chronique |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['lang']} | {r['articles']} | {r['words']} | {r['bare_words_per_s']:.0f} | "
            f"{r['chronique_words_per_s']:.0f} | {r['chronique_articles_per_s']:.2f} | "
            f"{r['overhead']:+.1%} | {r['load_s']:.1f} | {r['bare_peak_mb']:.0f} | "
            f"{r['chronique_peak_mb']:.0f} |"
        )
    lines.append(f"<!-- /{SECTION} -->")
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str, name: str = SECTION) -> None:
    """Replace the section ``name`` of the performance document, keeping the others."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n\n"
    start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1].lstrip("\n")
        text = before + section + ("\n" + after if after else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", choices=["bare", "chronique"])
    parser.add_argument("--lang", action="append", choices=["fr", "en"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    langs = args.lang or ["fr", "en"]
    if args.child:
        child(args.child, langs[0])
        return
    rows = measure(args.repeat, langs)
    print(json.dumps(rows, indent=2))
    if args.write:
        write_section(args.write, markdown(rows, args.repeat))


if __name__ == "__main__":
    main()
