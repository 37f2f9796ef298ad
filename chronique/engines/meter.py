"""Progress and the run report of a long job, measured around whatever extracts.

``Metered`` wraps an engine where ``app.ingest`` expects an extractor: it sees the articles going
in (their source files give the share of input bytes done, hence the ETA) and the Extractions coming
out (the time spent waiting on workers), without touching the ingest loop itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from chronique.ingest.remote import is_url, object_sizes
from chronique.ingest.sources import walk
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article, Extraction

from .base import Engine

T = TypeVar("T")


def input_bytes(paths: Iterable[str | Path]) -> dict[str, int]:
    """Size of every input file (a stat each, nothing read; a URL's objects listed), for the ETA."""
    sizes: dict[str, int] = {}
    for given in paths:
        if is_url(given):
            sizes.update(object_sizes(str(given)))
            continue
        path = Path(given)
        files = walk(path) if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            if not isinstance(file, Path):  # an unlistable folder: the readers report it
                continue
            try:
                sizes[str(file)] = file.stat().st_size
            except OSError:
                continue
    return sizes


@dataclass
class RunTimes:
    """Where a run's time went (seconds). Worker steps are summed over workers."""

    wall: float = 0.0
    read: float = 0.0  # driver: reading sources and skipping articles already stored
    waiting: float = 0.0  # driver: waiting on the workers' extractions
    workers: dict[str, float] = field(default_factory=dict)

    @property
    def store(self) -> float:
        """The rest of the driver's time: the single store writer."""
        return max(self.wall - self.read - self.waiting, 0.0)


@dataclass
class Snapshot:
    done: int
    failures: int
    rate: float  # inputs per second
    eta: float | None  # seconds, None until some input bytes are known to be done


class Metered:
    """An engine seen by ``app.ingest`` as its extractor, measuring as it goes."""

    def __init__(self, engine: Engine, sizes: dict[str, int]) -> None:
        self.engine = engine
        self.sizes = sizes
        self.total_bytes = sum(sizes.values())
        self.done_bytes = 0
        self.started = time.perf_counter()
        self.times = RunTimes()
        self._current: str | None = None
        self._inside = 0  # text bytes of the current file's records so far

    def _feed(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Bytes done: whole files once the next one starts; within a file of many records (JSONL,
        feed, WARC, Parquet), the records' text so far, up to the file's size."""
        for article in _timed(articles, self._charge_read):
            file = (article.source or "").split("#record ", 1)[0]
            if file != self._current:  # the previous input file is done
                self.done_bytes += self.sizes.get(self._current or "", 0)
                self._current, self._inside = file, 0
            elif file in self.sizes:
                self._inside = min(self._inside + len(article.text.encode("utf-8", "replace")), self.sizes[file])
            yield article

    def _charge_read(self, seconds: float) -> None:
        self.times.read += seconds

    def _charge_wait(self, seconds: float) -> None:
        self.times.waiting += seconds

    def extract_many(self, articles: Iterable[Article], *, policy: FailurePolicy = FailurePolicy.RAISE,
                     report: RunReport | None = None) -> Iterator[Extraction]:
        results = self.engine.extract_many(self._feed(articles), policy=policy, report=report)
        yield from _timed(results, self._charge_wait)

    def snapshot(self, done: int, failures: int) -> Snapshot:
        elapsed = max(time.perf_counter() - self.started, 1e-6)
        eta = None
        done_bytes = self.done_bytes + self._inside
        if done_bytes and self.total_bytes:
            eta = elapsed * max(self.total_bytes - done_bytes, 0) / done_bytes
        return Snapshot(done, failures, done / elapsed, eta)

    def finish(self) -> RunTimes:
        self.times.wall = time.perf_counter() - self.started
        self.times.waiting = max(self.times.waiting - self.times.read, 0.0)  # reading happens inside the wait
        self.times.workers = dict(self.engine.stats.seconds)
        return self.times


def _timed(items: Iterable[T], charge: Callable[[float], None]) -> Iterator[T]:
    """``items`` as they come, charging the time each took to produce."""
    upstream = iter(items)
    while True:
        started = time.perf_counter()
        item = next(upstream, None)
        charge(time.perf_counter() - started)
        if item is None:
            return
        yield item
