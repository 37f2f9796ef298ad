"""The shard job on this machine's cores: the parts of ``parts.py`` (whole files, or runs of row
groups of a big Parquet file) spread over a pool of worker processes, each with its own pipeline
and writing its parts' shards; ``chronique load`` stores them, as after a Ray job.

A worker that dies breaks the pool: a fresh pool takes every part whose result had not come back
(a part is idempotent: its shard is written whole under its own name, or not at all). When the
pool breaks ``retries`` + 1 times in a row without finishing a part, the job stops with the parts
left; run again, it resumes with them.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path

from chronique.ingest.pieces import ROWS_PER_PIECE, Piece

from .base import EngineOptions
from .local import loaded_worker, start_worker
from .parts import PartDone, ShardJob, plan_job, write_part
from .shards import ShardFolder
from .work import ExtractionFailedError, WorkerFactory


def _write(folder: str, part: int, pieces: list[Piece], fmt: str | None, chunk_size: int) -> PartDone:
    return write_part(loaded_worker(), ShardFolder.at(folder), part, pieces, fmt, chunk_size)


def write_shards_local(paths: Iterable[str | Path], folder: str | Path, factory: WorkerFactory,
                       options: EngineOptions, *, fmt: str | None = None, files_per_part: int = 64,
                       rows_per_piece: int = ROWS_PER_PIECE, start_method: str = "spawn") -> ShardJob:
    """Inputs (paths, or URLs as strings) to shards in ``folder`` (a path or a URL)."""
    shards = ShardFolder.at(folder)
    shards.make()
    job, todo = plan_job(paths, shards, fmt, files_per_part, rows_per_piece)
    target = str(folder)
    stalls = 0
    while todo:
        workers = min(options.n_workers, len(todo))
        with ProcessPoolExecutor(workers, mp_context=get_context(start_method), initializer=start_worker,
                                 initargs=(factory,)) as pool:
            futures: dict[Future[PartDone], int] = {
                pool.submit(_write, target, k, pieces, fmt, options.chunk_size): k for k, pieces in todo.items()}
            finished, broke = 0, False
            for future in as_completed(futures):
                try:
                    done = future.result()
                except BrokenProcessPool:
                    broke = True
                    continue
                job.add(done)
                del todo[done.part]
                finished += 1
        if not broke:
            continue
        job.dead_workers += 1
        stalls = 0 if finished else stalls + 1
        if stalls > options.retries:
            first = ", ".join(str(k) for k in sorted(todo)[:5])
            raise ExtractionFailedError(
                f"expected the parts to finish, the worker processes died {stalls} times in a row without "
                f"finishing one; {len(todo)} part(s) left (first: {first}), resumed by running the job again",
                where=str(folder))
    return job
