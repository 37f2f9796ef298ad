"""The local engine: a pool of worker processes on this machine, each with its own pipeline.

Chunks of articles go to the pool through a bounded window (memory stays flat on any corpus) and
come back in input order. A worker that dies (killed, out of memory) breaks the pool: a fresh pool
takes the chunks that were in flight, so no article is lost or extracted twice into the output. A
chunk that has broken the pool ``retries`` times is split and tried article by article; an article
that still kills its worker becomes a failure and the run goes on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context

from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article, Extraction

from .base import EngineOptions, EngineStats, chunked, emit
from .work import ArticleWorker, ChunkResult, ExtractionFailedError, Outcome, Rejection, WorkerFactory, run_chunk

_WORKER: ArticleWorker | None = None
_START_ERROR: Exception | None = None


def start_worker(factory: WorkerFactory) -> None:
    """Pool initializer: load the pipeline once per worker process."""
    global _WORKER, _START_ERROR
    try:
        _WORKER = factory()
    except Exception as error:  # reported by the first task, not as a dead pool
        _START_ERROR = error


def loaded_worker() -> ArticleWorker:
    """This worker process's pipeline (in a task of a pool started with ``start_worker``)."""
    if _START_ERROR is not None:
        raise _START_ERROR
    assert _WORKER is not None
    return _WORKER


def _run(articles: list[Article]) -> ChunkResult:
    return run_chunk(loaded_worker(), articles)


@dataclass
class _Task:
    articles: list[Article]
    future: Future[ChunkResult]
    pool: ProcessPoolExecutor  # the pool it went to: a task of a dead pool is sent again
    attempts: int = 0

    def succeeded(self) -> bool:
        return self.future.done() and not self.future.cancelled() and self.future.exception() is None


class LocalEngine:
    name = "local"

    def __init__(self, factory: WorkerFactory, options: EngineOptions | None = None, *,
                 start_method: str = "spawn") -> None:
        self.factory = factory
        self.options = options or EngineOptions()
        self.start_method = start_method  # spawn: workers share no state (threads, handles) with the writer
        self.stats = EngineStats()
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.options.n_workers, mp_context=get_context(self.start_method),
                                             initializer=start_worker, initargs=(self.factory,))
        return self._pool

    def _task(self, articles: list[Article]) -> _Task:
        pool = self._executor()
        try:
            return _Task(articles, pool.submit(_run, articles), pool)
        except BrokenProcessPool:  # a worker died since the last look: this goes to a fresh pool
            self._replace_pool(pool)
            pool = self._executor()
            return _Task(articles, pool.submit(_run, articles), pool)

    def _replace_pool(self, dead: ProcessPoolExecutor) -> None:
        """After a worker died: drop the broken pool (once); the next submit starts a fresh one."""
        if dead is self._pool:
            self.stats.dead_workers += 1
            dead.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def extract_many(self, articles: Iterable[Article], *, policy: FailurePolicy = FailurePolicy.RAISE,
                     report: RunReport | None = None) -> Iterator[Extraction]:
        """Extractions in input order; rejections follow the failure policy as in ``Pipeline``."""
        report = report if report is not None else RunReport()
        window: deque[_Task] = deque()
        limit = 2 * self.options.n_workers  # chunks in flight: every worker busy, one more queued each
        for chunk in chunked(articles, self.options.chunk_size):
            window.append(self._task(chunk))
            while len(window) >= limit:
                yield from emit(self._finish(window), policy, report, self.stats)
        while window:
            yield from emit(self._finish(window), policy, report, self.stats)

    def _finish(self, window: deque[_Task]) -> ChunkResult:
        """The oldest chunk's result, resubmitting every chunk in flight when the pool broke."""
        head = window[0]
        while True:
            try:
                result = head.future.result()
            except (BrokenProcessPool, CancelledError):  # cancelled: its pool was dropped while it waited
                self._replace_pool(head.pool)
                self._resubmit(window)
                if head.attempts > self.options.retries:
                    window.popleft()
                    return self._one_by_one(head.articles)
                continue
            window.popleft()
            return result

    def _resubmit(self, window: deque[_Task]) -> None:
        for task in window:
            if task.pool is self._pool or task.succeeded():
                continue  # already on the fresh pool, or finished before the pool broke
            task.attempts += 1
            self.stats.retried_chunks += 1
            if task is not window[0] or task.attempts <= self.options.retries:
                fresh = self._task(task.articles)
                task.future, task.pool = fresh.future, fresh.pool

    def _one_by_one(self, articles: list[Article]) -> ChunkResult:
        """A chunk that keeps killing workers, article by article: only the culprit is lost."""
        outcomes: list[Outcome] = []
        seconds: dict[str, float] = {}
        for article in articles:
            outcome = self._alone(article)
            if isinstance(outcome, ChunkResult):
                outcomes += outcome.outcomes
                for step, spent in outcome.seconds.items():
                    seconds[step] = seconds.get(step, 0.0) + spent
            else:
                outcomes.append(outcome)
        return ChunkResult(outcomes, seconds)

    def _alone(self, article: Article) -> ChunkResult | Outcome:
        for _ in range(self.options.retries + 1):
            task = self._task([article])
            try:
                return task.future.result()
            except (BrokenProcessPool, CancelledError):
                self._replace_pool(task.pool)
        message = f"expected an extraction, the worker process died on each of {self.options.retries + 1} tries"
        where = article.source or article.id
        return Outcome(rejection=Rejection(ExtractionFailedError, message, where, None, article.source))
