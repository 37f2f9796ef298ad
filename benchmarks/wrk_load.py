"""Load from Debian's `wrk` (a native client, far lighter than a Python one) for benchmarks/api.py.

The paths of a workload are written to a file that wrk_paths.lua sends (each thread its own share);
wrk runs for a fixed number of seconds (its only bound) and the script prints one JSON line of
results. A run is given MAX_RATE × seconds distinct paths, more than any rate measured here, so
that every request is a path not sent before; a faster run sends some again (the server's ready
answers may then answer them), and the results count those requests (``repeated``).
"""

from __future__ import annotations

import itertools
import json
import math
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SCRIPT = Path(__file__).resolve().parent / "wrk_paths.lua"
MAX_RATE = 10_000  # requests/s: above every rate measured (2 workers, one event: 6,478 on a quiet machine)


def paths_for(seconds: float) -> int:
    """Distinct paths given to a run of ``seconds``."""
    return max(1000, math.ceil(MAX_RATE * seconds))


def available() -> bool:
    return shutil.which("wrk") is not None


def load(host: str, port: int, paths: Iterator[str], clients: int, seconds: float, threads: int) -> dict[str, Any]:
    """``clients`` keep-alive connections on ``threads`` wrk threads for ``seconds``, sending the
    next paths_for(seconds) paths of ``paths`` (the caller's iterator goes on from there)."""
    threads = min(threads, clients)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as listing:
        listing.write("\n".join(itertools.islice(paths, paths_for(seconds))) + "\n")
        listing.flush()
        command = ["wrk", f"-t{threads}", f"-c{clients}", f"-d{max(1, round(seconds))}s",
                   "--timeout", "30s", "-s", str(SCRIPT), f"http://{host}:{port}", "--", listing.name, str(threads)]
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=seconds + 60)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"expected wrk to print its JSON summary, found exit {done.returncode}: "
                           f"{(done.stderr or done.stdout)[-400:]}")
    out: dict[str, Any] = json.loads(lines[-1])
    out["rps"] = out["requests"] / out["seconds"] if out["seconds"] else 0.0
    out["failures"] = {"non-2xx": out.pop("non2xx")} if out["non2xx"] else {}
    if out["socket_errors"]:
        out["failures"]["socket"] = out["socket_errors"]
    return out
