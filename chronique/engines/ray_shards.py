"""A Ray Data job: inputs → extraction in an actor pool → Parquet shards (``chronique load`` reads them).

The inputs are listed once (directories walked, a stat each), numbered, and cut into parts of
consecutive files; a Parquet file of many rows is cut by row groups into parts of its own
(ingest/pieces.py), so that one big file spreads over the actors. Ray Data hands the parts to a
pool of actors; each actor reads its pieces with chronique's own readers (the same formats and
guards as ``ingest``), extracts, and writes the part's shard. A part whose shard exists is skipped,
so an interrupted job resumes where it stopped. The shard folder must be reachable by every actor:
a local folder on one machine, a shared file system, or an object-storage URL. Inputs may be URLs
too (s3://bucket/crawl/, remote.py), read in place: an actor reads only its row groups of an object.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import ray

from chronique.errors import ChroniqueError
from chronique.ingest.pieces import ROWS_PER_PIECE, Piece, plan_parts
from chronique.ingest.remote import expand, is_url
from chronique.ingest.sources import walk
from chronique.report import Failure
from chronique.schema import Article

from .base import EngineOptions
from .ray_engine import start_ray
from .shards import ShardFolder, ShardRow
from .work import WorkerFactory, run_chunk


@dataclass
class ShardJob:
    parts: int = 0  # parts of the job
    skipped: int = 0  # parts whose shard was already there (a resumed job)
    articles: int = 0
    events: int = 0
    failures: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # worker time per step


def list_inputs(paths: Iterable[str | Path]) -> list[str]:
    """Every input file in order; a directory (or a URL's prefix) is listed here so that its files
    spread over parts. A missing path or an empty folder stays as it is and fails in its part."""
    found: list[str] = []
    for given in paths:
        if is_url(given):
            found += expand(str(given))
            continue
        path = Path(given)
        files = list(walk(path)) if path.is_dir() else []
        found += [str(f) for f in files] or [str(path)]
    return found


class PartWriter:
    """A Ray Data actor: extracts whole parts and writes one shard each."""

    def __init__(self, factory: WorkerFactory, folder: str, fmt: str | None, chunk_size: int) -> None:
        self.worker = factory()
        self.folder = ShardFolder.at(folder)
        self.fmt = fmt
        self.chunk_size = chunk_size

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {"part": [], "articles": [], "events": [], "failures": [], "seconds": []}
        for part, inputs in zip(batch["part"], batch["inputs"], strict=True):
            rows, seconds = self._extract(json.loads(str(inputs)))
            self.folder.write(int(part), rows)
            out["part"].append(int(part))
            out["articles"].append(sum(r.extraction is not None for r in rows))
            out["events"].append(sum(len(r.extraction.events) for r in rows if r.extraction is not None))
            out["failures"].append(sum(r.failure is not None for r in rows))
            out["seconds"].append(json.dumps(seconds))
        return out

    def _extract(self, pieces: list[dict[str, Any]]) -> tuple[list[ShardRow], dict[str, float]]:
        rows: list[ShardRow] = []
        seconds: dict[str, float] = {}
        for given in pieces:
            piece = Piece(given["input"], given["name"], tuple(given["groups"]) if given["groups"] else None,
                          given["first_item"])
            articles: list[tuple[int, Article]] = []
            for item, found in piece.items(self.fmt):
                if isinstance(found, ChroniqueError):
                    rows.append(ShardRow(piece.input, item, failure=Failure.from_error(found)))
                else:
                    articles.append((item, found))
            for start in range(0, len(articles), self.chunk_size):
                pairs = articles[start:start + self.chunk_size]
                result = run_chunk(self.worker, [a for _, a in pairs])
                for step, spent in result.seconds.items():
                    seconds[step] = seconds.get(step, 0.0) + spent
                for (item, _), outcome in zip(pairs, result.outcomes, strict=True):
                    failure = None if outcome.rejection is None else Failure.from_error(
                        outcome.rejection.error(), source=outcome.rejection.source)
                    rows.append(ShardRow(piece.input, item, outcome.extraction, failure))
        return rows, seconds


def write_shards(paths: Iterable[str | Path], folder: str | Path, factory: WorkerFactory, options: EngineOptions, *,
                 fmt: str | None = None, files_per_part: int = 64, rows_per_piece: int = ROWS_PER_PIECE) -> ShardJob:
    """Inputs (paths, or URLs as strings) to shards in ``folder`` (a path or a URL)."""
    shards = ShardFolder.at(folder)
    shards.make()
    parts = list(enumerate(plan_parts(list_inputs(paths), fmt, files_per_part=files_per_part,
                                      rows_per_piece=rows_per_piece)))
    todo = [{"part": k, "inputs": json.dumps([asdict(piece) for piece in pieces])}
            for k, pieces in parts if not shards.has(k)]
    job = ShardJob(parts=len(parts), skipped=len(parts) - len(todo))
    if not todo:
        return job
    started = start_ray(options)
    try:
        dataset = ray.data.from_items(todo).map_batches(
            PartWriter, batch_size=1, num_cpus=1,
            compute=ray.data.ActorPoolStrategy(size=min(options.n_workers, len(todo))),
            fn_constructor_args=(factory, str(folder) if is_url(folder) else shards.path, fmt, options.chunk_size))
        for summary in dataset.iter_rows():
            job.articles += int(summary["articles"])
            job.events += int(summary["events"])
            job.failures += int(summary["failures"])
            for step, spent in json.loads(str(summary["seconds"])).items():
                job.seconds[step] = job.seconds.get(step, 0.0) + spent
    finally:
        if started:
            ray.shutdown()
    return job
