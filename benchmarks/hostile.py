"""Hostile inputs: peak memory and time of `chronique ingest` on each input of the hostile corpus
(tests/hostile_inputs.py) and on full-size bombs, plus time per KB of repetitive against distinct
text. Goals (issue 14): peak ≤ 1.5 GB and ≤ 60 s per input; repetitive text within 2× the time
per KB of distinct text of the same size.

One child process loads the pipeline once and ingests every input in turn (time per input, peak
RSS so far); one whole `chronique ingest` from the shell is timed too. Results go to stdout as
JSON and, with --write, into docs/performance.md.

    .venv/bin/python benchmarks/hostile.py --write docs/performance.md
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CHRONIQUE_SHARED", ROOT.parent / "shared"))
SECTION = "hostile-inputs"
GiB = 1024 ** 3
sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import write_section  # noqa: E402


def corpus_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hostile_inputs", ROOT / "tests" / "hostile_inputs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["hostile_inputs"] = module
    spec.loader.exec_module(module)
    return module


def cli_run(path: Path, store: Path, timeout: float) -> dict[str, object]:
    """One whole `chronique ingest` process (model loading included): exit code, seconds, peak RSS
    (MB, from wait4: that process alone), whether a traceback was printed or it had to be killed."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-m", "chronique", "ingest", str(path), "--db", f"sqlite:///{store}",
                                 "--no-progress"], stdout=subprocess.DEVNULL, stderr=err)
        deadline, hung = started + timeout, False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                hung = True
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return {"exit": os.waitstatus_to_exitcode(status), "seconds": round(time.perf_counter() - started, 1),
            "peak_mb": round(usage.ru_maxrss / 1024), "traceback": "Traceback" in stderr, "hung": hung}


