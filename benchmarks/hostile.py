"""Hostile inputs: peak memory and time of `chronique ingest` on each input of the hostile corpus
(tests/hostile_inputs.py) and on full-size bombs, plus time per KB of repetitive against distinct
text. Goals (issue 14): peak ≤ 1.5 GB and ≤ 60 s per input; repetitive text within 2× the time
per KB of distinct text of the same size.

Each input is ingested by a fresh process into its own SQLite store; its peak RSS comes from
``wait4`` (that process alone). Results go to stdout as JSON and, with --write, into
docs/performance.md.

    .venv/bin/python benchmarks/hostile.py --write docs/performance.md
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
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


def ingest(path: Path, store: Path, timeout: float) -> dict[str, object]:
    """One `chronique ingest` process: exit code, wall seconds, peak RSS (MB), traceback or not."""
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
            "peak_mb": round(usage.ru_maxrss / 1024), "traceback": "Traceback" in stderr,
            "hung": hung}


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


def run(sizes: list[int], timeout: float) -> list[dict[str, object]]:
    corpus = corpus_module()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = [(case.name, hostile) for case, hostile, _ in corpus.write_corpus(folder / "corpus")]
        inputs += bombs(folder, corpus) + texts(folder, sizes)
        for number, (name, path) in enumerate(inputs):
            result = ingest(path, folder / f"store-{number}.db", timeout)
            rows.append({"input": name, **result})
            print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr, flush=True)
    return rows


def markdown(rows: list[dict[str, object]]) -> str:
    lines = [
        f"<!-- {SECTION} -->",
        "## Hostile inputs (issue 14)",
        "",
        f"`benchmarks/hostile.py` on {platform.machine()}, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}, on a shared 2-core machine. Each input is one `chronique ingest` "
        "process (model loading included, about 5–10 s) into a fresh SQLite store; peak RSS is that "
        "process's own. Goals: no traceback, no hang, peak ≤ 1.5 GB, ≤ 60 s per input; time per KB of "
        "repetitive text within 2× that of distinct text (distinct: French Wikinews copy of the "
        "development set, measured only).",
        "",
        "| input | exit | seconds | peak MB | traceback |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['input']} | {r['exit']}{' (killed: hung)' if r['hung'] else ''} | {r['seconds']} | "
                     f"{r['peak_mb']} | {'yes' if r['traceback'] else 'no'} |")
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
    args = parser.parse_args()
    rows = run(args.sizes, args.timeout)
    print(json.dumps(rows, ensure_ascii=False, indent=2))
    if args.write:
        write_section(args.write, markdown(rows), SECTION)


if __name__ == "__main__":
    main()
