"""benchmarks/engines.py run in pieces, without timing anything (the child processes are faked):
slices of whole copies that cover the corpus once, finished runs recorded and not timed again,
no child started past the time limit, and the pieces of a configuration added into one run."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
engines = pytest.importorskip("engines")


@pytest.fixture
def shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "eval" / "dev" / "events" / "fr-wikinews"
    folder.mkdir(parents=True)
    rows = [{"id": f"a{i}", "text": "Le Valdor a fermé sa frontière avec l'Ostrie. " * 20, "language": "fr"}
            for i in range(5)]
    (folder / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    monkeypatch.setattr(engines, "SHARED", tmp_path)
    return tmp_path


def test_pieces_are_slices_of_whole_copies_covering_the_corpus_once(shared: Path) -> None:
    whole = engines.corpus(0.03)  # about 6 copies of 5 articles
    copies = len(whole) // 5
    assert copies >= 5
    sliced = [engines.corpus(0.03, 4, k) for k in range(4)]
    assert [r["id"] for piece in sliced for r in piece] == [r["id"] for r in whole]
    assert all(len(piece) % 5 == 0 and piece for piece in sliced)


def fake_child(calls: list[tuple[str, ...]]) -> Any:
    def run(*args: str) -> dict[str, Any]:
        calls.append(args)
        piece = int(args[args.index("--piece") + 1])
        workers = int(args[args.index("--workers") + 1])
        return {"workers": workers, "articles": 10, "words": 1000, "bytes": 6000, "seconds": 5.0 + piece,
                "cpu_seconds": 4.0, "load_seconds": 2.0, "worker_peak_mb": 800.0 + piece, "load_average": 3.0 + piece,
                "copies": 2, "shard_mb_per_1000": 3.0}

    return run


def test_finished_runs_are_kept_and_a_second_call_times_only_the_rest(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, ...]] = []
    monkeypatch.setattr(engines, "run_child", fake_child(calls))
    results = tmp_path / "runs.jsonl"
    size = engines.Size(20.0, 3)
    first = engines.measure(size, list(engines.CONFIGS), [0], results)
    assert sorted(first) == sorted((name, 0) for name in engines.CONFIGS) and len(calls) == 4
    stopped = engines.measure(size, list(engines.CONFIGS), [0, 1, 2], results, stop_after=-1)
    assert len(calls) == 4 and sorted(stopped) == sorted(first)  # nothing new past the limit
    again = engines.measure(size, list(engines.CONFIGS), [0, 1], results)
    assert len(calls) == 8 and {k for _, k in again} == {0, 1}
    assert [c[c.index("--piece") + 1] for c in calls[4:]] == ["1"] * 4  # piece 0 was not timed again
    other = engines.measure(engines.Size(20.0, 6), ["local-1"], [0], results)
    assert len(calls) == 9 and list(other) == [("local-1", 0)]  # another cut of the corpus is another run


def test_a_configurations_pieces_add_up_into_one_run() -> None:
    rows = [{"workers": 2, "articles": 10, "words": 1000, "bytes": 6000, "seconds": 5.0 + k, "cpu_seconds": 4.0,
             "load_seconds": 2.0 + k, "worker_peak_mb": 800.0 + k, "load_average": 3.0 + k,
             "load_average_before": 2.0 + k, "copies": 2, "shard_mb_per_1000": None} for k in range(3)]
    run = engines.combine(rows)
    assert (run["articles"], run["seconds"], run["cpu_seconds"], run["copies"]) == (30, 18.0, 12.0, 6)
    assert (run["worker_peak_mb"], run["load_seconds"], run["shard_mb_per_1000"]) == (802.0, 3.0, None)
    assert (run["load_average_before"], run["load_average"], run["load_low"], run["load_high"]) == (2.0, 5.0, 2.0, 5.0)
