"""The engine interface: an engine turns Articles into Extractions in input order, like
``chronique.Pipeline.extract_many``, but spreads the work over worker processes (``local``) or a
Ray cluster (``ray``). Writing to the store stays with the caller, one writer, so the store is the
same whatever the engine."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from chronique.errors import ConfigError
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article, Extraction

from .work import ChunkResult

ENGINE_NAMES = ("local", "ray")


def all_cores() -> int:
    """The cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class EngineOptions:
    workers: int | None = None  # None: all cores
    chunk_size: int = 16  # articles per task sent to a worker
    retries: int = 2  # new tries of a chunk whose worker died, before it is split article by article
    address: str | None = None  # Ray: None starts a local Ray; "auto" or "ray://host:port" joins a cluster

    def __post_init__(self) -> None:
        if self.workers is not None and self.workers < 1:
            raise ConfigError(f"expected --workers of at least 1, found {self.workers}", where="--workers")
        if self.chunk_size < 1:
            raise ConfigError(f"expected a chunk size of at least 1, found {self.chunk_size}", where="chunk_size")

    @property
    def n_workers(self) -> int:
        return self.workers or all_cores()


@dataclass
class EngineStats:
    """Worker seconds per step, summed over workers; chunks retried after a worker died."""

    seconds: dict[str, float] = field(default_factory=dict)
    retried_chunks: int = 0
    dead_workers: int = 0

    def add(self, result: ChunkResult) -> None:
        for step, spent in result.seconds.items():
            self.seconds[step] = self.seconds.get(step, 0.0) + spent


class Engine(Protocol):
    name: str
    stats: EngineStats

    def extract_many(self, articles: Iterable[Article], *, policy: FailurePolicy = FailurePolicy.RAISE,
                     report: RunReport | None = None) -> Iterator[Extraction]: ...

    def close(self) -> None: ...


def emit(result: ChunkResult, policy: FailurePolicy, report: RunReport, stats: EngineStats) -> Iterator[Extraction]:
    """A worker's answer as ``Pipeline.extract_many`` gives it: counts in the report, rejections
    under the failure policy, Extractions in order."""
    stats.add(result)
    for outcome in result.outcomes:
        if outcome.rejection is not None:
            report.reject(outcome.rejection.error(), policy, source=outcome.rejection.source)
        elif outcome.extraction is not None:
            report.articles += 1
            report.events += len(outcome.extraction.events)
            report.transfers += len(outcome.extraction.transfers)
            yield outcome.extraction


def chunked(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
