"""What one worker does with a chunk of articles, whatever the engine: prepare each, annotate the
prepared ones together, and answer one Outcome per article in input order.

A rejected article (empty, too large, unsupported language) and an article whose annotation raised
are Outcomes carrying a Rejection, so one bad article never costs its chunk-mates their results.
The Rejection is plain data: ChroniqueError subclasses do not survive pickling with their fields.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from chronique.errors import ChroniqueError
from chronique.options import PipelineOptions
from chronique.schema import Article, Extraction


class ExtractionFailedError(ChroniqueError):
    """The pipeline raised on an article, or the worker extracting it died every time it was tried."""

    code = "EXTRACTION_FAILED"


class ArticleWorker(Protocol):
    """A loaded pipeline as a worker sees it (``PipelineWorker``; model-free fakes in tests)."""

    def prepare(self, article: Article) -> Article: ...

    def annotate(self, articles: Sequence[Article]) -> list[Extraction]: ...

    def stage_seconds(self) -> dict[str, float]:
        """Seconds per pipeline stage since the last call (empty when not measured)."""
        ...


WorkerFactory = Callable[[], ArticleWorker]


@dataclass(frozen=True)
class Rejection:
    """A ChroniqueError as plain data, rebuilt on the writer's side by ``error()``."""

    kind: type[ChroniqueError]
    message: str
    where: str | None = None
    record: int | str | None = None
    source: str | None = None

    @classmethod
    def of(cls, error: ChroniqueError, source: str | None) -> Rejection:
        return cls(type(error), error.message, error.where, error.record, source)

    def error(self) -> ChroniqueError:
        return self.kind(self.message, where=self.where, record=self.record)


@dataclass(frozen=True)
class Outcome:
    """One article's result: its Extraction, or why it has none."""

    extraction: Extraction | None = None
    rejection: Rejection | None = None


@dataclass
class ChunkResult:
    outcomes: list[Outcome]
    seconds: dict[str, float] = field(default_factory=dict)  # worker time per step: prepare, annotate


class PipelineWorker:
    """The real worker: one ``chronique.Pipeline``, its models loaded once per process."""

    def __init__(self, options: PipelineOptions) -> None:
        from chronique.pipeline import Pipeline  # the engines module itself stays model-free

        self.pipeline = Pipeline(options)
        self._clock: dict[str, float] = {}
        self._timed: set[str] = set()

    def prepare(self, article: Article) -> Article:
        return self.pipeline.prepare(article)

    def annotate(self, articles: Sequence[Article]) -> list[Extraction]:
        from chronique.engines.stages import time_stages

        for lang in {a.language for a in articles if a.language} - self._timed:
            time_stages(self.pipeline.annotator.language(lang), self._clock)
            self._timed.add(lang)
        batch_size = self.pipeline.options.batch_size
        return list(self.pipeline.annotator.annotate_many(articles, batch_size=batch_size))

    def stage_seconds(self) -> dict[str, float]:
        taken = dict(self._clock)
        self._clock.clear()  # the timed stages hold this very dict
        return taken


def _failed(article: Article, error: Exception) -> Rejection:
    where = article.source or article.id
    return Rejection(ExtractionFailedError, f"expected an extraction, the pipeline raised "
                     f"{type(error).__name__}: {error}", where, None, article.source)


def run_chunk(worker: ArticleWorker, articles: Sequence[Article]) -> ChunkResult:
    """Prepare then annotate ``articles``; an annotation error is retried article by article so
    that only the article that raised is lost."""
    started = time.perf_counter()
    outcomes: list[Outcome | None] = [None] * len(articles)
    ready: list[tuple[int, Article]] = []
    for i, article in enumerate(articles):
        try:
            ready.append((i, worker.prepare(article)))
        except ChroniqueError as error:
            outcomes[i] = Outcome(rejection=Rejection.of(error, article.source))
    prepared = time.perf_counter()
    try:
        extractions = worker.annotate([a for _, a in ready])
        for (i, _), extraction in zip(ready, extractions, strict=True):
            outcomes[i] = Outcome(extraction=extraction)
    except Exception:  # isolate the article that raised, keep the others
        for i, article in ready:
            try:
                outcomes[i] = Outcome(extraction=worker.annotate([article])[0])
            except Exception as error:
                outcomes[i] = Outcome(rejection=_failed(articles[i], error))
    done = time.perf_counter()
    stages = {f"annotate/{name}": spent for name, spent in worker.stage_seconds().items()}
    return ChunkResult([o for o in outcomes if o is not None],
                       {"prepare": prepared - started, "annotate": done - prepared, **stages})
