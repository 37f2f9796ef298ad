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
from dataclasses import asdict
from pathlib import Path
from typing import Any

import ray

from chronique.ingest.pieces import ROWS_PER_PIECE
from chronique.ingest.remote import is_url

from .base import EngineOptions
from .parts import PartDone, ShardJob, pieces_from_json, pieces_json, plan_job, write_part
from .ray_engine import start_ray
from .shards import ShardFolder
from .work import WorkerFactory

__all__ = ["ShardJob", "write_shards"]


class PartWriter:
    """A Ray Data actor: extracts whole parts and writes one shard each."""

    def __init__(self, factory: WorkerFactory, folder: str, fmt: str | None, chunk_size: int) -> None:
        self.worker = factory()
        self.folder = ShardFolder.at(folder)
        self.fmt = fmt
        self.chunk_size = chunk_size

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {"done": []}
        for part, pieces in zip(batch["part"], batch["pieces"], strict=True):
            done = write_part(self.worker, self.folder, int(part), pieces_from_json(str(pieces)), self.fmt,
                              self.chunk_size)
            out["done"].append(json.dumps(asdict(done)))
        return out


def write_shards(paths: Iterable[str | Path], folder: str | Path, factory: WorkerFactory, options: EngineOptions, *,
                 fmt: str | None = None, files_per_part: int = 64, rows_per_piece: int = ROWS_PER_PIECE) -> ShardJob:
    """Inputs (paths, or URLs as strings) to shards in ``folder`` (a path or a URL)."""
    shards = ShardFolder.at(folder)
    shards.make()
    job, todo = plan_job(paths, shards, fmt, files_per_part, rows_per_piece)
    if not todo:
        return job
    items = [{"part": k, "pieces": pieces_json(pieces)} for k, pieces in todo.items()]
    started = start_ray(options)
    try:
        dataset = ray.data.from_items(items).map_batches(
            PartWriter, batch_size=1, num_cpus=1,
            compute=ray.data.ActorPoolStrategy(size=min(options.n_workers, len(items))),
            fn_constructor_args=(factory, str(folder) if is_url(folder) else shards.path, fmt, options.chunk_size))
        for row in dataset.iter_rows():
            job.add(PartDone(**json.loads(str(row["done"]))))
    finally:
        if started:
            ray.shutdown()
    return job
