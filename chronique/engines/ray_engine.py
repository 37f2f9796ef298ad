"""The Ray engine (extra ``chronique[ray]``): extraction in a pool of Ray actors, each loading the
pipeline once; locally (``address`` None: a Ray started for this run) or on a cluster (``auto``,
``ray://host:port``).

``extract_many`` streams chunks to the actors and gives Extractions back in input order, for the
single store writer of ``chronique ingest``. ``write_shards`` is the batch path for corpora bigger
than one writer's day: Ray Data spreads parts of the inputs over an actor pool and each actor
writes its part's Parquet shard (shards.py), for ``chronique load``. Ray restarts a dead actor and
re-runs its task (``max_restarts``, ``max_task_retries``), so a worker's death loses nothing.
"""

from __future__ import annotations

import resource
from collections.abc import Iterable, Iterator
from typing import Any

import ray
from ray.util import ActorPool

from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article, Extraction

from .base import EngineOptions, EngineStats, chunked, emit
from .work import ChunkResult, WorkerFactory, run_chunk


class ExtractActor:
    """One worker: a pipeline loaded once, answering chunks of articles."""

    def __init__(self, factory: WorkerFactory) -> None:
        self.worker = factory()

    def run(self, articles: list[Article]) -> ChunkResult:
        return run_chunk(self.worker, articles)

    def peak_mb(self) -> float:
        """This worker's peak resident memory (Linux reports KiB)."""
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def start_ray(options: EngineOptions) -> bool:
    """Join or start Ray; True when this call started it (and the engine must stop it)."""
    if ray.is_initialized():
        return False
    if options.address:
        ray.init(address=options.address, include_dashboard=False, log_to_driver=False)
    else:
        ray.init(num_cpus=options.n_workers, include_dashboard=False, log_to_driver=False)
    return True


class RayEngine:
    name = "ray"

    def __init__(self, factory: WorkerFactory, options: EngineOptions | None = None) -> None:
        self.factory = factory
        self.options = options or EngineOptions()
        self.stats = EngineStats()
        self._started_ray = False
        self._actors: list[Any] = []

    def __enter__(self) -> RayEngine:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _pool(self) -> ActorPool:
        if not self._actors:
            self._started_ray = start_ray(self.options)
            remote = ray.remote(num_cpus=1, max_restarts=self.options.retries,
                                max_task_retries=self.options.retries)(ExtractActor)
            self._actors = [remote.remote(self.factory) for _ in range(self.options.n_workers)]
        return ActorPool(self._actors)

    def close(self) -> None:
        for actor in self._actors:
            ray.kill(actor)
        self._actors = []
        if self._started_ray:
            ray.shutdown()
            self._started_ray = False

    def worker_peaks_mb(self) -> list[float]:
        """Peak memory of each live worker (for benchmarks and monitoring)."""
        return [float(m) for m in ray.get([actor.peak_mb.remote() for actor in self._actors])]

    def extract_many(self, articles: Iterable[Article], *, policy: FailurePolicy = FailurePolicy.RAISE,
                     report: RunReport | None = None) -> Iterator[Extraction]:
        """Extractions in input order (``ActorPool.get_next`` is ordered); a bounded window of chunks."""
        report = report if report is not None else RunReport()
        pool: ActorPool | None = None
        in_flight = 0
        limit = 2 * self.options.n_workers
        for chunk in chunked(articles, self.options.chunk_size):
            pool = pool or self._pool()
            pool.submit(lambda actor, c: actor.run.remote(c), chunk)
            in_flight += 1
            if in_flight >= limit:
                yield from emit(pool.get_next(), policy, report, self.stats)
                in_flight -= 1
        while pool is not None and pool.has_next():
            yield from emit(pool.get_next(), policy, report, self.stats)