def child(manifest: Path) -> None:
    """Every input of the manifest through one loaded pipeline into one SQLite store: per input,
    the seconds, the process's peak RSS so far (an upper bound on the input's own) and counts."""
    from chronique.store.ingest import ingest

    from chronique.options import PipelineOptions
    from chronique.pipeline import Pipeline
    from chronique.schema import Article
    from chronique.settings import Settings
    from chronique.store.store import Store

    inputs = json.loads(manifest.read_text(encoding="utf-8"))
    pipeline = Pipeline(PipelineOptions())
    for text, lang in (("Le ministre a reçu mardi son homologue à Paris.", "fr"),
                       ("The minister met his counterpart in London on Tuesday.", "en")):
        pipeline.extract_article(Article.create(text, language=lang))  # load both models first
    with Store.open(Settings(database_url=f"sqlite:///{manifest.parent / 'bench.db'}")) as store:
        for name, path in inputs:
            started = time.perf_counter()
            row: dict[str, object] = {"input": name}
            try:
                result = ingest([path], store, pipeline)
                row.update(stored=result.stored_articles, failures=result.report.skipped, traceback=False)
            except Exception as exc:  # what the goal says must not happen: record it, go on
                row.update(traceback=True, error=f"{type(exc).__name__}: {exc}"[:200])
            row.update(seconds=round(time.perf_counter() - started, 2),
                       peak_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
            print(json.dumps(row, ensure_ascii=False), flush=True)


def bombs(folder: Path, corpus: ModuleType) -> list[tuple[str, Path]]:
    """Full-size versions of the corpus's bombs, as the issue measured them."""
    out = []
    for name, make, size in (("WARC payload bomb, 4 GiB from a .warc.gz", corpus.payload_bomb, 4 * GiB),
                             ("WARC header line bomb, 2 GiB", corpus.header_bomb, 2 * GiB)):
        path = folder / f"{len(out)}.warc.gz"
        make(size)(path)
        out.append((f"{name} of {path.stat().st_size / 2**20:.1f} MiB", path))
    return out


def texts(folder: Path, sizes: list[int]) -> list[tuple[str, Path]]:
    """A paragraph repeated to each size, and distinct news copy of the same size (../shared)."""
    para = (ROOT / "examples" / "fr-armenie-canons-caesar.txt").read_text(encoding="utf-8")
    kinds = {"repetitive": para}
    wikinews = SHARED / "eval/dev/events/fr-wikinews/articles.jsonl"
    if wikinews.is_file():  # measure only: real copy of the development set, never tuned on
        lines = wikinews.read_text(encoding="utf-8").splitlines()
        kinds["distinct"] = "\n".join(json.loads(line)["text"] for line in lines if line.strip())
    out = []
    for kb in sizes:
        for kind, source in kinds.items():
            text = (source * (kb * 1024 // len(source) + 1))[: kb * 1024]
            path = folder / f"{kind}-{kb}.jsonl"
            path.write_text(json.dumps({"text": text, "language": "fr", "published": "2024-01-02"}) + "\n",
                            encoding="utf-8")
            out.append((f"{kind} text, {kb} KB", path))
    return out


def run(sizes: list[int], timeout: float) -> tuple[list[dict[str, object]], dict[str, object]]:
    corpus = corpus_module()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        written = corpus.write_corpus(folder / "corpus")
        inputs = [(case.name, hostile) for case, hostile, _ in written]
        inputs += bombs(folder, corpus) + texts(folder, sizes)
        manifest = folder / "inputs.json"
        manifest.write_text(json.dumps([(name, os.fsdecode(path)) for name, path in inputs]), encoding="utf-8")
        whole = cli_run(written[0][2], folder / "cli.db", timeout)  # one good article, from the shell
        proc = subprocess.run([sys.executable, __file__, "--child", str(manifest)], capture_output=True,
                              text=True, timeout=timeout * len(inputs))
        rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode:
        print(proc.stderr[-3000:], file=sys.stderr)
    return rows, whole


def markdown(rows: list[dict[str, object]], whole: dict[str, object]) -> str:
    lines = [
        f"<!-- {SECTION} -->",
        "## Hostile inputs (issue 14)",
        "",
        f"`benchmarks/hostile.py` on {platform.machine()}, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}, on a shared 2-core machine (other work running: times are upper "
        "bounds). One process loads the pipeline once, then ingests each input in turn into one SQLite "
        "store; the peak RSS column is the process's peak so far, an upper bound on each input's own. "
        "Goals: no traceback, no hang, peak ≤ 1.5 GB and ≤ 60 s per input; time per KB of repetitive "
        "text within 2× that of distinct text (distinct: French Wikinews copy of the development set, "
        "measured only). The hostile inputs are those of tests/hostile_inputs.py; the bombs are full size.",
        "",
        f"A whole `chronique ingest` of one good article from the shell (model loading included): "
        f"{whole['seconds']} s, peak {whole['peak_mb']} MB, exit {whole['exit']}.",
        "",
        "| input | stored | rejected | seconds | peak MB so far | traceback |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['input']} | {r.get('stored', '–')} | {r.get('failures', '–')} | {r['seconds']} | "
                     f"{r['peak_mb']} | {'yes: ' + str(r.get('error')) if r['traceback'] else 'no'} |")
    lines += ["", *ratios(rows), f"<!-- /{SECTION} -->"]
    return "\n".join(lines) + "\n"


def ratios(rows: list[dict[str, object]]) -> list[str]:
    """Repetitive ÷ distinct seconds per size (the same size: the ratio of times per KB)."""
    found = {str(r["input"]): float(str(r["seconds"])) for r in rows}
    out = []
    for name, seconds in found.items():
        if name.startswith("repetitive") and (other := found.get(name.replace("repetitive", "distinct"))):
            out.append(f"- {name.removeprefix('repetitive text, ')}: repetitive {seconds:.1f} s, "
                       f"distinct {other:.1f} s, ratio {seconds / other:.2f} (goal ≤ 2)")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100], help="Text sizes in KB.")
    parser.add_argument("--timeout", type=float, default=600.0, help="Seconds before an input counts as hung.")
    parser.add_argument("--write", type=Path)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    rows, whole = run(args.sizes, args.timeout)
    print(json.dumps({"cli": whole, "inputs": rows}, ensure_ascii=False, indent=2))
    if args.write:
        write_section(args.write, markdown(rows, whole), SECTION)


if __name__ == "__main__":
    main()
